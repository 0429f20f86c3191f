import path from "node:path";
import { runBuild, snapshotWheels, wheelRecord } from "./build.js";
import { withBreaker } from "./cache/breaker.js";
import type { CacheBackend } from "./cache/types.js";
import { cacheKeys } from "./cache-key.js";
import type { Config } from "./config/index.js";
import { installWheels, readEntryManifest, resetDir, verifyEntry } from "./entry.js";
import { errorMessage } from "./errors.js";
import { diffManifests, type KeyChange } from "./fingerprint/diff.js";
import type { Fingerprint } from "./fingerprint/index.js";
import type { Manifest } from "./fingerprint/manifest.js";
import { fingerprintConfig } from "./fingerprint-config.js";
import { platformId } from "./keys/implicit.js";
import { adviceFor, changedDuringBuild, mutationAdvice } from "./report/advice.js";
import { describeChanges, explain } from "./report/reason.js";
import type { RunResult, SaveOutcome, WheelOutput } from "./result.js";
import { restoreManifest, saveEntries } from "./store.js";

export interface PipelineDeps {
  readonly cache: CacheBackend;
  /** A directory of the pipeline's own (entries are staged and restored there). */
  readonly stagingDir: string;
  /** Progress lines shown while the run goes (before the build's own output). */
  readonly progress: (line: string) => void;
}

/** The whole loop: fingerprint → restore → verify (hit) or build → save (miss) → result. */
export async function runPipeline(config: Config, given: PipelineDeps): Promise<RunResult> {
  const deps = { ...given, cache: withBreaker(given.cache) };
  const fingerprint = () => fingerprintConfig(config, [deps.stagingDir]);
  const fp = await fingerprint();
  const current = fp.manifest;
  const keys = cacheKeys(
    {
      prefix: config.keyPrefix,
      name: fp.name,
      projectDir: current.project,
      platform: platformId(),
      python: fp.python?.tag ?? "python",
      suffix: config.keySuffix,
    },
    current.fingerprint,
  );
  const warnings = [...fp.warnings];
  const base = {
    cache: deps.cache.kind,
    cacheKey: keys.wheels,
    wheelDir: config.wheelDir,
    buildCommand: fp.buildCommand,
  };
  deps.progress(`fingerprint ${current.fingerprint}`);
  deps.progress(`looking up ${keys.wheels} in the ${deps.cache.kind} cache`);
  const entryDir = path.join(deps.stagingDir, "entry");
  const manifestDir = path.join(deps.stagingDir, "manifest");
  await resetDir(entryDir);
  const restored = await deps.cache.restore({
    dir: entryDir,
    key: keys.wheels,
    lookupOnly: config.lookupOnly,
  });
  if (restored.status === "unavailable") warnings.push(restored.warning);
  let verifyProblem: string | undefined;
  if (restored.status === "hit" && restored.matchedKey === keys.wheels) {
    if (config.lookupOnly) {
      const cached = await restoreManifest(deps, manifestDir, keys.manifest, [], warnings);
      const manifest = cached?.manifest ?? current;
      return finish(
        {
          ...base,
          verdict: "lookup-hit",
          manifest,
          previous: cached,
          changed: [],
          wheels: [],
          buildSeconds: manifest.build?.seconds,
        },
        fp,
        warnings,
      );
    }
    const cached = await readEntryManifest(entryDir);
    verifyProblem = await verifyEntry(entryDir, cached, current.fingerprint);
    if (!verifyProblem && cached) {
      const paths = await installWheels(entryDir, cached, config.wheelDir);
      const wheels = cached.wheels!.map((w, i) => ({ ...w, path: paths[i]! }));
      return finish(
        {
          ...base,
          verdict: "hit",
          manifest: cached,
          changed: [],
          wheels,
          buildSeconds: cached.build?.seconds,
        },
        fp,
        warnings,
      );
    }
    warnings.push(`${verifyProblem}: rebuilding`);
    await discardDamaged(deps.cache, keys.wheels, warnings);
  }
  const previous = await restoreManifest(
    deps,
    manifestDir,
    `${keys.manifestPrefix}~none`,
    [keys.manifestPrefix],
    warnings,
  );
  const changed = previous ? diffManifests(previous.manifest, current) : [];
  if (config.lookupOnly) {
    return finish(
      { ...base, verdict: "lookup-miss", manifest: current, previous, changed, wheels: [] },
      fp,
      warnings,
    );
  }
  deps.progress(`cache miss: ${missLine(previous?.manifest, changed)}`);
  deps.progress(`building with: ${fp.buildCommand.argv.join(" ")}`);
  const before = await snapshotWheels(config.wheelDir);
  const started = Date.now();
  const produced = await runBuild(
    fp.buildCommand.argv,
    fp.project.dir,
    config.env,
    config.wheelDir,
    before,
  );
  const seconds = (Date.now() - started) / 1000;
  const paths = produced.map((name) => path.join(config.wheelDir, name));
  const records = await Promise.all(paths.map(wheelRecord));
  const wheels: WheelOutput[] = records.map((r, i) => ({ ...r, path: paths[i]! }));
  const after = await fingerprint();
  const advice = mutationAdvice(current, after.manifest);
  const manifest: Manifest = {
    ...current,
    wheels: records,
    build: { seconds, command: fp.buildCommand.keyed },
    createdAt: new Date().toISOString(),
  };
  const unsafe = changedDuringBuild(current, after.manifest);
  const save = !config.save
    ? skipped(config.saveNote)
    : unsafe
      ? skipped(unsafe)
      : await saveEntries(deps, keys, manifest, paths);
  if (unsafe) warnings.push(unsafe);
  else if (save.status === "failed") warnings.push(save.note);
  return finish(
    {
      ...base,
      verdict: "built",
      manifest,
      previous,
      changed,
      wheels,
      buildSeconds: seconds,
      save,
      extraAdvice: advice,
      verifyProblem,
    },
    fp,
    warnings,
  );
}

