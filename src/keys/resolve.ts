import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { assertNever, UserError } from "../errors.js";
import { expandGlobs } from "../files/expand.js";
import { type CompiledGlob, compileGlob, isGlob } from "../files/glob.js";
import type { FileTree } from "../files/tree.js";
import { digestOf, filesDigest } from "../shared/digest.js";
import { statProjectPath } from "../shared/read.js";
import { envKey } from "./env.js";
import { gitKeys } from "./git.js";
import type { FingerprintKey, KeySpec } from "./types.js";

export interface Resolved {
  readonly keys: FingerprintKey[];
  readonly warnings: string[];
}

type Spec<K extends KeySpec["entry"]["kind"]> = KeySpec & {
  entry: Extract<KeySpec["entry"], { kind: K }>;
};

/**
 * Resolves uv-style entries against the file tree and the environment, one resolver per kind.
 * A `!pattern` glob excludes what it matches from every glob entry. Duplicate ids keep the first.
 */
export async function resolveSpecs(
  specs: readonly KeySpec[],
  tree: FileTree,
  env: NodeJS.ProcessEnv,
): Promise<Resolved> {
  const warnings: string[] = [];
  const globs = new Map<KeySpec, CompiledGlob>();
  for (const spec of specs) {
    if (
      spec.entry.kind === "file" &&
      (isGlob(spec.entry.pattern) || spec.entry.pattern.startsWith("!"))
    ) {
      globs.set(spec, compileGlob(spec.entry.pattern, spec.origin, tree.caseInsensitive));
    }
  }
  const matches = expandGlobs(tree, [...globs.values()]);
  const keys: FingerprintKey[] = [];
  for (const spec of specs) {
    const entry = spec.entry;
    switch (entry.kind) {
      case "file": {
        const glob = globs.get(spec);
        if (glob?.negated) break;
        const paths = glob ? matches.get(glob)! : [literalPath(spec as Spec<"file">, tree)];
        if (glob && paths.length === 0 && spec.source !== "inferred") {
          warnings.push(`${spec.origin}: glob ${JSON.stringify(entry.pattern)} matches no file`);
        }
        keys.push(await fileKey(spec, paths, tree, warnings, !glob));
        break;
      }
      case "dir":
        keys.push(await dirKey(spec as Spec<"dir">, tree, warnings));
        break;
      case "git": {
        const git = await gitKeys(spec as Spec<"git">, tree.root, tree.isGitRepo, env);
        keys.push(...git.keys);
        warnings.push(...git.warnings);
        break;
      }
      case "env":
        keys.push(envKey(entry.name, env[entry.name], spec.source, spec.group));
        break;
      default:
        assertNever(entry);
    }
  }
  return { keys: dedupe(keys), warnings };
}

async function fileKey(
  spec: KeySpec,
  paths: readonly string[],
  tree: FileTree,
  warnings: string[],
  literal: boolean,
): Promise<FingerprintKey> {
  const rooted = paths.map((p) => rootPath(tree, p, spec));
  const digests = await tree.digest(rooted);
  const files: Record<string, string | null> = {};
  for (const [i, p] of paths.entries()) files[p] = digests.get(rooted[i]!) ?? null;
  if (literal && files[paths[0]!] === null && (await isDirectory(tree, rooted[0]!))) {
    warnings.push(
      `${spec.origin}: ${paths[0]} is a directory; use { dir = ... } for its presence or a glob such as ${paths[0]}/** for its files`,
    );
  }
  const pattern = spec.entry.kind === "file" ? spec.entry.pattern : "";
  return {
    id: `file:${pattern}`,
    kind: "file",
    source: spec.source,
    group: spec.group,
    digest: filesDigest(files),
    files,
  };
}

async function dirKey(
  spec: Spec<"dir">,
  tree: FileTree,
  warnings: string[],
): Promise<FingerprintKey> {
  const rel = normalize(spec.entry.path);
  const rooted = casedDir(tree, rootPath(tree, rel, spec));
  const info = await statProjectPath(path.join(tree.root, rooted), rooted);
  if (info && !info.isDirectory()) warnings.push(`${spec.origin}: ${rel} is not a directory`);
  const state = info?.isDirectory() ? "present" : "absent";
  return {
    id: `dir:${spec.entry.path}`,
    kind: "dir",
    source: spec.source,
    group: spec.group,
    digest: digestOf("dir", rel, state),
    detail: state,
  };
}

/**
 * The project-relative path a literal `file` entry names: as written, or, on a file system that
 * ignores case, as the listed file it opens is named (so that one file is one path in the report).
 */
/**
 * A root-relative directory as the file system names it: on one that ignores case, the directory
 * of a listed file whose path differs from it only in case (else as written).
 */
function casedDir(tree: FileTree, rooted: string): string {
  if (!tree.caseInsensitive || rooted === "") return rooted;
  const prefix = `${rooted.toLowerCase()}/`;
  const file = tree.files.find(
    (f) => f.startsWith(`${rooted}/`) || f.slice(0, prefix.length).toLowerCase() === prefix,
  );
  return file ? file.slice(0, rooted.length) : rooted;
}

function literalPath(spec: Spec<"file">, tree: FileTree): string {
  const rel = normalize(spec.entry.pattern);
  if (!tree.caseInsensitive || /^(?:[/\\]|[A-Za-z]:)/.test(rel)) return rel;
  const joined = path.posix.normalize(path.posix.join(tree.projectDir, rel));
  const listed = tree.listed(joined);
  if (!listed || listed === joined) return rel;
  return tree.projectDir === "" ? listed : path.posix.relative(tree.projectDir, listed);
}

function normalize(p: string): string {
  if (/^(?:[/\\]|[A-Za-z]:)/.test(p)) return p;
  return path.posix.normalize(p.replaceAll("\\", "/")).replace(/\/$/, "");
}

/** A project-relative path as a root-relative one; leaving the repository is a user error. */
function rootPath(tree: FileTree, rel: string, spec: KeySpec): string {
  if (/^(?:[/\\]|[A-Za-z]:)/.test(rel)) {
    throw new UserError(
      `${spec.origin}: ${rel} is an absolute path; write it relative to the project directory`,
    );
  }
  const joined = path.posix.normalize(path.posix.join(tree.projectDir, rel));
  if (joined === ".." || joined.startsWith("../")) {
    throw new UserError(`${spec.origin}: ${rel} is outside the repository root`);
  }
  return joined === "." ? "" : joined;
}

async function isDirectory(tree: FileTree, rooted: string): Promise<boolean> {
  return (await statProjectPath(path.join(tree.root, rooted), rooted))?.isDirectory() ?? false;
}

function dedupe(keys: FingerprintKey[]): FingerprintKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(k.id) && seen.add(k.id));
}

/**
 * The project-relative files that file entries would cover in `tree` (listed files only, no
 * digests): to tell what one list of entries leaves out that another covers.
 */
export function matchedFiles(
  entries: readonly UvEntry[],
  tree: FileTree,
  origin: string,
): string[] {
  const patterns = entries.flatMap((e) => (e.kind === "file" ? [e.pattern] : []));
  const globs = patterns
    .filter((p) => isGlob(p) || p.startsWith("!"))
    .map((p) => compileGlob(p, origin));
  const listed = new Set(tree.files);
  const literal = patterns
    .filter((p) => !isGlob(p) && !p.startsWith("!"))
    .map(normalize)
    .filter((rel) => {
      const rooted = path.posix.normalize(path.posix.join(tree.projectDir, rel));
      return listed.has(rooted);
    });
  return [...new Set([...literal, ...[...expandGlobs(tree, globs).values()].flat()])].sort();
}
