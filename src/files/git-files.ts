import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { type IndexTrust, indexedCrlf, indexTrust } from "./git-index.js";
import { git, gitWithWarnings } from "./git-run.js";
import { isAbsentError } from "./hash.js";
import { type Pruner, underDir, VENV_MARKER } from "./prune.js";
import { cannotList } from "./walk.js";

const SUBMODULE = "160000";
const SYMLINK = "120000";
const REGULAR = new Set(["100644", "100755"]);

/**
 * The git work tree root containing `dir` (absolute); null when git is missing or `dir` is not in
 * a work tree, with what git said when it refused a repository it found (dubious ownership).
 */
export async function gitToplevel(dir: string): Promise<{ root: string | null; refused?: string }> {
  try {
    return { root: resolve((await git(dir, ["rev-parse", "--show-toplevel"])).replace(/\n$/, "")) };
  } catch (error) {
    // git is not installed (ENOENT) or exited non-zero (not a work tree): there is no git root.
    const { code, stderr } = (error ?? {}) as { code?: unknown; stderr?: unknown };
    if (code !== "ENOENT" && typeof code !== "number") throw error;
    const refused = /detected dubious ownership in repository at '(.*)'/.exec(String(stderr ?? ""));
    return refused ? { root: null, refused: refused[1] } : { root: null };
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

/** What git lists in a work tree: the files, and the blob ids its index vouches for. */
export interface GitListing {
  /** As `gitFiles` describes: posix, root-relative, unsorted. */
  readonly files: string[];
  /**
   * Index blob ids that are the blob ids of the listed files' bytes: stage 0 regular files (mode
   * 100644/100755), neither assume-unchanged nor skip-worktree, not reported by `git diff-files`
   * (modified, type-changed, intent-to-add or stat-dirty), and not converted by git (see
   * `indexTrust`). Empty unless asked for.
   */
  readonly indexIds: Map<string, string>;
  /** How git stores the files, which decides how they are digested (see `indexTrust`). */
  readonly trust: IndexTrust;
  /** Submodules and nested repositories (root-relative): git lists none of their files. */
  readonly repositories: string[];
}

/** One record of `git ls-files -z --stage -v`. */
interface IndexEntry {
  /** H cached, S skip-worktree (maybe not checked out), lower case assume-unchanged, M unmerged. */
  readonly tag: string;
  readonly mode: string;
  readonly id: string;
  readonly stage: string;
  readonly path: string;
}

/**
 * Lists the files of the work tree at `root` with git: tracked files that still exist and
 * untracked files (not ignored ones unless `includeIgnored`). Submodules and nested repositories
 * are skipped; symlinks (and skip-worktree entries) are kept when they resolve to a regular file.
 * Tracked files are only dropped under excluded directories: a tracked file is source, even in a
 * directory named `build`. Three git calls run together: `ls-files --stage` (mode, blob id and
 * path of every tracked file), `diff-files` (tracked files deleted or changed since the index
 * was written: lstat, and content for racily clean entries) and `ls-files --others`;
 * `indexTrust`'s calls start as soon as the tracked files are known (how git stores files
 * decides how they are digested even when the index ids are not used).
 */
export async function gitFiles(
  root: string,
  pruner: Pruner,
  includeIgnored: boolean,
  useIndex: boolean,
): Promise<GitListing> {
  const others = ["ls-files", "-z", "--others", ...pruner.gitPatterns.map((p) => `--exclude=${p}`)];
  if (!includeIgnored) others.push("--exclude-standard");
  const staged = git(root, ["ls-files", "-z", "--stage", "-v"]).then(indexEntries);
  const regular = (all: IndexEntry[]) => all.filter(isRegular).map((entry) => entry.path);
  const [entries, diff, listed, trust] = await Promise.all([
    staged,
    gitWithWarnings(root, ["diff-files", "-z", "--name-status", "--ignore-submodules=all"]),
    gitWithWarnings(root, others),
    staged.then((all) => indexTrust(root, regular(all))),
  ]);
  // git lists what it can read and only warns about the rest: that is an error here.
  const unreadable = unreadablePath(`${listed.stderr}\n${diff.stderr}`);
  if (unreadable) throw cannotList(unreadable.path, unreadable.why);
  const [changes, untracked] = [diff.stdout, listed.stdout];
  const { gone, changed } = changedPaths(changes);
  const tracked = new Set<string>();
  const indexIds = new Map<string, string>();
  const toCheck: string[] = [];
  for (const entry of entries) {
    const { tag, mode, path } = entry;
    if (mode === SUBMODULE || gone.has(path) || tracked.has(path)) continue;
    tracked.add(path);
    if (mode === SYMLINK || tag === "S" || tag === "s" || entry.stage !== "0") toCheck.push(path);
    else if (
      useIndex &&
      trust.usable &&
      isRegular(entry) &&
      !changed.has(path) &&
      !trust.converted.has(path)
    )
      indexIds.set(path, entry.id);
  }
  // Untracked entries ending in "/" are nested repositories.
  const nested = records(untracked)
    .filter((p) => p.endsWith("/"))
    .map((p) => p.slice(0, -1));
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
  const notFiles = new Set(nonFiles(root, toCheck.concat(kept)));
  const files = [...tracked, ...kept].filter(
    (p) => !notFiles.has(p) && !underDir(p, pruner.isExcluded),
  );
  for (const path of indexIds.keys()) if (underDir(path, pruner.isExcluded)) indexIds.delete(path);
  const submodules = entries.filter((e) => e.mode === SUBMODULE).map((e) => e.path);
  const repositories = [...new Set([...submodules, ...nested])]
    .filter((p) => !underDir(`${p}/x`, pruner.isPruned))
    .sort();
  // Under autocrlf, the tracked files that are read need to know how git indexed them.
  const read = trust.autocrlf ? files.filter((p) => tracked.has(p) && !indexIds.has(p)) : [];
  const crlfInIndex = await indexedCrlf(root, read);
  return { files, indexIds, trust: { ...trust, crlfInIndex }, repositories };
}

/** What git says it could not read: `could not open directory 'x/': Permission denied`, `x: Permission denied`. */
const OPEN_DIR = /^warning: could not open directory '(.*)': (.+)$/m;
const STAT = /^(.+): (Permission denied|Input\/output error|Operation not permitted)$/m;
const ERRNO: Readonly<Record<string, string>> = {
  "Permission denied": "EACCES (permission denied)",
  "Operation not permitted": "EPERM (operation not permitted)",
  "Input/output error": "EIO (input/output error)",
};

/** The first path git reported it could not read while listing, and why. */
function unreadablePath(stderr: string): { path: string; why: string } | undefined {
  const match = OPEN_DIR.exec(stderr) ?? STAT.exec(stderr);
  if (!match) return undefined;
  const [, path, why] = match as unknown as [string, string, string];
  return { path: path.replace(/\/$/, ""), why: ERRNO[why] ?? why.toLowerCase() };
}

/**
 * Splits `git diff-files -z --name-status` output: deleted paths (D: gone, or replaced by a
 * directory) and every other reported path (modified, type change, intent-to-add, unmerged).
 */
function changedPaths(output: string): { gone: Set<string>; changed: Set<string> } {
  const fields = records(output);
  const gone = new Set<string>();
  const changed = new Set<string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    (fields[i] === "D" ? gone : changed).add(fields[i + 1]!);
  }
  return { gone, changed };
}

/** Parses `git ls-files -z --stage -v`: "<tag> <mode> <object> <stage>\t<path>\0" records. */
function indexEntries(output: string): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (let start = 0, end = output.indexOf("\0"); end !== -1; end = output.indexOf("\0", start)) {
    const tab = output.indexOf("\t", start);
    const [tag = "", mode = "", id = "", stage = ""] = output.slice(start, tab).split(" ");
    entries.push({ tag, mode, id, stage, path: output.slice(tab + 1, end) });
    start = end + 1;
  }
  return entries;
}

/** An entry git may vouch for: a cached (H) stage 0 regular file. */
function isRegular(entry: IndexEntry): boolean {
  return entry.tag === "H" && entry.stage === "0" && REGULAR.has(entry.mode);
}

function records(output: string): string[] {
  return output.split("\0").filter((record) => record !== "");
}

/**
 * The paths that do not resolve to a regular file (symlinks to directories, dangling links).
 * Synchronous stats: tens of thousands of untracked files take a fraction of what as many
 * promise round trips would, and nothing else waits on the event loop meanwhile.
 */
function nonFiles(root: string, paths: readonly string[]): string[] {
  return paths.filter((path) => !isFileSync(join(root, path)));
}

function isFileSync(absPath: string): boolean {
  try {
    return statSync(absPath, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch (error) {
    // A dangling link, a loop or a path under a file is simply not a file.
    if (isAbsentError(error)) return false;
    throw error;
  }
}
