import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILD_ENV_HINT, buildEnv, hasBuildEnv } from "../support/build-env.js";
import {
  type BuildJson,
  buildProject,
  coreSource,
  importedValue,
  pyproject,
  setupPy,
  writeProject,
} from "../support/c-project.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { git, gitCommitAll, gitInit } from "../support/git.js";
import { makeTempDir, writeTree } from "../support/tmp.js";

// Inputs no rule of wheel-cache's names, which real builds read: each is a real round trip with
// the bundled CLI under strace. Build, change the input, build again: the fingerprint is the same
// (the inputs are named in ways no rule can follow: a computed path, a computed import), so only
// the validation of what the first build read can tell, and the reason must name the file or
// tool. The rebuilt wheel, imported, gives what a fresh build gives. Between builds the build's
// own output (build/, *.egg-info) is removed, as a fresh checkout in CI has none.

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);
if (process.platform !== "linux") throw new Error("tracing needs Linux with strace");

const TIMEOUT_MS = 300_000;

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** Removes what a setuptools build leaves in the tree (a fresh checkout has none of it). */
function freshCheckout(project: string): void {
  for (const dir of ["build", "dist", "src/mod.egg-info", "mod.egg-info"]) {
    rmSync(path.join(project, dir), { recursive: true, force: true });
  }
}

interface RoundTrip {
  readonly project: string;
  readonly change: () => void;
  /** What the reason must name. */
  readonly names: RegExp;
  readonly before: string;
  readonly after: string;
  readonly module?: string;
  readonly attribute?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The environment of the runs after the change (a compiler swapped on PATH). */
  readonly envAfter?: NodeJS.ProcessEnv;
  /** A rule keys this input too: the fingerprint moves, and the reason may name the key. */
  readonly keyed?: boolean;
}

/** Build, check, change, rebuild (named), check, and a third run hits the rebuilt wheels. */
async function roundTrip(trip: RoundTrip): Promise<BuildJson> {
  const cache = makeTempDir("wheel-cache-observed-cache-");
  const module = trip.module ?? "mod";
  const env = trip.env ?? buildEnv;
  const first = await buildProject(trip.project, cache, env);
  expect(first.built).toBe(true);
  expect(importedValue(first, module, trip.attribute)).toBe(trip.before);
  freshCheckout(trip.project);
  trip.change();
  const envAfter = trip.envAfter ?? env;
  const second = await buildProject(trip.project, cache, envAfter);
  if (!trip.keyed) expect(second.fingerprint).toBe(first.fingerprint);
  expect(second.built, second.reason).toBe(true);
  expect(second.reason).toMatch(trip.names);
  expect(importedValue(second, module, trip.attribute)).toBe(trip.after);
  freshCheckout(trip.project);
  const third = await buildProject(trip.project, cache, envAfter);
  expect(third, third.reason).toMatchObject({ cacheHit: true, built: false });
  expect(importedValue(third, module, trip.attribute)).toBe(trip.after);
  return second;
}

