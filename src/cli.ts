#!/usr/bin/env node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultCacheDir } from "./cache/cache-dir.js";
import { LocalCache } from "./cache/local.js";
import { listBuilds, pruneBuilds } from "./cache/local-builds.js";
import { readReport } from "./commands/results.js";
import { type CliRequest, readCliConfig } from "./config/cli.js";
import type { Config } from "./config/index.js";
import { BuildFailure, errorMessage, formatError, UserError } from "./errors.js";
import { runPipeline } from "./pipeline/index.js";
import { describeKeys } from "./pipeline/keys.js";
import { cacheListJson, pruneJson, pruneText, renderCacheList } from "./report/cache-text.js";
import { escapeLine } from "./report/escape.js";
import { keysJson, renderKeysText } from "./report/keys-text.js";
import { renderMatrixText } from "./report/matrix-render.js";
import { progressLines } from "./report/reason.js";
import { resultFileOf, writeResultFile } from "./report/result-file.js";
import { diffReasonOf, renderDiff, renderTerminal, resultJson } from "./report/terminal.js";
import { VERSION } from "./shared/version.js";

/** The CLI's exit statuses (the README's table; `wheel-cache --help` lists them too). */
const EXIT = {
  ok: 0,
  /** `diff --exit-code`: the next build would rebuild. */
  wouldRebuild: 1,
  /** A usage or input error: one line names the cause. */
  user: 2,
  /** The build command failed, was killed or wrote no wheel. */
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
      return request.config.command === "keys" ? keys(request.config) : pipeline(request);
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
      progress: (event) => {
        for (const line of progressLines(event)) {
          process.stderr.write(`wheel-cache: ${escapeLine(line)}\n`);
        }
      },
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
    if (config.json) {
      process.stdout.write(
        `${JSON.stringify(keysJson(fingerprint, keys, report.warnings, unkeyed))}\n`,
      );
    } else process.stdout.write(renderKeysText(fingerprint, keys, report.warnings, unkeyed));
    return EXIT.ok;
  });
}

/** Runs `work` with a temporary directory of the run's own, removed afterwards. */
async function withStaging<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const stagingDir = await mkdtemp(path.join(os.tmpdir(), "wheel-cache-"));
  try {
    return await work(stagingDir);
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}

function localCache(config: Pick<Config, "cacheDir" | "env">): LocalCache {
  return new LocalCache(config.cacheDir ?? defaultCacheDir(config.env, process.platform));
}

function warn(message: string): void {
  process.stderr.write(`wheel-cache: warning: ${escapeLine(message)}\n`);
}

/** The exit status of an error: a build failure, another user error, or a bug. */
function exitStatusOf(error: unknown): number {
  if (error instanceof BuildFailure) return EXIT.build;
  if (error instanceof UserError) return EXIT.user;
  return EXIT.internal;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A user error is one line, whatever file names it holds; a bug keeps its stack's lines.
    const message =
      error instanceof UserError
        ? escapeLine(formatError(error))
        : `internal error: ${formatError(error)}`;
    process.stderr.write(`wheel-cache: ${message}\n`);
    process.exitCode = exitStatusOf(error);
  },
);
