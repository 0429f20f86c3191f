import type * as Crypto from "node:crypto";
import type * as Fs from "node:fs";

/** Hashes one file to its git blob id; see `makeBlobHasher`. */
export type BlobHasher = (absPath: string) => string | null;

/**
 * Makes a synchronous hasher that computes the git blob id of a file's content (SHA-1 of
 * `blob <size>\0` + bytes, hex), the same as `git hash-object --no-filters`. Symlinks are
 * followed. It returns null when the path is absent or not a regular file (directory, FIFO,
 * socket, device, dangling link), which is never opened. It reads through one `bufferSize`
 * buffer, so memory stays bounded whatever the file size, and retries a file that changes while
 * it is read. Other errors (permission denied, I/O) are thrown.
 *
 * The function is self-contained (it uses only its parameters and globals): hash-pool.ts runs its
 * source text in worker threads, so the same code hashes in the main thread and in workers.
 */
export function makeBlobHasher(
  fs: typeof Fs,
  crypto: typeof Crypto,
  bufferSize: number,
): BlobHasher {
  const attempts = 3;
  // Never blocks on a FIFO swapped in between stat and open. Windows has no O_NONBLOCK.
  const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
  const buffer = Buffer.allocUnsafe(bufferSize);
  const isAbsent = (error: unknown): boolean => {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
  };
  const hashOpen = (fd: number, absPath: string): string | null => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const info = fs.fstatSync(fd);
      if (!info.isFile()) return null;
      const hash = crypto.createHash("sha1").update(`blob ${info.size}\0`);
      let position = 0;
      // A short read of a regular file is its end: a small file takes one read.
      for (let bytesRead = bufferSize; bytesRead === bufferSize && position <= info.size; ) {
        bytesRead = fs.readSync(fd, buffer, 0, bufferSize, position);
        hash.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
      // The size in the header must be the number of bytes hashed; otherwise the file changed.
      if (position === info.size) return hash.digest("hex");
    }
    throw new Error(`${absPath} kept changing while it was being hashed`);
  };
  return (absPath) => {
    try {
      const info = fs.statSync(absPath, { throwIfNoEntry: false });
      if (!info?.isFile()) return null;
      const fd = fs.openSync(absPath, flags);
      try {
        return hashOpen(fd, absPath);
      } finally {
        fs.closeSync(fd);
      }
    } catch (error) {
      // Removed meanwhile, or a path component is not a directory: the file is absent.
      if (isAbsent(error)) return null;
      throw error;
    }
  };
}
