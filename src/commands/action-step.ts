import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@actions/core";
import { resetDir } from "../cache/entry.js";
import { GithubCache } from "../cache/github.js";
import { type ActionEntry, readActionConfig } from "../config/action.js";
import { formatError, UserError } from "../errors.js";
import { runPipeline } from "../pipeline/index.js";
import type { Progress } from "../pipeline/result.js";
import { escapeLine } from "../report/escape.js";
import { renderDebugFiles, renderLog } from "../report/log.js";
import { actionOutputs } from "../report/outputs.js";
import { progressLines, reasonOf } from "../report/reason.js";
import { resultFileOf, writeResultFile } from "../report/result-file.js";
import { renderSummary } from "../report/summary.js";
import { warningsOf } from "../report/text.js";
import { writeSummary } from "../report/write-summary.js";
import { handleInterrupts, Interrupted, interruption, trackDir } from "../shared/interrupt.js";

/** The title of every annotation the action makes. */
const TITLE = "wheel-cache";

/**
 * The problem matchers shipped beside the bundle (dist/problem-matchers.json): compiler errors
 * (gcc, clang, MSVC, rustc) in the build's output become annotations on the file and line.
 */
const MATCHERS = path.join(path.dirname(fileURLToPath(import.meta.url)), "problem-matchers.json");
const MATCHER_OWNERS = ["wheel-cache-gcc", "wheel-cache-msvc", "wheel-cache-rustc"];

/**
 * Runs an action entry as the runner does (`node dist/index.js`, `dist/restore/index.js`,
 * `dist/save/index.js`) and leaves the process when it is done.
 */
export async function startActionStep(entry: ActionEntry): Promise<void> {
  // A cancelled job (SIGINT, then SIGTERM) ends the build's process group, removes the run's
  // staging directory and exits with 128 + the signal's number.
  handleInterrupts(
    (line) => core.setFailed(line),
    (status) => process.exit(status),
  );
  await runActionStep(entry);
  // Abandoned cache requests (a service that stopped answering) can keep sockets open; the step
  // is done, so leave now rather than wait for them. An interrupted run leaves when its handler
  // is done.
  if (!interruption()) process.exit();
}

/**
 * An action entry. `all` (the action): config → fingerprint → restore → build on a miss → save
 * → log, outputs, summary; `restore` stops after the restore (another step builds on a miss);
 * `save` saves what another step built under the restore step's key. A build that fails still
 * gets its log, outputs and summary (what changed, the command, the end of its output) before
 * the step fails.
 */
export async function runActionStep(entry: ActionEntry): Promise<void> {
  let stagingDir: string | undefined;
  try {
    const config = readActionConfig(process.env, entry);
    stagingDir = config.stagingDir;
    await resetDir(stagingDir);
    trackDir(stagingDir);
    const result = await runPipeline(config, {
      cache: new GithubCache({
        restoreDeadlineMs: config.serviceTimeoutMs,
        saveDeadlineMs: config.serviceTimeoutMs,
      }),
      stagingDir,
      progress,
    });
    const log = renderLog(result);
    for (const group of log.groups) {
      core.startGroup(group.title);
      for (const line of group.lines) core.info(line);
      core.endGroup();
    }
    for (const line of renderDebugFiles(result)) core.debug(line);
    for (const line of log.lines) core.info(line);
    for (const warning of warningsOf(result)) core.warning(warning, { title: TITLE });
    if (log.notice) core.notice(log.notice, { title: TITLE });
    const written = await writeResultFile(config, resultFileOf(result));
    if (written.problem) core.warning(written.problem, { title: TITLE });
    for (const [name, value] of Object.entries(
      actionOutputs(result, written.path, config.platform),
    )) {
      core.setOutput(name, value);
    }
    if (config.summary) {
      const problem = await writeSummary(renderSummary(result));
      if (problem) core.warning(problem, { title: TITLE });
    }
    if (result.failure) core.setFailed(escapeLine(result.failure.message));
    if (result.verdict === "miss" && config.step.kind === "restore" && config.step.failOnMiss) {
      core.setFailed(
        `fail-on-cache-miss: no cached wheels for these inputs (${result.cacheKey}); ${reasonOf(result)}`,
      );
    }
  } catch (error) {
    // The interrupt handler (index.ts) says what happened and ends the process.
    if (error instanceof Interrupted) return;
    if (!(error instanceof UserError)) core.error(formatError(error));
    core.setFailed(
      error instanceof UserError
        ? escapeLine(error.message)
        : `wheel-cache failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    // The workspace is left as it was but for the wheel directory; the staging goes too.
    if (stagingDir) await rm(stagingDir, { recursive: true, force: true });
  }
}

/**
 * Says what the run does while it goes, and registers the problem matchers around the build's
 * own output only (so that nothing else in the log is read as a compiler error).
 */
function progress(event: Progress): void {
  for (const line of progressLines(event)) core.info(escapeLine(line));
  if (event.kind === "build") core.info(`::add-matcher::${MATCHERS}`);
  if (event.kind === "build-done") {
    for (const owner of MATCHER_OWNERS) core.info(`::remove-matcher owner=${owner}::`);
  }
}
