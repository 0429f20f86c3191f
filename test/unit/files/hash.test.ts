import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { hashFile, hashFiles } from "../../../src/files/hash.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

/** What git prints for the files, without any clean filter (autocrlf, LFS) applied. */
function gitHashObject(paths: string[]): string[] {
  const out = execFileSync("git", ["hash-object", "--no-filters", "--", ...paths], {
    encoding: "utf8",
  });
  return out.trim().split("\n");
}

function bytes(size: number, seed: number): Uint8Array {
  const data = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24;
  }
  return data;
}

const CONTENTS: [string, string | Uint8Array][] = [
  ["empty", ""],
  ["text", "fn main() {}\n"],
  ["crlf", "a\r\nb\r\n"],
  ["binary with NUL", bytes(4096, 1)],
  ["exactly one chunk", bytes(64 * 1024, 2)],
  ["larger than 1 MiB", bytes(3 * 1024 * 1024 + 17, 3)],
];

describe("hashFile", () => {
  test.each(CONTENTS)("equals `git hash-object`: %s", async (name, content) => {
    const dir = makeTempDir();
    writeTree(dir, { [name]: content });
    const path = join(dir, name);
    expect(await hashFile(path)).toBe(gitHashObject([path])[0]);
  });

  test("follows a symlink to a file", async () => {
    const dir = makeTempDir();
    writeTree(dir, { "target.txt": "hello\n" });
    symlinkSync("target.txt", join(dir, "link"));
    expect(await hashFile(join(dir, "link"))).toBe(gitHashObject([join(dir, "target.txt")])[0]);
  });

  test("a FIFO is null and never opened (no hang)", async () => {
    const dir = makeTempDir();
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    symlinkSync("fifo", join(dir, "to-fifo"));
    expect(await hashFile(fifo)).toBeNull();
    expect(await hashFile(join(dir, "to-fifo"))).toBeNull();
  }, 5_000);

  // Each case makes something that is not a regular file and returns its path under `dir`.
  test.each<[string, (dir: string) => string]>([
    ["a dangling symlink", (dir) => make(() => symlinkSync("nowhere", join(dir, "p")))],
    ["a symlink to a directory", (dir) => make(() => symlinkSync(dir, join(dir, "p")))],
    ["a directory", (dir) => make(() => mkdirSync(join(dir, "p")))],
    ["a missing path", () => "p"],
    ["a path under a file", (dir) => `${make(() => writeTree(dir, { p: "" }))}/x`],
  ])("%s is null", async (_name, prepare) => {
    const dir = makeTempDir();
    expect(await hashFile(join(dir, prepare(dir)))).toBeNull();
  });
});

/** Runs `create` (which makes `<dir>/p`) and returns "p". */
function make(create: () => unknown): string {
  create();
  return "p";
}

describe("hashFiles", () => {
  test.each([1, 3, undefined])("hashes every path with concurrency %s", async (concurrency) => {
    const dir = makeTempDir();
    const files = Object.fromEntries(CONTENTS.map(([name, content]) => [`d/${name}`, content]));
    writeTree(dir, files);
    const paths = Object.keys(files).map((name) => join(dir, name));
    const digests = await hashFiles([...paths, join(dir, "missing"), paths[0]!], concurrency);
    const expected = gitHashObject(paths);
    expect([...digests.keys()]).toEqual([...paths, join(dir, "missing")]);
    expect(paths.map((p) => digests.get(p))).toEqual(expected);
    expect(digests.get(join(dir, "missing"))).toBeNull();
  });
});
