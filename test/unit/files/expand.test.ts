import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { expandGlobs } from "../../../src/files/expand.js";
import { compileGlob } from "../../../src/files/glob.js";
import type { FileTree } from "../../../src/files/tree.js";

const FILES = [
  "README.md",
  "proj/Cargo.toml",
  "proj/build.rs",
  "proj/pyproject.toml",
  "proj/src-old/a.rs",
  "proj/src.rs",
  "proj/src/gen/g.rs",
  "proj/src/lib.rs",
  "proj/src/pkg/sub/b.rs",
  "proj/src/target/t.rs",
  "proj/src2/a.rs",
  "proj/target/debug/x.rs",
  "shared/include/h.h",
  "shared/util.rs",
];

function tree(projectDir = "proj", files = FILES): FileTree {
  return {
    root: "/repo",
    projectDir,
    isGitRepo: true,
    repositories: [],
    files: [...files].sort(),
    caseInsensitive: false,
    listed: (path) => (files.includes(path) ? path : undefined),
    digest: async () => new Map(),
  };
}

/** Expands the list and returns each non-negated pattern with its files. */
function expand(patterns: string[], projectDir?: string): Record<string, string[]> {
  const globs = patterns.map((p, i) => compileGlob(p, `cache-keys[${i}]`));
  const result = expandGlobs(tree(projectDir), globs);
  return Object.fromEntries([...result].map(([glob, files]) => [glob.pattern, files]));
}

describe("expandGlobs", () => {
  test.each<[string, string[], Record<string, string[]>]>([
    [
      "only files under the base",
      ["src/*.rs"],
      {
        "src/*.rs": ["src/gen/g.rs", "src/lib.rs", "src/pkg/sub/b.rs", "src/target/t.rs"],
      },
    ],
    ["`*` is top level only", ["src/*"], { "src/*": ["src/lib.rs"] }],
    [
      "each glob is matched on its own (no clustering)",
      ["*.toml", "src/*.rs"],
      {
        "*.toml": ["Cargo.toml", "pyproject.toml"],
        "src/*.rs": ["src/gen/g.rs", "src/lib.rs", "src/pkg/sub/b.rs", "src/target/t.rs"],
      },
    ],
    [
      "`../` reaches a sibling inside the repository",
      ["../shared/**/*.{rs,h}"],
      {
        "../shared/**/*.{rs,h}": ["../shared/include/h.h", "../shared/util.rs"],
      },
    ],
    [
      "`..` back into the project gives project paths",
      ["../proj/src/pkg/**"],
      {
        "../proj/src/pkg/**": ["src/pkg/sub/b.rs"],
      },
    ],
    [
      "`!**/x` prunes directories at any depth",
      ["**/*.rs", "!**/target"],
      {
        "**/*.rs": [
          "build.rs",
          "src-old/a.rs",
          "src.rs",
          "src/gen/g.rs",
          "src/lib.rs",
          "src/pkg/sub/b.rs",
          "src2/a.rs",
        ],
      },
    ],
    [
      "`!` with a base excludes only under it",
      ["src/**/*.rs", "!src/gen/**", "!src2/*"],
      {
        "src/**/*.rs": ["src/lib.rs", "src/pkg/sub/b.rs", "src/target/t.rs"],
      },
    ],
    [
      "`!` applies to every file glob of the list",
      ["src/*.rs", "src*/*.rs", "!**/a.rs", "!g.rs"],
      {
        "src/*.rs": ["src/lib.rs", "src/pkg/sub/b.rs", "src/target/t.rs"],
        "src*/*.rs": ["src/lib.rs"],
      },
    ],
    [
      "a literal `!name` excludes that name anywhere",
      ["**/*.rs", "!target", "!src"],
      {
        "**/*.rs": ["build.rs", "src-old/a.rs", "src.rs", "src2/a.rs"],
      },
    ],
    [
      "no match is an empty list",
      ["missing/**/*.c", "*.zig"],
      {
        "missing/**/*.c": [],
        "*.zig": [],
      },
    ],
  ])("%s", (_name, patterns, expected) => {
    expect(expand(patterns)).toEqual(expected);
  });

  test("a project at the root", () => {
    expect(expand(["*.md", "shared/*"], "")).toEqual({
      "*.md": ["README.md"],
      "shared/*": ["shared/util.rs"],
    });
  });

  test.each([
    ["../../outside/*.rs", "proj"],
    ["../*.rs", ""],
    ["!../../x/*", "proj"],
  ])("%s in project %j leaves the repository root", (pattern, projectDir) => {
    const run = () => expand([pattern], projectDir);
    expect(run).toThrow(UserError);
    expect(run).toThrow(`cache-keys[0]: glob ${JSON.stringify(pattern)} reaches outside`);
  });

  test("a deeper project may reach two levels up", () => {
    const deep = tree("a/b", ["a/b/x.rs", "a/c/y.rs", "z.rs"]);
    const glob = compileGlob("../../**/*.rs", "k");
    expect(expandGlobs(deep, [glob]).get(glob)).toEqual(["../../z.rs", "../c/y.rs", "x.rs"]);
  });
});