describe("a rebuild when a file no key covers changes", () => {
  it(
    "a header in a sibling directory of a monorepo (include_dirs=['../common'])",
    async () => {
      const repo = writeProject({
        "common/defs.h": "#define VALUE 1\n",
        "pkg/pyproject.toml": pyproject("mod"),
        "pkg/setup.py": setupPy("mod", 'include_dirs=[os.path.join("..", "common")]', "import os"),
        "pkg/src/mod/__init__.py": "",
        "pkg/src/mod/_core.c": coreSource(['"defs.h"']),
      });
      gitInit(repo);
      gitCommitAll(repo);
      await roundTrip({
        project: path.join(repo, "pkg"),
        change: () => writeFileSync(path.join(repo, "common/defs.h"), "#define VALUE 2\n"),
        names: /\.\.\/common\/defs\.h, which the build read, changed/,
        before: "1",
        after: "2",
      });
    },
    TIMEOUT_MS,
  );

  it(
    "a vendored library in a git submodule, bumped (keyed by its commit too)",
    async () => {
      const lib = writeProject({ "lib.h": "#define VALUE 1\n" });
      gitInit(lib);
      gitCommitAll(lib, "lib v1");
      const repo = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy("mod", 'include_dirs=["vendor/lib"]'),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource(['"lib.h"']),
      });
      gitInit(repo);
      git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "--quiet",
        lib,
        "vendor/lib",
      );
      gitCommitAll(repo, "with the submodule");
      await roundTrip({
        project: repo,
        change: () => {
          writeFileSync(path.join(lib, "lib.h"), "#define VALUE 2\n");
          gitCommitAll(lib, "lib v2");
          git(
            path.join(repo, "vendor/lib"),
            "-c",
            "protocol.file.allow=always",
            "pull",
            "--quiet",
            "origin",
            "main",
          );
          gitCommitAll(repo, "bump the submodule");
        },
        names: /git:repositories|vendor\/lib\/lib\.h, which the build read, changed/,
        before: "1",
        after: "2",
        keyed: true,
      });
    },
    TIMEOUT_MS,
  );

  it(
    "a helper module setup.py imports",
    async () => {
      const project = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup_helpers.py": "VALUE = '1'\n",
        "setup.py": setupPy(
          "mod",
          'define_macros=[("VALUE", setup_helpers.VALUE)]',
          // A computed import: no rule can follow it.
          'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\nsetup_helpers = __import__("setup_" + "helpers")',
        ),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource([]),
      });
      await roundTrip({
        project,
        change: () => writeFileSync(path.join(project, "setup_helpers.py"), "VALUE = '2'\n"),
        names: /setup_helpers\.py, which the build read, changed/,
        before: "1",
        after: "2",
        env: { ...buildEnv, PYTHONDONTWRITEBYTECODE: "1" },
      });
    },
    TIMEOUT_MS,
  );

  it(
    "a second package beside the one named after the project",
    async () => {
      // `other` is shipped from lib/ through a package_dir computed at build time.
      const packages =
        'packages=["mod", "other"], package_dir={"mod": "src/mod", "other": os.path.join("lib", "other")}, ';
      const project = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy("mod", "", "import os").replace("setup(ext", `setup(${packages}ext`),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource([]),
        "lib/other/__init__.py": "WORD = 'one'\n",
      });
      await roundTrip({
        project,
        change: () => writeFileSync(path.join(project, "lib/other/__init__.py"), "WORD = 'two'\n"),
        names: /lib\/other\/__init__\.py, which the build read, changed/,
        before: "one",
        after: "two",
        attribute: "_core.value() and __import__('other').WORD",
      });
    },
    TIMEOUT_MS,
  );

  it(
    "a header without a suffix",
    async () => {
      const project = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy("mod"),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource(['"../../csrc/table"']),
        "csrc/table": "#define VALUE 1\n",
      });
      const second = await roundTrip({
        project,
        change: () => writeFileSync(path.join(project, "csrc/table"), "#define VALUE 2\n"),
        names: /csrc\/table, which the build read, changed/,
        before: "1",
        after: "2",
      });
      // The user hears which file to key.
      expect(second.advice.join("\n")).toMatch(
        /the build read csrc\/table, which no key covers: add "csrc\/\*\*"/,
      );
    },
    TIMEOUT_MS,
  );
});

describe("a rebuild when the machine changes", () => {
  it(
    "a changed system header (in an include directory named by CPATH)",
    async () => {
      const include = makeTempDir("wheel-cache-include-");
      writeFileSync(path.join(include, "probe_sys.h"), "#define VALUE 1\n");
      const project = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy("mod"),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource(["<probe_sys.h>"]),
      });
      await roundTrip({
        project,
        change: () => writeFileSync(path.join(include, "probe_sys.h"), "#define VALUE 2\n"),
        names: /probe_sys\.h, which the build read, changed/,
        before: "1",
        after: "2",
        env: { ...buildEnv, CPATH: include },
      });
    },
    TIMEOUT_MS,
  );

  it(
    "another compiler first on PATH",
    async () => {
      const project = writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy("mod"),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource([]),
      });
      const bin = makeTempDir("wheel-cache-compiler-");
      const gcc = execFileSync("sh", ["-c", "command -v gcc"], { encoding: "utf8" }).trim();
      writeFileSync(path.join(bin, "gcc"), `#!/bin/sh\nexec ${gcc} -DVALUE=2 "$@"\n`, {
        mode: 0o755,
      });
      await roundTrip({
        project,
        change: () => undefined,
        names: /gcc now runs .*\/gcc instead of/,
        before: "1",
        after: "2",
        envAfter: { ...buildEnv, PATH: `${bin}${path.delimiter}${buildEnv.PATH}` },
      });
    },
    TIMEOUT_MS,
  );
});

