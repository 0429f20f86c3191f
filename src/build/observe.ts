import { readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { type Dpkg, type DpkgDatabase, readDpkg } from "../files/dpkg.js";
import { hashFiles } from "../files/hash.js";
import { isNeverInputName } from "../files/prune.js";
import type { FileTree } from "../files/tree.js";
import { dirDigest, type ObservedSet, type ObservedTool } from "../fingerprint/observed.js";
import { toPosix } from "../shared/paths.js";
import { which } from "../shared/which.js";
import type { RawTrace } from "./trace.js";

/** What recording a trace needs to know besides the trace. */
export interface ObserveContext {
  /** The tree the fingerprint listed before the build. */
  readonly tree: FileTree;
  /** The interpreter's own prefixes: its standard library and headers are keyed by its version. */
  readonly pythonPrefixes: readonly string[];
  /** Directories of the run's own (the wheel directory, staging, the trace). */
  readonly own: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly platform: string;
  /** When the build started (ms since the epoch): a file changed after that changed under it. */
  readonly startedMs: number;
  /**
   * Root-relative directories the project's build writes its output to besides `build/` and
   * `target/` (setuptools' `build_base = bin`): what the build reads there is reused output.
   */
  readonly outputDirs?: readonly string[];
  /** The package database, when its reading started with the build (it does not change meanwhile). */
  readonly dpkg?: Promise<DpkgDatabase>;
}

/** An observed set, and the repository files that changed while the build ran. */
export interface Observation {
  readonly observed: ObservedSet;
  readonly changedDuringBuild: readonly string[];
  /**
   * Files of an earlier build's output the build read without writing them (`build/`, `target/`
   * left in the tree): it reused that build's work, so it did not read all of that work's inputs.
   */
  readonly reused: readonly string[];
  /** Project-relative repository files a compiler process read: what this run compiled. */
  readonly compiled: readonly string[];
}

/** System paths that say nothing about a wheel: kernel views, configuration, locales, caches. */
const SYSTEM_NOISE = [
  "/proc/",
  "/sys/",
  "/dev/",
  "/run/",
  "/etc/",
  "/var/",
  "/usr/share/locale/",
  "/usr/lib/locale/",
  "/usr/share/zoneinfo/",
  "/usr/share/i18n/",
];

/**
 * Turns a build's trace into the set recorded with its wheels. Repository files it read (or
 * looked for and missed) and directories it listed are recorded with digests, unless the build
 * wrote them, they sit in a directory it created, or in build output and caches (`target/`,
 * `build/`). Outside the repository: Debian packages stand for the system files they own, Python
 * distributions for their files, the interpreter's own files and the crates Cargo.lock pins are
 * keyed already; any other file is recorded with its digest.
 */
export async function observe(trace: RawTrace, context: ObserveContext): Promise<Observation> {
  const classify = classifier(trace, context);
  const files: Record<string, string | null> = {};
  const dirs: Record<string, string> = {};
  const packages: Record<string, string> = {};
  const outside = new Set<string>();
  const distributions = new Map<string, { site: string; distInfo: string }>();
  const sites = new SiteIndex();
  const rel = (abs: string) => projectRelative(context.tree, abs);
  const reused: string[] = [];
  const system: string[] = [];
  for (const [file, found] of trace.opened) {
    const where = classify(file);
    if (where === "reused" && found) reused.push(rel(file));
    if (where === "repository") files[rel(file)] = found ? "" : null;
    else if (where === "outside" && found) {
      const dist = sites.owner(file);
      if (dist) distributions.set(`${dist.site}\0${dist.distInfo}`, dist);
      else system.push(file);
    }
  }
  const database = await (context.dpkg ?? readDpkg());
  const dpkg = await database.lookUp([...system, ...trace.execs.keys()]);
  for (const file of system) if (!recordPackage(dpkg, file, packages)) outside.add(file);
  for (const dir of trace.listed) {
    if (classify(dir) === "repository")
      dirs[rel(dir)] = dirDigest(context.tree, rootRel(context.tree, dir));
  }
  const tools = await recordTools(trace, context, classify, dpkg, packages, (file) => {
    const dist = sites.owner(file, { listed: true });
    if (dist) distributions.set(`${dist.site}\0${dist.distInfo}`, dist);
    return dist;
  });
  await digestRepositoryFiles(files, context.tree);
  const outsideDigests = await hashFiles([...outside]);
  return {
    observed: {
      how: "traced",
      tracedOn: context.platform,
      files: sortedRecord(files),
      dirs: sortedRecord(dirs),
      tools,
      packages: sortedRecord(packages),
      outside: sortedRecord(
        Object.fromEntries([...outside].map((f) => [f, outsideDigests.get(f) ?? null])),
      ),
      distributions: [...distributions.values()].sort((a, b) =>
        `${a.site}/${a.distInfo}` < `${b.site}/${b.distInfo}` ? -1 : 1,
      ),
    },
    changedDuringBuild: changedSince(files, context),
    reused: reused.sort(),
    compiled: [...(trace.compiled ?? [])]
      .filter((file) => classify(file) === "repository")
      .map(rel)
      .sort(),
  };
}

type Where = "own" | "reused" | "noise" | "repository" | "keyed-elsewhere" | "outside";

/** Decides where a path the build touched belongs. */
function classifier(trace: RawTrace, context: ObserveContext): (file: string) => Where {
  const { root } = context.tree;
  const home = context.env.HOME || homedir();
  const cargoHome = context.env.CARGO_HOME || path.join(home, ".cargo");
  const rustupHome = context.env.RUSTUP_HOME || path.join(home, ".rustup");
  const keyedElsewhere = [
    path.join(cargoHome, "registry"),
    path.join(cargoHome, "git"),
    path.join(rustupHome, "toolchains"),
    path.join(home, ".cache"),
  ];
  // The user's git configuration only changes how git runs (a version from git is keyed apart).
  const noise = [path.join(home, ".gitconfig"), path.join(home, ".config", "git")];
  const listed = new Set(context.tree.files);
  // Every path here is absolute and normalized (Linux): a prefix test says what is inside what.
  const within = (dirs: readonly string[]) => {
    const prefixes = dirs.map((dir) => `${path.resolve(dir)}/`.replace(/\/+$/, "/"));
    return (file: string) => prefixes.some((p) => file.startsWith(p) || `${file}/` === p);
  };
  const inOwn = within(context.own);
  const inNoise = within(noise);
  const inPython = within(context.pythonPrefixes);
  const inKeyedElsewhere = within(keyedElsewhere);
  const inRoot = within([root]);
  // Whether a directory is one the build created or inside one, each directory decided once.
  const createdDirs = new Map<string, boolean>();
  const inCreated = (dir: string): boolean => {
    let known = createdDirs.get(dir);
    if (known === undefined) {
      const parent = path.dirname(dir);
      known = trace.created.has(dir) || (parent !== dir && inCreated(parent));
      createdDirs.set(dir, known);
    }
    return known;
  };
  const own = (file: string) =>
    trace.written.has(file) ||
    trace.created.has(file) ||
    inOwn(file) ||
    inCreated(path.dirname(file));
  return (file) => {
    if (own(file)) return "own";
    if (SYSTEM_NOISE.some((prefix) => file.startsWith(prefix)) || file.includes("/gconv/")) {
      return "noise";
    }
    if (inNoise(file)) return "noise";
    if (isSitePackages(file)) return "outside";
    if (inPython(file)) return "keyed-elsewhere";
    if (inKeyedElsewhere(file)) return "keyed-elsewhere";
    if (!inRoot(file)) return "outside";
    const relative = rootRel(context.tree, file);
    if (relative === ".git" || relative.startsWith(".git/")) return "noise";
    const parts = relative.split("/");
    const inOutput =
      parts.slice(0, -1).some(isNeverInputName) ||
      (context.outputDirs ?? []).some((dir) => relative.startsWith(`${dir}/`));
    return inOutput && !listed.has(relative) ? "reused" : "repository";
  };
}

function isSitePackages(file: string): boolean {
  return /\/(?:site|dist)-packages\//.test(file);
}

/** A Debian package owns the file: record the package's version instead of the file. */
function recordPackage(dpkg: Dpkg, file: string, packages: Record<string, string>): boolean {
  const pkg = dpkg.owner(file);
  const version = pkg ? dpkg.version(pkg) : undefined;
  if (!pkg || !version) return false;
  packages[pkg] = version;
  return true;
}

async function recordTools(
  trace: RawTrace,
  context: ObserveContext,
  classify: (file: string) => Where,
  dpkg: Dpkg,
  packages: Record<string, string>,
  distribution: (file: string) => { readonly distInfo: string } | undefined,
): Promise<ObservedTool[]> {
  const tools: ObservedTool[] = [];
  const toHash: string[] = [];
  for (const [file, names] of [...trace.execs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = classify(file);
    if (where === "own" || where === "noise" || where === "reused") continue;
    const name = [...names].sort().find((n) => !n.includes("/") && which(n, context.env) === file);
    const base = name ? { name, path: file } : { path: file };
    if (recordPackage(dpkg, file, packages)) {
      tools.push({ ...base, identity: `deb:${dpkg.owner(file)}` });
      continue;
    }
    if (where === "keyed-elsewhere") {
      tools.push({ ...base, identity: "keyed" });
      continue;
    }
    // A program a Python distribution's RECORD lists (cmake, ninja) is that distribution's
    // version, as the distributions the build imported are.
    const dist = where === "outside" ? distribution(file) : undefined;
    if (dist) {
      tools.push({ ...base, identity: `dist:${dist.distInfo.replace(/\.dist-info$/, "")}` });
    } else {
      tools.push({ ...base, identity: "" });
      toHash.push(file);
    }
  }
  const digests = await hashFiles(toHash);
  return tools.map((t) =>
    t.identity === "" ? { ...t, identity: digests.get(t.path) ?? "absent" } : t,
  );
}

/** Fills in the digests of the repository files the build read (absent ones stay null). */
async function digestRepositoryFiles(
  files: Record<string, string | null>,
  tree: FileTree,
): Promise<void> {
  const present = Object.keys(files).filter((rel) => files[rel] !== null);
  const rooted = present.map((rel) => path.posix.normalize(path.posix.join(tree.projectDir, rel)));
  const digests = await tree.digest(rooted);
  present.forEach((rel, i) => {
    files[rel] = digests.get(rooted[i]!) ?? null;
  });
}

/** Repository files the build read that changed after it started (edited during the build). */
function changedSince(files: Record<string, string | null>, context: ObserveContext): string[] {
  const { tree, startedMs } = context;
  return Object.keys(files).filter((rel) => {
    const info = statSync(path.join(tree.root, tree.projectDir, rel), { throwIfNoEntry: false });
    return info !== undefined && Math.max(info.ctimeMs, info.mtimeMs) > startedMs;
  });
}

function rootRel(tree: FileTree, file: string): string {
  return relativeTo(tree.root, file);
}

function projectRelative(tree: FileTree, file: string): string {
  return relativeTo(path.join(tree.root, tree.projectDir), file) || ".";
}

/**
 * `file` relative to `dir`, both absolute and normalized, as `path.relative` gives it (no
 * trailing slash: a directory opened as `sub/`): a slice when `file` is inside.
 */
function relativeTo(dir: string, file: string): string {
  const prefix = dir.endsWith("/") ? dir : `${dir}/`;
  if (file.startsWith(prefix)) return file.slice(prefix.length).replace(/\/+$/, "");
  return toPosix(path.relative(dir, file));
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]!]),
  );
}

