import path from "node:path";
import { type BuildFailed, BuildFailure, withoutValues } from "../build/failure.js";
import { type Observation, observe } from "../build/observe.js";
import { resolveProgram, runBuild, snapshotWheels, wheelRecord } from "../build/run.js";
import { ensureTracer, readTraced, tracedCommand, tracerHome } from "../build/tracer.js";
import { mismatchText, type WheelTarget, wheelMismatch } from "../build/wheel-name.js";
import { resetDir } from "../cache/entry.js";
import { type EntryKeys, VARIANT_LENGTH } from "../cache/entry-key.js";
import { restoreManifest, type SaveOutcome, type StoreDeps, saveEntries } from "../cache/store.js";
import type { Config } from "../config/index.js";
import { UserError } from "../errors.js";
import { readDpkg } from "../files/dpkg.js";
import type { FileTree } from "../files/tree.js";
import { diffManifests, type KeyChange } from "../fingerprint/diff.js";
import type { Fingerprint } from "../fingerprint/index.js";
import type { Manifest } from "../fingerprint/manifest.js";
import {
  borrowObserved,
  completeObserved,
  dirDigest,
  type ObservedChange,
  type ObservedSet,
  unkeyedFiles,
} from "../fingerprint/observed.js";
import { redigest } from "../fingerprint/redigest.js";
import { platformId } from "../keys/implicit.js";
import type { BackendName } from "../project/backend.js";
import { setuptoolsOutputDirs } from "../project/build-output.js";
import { distributionName } from "../project/infer-shipped.js";
import { digestOf, short } from "../shared/digest.js";
import { capLine } from "../shared/list.js";
import type { Prepared } from "./fingerprint.js";
import type { Progress, RejectedWheel, RunResult } from "./result.js";

/** What a build and its save produced. */
export type Built = Pick<
  RunResult,
  | "manifest"
  | "cacheKey"
  | "wheels"
  | "buildSeconds"
  | "buildChanges"
  | "save"
  | "warnings"
  | "validation"
  | "tracedOn"
  | "unkeyed"
  | "traceNote"
  | "otherWheels"
  | "rejectedWheels"
>;

/** A build that failed: how it ended, and how long it ran. */
export interface Failed extends Pick<RunResult, "buildSeconds" | "traceNote"> {
  readonly failure: BuildFailed;
}

/** Why this run builds: what the progress line says before the build's own output. */
interface MissFacts {
  readonly previous?: { readonly manifest: Manifest };
  readonly changed: readonly KeyChange[];
  readonly verifyProblem?: string;
  readonly observedChanges: readonly ObservedChange[];
  /** The manifest entry this build replaces, when one of its fingerprint was rejected. */
  readonly supersedes?: string;
}

/**
 * Runs the build (under a tracer where one runs), records its wheels and what it read in the
 * manifest, re-digests what the fingerprint covers to see what the build itself changed, and
 * saves the entry under a variant key of its own, unless an input changed while it ran (the
 * wheels might then match neither the fingerprint nor the observed set).
 */
