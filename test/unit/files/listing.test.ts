import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { listTree } from "../../support/fingerprint.js";
import { git, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

/** Inputs every listing keeps. */
const KEPT = {
  "pyproject.toml": "[project]\n",
  "src/lib.rs": "pub fn f() {}\n",
  "src/pkg/__init__.py": "",
  ".cargo/config.toml": "",
  "name with space.txt": "",
  "ünïcødé/日本.py": "",
  "new\nline.txt": "",
  "other/dist/kept.txt": "",
  "link-to-file": "", // replaced by a symlink below
};

/** Never-input directories, at the top and deeper. */
const PRUNED = [
  ".venv/lib/x.py",
  "venv/x.py",
  ".tox/x",
  ".nox/x",
  "node_modules/m/index.js",
  "src/__pycache__/lib.cpython-312.pyc",
  ".mypy_cache/x",
  ".pytest_cache/x",
  ".ruff_cache/x",
  "build/x.o",
  "src/deep/build/y.o",
  "target/debug/x.rs",
  "_skbuild/x",
  "builddir/x",
  ".eggs/x",
  "pkg.egg-info/PKG-INFO",
  ".wheel-cache/x",
  "myenv/pyvenv.cfg",
  "myenv/lib/site.py",
  "dist/pkg-1.0-py3-none-any.whl",
];

const EXPECTED = [...Object.keys(KEPT), "src/dir-link-target/in.rs"].sort();

/** A project with inputs, pruned directories and odd entries (links, a FIFO). */
function makeProject(): string {
  const dir = makeTempDir();
  writeTree(dir, { ...KEPT, ...Object.fromEntries(PRUNED.map((p) => [p, "x"])) });
  writeTree(dir, { "src/dir-link-target/in.rs": "" });
  execFileSync("rm", [join(dir, "link-to-file")]);
  symlinkSync("pyproject.toml", join(dir, "link-to-file"));
  symlinkSync("dir-link-target", join(dir, "src/dir-link"));
  symlinkSync("missing", join(dir, "dangling"));
  execFileSync("mkfifo", [join(dir, "fifo")]);
  return dir;
}

async function list(dir: string, includeIgnored = false): Promise<readonly string[]> {
  const tree = await listTree({ projectDir: dir, exclude: [join(dir, "dist")], includeIgnored });
  return tree.files;
}

describe.each(["walk", "git"])("openTree (%s mode)", (mode) => {
  const prepare = (dir: string) => {
    if (mode === "git") gitInit(dir);
    return dir;
  };

  test("prunes never-input dirs, skips links to dirs and non-files, sorts", async () => {
    const dir = prepare(makeProject());
    const tree = await listTree({ projectDir: dir, exclude: [join(dir, "dist")] });
    expect(tree).toMatchObject({ root: dir, projectDir: "", isGitRepo: mode === "git" });
    expect(tree.files).toEqual(EXPECTED);
  });

  test(".gitignore files at every level are honoured unless includeIgnored", async () => {
    const dir = prepare(makeTempDir());
    writeTree(dir, {
      ".gitignore": "*.log\n/out/\n",
      "a.log": "",
      "out/o.txt": "",
      "x.tmp": "",
      "sub/.gitignore": "*.tmp\n!keep.log\n",
      "sub/b.tmp": "",
      "sub/keep.log": "",
      "sub/c.txt": "",
      "sub/out/p.txt": "",
    });
    const visible = [".gitignore", "sub/.gitignore", "sub/c.txt", "sub/keep.log", "sub/out/p.txt"];
    expect(await list(dir)).toEqual([...visible, "x.tmp"]);
    const all = [...visible, "a.log", "out/o.txt", "sub/b.tmp", "x.tmp"];
    expect(await list(dir, true)).toEqual(all.sort());
  });

  test("includeIgnored still prunes never-input dirs", async () => {
    const dir = prepare(makeTempDir());
    writeTree(dir, { ".gitignore": "target/\n", "target/t.rs": "", "a.rs": "" });
    expect(await list(dir, true)).toEqual([".gitignore", "a.rs"]);
  });

  test("an excluded dir is pruned; one that does not exist is fine", async () => {
    const dir = prepare(makeTempDir());
    writeTree(dir, { "wheels/a.whl": "", "a.rs": "" });
    const exclude = [join(dir, "wheels"), join(dir, "nope"), "/elsewhere"];
    expect((await listTree({ projectDir: dir, exclude })).files).toEqual(["a.rs"]);
  });

  test("the project dir is never pruned, even inside a dir named build", async () => {
    const dir = prepare(makeTempDir());
    writeTree(dir, { "build/proj/a.rs": "", "build/proj/build/b.o": "", "c.rs": "" });
    const tree = await listTree({ projectDir: join(dir, "build/proj") });
    if (mode === "git") {
      expect(tree).toMatchObject({ root: dir, projectDir: "build/proj" });
      expect(tree.files).toEqual(["build/proj/a.rs", "c.rs"]);
    } else {
      expect(tree).toMatchObject({ root: join(dir, "build/proj"), projectDir: "" });
      expect(tree.files).toEqual(["a.rs"]);
    }
  });

  test("digest hashes listed and unlisted paths, and caches per path", async () => {
    const dir = prepare(makeTempDir());
    writeTree(dir, { ".gitignore": "secret.txt\n", "a.txt": "a\n", "secret.txt": "s\n" });
    const tree = await listTree({ projectDir: dir });
    const paths = ["a.txt", "secret.txt", "missing.txt", "."];
    const first = await tree.digest(paths);
    expect([...first.keys()]).toEqual(paths);
    expect(first.get("a.txt")).toBe("78981922613b2afb6025042ff6bd878ac1994e85");
    expect(first.get("secret.txt")).toBe(
      execFileSync("git", ["hash-object", join(dir, "secret.txt")], { encoding: "utf8" }).trim(),
    );
    expect(first.get("missing.txt")).toBeNull();
    expect(first.get(".")).toBeNull();
    writeFileSync(join(dir, "a.txt"), "changed\n");
    expect((await tree.digest(["a.txt"])).get("a.txt")).toBe(first.get("a.txt"));
  });
});

describe("openTree: modes agree", () => {
  test("git and walk list the same tree identically", async () => {
    const plain = makeProject();
    const repo = makeProject();
    gitInit(repo);
    // Track some inputs only: tracked files are exempt from name-based pruning.
    git(repo, "add", "--", "pyproject.toml", "src/lib.rs", "src/pkg", "link-to-file", "ünïcødé");
    git(repo, "commit", "--quiet", "-m", "some tracked");
    writeTree(repo, { "untracked.txt": "" });
    writeTree(plain, { "untracked.txt": "" });
    expect(await list(repo)).toEqual(await list(plain));
  });

  test("without git, the project dir is the root", async () => {
    const dir = makeTempDir();
    writeTree(dir, { "sub/proj/a.rs": "", "b.rs": "" });
    const tree = await listTree({ projectDir: join(dir, "sub/proj") });
    expect(tree).toMatchObject({ root: join(dir, "sub/proj"), projectDir: "", isGitRepo: false });
    expect(tree.files).toEqual(["a.rs"]);
  });

  test("without a usable git, the nearest ancestor holding .git is the root", async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, ".git"));
    writeTree(dir, { ".gitignore": "*.o\n", "sub/proj/a.rs": "", "sub/proj/a.o": "", "b.rs": "" });
    const path = process.env.PATH;
    process.env.PATH = ""; // no git on PATH
    try {
      const tree = await listTree({ projectDir: join(dir, "sub/proj") });
      expect(tree).toMatchObject({ root: dir, projectDir: "sub/proj", isGitRepo: false });
      expect(tree.files).toEqual([".gitignore", "b.rs", "sub/proj/a.rs"]);
    } finally {
      process.env.PATH = path;
    }
  });

  test("a missing project dir is a user error", async () => {
    const dir = makeTempDir();
    await expect(listTree({ projectDir: join(dir, "nope") })).rejects.toThrow(UserError);
    writeTree(dir, { file: "" });
    await expect(listTree({ projectDir: join(dir, "file") })).rejects.toThrow(UserError);
  });
});
