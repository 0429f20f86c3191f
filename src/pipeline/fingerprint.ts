import { type BuildCommand, chooseBuildCommand } from "../build/command.js";
import type { Config } from "../config/index.js";
import { locateProject } from "../files/listing.js";
import { collectKeys, type Fingerprint, sealFingerprint } from "../fingerprint/index.js";
import { loadProject } from "../project/model.js";
import { defaultPython } from "../shared/which.js";

/** A run's fingerprint and the build command it keys. */
export interface Prepared {
  readonly fp: Fingerprint;
  readonly command: BuildCommand;
}

/**
 * Fingerprints the configured project: finds its repository, reads it, collects its keys, then
 * chooses the build command (from what the probes found) and seals it into the fingerprint.
 * `exclude` adds directories of the run's own.
 */
export async function prepare(config: Config, exclude: readonly string[] = []): Promise<Prepared> {
  const python = config.python ?? defaultPython(config.env);
  const location = await locateProject(config.projectDir, config.projectDisplay);
  const project = await loadProject(location, config.projectDisplay);
  const inputs = await collectKeys({
    location,
    project,
    exclude: [config.wheelDir, ...exclude],
    includeIgnored: config.includeIgnored,
    extraKeys: config.extraKeys,
    envVars: config.envVars,
    python,
    env: config.env,
  });
  const command = chooseBuildCommand(
    config.buildCommand,
    project.backend,
    python,
    inputs.python,
    project.dir,
    config.wheelDir,
    config.env,
  );
  return { fp: sealFingerprint(inputs, command.keyed), command };
}
