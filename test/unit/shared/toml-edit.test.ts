import { parse } from "smol-toml";
import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { setTomlValue } from "../../../src/shared/toml-edit.js";

const VALUE = `[
    "pyproject.toml",
    "src/**/*.c",
]`;

const set = (text: string, value = VALUE) =>
  setTomlValue(text, ["tool", "uv"], "cache-keys", value, "pyproject.toml");

const HEAD = `# A project.
[build-system]
requires = ["setuptools>=64"]  # pinned below
build-backend = "setuptools.build_meta"

[project]
name = "demo"
description = """
[tool.uv]
cache-keys = ["not a key: a string"]
"""
`;

describe("setTomlValue", () => {
  test("replaces an existing value in place, every other byte kept", () => {
    const before = `${HEAD}
[tool.uv]
package = true
cache-keys = [  # by hand
  "pyproject.toml", # the project
  { file = "src/*.c" },
]   # trailing comment
dev-dependencies = []

[tool.uv.sources]
demo = { workspace = true }
`;
    const after = set(before);
    expect(after).toBe(
      before.replace(/cache-keys = \[ {2}# by hand[\s\S]*?\n\]/, `cache-keys = ${VALUE}`),
    );
    expect(after).toContain("]   # trailing comment\ndev-dependencies = []");
  });

  test("adds the key after the last key of an existing table", () => {
    const before = `${HEAD}
[tool.uv]
package = true
# a comment after the table's keys

[tool.uv.sources]
demo = { workspace = true }

[[tool.uv.index]]
url = "https://example.org"
`;
    const after = set(before);
    expect(after).toBe(
      before.replace("package = true\n", `package = true\ncache-keys = ${VALUE}\n`),
    );
  });

  test("a table with no keys gets the key right after its header", () => {
    const before = `${HEAD}\n[tool.uv]\n\n[tool.ruff]\nline-length = 100\n`;
    expect(set(before)).toBe(
      `${HEAD}\n[tool.uv]\ncache-keys = ${VALUE}\n\n[tool.ruff]\nline-length = 100\n`,
    );
  });

  test("no [tool.uv]: a new table at the end", () => {
    expect(set(HEAD)).toBe(`${HEAD}\n[tool.uv]\ncache-keys = ${VALUE}\n`);
    const noNewline = HEAD.trimEnd();
    expect(set(noNewline)).toBe(`${noNewline}\n\n[tool.uv]\ncache-keys = ${VALUE}\n`);
  });

  test("a [tool.uv.sources] table alone: [tool.uv] may still be defined after it", () => {
    const before = `${HEAD}\n[tool.uv.sources]\ndemo = { path = "." }\n`;
    const after = set(before);
    expect(after.startsWith(before)).toBe(true);
    expect(parse(after)).toMatchObject({ tool: { uv: { sources: { demo: { path: "." } } } } });
  });

  test("[tool.uv] defined by dotted keys: the key is added the same way", () => {
    const inTool = `${HEAD}\n[tool]\nuv.package = true\nruff.line-length = 100\n`;
    expect(set(inTool)).toBe(
      inTool.replace("uv.package = true\n", `uv.package = true\nuv.cache-keys = ${VALUE}\n`),
    );
    const atTop = `tool.uv.package = true\n${HEAD}`;
    expect(set(atTop)).toBe(
      atTop.replace("package = true\n", `package = true\ntool.uv.cache-keys = ${VALUE}\n`),
    );
  });

  test("quoted keys and spaces in headers are the same keys", () => {
    const before = `${HEAD}\n[ tool . "uv" ]\n"cache-keys" = ["old"]\n`;
    expect(set(before)).toBe(before.replace(`["old"]`, VALUE));
  });

  test("CRLF files get CRLF lines", () => {
    const before = `${HEAD}\n[tool.uv]\npackage = true\n`.replaceAll("\n", "\r\n");
    const after = set(before);
    expect(after).toBe(
      before.replace(
        "package = true\r\n",
        `package = true\r\ncache-keys = ${VALUE.replaceAll("\n", "\r\n")}\r\n`,
      ),
    );
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
  });

  test("setting the same value twice changes nothing the second time", () => {
    const once = set(HEAD);
    expect(set(once)).toBe(once);
  });

  test("an inline [tool.uv] table cannot be edited safely: a UserError", () => {
    expect(() => set(`${HEAD}\n[tool]\nuv = { package = true }\n`)).toThrow(UserError);
    expect(() => set(`${HEAD}\n[tool]\nuv = { package = true }\n`)).toThrow(
      /pyproject\.toml: cannot edit it safely/,
    );
  });

  test("literal strings, multi-line strings, dates and nested arrays are skipped over", () => {
    const before = `a = 'C:\\path'
b = '''
[tool.uv]
'''
c = """ quotes "" inside """""
d = 1979-05-27 07:32:00
e = [[1, 2], ["x", { y = [3] }]]  # nested
f = { g = "h" }

[tool.uv]
cache-keys = [
  # a comment with ] and [
  "x",
]
`;
    const after = set(before);
    expect(after).toBe(before.replace(/cache-keys = \[[\s\S]*?\n\]/, `cache-keys = ${VALUE}`));
  });
});
