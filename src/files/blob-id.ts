import type * as Crypto from "node:crypto";
import type * as Fs from "node:fs";

/**
 * Hashes one file to its git blob id; see `makeBlobHasher`. With `clean`, the id of what git's
 * clean filter stores under `core.autocrlf` (true or input) for a file without attributes.
 */
export type BlobHasher = (absPath: string, clean?: boolean) => string | null;

/**
 * Makes a synchronous hasher that computes the git blob id of a file's content (SHA-1 of
 * `blob <size>\0` + bytes, hex), the same as `git hash-object --no-filters`. Symlinks are
 * followed. It returns null when the path is absent or not a regular file (directory, FIFO,
 * socket, device, dangling link), which is never opened. It reads through one `bufferSize`
 * buffer, so memory stays bounded whatever the file size, and retries a file that changes while
 * it is read. Other errors (permission denied, I/O) are thrown.
 *
 * With `clean` the id is that of the content as `core.autocrlf` stores it (convert.c's
 * `crlf_to_git` for `CRLF_AUTO`): a file git takes for text has each CRLF stored as LF. Text is
 * judged as git judges it over the whole file: no NUL, no CR that is not before an LF, and at
 * least 128 printable bytes per non-printable one (a final ^Z not counted). A binary file, or one
 * with no CRLF, is stored as it is. The first read gathers those counts and the raw id at once;
 * only a text file with CRLFs is read again, without its CRs (every CR is before an LF then).
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
  /** Reads the whole file in chunks; false when it did not have `size` bytes (it changed). */
  const readAll = (fd: number, size: number, each: (chunk: Buffer) => void): boolean => {
    let position = 0;
    // A short read of a regular file is its end: a small file takes one read.
    for (let bytesRead = bufferSize; bytesRead === bufferSize && position <= size; ) {
      bytesRead = fs.readSync(fd, buffer, 0, bufferSize, position);
      each(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return position === size;
  };
  const hashOpen = (fd: number, absPath: string, clean: boolean): string | null => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const info = fs.fstatSync(fd);
      if (!info.isFile()) return null;
      const hash = crypto.createHash("sha1").update(`blob ${info.size}\0`);
      // git's text statistics (convert.c's gather_stats), carried across chunks.
      let crlf = 0;
      let binary = false;
      let printable = 0;
      let nonprintable = 0;
      let pendingCR = false;
      let last = -1;
      const count = (chunk: Buffer) => {
        hash.update(chunk);
        if (!clean || binary) return;
        for (const c of chunk) {
          if (pendingCR) {
            pendingCR = false;
            if (c === 10) {
              crlf++;
              continue;
            }
            binary = true; // a lone CR
            return;
          }
          if (c === 13) pendingCR = true;
          else if (c === 0) binary = true;
          else if (c === 127 || (c < 32 && c !== 10 && c !== 8 && c !== 9 && c !== 27 && c !== 12))
            nonprintable++;
          else if (c !== 10) printable++;
          if (binary) return;
        }
        if (chunk.length > 0) last = chunk[chunk.length - 1]!;
      };
      // The size in the header must be the number of bytes hashed; otherwise the file changed.
      if (!readAll(fd, info.size, count)) continue;
      if (last === 26) nonprintable--; // a DOS end-of-file mark is not counted
      const text = !binary && !pendingCR && printable >> 7 >= nonprintable;
      if (!clean || !text || crlf === 0) return hash.digest("hex");
      const stored = crypto.createHash("sha1").update(`blob ${info.size - crlf}\0`);
      let kept = 0;
      const same = readAll(fd, info.size, (chunk) => {
        let start = 0;
        for (let i = chunk.indexOf(13); i !== -1; i = chunk.indexOf(13, start)) {
          stored.update(chunk.subarray(start, i));
          kept += i - start;
          start = i + 1;
        }
        stored.update(chunk.subarray(start));
        kept += chunk.length - start;
      });
      if (same && kept === info.size - crlf) return stored.digest("hex");
    }
    throw new Error(`${absPath} kept changing while it was being hashed`);
  };
  return (absPath, clean = false) => {
    try {
      const info = fs.statSync(absPath, { throwIfNoEntry: false });
      if (!info?.isFile()) return null;
      const fd = fs.openSync(absPath, flags);
      try {
        return hashOpen(fd, absPath, clean);
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
