/** The candidate input files of a repository, listed once; `openTree` in listing.ts builds it. */
export interface FileTree {
  /** Absolute path every listed path is relative to: the repository root, or the project directory. */
  readonly root: string;
  /** The project directory relative to `root` (posix, "" when they are the same). */
  readonly projectDir: string;
  /** True when `root` is a git work tree. */
  readonly isGitRepo: boolean;
  /**
   * The file system ignores case (macOS, Windows): globs and paths in keys match listed files
   * whatever their case, and a path is always reported as the file is named.
   */
  readonly caseInsensitive: boolean;
  /**
   * The listed file (root-relative) that `path` names on this file system: itself when listed,
   * else, when case is ignored, the one whose name differs from it only in case; undefined if none.
   */
  listed(path: string): string | undefined;
  /** Submodules and nested git repositories under `root` (root-relative): their files are not listed. */
  readonly repositories: readonly string[];
  /**
   * Every candidate input file under `root`, sorted, posix, relative to `root`: never-input
   * directories pruned, gitignored files skipped unless asked otherwise, symlinks to files included.
   */
  readonly files: readonly string[];
  /** Content digests (git blob ids) of root-relative paths; null when absent or not a regular file. */
  digest(paths: readonly string[]): Promise<Map<string, string | null>>;
}
