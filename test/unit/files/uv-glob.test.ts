import { describe, expect, test } from "vitest";
import type { UvEntry } from "../../../src/config/uv-entries.js";
import { UserError } from "../../../src/errors.js";
import { clusterGlobs, splitUvGlob, uvCoverage } from "../../../src/files/uv-glob.js";

// uv's own cases for split_glob and cluster_globs (crates/uv-cache-info/src/glob.rs), then what
// the clustering does to the files a list covers (uv-cache-keys.md §4).

describe("splitUvGlob", () => {
  test.each([
    ["a", "", "a"],
    ["a/b", "a", "b"],
    ["a/b/", "a", "b"],
    ["a/.//b/", "a", "b"],
    ["./a/b/c", "a/b", "c"],
    ["c/d/*", "c/d", "*"],
    ["c/d/*/../*", "c/d", "*/../*"],
    ["a/?b/c", "a", "?b/c"],
    ["/a/b/*", "/a/b", "*"],
    ["../x/*", "../x", "*"],
    ["a/{b,c}/d", "a", "{b,c}/d"],
    ["a/[bc]/d", "a", "[bc]/d"],
    ["a]b/*.c", "", "a]b/*.c"],
    ["*", "", "*"],
    ["*/*", "", "*/*"],
    ["..", "..", ""],
  ])("%s → %j + %j", (glob, base, pattern) => {
    expect(splitUvGlob(glob)).toEqual({ base, pattern });
  });
});

/** Groups sorted, with their patterns sorted, as uv's test compares them. */
function clustered(globs: string[]): [string, string[]][] {
  return clusterGlobs(globs)
    .map((g): [string, string[]] => [g.base, [...g.patterns].sort()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe("clusterGlobs", () => {
  test.each<[string[], [string, string[]][]]>([
    [
      ["a/b/*", "a/c/*"],
      [
        ["a/b", ["*"]],
        ["a/c", ["*"]],
      ],
    ],
    [
      ["./a/b/*", "a/c/*"],
      [
        ["a/b", ["*"]],
        ["a/c", ["*"]],
      ],
    ],
    [
      ["/a/b/*", "/a/c/*"],
      [
        ["/a/b", ["*"]],
        ["/a/c", ["*"]],
      ],
    ],
    [
      ["../a/b/*", "../a/c/*"],
      [
        ["../a/b", ["*"]],
        ["../a/c", ["*"]],
      ],
    ],
    [
      ["x/*", "y/*"],
      [
        ["x", ["*"]],
        ["y", ["*"]],
      ],
    ],
    [[], []],
    [
      ["./*", "a/*", "../foo/*.png"],
      [
        ["", ["*", "a/*"]],
        ["../foo", ["*.png"]],
      ],
    ],
    [
      ["?", "/foo/?", "/foo/bar/*", "../bar/*.png", "../bar/../baz/*.jpg"],
      [
        ["", ["?"]],
        ["../bar", ["*.png"]],
        ["../bar/../baz", ["*.jpg"]],
        ["/foo", ["?", "bar/*"]],
      ],
    ],
    [["a/{b,c}/*", "a/d?/*"], [["a", ["d?/*", "{b,c}/*"]]]],
    [
      [
        "../shared/a/[abc].png",
        "../shared/a/b/*",
        "../shared/b/c/?x/d",
        "docs/important/*.{doc,xls}",
        "docs/important/very/*",
      ],
      [
        ["../shared/a", ["[abc].png", "b/*"]],
        ["../shared/b/c", ["?x/d"]],
        ["docs/important", ["*.{doc,xls}", "very/*"]],
      ],
    ],
    [
      ["*", "a/b/*", "a/../c/*.jpg", "a/../c/*.png", "/a/*", "/b/*"],
      [
        ["", ["*", "a/b/*"]],
        ["/a", ["*"]],
        ["/b", ["*"]],
        ["a/../c", ["*.jpg", "*.png"]],
      ],
    ],
  ])("%j", (globs, expected) => {
    expect(clustered(globs)).toEqual(expected);
  });
});

const TREE = [
  "Cargo.toml",
  "build.rs",
  "src/lib.rs",
  "src/a/b.rs",
  "src/a/c/d.rs",
  "src/x.c",
  "src/inc/y.h",
  "include/z.h",
  ".hidden/e.rs",
  "README.md",
];

/** The files of TREE a list covers with uv's meaning, for a project at the repository root. */
function covered(globs: (string | UvEntry)[], projectDir = "", tree = TREE): string[] {
  const entries = globs.map(
    (g): UvEntry => (typeof g === "string" ? { kind: "file", pattern: g } : g),
  );
  const coverage = uvCoverage(entries, projectDir, "test");
  return tree.filter((f) => coverage.covers(f)).sort();
}

describe("uvCoverage", () => {
  test("alone, a pattern without / is recursive under its base", () => {
    expect(covered(["src/*.rs"])).toEqual(["src/a/b.rs", "src/a/c/d.rs", "src/lib.rs"]);
  });

  test("clustered with a shallower glob, it is anchored and covers its base's top level only", () => {
    expect(covered(["*.toml", "src/*.rs"])).toEqual(["Cargo.toml", "src/lib.rs"]);
  });

  test("a glob with / in its pattern means the same, clustered or not", () => {
    const alone = covered(["src/**/*.rs"]);
    expect(covered(["*.toml", "src/**/*.rs"])).toEqual(["Cargo.toml", ...alone].sort());
  });

  test("a bare * is top level only", () => {
    expect(covered(["src/*"])).toEqual(["src/lib.rs", "src/x.c"]);
  });

  test("literal paths cover exactly their file; dir, git and env entries cover none", () => {
    expect(
      covered([
        "Cargo.toml",
        "./src/lib.rs",
        { kind: "dir", path: "src" },
        { kind: "git", commit: true, tags: false },
        { kind: "env", name: "CC" },
      ]),
    ).toEqual(["Cargo.toml", "src/lib.rs"]);
  });

  test("a project in a subdirectory: paths and ../ globs are relative to it", () => {
    const tree = ["pkg/src/a.c", "pkg/setup.py", "common/defs.h", "other/x.h"];
    expect(covered(["setup.py", "src/**/*.c", "../common/**/*.h"], "pkg", tree)).toEqual([
      "common/defs.h",
      "pkg/setup.py",
      "pkg/src/a.c",
    ]);
  });

  test("an exclusion whose first component is a glob prunes directories in uv", () => {
    expect(covered(["**/*.rs", "!**/a"])).toEqual([".hidden/e.rs", "build.rs", "src/lib.rs"]);
  });

  test("an exclusion with a plain first component walks a directory that does not exist", () => {
    expect(covered(["src/**/*.rs", "!src/a/**"])).toEqual([
      "src/a/b.rs",
      "src/a/c/d.rs",
      "src/lib.rs",
    ]);
  });

  test("a glob uv cannot parse is a UserError naming the entry", () => {
    expect(() => covered(["src/[ab.rs"])).toThrow(UserError);
  });
});
