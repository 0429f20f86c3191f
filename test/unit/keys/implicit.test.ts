import { describe, expect, it, test } from "vitest";
import { envKeys } from "../../../src/keys/env.js";
import { compiler, toolchainKeys } from "../../../src/keys/implicit.js";
import { detectBackend } from "../../../src/project/backend.js";

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

describe("the toolchain on Windows", () => {
  const setuptools = detectBackend(
    { "build-system": { "build-backend": "setuptools.build_meta", requires: ["setuptools"] } },
    undefined,
  );

  it("keys the MSVC toolset `cl` reports, not a gcc that setuptools will not call", async () => {
    const calls: string[] = [];
    const fake = async (command: string, args: readonly string[]) => {
      calls.push([command, ...args].join(" "));
      return "Microsoft (R) C/C++ Optimizing Compiler Version 19.40.33811 for x64";
    };
    const keys = await toolchainKeys(setuptools, {}, undefined, undefined, "win32", fake);
    expect(keys.map((k) => k.id)).toEqual(["toolchain:msvc"]);
    expect(keys[0]!.detail).toContain("19.40.33811");
    expect(calls).toEqual(["cmd.exe /d /c cl 2>&1"]);
  });

  it("a CC that says otherwise (clang-cl, mingw) is probed instead", async () => {
    const calls: string[] = [];
    const fake = async (command: string) => {
      calls.push(command);
      return "clang version 18";
    };
    const keys = await toolchainKeys(
      setuptools,
      { CC: "clang" },
      undefined,
      undefined,
      "win32",
      fake,
    );
    expect(keys.map((k) => k.id)).toEqual(["toolchain:cc", "toolchain:c++"]);
    expect(calls[0]).toBe("clang");
  });

  it("a toolset the developer environment selects is keyed by its variables", () => {
    const ids = envKeys(
      { VCToolsVersion: "14.40.33807", WindowsSDKVersion: "10.0.22621.0\\" },
      [],
    ).map((k) => k.id);
    expect(ids).toEqual(["env:VCToolsVersion", "env:WindowsSDKVersion"]);
  });
});
