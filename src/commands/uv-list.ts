import { posix } from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isGlob, isGlobLike } from "../files/glob.js";
import type { Pruner } from "../files/prune.js";
import type { FileTree } from "../files/tree.js";
import { uvCoverage } from "../files/uv-glob.js";
import { walkFiles } from "../files/walk.js";
import type { UvInputs } from "../fingerprint/uv-inputs.js";

/**
 * A `cache-keys` list for uv, in parts: the files it covers (literal paths and one glob per
 * source directory), the paths named for when they appear, and the `dir`, `git` and `env` entries.
 */
export interface UvList {
  readonly files: readonly UvEntry[];
  /** Literal paths that do not exist now: creating one changes the build. */
  readonly absent: readonly UvEntry[];
  readonly others: readonly UvEntry[];
}

/** Every entry of a list, in order. */
export function listEntries(list: UvList): UvEntry[] {
  return [...list.files, ...list.absent, ...list.others];
}

/** Headers that usually come with a source suffix: a new one is covered before it is written. */
const COMPANIONS: Record<string, readonly string[]> = {
  c: ["h"],
  cc: ["h", "hh", "hpp"],
  cpp: ["h", "hpp"],
  cxx: ["h", "hpp", "hxx"],
  cu: ["cuh"],
  pyx: ["pxd"],
};

/** Files whose directory builds on its own (a crate, a Python project): output may land there. */
const PROJECT_FILES = new Set(["Cargo.toml", "pyproject.toml", "setup.py"]);

const NO_PRUNING: Pruner = {
  isPruned: () => false,
  isExcluded: () => false,
  mayPrune: () => false,
  gitPatterns: [],
};

/**
 * The list that makes uv look at every input and at nothing the build writes: inputs directly
 * in the project directory (or an ancestor) by name, and each other directory's inputs by one
 * recursive glob of their suffixes (`src/**\/*.{c,h}`), anchored so that uv's clustering cannot
 * change its meaning. A directory whose glob would also match a file that is no input (ignored
 * or build output on disk, a Python file the wheel ships) or that may hold a build's output (a
 * crate or a Python project of its own) is split into its subdirectories. No glob walks the
 * project directory itself, where `.venv`, `target/` and `build/` are.
 */