describe("the project's own cache-keys", () => {
  it(
    "a narrow list: the header it leaves out rebuilds, and a warning names what it leaves out",
    async () => {
      const project = writeProject({
        "pyproject.toml": pyproject(
          "mod",
          '\n[tool.uv]\ncache-keys = ["pyproject.toml", "src/**/*.c"]\n',
        ),
        "setup.py": setupPy("mod", 'include_dirs=["include"]'),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource(['"defs.h"']),
        "include/defs.h": "#define VALUE 1\n",
      });
      const second = await roundTrip({
        project,
        change: () => writeFileSync(path.join(project, "include/defs.h"), "#define VALUE 2\n"),
        names: /include\/defs\.h, which the build read, changed/,
        before: "1",
        after: "2",
      });
      expect(second.warnings.join("\n")).toMatch(/cache-keys leave out .*include\/defs\.h/);
    },
    TIMEOUT_MS,
  );
});

describe("what the build never read", () => {
  it(
    "editing tests, docs and an unread README still hits",
    async () => {
      const project = await copyExample("setuptools-c", { git: true });
      writeTree(project, { "docs/index.md": "# docs\n" });
      gitCommitAll(project);
      const cache = makeTempDir("wheel-cache-observed-cache-");
      const first = await buildProject(project, cache);
      expect(first.built).toBe(true);
      freshCheckout(project);
      writeTree(project, {
        "tests/test_add.py": "def test_more():\n    assert True\n",
        "docs/index.md": "# docs, edited\n",
        "README.md": "# edited\n",
      });
      const second = await buildProject(project, cache);
      expect(second, second.reason).toMatchObject({ cacheHit: true, built: false });
    },
    TIMEOUT_MS,
  );
});

describe("Rust", () => {
  it(
    "include_str! of a file outside src/",
    async () => {
      const project = await copyExample("maturin", { git: true });
      writeTree(project, { "data/word.txt": "one" });
      const lib = path.join(project, "src/lib.rs");
      writeFileSync(
        lib,
        `use pyo3::prelude::*;

#[pymodule]
mod _core {
    use pyo3::prelude::*;

    #[pyfunction]
    fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[pyfunction]
    fn word() -> &'static str {
        include_str!("../data/word.txt")
    }
}
`,
      );
      gitCommitAll(project);
      const cache = makeTempDir("wheel-cache-observed-cache-");
      const env = buildEnv;
      const build = () => buildProject(project, cache, env);
      const first = await build();
      expect(first.built).toBe(true);
      expect(importedValue(first, "example_maturin", "_core.word()")).toBe("one");
      rmSync(path.join(project, "dist"), { recursive: true, force: true });
      writeFileSync(path.join(project, "data/word.txt"), "two");
      const second = await build();
      expect(second.fingerprint).toBe(first.fingerprint);
      expect(second.reason).toMatch(/data\/word\.txt, which the build read, changed/);
      expect(importedValue(second, "example_maturin", "_core.word()")).toBe("two");
    },
    TIMEOUT_MS,
  );
});

describe("a first local build that writes an untracked file a key covers", () => {
  it(
    "the next local run hits instead of rebuilding (an untracked Cargo.lock cargo wrote)",
    async () => {
      const project = await copyExample("maturin", { git: false });
      rmSync(path.join(project, "Cargo.lock"));
      const cache = makeTempDir("wheel-cache-observed-cache-");
      const first = await buildProject(project, cache);
      expect(first.built).toBe(true);
      expect(existsSync(path.join(project, "Cargo.lock"))).toBe(true);
      const second = await buildProject(project, cache);
      expect(second, second.reason).toMatchObject({ cacheHit: true, built: false });
      expect(importedValue(second, "example_maturin", "_core.add(2, 3)")).toBe("5");
    },
    TIMEOUT_MS,
  );
});