type Draft = Omit<RunResult, "cacheHit" | "built" | "reason" | "save" | "warnings" | "advice"> & {
  save?: SaveOutcome;
  extraAdvice?: string[];
  verifyProblem?: string;
};

/** Why this run builds, in one line, shown before the build's own output. */
function missLine(previous: Manifest | undefined, changed: readonly KeyChange[]): string {
  if (!previous) return "no earlier build of this project on this platform and Python is cached";
  if (changed.length === 0) return "the cached wheels for this fingerprint are gone or damaged";
  return describeChanges(changed);
}

/** Removes a damaged entry where the backend can, so this run's save replaces it. */
async function discardDamaged(cache: CacheBackend, key: string, warnings: string[]): Promise<void> {
  if (!cache.discard) return;
  await cache.discard(key).catch((error: unknown) => {
    warnings.push(`the damaged cache entry ${key} could not be removed: ${errorMessage(error)}`);
  });
}

function finish(draft: Draft, fp: Fingerprint, warnings: string[]): RunResult {
  const { extraAdvice = [], verifyProblem, save, ...rest } = draft;
  const result: RunResult = {
    ...rest,
    cacheHit: draft.verdict === "hit" || draft.verdict === "lookup-hit",
    built: draft.verdict === "built",
    save: save ?? {
      status: "skipped",
      note: draft.verdict === "hit" ? "restored from the cache" : "nothing was built",
    },
    warnings: [...new Set(warnings)],
    advice: [...adviceFor(fp, !draft.verdict.endsWith("hit")), ...extraAdvice],
    reason: "",
  };
  return { ...result, reason: explain(result, verifyProblem) };
}

function skipped(note: string | undefined): SaveOutcome {
  return { status: "skipped", note: note ?? "saving is off" };
}
