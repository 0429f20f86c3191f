import { createHash } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, posix, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { hashFiles } from "../../src/fingerprint/hash.js";
import { type OpenTreeOptions, openTree } from "../../src/fingerprint/listing.js";
import { fingerprintOf } from "../../src/fingerprint/manifest.js";
import type { FileTree } from "../../src/fingerprint/tree.js";
import { filesDigest } from "../../src/keys/digest.js";
import { EXAMPLE_NAMES } from "../support/build-env.js";
import { copyExample } from "../support/examples.js";
import { fingerprintDir } from "../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../support/git.js";
import { makeTempDir, writeTree } from "../support/tmp.js";

/** The blob id of what is on disk, computed here independently (symlinks followed). */
function blobId(absPath: string): string | null {
  if (!statSync(absPath, { throwIfNoEntry: false })?.isFile()) return null;
  const bytes = readFileSync(absPath);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

interface BothWays {
  readonly fast: FileTree;
  readonly plain: FileTree;
  /** Root-relative paths the fast tree read to hash, over all its digest calls. */
  readonly hashed: string[];
}

/** Opens the tree with the index shortcut (counting what it hashes) and without it. */
async function openBoth(options: OpenTreeOptions): Promise<BothWays> {
  const hashed: string[] = [];
  const fast = await openTree({
    ...options,
    hasher: (paths) => {
      hashed.push(...paths.map((p) => posix.normalize(relative(fast.root, p))));
      return hashFiles(paths);
    },
  });
  const plain = await openTree({ ...options, useIndex: false });
  return { fast, plain, hashed };
}

/** Both ways give the same list and the same digests, and they are the bytes' blob ids. */
async function expectSameDigests(
  options: OpenTreeOptions,
  extraPaths: readonly string[] = [],
): Promise<BothWays> {
  const both = await openBoth(options);
  expect(both.fast.files).toEqual(both.plain.files);
  const paths = [...both.fast.files, ...extraPaths];
  const fast = await both.fast.digest(paths);
  expect(fast).toEqual(await both.plain.digest(paths));
  expect(Object.fromEntries(fast)).toEqual(
    Object.fromEntries(paths.map((p) => [p, blobId(join(both.fast.root, p))])),
  );
  return both;
}

function makeRepo(files: Record<string, string>): string {
  const dir = makeTempDir();
  gitInit(dir);
  writeTree(dir, files);
  gitCommitAll(dir, "initial");
  return dir;
}

describe("the index shortcut gives the plain path's digests and fingerprint", () => {
  test.each(EXAMPLE_NAMES)("example %s, committed: nothing is read", async (name) => {
    const dir = await copyExample(name, { git: true });
    const { plain, hashed } = await expectSameDigests({ projectDir: dir });
    expect(hashed).toEqual([]);
    const fp = await fingerprintDir(dir);
    const keys = await Promise.all(
      fp.manifest.keys.map(async (key) => {
        if (key.kind !== "file" || !key.files) return key;
        const digests = await plain.digest(Object.keys(key.files));
        const files = Object.fromEntries(digests);
        return { ...key, files, digest: filesDigest(files) };
      }),
    );
    expect(fingerprintOf(keys)).toBe(fp.manifest.fingerprint);
  });

  test("modified, untracked, ignored, renamed, deleted, staged, intent-to-add, unmerged", async () => {
    const repo = makeRepo({
      ".gitignore": "*.log\n",
      "same-size.rs": "aaaa\n",
      "grown.rs": "a\n",
      "clean.rs": "fn main() {}\n",
      "moved.rs": "mod m;\n",
      "moved-edited.rs": "mod e;\n",
      "gone.rs": "x\n",
      "git-rm.rs": "y\n",
      "staged.rs": "old\n",
      "staged-then-edited.rs": "old\n",
      "dir/replaced.rs": "z\n",
      "empty.py": "",
      "conflict.rs": "base\n",
    });
    chmodSync(join(repo, "clean.rs"), 0o755);
    gitCommitAll(repo, "executable");
    git(repo, "checkout", "--quiet", "-b", "other");
    writeTree(repo, { "conflict.rs": "theirs\n" });
    gitCommitAll(repo, "theirs");
    git(repo, "checkout", "--quiet", "main");
    writeTree(repo, { "conflict.rs": "ours\n" });
    gitCommitAll(repo, "ours");
    expect(() => git(repo, "merge", "--quiet", "other")).toThrow(); // leaves stages 1-3
    writeTree(repo, { "same-size.rs": "bbbb\n", "grown.rs": "a longer line\n" });
    writeTree(repo, { "new.rs": "untracked\n", "newdir/n.c": "int n;\n", "debug.log": "x\n" });
    git(repo, "mv", "moved.rs", "renamed.rs");
    git(repo, "mv", "moved-edited.rs", "renamed-edited.rs");
    appendFileSync(join(repo, "renamed-edited.rs"), "// edited\n");
    rmSync(join(repo, "gone.rs"));
    git(repo, "rm", "--quiet", "git-rm.rs");
    writeTree(repo, { "staged.rs": "new\n", "staged-then-edited.rs": "staged\n" });
    git(repo, "add", "staged.rs", "staged-then-edited.rs");
    writeTree(repo, { "staged-then-edited.rs": "edited again\n", "ita.rs": "intent\n" });
    git(repo, "add", "--intent-to-add", "ita.rs");
    rmSync(join(repo, "dir"), { recursive: true });
    writeTree(repo, { "dir/replaced.rs/inner.rs": "now a directory\n" });
    const missing = ["gone.rs", "git-rm.rs", "moved.rs", "dir/replaced.rs", "nowhere.rs"];
    for (const includeIgnored of [false, true]) {
      const { fast, hashed } = await expectSameDigests(
        { projectDir: repo, includeIgnored },
        missing,
      );
      expect(fast.files.includes("debug.log")).toBe(includeIgnored);
      const changed = ["same-size.rs", "grown.rs", "renamed-edited.rs", "staged-then-edited.rs"];
      const untracked = ["new.rs", "newdir/n.c", ...(includeIgnored ? ["debug.log"] : [])];
      expect(hashed).toEqual(expect.arrayContaining([...changed, "ita.rs", "conflict.rs"]));
      expect(hashed).toEqual(expect.arrayContaining(untracked));
      expect(hashed).not.toContain("clean.rs");
      expect(hashed).not.toContain("staged.rs");
    }
  });

  test("a file modified within the same second as the commit", async () => {
    for (let i = 0; i < 5; i++) {
      const repo = makeRepo({ "a.rs": "before\n", "b.rs": "same\n" });
      writeFileSync(join(repo, "a.rs"), "after!\n"); // same size, at once
      const { hashed } = await expectSameDigests({ projectDir: repo });
      expect(hashed).toContain("a.rs");
    }
  });

  test("symlinks: to a file, to a directory, dangling, and a file turned into a link", async () => {
    const repo = makeTempDir();
    gitInit(repo);
    writeTree(repo, { "d/in.rs": "in\n", "f.rs": "f\n", "typechange.rs": "regular\n" });
    symlinkSync("f.rs", join(repo, "to-file"));
    symlinkSync("d", join(repo, "to-dir"));
    symlinkSync("nowhere", join(repo, "dangling"));
    gitCommitAll(repo);
    rmSync(join(repo, "typechange.rs"));
    symlinkSync("d/in.rs", join(repo, "typechange.rs"));
    symlinkSync("d/in.rs", join(repo, "untracked-link"));
    const extra = ["to-dir", "dangling"];
    const { fast, hashed } = await expectSameDigests({ projectDir: repo }, extra);
    expect(fast.files).toEqual(["d/in.rs", "f.rs", "to-file", "typechange.rs", "untracked-link"]);
    expect(hashed).toEqual(expect.arrayContaining(["to-file", "typechange.rs", "untracked-link"]));
    expect(hashed).not.toContain("f.rs");
  });

  test("a project in a subdirectory of the repository", async () => {
    const repo = makeRepo({
      "proj/src/a.rs": "a\n",
      "proj/pyproject.toml": "",
      "shared/s.c": "s\n",
    });
    writeTree(repo, { "proj/src/b.rs": "untracked\n", "shared/s.c": "edited\n" });
    const { fast, hashed } = await expectSameDigests({ projectDir: join(repo, "proj") });
    expect(fast.projectDir).toBe("proj");
    expect(hashed.sort()).toEqual(["proj/src/b.rs", "shared/s.c"]);
  });

  test("assume-unchanged and skip-worktree files are read, as git stops checking them", async () => {
    const repo = makeRepo({ "assumed.rs": "one\n", "skipped.rs": "one\n", "other.rs": "x\n" });
    git(repo, "update-index", "--assume-unchanged", "assumed.rs");
    git(repo, "update-index", "--skip-worktree", "skipped.rs");
    writeTree(repo, { "assumed.rs": "two\n", "skipped.rs": "two\n" });
    const { hashed } = await expectSameDigests({ projectDir: repo });
    expect(hashed.sort()).toEqual(["assumed.rs", "skipped.rs"]);
  });
});

describe("the index is not used where its ids are not the bytes' ids", () => {
  const crlf = { "a.txt": "one\r\ntwo\r\n", "b.rs": "fn b() {}\r\n", "c.bin": "\0raw\r\n" };

  test("core.autocrlf=true: every file is read", async () => {
    const repo = makeTempDir();
    gitInit(repo);
    git(repo, "config", "core.autocrlf", "true");
    writeTree(repo, crlf);
    gitCommitAll(repo);
    const { hashed } = await expectSameDigests({ projectDir: repo });
    expect(hashed.sort()).toEqual(Object.keys(crlf));
  });

  test("text, eol, filter and ident attributes: those files are read, the others are not", async () => {
    const repo = makeTempDir();
    gitInit(repo);
    git(repo, "config", "filter.upper.clean", "tr a-z A-Z");
    git(repo, "config", "filter.upper.smudge", "cat");
    const attributes = "*.txt text\n*.up filter=upper\n*.id ident\n*.bin -text\n*.eol eol=lf\n";
    writeTree(repo, { ...crlf, ".gitattributes": attributes, "x.up": "lower\n" });
    writeTree(repo, { "y.id": "$Id: stale $\n", "z.eol": "z\r\n" });
    gitCommitAll(repo);
    expect(git(repo, "cat-file", "-p", "HEAD:x.up")).toBe("LOWER\n"); // the filter ran
    const { hashed } = await expectSameDigests({ projectDir: repo });
    expect(hashed.sort()).toEqual(["a.txt", "x.up", "y.id", "z.eol"]);
  });

  test("a SHA-256 repository: every file is read", async () => {
    const repo = makeTempDir();
    git(repo, "init", "--quiet", "--object-format=sha256");
    writeTree(repo, { "a.rs": "a\n", "b.c": "b\n" });
    gitCommitAll(repo);
    const { hashed } = await expectSameDigests({ projectDir: repo });
    expect(hashed.sort()).toEqual(["a.rs", "b.c"]);
  });

  test("git is asked once, while listing: digest calls work with the repository gone", async () => {
    const repo = makeRepo({ "a.rs": "a\n", "b.rs": "b\n" });
    const tree = await openTree({ projectDir: repo });
    const first = await tree.digest(["a.rs"]);
    rmSync(join(repo, ".git"), { recursive: true });
    const second = await tree.digest(["b.rs"]);
    expect([first.get("a.rs"), second.get("b.rs")]).toEqual([
      blobId(join(repo, "a.rs")),
      blobId(join(repo, "b.rs")),
    ]);
  });
});
