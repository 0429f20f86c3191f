import { type FingerprintKey, KEY_GROUPS } from "../keys/types.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { displayIds } from "./display-id.js";
import { escapeLine } from "./escape.js";
import { formatSize } from "./format.js";
import { noticeOf } from "./headline.js";
import { describe, GROUP_TITLES } from "./keys-text.js";
import { builtBy } from "./provenance.js";
import { changeLines, saveText, validationText } from "./text.js";

/** A folded group of the action log. */
export interface LogGroup {
  readonly title: string;
  readonly lines: string[];
}

/** The widest a column of the key list is padded to. */
const ALIGN_MAX = 48;

/**
 * The action log of a run: a "Fingerprint" group with every key that went into the fingerprint
 * (like rust-cache's "Cache Configuration"), a "Changes" group with each changed key's files, the
 * run's one notice (its verdict: `hit, saved about 4 min`, `rebuilt: src/lib.rs modified`), and
 * top-level lines with where the wheels came from, the cache key, the wheels and the save. Each
 * fact is said once: why a miss builds was said before the build's output, and the notice says
 * the verdict. Every line starts with fixed text and user text is kept on one line, so nothing
 * can pass for a workflow command.
 */
export function renderLog(result: RunResult): {
  groups: LogGroup[];
  lines: string[];
  notice?: string;
} {
  const groups = [fingerprintGroup(result)];
  if (result.changed.length > 0) groups.push(changesGroup(result));
  const ids = displayIds(result.changed.map((c) => c.id));
  const notice = noticeOf(result, ids);
  return { groups, lines: summaryLines(result), notice: notice && escapeLine(notice) };
}

function fingerprintGroup(result: RunResult): LogGroup {
  const { manifest, buildCommand } = result;
  const lines: string[] = [];
  for (const group of KEY_GROUPS) {
    const members = manifest.keys.filter((k) => k.group === group);
    if (members.length === 0) continue;
    lines.push(`${GROUP_TITLES[group]}:`, ...alignedRows(members));
  }
  lines.push(
    `fingerprint: ${manifest.fingerprint}`,
    `build command: ${escapeLine(buildCommand.argv.join(" "))}`,
    `  chosen because: ${escapeLine(buildCommand.origin)}`,
  );
  return { title: `Fingerprint: ${manifest.keys.length} keys`, lines };
}

/** `  - file:src/**  inferred  12 files  0123456789ab`, columns aligned within a group. */
function alignedRows(keys: readonly FingerprintKey[]): string[] {
  const rows = keys.map((k) => [escapeLine(k.id), k.source, escapeLine(describe(k))]);
  // Columns align up to a width; a longer id or detail runs past it rather than pad every row.
  const widths = [0, 1, 2].map((i) =>
    Math.min(ALIGN_MAX, Math.max(...rows.map((r) => r[i]!.length))),
  );
  return rows.map(
    (row, n) =>
      `  - ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}  ${short(keys[n]!.digest)}`,
  );
}

function changesGroup(result: RunResult): LogGroup {
  const previous = result.previous;
  const by = previous ? builtBy(previous.manifest, result.startedAt) : undefined;
  const since = previous ? ` since the last cached build${by ? ` (${escapeLine(by)})` : ""}` : "";
  const lines = previous ? [`compared with ${escapeLine(previous.key)}`] : [];
  return {
    title: `Changes${since}: ${result.changed.length} keys`,
    // Every file: the summary and the terminal cap their lists and point here for the rest.
    lines: [...lines, ...result.changed.flatMap((change) => changeLines(change, Infinity))],
  };
}

function summaryLines(result: RunResult): string[] {
  const lines: string[] = [];
  if (isCacheHit(result)) {
    const by = builtBy(result.manifest, result.startedAt);
    if (by) lines.push(`cached build: ${escapeLine(by)}`);
  }
  if (result.verdict !== "failed") lines.push(escapeLine(validationText(result)));
  lines.push(`cache key: ${escapeLine(result.cacheKey)}`);
  for (const wheel of result.wheels) {
    lines.push(`wheel: ${escapeLine(wheel.path)} (${formatSize(wheel.size)})`);
  }
  // A failed build's error is the step's own error line; there is nothing to save.
  if (result.verdict !== "failed") {
    lines.push(`save: ${escapeLine(saveText(result.save, result.cache))}`);
  }
  return lines;
}

/** Every file of every key with its content digest, for `core.debug`. */
export function renderDebugFiles(result: RunResult): string[] {
  return result.manifest.keys.flatMap((key) =>
    Object.entries(key.files ?? {}).map(
      ([path, digest]) => `${escapeLine(key.id)}: ${escapeLine(path)} ${digest ?? "absent"}`,
    ),
  );
}
