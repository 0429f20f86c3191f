import { git } from "./git-run.js";

/** The attributes under which git's clean filter may change the bytes it stores (convert.c). */
const CONVERTING = new Set(["text", "eol", "crlf", "filter", "ident", "working-tree-encoding"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

/**
 * The subset of `indexIds` (root-relative path → index blob id of a tracked file that
 * `git diff-files` reports unchanged; see `GitListing`) whose id is also the blob id of the bytes
 * on disk, so the file need not be read. The index holds the id of the *cleaned* content, which
 * equals the raw bytes' id only when git converts nothing. So nothing is trusted when:
 * - the repository's object format is not SHA-1 (`git rev-parse --show-object-format`): its ids
 *   are SHA-256 and never equal `hashFile`'s;
 * - `core.autocrlf` is anything but false: any text file may be converted;
 * and a path is not trusted when `git check-attr --all` gives it a `text`, `eol`, `crlf`,
 * `filter` (git LFS), `ident` or `working-tree-encoding` attribute other than unset.
 * Three git calls, run together; check-attr reads the paths on stdin. Such files are hashed.
 */
export async function trustedIndexIds(
  root: string,
  indexIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  if (indexIds.size === 0) return new Map();
  const paths = [...indexIds.keys()];
  const [format, autocrlf, attributes] = await Promise.all([
    git(root, ["rev-parse", "--show-object-format"]),
    git(root, ["config", "--default=false", "--get", "core.autocrlf"]),
    git(root, ["check-attr", "-z", "--stdin", "--all"], `${paths.join("\0")}\0`),
  ]);
  if (format.trim() !== "sha1") return new Map();
  if (!FALSE_WORDS.has(autocrlf.trim().toLowerCase())) return new Map();
  const trusted = new Map(indexIds);
  // "<path>\0<attribute>\0<value>\0" for every attribute set on a path (--all omits unspecified).
  const fields = attributes.split("\0");
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (CONVERTING.has(fields[i + 1]!) && fields[i + 2] !== "unset") trusted.delete(fields[i]!);
  }
  return trusted;
}
