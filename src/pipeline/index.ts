import path from "node:path";
import { withBreaker } from "../cache/breaker.js";
import { installWheels, readEntryManifest, resetDir, verifyEntry } from "../cache/entry.js";
import { type EntryKeys, entryKeys } from "../cache/entry-key.js";
import { restoreManifest, type SaveOutcome } from "../cache/store.js";
import type { CacheBackend } from "../cache/types.js";
import type { Config } from "../config/index.js";
import { errorMessage } from "../errors.js";
import { diffManifests, type KeyChange } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";
import { platformId } from "../keys/implicit.js";
import { buildWheels } from "./build-step.js";
import { type Prepared, prepare } from "./fingerprint.js";
import type { Progress, RunResult, WheelOutput } from "./result.js";

export interface PipelineDeps {
  readonly cache: CacheBackend;
  /** A directory of the pipeline's own (entries are staged and restored there). */
  readonly stagingDir: string;
  /** Told what the run does while it goes (before the build's own output). */
  readonly progress: (event: Progress) => void;
}

/** The facts every outcome shares. */
type Base = Pick<
  RunResult,
  "cache" | "cacheKey" | "wheelDir" | "buildCommand" | "keysFrom" | "backend" | "manifest"
>;

/**
 * The whole loop: fingerprint, then restore and verify (a hit ends there), look up the previous
 * build (a lookup-only run ends there), build and save.
 */
export async function runPipeline(config: Config, given: PipelineDeps): Promise<RunResult> {
  const deps = { ...given, cache: withBreaker(given.cache) };
  const prepared = await prepare(config, [deps.stagingDir]);
  const { fp, command } = prepared;
  const keys = slotKeys(config, prepared);
  const base: Base = {
    cache: deps.cache.kind,
    cacheKey: keys.wheels,
    wheelDir: config.wheelDir,
    buildCommand: command,
    keysFrom: fp.keysFrom,
    backend: fp.request.project.backend.name,
    manifest: fp.manifest,
  };
  deps.progress({
    kind: "fingerprint",
    fingerprint: fp.manifest.fingerprint,
    cacheKey: keys.wheels,
    cache: deps.cache.kind,
  });
  const restored = await restoreAndVerify(deps, keys, fp.manifest, config);
  if (restored.kind === "hit") return hitResult(base, restored, fp.warnings);
  const warnings = [...fp.warnings, ...restored.warnings];
  const lookup = await lookUpPrevious(deps, keys, fp.manifest);
  warnings.push(...lookup.warnings);
  const missed = { ...base, ...lookup, verifyProblem: restored.problem, buildChanges: [] };
  if (config.lookupOnly) {
    const save: SaveOutcome = { status: "skipped", why: { kind: "not-built" } };
    return { ...missed, verdict: "lookup-miss", wheels: [], save, warnings };
  }
  deps.progress({
    kind: "build",
    previous: lookup.previous?.manifest,
    changed: lookup.changed,
    verifyProblem: restored.problem,
    argv: command.argv,
  });
  const built = await buildWheels(deps, config, prepared, keys);
  warnings.push(...built.warnings);
  return { ...missed, ...built, verdict: "built", warnings };
}

/** The entry keys of this run's slot: project, platform, Python, suffix and fingerprint. */
function slotKeys(config: Config, { fp }: Prepared): EntryKeys {
  const slot = {
    prefix: config.keyPrefix,
    name: fp.name,
    projectDir: fp.manifest.project,
    platform: platformId(),
    python: fp.python?.tag ?? "python",
    suffix: config.keySuffix,
  };
  return entryKeys(slot, fp.manifest.fingerprint);
}

type Restored =
  | {
      readonly kind: "hit";
      readonly verdict: "hit" | "lookup-hit";
      readonly manifest: Manifest;
      readonly previous?: { readonly key: string; readonly manifest: Manifest };
      readonly wheels: readonly WheelOutput[];
      readonly warnings: readonly string[];
    }
  | {
      readonly kind: "miss";
      /** Why a restored entry was rejected (then it was discarded where the cache can). */
      readonly problem?: string;
      readonly warnings: readonly string[];
    };

/**
 * Restores the wheels entry of this exact fingerprint and verifies every wheel against the
 * manifest's sha256. A lookup-only run restores nothing but the small manifest entry.
 */
async function restoreAndVerify(
  deps: PipelineDeps,
  keys: EntryKeys,
  current: Manifest,
  config: Config,
): Promise<Restored> {
  const entryDir = path.join(deps.stagingDir, "entry");
  await resetDir(entryDir);
  const restored = await deps.cache.restore({
    dir: entryDir,
    key: keys.wheels,
    lookupOnly: config.lookupOnly,
  });
  const warnings = restored.status === "unavailable" ? [restored.warning] : [];
  if (restored.status !== "hit" || restored.matchedKey !== keys.wheels) {
    return { kind: "miss", warnings };
  }
  if (config.lookupOnly) {
    const manifestDir = path.join(deps.stagingDir, "manifest");
    const lookup = await restoreManifest(deps, manifestDir, keys.manifest, []);
    if (lookup.warning) warnings.push(lookup.warning);
    const manifest = lookup.found?.manifest ?? current;
    return {
      kind: "hit",
      verdict: "lookup-hit",
      manifest,
      previous: lookup.found,
      wheels: [],
      warnings,
    };
  }
  const cached = await readEntryManifest(entryDir);
  const problem = await verifyEntry(entryDir, cached, current.fingerprint);
  if (!problem && cached) {
    const paths = await installWheels(entryDir, cached, config.wheelDir);
    const wheels = (cached.wheels ?? []).map((w, i) => ({ ...w, path: paths[i]! }));
    return { kind: "hit", verdict: "hit", manifest: cached, wheels, warnings };
  }
  warnings.push(`${problem}: rebuilding`);
  const discarded = await discardDamaged(deps.cache, keys.wheels);
  return { kind: "miss", problem, warnings: discarded ? [...warnings, discarded] : warnings };
}

function hitResult(
  base: Base,
  restored: Extract<Restored, { kind: "hit" }>,
  fingerprintWarnings: readonly string[],
): RunResult {
  const { kind: _kind, warnings, ...facts } = restored;
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
  };
}

/** The newest previous manifest of this slot, and the keys that changed since. */
async function lookUpPrevious(
  deps: PipelineDeps,
  keys: EntryKeys,
  current: Manifest,
): Promise<{
  previous?: { key: string; manifest: Manifest };
  changed: KeyChange[];
  warnings: string[];
}> {
  const manifestDir = path.join(deps.stagingDir, "manifest");
  const lookup = await restoreManifest(deps, manifestDir, `${keys.manifestPrefix}~none`, [
    keys.manifestPrefix,
  ]);
  const changed = lookup.found ? diffManifests(lookup.found.manifest, current) : [];
  return { previous: lookup.found, changed, warnings: lookup.warning ? [lookup.warning] : [] };
}

/** Removes a damaged entry where the backend can, so this run's save replaces it. */
async function discardDamaged(cache: CacheBackend, key: string): Promise<string | undefined> {
  if (!cache.discard) return undefined;
  try {
    await cache.discard(key);
    return undefined;
  } catch (error) {
    return `the damaged cache entry ${key} could not be removed: ${errorMessage(error)}`;
  }
}
