import path from "node:path";
import { snapshotWheels } from "../build/run.js";
import { withBreaker } from "../cache/breaker.js";
import { installWheels, resetDir, verifyEntry } from "../cache/entry.js";
import type { EntryKeys } from "../cache/entry-key.js";
import { restoreManifest, type SaveOutcome } from "../cache/store.js";
import type { CacheBackend } from "../cache/types.js";
import type { Config } from "../config/index.js";
import { errorMessage } from "../errors.js";
import { diffManifests, type KeyChange } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";
import { type ObservedChange, unkeyedFiles, validateObserved } from "../fingerprint/observed.js";
import { declaredGap } from "../fingerprint/uv-inputs.js";
import { platformId } from "../keys/implicit.js";
import { buildWheels, variantOf } from "./build-step.js";
import { type Prepared, prepare } from "./fingerprint.js";
import type { Progress, RunResult, WheelOutput } from "./result.js";
import { saveBuilt } from "./save-step.js";
import { legOf, slotKeys } from "./slot.js";

export interface PipelineDeps {
  readonly cache: CacheBackend;
  /** A directory of the pipeline's own (entries are staged and restored there). */
  readonly stagingDir: string;
  /** Told what the run does while it goes (before the build's own output). */
  readonly progress: (event: Progress) => void;
}

/** A run's facts but its timing, which `runPipeline` adds. */
type Facts = Omit<RunResult, "startedAt" | "seconds">;

/** The facts every outcome shares. */
type Base = Pick<
  RunResult,
  "leg" | "cache" | "wheelDir" | "buildCommand" | "keysFrom" | "backend" | "manifest" | "restoreOff"
>;

type Found = { readonly key: string; readonly manifest: Manifest };

/**
/**
 * The whole loop: fingerprint (unless `fingerprinted` is the project's, taken by the caller),
 * then find this fingerprint's newest build and validate what it read against the tree and
 * machine now, restore and verify its wheels (a hit ends there), look up the previous build (a
 * lookup-only run ends there), build and save. A build that fails is a result too (verdict
 * `failed`), with what changed and how the build ended; any other problem the user can fix
 * throws a UserError.
 */
export async function runPipeline(
  config: Config,
  deps: PipelineDeps,
  fingerprinted?: Prepared,
): Promise<RunResult> {
  const started = new Date();
  const facts = await run(config, deps, fingerprinted);
  return {
    ...facts,
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
  };
}

async function run(config: Config, given: PipelineDeps, fingerprinted?: Prepared): Promise<Facts> {
  const deps = { ...given, cache: withBreaker(given.cache) };
  if (config.step.kind === "save") return saveBuilt(config, deps, config.step.cacheKey);
  const prepared = fingerprinted ?? (await prepare(config, [deps.stagingDir]));
  const { fp, command } = prepared;
  const keys = slotKeys(config, prepared);
  const base: Base = {
    leg: legOf(config, prepared),
    cache: deps.cache.kind,
    wheelDir: config.wheelDir,
    buildCommand: command,
    keysFrom: fp.keysFrom,
    backend: fp.request.project.backend.name,
    manifest: fp.manifest,
    restoreOff: config.restoreOff,
  };
  deps.progress({
    kind: "fingerprint",
    fingerprint: fp.manifest.fingerprint,
    cacheKey: keys.wheelsPrefix,
    cache: deps.cache.kind,
    restoreOff: config.restoreOff,
  });
  // A run that must build from its sources looks nothing up for this fingerprint: its build is a
  // miss by construction (the previous build is still looked up, to say what changed).
  const restored: Restored = config.restoreOff
    ? { kind: "miss", observedChanges: [], warnings: [] }
    : await restoreAndValidate(deps, keys, prepared, config);
  if (restored.kind === "hit") {
    const uvGap = await declaredGap(fp, restored.manifest.observed);
    return { ...hitResult(base, restored, fp.warnings), uvGap };
  }
  const warnings = [...fp.warnings, ...restored.warnings];
  const lookup = restored.rejected
    ? { previous: restored.rejected, changed: [], warnings: [] }
    : await lookUpPrevious(deps, keys, fp.manifest);
  warnings.push(...lookup.warnings);
  const missed = {
    ...base,
    previous: lookup.previous,
    changed: lookup.changed,
    verifyProblem: restored.problem,
    observedChanges: restored.observedChanges,
    buildChanges: [],
  };
  if (config.lookupOnly || config.step.kind === "restore") {
    const save: SaveOutcome = { status: "skipped", why: { kind: "not-built" } };
    const validation = restored.rejected?.manifest.observed;
    return {
      ...missed,
      verdict: config.lookupOnly ? "lookup-miss" : "miss",
      // The key the save step saves under: the same in every job that builds these inputs.
      cacheKey: config.lookupOnly ? keys.wheelsPrefix : keys.wheels(variantOf(restored.supersedes)),
      wheels: [],
      save,
      warnings,
      validation: validation?.how ?? "none",
      tracedOn: validation?.tracedOn,
      unkeyed: [],
      uvGap: await declaredGap(fp, (restored.rejected ?? lookup.previous)?.manifest.observed),
      otherWheels: [],
      rejectedWheels: [],
    };
  }
  const built = await buildWheels(deps, config, prepared, keys, {
    ...missed,
    supersedes: restored.supersedes,
  });
  if ("failure" in built) {
    return {
      ...missed,
      ...built,
      verdict: "failed",
      cacheKey: keys.wheelsPrefix,
      wheels: [],
      save: { status: "skipped", why: { kind: "build-failed" } },
      warnings,
      validation: "none",
      unkeyed: [],
      otherWheels: [],
      rejectedWheels: [],
    };
  }
  warnings.push(...built.warnings);
  const uvGap = await declaredGap(fp, built.manifest.observed);
  return { ...missed, ...built, verdict: "built", warnings, uvGap };
}

