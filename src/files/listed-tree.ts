import { join, relative } from "node:path";
import { UserError } from "../errors.js";
import { toPosix } from "../shared/paths.js";
import { describeFsError } from "../shared/read.js";
import type { IndexTrust } from "./git-index.js";
import type { FileTree } from "./tree.js";

/** Hashes absolute paths to digests; `clean` as `hashFiles` takes it. */
export type Hasher = (
  absPaths: readonly string[],
  clean: boolean,
) => Promise<Map<string, string | null>>;

/**
 * How a tree gets digests: the ids git vouches for, hashing for the rest, and which of those are
 * hashed as git stores them (`core.autocrlf`: see `IndexTrust`).
 */
interface DigestSources {
  readonly known: ReadonlyMap<string, string>;
  readonly hash: Hasher;
  readonly stored: (path: string) => boolean;
}

/** A listed tree (see `openTree`), which digests its files once each. */
export class ListedTree implements FileTree {
  readonly root: string;
  readonly projectDir: string;
  readonly isGitRepo: boolean;
  readonly caseInsensitive: boolean;
  readonly files: readonly string[];
  /** Digests of the files that were hashed (git vouches for the others: `#sources.known`). */
  readonly #hashed = new Map<string, string | null>();
  readonly #sources: DigestSources;
  readonly #listed: ReadonlySet<string>;
  /** Listed files by their lowercased names, made when first asked for (case ignored only). */
  #folded: Map<string, string> | undefined;

  constructor(
    tree: Pick<FileTree, "root" | "projectDir" | "isGitRepo" | "caseInsensitive">,
    files: string[],
    readonly repositories: readonly string[],
    sources: DigestSources,
  ) {
    ({
      root: this.root,
      projectDir: this.projectDir,
      isGitRepo: this.isGitRepo,
      caseInsensitive: this.caseInsensitive,
    } = tree);
    this.files = Object.freeze(files);
    this.#listed = new Set(files);
    this.#sources = sources;
  }

  listed(path: string): string | undefined {
    if (this.#listed.has(path)) return path;
    if (!this.caseInsensitive) return undefined;
    if (!this.#folded) {
      this.#folded = new Map();
      // The first of two names that differ only in case (a checkout from a case-sensitive
      // system): the file system holds one of them.
      for (const file of this.files) {
        const key = file.toLowerCase();
        if (!this.#folded.has(key)) this.#folded.set(key, file);
      }
    }
    return this.#folded.get(path.toLowerCase());
  }

  async digest(paths: readonly string[]): Promise<Map<string, string | null>> {
    const { known, hash, stored } = this.#sources;
    const toHash = [...new Set(paths)].filter((p) => !known.has(p) && !this.#hashed.has(p));
    for (const clean of [true, false]) {
      const group = toHash.filter((p) => stored(p) === clean);
      if (group.length === 0) continue;
      const absPaths = group.map((path) => join(this.root, path));
      const digests = await hash(absPaths, clean).catch((error) => {
        throw unreadable(error, this.root);
      });
      for (const path of group) this.#hashed.set(path, digests.get(join(this.root, path)) ?? null);
    }
    return new Map(paths.map((p) => [p, known.get(p) ?? this.#hashed.get(p) ?? null]));
  }
}

/** Whether a path is digested as git stores it (CRLF as LF) rather than as it is on disk. */
export function storedAs(trust: IndexTrust): (path: string) => boolean {
  if (!trust.autocrlf) return () => false;
  return (path) => !trust.converted.has(path) && !trust.crlfInIndex.has(path);
}

/**
 * A file that cannot be read (permissions, I/O) as a one-line error naming it: its digest, and so
 * the fingerprint, cannot be known. Errors without a file system code are bugs, rethrown.
 */
function unreadable(error: unknown, root: string): unknown {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== "string" || typeof path !== "string") return error;
  return new UserError(
    `cannot read ${toPosix(relative(root, path))}: ${describeFsError(error)}; make it readable, or move it out of the repository (it could be a build input)`,
  );
}
