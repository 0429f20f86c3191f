import * as core from "@actions/core";
import { errorMessage } from "../errors.js";

/**
 * Appends Markdown to the job summary (`$GITHUB_STEP_SUMMARY`). A summary that cannot be written
 * (the variable unset, the file missing or not writable) must not fail the job: the problem comes
 * back as one warning line naming the cause, and nothing is left buffered for a later write.
 */
export async function writeSummary(markdown: string): Promise<string | undefined> {
  try {
    await core.summary.addRaw(markdown).write();
    return undefined;
  } catch (error) {
    core.summary.emptyBuffer();
    return `job summary not written: ${errorMessage(error).split("\n")[0]}`;
  }
}
