import { describe, expect, test } from "vitest";
import { compiler } from "../../../src/keys/implicit.js";

describe("the compiler a CC or CXX value names", () => {
  test.each([
    [undefined, "cc"],
    ["", "cc"],
    ["gcc", "gcc"],
    ["ccache gcc", "gcc"],
    ["/usr/bin/sccache /usr/bin/clang -m64", "/usr/bin/clang"],
    ["gcc -DX=1", "gcc"],
    ["ccache", "cc"],
  ])("%s → %s", (value, expected) => {
    expect(compiler(value, "cc")).toBe(expected);
  });
});
