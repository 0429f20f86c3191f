import { chooseBuildCommand } from "./build-command.js";
import type { Config } from "./config/index.js";
import { type Fingerprint, fingerprintProject } from "./fingerprint/index.js";
import { defaultPython } from "./which.js";

/** Fingerprints the configured project; `exclude` adds directories of the run's own. */
export function fingerprintConfig(
  config: Config,
  exclude: readonly string[] = [],
): Promise<Fingerprint> {
  const python = config.python ?? defaultPython(config.env);
  return fingerprintProject({
    projectDir: config.projectDir,
    projectDisplay: config.projectDisplay,
    exclude: [config.wheelDir, ...exclude],
    includeIgnored: config.includeIgnored,
    extraKeys: config.extraKeys,
    envVars: config.envVars,
    python,
    buildCommand: (project) =>
      chooseBuildCommand(
        config.buildCommand,
        project.backend,
        python,
        project.dir,
        config.wheelDir,
        config.env,
      ),
    env: config.env,
  });
}
