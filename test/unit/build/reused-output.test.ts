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
  const reused = { reused: ["build/lib.linux-x86_64-cpython-311/demo/_core.so"] };
  const changed = [
    { id: "env:CFLAGS", status: "added" as const, group: "implicit" as const, after: "set" },
    { id: "env:DEMO_FLAG", status: "added" as const, group: "rebuild" as const, after: "unset" },
    {
      id: "file:src/**",
      status: "changed" as const,
      group: "rebuild" as const,
      files: { added: [], modified: ["src/a.c"], removed: [] },
    },
  ];
  const observedChanges = [
    { kind: "package" as const, what: "gcc-12", before: "12.2.0-14", after: "12.2.0-15" },
    { kind: "dir" as const, what: "tests", before: "a", after: "b" },
  ];

  test("setuptools reusing build/ across a new CFLAGS or compiler package: named", () => {
    expect(unfollowedChanges("setuptools", reused, { changed, observedChanges })).toEqual([
      "env:CFLAGS",
      "gcc-12",
    ]);
  });

  test("nothing reused, or a backend that follows flags itself: nothing", () => {
    expect(unfollowedChanges("setuptools", { reused: [] }, { changed, observedChanges })).toEqual(
      [],
    );
    expect(unfollowedChanges("maturin", reused, { changed, observedChanges })).toEqual([]);
  });
});
