import { mismatchText } from "../build/wheel-name.js";
import type { SaveOutcome } from "../cache/store.js";
import { assertNever } from "../errors.js";
import type { KeyChange } from "../fingerprint/diff.js";
import type { RunResult } from "../pipeline/result.js";
import { cap, capLine } from "../shared/list.js";
import { escapeLine } from "./escape.js";
import { fileEntries, formatDuration, plural } from "./format.js";
import { uvGapWarning } from "./uv-gap.js";

/** Phrases every renderer shares, as plain text; `changeLines` is for the line-based media. */

/** The verdict in a few words, without an icon: `Restored 2 wheels`, `Built in 40 s: ...`. */
export function verdictText(result: RunResult): string {
  const changed = result.changed.length;
  const because = changed > 0 ? ` because ${plural(changed, "key")} changed` : "";
  const took =
    result.buildSeconds === undefined ? "" : ` in ${formatDuration(result.buildSeconds)}`;
  switch (result.verdict) {
    case "hit":
      return `Restored ${plural(result.wheels.length, "wheel")}`;
    case "built":
      return result.previous ? `Rebuilt${took}${because}` : `Built${took}: no cached build yet`;
    case "failed":
      return `Build failed${result.buildSeconds === undefined ? "" : ` in ${formatDuration(result.buildSeconds)}`}`;
    case "lookup-hit":
      return "Found a cached build (lookup only)";
    case "lookup-miss":
      return `No cached build (lookup only)${because ? `: would rebuild${because}` : ""}`;
    case "miss":
      return `Nothing to restore${because ? `: rebuild${because}` : ""}`;
    case "saved":
      return `Saved ${plural(result.wheels.length, "wheel")}`;
    default:
      return assertNever(result.verdict);
  }
}

/** How the wheels were checked against what their build read, or how this build was recorded. */
export function validationText(
  result: Pick<RunResult, "verdict" | "validation" | "tracedOn" | "traceNote">,
): string {
  const on = result.tracedOn ? ` on ${result.tracedOn}` : "";
  if (result.verdict === "failed") return "nothing recorded: the build failed";
  if (result.verdict === "built" || result.verdict === "saved") {
    switch (result.validation) {
      case "traced":
        return "traced: what the build read is recorded with its wheels, and every hit is checked against it";
      case "borrowed":
        return `untraced here (${result.traceNote ?? "no tracer"}); the files a build traced${on} read are recorded with these wheels instead`;
      case "none":
        return `untraced: ${result.traceNote ?? "tracing is off"}; later hits are checked by the fingerprint alone`;
    }
  }
  switch (result.validation) {
    case "traced":
      return `validated: what its build read is unchanged (traced${on})`;
    case "borrowed":
      return `validated against the files a build traced${on} read`;
    case "none":
      return "not validated: no traced build of this project is known (Linux builds with strace record what they read)";
  }
}

/** What became of the save: `saved to the local cache`, `skipped: saving is off (...)`, ... */
export function saveText(save: SaveOutcome, cache: RunResult["cache"]): string {
  switch (save.status) {
    case "saved":
      return `saved to the ${cache} cache`;
    case "exists":
      return "already cached by another job";
    case "skipped":
      return `skipped: ${skipText(save.why)}`;
    case "failed":
      return `failed: ${failText(save)}`;
    default:
      return assertNever(save);
  }
}

/** What a failed save did and why. */
export function failText(save: Extract<SaveOutcome, { status: "failed" }>): string {
  return save.wheelsSaved ? `wheels saved, but not their manifest: ${save.warning}` : save.warning;
}

/** Why nothing was saved, in a few words. */
export function skipText(why: Extract<SaveOutcome, { status: "skipped" }>["why"]): string {
  switch (why.kind) {
    case "restored":
      return "restored from the cache";
    case "not-built":
      return "nothing was built";
    case "build-failed":
      return "the build failed";
    case "input":
      return `saving is off (${why.flag})`;
    case "pull-request-target":
      return "saving is off for pull_request_target runs, which build untrusted code with the base branch's cache scope";
    case "read-only":
      return `saving is off: this run's cache access is read-only (ACTIONS_CACHE_MODE=${why.mode})`;
    case "inputs-changed":
      return `not saved: inputs changed while the build ran (${capLine(why.files)}), so the wheels may not match the fingerprint taken before it`;
    case "fingerprint-moved":
      return `not saved: the inputs changed since the restore step (the fingerprint no longer yields ${why.cacheKey}), so the wheels may not match them`;
    case "reused-stale": {
      const unread =
        why.files.length > 0 ? `did not read ${capLine(why.files)}, which changed` : "";
      const keys = why.keys ?? [];
      const unfollowed =
        keys.length > 0
          ? `does not redo that work for ${capLine(keys)}, which changed since the cached build`
          : "";
      return `not saved: the build reused an earlier build's output and ${[unread, unfollowed].filter(Boolean).join(", and ")}, so its wheels may be stale; remove the build output (build/, target/) and build again`;
    }
    default:
      return assertNever(why);
  }
}

/**
 * The run's warnings, with a save the run had to skip for its own safety, the inputs the
 * project's own `cache-keys` leave out for uv, and the wheels that are not this run's: those the
 * wheel directory already held, those the build wrote for another project, Python or platform.
 */
export function warningsOf(
  result: Pick<
    RunResult,
    "warnings" | "save" | "uvGap" | "wheelDir" | "otherWheels" | "rejectedWheels"
  >,
): string[] {
  const { save } = result;
  const skippedUnsafe =
    save.status === "skipped" &&
    ["inputs-changed", "reused-stale", "fingerprint-moved"].includes(save.why.kind);
  const warnings = [
    ...result.warnings,
    ...(skippedUnsafe ? [skipText(save.why)] : []),
    ...(result.uvGap ? [uvGapWarning(result.uvGap)] : []),
    ...result.rejectedWheels.map(
      (r) =>
        `the build wrote ${r.name}, which is not this project's wheel for this Python and platform (${mismatchText(r.mismatch)}): it is not cached, and not in the outputs`,
    ),
  ];
  const others = result.otherWheels;
  if (others.length > 0) {
    warnings.push(
      `${result.wheelDir} already held ${plural(others.length, "wheel")} this run did not make (${capLine(others)}): left there, and not in the outputs`,
    );
  }
  return [...new Set(warnings)];
}

/** `file:src/** (changed)` then `  ~ src/lib.rs`, or `toolchain:rustc (changed): a → b`; escaped. */
export function changeLines(change: KeyChange, fileCap: number): string[] {
  const head = `${escapeLine(change.id)} (${change.status})`;
  if (!change.files) {
    const detail =
      change.before !== change.after
        ? `: ${escapeLine(change.before ?? "none")} → ${escapeLine(change.after ?? "none")}`
        : "";
    return [`${head}${detail}`];
  }
  const { shown, more } = cap(fileEntries(change.files), fileCap);
  const lines = [head, ...shown.map((f) => `  ${f.mark} ${escapeLine(f.path)}`)];
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines;
}