/** A site's distributions: the top-level names each RECORD names, and the RECORDs. */
interface Site {
  /** Top-level package or module → the `*.dist-info` directories whose RECORD names it. */
  readonly owners: Map<string, string[]>;
  readonly records: Map<string, string>;
}

/**
 * Which distribution owns a file in a site-packages directory: the `*.dist-info` whose RECORD
 * names the file's top-level package or module. Each site is read once.
 */
class SiteIndex {
  readonly #sites = new Map<string, Site>();

  /**
   * The owner: the one distribution naming the file's top-level package, or, where several share
   * it (namespace packages: `nvidia/`, `google/`), the one whose RECORD lists the file or another
   * in its directory. With `listed`, only a distribution whose RECORD lists the file itself.
   */
  owner(file: string, { listed = false } = {}): { site: string; distInfo: string } | undefined {
    const match = /^(.*\/(?:site|dist)-packages)\/([^/]+)/.exec(file);
    if (!match) return undefined;
    const [, site, top] = match as unknown as [string, string, string];
    if (top.endsWith(".dist-info")) return { site, distInfo: top };
    const { owners, records } = this.#index(site);
    const candidates = owners.get(top) ?? owners.get(top.replace(/\.[^.]*$/, "")) ?? [];
    if (candidates.length === 1 && !listed) return { site, distInfo: candidates[0]! };
    const relative = file.slice(site.length + 1);
    const naming = (start: string) =>
      candidates.find((d) => {
        const record = records.get(d)!;
        return record.startsWith(start) || record.includes(`\n${start}`);
      });
    const distInfo = listed
      ? naming(`${relative},`)
      : (naming(`${relative},`) ?? naming(`${path.posix.dirname(relative)}/`));
    return distInfo ? { site, distInfo } : undefined;
  }

