import path from "node:path";
import * as core from "@actions/core";
import { GithubCache } from "./cache/github.js";
import { readActionConfig } from "./config/action.js";
import { formatError, UserError } from "./errors.js";
import { runPipeline } from "./pipeline/index.js";
import { escapeLine } from "./report/escape.js";
import { renderDebugFiles, renderLog } from "./report/log.js";
import { actionOutputs } from "./report/outputs.js";
import { progressLines } from "./report/reason.js";
import { resultFileOf, writeResultFile } from "./report/result-file.js";
import { renderSummary } from "./report/summary.js";
import { warningsOf } from "./report/text.js";
import { writeSummary } from "./report/write-summary.js";

/** The action: config → fingerprint → restore → build on a miss → save → outputs → summary. */
export async function run(): Promise<void> {
  try {
    const config = readActionConfig();
    const stagingDir = path.join(config.workspace, ".wheel-cache");
    const result = await runPipeline(config, {
      cache: new GithubCache({
        restoreDeadlineMs: config.serviceTimeoutMs,
        saveDeadlineMs: config.serviceTimeoutMs,
      }),
      stagingDir,
      progress: (event) => {
        for (const line of progressLines(event)) core.info(escapeLine(line));
      },
    });
    const log = renderLog(result);
    for (const group of log.groups) {
      core.startGroup(group.title);
      for (const line of group.lines) core.info(line);
      core.endGroup();
    }
    for (const line of renderDebugFiles(result)) core.debug(line);
    for (const line of log.lines) core.info(line);
    for (const warning of warningsOf(result)) core.warning(warning);
    const written = await writeResultFile(config, resultFileOf(result));
    if (written.problem) core.warning(written.problem);
    for (const [name, value] of Object.entries(actionOutputs(result, written.path))) {
      core.setOutput(name, value);
    }
    if (config.summary) {
      const problem = await writeSummary(renderSummary(result));
      if (problem) core.warning(problem);
    }
  } catch (error) {
    if (!(error instanceof UserError)) core.error(formatError(error));
    core.setFailed(
      error instanceof UserError
        ? error.message
        : `wheel-cache failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
