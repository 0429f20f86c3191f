import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { LocalCache } from "../../../src/cache/local.js";
import { check } from "../../../src/commands/check.js";
import { type CommandOutput, uvKeys } from "../../../src/commands/uv-keys.js";
import { type Command, makeConfig, type UvKeysOptions } from "../../../src/config/index.js";
import { UserError } from "../../../src/errors.js";
import { QUIET_ENV } from "../../support/fingerprint.js";
import { gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const PYPROJECT = `# The project.
[build-system]
requires = ["setuptools>=64"]  # no pins
build-backend = "setuptools.build_meta"

[project]
name = "mod"
version = "1.0"
`;

function project(files: Record<string, string>): string {
  const dir = makeTempDir();
  writeTree(dir, {
    "setup.py": "from setuptools import setup\nsetup()\n",
    "src/mod/__init__.py": "",
    "src/mod/_core.c": '#include "defs.h"\n',
    "include/defs.h": "#define VALUE 1\n",
    ...files,
  });
  gitInit(dir);
  gitCommitAll(dir);
  return dir;
}

async function run(
  command: Command,
  dir: string,
  uvKeysOptions: Partial<UvKeysOptions> = {},
): Promise<CommandOutput> {
  const config = makeConfig({
    command,
    projectDir: dir,
    projectDisplay: ".",
    python: "python3",
    env: QUIET_ENV,
    cacheDir: makeTempDir(),
    uvKeys: { write: false, force: false, trace: false, ...uvKeysOptions },
  });
  const deps = {
    cache: new LocalCache(config.cacheDir!),
    stagingDir: makeTempDir(),
    progress: () => undefined,
  };
  return command === "check" ? check(config, deps) : uvKeys(config, deps);
}

const NARROW = `${PYPROJECT}
[tool.uv]
cache-keys = ["pyproject.toml", "setup.py", "src/**/*.c"]
`;

describe("check", () => {
  test("a list that covers src/**/*.c but not include/: exit 1, the header named", async () => {
    const output = await run("check", project({ "pyproject.toml": NARROW }));
    expect(output.code).toBe(1);
    expect(output.out).toContain(
      "pyproject.toml: [tool.uv] cache-keys leave out include/defs.h, an input of the build: uv will not rebuild when it changes; wheel-cache uv-keys --write writes a list that covers it",
    );
    expect(output.out).toContain("  include/defs.h: a rebuild input of setuptools builds\n");
    expect(output.out).toMatch(/^check: 1 input left out; no traced build/m);
  });

  test("after uv-keys --write --force: exit 0", async () => {
    const dir = project({ "pyproject.toml": NARROW });
    expect((await run("uv-keys", dir, { write: true, force: true })).code).toBe(0);
    const output = await run("check", dir);
    expect(output.out).toMatch(/^check: every input is covered;/m);
    expect(output.code).toBe(0);
  });

  test("no list at all: uv's defaults miss every source", async () => {
    const output = await run("check", project({ "pyproject.toml": PYPROJECT }));
    expect(output.code).toBe(1);
    expect(output.out).toContain("src/mod/_core.c: a rebuild input of setuptools builds");
    expect(output.out).toContain("no [tool.uv] cache-keys, so uv uses its defaults");
  });

  test("clustering, exclusions, directories, empty globs and uv.toml are reported", async () => {
    const dir = project({
      "pyproject.toml": `${PYPROJECT}
[tool.uv]
cache-keys = ["*.toml", "setup.py", "src/*.c", "include", "include/**/*.h", "!src/gen/**", "docs/**/*.c"]
`,
      "uv.toml": 'cache-keys = ["pyproject.toml"]\n',
    });
    const output = await run("check", dir);
    expect(output.code).toBe(1);
    const out = output.out;
    expect(out).toContain("leave out src/mod/_core.c");
    expect(out).toMatch(
      /cache-keys\[2\]: "src\/\*\.c" means something else to uv: with "\*\.toml" .* uv matches it as "src\/\*\.c" from the project directory, so it no longer matches at any depth under src\/ \(it misses src\/mod\/_core\.c\)/,
    );
    expect(out).toMatch(
      /cache-keys\[0\]: "\*\.toml" starts with a wildcard, so uv walks the whole project directory/,
    );
    expect(out).toMatch(/cache-keys\[3\]: "include" is a directory: uv skips it/);
    expect(out).toMatch(
      /cache-keys\[5\]: "!src\/gen\/\*\*" is an exclusion: uv has none, and this one excludes nothing/,
    );
    expect(out).toMatch(/cache-keys\[6\]: "docs\/\*\*\/\*\.c" matches no file/);
    expect(out).toContain(
      "uv.toml: cache-keys in uv.toml have no effect: uv reads them only from pyproject.toml's [tool.uv]",
    );
  });

  test("--json: what is left out and the problems", async () => {
    const dir = project({ "pyproject.toml": NARROW });
    const config = { json: true };
    const output = await (async () => {
      const c = makeConfig({
        command: "check",
        projectDir: dir,
        projectDisplay: ".",
        python: "python3",
        env: QUIET_ENV,
        cacheDir: makeTempDir(),
        ...config,
      });
      return check(c, {
        cache: new LocalCache(c.cacheDir!),
        stagingDir: makeTempDir(),
        progress: () => undefined,
      });
    })();
    expect(JSON.parse(output.out)).toEqual({
      ok: false,
      leftOut: [{ file: "include/defs.h", reason: "rebuild" }],
      gitCommit: false,
      problems: [],
      tracedOn: null,
    });
  });
});

describe("uv-keys", () => {
  test("prints the [tool.uv] table; writes it with --write, every other byte kept; twice changes nothing", async () => {
    const dir = project({ "pyproject.toml": PYPROJECT });
    const printed = await run("uv-keys", dir);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^\[tool\.uv\]\ncache-keys = \[\n {4}"pyproject\.toml",\n/);
    const written = await run("uv-keys", dir, { write: true });
    expect(written.out).toMatch(/^wrote \[tool\.uv\] cache-keys in pyproject\.toml/);
    const text = readFileSync(path.join(dir, "pyproject.toml"), "utf8");
    expect(text).toBe(`${PYPROJECT}\n${printed.out}`);
    const again = await run("uv-keys", dir, { write: true });
    expect(again.out).toBe("pyproject.toml: [tool.uv] cache-keys are up to date\n");
    expect(readFileSync(path.join(dir, "pyproject.toml"), "utf8")).toBe(text);
  });

  test("another list there: the difference, exit 1, the file untouched; --force replaces it", async () => {
    const dir = project({ "pyproject.toml": NARROW });
    const refused = await run("uv-keys", dir, { write: true });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('  + "include/**/*.h"');
    expect(refused.out).toContain('  - "src/**/*.c"');
    expect(refused.notes.join("\n")).toContain("run uv-keys --write --force to replace them");
    expect(readFileSync(path.join(dir, "pyproject.toml"), "utf8")).toBe(NARROW);
    const forced = await run("uv-keys", dir, { write: true, force: true });
    expect(forced.out).toMatch(/^replaced \[tool\.uv\] cache-keys/);
    const text = readFileSync(path.join(dir, "pyproject.toml"), "utf8");
    expect(text.startsWith(`${PYPROJECT}\n[tool.uv]\ncache-keys = [\n`)).toBe(true);
    expect(text).toContain('    "include/**/*.h",\n');
  });

  test("a project without pyproject.toml: --write is a UserError", async () => {
    const dir = project({});
    await expect(run("uv-keys", dir, { write: true })).rejects.toThrow(UserError);
  });
});
