import { type EntryKeys, entryKeys } from "../cache/entry-key.js";
import type { Config } from "../config/index.js";
import { platformId } from "../keys/implicit.js";
import type { Prepared } from "./fingerprint.js";

/** The entry keys of a run's slot: project, platform, Python, suffix and fingerprint. */
export function slotKeys(config: Config, { fp }: Prepared): EntryKeys {
  const slot = {
    prefix: config.keyPrefix,
    name: fp.name,
    projectDir: fp.manifest.project,
    platform: platformId(),
    // A builder elsewhere builds for Pythons the host's says nothing about.
    python: config.builder.kind === "host" ? (fp.python?.tag ?? "python") : config.builder.kind,
    suffix: config.keySuffix,
  };
  return entryKeys(slot, fp.manifest.fingerprint);
}
