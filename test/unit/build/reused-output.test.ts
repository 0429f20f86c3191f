import path from "node:path";
import { describe, expect, test } from "vitest";
import { observe } from "../../../src/build/observe.js";
import type { RawTrace } from "../../../src/build/trace.js";
import { unfollowedChanges } from "../../../src/pipeline/build-step.js";
import { setuptoolsOutputDirs } from "../../../src/project/build-output.js";
import type { ProjectModel } from "../../../src/project/model.js";
import { listTree } from "../../support/fingerprint.js";
import { gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// brotli's setup.cfg says `[build] build_base=bin`: setuptools' output lands in bin/, not build/.

function model(
  setupCfg: string | undefined,
  pyproject: Record<string, unknown> = {},
): ProjectModel {
  return { setupCfg, pyproject: { data: pyproject } } as unknown as ProjectModel;
}

describe("setuptoolsOutputDirs", () => {
  test("setup.cfg's [build] build_base and [build_ext] build_temp", () => {
    const cfg =
      "[build]\nbuild_base=bin\n\n[build_ext]\nbuild-temp = tmp/objs/\n[yapf]\nbased_on_style=google\n";
    expect(setuptoolsOutputDirs(model(cfg))).toEqual(["bin", "tmp/objs"]);
  });

  test("pyproject.toml's [tool.distutils.build] build-base; nothing outside the project", () => {
    const data = {
      tool: { distutils: { build: { "build-base": "out" }, build_py: { build_lib: "../x" } } },
    };
    expect(setuptoolsOutputDirs(model(undefined, data))).toEqual(["out"]);
  });

  test("no setting: nothing besides build/", () => {
    expect(setuptoolsOutputDirs(model("[metadata]\nname = demo\n"))).toEqual([]);
  });
});

describe("what a build reads in a moved build directory is reused output", () => {
  test("bin/lib/_brotli.so, read and not written, is reused, not an input", async () => {
    const repo = makeTempDir();
    writeTree(repo, { ".gitignore": "bin/\n", "setup.py": "", "c/enc.c": "" });
    gitInit(repo);
    gitCommitAll(repo);
    writeTree(repo, { "bin/lib/_brotli.so": "binary" });
    const tree = await listTree({ projectDir: repo });
    const trace: RawTrace = {
      opened: new Map([
        [path.join(repo, "bin/lib/_brotli.so"), true],
        [path.join(repo, "c/enc.c"), true],
      ]),
      listed: new Set(),
      written: new Set(),
      created: new Set(),
      execs: new Map(),
    };
    const context = {
      tree,
      pythonPrefixes: [],
      own: [],
      env: {},
      platform: "linux-x64",
      startedMs: Date.now() + 60_000,
    };
    const before = await observe(trace, context);
    expect(before.reused).toEqual([]);
    expect(Object.keys(before.observed.files)).toContain("bin/lib/_brotli.so");
    const after = await observe(trace, { ...context, outputDirs: ["bin"] });
    expect(after.reused).toEqual(["bin/lib/_brotli.so"]);
    expect(Object.keys(after.observed.files)).toEqual(["c/enc.c"]);
  });
});

describe("unfollowedChanges", () => {
  const so =
    "build/lib.linux-x86_64-cpython-311/zstandard/backend_c.cpython-311-x86_64-linux-gnu.so";
  const changed = [
    { id: "env:CFLAGS", status: "added" as const, group: "implicit" as const, after: "set" },
    { id: "env:DEMO_FLAG", status: "added" as const, group: "rebuild" as const, after: "unset" },
    {
      id: "file:*.{c,h}",
      status: "changed" as const,
      group: "rebuild" as const,
      files: { added: [], modified: ["zstd/zstd.h", "c-ext/backend_c.c"], removed: [] },
    },
    {
      id: "file:zstandard/**",
      status: "changed" as const,
      group: "shipped" as const,
      files: { added: [], modified: ["zstandard/__init__.py"], removed: [] },
    },
  ];
  const observedChanges = [
    { kind: "package" as const, what: "gcc-12", before: "12.2.0-14", after: "12.2.0-15" },
    { kind: "dir" as const, what: "tests", before: "a", after: "b" },
  ];
  const miss = { changed, observedChanges };

  test("an extension reused across changes no compiler read: the header cffi read, CFLAGS, gcc", () => {
    // python-zstandard: make_cffi.py reads zstd/zstd.h, build_ext skips backend_c (zstd.h is not
    // in its depends), and only backend_c.c's own change was compiled (by another extension).
    const observation = { reused: [so], compiled: ["c-ext/backend_c.c"] };
    expect(unfollowedChanges("setuptools", observation, miss)).toEqual([
      "env:CFLAGS",
      "gcc-12",
      "zstd/zstd.h",
    ]);
  });

  test("every change compiled, no extension reused, or a backend that follows them: nothing", () => {
    const compiledAll = { reused: [so], compiled: ["c-ext/backend_c.c", "zstd/zstd.h"] };
    const onlyChanges = {
      changed: changed.filter((c) => c.files),
      observedChanges: [],
    };
    expect(unfollowedChanges("setuptools", compiledAll, onlyChanges)).toEqual([]);
    const pythonOnly = { reused: ["build/lib/zstandard/__init__.py"], compiled: [] };
    expect(unfollowedChanges("setuptools", pythonOnly, miss)).toEqual([]);
    expect(unfollowedChanges("maturin", { reused: [so], compiled: [] }, miss)).toEqual([]);
  });
});