export async function makeUvList(inputs: UvInputs, tree: FileTree): Promise<UvList> {
  const required = [...inputs.files.keys()];
  const listed = new Set(tree.files);
  const rooted = (rel: string) => {
    const joined = posix.normalize(posix.join(tree.projectDir, rel));
    return joined === "." ? "" : joined;
  };
  const homes = new Set(
    [...tree.files.map((f) => toProject(tree, f)), ...required]
      .filter((f) => PROJECT_FILES.has(posix.basename(f)))
      .map((f) => posix.dirname(f))
      .filter((dir) => dir !== "."),
  );
  const avoidCache = new Map<string, Promise<string[]>>();
  /** Files under a base (root-relative) that no glob may match. */
  const avoidUnder = (base: string): Promise<string[]> => {
    let found = avoidCache.get(base);
    if (!found) {
      found = walkFiles(tree.root, NO_PRUNING, true, rooted(base)).then((all) => [
        ...all.filter((f) => !listed.has(f)),
        ...[...inputs.avoid].map(rooted).filter((f) => f.startsWith(`${rooted(base)}/`)),
      ]);
      avoidCache.set(base, found);
    }
    return found;
  };
  const cover = async (base: string, files: readonly string[]): Promise<UvEntry[]> => {
    const canGlob =
      !base.split("/").some((part) => isGlobLike(part) || part.startsWith("!")) &&
      ![...homes].some((home) => home === base || home.startsWith(`${base}/`));
    const suffixed = files.filter((f) => suffixOf(f) !== undefined);
    if (canGlob && suffixed.length > 0) {
      const glob = globFor(base, suffixed);
      const coverage = uvCoverage([file(glob)], tree.projectDir, "uv-keys");
      if (!(await avoidUnder(base)).some((f) => coverage.covers(f))) {
        return [file(glob), ...files.filter((f) => suffixOf(f) === undefined).map(literal)];
      }
    }
    const direct = files.filter((f) => posix.dirname(f) === base);
    const below = groupBy(
      files.filter((f) => posix.dirname(f) !== base),
      (f) => `${base}/${f.slice(base.length + 1).split("/")[0]}`,
    );
    const nested = await Promise.all([...below].map(([dir, sub]) => cover(dir, sub)));
    return [...direct.map(literal), ...nested.flat()];
  };
  const top = groupBy(required, topDir);
  const named = [...(top.get("") ?? [])].sort(compareBases).map(literal);
  const dirs = [...top].filter(([dir]) => dir !== "").sort(([a], [b]) => compareBases(a, b));
  const globbed = (await Promise.all(dirs.map(([dir, files]) => cover(dir, files)))).flat();
  const pyproject = named.filter((e) => e.kind === "file" && e.pattern === "pyproject.toml");
  const files = [...pyproject, ...named.filter((e) => !pyproject.includes(e)), ...globbed];
  // Whatever the globs left out (they never should), by name.
  const coverage = uvCoverage(files, tree.projectDir, "uv-keys");
  const missed = required.filter((f) => !coverage.covers(rooted(f))).map(literal);
  const others: UvEntry[] = [
    ...inputs.dirs.map((dir): UvEntry => ({ kind: "dir", path: dir })),
    ...(inputs.git.commit || inputs.git.tags ? [{ kind: "git" as const, ...inputs.git }] : []),
    ...inputs.env.map((name): UvEntry => ({ kind: "env", name })),
  ];
  return { files: [...files, ...missed], absent: inputs.absent.map(literal), others };
}

function file(pattern: string): UvEntry {
  return { kind: "file", pattern };
}

/** A path as a `file` entry: literal, or a glob with its glob characters escaped. */
function literal(path: string): UvEntry {
  if (!isGlob(path)) return file(path);
  const escaped = path.replaceAll(/[\\*?[\]{}]/g, "\\$&");
  return file(escaped.startsWith("!") ? `\\${escaped}` : escaped);
}

/** `src/**\/*.c`, or `src/**\/*.{c,h}` for several suffixes (sources' usual headers added). */
function globFor(base: string, files: readonly string[]): string {
  const suffixes = new Set<string>();
  for (const f of files) {
    const suffix = suffixOf(f)!;
    suffixes.add(suffix);
    for (const companion of COMPANIONS[suffix] ?? []) suffixes.add(companion);
  }
  const sorted = [...suffixes].sort();
  return `${base}/**/*.${sorted.length === 1 ? sorted[0] : `{${sorted.join(",")}}`}`;
}

/** A file name's suffix when it has a plain one (`c`, `rs`, `tar.gz` gives `gz`). */
function suffixOf(path: string): string | undefined {
  return /^[^.].*\.([A-Za-z0-9_+~-]+)$/.exec(posix.basename(path))?.[1];
}

/**
 * The directory a file is grouped under: its first directory below the project (`src`), or below
 * the ancestor a `../` path climbs to (`../common`); "" for a file directly in either.
 */
function topDir(path: string): string {
  const parts = path.split("/");
  let up = 0;
  while (parts[up] === "..") up++;
  return parts.length - up > 1 ? parts.slice(0, up + 1).join("/") : "";
}

/** The project's own paths first, then those of its ancestors. */
function compareBases(a: string, b: string): number {
  const upA = a.startsWith("../") ? 1 : 0;
  const upB = b.startsWith("../") ? 1 : 0;
  if (upA !== upB) return upA - upB;
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy(items: readonly string[], key: (item: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

function toProject(tree: FileTree, file: string): string {
  return tree.projectDir === "" ? file : posix.relative(tree.projectDir, file);
}