export async function buildWheels(
  deps: StoreDeps & {
    readonly progress: (event: Progress) => void;
    readonly cache: { readonly kind: string };
  },
  config: Config,
  { fp, command }: Prepared,
  keys: EntryKeys,
  miss: MissFacts,
): Promise<Built | Failed> {
  const { tracer, note: traceNote } = config.trace
    ? await ensureTracer(config.env, config.installTracer)
    : {};
  const traceDir = path.join(deps.stagingDir, "trace");
  if (tracer) await resetDir(traceDir);
  deps.progress({
    kind: "build",
    previous: miss.previous?.manifest,
    changed: miss.changed,
    verifyProblem: miss.verifyProblem,
    restoreOff: config.restoreOff,
    observedChanges: miss.observedChanges,
    argv: command.argv,
    traced: tracer !== undefined,
  });
  const dir = fp.request.project.dir;
  const before = await snapshotWheels(config.wheelDir);
  const started = Date.now();
  // Read while the build runs: a traced build's record needs it, and it takes a while.
  const dpkg = tracer ? readDpkg(undefined, path.join(tracerHome(config.env), "dpkg")) : undefined;
  // Awaited only when the build succeeds; a failure must not surface as an unhandled rejection.
  dpkg?.catch(() => undefined);
  let produced: string[];
  try {
    const spawned = tracer
      ? tracedCommand(tracer, traceDir, [
          resolveProgram(command.argv, dir, config.env),
          ...command.argv.slice(1),
        ])
      : command.argv;
    produced = await runBuild({
      argv: command.argv,
      spawned,
      cwd: dir,
      env: config.env,
      wheelDir: config.wheelDir,
      before,
      timeoutMs: config.buildTimeoutMs,
      platform: config.platform,
    });
  } catch (error) {
    deps.progress({ kind: "build-done" });
    if (!(error instanceof BuildFailure)) throw error;
    return {
      failure: redactKeyed(error.failed, fp.manifest.keys, config.env),
      buildSeconds: (Date.now() - started) / 1000,
      traceNote,
    };
  }
  deps.progress({ kind: "build-done" });
  const buildSeconds = (Date.now() - started) / 1000;
  const { ours, rejected } = sortWheels(produced, wheelTarget(fp), config.wheelDir);
  const otherWheels = [...before.keys()].filter((name) => !produced.includes(name)).sort();
  const paths = ours.map((name) => path.join(config.wheelDir, name));
  const records = await Promise.all(paths.map(wheelRecord));
  const wheels = records.map((r, i) => ({ ...r, path: paths[i]! }));
  const after = await redigest(fp);
  const buildChanges = diffManifests(fp.manifest, after.manifest);
  const observation = tracer
    ? await observe(await readTraced(tracer, traceDir, dir, started), {
        tree: fp.tree,
        pythonPrefixes: fp.python?.prefixes ?? [],
        own: [config.wheelDir, deps.stagingDir],
        env: config.env,
        platform: platformId(),
        startedMs: started,
        outputDirs: setuptoolsOutputDirs(fp.request.project).map((d) =>
          path.posix.join(fp.tree.projectDir, d),
        ),
        dpkg,
      })
    : await borrow(deps, keys, fp);
  const completed = await completeReused(observation, miss.previous?.manifest.observed, fp);
  const observed = completed.observed;
  const variant = variantOf(miss.supersedes);
  const cacheKey = keys.wheels(variant);
  const manifest: Manifest = {
    ...fp.manifest,
    wheels: records,
    build: { seconds: buildSeconds, command: command.keyed },
    createdAt: new Date().toISOString(),
    ...(Object.keys(config.origin).length > 0 ? { origin: config.origin } : {}),
    wheelsKey: cacheKey,
    observed,
  };
  const stale = unreadChanges(observation, miss);
  const unfollowed = unfollowedChanges(fp.request.project.backend.name, observation, miss);
  const save =
    stale.length > 0 || unfollowed.length > 0
      ? ({
          status: "skipped",
          why: { kind: "reused-stale", files: stale, keys: unfollowed },
        } as const)
      : await saveUnlessChanged(deps, config, keys, variant, manifest, paths, [
          ...changedInputs(buildChanges),
          ...(observation?.changedDuringBuild ?? []),
        ]);
  if (save.status === "saved" && deps.cache.kind === "local") {
    await saveAfterBuildState(deps, keys, manifest, after, buildChanges, paths);
  }
  return {
    manifest,
    cacheKey,
    wheels,
    buildSeconds,
    buildChanges,
    save,
    warnings: [...completed.warnings, ...saveWarnings(save)],
    validation: observed?.how ?? "none",
    tracedOn: observed?.tracedOn,
    unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
    traceNote,
    otherWheels,
    rejectedWheels: rejected,
  };
}

/** What the wheels of this build must be: the project's, for the keyed Python and platform. */
function wheelTarget(fp: Fingerprint): WheelTarget {
  const platform = platformId();
  return {
    distribution: distributionName(fp.request.project),
    python: fp.python,
    libc: platform.includes("-musl") ? "musl" : platform.includes("-glibc") ? "glibc" : undefined,
  };
}

/**
 * Splits the wheels a build wrote into the project's own and the others (never cached); a build
 * that wrote none of its own fails, naming what it wrote instead.
 */
function sortWheels(
  produced: readonly string[],
  target: WheelTarget,
  wheelDir: string,
): { ours: string[]; rejected: RejectedWheel[] } {
  const ours: string[] = [];
  const rejected: RejectedWheel[] = [];
  for (const name of produced) {
    const mismatch = wheelMismatch(name, target);
    if (mismatch) rejected.push({ name, mismatch });
    else ours.push(name);
  }
  if (ours.length === 0) {
    const what = target.distribution ? `of ${target.distribution} ` : "";
    const where = target.python ? `for ${target.python.tag} on ${target.python.platform} ` : "";
    const wrote = capLine(rejected.map((r) => `${r.name} (${mismatchText(r.mismatch)})`));
    throw new UserError(`the build wrote no wheel ${what}${where}to ${wheelDir}, only ${wrote}`);
  }
  return { ours, rejected };
}

