import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { UserError } from "../errors.js";
import { describeFsError, readProjectFile } from "../shared/read.js";
import { isAbsentError } from "./hash.js";
import { type Pruner, VENV_MARKER } from "./prune.js";

/** The rules of one `.gitignore`, with the root-relative directory they are relative to. */
interface IgnoreRules {
  readonly dir: string;
  readonly matcher: Ignore;
}

/**
 * Lists the files under `root` (or its subdirectory `start`) by walking the file system: posix
 * paths relative to `root`, unsorted. Directory symlinks are not descended; a symlink is listed when it resolves to a
 * regular file. Pruned directories are skipped, and so is what `.gitignore` files at any level
 * ignore, unless `includeIgnored`.
 */
export async function walkFiles(
  root: string,
  pruner: Pruner,
  includeIgnored: boolean,
  start = "",
): Promise<string[]> {
  const files: string[] = [];
  const visit = async (dir: string, inherited: readonly IgnoreRules[]): Promise<void> => {
    const entries = await listDir(root, dir);
    if (entries.some((e) => e.name === VENV_MARKER) && pruner.mayPrune(dir)) return;
    const rules = includeIgnored ? inherited : await withGitignore(root, dir, inherited, entries);
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.name === ".git") continue;
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        const skip =
          pruner.isPruned(path) || (pruner.mayPrune(path) && isIgnored(rules, path, true));
        if (!skip) subdirs.push(path);
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileTarget(root, path)))) {
        if (!isIgnored(rules, path, false)) files.push(path);
      }
    }
    await Promise.all(subdirs.map((sub) => visit(sub, rules)));
  };
  await visit(start, []);
  return files;
}

/** A directory's entries; one that cannot be read is a UserError naming it. */
async function listDir(root: string, dir: string): Promise<Dirent[]> {
  try {
    return await readdir(join(root, dir), { withFileTypes: true });
  } catch (error) {
    throw cannotList(dir === "" ? root : dir, describeFsError(error));
  }
}

/**
 * The one-line error for a directory of the repository that cannot be listed (by the walk, or by
 * git, which warns and goes on): its files could be build inputs, so the fingerprint cannot be
 * known without them.
 */
export function cannotList(dir: string, why: string): UserError {
  return new UserError(
    `cannot list ${dir}: ${why}; make it readable, or move it out of the repository (its files could be build inputs)`,
  );
}

async function withGitignore(
  root: string,
  dir: string,
  inherited: readonly IgnoreRules[],
  entries: readonly { name: string; isFile(): boolean }[],
): Promise<readonly IgnoreRules[]> {
  if (!entries.some((e) => e.name === ".gitignore" && e.isFile())) return inherited;
  const text =
    (await readProjectFile(join(root, dir, ".gitignore"), join(dir, ".gitignore"))) ?? "";
  return [...inherited, { dir, matcher: ignore({ ignorecase: false }).add(text) }];
}

/** gitignore precedence: the deepest `.gitignore` with a matching rule decides. */
function isIgnored(rules: readonly IgnoreRules[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { dir, matcher } of rules) {
    const relative = dir === "" ? path : path.slice(dir.length + 1);
    const result = matcher.test(isDir ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** Whether a symlink resolves to a regular file. */
export async function isFileTarget(root: string, path: string): Promise<boolean> {
  try {
    return (await stat(join(root, path))).isFile();
  } catch (error) {
    // A dangling link (or one removed meanwhile) is simply not a file.
    if (isAbsentError(error)) return false;
    throw error;
  }
}
