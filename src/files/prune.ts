import { posix } from "node:path";

/** Directory names that never hold build inputs, pruned at any depth. */
const NEVER_INPUT_NAMES = new Set([
  ".git",
  ".venv",
  "venv",
  ".tox",
  ".nox",
  "node_modules",
  "__pycache__",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  "build",
  "target",
  "_skbuild",
  "builddir",
  ".eggs",
  ".wheel-cache",
]);

/** Whether a directory name marks build output, caches or environments, never inputs. */
export function isNeverInputName(name: string): boolean {
  return NEVER_INPUT_NAMES.has(name) || name.endsWith(".egg-info") || name.startsWith(".mesonpy-");
}

/** The file whose presence makes a directory a virtual environment. */
export const VENV_MARKER = "pyvenv.cfg";

/** Decides which root-relative directories are never listed. */
export interface Pruner {
  /** Whether the directory is pruned by its name, or is an excluded directory. */
  isPruned(dir: string): boolean;
  /** Whether the directory is an excluded directory (applies to tracked files too). */
  isExcluded(dir: string): boolean;
  /** Whether the directory may be pruned at all: never the project directory or its ancestors. */
  mayPrune(dir: string): boolean;
  /** gitignore patterns for pruned directories, to spare `git ls-files --others` walking them. */
  readonly gitPatterns: readonly string[];
}

/**
 * A pruner for a tree whose project directory is `projectDir` and whose explicitly excluded
 * directories (wheel output and such) are `excludeDirs`, all posix and relative to the root.
 */
export function makePruner(projectDir: string, excludeDirs: readonly string[]): Pruner {
  const mayPrune = (dir: string) =>
    !(dir === "" || dir === projectDir || projectDir.startsWith(`${dir}/`));
  const excluded = new Set(excludeDirs.filter(mayPrune));
  const isExcluded = (dir: string) => excluded.has(dir);
  const isPruned = (dir: string) => {
    if (!mayPrune(dir)) return false;
    const name = posix.basename(dir);
    return NEVER_INPUT_NAMES.has(name) || name.endsWith(".egg-info") || excluded.has(dir);
  };
  // A name that is also a component of the project directory must not be pruned by name.
  const projectNames = new Set(projectDir.split("/"));
  const names = [...NEVER_INPUT_NAMES, "*.egg-info"].filter((name) => !projectNames.has(name));
  const gitPatterns = [
    ...names.map((name) => `${name}/`),
    ...[...excluded].map((dir) => `/${dir.replace(/[\\*?[ ]/g, "\\$&")}/`),
  ];
  return { isPruned, isExcluded, mayPrune, gitPatterns };
}

/** Whether any ancestor directory of the root-relative `path` satisfies `test`. */
export function underDir(path: string, test: (dir: string) => boolean): boolean {
  for (let end = path.indexOf("/"); end !== -1; end = path.indexOf("/", end + 1)) {
    if (test(path.slice(0, end))) return true;
  }
  return false;
}