/** Values shorter than this are not taken out of a failed build's output (`-O2`, `1`). */
const REDACT_MIN = 6;

/**
 * A failed build's output with the values of the keyed environment variables taken out: the
 * report never shows an environment value, even one the build printed.
 */
function redactKeyed(
  failed: BuildFailed,
  keys: Fingerprint["manifest"]["keys"],
  env: NodeJS.ProcessEnv,
): BuildFailed {
  const values = keys
    .filter((k) => k.kind === "env")
    .map((k) => env[k.id.slice("env:".length)])
    .filter((v): v is string => v !== undefined && v.length >= REDACT_MIN);
  return withoutValues(failed, values);
}

/**
 * The variant key of a build: `0` for the first build of a fingerprint; a build that replaces a
 * rejected or damaged one (entries are immutable) gets a name derived from that one's key, the
 * same in every job that replaces it, so that concurrent jobs still save once.
 */
export function variantOf(supersedes: string | undefined): string {
  return supersedes ? short(digestOf("supersedes", supersedes), VARIANT_LENGTH) : "0";
}

/** A compiled extension module among the files a build reused: that extension was not rebuilt. */
const EXTENSION_BINARY = /\.(?:so|pyd|dll|dylib)$|\.so\.\d/;

/**
 * What changed since the cached build that a setuptools build, reusing an extension it built
 * earlier, does not follow: build_ext skips an extension whose output is newer than its
 * `sources` and `depends`, so a header it does not list (python-zstandard's `zstd/zstd.h`,
 * brotli's `c/include/brotli/encode.h`), setup.py's own arguments, `CFLAGS`, the compiler, the
 * Python or a build requirement leave that extension as it was. A changed input counts as
 * followed only when a compiler read it this run (a header that cffi's generator or setup.py read
 * was not compiled). Cargo, Ninja and CMake track all this themselves. A key added as unset (one
 * a newer wheel-cache infers) changed nothing.
 */
export function unfollowedChanges(
  backend: BackendName,
  observation: Pick<Observation, "reused" | "compiled"> | undefined,
  miss: Pick<MissFacts, "changed" | "observedChanges">,
): string[] {
  if (backend !== "setuptools" || !observation) return [];
  if (!observation.reused.some((file) => EXTENSION_BINARY.test(file))) return [];
  const compiled = new Set(observation.compiled);
  const keys = miss.changed
    .filter((c) => !c.files && !(c.status === "added" && c.after === "unset"))
    .map((c) => c.id);
  const files = miss.changed
    .filter((c) => c.group === "rebuild" || c.id === "pyproject")
    .flatMap((c) => (c.files ? [...c.files.modified, ...c.files.added, ...c.files.removed] : []));
  const observed = miss.observedChanges.filter((c) => c.kind !== "dir").map((c) => c.what);
  return [...new Set([...keys, ...files, ...observed])]
    .filter((what) => !compiled.has(what))
    .sort();
}

/**
 * Files that changed since the cached build but that this build did not read, while it reused an
 * earlier build's output: an incremental build that missed a change (setuptools does not
 * recompile for a changed header), so its wheels may be stale.
 */
function unreadChanges(observation: Observation | undefined, miss: MissFacts): string[] {
  if (!observation || observation.reused.length === 0) return [];
  const changed = [
    ...miss.changed.flatMap((c) => (c.files ? [...c.files.modified, ...c.files.added] : [])),
    ...miss.observedChanges.filter((c) => c.kind === "file").map((c) => c.what),
  ];
  const read = observation.observed.files;
  return [...new Set(changed)].filter((file) => !(file in read)).sort();
}

/**
 * A build that reused an earlier build's output (an incremental build in a tree that kept
 * `build/` or `target/`) did not read all the inputs of that work: its record is completed with
 * what the previous traced build of this slot read, and the user hears how to get a full one.
 */
