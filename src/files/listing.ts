import { lstat, realpath, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { UserError } from "../errors.js";
import { foldsCase, isInside, toPosix } from "../shared/paths.js";
import { gitFiles, gitIgnores, gitToplevel } from "./git-files.js";
import { NO_TRUST } from "./git-index.js";
import { hashFiles, isAbsentError } from "./hash.js";
import { type Hasher, ListedTree, storedAs } from "./listed-tree.js";
import { makePruner } from "./prune.js";
import type { FileTree } from "./tree.js";
import { walkFiles } from "./walk.js";

/** Where a project lies: its real directory, and the repository root every path is relative to. */
export interface Location {
  /** Absolute real path of the project directory. */
  readonly projectDir: string;
  /** Absolute path every listed path is relative to: the repository root, or the project. */
  readonly root: string;
  /** True when `root` is a git work tree. */
  readonly isGitRepo: boolean;
  /** A repository git refused to read (owned by another user): it is listed without git. */
  readonly gitRefused?: string;
}

/**
 * Finds the root of the repository holding `projectDir`: the git work tree root (`git rev-parse
 * --show-toplevel`); without a usable git, the nearest ancestor holding `.git`, else the project
 * directory itself. A project directory that does not exist is a UserError naming `display`.
 */
export async function locateProject(projectDir: string, display = projectDir): Promise<Location> {
  const project = await projectRealpath(projectDir, display);
  const git = await gitToplevel(project);
  const root = git.root ?? (await dotGitAncestor(project)) ?? project;
  return { projectDir: project, root, isGitRepo: git.root !== null, gitRefused: git.refused };
}

export interface OpenTreeOptions {
  /** Absolute directories whose files are never inputs (the wheel output directory and such). */
  readonly exclude?: readonly string[];
  /** List the files `.gitignore` ignores as well. */
  readonly includeIgnored?: boolean;
  /**
   * Take the digests of tracked, unmodified files from git's index instead of reading them
   * (default true; `indexTrust` in git-index.ts says when that is safe). False hashes every
   * file: the plain path, which must give the same digests.
   */
  readonly useIndex?: boolean;
  /**
   * The file system ignores case (see `FileTree.caseInsensitive`); default: as the platform's
   * default file systems do (`foldsCase`). Tests give it rather than probe the disk.
   */
  readonly caseInsensitive?: boolean;
  /**
   * Hashes the files the index cannot vouch for (default `hashFiles`; tests count its calls),
   * `clean` as `hashFiles` takes it.
   */
  readonly hasher?: Hasher;
}

/**
 * Lists the candidate input files of the repository at `location`: `git ls-files` in a work tree
 * and a directory walk otherwise; both prune never-input directories and honour `.gitignore`.
 */
export async function openTree(
  location: Location,
  options: OpenTreeOptions = {},
): Promise<FileTree> {
  const { root, isGitRepo } = location;
  const excluded: string[] = [];
  for (const dir of options.exclude ?? []) {
    const real = await existingRealpath(dir);
    if (real !== null && isInside(real, root)) excluded.push(toPosix(relative(root, real)));
  }
  const projectDir = toPosix(relative(root, location.projectDir));
  const pruner = makePruner(projectDir, excluded);
  const includeIgnored = options.includeIgnored ?? false;
  const useIndex = options.useIndex ?? true;
  const listing = isGitRepo ? await gitFiles(root, pruner, includeIgnored, useIndex) : undefined;
  let files = listing?.files ?? (await walkFiles(root, pruner, includeIgnored));
  if (isGitRepo && projectDir !== "" && !includeIgnored && (await gitIgnores(root, projectDir))) {
    // A project inside an ignored directory (a scratch copy in a repository): git lists none of
    // its untracked files, so walk it, honouring the .gitignore files inside it.
    const walked = await walkFiles(root, pruner, false, projectDir);
    files = [...new Set([...files, ...walked])];
  }
  files.sort(); // plain UTF-16 code unit order
  const caseInsensitive = options.caseInsensitive ?? foldsCase(process.platform);
  const tree = { root, projectDir, isGitRepo, caseInsensitive };
  return new ListedTree(tree, files, listing?.repositories ?? [], {
    known: listing?.indexIds ?? new Map<string, string>(),
    hash: options.hasher ?? ((paths, clean) => hashFiles(paths, undefined, clean)),
    stored: storedAs(listing?.trust ?? NO_TRUST),
  });
}

async function projectRealpath(dir: string, display: string): Promise<string> {
  const real = await existingRealpath(dir);
  if (real === null || !(await stat(real)).isDirectory()) {
    throw new UserError(`project directory ${display} does not exist or is not a directory`);
  }
  return real;
}

/** The real path of `path`, or null when it does not exist. */
async function existingRealpath(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (error) {
    // A directory that does not exist holds no files: nothing to list or prune.
    if (isAbsentError(error)) return null;
    throw error;
  }
}

async function dotGitAncestor(dir: string): Promise<string | null> {
  for (let current = dir; ; current = dirname(current)) {
    try {
      await lstat(join(current, ".git"));
      return current;
    } catch (error) {
      // No `.git` here: try the parent.
      if (!isAbsentError(error)) throw error;
    }
    if (dirname(current) === current) return null;
  }
}