type Restored =
  | {
      readonly kind: "hit";
      readonly verdict: "hit" | "lookup-hit";
      readonly manifest: Manifest;
      readonly cacheKey: string;
      readonly previous?: Found;
      readonly wheels: readonly WheelOutput[];
      /** Wheels already in the wheel directory that the restore did not replace. */
      readonly otherWheels: readonly string[];
      readonly warnings: readonly string[];
      readonly unkeyed: readonly string[];
    }
  | {
      readonly kind: "miss";
      /** Why restored wheels were rejected (then the entry was discarded where the cache can). */
      readonly problem?: string;
      /** A build of this fingerprint whose observed inputs differ now. */
      readonly rejected?: Found;
      /** The key of the manifest entry this run's build replaces (rejected or damaged). */
      readonly supersedes?: string;
      readonly observedChanges: readonly ObservedChange[];
      readonly warnings: readonly string[];
    };

/**
 * Finds the newest build of this exact fingerprint by its small manifest entry, validates what
 * that build read against the tree and the machine now (no download of wheels needed), then
 * restores its wheels and verifies each against its recorded sha256. A lookup-only run stops
 * after the validation.
 */
async function restoreAndValidate(
  deps: PipelineDeps,
  keys: EntryKeys,
  { fp }: Prepared,
  config: Config,
): Promise<Restored> {
  const manifestDir = path.join(deps.stagingDir, "manifest");
  const lookup = await restoreManifest(deps, manifestDir, `${keys.fingerprintManifests}~newest`, [
    keys.fingerprintManifests,
  ]);
  const warnings = lookup.warning ? [lookup.warning] : [];
  if (lookup.damaged?.startsWith(keys.fingerprintManifests)) {
    const problem = "the cached entry has no readable manifest";
    warnings.push(...(await discardDamaged(deps.cache, [lookup.damaged], problem)));
    return { kind: "miss", problem, observedChanges: [], warnings, supersedes: lookup.damaged };
  }
  const found = lookup.found;
  if (!found || !isBuildOf(found, keys.fingerprintManifests, fp.manifest.fingerprint)) {
    return { kind: "miss", observedChanges: [], warnings };
  }
  const cached = found.manifest;
  const observedChanges = cached.observed
    ? await validateObserved(cached.observed, {
        tree: fp.tree,
        keys: fp.manifest.keys,
        env: config.env,
        platform: platformId(),
      })
    : [];
  if (observedChanges.length > 0) {
    return { kind: "miss", rejected: found, observedChanges, warnings, supersedes: found.key };
  }
  const cacheKey = cached.wheelsKey ?? keys.wheelsPrefix;
  const unkeyed = cached.observed ? unkeyedFiles(cached.observed, fp.manifest.keys) : [];
  if (config.lookupOnly) {
    return {
      kind: "hit",
      verdict: "lookup-hit",
      manifest: cached,
      cacheKey,
      previous: found,
      wheels: [],
      otherWheels: [],
      warnings,
      unkeyed,
    };
  }
  const wheels = await restoreWheels(deps, cacheKey, cached, config.wheelDir);
  if ("problem" in wheels) {
    const { problem, damaged } = wheels;
    warnings.push(
      ...(damaged ? await discardDamaged(deps.cache, [cacheKey, found.key], problem) : [problem]),
    );
    return {
      kind: "miss",
      problem: damaged ? problem : undefined,
      observedChanges: [],
      warnings,
      // A new variant either way: its wheels and manifest must be saved as a pair.
      supersedes: found.key,
    };
  }
  return {
    kind: "hit",
    verdict: "hit",
    manifest: cached,
    cacheKey,
    wheels: wheels.wheels,
    otherWheels: wheels.others,
    warnings,
    unkeyed,
  };
}

