import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isGlob } from "../files/glob.js";
import { underDir } from "../files/prune.js";
import type { FileTree } from "../files/tree.js";
import { uvCoverage } from "../files/uv-glob.js";
import { uvEnvNames } from "../keys/env.js";
import { matchedFiles } from "../keys/resolve.js";
import { inferRebuildKeys } from "../project/infer-rebuild.js";
import { shippedFiles } from "../project/infer-shipped.js";
import type { KeyInputs } from "./index.js";
import type { ObservedSet } from "./observed.js";

/**
 * Why uv's `cache-keys` must cover a file: pyproject.toml itself (a list replaces uv's defaults),
 * wheel-cache's rebuild defaults for the backend, the project's own entries, the files the
 * backend reads into the metadata, or a traced build read it.
 */
export type InputReason = "pyproject" | "rebuild" | "declared" | "metadata" | "read";

/** What a `cache-keys` list must make uv look at, so that uv rebuilds when wheel-cache would. */
export interface UvInputs {
  /** Project-relative files that exist now, sorted, each with the first reason that applies. */
  readonly files: ReadonlyMap<string, InputReason>;
  /**
   * Files the list must not cover: the Python files the wheel ships, which uv's editable install
   * imports from the tree (covering them would rebuild the extension for every Python edit).
   */
  readonly avoid: ReadonlySet<string>;
  /** Literal paths the rebuild keys name that are absent now: creating one changes the build. */
  readonly absent: readonly string[];
  /** `{ dir }` entries (uv's own default, `src`, among them). */
  readonly dirs: readonly string[];
  /** What `{ git }` must record: the version comes from git, or the project's entries say so. */
  readonly git: { readonly commit: boolean; readonly tags: boolean };
  /** Variables `{ env }` entries name. */
  readonly env: readonly string[];
  /** Where the build whose reads are included was traced. */
  readonly tracedOn?: string;
}

const REASONS: readonly InputReason[] = ["pyproject", "rebuild", "declared", "metadata", "read"];
const PYTHON_SHIPPED = /(?:\.pyi?|\/py\.typed)$/;

/**
 * The inputs of a fingerprinted project that uv must see: wheel-cache's rebuild defaults for its
 * backend, extra entries, the metadata inputs and the files `observed` (a traced build) read;
 * with `declared`, also what the project's own `cache-keys` cover. The Python files the wheel
 * ships are left out unless a rule names them.
 */
export async function uvInputs(
  fp: KeyInputs,
  observed: ObservedSet | undefined,
  declared: boolean,
): Promise<UvInputs> {
  const { project } = fp.request;
  const { tree } = fp;
  const defaults = await inferRebuildKeys(project);
  const extra = fp.specs.filter((s) => s.source === "input").map((s) => s.entry);
  const own = declared ? fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry) : [];
  const metadata = fp.specs.filter((s) => s.group === "metadata").map((s) => s.entry);
  const found = new Map<string, InputReason>();
  const add = (files: readonly string[], reason: InputReason) => {
    for (const file of files) {
      const known = found.get(file);
      if (!known || REASONS.indexOf(reason) < REASONS.indexOf(known)) found.set(file, reason);
    }
  };
  if (project.pyproject.exists) add(["pyproject.toml"], "pyproject");
  const rebuild = [...defaults.entries, ...extra];
  add(matchedFiles(rebuild, tree, `defaults for ${project.backend.name}`), "rebuild");
  add(ownFiles(fp, own), "declared");
  add(matchedFiles(metadata, tree, "metadata inputs"), "metadata");
  // Literal paths are keyed whether or not the listing has them (an ignored .cargo/config.toml).
  const literals = (entries: readonly UvEntry[]) =>
    entries.flatMap((e) =>
      e.kind === "file" && !isGlob(e.pattern) && !e.pattern.startsWith("!")
        ? [path.posix.normalize(e.pattern)]
        : [],
    );
  const isFile = (rel: string) =>
    statSync(path.join(project.dir, rel), { throwIfNoEntry: false })?.isFile() ?? false;
  add(literals(rebuild).filter(isFile), "rebuild");
  add(literals(own).filter(isFile), "declared");
  const shipped = await shippedFiles(project);
  const shippedPython = (file: string) =>
    shipped.modules.includes(file) ||
    (PYTHON_SHIPPED.test(`/${file}`) && shipped.dirs.some((dir) => file.startsWith(`${dir}/`)));
  if (observed)
    add(
      readFiles(observed, tree).filter((f) => !found.has(f) && !shippedPython(f)),
      "read",
    );
  const listed = tree.files.map((f) => projectRelative(tree, f));
  const entries = [...rebuild, ...own];
  const git = entries.filter((e) => e.kind === "git");
  return {
    files: new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    avoid: new Set(listed.filter((f) => shippedPython(f) && !found.has(f))),
    absent: [...new Set(literals(entries))].filter(
      (f) => !found.has(f) && !existsSync(path.join(project.dir, f)),
    ),
    dirs: [...new Set(entries.flatMap((e) => (e.kind === "dir" ? [e.path] : [])))],
    git: { commit: git.some((e) => e.commit), tags: git.some((e) => e.tags) },
    env: [
      ...new Set([
        ...uvEnvNames(project.backend.name),
        ...entries.flatMap((e) => (e.kind === "env" ? [e.name] : [])),
        ...fp.request.envVars.filter((name) => !/[*_]$/.test(name)),
      ]),
    ],
    tracedOn: observed?.tracedOn,
  };
}

