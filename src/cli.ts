#!/usr/bin/env node
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultCacheDir } from "./cache/cache-dir.js";
import { LocalCache } from "./cache/local.js";
import { readCliConfig, USAGE } from "./config/cli.js";
import type { Config } from "./config/index.js";
import { formatError } from "./errors.js";
import { runPipeline } from "./pipeline/index.js";
import { describeKeys } from "./pipeline/keys.js";
import { escapeLine } from "./report/escape.js";
import { keysJson, renderKeysText } from "./report/keys-text.js";
import { progressLines } from "./report/reason.js";
import { resultFileOf, writeResultFile } from "./report/result-file.js";
import { diffReasonOf, renderDiff, renderTerminal, resultJson } from "./report/terminal.js";

/** Runs one CLI command; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = readCliConfig(argv, process.env, process.cwd());
  if (!config) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (config.command === "keys") return keys(config);
  return withStaging(async (stagingDir) => {
    const cache = localCache(config);
    const result = await runPipeline(
      config.command === "diff" ? { ...config, lookupOnly: true } : config,
      {
        cache,
        stagingDir,
        progress: (event) => {
          for (const line of progressLines(event)) {
            process.stderr.write(`wheel-cache: ${escapeLine(line)}\n`);
          }
        },
      },
    );
    const diff = config.command === "diff";
    const reason = diff ? diffReasonOf(result) : undefined;
    const written = await writeResultFile(config, resultFileOf(result, reason));
    if (written.problem)
      process.stderr.write(`wheel-cache: warning: ${escapeLine(written.problem)}\n`);
    if (config.json) process.stdout.write(`${JSON.stringify(resultJson(result, reason))}\n`);
    else process.stdout.write(diff ? renderDiff(result) : renderTerminal(result));
    return 0;
  });
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
    return 0;
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

function localCache(config: Config): LocalCache {
  return new LocalCache(config.cacheDir ?? defaultCacheDir(config.env, process.platform));
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
