import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { UserError } from "../errors.js";

/** Error codes that mean "nothing is there". */
const ABSENT = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Reads a project file as UTF-8 text. Only a file that does not exist is absent (undefined); any
 * other failure (permission denied, a directory where a file belongs, an I/O error) is a
 * UserError naming `display`, so that no input silently drops out of the fingerprint.
 */
export async function readProjectFile(file: string, display = file): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (ABSENT.has(codeOf(error))) return undefined;
    throw new UserError(`cannot read ${display}: ${describeFsError(error)}`);
  }
}

/** `stat` of a project path: undefined when nothing is there; other failures are UserErrors. */
export async function statProjectPath(file: string, display = file): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (error) {
    if (ABSENT.has(codeOf(error)) || codeOf(error) === "ELOOP") return undefined;
    throw new UserError(`cannot read ${display}: ${describeFsError(error)}`);
  }
}

/** `EACCES (permission denied)`: the code and what it means, for one-line messages. */
export function describeFsError(error: unknown): string {
  const code = codeOf(error);
  const meaning = MEANINGS[code];
  if (meaning) return `${code} (${meaning})`;
  return code || (error instanceof Error ? error.message : String(error));
}

const MEANINGS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  EIO: "input/output error",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
};

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? "";
}
