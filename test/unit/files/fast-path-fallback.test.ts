import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { blobId, expectSameDigests, makeRepo } from "../../support/fast-path.js";
import { listTree } from "../../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

describe("the index is not used where its ids are not the bytes' ids", () => {
  const crlf = { "a.txt": "one\r\ntwo\r\n", "b.rs": "fn b() {}\r\n", "c.bin": "\0raw\r\n" };

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
    const tree = await listTree({ projectDir: repo });
    const first = await tree.digest(["a.rs"]);
    rmSync(join(repo, ".git"), { recursive: true });
    const second = await tree.digest(["b.rs"]);
    expect([first.get("a.rs"), second.get("b.rs")]).toEqual([
      blobId(join(repo, "a.rs")),
      blobId(join(repo, "b.rs")),
    ]);
  });
});
