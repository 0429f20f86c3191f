import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runAction } from "../support/action.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectActionError, expectCliError } from "./expect-clean.js";
import { BUILD, project, projectWith } from "./fixture.js";
import { cli } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// Configuration a user can get wrong: each ends in one clear line and a non-zero exit, never a
// stack trace. The CLI's `keys` command reads everything the build would, and builds nothing.

const server = sharedCacheServer();

const keysIn = (cwd: string, ...args: string[]) => cli(["keys", "--json", ...args], { cwd });

reliabilityCase(
  "bad-input",
  "malformed pyproject.toml names the file, line and column",
  async () => {
    const dir = await projectWith("[tool.uv\ncache-keys = [");
    expectCliError(await keysIn(dir), /pyproject\.toml:\d+:\d+: invalid TOML/);
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD },
      server: server(),
    });
    expectActionError(action, /pyproject\.toml:\d+:\d+: invalid TOML/);
  },
);

reliabilityCase(
  "bad-input",
  "a pyproject.toml that starts with a byte order mark is refused, as tomllib refuses it",
  async () => {
    const dir = await project({ git: false });
    const file = path.join(dir, "pyproject.toml");
    writeFileSync(file, `\uFEFF${readFileSync(file, "utf8")}`);
    expectCliError(await keysIn(dir), /pyproject\.toml:1:1: invalid TOML: .*byte order mark/);
  },
);

const WRONG_CACHE_KEYS: [string, RegExp][] = [
  ['"src"', /cache-keys must be a list, got string "src"/],
  ["[1]", /cache-keys\[0\]: expected a string or a table .* got number 1/],
  ['[["a"]]', /cache-keys\[0\]: expected a string or a table .* got a list/],
  ["[{ file = 1 }]", /`file` must be a string, got number 1/],
  ['[{ glob = "src/*.c" }]', /unknown field `glob`/],
  ['[{ file = "a", dir = "b" }]', /found `file` and `dir`/],
  ["[{}]", /found none/],
  ['[""]', /cache-keys\[0\]: empty path/],
  ['[{ git = "yes" }]', /`git` must be true, false or \{ commit, tags \}/],
  ["[{ git = { branch = true } }]", /unknown field `git\.branch`/],
  ["[{ git = { commit = 1 } }]", /`git\.commit` must be true or false, got number 1/],
  ['[{ env = "A=B" }]', /invalid environment variable name/],
];
for (const [value, message] of WRONG_CACHE_KEYS) {
  reliabilityCase("bad-input", `cache-keys = ${value} is refused`, async () => {
    const dir = await projectWith(`[tool.uv]\ncache-keys = ${value}`);
    expectCliError(await keysIn(dir), message);
  });
}

reliabilityCase("bad-input", "malformed cache-keys input lines are refused", async () => {
  const dir = await project({ git: false });
  expectCliError(
    await keysIn(dir, "--cache-key", "{ file = "),
    /--cache-key line 1: not a TOML inline table/,
  );
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": BUILD, "cache-keys": "src/*.c\n{ nope = 1 }" },
    server: server(),
  });
  expectActionError(action, /input cache-keys line 2: unknown field `nope`/);
});

const BAD_GLOBS: [string, RegExp][] = [
  ['["src/[abc.c"]', /glob "src\/\[abc\.c" has an unclosed "\["/],
  ['["src/{a,b.c"]', /glob "src\/\{a,b\.c" has an unclosed "\{"/],
  ['["src/[z-a].c"]', /has an invalid range "z-a"/],
];
for (const [value, message] of BAD_GLOBS) {
  reliabilityCase("bad-input", `glob syntax error ${value}`, async () => {
    const dir = await projectWith(`[tool.uv]\ncache-keys = ${value}`);
    expectCliError(await keysIn(dir), message);
  });
}

const OUTSIDE: [string, RegExp][] = [
  ['["../outside.c"]', /\.\.\/outside\.c is outside the repository root/],
  ['["src/../../x.c"]', /is outside the repository root/],
  ['["../**/*.c"]', /glob "\.\.\/\*\*\/\*\.c" reaches outside the repository root/],
  ['[{ dir = "../.." }]', /\.\.\/\.\. is outside the repository root/],
  ['["/etc/passwd"]', /\/etc\/passwd is an absolute path/],
  ['["/etc/*.conf"]', /glob "\/etc\/\*\.conf" is an absolute path/],
  ['[{ dir = "/etc" }]', /\/etc is an absolute path/],
];
for (const [value, message] of OUTSIDE) {
  reliabilityCase("bad-input", `a key outside the repository ${value}`, async () => {
    const dir = await projectWith(`[tool.uv]\ncache-keys = ${value}`);
    expectCliError(await keysIn(dir), message);
  });
}

reliabilityCase("bad-input", "a missing project directory", async () => {
  const cwd = makeTempDir("wheel-cache-empty-");
  expectCliError(await keysIn(cwd, "--project", "nope"), /project directory .*nope does not exist/);
  const action = await runAction({
    workspace: cwd,
    inputs: { project: "nope", "build-command": BUILD },
    server: server(),
  });
  expectActionError(action, /nope does not exist or is not a directory/);
});

reliabilityCase("bad-input", "a project without pyproject.toml or setup.py", async () => {
  const cwd = makeTempDir("wheel-cache-empty-");
  mkdirSync(path.join(cwd, "empty"));
  const error = /empty is not a Python project: it has neither pyproject\.toml nor setup\.py/;
  expectCliError(await keysIn(cwd, "--project", "empty"), error);
});

reliabilityCase("bad-input", "a directory that is a Rust crate, not a Python project", async () => {
  const cwd = makeTempDir("wheel-cache-crate-");
  writeFileSync(path.join(cwd, "Cargo.toml"), '[package]\nname = "x"\nversion = "0.1.0"\n');
  writeFileSync(path.join(cwd, "package.json"), "{}\n");
  expectCliError(await keysIn(cwd), /is not a Python project/);
  const action = await runAction({
    workspace: cwd,
    inputs: { "build-command": BUILD },
    server: server(),
  });
  expectActionError(action, /is not a Python project/);
});

reliabilityCase("bad-input", "a project path that is a file", async () => {
  const dir = await project({ git: false });
  expectCliError(await keysIn(dir, "--project", "README.md"), /README\.md .*not a directory/);
});

for (const wheelDir of ["../outside", "/tmp/wheels"]) {
  reliabilityCase("bad-input", `wheel-dir ${wheelDir} outside the workspace`, async () => {
    const dir = await project();
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD, "wheel-dir": wheelDir },
      server: server(),
    });
    expectActionError(action, /input wheel-dir: .* is outside the workspace/);
  });
}

