import type { BuildFailed } from "../build/failure.js";
import type { SaveOutcome } from "../cache/store.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { adviceOf } from "./advice.js";
import { causeOf } from "./cause.js";
import { escapeLine } from "./escape.js";
import { formatDuration, formatSize, plural, slotOf } from "./format.js";
import { reasonOf } from "./reason.js";
import {
  changeLines,
  failText,
  saveText,
  skipText,
  validationText,
  verdictText,
  warningsOf,
} from "./text.js";

/** How many changed files of one key the terminal lists before `and N more`. */
export const TERMINAL_FILE_CAP = 50;

/**
 * The CLI's human output for `build`: verdict, reason, changed keys with their files, wheels
 * with sizes, save, warnings and advice. Plain text without colour; user text on one line with
 * control characters made visible, so a file name cannot send escape sequences.
 */
export function renderTerminal(result: RunResult): string {
  return renderLines(result, [
    `wheel-cache: ${verdictText(result)}`,
    `  ${escapeLine(reasonOf(result))}`,
    ...(result.verdict === "failed" ? [] : [`  ${escapeLine(validationText(result))}`]),
    `  fingerprint ${short(result.manifest.fingerprint)}  cache key ${escapeLine(result.cacheKey)}`,
  ]);
}

/**
 * The CLI's human output for `diff`, in its own words: what changed since the newest cached
 * build, and what the next build would do; then the changed keys, warnings and advice.
 */
export function renderDiff(result: RunResult): string {
  const compared = result.previous && !isCacheHit(result) ? result.previous.key : undefined;
  return renderLines(result, [
    `wheel-cache diff: ${escapeLine(diffReasonOf(result))}`,
    `  ${escapeLine(nextBuildText(result))}`,
    `  fingerprint ${short(result.manifest.fingerprint)}  ${compared ? `compared with ${escapeLine(compared)}` : `cache key ${escapeLine(result.cacheKey)}`}`,
  ]);
}

function renderLines(result: RunResult, head: readonly string[]): string {
  const lines = [...head];
  if (result.changed.length > 0) {
    lines.push("", "changed keys:");
    for (const change of result.changed) {
      lines.push(...changeLines(change, TERMINAL_FILE_CAP).map((line) => `  ${line}`));
    }
  }
  if (result.wheels.length > 0) {
    lines.push("", `wheels in ${escapeLine(result.wheelDir)}:`);
    const width = Math.max(...result.wheels.map((w) => escapeLine(w.name).length));
    for (const w of result.wheels) {
      lines.push(`  ${escapeLine(w.name).padEnd(width)}  ${formatSize(w.size)}`);
    }
  }
  if (result.verdict === "built") lines.push("", escapeLine(saveText(result.save, result.cache)));
  const notes = [
    ...warningsOf(result).map((w) => `warning: ${escapeLine(w)}`),
    ...adviceOf(result).map((a) => `advice: ${escapeLine(a)}`),
  ];
  if (notes.length > 0) lines.push("", ...notes);
  return `${lines.join("\n")}\n`;
}

/**
 * `diff`'s one line, plain text: `nothing changed since the cached build`, or what changed since
 * the last one (`1 key changed — src/lib.rs modified since the last cached build`), or why there
 * is none to compare with. Never the action's "lookup-only" words.
 */
export function diffReasonOf(result: RunResult): string {
  if (isCacheHit(result)) return "nothing changed since the cached build";
  const cause = causeOf(result) ?? "";
  if (result.verifyProblem || result.observedChanges.length > 0) {
    return `the cached build of this fingerprint cannot be used: ${cause}`;
  }
  if (!result.previous) return `no cached build of this project for ${slotOf(result.manifest)} yet`;
  if (result.changed.length === 0) {
    return "nothing changed since the last cached build, but its wheels are not in the cache";
  }
  return `${cause} since the last cached build`;
}

/** What `build` would do next: restore the cached wheels, or rebuild. */
function nextBuildText(result: RunResult): string {
  if (!isCacheHit(result)) return "the next build rebuilds";
  const wheels = result.manifest.wheels?.length ?? result.wheels.length;
  const took =
    result.buildSeconds === undefined
      ? ""
      : ` (their build took ${formatDuration(result.buildSeconds)})`;
  return `the next build restores ${plural(wheels, "wheel")}${took}`;
}

/** A changed key in the CLI's JSON. */
export interface ChangedJson {
  readonly id: string;
  readonly status: "changed" | "added" | "removed";
  /** Always present; all three arrays are empty for keys that cover no files (env, toolchain). */
  readonly files: { added: string[]; modified: string[]; removed: string[] };
}

/** The `build --json` / `diff --json` object: the CLI contract's fields first, then extras. */
export interface ResultJson {
  readonly cacheHit: boolean;
  readonly built: boolean;
  readonly fingerprint: string;
  readonly cacheKey: string;
  /** Absolute paths. */
  readonly wheels: string[];
  readonly changed: ChangedJson[];
  readonly reason: string;
  readonly verdict: RunResult["verdict"];
  readonly wheelDir: string;
  /** The build's seconds (built) or the cached build's (hit); null when unknown. */
  readonly buildSeconds: number | null;
  /** `note` says why nothing was saved, or what failed. */
  readonly save: { readonly status: SaveOutcome["status"]; readonly note?: string };
  readonly warnings: string[];
  readonly advice: string[];
  /** A failed build: its one-line error, command, exit code or signal, and last output lines. */
  readonly error?: {
    readonly message: string;
    readonly command: string[];
    readonly exitCode: number | null;
    readonly signal: string | null;
    readonly outputTail: string[];
  };
}

/**
 * The CLI contract's JSON for `build` and `diff` (`reason` in `diff`'s words for `diff`). `files`
 * is included for every changed key, with empty arrays for keys that cover no files, so scripts
 * can read `.files.modified` without a check.
 */
export function resultJson(result: RunResult, reason = reasonOf(result)): ResultJson {
  return {
    cacheHit: isCacheHit(result),
    built: result.verdict === "built",
    fingerprint: result.manifest.fingerprint,
    cacheKey: result.cacheKey,
    wheels: result.wheels.map((w) => w.path),
    changed: result.changed.map((c) => ({
      id: c.id,
      status: c.status,
      files: {
        added: [...(c.files?.added ?? [])],
        modified: [...(c.files?.modified ?? [])],
        removed: [...(c.files?.removed ?? [])],
      },
    })),
    reason,
    verdict: result.verdict,
    wheelDir: result.wheelDir,
    buildSeconds: result.buildSeconds ?? null,
    save: saveJson(result.save),
    warnings: warningsOf(result),
    advice: adviceOf(result),
    ...(result.failure ? { error: errorJson(result.failure) } : {}),
  };
}

function errorJson(failure: BuildFailed): NonNullable<ResultJson["error"]> {
  return {
    message: failure.message,
    command: [...failure.argv],
    exitCode: failure.exitCode ?? null,
    signal: failure.signal ?? null,
    outputTail: [...failure.outputTail],
  };
}

function saveJson(save: SaveOutcome): ResultJson["save"] {
  switch (save.status) {
    case "skipped":
      return { status: save.status, note: skipText(save.why) };
    case "failed":
      return { status: save.status, note: failText(save) };
    default:
      return { status: save.status };
  }
}
