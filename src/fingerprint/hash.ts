import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { defaultConcurrency, mapLimit } from "./pool.js";

const CHUNK_SIZE = 64 * 1024;
const ATTEMPTS = 3;
// Never blocks on a FIFO swapped in between stat and open. Windows has no O_NONBLOCK.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Error codes that mean "there is no file here": the digest is null. */
export function isAbsentError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
}

/**
 * The git blob id of a file's content (SHA-1 of `blob <size>\0` + bytes, hex), the same as
 * `git hash-object --no-filters` prints. Symlinks are followed. Null when the path is absent or
 * not a regular file (directory, FIFO, socket, device, dangling link), which is never opened.
 * Reads in fixed-size chunks, so memory stays bounded whatever the file size.
 */
export async function hashFile(absPath: string): Promise<string | null> {
  try {
    if (!(await stat(absPath)).isFile()) return null;
    const handle = await open(absPath, OPEN_FLAGS);
    try {
      return await hashHandle(handle, absPath);
    } finally {
      await handle.close();
    }
  } catch (error) {
    // Removed, or a path component is not a directory: the file is absent.
    if (isAbsentError(error)) return null;
    throw error;
  }
}

async function hashHandle(handle: FileHandle, absPath: string): Promise<string | null> {
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const info = await handle.stat();
    if (!info.isFile()) return null;
    const hash = createHash("sha1").update(`blob ${info.size}\0`);
    let position = 0;
    let bytesRead = 1;
    while (bytesRead > 0 && position <= info.size) {
      ({ bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position));
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    // The size in the header must be the number of bytes hashed; otherwise the file changed.
    if (position === info.size) return hash.digest("hex");
  }
  throw new Error(`${absPath} kept changing while it was being hashed`);
}

/**
 * Blob ids of many files (see `hashFile`), at most `concurrency` at a time.
 * Keys are the given absolute paths; values are null for absent or non-regular files.
 */
export async function hashFiles(
  absPaths: readonly string[],
  concurrency: number = defaultConcurrency(),
): Promise<Map<string, string | null>> {
  const unique = [...new Set(absPaths)];
  const digests = await mapLimit(unique, concurrency, hashFile);
  return new Map(unique.map((path, index) => [path, digests[index] ?? null]));
}
