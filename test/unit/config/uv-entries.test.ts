import { describe, expect, test } from "vitest";
import { parseCacheKeyLines, parseCacheKeys } from "../../../src/config/uv-entries.js";
import { UserError } from "../../../src/errors.js";
import { parseTomlContent } from "../../../src/shared/toml.js";

const WHERE = "pyproject.toml: [tool.uv]";

/** Parses `cache-keys = <toml>` the way a pyproject would hold it. */
function keysOf(toml: string) {
  const data = parseTomlContent(`cache-keys = ${toml}`, "pyproject.toml");
  return parseCacheKeys(data["cache-keys"], WHERE).map((p) => p.entry);
}

describe("every uv entry form", () => {
  test.each([
    ['["Cargo.lock"]', [{ kind: "file", pattern: "Cargo.lock" }]],
    ['[{ file = "src/**/*.rs" }]', [{ kind: "file", pattern: "src/**/*.rs" }]],
    ['[{ dir = "src" }]', [{ kind: "dir", path: "src" }]],
    ["[{ git = true }]", [{ kind: "git", commit: true, tags: false }]],
    ["[{ git = false }]", []],
    ["[{ git = { commit = true } }]", [{ kind: "git", commit: true, tags: false }]],
    ["[{ git = { tags = true } }]", [{ kind: "git", commit: false, tags: true }]],
    ["[{ git = { commit = true, tags = true } }]", [{ kind: "git", commit: true, tags: true }]],
    ["[{ git = { commit = false, tags = false } }]", []],
    ['[{ env = "MACOSX_DEPLOYMENT_TARGET" }]', [{ kind: "env", name: "MACOSX_DEPLOYMENT_TARGET" }]],
    ["[]", []],
  ])("%s", (toml, expected) => {
    expect(keysOf(toml)).toEqual(expected);
  });
});

describe("invalid entries are errors naming the entry and the problem", () => {
  test.each([
    ['"Cargo.lock"', "cache-keys must be a list, got string"],
    [
      "[1]",
      "cache-keys[0]: expected a string or a table with exactly one of `file`, `dir`, `git`, `env`, got number 1",
    ],
    ['["a", { tag = true }]', "cache-keys[1]: unknown field `tag`"],
    [
      '[{ file = "a", dir = "b" }]',
      "cache-keys[0]: expected a string or a table with exactly one of `file`, `dir`, `git`, `env`, found `file` and `dir`",
    ],
    [
      "[{}]",
      "cache-keys[0]: expected a string or a table with exactly one of `file`, `dir`, `git`, `env`, found none",
    ],
    ["[{ file = 3 }]", "cache-keys[0]: `file` must be a string, got number 3"],
    ["[{ dir = [] }]", "cache-keys[0]: `dir` must be a string, got a list"],
    ['[{ env = "" }]', "cache-keys[0]: empty env"],
    ['[""]', "cache-keys[0]: empty path"],
    ['[{ git = "yes" }]', "cache-keys[0]: `git` must be true, false or { commit, tags }"],
    [
      "[{ git = { tag = true } }]",
      "cache-keys[0]: unknown field `git.tag` (expected `commit`, `tags`)",
    ],
    ['[{ git = { commit = "yes" } }]', '`git.commit` must be true or false, got string "yes"'],
    ['[{ env = "A=B" }]', "cache-keys[0]: invalid environment variable name"],
    ['[["nested"]]', "got a list"],
  ])("%s", (toml, message) => {
    const error = (() => {
      try {
        keysOf(toml);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain(WHERE);
  });
});

describe("the cache-keys input: one entry per line", () => {
  test("bare paths, inline tables, blanks and comments", () => {
    const parsed = parseCacheKeyLines(
      ["src/**/*.rs", "", "# a comment", '{ env = "MY_FLAG" }', "{ git = { commit = true } }"],
      "input cache-keys",
    );
    expect(parsed).toEqual([
      { entry: { kind: "file", pattern: "src/**/*.rs" }, origin: "input cache-keys line 1" },
      { entry: { kind: "env", name: "MY_FLAG" }, origin: "input cache-keys line 4" },
      { entry: { kind: "git", commit: true, tags: false }, origin: "input cache-keys line 5" },
    ]);
  });

  test.each([
    ["{ env = }", "input cache-keys line 1: not a TOML inline table"],
    ['{ tags = "x" }', "input cache-keys line 1: unknown field `tags`"],
  ])("%s is an error", (line, message) => {
    expect(() => parseCacheKeyLines([line], "input cache-keys")).toThrow(message);
  });
});

describe("malformed pyproject.toml", () => {
  test("names the file, line and column in one line", () => {
    const error = (() => {
      try {
        parseTomlContent('[project]\nname = "x"\nversion = \n', "examples/x/pyproject.toml");
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toMatch(/^examples\/x\/pyproject\.toml:3:\d+: invalid TOML: .+/);
    expect(error?.message).not.toContain("\n");
  });
});