const BAD_KEY_PARTS: [string, string, RegExp][] = [
  ["key-prefix", "team,a", /input key-prefix: cache keys cannot contain commas/],
  ["key-suffix", "py3.12,linux", /input key-suffix: cache keys cannot contain commas/],
  ["key-prefix", "p".repeat(201), /input key-prefix: longer than 200 characters/],
  ["key-suffix", "é".repeat(200), /cache key would be \d+ characters, over the service's 512/],
];
for (const [input, value, message] of BAD_KEY_PARTS) {
  reliabilityCase("bad-input", `${input} ${value.slice(0, 20)}… is refused`, async () => {
    const dir = await project();
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD, [input]: value },
      server: server(),
    });
    expectActionError(action, message);
    expect(
      server()
        .requests()
        .filter((r) => r.includes(encodeURIComponent(value))),
    ).toEqual([]);
  });
}

reliabilityCase("bad-input", "--key-suffix with a comma is refused by the CLI", async () => {
  const dir = await project({ git: false });
  expectCliError(
    await cli(["build", "--key-suffix", "a,b", "--no-save"], { cwd: dir }),
    /--key-suffix: cache keys cannot contain commas/,
  );
});

reliabilityCase(
  "bad-input",
  "WHEEL_CACHE_SERVICE_TIMEOUT that is not a number of seconds",
  async () => {
    const dir = await project();
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD },
      env: { WHEEL_CACHE_SERVICE_TIMEOUT: "soon" },
      server: server(),
    });
    expectActionError(
      action,
      /WHEEL_CACHE_SERVICE_TIMEOUT: expected a positive number of seconds, got "soon"/,
    );
  },
);

reliabilityCase("bad-input", "a glob with many `*` against long file names", async () => {
  const dir = await projectWith(`[tool.uv]\ncache-keys = ["src/**/${"*a".repeat(30)}*b"]`);
  writeFileSync(path.join(dir, "src", "a".repeat(60)), "x\n");
  writeFileSync(path.join(dir, "src", `${"a".repeat(60)}b`), "y\n");
  const result = await keysIn(dir);
  expect(result.code, result.stderr).toBe(0);
  const keys = (JSON.parse(result.stdout) as { keys: { id: string; files?: object }[] }).keys;
  const glob = keys.find((k) => k.id.startsWith("file:src/**/*a*a"));
  expect(Object.keys(glob?.files ?? {})).toEqual([`src/${"a".repeat(60)}b`]);
});

reliabilityCase("bad-input", "boolean inputs in YAML 1.1 spellings are understood", async () => {
  const dir = await project();
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": BUILD, "lookup-only": "yes", save: "1", summary: "On" },
    server: server(),
  });
  expect(action.code, action.stderr).toBe(0);
  expect(action.outputs).toMatchObject({ "cache-hit": "false", built: "false", wheels: "" });
  expect(action.summary).toMatch(/lookup only/);
});

for (const [input, value] of [
  ["lookup-only", "maybe"],
  ["save", "2"],
  ["summary", "enabled"],
  ["trace", "y"],
  ["include-ignored", "nope"],
]) {
  reliabilityCase("bad-input", `${input}: ${value} is refused in one line`, async () => {
    const dir = await project();
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD, [input]: value },
      server: server(),
    });
    expectActionError(
      action,
      new RegExp(
        `^input ${input}: expected true or false \\(or yes/no, on/off, 1/0, in any case\\), got "${value}"$`,
      ),
    );
  });
}

reliabilityCase("bad-input", "a project outside the workspace names the project", async () => {
  const dir = await project();
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": BUILD, project: "../elsewhere" },
    server: server(),
  });
  expectActionError(action, /^input project: \.\.\/elsewhere is outside the workspace /);
});
