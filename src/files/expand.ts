import { posix } from "node:path";
import { UserError } from "../errors.js";
import type { CompiledGlob } from "./glob.js";
import type { FileTree } from "./tree.js";

/** A glob with its base resolved against the tree root. */
interface Rooted {
  readonly glob: CompiledGlob;
  /** Root-relative base, "" for the root. */
  readonly base: string;
}

/**
 * Expands the non-negated globs of one list over `tree.files`: for each, the sorted
 * project-relative paths (posix, `../` allowed) of the files under its base that it matches and
 * that no negated glob of the list excludes. A negated glob excludes a file when it matches the
 * file's path relative to the negated glob's base, or one of its directories there (as uv prunes
 * excluded directories). Each glob is matched on its own, not clustered as uv does.
 * Throws a `UserError` when a base leaves the repository root.
 */
export function expandGlobs(
  tree: FileTree,
  globs: readonly CompiledGlob[],
): Map<CompiledGlob, string[]> {
  const rooted = globs.map((glob) => rootBase(tree, glob));
  const exclusions = rooted.filter((r) => r.glob.negated);
  const fold = tree.caseInsensitive;
  const result = new Map<CompiledGlob, string[]>();
  for (const { glob, base } of rooted) {
    if (glob.negated) continue;
    const matched: string[] = [];
    for (const file of filesUnder(tree.files, base, fold)) {
      if (glob.matches(below(base, file)) && !exclusions.some((n) => excludes(n, file, fold))) {
        matched.push(toProject(tree.projectDir, file));
      }
    }
    result.set(glob, matched.sort());
  }
  return result;
}

function rootBase(tree: FileTree, glob: CompiledGlob): Rooted {
  const base = posix.normalize(posix.join(tree.projectDir, glob.base));
  if (base === ".." || base.startsWith("../")) {
    throw new UserError(
      `${glob.origin}: glob ${JSON.stringify(glob.pattern)} reaches outside the repository root`,
    );
  }
  return { glob, base: base === "." ? "" : base };
}

function excludes({ glob, base }: Rooted, file: string, fold: boolean): boolean {
  if (base !== "" && !isUnder(file, base, fold)) return false;
  return glob.matchesSelfOrParent(below(base, file));
}

/** Whether `file` lies under the directory `base`, whose case may differ when `fold`. */
function isUnder(file: string, base: string, fold: boolean): boolean {
  const prefix = `${base}/`;
  if (file.startsWith(prefix)) return true;
  return fold && file.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/**
 * The files under `base` ("" for all): a contiguous range of the sorted list, or, when case is
 * ignored (`fold`), the files whose directory is `base` in any case.
 */
function* filesUnder(files: readonly string[], base: string, fold: boolean): Generator<string> {
  if (base === "") {
    yield* files;
    return;
  }
  if (fold) {
    for (const file of files) if (isUnder(file, base, true)) yield file;
    return;
  }
  const prefix = `${base}/`;
  for (let i = lowerBound(files, prefix); i < files.length && files[i]!.startsWith(prefix); i++) {
    yield files[i]!;
  }
}

function lowerBound(files: readonly string[], key: string): number {
  let low = 0;
  let high = files.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (files[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function below(base: string, file: string): string {
  return base === "" ? file : file.slice(base.length + 1);
}

function toProject(projectDir: string, file: string): string {
  if (projectDir === "") return file;
  if (file.startsWith(`${projectDir}/`)) return file.slice(projectDir.length + 1);
  return posix.relative(projectDir, file);
}
