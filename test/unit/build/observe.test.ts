import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { observe } from "../../../src/build/observe.js";
import { emptyTrace } from "../../../src/build/trace.js";
import { validateObserved } from "../../../src/fingerprint/observed.js";
import { listTree } from "../../support/fingerprint.js";
import { gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

/** A repository with one source file, and a site-packages where `cmake` installed a program. */
async function machine() {
  const repo = makeTempDir();
  writeTree(repo, { "pyproject.toml": "", "src/demo.c": "int x;\n" });
  gitInit(repo);
  gitCommitAll(repo);
  const site = path.join(makeTempDir(), "lib", "python3.12", "site-packages");
  writeTree(site, {
    "cmake/data/bin/cmake": "#!/bin/sh\n",
    "cmake-4.1.0.dist-info/RECORD": "cmake/__init__.py,,\ncmake/data/bin/cmake,,\n",
  });
  const tools = makeTempDir();
  writeTree(tools, { "bin/gen-table": "#!/bin/sh\n" });
  const tree = await listTree({ projectDir: repo });
  const context = {
    tree,
    pythonPrefixes: [],
    own: [],
    env: { PATH: "" },
    platform: "linux-x64",
    startedMs: Date.now() + 60_000,
  };
  return { repo, site, tools, tree, context };
}

describe("observe", () => {
  test("a program a Python distribution installed is that distribution; others by digest", async () => {
    const { repo, site, tools, tree, context } = await machine();
    const trace = emptyTrace();
    trace.opened.set(path.join(repo, "src/demo.c"), true);
    trace.execs.set(path.join(site, "cmake/data/bin/cmake"), new Set(["cmake"]));
    trace.execs.set(path.join(tools, "bin/gen-table"), new Set(["gen-table"]));
    const { observed } = await observe(trace, context);
    const identities = Object.fromEntries(observed.tools.map((t) => [t.path, t.identity]));
    expect(identities[path.join(site, "cmake/data/bin/cmake")]).toBe("dist:cmake-4.1.0");
    expect(identities[path.join(tools, "bin/gen-table")]).toMatch(/^[0-9a-f]{40}$/);
    expect(observed.distributions).toEqual([{ site, distInfo: "cmake-4.1.0.dist-info" }]);

    const validation = { tree, keys: [], env: {}, platform: "linux-x64" };
    expect(await validateObserved(observed, validation)).toEqual([]);
    // Another cmake installed in its place: its distribution is gone, and the hit is a miss.
    rmSync(path.join(site, "cmake-4.1.0.dist-info"), { recursive: true });
    writeTree(site, { "cmake-4.2.0.dist-info/RECORD": "cmake/data/bin/cmake,,\n" });
    expect(await validateObserved(observed, validation)).toEqual([
      {
        kind: "distribution",
        what: "cmake-4.1.0",
        before: `installed in ${site}`,
        after: "not installed there",
      },
    ]);
  });

  test("namespace packages: the distribution whose RECORD lists the file, not the first", async () => {
    const { site, context } = await machine();
    writeTree(site, {
      "nvidia/cublas/include/cublas.h": "cublas\n",
      "nvidia/cuda_nvcc/bin/ptxas": "ptxas 12.4\n",
      "nvidia/cuda_nvcc/include/crt/host_config.h": "config\n",
      "nvidia/cuda_nvcc/bin/unlisted": "made after install\n",
      "nvidia_cublas_cu12-12.1.0.dist-info/RECORD":
        "nvidia/__init__.py,,\nnvidia/cublas/include/cublas.h,,\n",
      "nvidia_cuda_nvcc_cu12-12.4.0.dist-info/RECORD":
        "nvidia/__init__.py,,\nnvidia/cuda_nvcc/bin/ptxas,,\nnvidia/cuda_nvcc/include/crt/host_config.h,,\n",
    });
    const trace = emptyTrace();
    trace.opened.set(path.join(site, "nvidia/cuda_nvcc/include/crt/host_config.h"), true);
    trace.execs.set(path.join(site, "nvidia/cuda_nvcc/bin/ptxas"), new Set(["ptxas"]));
    trace.execs.set(path.join(site, "nvidia/cuda_nvcc/bin/unlisted"), new Set(["unlisted"]));
    // A single owner of the top-level name, but its RECORD does not list the program.
    writeTree(site, { "cmake/data/bin/ccmake": "#!/bin/sh\n" });
    trace.execs.set(path.join(site, "cmake/data/bin/ccmake"), new Set(["ccmake"]));
    const { observed } = await observe(trace, context);
    const identities = Object.fromEntries(observed.tools.map((t) => [t.path, t.identity]));
    expect(identities[path.join(site, "nvidia/cuda_nvcc/bin/ptxas")]).toBe(
      "dist:nvidia_cuda_nvcc_cu12-12.4.0",
    );
    expect(identities[path.join(site, "nvidia/cuda_nvcc/bin/unlisted")]).toMatch(/^[0-9a-f]{40}$/);
    expect(identities[path.join(site, "cmake/data/bin/ccmake")]).toMatch(/^[0-9a-f]{40}$/);
    expect(observed.distributions).toEqual([
      { site, distInfo: "nvidia_cuda_nvcc_cu12-12.4.0.dist-info" },
    ]);
    expect(observed.outside).toEqual({});
  });

  test("a directory opened as `sub/` is recorded as `sub`", async () => {
    const { repo, context } = await machine();
    const trace = emptyTrace();
    trace.opened.set(`${path.join(repo, "missing")}/`, false);
    trace.opened.set(path.join(repo, "src/demo.c"), true);
    const { observed } = await observe(trace, context);
    expect(observed.files).toEqual({ missing: null, "src/demo.c": expect.any(String) });
  });

  test("files in a directory the build created, at any depth, are its own", async () => {
    const { repo, context } = await machine();
    const trace = emptyTrace();
    trace.created.add(path.join(repo, "gen"));
    trace.opened.set(path.join(repo, "gen/a/b/table.h"), true);
    trace.opened.set(path.join(repo, "gen/top.h"), true);
    trace.opened.set(path.join(repo, "generated.h"), true);
    trace.opened.set(path.join(repo, "src/demo.c"), true);
    const { observed } = await observe(trace, context);
    expect(Object.keys(observed.files)).toEqual(["generated.h", "src/demo.c"]);
  });
});
