import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { type BlobHasher, makeBlobHasher } from "./blob-id.js";
import { BUFFER_SIZE, hashInWorkers } from "./hash-pool.js";
import { hashWorkers } from "./pool.js";

/** Jobs up to this many files are hashed in the main thread: starting workers would cost more. */
const IN_THREAD_MAX = 256;

let inThread: BlobHasher | undefined;

/** Error codes that mean "there is no file here": the digest is null. */
export function isAbsentError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
}

/**
 * The git blob id of a file's content (SHA-1 of `blob <size>\0` + bytes, hex), the same as
 * `git hash-object --no-filters` prints. Symlinks are followed. Null when the path is absent or
 * not a regular file (directory, FIFO, socket, device, dangling link), which is never opened.
 * Reads in fixed-size chunks, so memory stays bounded whatever the file size; the reads are
 * synchronous, in the calling thread (a file at a time: per-call overhead, not I/O, is the cost).
 */
export async function hashFile(absPath: string, clean = false): Promise<string | null> {
  inThread ??= makeBlobHasher(fs, crypto, BUFFER_SIZE);
  return inThread(absPath, clean);
}

/**
 * Blob ids of many files (see `hashFile`). Keys are the given absolute paths; values are null
 * for absent or non-regular files. A small job is hashed in the main thread; a larger one by
 * `workers` worker threads (see hash-pool.ts), so memory stays bounded whatever the file sizes.
 * With `clean`, text files' ids are those of the content `core.autocrlf` stores (CRLF as LF).
 */
export async function hashFiles(
  absPaths: readonly string[],
  workers: number = hashWorkers(),
  clean = false,
): Promise<Map<string, string | null>> {
  const unique = [...new Set(absPaths)];
  let digests: (string | null)[];
  if (unique.length <= IN_THREAD_MAX) {
    digests = [];
    for (const path of unique) digests.push(await hashFile(path, clean));
  } else {
    digests = await hashInWorkers(unique, workers, clean);
  }
  return new Map(unique.map((path, index) => [path, digests[index] ?? null]));
}
