#!/usr/bin/env node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultCacheDir } from "./cache/cache-dir.js";
import { LocalCache } from "./cache/local.js";
import { check } from "./commands/check.js";
import { type CommandOutput, uvKeys } from "./commands/uv-keys.js";
import { readCliConfig, USAGE } from "./config/cli.js";
import type { Config } from "./config/index.js";
import { formatError, UserError } from "./errors.js";
import { type PipelineDeps, runPipeline } from "./pipeline/index.js";
import { describeKeys } from "./pipeline/keys.js";
import type { Progress } from "./pipeline/result.js";
import { escapeLine } from "./report/escape.js";
import { keysJson, renderKeysText } from "./report/keys-text.js";
import { progressLines } from "./report/reason.js";
import { renderTerminal, resultJson } from "./report/terminal.js";
import { uvGapWarning } from "./report/uv-gap.js";
import { handleInterrupts, Interrupted, trackDir } from "./shared/interrupt.js";
import { describeFsError } from "./shared/read.js";

/** Runs one CLI command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = readCliConfig(argv, process.env, process.cwd());
  if (!config) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (config.command === "keys") return keys(config);
  if (config.command === "uv-keys") return command(config, uvKeys);
  if (config.command === "check") return command(config, check);
  return withStaging(async (stagingDir) => {
    const cache = localCache(config);
    const result = await runPipeline(
      config.command === "diff" ? { ...config, lookupOnly: true } : config,
      { cache, stagingDir, progress },
    );
    if (config.json) process.stdout.write(`${JSON.stringify(resultJson(result))}\n`);
    else process.stdout.write(renderTerminal(result));
    // A failed build still printed its result (what changed, how it ended); it fails the command.
    if (result.failure) {
      process.stderr.write(`wheel-cache: ${escapeLine(result.failure.message)}\n`);
      return 1;
    }
    return 0;
  });
}

async function keys(config: Config): Promise<number> {
  return withStaging(async (stagingDir) => {
    const report = await describeKeys(config, { cache: localCache(config), stagingDir });
    const { fingerprint, keys } = report.fp.manifest;
    const unkeyed = { files: report.unkeyed, tracedOn: report.tracedOn };
    const warnings = [...report.warnings, ...(report.uvGap ? [uvGapWarning(report.uvGap)] : [])];
    if (config.json) {
      process.stdout.write(`${JSON.stringify(keysJson(fingerprint, keys, warnings, unkeyed))}\n`);
    } else process.stdout.write(renderKeysText(fingerprint, keys, warnings, unkeyed));
    return 0;
  });
}

function progress(event: Progress): void {
  for (const line of progressLines(event)) {
    process.stderr.write(`wheel-cache: ${escapeLine(line)}\n`);
  }
}

/** Runs a command of commands/: its output on stdout, its notes on stderr. */
async function command(
  config: Config,
  run: (config: Config, deps: PipelineDeps) => Promise<CommandOutput>,
): Promise<number> {
  return withStaging(async (stagingDir) => {
    const output = await run(config, { cache: localCache(config), stagingDir, progress });
    process.stdout.write(output.out);
    for (const note of output.notes) process.stderr.write(`wheel-cache: ${escapeLine(note)}\n`);
    return output.code;
  });
}

/** Runs `work` with a temporary directory of the run's own, removed afterwards or on a signal. */
async function withStaging<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const stagingDir = await mkdtemp(path.join(os.tmpdir(), "wheel-cache-")).catch((error) => {
    throw new UserError(
      `cannot create a staging directory in ${os.tmpdir()}: ${describeFsError(error)}; set TMPDIR to a writable directory`,
    );
  });
  const untrack = trackDir(stagingDir);
  try {
    return await work(stagingDir);
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
    untrack();
  }
}

function localCache(config: Config): LocalCache {
  return new LocalCache(config.cacheDir ?? defaultCacheDir(config.env, process.platform));
}

// SIGINT, SIGTERM, SIGHUP: the build's process group is ended, the staging directory removed,
// and the exit status is 128 + the signal's number.
handleInterrupts(
  (line) => process.stderr.write(`wheel-cache: ${line}\n`),
  (status) => process.exit(status),
);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The interrupt handler says what happened and ends the process.
    if (error instanceof Interrupted) return;
    // A user error is one line whatever it names (a build command or a path with a line break).
    const shown = error instanceof UserError ? escapeLine(error.message) : formatError(error);
    process.stderr.write(`wheel-cache: ${shown}\n`);
    process.exitCode = 1;
  },
);