/**
 * A manifest found by prefix belongs to this fingerprint only if its key has the prefix exactly
 * (some cache servers match prefixes ignoring case) and it records this fingerprint.
 */
function isBuildOf(found: Found, prefix: string, fingerprint: string): boolean {
  return found.key.startsWith(prefix) && found.manifest.fingerprint === fingerprint;
}

/**
 * Restores a wheels entry and verifies every wheel against the manifest's sha256; copies them to
 * the wheel directory, and names the wheels that were there already. Otherwise the problem, and
 * whether the entry itself is damaged.
 */
async function restoreWheels(
  deps: PipelineDeps,
  key: string,
  manifest: Manifest,
  wheelDir: string,
): Promise<
  | { wheels: readonly WheelOutput[]; others: readonly string[] }
  | { problem: string; damaged: boolean }
> {
  const entryDir = path.join(deps.stagingDir, "entry");
  await resetDir(entryDir);
  const restored = await deps.cache.restore({ dir: entryDir, key });
  if (restored.status === "unavailable") return { problem: restored.warning, damaged: false };
  if (restored.status !== "hit" || restored.matchedKey !== key) {
    const problem = `the wheels entry ${key} is gone (evicted) though its manifest is there`;
    return { problem, damaged: false };
  }
  const problem = await verifyEntry(entryDir, manifest);
  if (problem) return { problem, damaged: true };
  const there = await snapshotWheels(wheelDir);
  const paths = await installWheels(entryDir, manifest, wheelDir);
  const names = new Set((manifest.wheels ?? []).map((w) => w.name));
  return {
    wheels: (manifest.wheels ?? []).map((w, i) => ({ ...w, path: paths[i]! })),
    others: [...there.keys()].filter((name) => !names.has(name)).sort(),
  };
}

function hitResult(
  base: Base,
  restored: Extract<Restored, { kind: "hit" }>,
  fingerprintWarnings: readonly string[],
): Facts {
  const { kind: _kind, warnings, ...facts } = restored;
  const observed = restored.manifest.observed;
  return {
    ...base,
    ...facts,
    changed: [],
    buildSeconds: restored.manifest.build?.seconds,
    save: {
      status: "skipped",
      why: { kind: restored.verdict === "hit" ? "restored" : "not-built" },
    },
    warnings: [...fingerprintWarnings, ...warnings],
    buildChanges: [],
    observedChanges: [],
    validation: observed?.how ?? "none",
    tracedOn: observed?.tracedOn,
    rejectedWheels: [],
  };
}

/** The newest previous manifest of this slot, and the keys that changed since. */
async function lookUpPrevious(
  deps: PipelineDeps,
  keys: EntryKeys,
  current: Manifest,
): Promise<{ previous?: Found; changed: KeyChange[]; warnings: string[] }> {
  const manifestDir = path.join(deps.stagingDir, "manifest");
  const lookup = await restoreManifest(deps, manifestDir, `${keys.slotManifests}~newest`, [
    keys.slotManifests,
  ]);
  const warnings = lookup.warning ? [lookup.warning] : [];
  // A server that matches prefixes ignoring case can answer with another slot's manifest.
  const previous = lookup.found?.key.startsWith(keys.slotManifests) ? lookup.found : undefined;
  const changed = previous ? diffManifests(previous.manifest, current) : [];
  return { previous, changed, warnings };
}

/** Removes a damaged entry's keys where the backend can, so this run's save replaces them. */
async function discardDamaged(
  cache: CacheBackend,
  keys: readonly string[],
  problem: string,
): Promise<string[]> {
  const warnings = [`${problem}: rebuilding`];
  if (!cache.discard) return warnings;
  for (const key of keys) {
    try {
      await cache.discard(key);
    } catch (error) {
      warnings.push(`the damaged cache entry ${key} could not be removed: ${errorMessage(error)}`);
    }
  }
  return warnings;
}
