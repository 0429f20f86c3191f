import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { writeTree } from "./tmp.js";

/** Replaces `into` with exactly `files` (relative path → content), creating parent dirs. */
export async function fill(into: string, files: Record<string, string | Buffer>): Promise<void> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  writeTree(into, files);
}

/**
 * Every regular file under `from` (relative path → content in `encoding`), in path order, for
 * comparing trees with `toEqual`. Use "hex" for binary files.
 */
export async function snapshot(
  from: string,
  encoding: BufferEncoding = "utf8",
): Promise<Record<string, string>> {
  const names = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)))
    .sort();
  const out: Record<string, string> = {};
  for (const name of names) out[name] = await readFile(path.join(from, name), encoding);
  return out;
}
