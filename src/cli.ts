#!/usr/bin/env node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultCacheDir } from "./cache/cache-dir.js";
import { LocalCache } from "./cache/local.js";
import { listBuilds, pruneBuilds } from "./cache/local-builds.js";
import { check } from "./commands/check.js";
import { readReport } from "./commands/results.js";
import { type CommandOutput, uvKeys } from "./commands/uv-keys.js";
import { type CliRequest, readCliConfig } from "./config/cli.js";
import type { Config } from "./config/index.js";
import { errorMessage, formatError, UserError } from "./errors.js";
import { type PipelineDeps, runPipeline } from "./pipeline/index.js";
import { describeKeys } from "./pipeline/keys.js";
import type { Progress } from "./pipeline/result.js";
import { cacheListJson, pruneJson, pruneText, renderCacheList } from "./report/cache-text.js";
import { escapeLine } from "./report/escape.js";
import { keysJson, renderKeysText } from "./report/keys-text.js";
import { renderMatrixText } from "./report/matrix-render.js";
import { progressLines } from "./report/reason.js";
import { resultFileOf, writeResultFile } from "./report/result-file.js";
import { diffReasonOf, renderDiff, renderTerminal, resultJson } from "./report/terminal.js";
import { uvGapWarning } from "./report/uv-gap.js";
import { handleInterrupts, Interrupted, trackDir } from "./shared/interrupt.js";
import { describeFsError } from "./shared/read.js";
import { VERSION } from "./shared/version.js";

/** The CLI's exit statuses (the README's table; `wheel-cache --help` lists them too). */
const EXIT = {
  ok: 0,
  /** `diff --exit-code`: the next build would rebuild; `check`: the list leaves an input out. */
  wouldRebuild: 1,
  /** A usage or input error: one line names the cause. */
  user: 2,
  /** The build command failed, was killed, ran out of time or wrote no wheel. */
  build: 3,
  /** A bug in wheel-cache: the stack trace follows. */
  internal: 4,
} as const;

/** Runs one CLI command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const request = readCliConfig(argv, process.env, process.cwd());
  switch (request.kind) {
    case "help":
      (request.usage ? process.stderr : process.stdout).write(`${request.text}\n`);
      return request.usage ? EXIT.user : EXIT.ok;
    case "version":
      process.stdout.write(`wheel-cache ${VERSION}\n`);
      return EXIT.ok;
    case "pipeline":
      if (request.config.command === "keys") return keys(request.config);
      if (request.config.command === "uv-keys") return command(request.config, uvKeys);
      if (request.config.command === "check") return command(request.config, check);
      return pipeline(request);
    case "report":
      return report(request);
    case "cache-ls":
      return cacheList(request);
    case "cache-prune":
      return cachePrune(request);
  }
}

/** `cache ls`: the local cache's builds, least recently used first. */
async function cacheList(request: Extract<CliRequest, { kind: "cache-ls" }>): Promise<number> {
  const cache = localCache(request);
  const builds = await listBuilds(cache);
  if (request.json) {
    process.stdout.write(`${JSON.stringify(cacheListJson(cache.cacheDir, builds))}\n`);
  } else process.stdout.write(renderCacheList(cache.cacheDir, builds, Date.now()));
  return EXIT.ok;
}

/** `cache prune`: removes the builds over the limits, least recently used first. */
async function cachePrune(request: Extract<CliRequest, { kind: "cache-prune" }>): Promise<number> {
  const cache = localCache(request);
  const limits = { maxBytes: request.maxBytes, maxAgeDays: request.maxAgeDays };
  const outcome = await pruneBuilds(cache, limits);
  if (request.json) {
    process.stdout.write(`${JSON.stringify(pruneJson(cache.cacheDir, outcome))}\n`);
  } else {
    const lines = pruneText(outcome, limits).map((line) => `wheel-cache cache prune: ${line}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return EXIT.ok;
}

/** `report`: one summary over the result files of many runs. */
async function report(request: Extract<CliRequest, { kind: "report" }>): Promise<number> {
  const matrix = await readReport(request.paths, process.cwd());
  if (request.json) process.stdout.write(`${JSON.stringify(matrix)}\n`);
  else process.stdout.write(renderMatrixText(matrix));
  return EXIT.ok;
}

/** `build` and `diff`: the pipeline with the local cache. */
async function pipeline(request: Extract<CliRequest, { kind: "pipeline" }>): Promise<number> {
  const { config } = request;
  return withStaging(async (stagingDir) => {
    const cache = localCache(config);
    const result = await runPipeline(config, {
      cache,
      stagingDir,
      progress,
    });
    const diff = config.command === "diff";
    const reason = diff ? diffReasonOf(result) : undefined;
    const written = await writeResultFile(config, resultFileOf(result, reason));
    if (written.problem) warn(written.problem);
    if (request.maxCacheBytes !== undefined && result.save.status === "saved") {
      await keepUnder(cache, request.maxCacheBytes);
    }
    if (config.json) process.stdout.write(`${JSON.stringify(resultJson(result, reason))}\n`);
    else process.stdout.write(diff ? renderDiff(result) : renderTerminal(result));
    // A failed build still printed its result (what changed, how it ended); it fails the command.
    if (result.failure) {
      process.stderr.write(`wheel-cache: ${escapeLine(result.failure.message)}\n`);
      return EXIT.build;
    }
    return request.exitCode && result.verdict === "lookup-miss" ? EXIT.wouldRebuild : EXIT.ok;
  });
}

/**
 * The size limit after a save (`--max-cache-size`, `WHEEL_CACHE_MAX_SIZE`): prunes the least
 * recently used builds. A prune that fails is a warning; the build it follows succeeded.
 */
async function keepUnder(cache: LocalCache, maxBytes: number): Promise<void> {
  try {
    const outcome = await pruneBuilds(cache, { maxBytes });
    if (outcome.removed.length > 0 || outcome.inUse.length > 0) {
      for (const line of pruneText(outcome, { maxBytes })) {
        process.stderr.write(`wheel-cache: cache size limit: ${line}\n`);
      }
    }
  } catch (error) {
    warn(`the local cache was not pruned to its size limit: ${errorMessage(error)}`);
  }
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
    return EXIT.ok;
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

function localCache(config: Pick<Config, "cacheDir" | "env">): LocalCache {
  return new LocalCache(config.cacheDir ?? defaultCacheDir(config.env, process.platform));
}

function warn(message: string): void {
  process.stderr.write(`wheel-cache: warning: ${escapeLine(message)}\n`);
}

/** The exit status of an error: a user error, or a bug. */
function exitStatusOf(error: unknown): number {
  return error instanceof UserError ? EXIT.user : EXIT.internal;
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
    // A user error is one line, whatever file names it holds; a bug keeps its stack's lines.
    const message =
      error instanceof UserError
        ? escapeLine(formatError(error))
        : `internal error: ${formatError(error)}`;
    process.stderr.write(`wheel-cache: ${message}\n`);
    process.exitCode = exitStatusOf(error);
  },
);
