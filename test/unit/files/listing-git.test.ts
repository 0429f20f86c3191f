import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { listTree } from "../../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

/** A committed repository holding `files`. */
function makeRepo(files: Record<string, string>): string {
  const dir = makeTempDir();
  gitInit(dir);
  writeTree(dir, files);
  gitCommitAll(dir, "initial");
  return dir;
}

describe("openTree in a git repository", () => {
  test("a project in a subdirectory: root is the repository root", async () => {
    const repo = makeRepo({ "sub/dir/pyproject.toml": "", "shared/a.rs": "", "top.txt": "" });
    const tree = await listTree({ projectDir: join(repo, "sub/dir") });
    expect(tree).toMatchObject({ root: repo, projectDir: "sub/dir", isGitRepo: true });
    expect(tree.files).toEqual(["shared/a.rs", "sub/dir/pyproject.toml", "top.txt"]);
  });

  test("a project inside an ignored directory is walked", async () => {
    const repo = makeRepo({ ".gitignore": "scratch/\n", "top.rs": "" });
    writeTree(repo, {
      "scratch/proj/.gitignore": "*.o\n",
      "scratch/proj/a.rs": "",
      "scratch/proj/a.o": "",
      "scratch/proj/target/t.rs": "",
      "scratch/other.rs": "",
    });
    const tree = await listTree({ projectDir: join(repo, "scratch/proj") });
    expect(tree).toMatchObject({ root: repo, projectDir: "scratch/proj" });
    const project = ["scratch/proj/.gitignore", "scratch/proj/a.rs"];
    expect(tree.files).toEqual([".gitignore", ...project, "top.rs"]);
  });

  test("untracked files are listed, deleted tracked files are not", async () => {
    const repo = makeRepo({ "kept.rs": "", "gone.rs": "", "dir/gone.rs": "" });
    rmSync(join(repo, "gone.rs"));
    rmSync(join(repo, "dir"), { recursive: true });
    writeTree(repo, { "new.rs": "", "newdir/x.rs": "" });
    expect((await listTree({ projectDir: repo })).files).toEqual([
      "kept.rs",
      "new.rs",
      "newdir/x.rs",
    ]);
  });

  test("tracked files are source even in a dir named build; excluded dirs still drop them", async () => {
    const repo = makeRepo({ "pkg/build/__init__.py": "", "wheels/old.whl": "", "a.py": "" });
    writeTree(repo, { "pkg/build/untracked.o": "" });
    const tree = await listTree({ projectDir: repo, exclude: [join(repo, "wheels")] });
    expect(tree.files).toEqual(["a.py", "pkg/build/__init__.py"]);
  });

  test("submodules and nested repositories are skipped", async () => {
    const repo = makeRepo({ "a.rs": "" });
    const head = git(repo, "rev-parse", "HEAD").trim();
    git(repo, "update-index", "--add", "--cacheinfo", `160000,${head},vendor/sub`);
    const nested = join(repo, "nested");
    writeTree(repo, { "nested/n.rs": "" });
    gitInit(nested);
    expect((await listTree({ projectDir: repo })).files).toEqual(["a.rs"]);
  });

  test("tracked symlinks: to a file listed, to a directory or dangling not", async () => {
    const dir = makeTempDir();
    gitInit(dir);
    writeTree(dir, { "d/in.rs": "", "f.rs": "" });
    symlinkSync("f.rs", join(dir, "to-file"));
    symlinkSync("d", join(dir, "to-dir"));
    symlinkSync("nowhere", join(dir, "dangling"));
    gitCommitAll(dir);
    expect((await listTree({ projectDir: dir })).files).toEqual(["d/in.rs", "f.rs", "to-file"]);
  });

  test("skip-worktree files are listed only while they exist", async () => {
    const repo = makeRepo({ "a.rs": "", "local.cfg": "", "gone.cfg": "" });
    git(repo, "update-index", "--skip-worktree", "local.cfg", "gone.cfg");
    rmSync(join(repo, "gone.cfg"));
    expect((await listTree({ projectDir: repo })).files).toEqual(["a.rs", "local.cfg"]);
  });

  test("digests of tracked files equal git's blob ids", async () => {
    const repo = makeRepo({ "a.rs": "fn a() {}\n", "b/c.h": "#pragma once\n", empty: "" });
    const tree = await listTree({ projectDir: repo });
    const digests = await tree.digest(tree.files);
    const index = git(repo, "ls-files", "-s").trim().split("\n");
    const expected = new Map(index.map((line) => [line.split("\t")[1], line.split(" ")[1]]));
    expect(digests).toEqual(expected);
  });
});