async function completeReused(
  observation: Observation | undefined,
  earlier: ObservedSet | undefined,
  fp: Fingerprint,
): Promise<{ observed?: ObservedSet; warnings: string[] }> {
  if (!observation || observation.reused.length === 0)
    return { observed: observation?.observed, warnings: [] };
  const dirs = [...new Set(observation.reused.map((f) => f.split("/").slice(0, -1).join("/")))];
  const what = `the build reused ${observation.reused.length} files an earlier build left (in ${dirs.slice(0, 3).join(", ")}${dirs.length > 3 ? ", ..." : ""}), so its trace misses the inputs of that work`;
  if (earlier?.how === "traced") {
    return {
      observed: await completeObserved(observation.observed, earlier, fp.tree),
      warnings: [`${what}; the files the previous traced build read are recorded too`],
    };
  }
  return {
    observed: observation.observed,
    warnings: [`${what}; remove that output (or build in a fresh checkout) for a complete record`],
  };
}

/**
 * A local build that only added files a key covers (a first build writing an untracked
 * Cargo.lock, Cython's generated C) leaves a tree whose fingerprint is another: the same wheels
 * are saved under that one too, so that the next local run hits instead of rebuilding once more.
 * CI checkouts never hold such files, so the GitHub cache is spared the copy.
 */
async function saveAfterBuildState(
  deps: StoreDeps,
  keys: EntryKeys,
  manifest: Manifest,
  after: { readonly manifest: Manifest; readonly tree: FileTree },
  changes: readonly KeyChange[],
  wheels: readonly string[],
): Promise<void> {
  if (changes.length === 0 || changedInputs(changes).length > 0) return;
  const alias = keys.withFingerprint(after.manifest.fingerprint);
  const variant = variantOf(undefined);
  const aliased: Manifest = {
    ...manifest,
    keys: after.manifest.keys,
    fingerprint: after.manifest.fingerprint,
    wheelsKey: alias.wheels(variant),
    // The directories the build listed, as they are now that it added its files.
    observed: manifest.observed && relisted(manifest.observed, after.tree),
  };
  await saveEntries(
    deps,
    { wheels: alias.wheels(variant), manifest: alias.manifest(variant) },
    aliased,
    wheels,
  );
}

function relisted(observed: ObservedSet, tree: FileTree): ObservedSet {
  const rooted = (rel: string) => path.posix.normalize(path.posix.join(tree.projectDir, rel));
  const dirs = Object.keys(observed.dirs).map((rel) => [rel, dirDigest(tree, rooted(rel))]);
  return { ...observed, dirs: Object.fromEntries(dirs) };
}

/**
 * Where no tracer runs: the repository paths the newest traced build of this project read (on
 * any platform), digested in this tree. Nothing when no such build is known.
 */
export async function borrow(
  deps: StoreDeps,
  keys: EntryKeys,
  fp: Fingerprint,
): Promise<Observation | undefined> {
  const dir = path.join(deps.stagingDir, "manifest");
  const lookup = await restoreManifest(deps, dir, `${keys.projectManifests}~newest`, [
    keys.projectManifests,
  ]);
  const source = lookup.found?.key.startsWith(keys.projectManifests)
    ? lookup.found.manifest.observed
    : undefined;
  if (!source) return undefined;
  return {
    observed: await borrowObserved(source, fp.tree),
    changedDuringBuild: [],
    reused: [],
    compiled: [],
  };
}

async function saveUnlessChanged(
  deps: StoreDeps,
  config: Config,
  keys: EntryKeys,
  variant: string,
  manifest: Manifest,
  wheels: readonly string[],
  changed: readonly string[],
): Promise<SaveOutcome> {
  if (!config.save)
    return { status: "skipped", why: config.saveOff ?? { kind: "input", flag: "--no-save" } };
  if (changed.length > 0) {
    return { status: "skipped", why: { kind: "inputs-changed", files: [...new Set(changed)] } };
  }
  const entry = { wheels: keys.wheels(variant), manifest: keys.manifest(variant) };
  return saveEntries(deps, entry, manifest, wheels);
}

/**
 * Covered files that existed before the build and were modified or removed while it ran (an edit
 * during the build, or a build that rewrites its own sources). Files the build only added
 * (generated sources) do not matter: the next fresh checkout will not have them either.
 */
export function changedInputs(changes: readonly KeyChange[]): string[] {
  return changes.flatMap((change) =>
    change.files ? [...change.files.modified, ...change.files.removed] : [change.id],
  );
}

/** The warning of a save that failed, unless its cause was warned about earlier in the run. */
export function saveWarnings(save: SaveOutcome): string[] {
  return save.status === "failed" && !save.repeated ? [save.warning] : [];
}
