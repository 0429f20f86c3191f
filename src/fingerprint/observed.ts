import { statSync } from "node:fs";
import path from "node:path";
import { readDpkgVersions } from "../files/dpkg.js";
import { hashFiles } from "../files/hash.js";
import type { FileTree } from "../files/tree.js";
import type { FingerprintKey } from "../keys/types.js";
import { digestOf } from "../shared/digest.js";
import { which } from "../shared/which.js";

/**
 * What a build really read, recorded with its wheels so that every later hit can be checked
 * against the tree and the machine: a stale wheel is what no list of rules can rule out alone.
 * Paths inside the repository are project-relative (posix, `../` for siblings); outside ones
 * are absolute.
 */
export interface ObservedSet {
  /**
   * `traced`: this build ran under a tracer. `borrowed`: no tracer ran here; the repository paths
   * are those a traced build of the same project read elsewhere, digested in this build's tree.
   */
  readonly how: "traced" | "borrowed";
  /** Where the paths were traced (`linux-x64-glibc2.36`). */
  readonly tracedOn: string;
  /** Files read in the repository → blob id; null for a path the build looked for and missed. */
  readonly files: Readonly<Record<string, string | null>>;
  /** Directories the build listed → digest of the input files and directories in them. */
  readonly dirs: Readonly<Record<string, string>>;
  /** Programs run: the name they were run by (when found on PATH), the path, and an identity. */
  readonly tools: readonly ObservedTool[];
  /** Debian packages owning the system files and programs the build used → version. */
  readonly packages: Readonly<Record<string, string>>;
  /** Other files read outside the repository → blob id (system headers not in a package...). */
  readonly outside: Readonly<Record<string, string | null>>;
  /** Python distributions the build imported: the `*.dist-info` directory in its site dir. */
  readonly distributions: readonly { readonly site: string; readonly distInfo: string }[];
}

export interface ObservedTool {
  /** The bare name it was run by (`gcc`), when PATH found it; then PATH must still find it here. */
  readonly name?: string;
  readonly path: string;
  /**
   * `deb:<package>` (checked with the package), `dist:<name>-<version>` (a program a Python
   * distribution installed, checked with the distribution), `keyed` (the interpreter, the Rust
   * toolchain: their own keys check them), or a blob id.
   */
  readonly identity: string;
}

