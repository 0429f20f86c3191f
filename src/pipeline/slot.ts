import { type EntryKeys, entryKeys } from "../cache/entry-key.js";
import type { Config } from "../config/index.js";
import { platformId } from "../keys/implicit.js";
import type { Prepared } from "./fingerprint.js";
import type { Leg } from "./result.js";

/** The entry keys of a run's slot: project, platform, Python, suffix and fingerprint. */
export function slotKeys(config: Config, prepared: Prepared): EntryKeys {
  const leg = legOf(config, prepared);
  const slot = {
    prefix: config.keyPrefix,
    name: leg.project,
    projectDir: leg.projectDir,
    platform: leg.platform,
    python: leg.python,
    suffix: leg.keySuffix,
  };
  return entryKeys(slot, prepared.fp.manifest.fingerprint);
}

/** The leg a run belongs to: what its slot is made of. */
export function legOf(config: Config, { fp }: Prepared): Leg {
  return {
    project: fp.name,
    projectDir: fp.manifest.project,
    platform: platformId(),
    // A builder elsewhere builds for Pythons the host's says nothing about.
    python: config.builder.kind === "host" ? (fp.python?.tag ?? "python") : config.builder.kind,
    pythonVersion: fp.python?.version,
    keySuffix: config.keySuffix,
  };
}