/** The files of the keys resolved from these entries (wheel-cache's meaning), present ones only. */
function ownFiles(fp: KeyInputs, entries: readonly UvEntry[]): string[] {
  if (entries.length === 0) return [];
  const ids = new Set(entries.flatMap((e) => (e.kind === "file" ? [`file:${e.pattern}`] : [])));
  return fp.keys
    .filter((k) => ids.has(k.id) && (k.source === "pyproject" || k.source === "input"))
    .flatMap((k) => Object.entries(k.files ?? {}))
    .filter(([, digest]) => digest !== null)
    .map(([file]) => file);
}

/**
 * The files a traced build read that are inputs now: listed in the tree, or inside a nested
 * repository (a git submodule, whose files the listing leaves out). A file the build read that
 * is neither (ignored, build output) is no input.
 */
function readFiles(observed: ObservedSet, tree: FileTree): string[] {
  const listed = new Set(tree.files);
  const rooted = (rel: string) => path.posix.normalize(path.posix.join(tree.projectDir, rel));
  return Object.entries(observed.files)
    .filter(([, digest]) => digest !== null)
    .map(([rel]) => rel)
    .filter((rel) => {
      const file = rooted(rel);
      if (listed.has(file)) return true;
      return (
        existsSync(path.join(tree.root, file)) &&
        underDir(file, (dir) => existsSync(path.join(tree.root, dir, ".git")))
      );
    });
}

function projectRelative(tree: FileTree, file: string): string {
  if (tree.projectDir === "") return file;
  return path.posix.relative(tree.projectDir, file);
}

/** uv's own list when a project sets none (uv-cache-keys.md §3). */
export const UV_DEFAULT_ENTRIES: readonly UvEntry[] = [
  { kind: "file", pattern: "pyproject.toml" },
  { kind: "file", pattern: "setup.py" },
  { kind: "file", pattern: "setup.cfg" },
  { kind: "dir", path: "src" },
];

/** The inputs a project's `cache-keys` leave out, with uv's meaning of the list. */
export interface UvGap {
  /** The project's pyproject.toml as the user names it. */
  readonly pyproject: string;
  /** Files uv does not look at, each with why it is an input. */
  readonly files: readonly { readonly file: string; readonly reason: InputReason }[];
  /** The version comes from git and no `{ git = { commit = true } }` entry is there. */
  readonly gitCommit: boolean;
}

/**
 * What `entries` (undefined: uv's defaults) leave out of `inputs`, read as uv reads them,
 * clustering included. Throws a UserError for a glob uv cannot parse.
 */
export function uvGap(
  entries: readonly UvEntry[] | undefined,
  inputs: UvInputs,
  tree: FileTree,
  pyproject: string,
): UvGap {
  const list = entries ?? UV_DEFAULT_ENTRIES;
  const coverage = uvCoverage(list, tree.projectDir, `${pyproject}: [tool.uv] cache-keys`);
  const rooted = (rel: string) => path.posix.normalize(path.posix.join(tree.projectDir, rel));
  const files = [...inputs.files]
    .filter(([file]) => !coverage.covers(rooted(file)))
    .map(([file, reason]) => ({ file, reason }));
  const gitCommit = inputs.git.commit && !list.some((e) => e.kind === "git" && e.commit);
  return { pyproject, files, gitCommit };
}

/** Whether a gap leaves anything out. */
export function isGap(gap: UvGap): boolean {
  return gap.files.length > 0 || gap.gitCommit;
}

/**
 * For a project with its own `cache-keys`: what they leave out of its inputs (those `observed`
 * adds included), or undefined when they cover every one.
 */
export async function declaredGap(
  fp: KeyInputs,
  observed: ObservedSet | undefined,
): Promise<UvGap | undefined> {
  if (fp.keysFrom !== "pyproject") return undefined;
  const entries = fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry);
  const inputs = await uvInputs(fp, observed, false);
  const gap = uvGap(entries, inputs, fp.tree, fp.request.project.shown("pyproject.toml"));
  return isGap(gap) ? gap : undefined;
}
