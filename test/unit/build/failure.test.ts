import { expect, it } from "vitest";
import { withoutValues } from "../../../src/build/failure.js";

it("takes values out of a failed build's output, a value containing another whole", () => {
  const failed = {
    message: "the build failed with exit code 1: make",
    argv: ["make"],
    exitCode: 1,
    outputTail: ["token s3cret-long, flags -DX=s3cret", "nothing here"],
    truncated: false,
  };
  expect(withoutValues(failed, ["s3cret", "s3cret-long"]).outputTail).toEqual([
    "token ***, flags -DX=***",
    "nothing here",
  ]);
  expect(withoutValues(failed, [])).toBe(failed);
});
