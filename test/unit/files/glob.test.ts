import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { compileGlob, isGlob } from "../../../src/files/glob.js";

const ORIGIN = "pyproject.toml: [tool.uv] cache-keys[0]";

describe("isGlob", () => {
  test.each([
    ["src/*.rs", true],
    ["a?.c", true],
    ["[ab].c", true],
    ["{a,b}.c", true],
    ["Cargo.lock", false],
    ["src/lib.rs", false],
    ["!target", false],
  ])("%s → %s", (s, expected) => {
    expect(isGlob(s)).toBe(expected);
  });
});

describe("base/pattern split (uv §4.2)", () => {
  test.each([
    ["a/b/*.rs", "a/b", false],
    ["*.rs", "", false],
    ["./src/*.rs", "src", false],
    ["src/./sub/*.rs", "src/sub", false],
    ["../shared/**", "../shared", false],
    ["a/../b/*.c", "b", false],
    ["a/../../x/*.c", "../x", false],
    ["src/**/*.rs", "src", false],
    ["src/lib.rs", "src", false],
    ["x/*/", "x", false],
    ["a]b/*.c", "", false],
    ["a/{b}/*.c", "a", false],
    ["**", "", false],
    ["!target/**", "target", true],
    ["!**/target", "", true],
  ])("%s → base %j", (pattern, base, negated) => {
    const glob = compileGlob(pattern, ORIGIN);
    expect(glob).toMatchObject({ pattern, base, negated, origin: ORIGIN });
  });
});

// [rule, pattern, paths relative to the base that match, paths that do not]
const RULES: [string, string, string[], string[]][] = [
  ["no `/`: any depth", "*.rs", ["c.rs", "a/b/c.rs", ".x.rs"], ["c.rsx", "a/c.txt", "c.rs/x"]],
  [
    "no `/` after the split: recursive under the base",
    "src/*.rs",
    ["a.rs", "pkg/sub/b.rs"],
    ["a.c"],
  ],
  ["exactly `*`: top level only", "src/*", ["a.rs", ".hidden", "Makefile"], ["pkg/a.rs"]],
  ["`*` at the root: top level only", "*", ["setup.py"], ["src/a.py"]],
  ["`/` anchors at the base", "src/*/lib.rs", ["pkg/lib.rs"], ["lib.rs", "a/pkg/lib.rs"]],
  ["anchored at the project", "*/*.toml", ["a/b.toml"], ["b.toml", "a/b/c.toml"]],
  ["`*` never crosses `/`", "x/a*b/c", ["ab/c", "aXYb/c"], ["a/b/c", "a/xb/c"]],
  ["`?` is one character, never `/`", "?.rs", ["a.rs", "d/b.rs", "é.rs", "😀.rs"], ["ab.rs"]],
  ["`?` never crosses `/`", "x/a?b/c", ["acb/c"], ["a/b/c"]],
  ["leading `**/`", "**/CMakeLists.txt", ["CMakeLists.txt", "a/b/CMakeLists.txt"], ["x.txt"]],
  ["middle `/**/`", "s*/**/b.rs", ["src/b.rs", "src/x/y/b.rs"], ["b.rs", "src/xb.rs"]],
  ["trailing `/**`: contents, not the dir", "sr?/**", ["src/a", "src/a/b"], ["src", "lib/a"]],
  ["`x/**` split: all under the base", "src/**", ["a", "a/b/c.rs", ".d/e"], []],
  ["`**` elsewhere acts like `*`", "x/a**b/c", ["ab/c", "aXb/c"], ["a/b/c", "a/x/b/c"]],
  ["`**` glued to a name acts like `*`", "**b.rs", ["ab.rs", "d/xb.rs"], ["a/c.rs"]],
  ["trailing `/` dropped", "x/*/", ["a"], ["a/b"]],
  ["braces", "*.{h,c}", ["a.h", "b/c.c"], ["a.hpp", "a.cc"]],
  ["nested braces", "*.{c{,pp},h}", ["a.c", "a.cpp", "a.h"], ["a.cp", "a.hpp"]],
  ["braces with `/` are anchored", "{a,b/c}.txt", ["a.txt", "b/c.txt"], ["x/a.txt", "c.txt"]],
  ["`**` as a whole alternative", "x/{**/a,b}", ["a", "q/r/a", "b"], ["q/b"]],
  ["class", "[abc].rs", ["a.rs", "x/c.rs"], ["d.rs", "ab.rs"]],
  ["range", "[a-c][0-9].rs", ["b7.rs"], ["d7.rs", "bx.rs"]],
  ["negated class `!`", "[!a].rs", ["b.rs"], ["a.rs"]],
  ["negated class `^`", "[^a].rs", ["b.rs"], ["a.rs"]],
  ["negated class never matches `/`", "x[!a]y", ["xby"], ["x/y"]],
  ["`]` first in a class is literal", "[]a].txt", ["].txt", "a.txt"], ["b.txt"]],
  ["`-` last in a class is literal", "[a-].txt", ["-.txt", "a.txt"], ["b.txt"]],
  ["backslash escapes", "\\*.rs", ["*.rs", "d/*.rs"], ["a.rs"]],
  ["escaped brace and bracket", "\\{a\\}\\[b\\]", ["{a}[b]"], ["a", "b"]],
  ["case-sensitive", "*.RS", ["A.RS"], ["a.rs", "A.rs"]],
  ["dotfiles and dot-dirs match", "**/*.toml", [".cargo/config.toml", ".t.toml"], []],
  ["regex characters are literal", "a+b(1)$|^.t?t", ["a+b(1)$|^.txt"], ["aab1.txt"]],
  ["unicode literals", "é*/ü?.rs", ["éa/üb.rs"], ["ea/ub.rs"]],
  ["spaces and newlines in names", "a b*", ["a b.txt", "x/a bc"], ["ab"]],
];

describe("matching (uv §4.4)", () => {
  test.each(RULES)("%s: %s", (_rule, pattern, matching, notMatching) => {
    const glob = compileGlob(pattern, ORIGIN);
    for (const path of matching) expect(glob.matches(path), path).toBe(true);
    for (const path of notMatching) expect(glob.matches(path), path).toBe(false);
  });

  test("a leading `!` compiles the rest the same way", () => {
    const glob = compileGlob("!**/target", ORIGIN);
    expect(glob.negated).toBe(true);
    expect(glob.matches("target")).toBe(true);
    expect(glob.matches("a/b/target")).toBe(true);
    expect(glob.matches("targets")).toBe(false);
  });
});

describe("errors name the pattern and the origin", () => {
  test.each([
    ["src/[ab.rs", 'unclosed "["'],
    ["[]", 'unclosed "["'],
    ["*.{h,c", 'unclosed "{"'],
    ["{a,{b,c}", 'unclosed "{"'],
    ["*.rs\\", "lone backslash"],
    ["[z-a].rs", "invalid range"],
    ["/src/*.rs", "absolute"],
    ["/*.rs", "absolute"],
    ["!/x/*", "absolute"],
    ["C:\\src\\*.rs", "absolute"],
    ["c:/src/*.rs", "absolute"],
    ["\\\\server\\share\\*", "absolute"],
    ["", "empty"],
    ["!", "empty"],
    ["./", "empty"],
  ])("%j: %s", (pattern, why) => {
    const compile = () => compileGlob(pattern, ORIGIN);
    expect(compile).toThrow(UserError);
    expect(compile).toThrow(why);
    expect(compile).toThrow(`${ORIGIN}: glob ${JSON.stringify(pattern)}`);
  });
});