  #index(site: string): Site {
    let known = this.#sites.get(site);
    if (known) return known;
    known = { owners: new Map(), records: new Map() };
    for (const distInfo of listDir(site).filter((e) => e.endsWith(".dist-info"))) {
      const record = readRecord(path.join(site, distInfo));
      known.records.set(distInfo, record);
      for (const top of topLevelNames(record)) {
        known.owners.set(top, [...(known.owners.get(top) ?? []), distInfo]);
      }
    }
    this.#sites.set(site, known);
    return known;
  }
}

/** A directory's names; one that is gone (an isolated build's environment) has none. */
function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** A distribution's RECORD; empty for one without (installed by hand: it owns nothing we can name). */
function readRecord(distInfo: string): string {
  try {
    return readFileSync(path.join(distInfo, "RECORD"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

/** The top-level names a RECORD names (the first components of its paths). */
function topLevelNames(record: string): string[] {
  const names = new Set<string>();
  // A RECORD lists a package's files together (cmake's, thousands): a line under the previous
  // line's first component is skipped without being cut.
  let previous = "";
  for (let at = 0; at < record.length; ) {
    const newline = record.indexOf("\n", at);
    const end = newline < 0 ? record.length : newline;
    if (!(previous && record.startsWith(previous, at))) {
      const line = record.slice(at, end);
      const first = line.split(",")[0]!.split("/")[0]!;
      previous = `${first}/`;
      if (first && !first.startsWith("..") && !first.endsWith(".dist-info")) {
        names.add(first.replace(/\.py$/, ""));
        names.add(first);
      }
    }
    at = end + 1;
  }
  return [...names];
}
