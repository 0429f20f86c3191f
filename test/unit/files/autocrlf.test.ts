import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { hashFile } from "../../../src/files/hash.js";
import { hashInWorkers } from "../../../src/files/hash-pool.js";
import { openBoth } from "../../support/fast-path.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// core.autocrlf=true is the Windows runners' default: checkouts have CRLFs, git stores LFs. The
// digests must be of what git stores, the same whether they come from the index (the fast path)
// or from reading the files (the plain path), and git itself is the judge: after `git add`, the
// index holds the id of every file as git cleans it.

const MIB = 1024 * 1024;

/** Text and binary contents, each as git's text heuristic judges it (convert.c's gather_stats). */
const CONTENTS: Record<string, string | Uint8Array> = {
  "crlf.c": "int a;\r\nint b;\r\n",
  "lf.c": "int a;\nint b;\n",
  "mixed.rs": "fn a() {}\r\nfn b() {}\n",
  "none.txt": "no line end",
  "empty.txt": "",
  "nul.bin": "a\r\nb\0c\r\n",
  "late-nul.dat": `${"x\r\n".repeat(3000)}\0\r\n`,
  "lone-cr.txt": "one\rtwo\r\n",
  "ends-cr.txt": "one\r\ntwo\r",
  "dos-eof.txt": "one\r\ntwo\r\n\x1a",
  "controls.txt": `${"\x01\x02\r\n".repeat(10)}`,
  "few-controls.txt": `${"y".repeat(300)}\x01\x02\r\n`,
  // A CRLF split between two reads of the hasher's 1 MiB buffer, and a file past it.
  "split.txt": `${"z".repeat(MIB - 1)}\r\n${"w\r\n".repeat(100)}`,
  "big.txt": "line of text\r\n".repeat(200_000),
};

/** `git ls-files -s` as path → id. */
function indexIds(repo: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const line of git(repo, "ls-files", "-s").split("\n").filter(Boolean)) {
    const [meta = "", path = ""] = line.split("\t");
    ids.set(path, meta.split(" ")[1]!);
  }
  return ids;
}

/** A repository with core.autocrlf=true and `files` committed (git converting as it adds). */
function autocrlfRepo(files: Record<string, string | Uint8Array>): string {
  const repo = makeTempDir();
  gitInit(repo);
  git(repo, "config", "core.autocrlf", "true");
  git(repo, "config", "core.safecrlf", "false");
  writeTree(repo, files);
  gitCommitAll(repo);
  return repo;
}

/** The digests both ways, which must agree, and git's own ids once it adds everything. */
async function digestsAndGit(repo: string) {
  const both = await openBoth({ projectDir: repo });
  expect(both.fast.files).toEqual(both.plain.files);
  const fast = await both.fast.digest(both.fast.files);
  const plain = await both.plain.digest(both.plain.files);
  expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(plain));
  git(repo, "add", "--all");
  const stored = indexIds(repo);
  return { fast, stored, hashed: both.hashed };
}

describe("core.autocrlf=true: digests are of what git stores", () => {
  test("committed files: the index is used, and reading them gives its ids", async () => {
    const repo = autocrlfRepo(CONTENTS);
    // Checked out again as a Windows runner has them: text files with CRLFs.
    for (const path of Object.keys(CONTENTS)) git(repo, "rm", "--cached", "--quiet", path);
    git(repo, "checkout", "--quiet", "HEAD", "--", ".");
    expect(readFileSync(join(repo, "lf.c"), "utf8")).toBe("int a;\r\nint b;\r\n");
    const { fast, stored, hashed } = await digestsAndGit(repo);
    expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(stored));
    expect(hashed).toEqual([]);
    // What git converted, and what it left alone: a NUL anywhere (not only in the first 8000
    // bytes), a CR before no LF, or too many control characters make a file binary.
    expect(fast.get("crlf.c")).toBe(blobOf("int a;\nint b;\n"));
    expect(fast.get("few-controls.txt")).toBe(blobOf(`${"y".repeat(300)}\x01\x02\n`));
    for (const binary of ["nul.bin", "late-nul.dat", "lone-cr.txt", "ends-cr.txt", "controls.txt"])
      expect([binary, fast.get(binary)]).toEqual([binary, blobOf(CONTENTS[binary]!)]);
  });

  test("files changed and added since the commit are read, cleaned as git would add them", async () => {
    const repo = autocrlfRepo({ "a.c": "a\n", "b.c": "b\n" });
    writeTree(repo, {
      "a.c": "changed\r\nlines\r\n",
      ...Object.fromEntries(Object.entries(CONTENTS).map(([p, c]) => [`new/${p}`, c])),
    });
    const { fast, stored, hashed } = await digestsAndGit(repo);
    expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(stored));
    expect(hashed.sort()).toEqual(["a.c", ...Object.keys(CONTENTS).map((p) => `new/${p}`)].sort());
  });

  test("a file committed with CRLFs before autocrlf was on is left as it is, by git and here", async () => {
    const repo = makeTempDir();
    gitInit(repo);
    writeTree(repo, { "old.c": "int a;\r\n", "new.c": "x\n", "kept.c": "k;\r\n" });
    gitCommitAll(repo);
    git(repo, "config", "core.autocrlf", "true");
    git(repo, "config", "core.safecrlf", "false");
    writeTree(repo, { "new.c": "x\r\ny\r\n", "old.c": "int a;\r\nint b;\r\n" });
    const { fast, stored } = await digestsAndGit(repo);
    expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(stored));
    expect(fast.get("old.c")).toBe(blobOf("int a;\r\nint b;\r\n"));
    expect(fast.get("kept.c")).toBe(blobOf("k;\r\n"));
  });

  test("files with eol attributes are read as they are, never taken from the index", async () => {
    const repo = autocrlfRepo({
      ".gitattributes": "*.sh eol=lf\n*.bat text eol=crlf\n",
      "run.sh": "echo\n",
      "run.bat": "echo\r\n",
      "plain.c": "c\r\n",
    });
    const both = await openBoth({ projectDir: repo });
    const fast = await both.fast.digest(both.fast.files);
    expect(Object.fromEntries(fast)).toEqual(
      Object.fromEntries(await both.plain.digest(both.plain.files)),
    );
    expect(both.hashed.sort()).toEqual(["run.bat", "run.sh"]);
  });
});

test("worker threads clean as the main thread does", async () => {
  const dir = makeTempDir();
  writeTree(dir, CONTENTS);
  const paths = Object.keys(CONTENTS).map((p) => join(dir, p));
  const inThread = await Promise.all(paths.map((p) => hashFile(p, true)));
  expect(await hashInWorkers(paths, 2, true)).toEqual(inThread);
  expect(inThread[0]).toBe(blobOf("int a;\nint b;\n"));
});

describe("without autocrlf nothing is converted", () => {
  test("CRLF files are digested as they are", async () => {
    const repo = makeTempDir();
    gitInit(repo);
    writeTree(repo, { "crlf.c": "int a;\r\n" });
    gitCommitAll(repo);
    const both = await openBoth({ projectDir: repo });
    expect((await both.plain.digest(["crlf.c"])).get("crlf.c")).toBe(blobOf("int a;\r\n"));
  });
});

function blobOf(content: string | Uint8Array): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
