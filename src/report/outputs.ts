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
 * written). A failed build sets them too (not built, not a hit, and why). On Windows the paths
 * are written with forward slashes (`C:/a/dist/x.whl`): Windows programs and PowerShell take
 * them, and a `shell: bash` step (Git Bash) does not read them as escapes, as it would the
 * backslashes of `C:\a\dist`.
 */
export function actionOutputs(
  result: RunResult,
  resultFile = "",
  platform: NodeJS.Platform = process.platform,
): Record<OutputName, string> {
  // Only on Windows: elsewhere a backslash is a character a file name may hold.
  const shown = (file: string) => (platform === "win32" ? file.replaceAll("\\", "/") : file);
  const saved = result.verdict === "hit" ? (result.buildSeconds ?? 0) : 0;
  return {
    "cache-hit": String(isCacheHit(result)),
    built: String(result.verdict === "built"),
    fingerprint: result.manifest.fingerprint,
    "cache-key": result.cacheKey,
    wheels: result.wheels.map((w) => shown(w.path)).join("\n"),
    "wheel-dir": shown(result.wheelDir),
    changed: JSON.stringify(result.changed.map((c) => c.id)),
    "changed-files": JSON.stringify(changedFiles(result)),
    "time-saved": String(Math.round(saved)),
    reason: reasonOf(result),
    "result-file": shown(resultFile),
  };
}
