import { describe, expect, test } from "vitest";
import type { ObservedSet } from "../../../src/fingerprint/observed.js";
import { declaredGap, uvInputs } from "../../../src/fingerprint/uv-inputs.js";
import { fingerprintDir } from "../../support/fingerprint.js";
import { gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const PYPROJECT = `[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "mod"
version = "1.0"
`;

function project(cacheKeys: string | undefined, extra: Record<string, string> = {}): string {
  const dir = makeTempDir();
  writeTree(dir, {
    "pyproject.toml": cacheKeys
      ? `${PYPROJECT}\n[tool.uv]\ncache-keys = ${cacheKeys}\n`
      : PYPROJECT,
    "setup.py": "from setuptools import setup\nsetup()\n",
    "README.md": "# mod\n",
    "src/mod/__init__.py": "",
    "src/mod/_core.c": "",
    "src/mod/sub/more.c": "",
    "include/defs.h": "",
    ...extra,
  });
  gitInit(dir);
  gitCommitAll(dir);
  return dir;
}

const traced = (files: string[]): ObservedSet => ({
  how: "traced",
  tracedOn: "linux-x64-glibc2.36",
  files: Object.fromEntries(files.map((f) => [f, "0".repeat(40)])),
  dirs: {},
  tools: [],
  packages: {},
  outside: {},
  distributions: [],
});

describe("uvInputs", () => {
  test("rebuild defaults, metadata inputs and traced reads, each with why; shipped Python left out", async () => {
    const fp = await fingerprintDir(project(undefined, { "data/table.txt": "", LICENSE: "MIT\n" }));
    const inputs = await uvInputs(
      fp,
      traced(["data/table.txt", "src/mod/__init__.py", "gone.h"]),
      false,
    );
    expect(Object.fromEntries(inputs.files)).toEqual({
      LICENSE: "metadata",
      "data/table.txt": "read",
      "include/defs.h": "rebuild",
      "pyproject.toml": "pyproject",
      "setup.py": "rebuild",
      "src/mod/_core.c": "rebuild",
      "src/mod/sub/more.c": "rebuild",
    });
    expect([...inputs.avoid]).toEqual(["src/mod/__init__.py"]);
    expect(inputs.absent).toEqual(["setup.cfg", "MANIFEST.in"]);
    expect(inputs.tracedOn).toBe("linux-x64-glibc2.36");
  });
});

describe("declaredGap", () => {
  test("no own list: nothing to say (the advice covers it)", async () => {
    expect(await declaredGap(await fingerprintDir(project(undefined)), undefined)).toBeUndefined();
  });

  test("a list that covers every input: no gap", async () => {
    const keys = `["pyproject.toml", "setup.py", "src/**/*.c", "include/**/*.h"]`;
    expect(await declaredGap(await fingerprintDir(project(keys)), undefined)).toBeUndefined();
  });

  test("inputs the list leaves out, read as uv reads it: clustering narrows src/*.c", async () => {
    const keys = `["*.toml", "setup.py", "src/*.c"]`;
    const gap = await declaredGap(await fingerprintDir(project(keys)), traced(["README.md"]));
    expect(gap?.files).toEqual([
      { file: "README.md", reason: "read" },
      { file: "include/defs.h", reason: "rebuild" },
      { file: "src/mod/_core.c", reason: "rebuild" },
      { file: "src/mod/sub/more.c", reason: "rebuild" },
    ]);
    expect(gap?.gitCommit).toBe(false);
  });
});
