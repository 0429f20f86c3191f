#!/usr/bin/env node
import { chooseBuildCommand } from "./build-command.js";
import { readCliConfig, USAGE } from "./config/cli.js";
import type { Config } from "./config/index.js";
import { formatError } from "./errors.js";
import { fingerprintProject } from "./fingerprint/index.js";
import { keysJson, renderKeysText } from "./report/keys-text.js";
import { defaultPython } from "./which.js";

/** Runs one CLI command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = readCliConfig(argv, process.env, process.cwd());
  if (!config) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  switch (config.command) {
    case "keys":
      return keys(config);
    default:
      throw new Error(`${config.command}: not implemented`);
  }
}

async function keys(config: Config): Promise<number> {
  const python = config.python ?? defaultPython(config.env);
  const fp = await fingerprintProject({
    projectDir: config.projectDir,
    projectDisplay: config.projectDisplay,
    exclude: [config.wheelDir],
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
  const { fingerprint, keys } = fp.manifest;
  if (config.json)
    process.stdout.write(`${JSON.stringify(keysJson(fingerprint, keys, fp.warnings))}\n`);
  else process.stdout.write(renderKeysText(fingerprint, keys, fp.warnings));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wheel-cache: ${formatError(error)}\n`);
    process.exitCode = 1;
  },
);
