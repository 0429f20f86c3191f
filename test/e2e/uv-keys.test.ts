import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { beforeAll, describe, expect, test } from "vitest";
import { parseCacheKeys } from "../../src/config/uv-entries.js";
import { uvCoverage } from "../../src/files/uv-glob.js";
import { runCli } from "../support/action.js";
import { tail } from "../support/action-output.js";
import {
  BUILD_ENV_HINT,
  buildEnv,
  EXAMPLES,
  EXAMPLES_DIR,
  hasBuildEnv,
  PYTHON,
  REPO_ROOT,
} from "../support/build-env.js";
import {
  BUILD_COMMAND,
  coreSource,
  pyproject,
  setupPy,
  writeProject,
} from "../support/c-project.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyProject, FIXTURE_NAMES, FIXTURES_DIR } from "../support/examples.js";
import { git, gitCommitAll, gitInit } from "../support/git.js";
import { groundTruth } from "../support/strace.js";
import { makeTempDir } from "../support/tmp.js";
import { makeProbeProject, uvCoveredFiles } from "../support/uv.js";

// `wheel-cache uv-keys --write` on every example and on projects whose builds read what no rule
// names: the list it writes, read with uv's meaning (clustering included, and by real uv), covers
// every file the build reads (strace's ground truth) but the Python files the wheel ships; the
// rest of pyproject.toml is byte-identical, and a second run changes nothing.

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);
if (process.platform !== "linux") throw new Error("the ground truth needs Linux with strace");

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const TIMEOUT_MS = 300_000;
const PYTHON_BUILD = (out: string) => [
  PYTHON,
  "-m",
  "build",
  "--wheel",
  "--no-isolation",
  "--outdir",
  out,
];

/** `wheel-cache <args>` in `project` with a local cache of the test's own. */
async function cli(project: string, cacheDir: string, ...args: string[]) {
  return runCli([...args, "--project", ".", "--cache-dir", cacheDir], {
    cwd: project,
    env: { ...buildEnv, PYTHONDONTWRITEBYTECODE: "1" },
  });
}

/**
 * Runs `uv-keys --write` (with `extra` flags), checks that only the `cache-keys` entry of
 * pyproject.toml changed and that a second run changes nothing; returns the written list.
 */
async function writeKeys(project: string, cacheDir: string, extra: string[] = []): Promise<string> {
  const file = path.join(project, "pyproject.toml");
  const before = readFileSync(file, "utf8");
  const first = await cli(project, cacheDir, "uv-keys", "--write", ...extra);
  expect(first.code, tail(first)).toBe(0);
  const after = readFileSync(file, "utf8");
  const added = /^\n\[tool\.uv\]\ncache-keys = (\[\n[\s\S]*?\n\])\n$/.exec(
    after.slice(before.length),
  );
  expect(after.startsWith(before), after).toBe(true);
  expect(added, after.slice(before.length)).not.toBeNull();
  const second = await cli(project, cacheDir, "uv-keys", "--write");
  expect(second.code, tail(second)).toBe(0);
  expect(second.stdout).toContain("[tool.uv] cache-keys are up to date");
  expect(readFileSync(file, "utf8")).toBe(after);
  return added![1]!;
}

/** The files `wheel-cache keys` covers (present files): all of them, and the shipped ones. */
async function keyedFiles(
  project: string,
  cacheDir: string,
): Promise<{ all: Set<string>; shipped: Set<string> }> {
  const result = await cli(project, cacheDir, "keys", "--json");
  expect(result.code, tail(result)).toBe(0);
  const { keys } = JSON.parse(result.stdout) as {
    keys: { group: string; files?: Record<string, string | null> }[];
  };
  const files = (group?: string) =>
    new Set(
      keys
        .filter((k) => !group || k.group === group)
        .flatMap((k) => Object.entries(k.files ?? {}))
        .filter(([, digest]) => digest !== null)
        .map(([file]) => file),
    );
  return { all: files(), shipped: files("shipped") };
}

