import { spawnSync } from "node:child_process";

/**
 * The cache service stores each entry as the client's zstd-compressed tar. These helpers look
 * inside one (for secrets and the wheels it holds) and plant a tampered copy (for the sha256
 * check).
 */

const MAX = 1 << 30;

function zstd(args: readonly string[], input: Buffer): Buffer {
  const run = spawnSync("zstd", ["-q", ...args], { input, maxBuffer: MAX });
  if (run.status !== 0) throw new Error(`zstd ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

/** The uncompressed tar of an entry. */
export function unpackArchive(archive: Buffer): Buffer {
  return zstd(["-d", "-c"], archive);
}

/** The file of the entry's archive whose path ends with `/<name>` (the newest such member). */
export function archiveMember(archive: Buffer, name: string): Buffer {
  const tar = unpackArchive(archive);
  const list = spawnSync("tar", ["-tf", "-"], { input: tar, maxBuffer: MAX, encoding: "utf8" });
  const member = list.stdout
    .split("\n")
    .filter((m) => m.endsWith(`/${name}`))
    .at(-1);
  if (!member) throw new Error(`no ${name} in the archive`);
  const file = spawnSync("tar", ["-xOPf", "-", member], { input: tar, maxBuffer: MAX });
  if (file.status !== 0) throw new Error(`tar could not extract ${member}: ${file.stderr}`);
  return file.stdout;
}

/**
 * The files of the entry's archive by member name (leading `../` taken off: the client names
 * members relative to the workspace, and the staging directory lies outside it), read one by one
 * with `-P` so that nothing is written to disk.
 */
export function archiveFiles(archive: Buffer): Map<string, Buffer> {
  const tar = unpackArchive(archive);
  const list = spawnSync("tar", ["-tf", "-"], { input: tar, maxBuffer: MAX, encoding: "utf8" });
  const files = new Map<string, Buffer>();
  for (const member of list.stdout.split("\n").filter((m) => m !== "" && !m.endsWith("/"))) {
    const file = spawnSync("tar", ["-xOPf", "-", member], { input: tar, maxBuffer: MAX });
    if (file.status !== 0) throw new Error(`tar could not extract ${member}: ${file.stderr}`);
    files.set(member.replace(/^(?:\.\.\/)+/, ""), file.stdout);
  }
  return files;
}

/**
 * The archive with one byte in the middle of `file` (whose bytes it holds) inverted: the same
 * size, a valid archive, a different sha256.
 */
export function tamperArchive(archive: Buffer, file: Buffer): Buffer {
  const tar = unpackArchive(archive);
  const at = tar.indexOf(file);
  if (at < 0) throw new Error("the file is not in the archive");
  const middle = at + (file.length >> 1);
  tar[middle] = tar[middle]! ^ 0xff;
  return zstd(["-c"], tar);
}
