import { posix } from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { UserError } from "../errors.js";
import { isGlob, isGlobLike, patternMatcher } from "./glob.js";
import { underDir } from "./prune.js";

/**
 * What uv itself makes of a `cache-keys` list (uv-cache-keys.md §4), clustering included:
 * wheel-cache gives every glob its own meaning, uv does not, and a list written for uv must be
 * right under uv's rules. Paths are posix; `projectDir` and the paths asked about are relative
 * to the repository root, bases relative to the project.
 */

/** One walk of uv's: a base directory (project-relative) and the patterns matched under it. */
export interface UvGroup {
  readonly base: string;
  readonly patterns: readonly string[];
  /** The glob of the list each pattern comes from. */
  readonly globs: readonly string[];
}

/** A path component as Rust's `Path::components` sees it. */
type Component = { readonly kind: "root" | "cur" | "parent" | "normal"; readonly text: string };

function components(path: string): Component[] {
  const out: Component[] = path.startsWith("/") ? [{ kind: "root", text: "/" }] : [];
  path.split("/").forEach((text, i) => {
    if (text === "" || (text === "." && i > 0)) return;
    const kind = text === "." ? "cur" : text === ".." ? "parent" : "normal";
    out.push({ kind, text });
  });
  return out;
}

function joinPath(parts: readonly string[]): string {
  if (parts[0] === "/") return `/${parts.slice(1).join("/")}`;
  return parts.join("/");
}

/** uv's `split_glob`: the longest base without glob-like components, and the rest. */
export function splitUvGlob(glob: string): { base: string; pattern: string } {
  const base: string[] = [];
  const pattern: string[] = [];
  let globbing = false;
  let last: Component | undefined;
  for (const part of components(glob)) {
    if (last && last.kind !== "cur") (globbing ? pattern : base).push(last.text);
    if (!globbing) globbing = part.kind === "normal" && isGlobLike(part.text);
    last = part;
  }
  if (last) (globbing || last.kind === "normal" ? pattern : base).push(last.text);
  return { base: joinPath(base), pattern: pattern.join("/") };
}

/** A pattern in the trie, with the glob of the list it was split from. */
type Leaf = { readonly pattern: string; readonly glob: string };

class Trie {
  readonly children = new Map<string, { kind: Component["kind"]; node: Trie }>();
  readonly patterns: Leaf[] = [];

  insert(parts: readonly Component[], leaf: Leaf): void {
    const [part, ...rest] = parts;
    if (!part) {
      this.patterns.push(leaf);
      return;
    }
    let child = this.children.get(part.text);
    if (!child) {
      child = { kind: part.kind, node: new Trie() };
      this.children.set(part.text, child);
    }
    child.node.insert(rest, leaf);
  }

  /** Children in Rust's `Component` order: root, current, parent, then names by bytes. */
  ordered(): [string, { kind: Component["kind"]; node: Trie }][] {
    const rank = { root: 0, cur: 1, parent: 2, normal: 3 };
    return [...this.children].sort(([a, x], [b, y]) =>
      rank[x.kind] !== rank[y.kind] ? rank[x.kind] - rank[y.kind] : a < b ? -1 : a > b ? 1 : 0,
    );
  }

  collectGroups(prefix: readonly string[], groups: UvGroup[]): void {
    if (this.patterns.length === 0) {
      for (const [text, { node }] of this.ordered()) node.collectGroups([...prefix, text], groups);
      return;
    }
    const leaves: Leaf[] = [];
    this.collectPatterns([], prefix, leaves, groups);
    groups.push({
      base: joinPath(prefix),
      patterns: leaves.map((l) => l.pattern),
      globs: leaves.map((l) => l.glob),
    });
  }

