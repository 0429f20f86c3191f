import { appendFileSync, chmodSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fingerprintOf } from "../../../src/fingerprint/manifest.js";
import { filesDigest } from "../../../src/shared/digest.js";
import { EXAMPLE_NAMES } from "../../support/build-env.js";
import { copyExample } from "../../support/examples.js";
import { expectSameDigests, makeRepo } from "../../support/fast-path.js";
import { fingerprintDir } from "../../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

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
