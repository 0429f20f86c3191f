import path from "node:path";
import { restoreManifest, type StoreDeps } from "../cache/store.js";
import type { Config } from "../config/index.js";
import type { Fingerprint } from "../fingerprint/index.js";
import { type ObservedSet, unkeyedFiles } from "../fingerprint/observed.js";
import { declaredGap, type UvGap } from "../fingerprint/uv-inputs.js";
import { type Prepared, prepare } from "./fingerprint.js";
import { slotKeys } from "./slot.js";

/** What `keys` shows: every key, and what the newest traced build read that no key covers. */
export interface KeysReport {
  readonly fp: Fingerprint;
  /** Files the newest recorded build of this slot read that no key covers. */
  readonly unkeyed: readonly string[];
  /** Where that build was traced, when one is known. */
  readonly tracedOn?: string;
  /** What that build read (its repository files, the programs it ran, ...), when one is known. */
  readonly observed?: ObservedSet;
  /** Inputs the project's own `cache-keys` leave out for uv, when it has some that do. */
  readonly uvGap?: UvGap;
  readonly warnings: readonly string[];
}

/**
 * Fingerprints the project and compares the keys with the newest recorded build's reads.
 * `requirements: false` skips resolving the build requirements' versions, which no uv entry can
 * express (the slot, which finds the newest build, does not depend on them).
 */
export async function describeKeys(
  config: Config,
  deps: StoreDeps,
  options: { requirements?: boolean } = {},
): Promise<KeysReport> {
  const prepared: Prepared = await prepare(config, [deps.stagingDir], options);
  const { fp } = prepared;
  const keys = slotKeys(config, prepared);
  const lookup = await restoreManifest(
    deps,
    path.join(deps.stagingDir, "manifest"),
    `${keys.slotManifests}~newest`,
    [keys.slotManifests],
  );
  const observed = lookup.found?.key.startsWith(keys.slotManifests)
    ? lookup.found.manifest.observed
    : undefined;
  return {
    fp,
    unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
    tracedOn: observed?.tracedOn,
    observed,
    uvGap: await declaredGap(fp, observed),
    warnings: [...fp.warnings, ...(lookup.warning ? [lookup.warning] : [])],
  };
}
