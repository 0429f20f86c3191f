import { git } from "./git-run.js";

/** The attributes under which git's clean filter may change the bytes it stores (convert.c). */
const CONVERTING = new Set(["text", "eol", "crlf", "filter", "ident", "working-tree-encoding"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

/**
 * How git stores the files of a work tree, and whether the index's blob ids can stand for the
 * digests of the files on disk.
 */
export interface IndexTrust {
  /** False when no id can: a SHA-256 repository, whose ids never equal the files' digests. */
  readonly usable: boolean;
  /**
   * `core.autocrlf` is on (true or input): git stores a text file's CRLFs as LFs, so every file
   * not in `raw` is digested as stored (see `makeBlobHasher`'s `clean`), the same bytes on
   * Windows and Linux, and the index's ids, which are of the stored content, stay usable.
   */
  readonly autocrlf: boolean;
  /**
   * Paths git may convert otherwise (attributes such as `text`, `eol` or a `filter`): digested
   * as they are on disk, never from the index.
   */
  readonly converted: ReadonlySet<string>;
  /**
   * Under `autocrlf`, tracked paths whose indexed content has CRLFs already: git leaves such a
   * file as it is (convert.c's `has_crlf_in_index`), and so are they digested.
   */
  readonly crlfInIndex: ReadonlySet<string>;
}

/** A tree that git does not convert, with no index ids: the state of a tree without git. */
export const NO_TRUST: IndexTrust = {
  usable: false,
  autocrlf: false,
  converted: new Set(),
  crlfInIndex: new Set(),
};

/**
 * Decides how the tracked regular files `paths` (root-relative) are digested and whether their
 * index blob ids are the digests (when git reports them unchanged). The index holds the id of the
 * *cleaned* content:
 * - the repository's object format must be SHA-1 (`git rev-parse --show-object-format`);
 * - with `core.autocrlf` true or input, text files are digested as git cleans them, so the index
 *   ids still agree; a file whose indexed content has CRLFs is left as it is by git, and here
 *   (`git ls-files --eol`: `i/crlf`, `i/mixed`);
 * - a path with a `text`, `eol`, `crlf`, `filter` (git LFS), `ident` or `working-tree-encoding`
 *   attribute other than unset (`git check-attr --all`, paths on stdin) is digested as it is on
 *   disk and never taken from the index.
 * Three git calls, run together, and a fourth under autocrlf.
 */
export async function indexTrust(root: string, paths: readonly string[]): Promise<IndexTrust> {
  const [format, autocrlfValue, attributes] = await Promise.all([
    git(root, ["rev-parse", "--show-object-format"]),
    git(root, ["config", "--default=false", "--get", "core.autocrlf"]),
    paths.length > 0
      ? git(root, ["check-attr", "-z", "--stdin", "--all"], `${paths.join("\0")}\0`)
      : "",
  ]);
  const autocrlf = !FALSE_WORDS.has(autocrlfValue.trim().toLowerCase());
  const converted = new Set<string>();
  // "<path>\0<attribute>\0<value>\0" for every attribute set on a path (--all omits unspecified).
  const fields = attributes.split("\0");
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (CONVERTING.has(fields[i + 1]!) && fields[i + 2] !== "unset") converted.add(fields[i]!);
  }
  const crlfInIndex = autocrlf && paths.length > 0 ? await indexedCrlf(root) : new Set<string>();
  return { usable: format.trim() === "sha1" && paths.length > 0, autocrlf, converted, crlfInIndex };
}

/** Tracked paths whose indexed content is text with CRLFs (`git ls-files --eol`). */
async function indexedCrlf(root: string): Promise<Set<string>> {
  // "i/<eol> w/<eol> attr/<attributes>\t<path>\0"
  const output = await git(root, ["ls-files", "-z", "--eol"]);
  const found = new Set<string>();
  for (const record of output.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab !== -1 && /^i\/(?:crlf|mixed)\s/.test(record)) found.add(record.slice(tab + 1));
  }
  return found;
}
