import { readdir } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";
import { aggregate, type MatrixReport } from "../report/matrix.js";
import { parseResultFile, type ResultFile } from "../report/result-file.js";
import { readProjectFile, statProjectPath } from "../shared/read.js";

/** Larger than any result file: refused rather than read into memory. */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;

/**
 * Reads the result files that `paths` name into one report: each path a result file, or a
 * directory whose `*.json` files (at any depth, as download-artifact lays them out) are all
 * result files. A file named twice is read once. Anything else is a UserError naming the file.
 */
export async function readReport(paths: readonly string[], cwd: string): Promise<MatrixReport> {
  if (paths.length === 0) throw new UserError("no result files given");
  const seen = new Set<string>();
  const files: { file: string; result: ResultFile }[] = [];
  for (const given of paths) {
    for (const file of await resultFilesAt(given, cwd)) {
      const absolute = path.resolve(cwd, file);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      files.push({ file, result: await readResultFile(absolute, file) });
    }
  }
  return aggregate(files);
}

/** The result files a path names, as the user would write them (relative to what they gave). */
async function resultFilesAt(given: string, cwd: string): Promise<string[]> {
  const info = await statProjectPath(path.resolve(cwd, given), given);
  if (!info) throw new UserError(`${given}: no such file or directory`);
  if (!info.isDirectory()) return [given];
  const dir = path.resolve(cwd, given);
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith(".json"));
  const files = await Promise.all(
    names.map(async (n) => ((await statProjectPath(path.join(dir, n)))?.isFile() ? [n] : [])),
  );
  const found = files
    .flat()
    .sort()
    .map((n) => path.join(given, n));
  if (found.length === 0)
    throw new UserError(`${given}: no result files (*.json) in this directory`);
  return found;
}

async function readResultFile(absolute: string, display: string): Promise<ResultFile> {
  const info = await statProjectPath(absolute, display);
  if (!info) throw new UserError(`${display}: no such file or directory`);
  if (info.size > MAX_RESULT_BYTES) {
    throw new UserError(`${display}: not a wheel-cache result file (${info.size} bytes)`);
  }
  const text = await readProjectFile(absolute, display);
  if (text === undefined) throw new UserError(`${display}: no such file or directory`);
  return parseResultFile(text, display);
}
