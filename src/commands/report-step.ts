import * as core from "@actions/core";
import { readReportConfig } from "../config/report.js";
import { formatError, UserError } from "../errors.js";
import { matrixOutputs, renderMatrixSummary, renderMatrixText } from "../report/matrix-render.js";
import { writeSummary } from "../report/write-summary.js";
import { readReport } from "./results.js";

/**
 * The report step: reads every leg's result file and writes one job summary for the matrix (a
 * row per leg, the totals, the legs that rebuilt by cause), the same table in the log, and the
 * counts as outputs. A bad result file fails the step with one line naming it.
 */
export async function runReportStep(): Promise<void> {
  try {
    const config = readReportConfig();
    const report = await readReport(config.paths, config.cwd);
    for (const line of renderMatrixText(report).trimEnd().split("\n")) core.info(line);
    for (const [name, value] of Object.entries(matrixOutputs(report))) core.setOutput(name, value);
    if (config.summary) {
      const problem = await writeSummary(renderMatrixSummary(report));
      if (problem) core.warning(problem);
    }
  } catch (error) {
    if (!(error instanceof UserError)) core.error(formatError(error));
    core.setFailed(
      error instanceof UserError
        ? error.message
        : `wheel-cache report failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