/** One difference between what a build read and the tree or machine now. */
export interface ObservedChange {
  readonly kind: "file" | "dir" | "tool" | "package" | "outside" | "distribution";
  /** The path, directory, program name, package or distribution. */
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

/** What validation needs besides the observed set. */
export interface ValidationContext {
  readonly tree: FileTree;
  /** The current keys: files they cover were checked by the fingerprint already. */
  readonly keys: readonly FingerprintKey[];
  readonly env: NodeJS.ProcessEnv;
  /** The platform this run is on: only a set traced here says anything about the machine. */
  readonly platform: string;
}

/**
 * Checks an observed set against the tree and the machine now: every file and directory the
 * build read in the repository (those the keys cover are equal already, the fingerprint being
 * equal), and, for a set traced on this platform, the programs, packages, distributions and
 * other files it used. Returns the differences, most telling first; empty when the set holds.
 */
export async function validateObserved(
  observed: ObservedSet,
  context: ValidationContext,
): Promise<ObservedChange[]> {
  const changes = [...(await repositoryChanges(observed, context))];
  if (observed.how === "traced" && observed.tracedOn === context.platform) {
    changes.push(...(await toolChanges(observed, context.env)));
    changes.push(...(await packageChanges(observed)));
    changes.push(...distributionChanges(observed));
    changes.push(...(await outsideChanges(observed)));
  }
  return changes;
}

async function repositoryChanges(
  observed: ObservedSet,
  { tree, keys }: ValidationContext,
): Promise<ObservedChange[]> {
  const covered = coveredPaths(keys);
  const rooted = (rel: string) => path.posix.normalize(path.posix.join(tree.projectDir, rel));
  const paths = Object.keys(observed.files).filter((rel) => !covered.has(rel));
  const digests = await tree.digest(paths.map(rooted));
  const changes: ObservedChange[] = [];
  for (const rel of paths) {
    const now = digests.get(rooted(rel)) ?? null;
    const was = observed.files[rel] ?? null;
    if (now !== was)
      changes.push({ kind: "file", what: rel, before: state(was), after: state(now) });
  }
  for (const [rel, was] of Object.entries(observed.dirs)) {
    const now = dirDigest(tree, rooted(rel));
    if (now !== was)
      changes.push({ kind: "dir", what: rel, before: "listed", after: "other entries" });
  }
  return changes;
}

function state(digest: string | null): string {
  return digest === null ? "absent" : digest.slice(0, 12);
}

/** Project-relative paths the keys cover (present or absent). */
export function coveredPaths(keys: readonly FingerprintKey[]): Set<string> {
  return new Set(keys.flatMap((k) => Object.keys(k.files ?? {})));
}

/**
 * The digest of a directory's input entries: the names of the tree's files and directories
 * directly in it (root-relative `dir`, "" for the root). Ignored and never-input entries (build
 * output, virtual environments) are not in the tree, so a build's own output never counts.
 */
export function dirDigest(tree: FileTree, dir: string): string {
  const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
  const names = new Set<string>();
  for (const file of filesUnder(tree.files, prefix)) {
    names.add(file.slice(prefix.length).split("/")[0]!);
  }
  return digestOf("dir", ...[...names].sort());
}

function* filesUnder(files: readonly string[], prefix: string): Generator<string> {
  if (prefix === "") {
    yield* files;
    return;
  }
  let low = 0;
  let high = files.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (files[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < files.length && files[i]!.startsWith(prefix); i++) yield files[i]!;
}

/**
 * Programs found on PATH must be found at the same path (a compiler swapped in earlier on PATH is
 * another compiler); programs identified by their bytes must have the same bytes. Packaged ones
 * are checked with their package, the interpreter and the Rust toolchain by their own keys.
 */
async function toolChanges(
  observed: ObservedSet,
  env: NodeJS.ProcessEnv,
): Promise<ObservedChange[]> {
  const changes: ObservedChange[] = [];
  for (const tool of observed.tools) {
    if (!tool.name) continue;
    const found = which(tool.name, env);
    if (found !== tool.path) {
      changes.push({
        kind: "tool",
        what: tool.name,
        before: tool.path,
        after: found ?? "not found",
      });
    }
  }
  const hashed = observed.tools.filter((t) => /^[0-9a-f]{40}$/.test(t.identity));
  const digests = await hashFiles(hashed.map((t) => t.path));
  for (const tool of hashed) {
    const now = digests.get(tool.path) ?? null;
    if (now !== tool.identity) {
      const what = tool.name ?? tool.path;
      changes.push({ kind: "tool", what, before: state(tool.identity), after: state(now) });
    }
  }
  return changes;
}

async function packageChanges(observed: ObservedSet): Promise<ObservedChange[]> {
  const packages = Object.entries(observed.packages);
  if (packages.length === 0) return [];
  const versions = await readDpkgVersions();
  return packages
    .filter(([pkg, version]) => versions.get(pkg) !== version)
    .map(([pkg, version]) => ({
      kind: "package" as const,
      what: pkg,
      before: version,
      after: versions.get(pkg) ?? "not installed",
    }));
}

function distributionChanges(observed: ObservedSet): ObservedChange[] {
  return observed.distributions
    .filter((d) => !statSync(path.join(d.site, d.distInfo), { throwIfNoEntry: false }))
    .map((d) => ({
      kind: "distribution" as const,
      what: d.distInfo.replace(/\.dist-info$/, ""),
      before: `installed in ${d.site}`,
      after: "not installed there",
    }));
}

async function outsideChanges(observed: ObservedSet): Promise<ObservedChange[]> {
  const paths = Object.keys(observed.outside);
  if (paths.length === 0) return [];
  const digests = await hashFiles(paths);
  return paths
    .filter((p) => (digests.get(p) ?? null) !== (observed.outside[p] ?? null))
    .map((p) => ({
      kind: "outside" as const,
      what: p,
      before: state(observed.outside[p] ?? null),
      after: state(digests.get(p) ?? null),
    }));
}

/**
 * Where no tracer runs: the repository paths a traced build of the same project read elsewhere,
 * digested in this tree, so that a later hit here is checked against them. What that build used
 * outside the repository says nothing about this machine and is left out.
 */
export async function borrowObserved(source: ObservedSet, tree: FileTree): Promise<ObservedSet> {
  const rooted = (rel: string) => path.posix.normalize(path.posix.join(tree.projectDir, rel));
  const paths = Object.keys(source.files);
  const digests = await tree.digest(paths.map(rooted));
  return {
    how: "borrowed",
    tracedOn: source.tracedOn,
    files: Object.fromEntries(paths.map((rel) => [rel, digests.get(rooted(rel)) ?? null])),
    dirs: Object.fromEntries(
      Object.keys(source.dirs).map((rel) => [rel, dirDigest(tree, rooted(rel))]),
    ),
    tools: [],
    packages: {},
    outside: {},
    distributions: [],
  };
}

/**
 * A set completed with the repository paths of an earlier one (digested in this tree): for a
 * build that reused an earlier build's output and so did not read all the inputs of that work.
 */
export async function completeObserved(
  observed: ObservedSet,
  earlier: ObservedSet,
  tree: FileTree,
): Promise<ObservedSet> {
  const borrowed = await borrowObserved(earlier, tree);
  return {
    ...observed,
    files: sortedMerge(borrowed.files, observed.files),
    dirs: sortedMerge(borrowed.dirs, observed.dirs),
  };
}

function sortedMerge<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
): Record<string, T> {
  const merged: Record<string, T> = { ...a, ...b };
  return Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((k) => [k, merged[k]!]),
  );
}

/** The observed repository files no key covers: what a user could add to `cache-keys`. */
export function unkeyedFiles(observed: ObservedSet, keys: readonly FingerprintKey[]): string[] {
  const covered = coveredPaths(keys);
  return Object.entries(observed.files)
    .filter(([rel, digest]) => digest !== null && !covered.has(rel))
    .map(([rel]) => rel)
    .sort();
}
