import { type BuildCommand, chooseBuildCommand } from "../build/command.js";
import { buildScriptEntries } from "../build/script.js";
import type { Config } from "../config/index.js";
import type { ParsedUvEntry } from "../config/uv-entries.js";
import { locateProject } from "../files/listing.js";
import { collectKeys, type Fingerprint, sealFingerprint } from "../fingerprint/index.js";
import { probePython } from "../keys/implicit.js";
import { buildRequirementsKey } from "../keys/requirements.js";
import { loadProject } from "../project/model.js";
import { lookup, stringList, type TomlTable } from "../shared/toml.js";
import { defaultPython } from "../shared/which.js";

/** cibuildwheel's own configuration file, when cibuildwheel builds (`[tool.cibuildwheel]` is in pyproject.toml's key). */
const CIBUILDWHEEL_CONFIG: ParsedUvEntry = {
  entry: { kind: "file", pattern: "cibuildwheel.toml" },
  origin: "cibuildwheel's configuration",
};

/** A run's fingerprint and the build command it keys. */
export interface Prepared {
  readonly fp: Fingerprint;
  readonly command: BuildCommand;
}

/**
 * Fingerprints the configured project: finds its repository, reads it, collects its keys, then
 * chooses the build command (from what the probes found) and seals it into the fingerprint.
 * `exclude` adds directories of the run's own. `requirements: false` leaves out the versions of the
 * build requirements (a resolver's round trip), for commands that only list files to uv.
 */
export async function prepare(
  config: Config,
  exclude: readonly string[] = [],
  { requirements: resolveRequirements = true } = {},
): Promise<Prepared> {
  const python = config.python ?? defaultPython(config.env, config.platform);
  const location = await locateProject(config.projectDir, config.projectDisplay);
  const project = await loadProject(location, config.projectDisplay);
  const pythonInfo = probePython(python, config.env, project.dir, project.backend.requires);
  // The command and the versions of its build requirements are found while the tree is listed
  // and hashed: resolving them may take a round trip to the package index.
  const chosen = pythonInfo.then(async (info) => {
    const command = chooseBuildCommand(
      config.buildCommand,
      project.backend,
      python,
      info,
      project.dir,
      config.wheelDir,
      config.env,
    );
    if (!resolveRequirements) return { command, requirements: undefined };
    const requirements = await buildRequirementsKey({
      requires: buildRequires(project.pyproject.data),
      argv: command.argv,
      python,
      installed: info?.versions ?? {},
      env: config.env,
      cwd: project.dir,
    });
    return { command, requirements };
  });
  // Awaited below; a failure before then must not surface as an unhandled rejection.
  chosen.catch(() => undefined);
  const inputs = await collectKeys({
    location,
    project,
    exclude: [config.wheelDir, ...exclude],
    includeIgnored: config.includeIgnored,
    extraKeys: [
      ...config.extraKeys,
      ...(config.builder.kind === "cibuildwheel" ? [CIBUILDWHEEL_CONFIG] : []),
      ...(config.buildCommand
        ? buildScriptEntries(config.buildCommand, location.projectDir, location.root)
        : []),
    ],
    envVars: config.envVars,
    builder: config.builder,
    python,
    pythonInfo,
    env: config.env,
    platform: config.platform,
  });
  const { command, requirements } = await chosen;
  const fp = sealFingerprint(inputs, command.keyed, requirements ? [requirements.key] : []);
  const warnings = requirements?.warning ? [...fp.warnings, requirements.warning] : fp.warnings;
  return { fp: { ...fp, warnings }, command };
}

/** `build-system.requires` as written; PEP 517's default for a project that has none. */
function buildRequires(pyproject: TomlTable): string[] {
  const requires = lookup(pyproject, "build-system", "requires");
  return requires === undefined ? ["setuptools>=40.8.0"] : stringList(requires);
}
