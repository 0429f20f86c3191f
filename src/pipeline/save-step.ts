import { readdir } from "node:fs/promises";
import path from "node:path";
import { wheelRecord } from "../build/run.js";
import { saveEntries } from "../cache/store.js";
import type { Config } from "../config/index.js";
import { UserError } from "../errors.js";
import type { Manifest } from "../fingerprint/manifest.js";
import { unkeyedFiles } from "../fingerprint/observed.js";
import { borrow, saveWarnings } from "./build-step.js";
import { prepare } from "./fingerprint.js";
import type { PipelineDeps } from "./index.js";
import type { RunResult } from "./result.js";
import { legOf, slotKeys } from "./slot.js";

/**
 * The save step: another step built the wheels (a builder in a container, cibuildwheel), under
 * the key the restore step gave. The fingerprint is taken again; only when it still yields that
 * key are the wheels in the wheel directory saved with their manifest (otherwise the inputs
 * changed while they were built, and the wheels may not match). No tracer saw that build, so
 * the repository files a traced build of the project read elsewhere are recorded with them.
 */
export async function saveBuilt(
  config: Config,
  deps: PipelineDeps,
  cacheKey: string,
): Promise<Omit<RunResult, "startedAt" | "seconds">> {
  const prepared = await prepare(config, [deps.stagingDir]);
  const { fp, command } = prepared;
  const keys = slotKeys(config, prepared);
  const names = (await wheelFiles(config.wheelDir)).sort();
  if (names.length === 0) {
    throw new UserError(`no wheel to save in ${config.wheelDir}: the build step wrote none there`);
  }
  const paths = names.map((name) => path.join(config.wheelDir, name));
  const records = await Promise.all(paths.map(wheelRecord));
  const borrowed = await borrow(deps, keys, fp);
  const observed = borrowed?.observed;
  const manifest: Manifest = {
    ...fp.manifest,
    wheels: records,
    createdAt: new Date().toISOString(),
    wheelsKey: cacheKey,
    observed,
  };
  const same = cacheKey.startsWith(keys.wheelsPrefix);
  const variant = cacheKey.slice(keys.wheelsPrefix.length);
  const save = !config.save
    ? ({
        status: "skipped",
        why: config.saveOff ?? { kind: "input", flag: "input save: false" },
      } as const)
    : !same
      ? ({ status: "skipped", why: { kind: "fingerprint-moved", cacheKey } } as const)
      : await saveEntries(
          deps,
          { wheels: cacheKey, manifest: keys.manifest(variant) },
          manifest,
          paths,
        );
  const warnings = [...fp.warnings, ...saveWarnings(save)];
  return {
    verdict: "saved",
    leg: legOf(config, prepared),
    cache: deps.cache.kind,
    cacheKey,
    manifest,
    changed: [],
    wheels: records.map((r, i) => ({ ...r, path: paths[i]! })),
    wheelDir: config.wheelDir,
    buildCommand: command,
    save,
    warnings,
    keysFrom: fp.keysFrom,
    backend: fp.request.project.backend.name,
    buildChanges: [],
    observedChanges: [],
    // Another step's builder (cibuildwheel) may write wheels for many Pythons and platforms.
    otherWheels: [],
    rejectedWheels: [],
    validation: observed?.how ?? "none",
    tracedOn: observed?.tracedOn,
    unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
  };
}

async function wheelFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".whl"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
