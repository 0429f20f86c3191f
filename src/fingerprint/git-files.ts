import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { defaultConcurrency, mapLimit } from "./pool.js";
import { type Pruner, underDir, VENV_MARKER } from "./prune.js";
import { isFileTarget } from "./walk.js";

const execFileAsync = promisify(execFile);
const MAX_OUTPUT = 1024 * 1024 * 1024;
const SUBMODULE = "160000";
const SYMLINK = "120000";

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const options = { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8" as const };
  return (await execFileAsync("git", args, options)).stdout;
}

/** The git work tree root containing `dir` (absolute), or null when git is missing or `dir` is not in a work tree. */
export async function gitToplevel(dir: string): Promise<string | null> {
  try {
    return resolve((await git(dir, ["rev-parse", "--show-toplevel"])).replace(/\n$/, ""));
  } catch (error) {
    // git is not installed (ENOENT) or exited non-zero (not a work tree): there is no git root.
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ENOENT" || typeof code === "number") return null;
    throw error;
  }
}

/** Whether git ignores the root-relative `path` (itself or through a parent directory). */
export async function gitIgnores(root: string, path: string): Promise<boolean> {
  try {
    await git(root, ["check-ignore", "--quiet", "--", path]);
    return true;
  } catch (error) {
    // Exit status 1 is git's answer "not ignored"; anything else is a failure.
    if ((error as { code?: unknown } | null)?.code === 1) return false;
    throw error;
  }
}

/**
 * Lists the files of the work tree at `root` with git: tracked files that still exist and
 * untracked files (not ignored ones unless `includeIgnored`); posix, root-relative, unsorted.
 * Submodules and nested repositories are skipped; symlinks (and skip-worktree entries) are kept
 * when they resolve to a regular file. Tracked files are only dropped under excluded directories:
 * a tracked file is source, even in a directory named `build`.
 */
export async function gitFiles(
  root: string,
  pruner: Pruner,
  includeIgnored: boolean,
): Promise<string[]> {
  const others = ["ls-files", "-z", "--others", ...pruner.gitPatterns.map((p) => `--exclude=${p}`)];
  if (!includeIgnored) others.push("--exclude-standard");
  const [staged, deleted, untracked] = await Promise.all([
    git(root, ["ls-files", "-z", "--stage", "-t"]),
    git(root, ["ls-files", "-z", "--deleted"]),
    git(root, others),
  ]);
  const gone = new Set(records(deleted));
  const tracked = new Set<string>();
  const toCheck: string[] = [];
  for (const record of records(staged)) {
    // "<tag> <mode> <object> <stage>\t<path>"; tag S is skip-worktree: maybe not checked out.
    const tab = record.indexOf("\t");
    const [tag, mode] = record.slice(0, tab).split(" ");
    const path = record.slice(tab + 1);
    if (mode === SUBMODULE || gone.has(path) || tracked.has(path)) continue;
    tracked.add(path);
    if (mode === SYMLINK || tag === "S") toCheck.push(path);
  }
  // Untracked entries ending in "/" are nested repositories.
  const candidates = records(untracked).filter((p) => !p.endsWith("/") && !tracked.has(p));
  const venvs = new Set(
    [...tracked, ...candidates]
      .filter((p) => p === VENV_MARKER || p.endsWith(`/${VENV_MARKER}`))
      .map((p) => p.slice(0, -VENV_MARKER.length - 1))
      .filter(pruner.mayPrune),
  );
  const kept = candidates.filter(
    (p) => !underDir(p, pruner.isPruned) && !underDir(p, (dir) => venvs.has(dir)),
  );
  const notFiles = new Set(await nonFiles(root, toCheck.concat(kept)));
  return [...tracked, ...kept].filter((p) => !notFiles.has(p) && !underDir(p, pruner.isExcluded));
}

function records(output: string): string[] {
  return output.split("\0").filter((record) => record !== "");
}

/** The paths that do not resolve to a regular file (symlinks to directories, dangling links). */
async function nonFiles(root: string, paths: readonly string[]): Promise<string[]> {
  const isFile = await mapLimit(paths, defaultConcurrency(), (p) => isFileTarget(root, p));
  return paths.filter((_, index) => !isFile[index]);
}

/**
 * EXTENSION POINT (not used yet): blob ids git already knows for tracked, unmodified files, so
 * they need not be read and hashed. A later change fills this from `git ls-files -s` minus
 * `git diff-files --name-only`. It must return only ids that equal `hashFile`'s: regular files
 * (mode 100644/100755, never 120000 whose blob is the link text) with no clean filter or eol
 * conversion (`filter`, `text`, `eol` attributes, `core.autocrlf`; git LFS), because the index
 * holds the id of the cleaned content. Until then the empty map makes every file be hashed.
 */
export async function indexBlobIds(
  _root: string,
  _paths: readonly string[],
): Promise<Map<string, string>> {
  return new Map();
}
