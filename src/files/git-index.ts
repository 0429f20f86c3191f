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
   * Under `autocrlf`, tracked paths that are read to be digested and whose indexed content has
   * CRLFs already: git leaves such a file as it is (convert.c's `has_crlf_in_index`), and so are
   * they digested. Found by `indexedCrlf` once the read ones are known (see gitFiles).
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
 *   ids still agree (a file whose indexed content has CRLFs is left as it is: `indexedCrlf`);
 * - a path with a `text`, `eol`, `crlf`, `filter` (git LFS), `ident` or `working-tree-encoding`
 *   attribute other than unset (`git check-attr --all`, paths on stdin) is digested as it is on
 *   disk and never taken from the index.
 * Three git calls, run together.
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
  const usable = format.trim() === "sha1" && paths.length > 0;
  return { usable, autocrlf, converted, crlfInIndex: new Set() };
}

/** Characters of paths given to one `git ls-files` call (Windows caps a command line at 32K). */
const ARGS_CHARS = 16_000;

/**
 * Which of the tracked `paths` have indexed content that is text with CRLFs (`git ls-files --eol`
 * says `i/crlf` or `i/mixed`). Only the files that are read are asked about: git reads each blob
 * to answer, and the files whose ids come from the index need no answer.
 */
export async function indexedCrlf(root: string, paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < paths.length; ) {
    let end = start;
    for (let chars = 0; end < paths.length && (end === start || chars < ARGS_CHARS); end++)
      chars += paths[end]!.length + 1;
    const args = [
      "--literal-pathspecs",
      "ls-files",
      "-z",
      "--eol",
      "--",
      ...paths.slice(start, end),
    ];
    // "i/<eol> w/<eol> attr/<attributes>\t<path>\0"
    for (const record of (await git(root, args)).split("\0")) {
      const tab = record.indexOf("\t");
      if (tab !== -1 && /^i\/(?:crlf|mixed)\s/.test(record)) found.add(record.slice(tab + 1));
    }
    start = end;
  }
  return found;
}