  /** Every pattern at and below this node through plain names, re-prefixed with the path there. */
  collectPatterns(
    patternPrefix: readonly string[],
    groupPrefix: readonly string[],
    leaves: Leaf[],
    groups: UvGroup[],
  ): void {
    for (const { pattern, glob } of this.patterns) {
      leaves.push({ pattern: [...patternPrefix, pattern].join("/"), glob });
    }
    for (const [text, { kind, node }] of this.ordered()) {
      if (kind === "normal") {
        node.collectPatterns([...patternPrefix, text], [...groupPrefix, text], leaves, groups);
      } else node.collectGroups([...groupPrefix, text], groups);
    }
  }
}

/**
 * uv's `cluster_globs`: one walk per group at the longest common base, so that a glob whose base
 * lies under another glob's base is matched, re-prefixed, in that shallower walk.
 */
export function clusterGlobs(globs: readonly string[]): UvGroup[] {
  const trie = new Trie();
  for (const glob of globs) {
    const { base, pattern } = splitUvGlob(glob);
    trie.insert(components(base), { pattern, glob });
  }
  const groups: UvGroup[] = [];
  trie.collectGroups([], groups);
  return groups;
}

/** One pattern of a group, compiled: the last pattern that matches a path decides. */
interface Rule {
  readonly negated: boolean;
  readonly matches: (path: string) => boolean;
}

interface CompiledGroup {
  /** Root-relative base, "" for the root; undefined when it lies outside the repository. */
  readonly base: string | undefined;
  readonly rules: readonly Rule[];
}

/** What a list covers with uv's meaning. */
export interface UvCoverage {
  /** Whether uv keys the file at this root-relative path. */
  covers(file: string): boolean;
  /** The walks uv makes for the list's globs. */
  readonly groups: readonly UvGroup[];
}

/**
 * The files a `cache-keys` list makes uv look at: literal `file` entries (followed to the file),
 * and every file its globs match, clustered as uv clusters them. `{ dir }`, `{ git }` and
 * `{ env }` entries cover no file. A pattern uv cannot parse throws a UserError naming `origin`.
 */
export function uvCoverage(
  entries: readonly UvEntry[],
  projectDir: string,
  origin: string,
): UvCoverage {
  const rooted = (rel: string) => posix.normalize(posix.join(projectDir, rel));
  const files = entries.flatMap((e) => (e.kind === "file" ? [e.pattern] : []));
  const literals = new Set(files.filter((f) => !isGlob(f)).map(rooted));
  const groups = clusterGlobs(files.filter(isGlob));
  const walks = groups.map((group) => groupMatcher(group, projectDir, origin));
  return { groups, covers: (file) => literals.has(file) || walks.some((covers) => covers(file)) };
}

/**
 * Whether one walk of uv's keys a root-relative file: under its base, matched by the last of its
 * patterns that matches (not an exclusion), in no directory an exclusion prunes.
 */
export function groupMatcher(
  group: Pick<UvGroup, "base" | "patterns">,
  projectDir: string,
  origin: string,
): (file: string) => boolean {
  const joined = posix.normalize(posix.join(projectDir, group.base));
  const outside = group.base.startsWith("/") || joined === ".." || joined.startsWith("../");
  const compiled: CompiledGroup = {
    base: outside ? undefined : joined === "." ? "" : joined,
    rules: group.patterns.map((pattern) => compileRule(pattern, origin)),
  };
  return (file) => groupCovers(compiled, file);
}

function compileRule(pattern: string, origin: string): Rule {
  const negated = pattern.startsWith("!");
  const fail = (why: string) =>
    new UserError(`${origin}: uv cannot parse the glob ${JSON.stringify(pattern)}: it ${why}`);
  return { negated, matches: patternMatcher(negated ? pattern.slice(1) : pattern, fail) };
}

function groupCovers({ base, rules }: CompiledGroup, file: string): boolean {
  if (base === undefined) return false;
  if (base !== "" && !file.startsWith(`${base}/`)) return false;
  const rel = base === "" ? file : file.slice(base.length + 1);
  const last = (path: string) => rules.findLast((rule) => rule.matches(path));
  // The walk does not descend into a directory an exclusion matches.
  if (underDir(rel, (dir) => last(dir)?.negated === true)) return false;
  const rule = last(rel);
  return rule !== undefined && !rule.negated;
}
