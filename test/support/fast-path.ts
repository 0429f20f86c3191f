// Helpers for the index shortcut's tests: open a tree both ways and compare.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { expect } from "vitest";
import { hashFiles } from "../../src/files/hash.js";
import type { OpenTreeOptions } from "../../src/files/listing.js";
import type { FileTree } from "../../src/files/tree.js";
import { listTree } from "./fingerprint.js";
import { gitCommitAll, gitInit } from "./git.js";
import { makeTempDir, writeTree } from "./tmp.js";

/** The blob id of what is on disk, computed here independently (symlinks followed). */
export function blobId(absPath: string): string | null {
  if (!statSync(absPath, { throwIfNoEntry: false })?.isFile()) return null;
  const bytes = readFileSync(absPath);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export interface BothWays {
  readonly fast: FileTree;
  readonly plain: FileTree;
  /** Root-relative paths the fast tree read to hash, over all its digest calls. */
  readonly hashed: string[];
}

/** Opens the tree with the index shortcut (counting what it hashes) and without it. */
export async function openBoth(
  options: OpenTreeOptions & { readonly projectDir: string },
): Promise<BothWays> {
  const hashed: string[] = [];
  const fast = await listTree({
    ...options,
    hasher: (paths, clean) => {
      hashed.push(...paths.map((p) => posix.normalize(relative(fast.root, p))));
      return hashFiles(paths, undefined, clean);
    },
  });
  const plain = await listTree({ ...options, useIndex: false });
  return { fast, plain, hashed };
}

/** Both ways give the same list and the same digests, and they are the bytes' blob ids. */
export async function expectSameDigests(
  options: OpenTreeOptions & { readonly projectDir: string },
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

/** A committed repository holding `files`. */
export function makeRepo(files: Record<string, string>): string {
  const dir = makeTempDir();
  gitInit(dir);
  writeTree(dir, files);
  gitCommitAll(dir, "initial");
  return dir;
}
