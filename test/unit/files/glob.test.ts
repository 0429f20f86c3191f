import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { compileGlob, isGlob } from "../../../src/files/glob.js";
import { oracleRegExp } from "./glob-oracle.js";

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

const a = (n: number) => "a".repeat(n);

/** A small seeded generator of numbers below 2^16 (an LCG's high bits), for repeatable cases. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16;
  };
}

// Patterns that take a backtracking RegExp exponential time, against long names: matching is
// linear in the pattern and the name, so each is decided at once (a hang fails the test at its
// time limit). [why, pattern, [path, matches][]]
const ADVERSARIAL: [string, string, [string, boolean][]][] = [
  [
    "many `*` in one component",
    `src/**/${"*a".repeat(30)}*b`,
    [
      [a(60), false],
      [`${a(60)}b`, true],
      [`x/y/${a(60)}b`, true],
      [`x/${a(59)}/b`, false],
    ],
  ],
  [
    "many `*`, any depth",
    `${"*a".repeat(40)}*b`,
    [
      [`${a(80)}c`, false],
      [`d/${a(40)}b`, true],
    ],
  ],
  [
    "many `**` components",
    `${"**/".repeat(40)}x`,
    [
      [`${"a/".repeat(100)}x`, true],
      [`${"a/".repeat(100)}y`, false],
      ["x", true],
    ],
  ],
  [
    "many `**` glued to names",
    `${"a**".repeat(30)}b`,
    [
      [a(60), false],
      [`${a(30)}b`, true],
    ],
  ],
  [
    "many classes and `*`",
    `${"[a-z]*".repeat(30)}[0-9]`,
    [
      [a(60), false],
      [`${a(60)}1`, true],
      [`${a(29)}1`, false],
    ],
  ],
  [
    "many negated classes",
    `${"[!b]*".repeat(30)}b`,
    [
      [a(60), false],
      [`${a(30)}b`, true],
    ],
  ],
  [
    "many alternatives",
    `${"{a,aa,aaa}".repeat(30)}b`,
    [
      [a(100), false],
      [`${a(59)}b`, true],
      [`${a(29)}b`, false],
      [`${a(91)}b`, false],
    ],
  ],
  [
    "nested alternatives with `*`",
    `${"{*a,{*a,{*a,*b}}}".repeat(20)}c`,
    [
      [a(80), false],
      [`${a(80)}c`, true],
    ],
  ],
  [
    "many `?`",
    "?".repeat(100),
    [
      [a(100), true],
      [a(99), false],
      [`${a(50)}/${a(49)}`, false],
    ],
  ],
  [
    "`**` in alternatives",
    `${"{**/a,b}".repeat(20)}c`,
    [
      [`${"x/a".repeat(20)}c`, true],
      [`${"x/".repeat(40)}c`, false],
    ],
  ],
];

describe("adversarial patterns are decided in linear time", () => {
  test.each(ADVERSARIAL)("%s", (_why, pattern, cases) => {
    const glob = compileGlob(pattern, ORIGIN);
    for (const [path, matches] of cases) expect(glob.matches(path), path).toBe(matches);
  });

  test("a negated adversarial glob excludes a path through its directories", () => {
    const glob = compileGlob(`!**/${"*a".repeat(30)}*b`, ORIGIN);
    expect(glob.matchesSelfOrParent(`${a(60)}/${a(60)}`)).toBe(false);
    expect(glob.matchesSelfOrParent(`x/${a(60)}b/${a(60)}`)).toBe(true);
    expect(glob.matchesSelfOrParent(`x/${a(60)}b`)).toBe(true);
  });

  test("a pattern whose automaton outgrows its cache still matches right", () => {
    // `*a` then 14 characters: the deterministic automaton needs 2^15 states.
    const glob = compileGlob(`*a${"?".repeat(14)}`, ORIGIN);
    const next = numbers(7);
    for (let n = 0; n < 3000; n++) {
      const name = Array.from({ length: 40 }, () => (next() % 2 ? "a" : "b")).join("");
      expect(glob.matches(name), name).toBe(name[name.length - 15] === "a");
    }
  });
});

describe("matching agrees with the RegExp translation it replaced", () => {
  const PIECES = ["a", "b", "/", "*", "**", "?", "[ab]", "[!a]", "{a,b/}", "{*,**/b}", "\\*"];
  const NAME_CHARS = ["a", "b", "/", "*"];

  test("on random short patterns and names", () => {
    const next = numbers(11);
    const pick = <T>(from: readonly T[]): T => from[next() % from.length]!;
    let compared = 0;
    for (let p = 0; p < 400; p++) {
      const pattern = Array.from({ length: 1 + (p % 6) }, () => pick(PIECES)).join("");
      let glob: ReturnType<typeof compileGlob>;
      try {
        glob = compileGlob(pattern, ORIGIN);
      } catch (error) {
        // An empty or absolute pattern: the oracle knows nothing of those.
        if (error instanceof UserError) continue;
        throw error;
      }
      const rest = pattern.split("/").filter((part) => part !== "" && part !== ".");
      const oracle = oracleRegExp(
        rest.slice(glob.base.split("/").filter(Boolean).length).join("/"),
      );
      if (!oracle) continue;
      for (let n = 0; n < 40; n++) {
        const name = Array.from({ length: n % 7 }, () => pick(NAME_CHARS)).join("");
        expect(glob.matches(name), `${pattern} on ${name}`).toBe(oracle.test(name));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});

test("`*`, `?` and `**` match line breaks in names too", () => {
  expect(compileGlob("src/**", ORIGIN).matches("a\nb/c.c")).toBe(true);
  expect(compileGlob("**/*.c", ORIGIN).matches("a\nb/c\r.c")).toBe(true);
  expect(compileGlob("x?y", ORIGIN).matches("x\ny")).toBe(true);
});