/** The project-relative files of `candidates` a list covers with uv's meaning. */
function uvCovered(list: string, candidates: readonly string[], projectDir = ""): string[] {
  const entries = parseCacheKeys((parse(`v = ${list}`) as { v: unknown }).v, "written").map(
    (p) => p.entry,
  );
  const coverage = uvCoverage(entries, projectDir, "written");
  const rooted = (f: string) => path.posix.normalize(path.posix.join(projectDir, f));
  return candidates.filter((f) => coverage.covers(rooted(f))).sort();
}

/**
 * `wheel-cache keys` covers every input; the written list, read as uv reads it, covers every
 * input but Python files the wheel ships (left out on purpose: an editable install imports them
 * from the tree), which `keys` covers as shipped files.
 */
async function expectCovered(
  project: string,
  cacheDir: string,
  list: string,
  inputs: readonly string[],
  projectDir = "",
): Promise<void> {
  expect(inputs.length).toBeGreaterThan(1);
  const keyed = await keyedFiles(project, cacheDir);
  expect(inputs.filter((f) => !keyed.all.has(f))).toEqual([]);
  const covered = uvCovered(list, inputs, projectDir);
  const left = inputs.filter((f) => !covered.includes(f));
  expect(left.filter((f) => !/\.pyi?$/.test(f) || !keyed.shipped.has(f))).toEqual([]);
}

/** Every example, and the fixtures shaped like real layouts (test/fixtures). */
const PROJECTS = [
  ...EXAMPLES.map((e) => ({ ...e, source: path.join(EXAMPLES_DIR, e.name) })),
  ...FIXTURE_NAMES.map((name) => ({
    ...EXAMPLES[0]!,
    name,
    source: path.join(FIXTURES_DIR, name),
  })),
];

describe.each(PROJECTS)("$name: uv-keys --write covers what the build reads", (example) => {
  test("the list covers every file the build read but the shipped Python; real uv agrees", {
    timeout: example.buildTimeoutMs * 3,
  }, async () => {
    const dir = await copyProject(example.source, { git: true });
    const inputs = await groundTruth(
      dir,
      example.buildCommand(makeTempDir()),
      example.buildTimeoutMs * 2,
    );
    // The build's own output stays in the tree, as after a local build: no glob may match it.
    const cacheDir = makeTempDir("wheel-cache-uv-keys-");
    const list = await writeKeys(dir, cacheDir);
    await expectCovered(dir, cacheDir, list, inputs);
    if (example.name === "maturin") {
      // The README shows this list.
      const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
      expect(readme).toContain(`\n[tool.uv]\ncache-keys = ${list}\n`);
    }
    // Real uv, given the list in a project with the same files, covers the same ones.
    const tracked = git(dir, "ls-files").split("\n").filter(Boolean);
    const candidates = [...new Set([...tracked, ...inputs])]
      .filter((f) => f !== "pyproject.toml")
      .sort();
    const probe = makeProbeProject(
      list,
      Object.fromEntries(candidates.map((f) => [f, readFileSync(path.join(dir, f), "utf8")])),
    );
    expect(await uvCoveredFiles(probe, candidates)).toEqual(uvCovered(list, candidates));
  });
});

/** A project whose build reads what no rule names, written twice: one copy for each build. */
interface Fixture {
  readonly name: string;
  /** Writes the project (a fresh copy each call); returns the repository root. */
  make(): string;
  /** The project directory, relative to the root. */
  readonly project?: string;
  /** What the list must hold. */
  readonly entry: string;
}

