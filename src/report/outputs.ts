import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { changedFiles } from "./changes.js";
import { reasonOf } from "./reason.js";

/** The names of the action's outputs, as action.yml declares them. */
export type OutputName =
  | "cache-hit"
  | "built"
  | "fingerprint"
  | "cache-key"
  | "wheels"
  | "wheel-dir"
  | "changed"
  | "changed-files"
  | "time-saved"
  | "reason"
  | "result-file";

/**
 * The action outputs of a run, as strings for `core.setOutput`: booleans as `"true"`/`"false"`,
 * `wheels` as newline-separated absolute paths, `changed` as a JSON array of key ids,
 * `changed-files` as a JSON array of paths, `time-saved` as whole seconds (the cached build's
 * time on a hit, else 0), and the path of the run's result file (empty when it could not be
 * written). A failed build sets them too (not built, not a hit, and why).
 */
export function actionOutputs(result: RunResult, resultFile = ""): Record<OutputName, string> {
  const saved = result.verdict === "hit" ? (result.buildSeconds ?? 0) : 0;
  return {
    "cache-hit": String(isCacheHit(result)),
    built: String(result.verdict === "built"),
    fingerprint: result.manifest.fingerprint,
    "cache-key": result.cacheKey,
    wheels: result.wheels.map((w) => w.path).join("\n"),
    "wheel-dir": result.wheelDir,
    changed: JSON.stringify(result.changed.map((c) => c.id)),
    "changed-files": JSON.stringify(changedFiles(result)),
    "time-saved": String(Math.round(saved)),
    reason: reasonOf(result),
    "result-file": resultFile,
  };
}
