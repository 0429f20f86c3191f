import { git } from "./git-run.js";

/** The attributes under which git's clean filter may change the bytes it stores (convert.c). */
const CONVERTING = new Set(["text", "eol", "crlf", "filter", "ident", "working-tree-encoding"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

/** Whether the index's blob ids can stand for the bytes on disk, and where they cannot. */
export interface IndexTrust {
  /** False when no id can: a SHA-256 repository, or `core.autocrlf` converts any text file. */
  readonly usable: boolean;
  /** Paths whose attributes let git convert them: their index ids are not the bytes' ids. */
  readonly converted: ReadonlySet<string>;
}

/**
 * Decides, for the tracked regular files `paths` (root-relative), whether their index blob ids
 * are also the blob ids of the bytes on disk (when git reports them unchanged). The index holds
 * the id of the *cleaned* content, which equals the raw bytes' id only when git converts nothing:
 * - the repository's object format must be SHA-1 (`git rev-parse --show-object-format`): a
 *   SHA-256 repository's ids never equal `hashFile`'s;
 * - `core.autocrlf` must be false: otherwise any text file may be converted;
 * - a path must have no `text`, `eol`, `crlf`, `filter` (git LFS), `ident` or
 *   `working-tree-encoding` attribute other than unset (`git check-attr --all`, paths on stdin).
 * Three git calls, run together.
 */
export async function indexTrust(root: string, paths: readonly string[]): Promise<IndexTrust> {
  if (paths.length === 0) return { usable: false, converted: new Set() };
  const [format, autocrlf, attributes] = await Promise.all([
    git(root, ["rev-parse", "--show-object-format"]),
    git(root, ["config", "--default=false", "--get", "core.autocrlf"]),
    git(root, ["check-attr", "-z", "--stdin", "--all"], `${paths.join("\0")}\0`),
  ]);
  const usable = format.trim() === "sha1" && FALSE_WORDS.has(autocrlf.trim().toLowerCase());
  const converted = new Set<string>();
  // "<path>\0<attribute>\0<value>\0" for every attribute set on a path (--all omits unspecified).
  const fields = attributes.split("\0");
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (CONVERTING.has(fields[i + 1]!) && fields[i + 2] !== "unset") converted.add(fields[i]!);
  }
  return { usable, converted };
}