const FIXTURES: Fixture[] = [
  {
    name: "a header in a sibling directory of a monorepo",
    make: () => {
      const repo = writeProject({
        "common/defs.h": "#define VALUE 1\n",
        "pkg/pyproject.toml": pyproject("mod"),
        // A computed path: no rule follows it, only the trace sees the header.
        "pkg/setup.py": setupPy("mod", 'include_dirs=[os.path.join("..", "common")]', "import os"),
        "pkg/src/mod/__init__.py": "",
        "pkg/src/mod/_core.c": coreSource(['"defs.h"']),
      });
      gitInit(repo);
      gitCommitAll(repo);
      return repo;
    },
    project: "pkg",
    entry: '"../common/**/*.h"',
  },
  {
    name: "a helper module setup.py imports",
    make: () =>
      writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup_helpers.py": "VALUE = '1'\n",
        "setup.py": setupPy(
          "mod",
          'define_macros=[("VALUE", setup_helpers.VALUE)]',
          'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\nsetup_helpers = __import__("setup_" + "helpers")',
        ),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource([]),
      }),
    entry: '"setup_helpers.py"',
  },
  {
    name: "a data file setup.py reads by a computed path",
    make: () =>
      writeProject({
        "pyproject.toml": pyproject("mod"),
        "setup.py": setupPy(
          "mod",
          'define_macros=[("VALUE", VALUE)]',
          'import os\nVALUE = open(os.path.join("da" + "ta", "value.txt")).read().strip()',
        ),
        "src/mod/__init__.py": "",
        "src/mod/_core.c": coreSource([]),
        "data/value.txt": "1\n",
      }),
    entry: '"data/**/*.txt"',
  },
];

describe("projects whose builds read what no rule names: uv-keys --trace --write", () => {
  test.each(FIXTURES)(
    "$name",
    async (fixture) => {
      const env = { ...buildEnv, PYTHONDONTWRITEBYTECODE: "1" };
      const truthRoot = fixture.make();
      const truthDir = path.join(truthRoot, fixture.project ?? "");
      const inputs = await groundTruth(truthDir, PYTHON_BUILD(makeTempDir()), TIMEOUT_MS, {
        root: truthRoot,
        env,
      });
      const root = fixture.make();
      const dir = path.join(root, fixture.project ?? "");
      const cacheDir = makeTempDir("wheel-cache-uv-keys-");
      const list = await writeKeys(dir, cacheDir, ["--trace", "--build-command", BUILD_COMMAND]);
      expect(list).toContain(`    ${fixture.entry},\n`);
      await expectCovered(dir, cacheDir, list, inputs, fixture.project);
    },
    TIMEOUT_MS,
  );
});

describe("check", () => {
  test(
    "a list that covers src/**/*.c but not include/: exit 1 naming the header; exit 0 after uv-keys --write",
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
      const cacheDir = makeTempDir("wheel-cache-uv-keys-");
      const before = await cli(project, cacheDir, "check");
      expect(before.code, tail(before)).toBe(1);
      expect(before.stdout).toMatch(
        /cache-keys leave out include\/defs\.h, setup\.py, inputs of the build/,
      );
      expect(before.stdout).toContain("\n  include/defs.h: a rebuild input of setuptools builds\n");
      // The project has its own list: --write shows the difference and asks for --force.
      const refused = await cli(project, cacheDir, "uv-keys", "--write");
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('  + "include/**/*.h"');
      expect(refused.stderr).toContain("run uv-keys --write --force to replace them");
      const forced = await cli(project, cacheDir, "uv-keys", "--write", "--force");
      expect(forced.code, tail(forced)).toBe(0);
      const after = await cli(project, cacheDir, "check");
      expect(after.code, tail(after)).toBe(0);
      expect(after.stdout).toMatch(/^check: every input is covered/m);
      // A build of the project warns the same way while the list leaves the header out.
      writeFileSync(
        path.join(project, "pyproject.toml"),
        pyproject(
          "mod",
          '\n[tool.uv]\ncache-keys = ["pyproject.toml", "setup.py", "src/**/*.c"]\n',
        ),
      );
      const build = await cli(
        project,
        cacheDir,
        "build",
        "--json",
        "--build-command",
        BUILD_COMMAND,
      );
      expect(build.code, tail(build)).toBe(0);
      const { warnings } = JSON.parse(build.stdout) as { warnings: string[] };
      expect(warnings).toContain(
        "pyproject.toml: [tool.uv] cache-keys leave out include/defs.h, an input of the build: uv will not rebuild when it changes; wheel-cache uv-keys --write writes a list that covers it",
      );
    },
    TIMEOUT_MS,
  );
});
