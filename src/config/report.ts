import path from "node:path";
import * as core from "@actions/core";

/** What the report step (report/action.yml) is told. */
export interface ReportConfig {
  /** The result files and directories, as the user wrote them. */
  readonly paths: readonly string[];
  /** Where relative paths start: the workspace, as for every other step. */
  readonly cwd: string;
  readonly summary: boolean;
}

/** Reads the report step's inputs. */
export function readReportConfig(env: NodeJS.ProcessEnv = process.env): ReportConfig {
  return Object.freeze({
    paths: core.getMultilineInput("path"),
    cwd: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    summary: core.getInput("summary") === "" ? true : core.getBooleanInput("summary"),
  });
}
