import { type FingerprintKey, KEY_GROUPS } from "../keys/types.js";
import type { RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { escapeLine } from "./escape.js";
import { formatSize } from "./format.js";
import { describe, GROUP_TITLES } from "./keys-text.js";
import { reasonOf } from "./reason.js";
import { changeLines, heading, saveText, validationText } from "./text.js";

/** A folded group of the action log. */
export interface LogGroup {
  readonly title: string;
  readonly lines: string[];
}

/** How many changed files of one key the log lists before `and N more`. */
export const LOG_FILE_CAP = 200;

/**
 * The action log of a run: a "Fingerprint" group with every key that went into the fingerprint
 * (like rust-cache's "Cache Configuration"), a "Changes" group with each changed key's files, and
 * top-level lines with the verdict, reason, cache key, wheels and save. Every line starts with
 * fixed text and user text is kept on one line, so nothing can pass for a workflow command.
 */
export function renderLog(result: RunResult): { groups: LogGroup[]; lines: string[] } {
  const groups = [fingerprintGroup(result)];
  if (result.changed.length > 0) groups.push(changesGroup(result));
  return { groups, lines: summaryLines(result) };
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
    `cache key: ${escapeLine(result.cacheKey)} (${escapeLine(result.cache)} cache)`,
    `build command: ${escapeLine(buildCommand.argv.join(" "))}`,
    `  chosen because: ${escapeLine(buildCommand.origin)}`,
  );
  return { title: `Fingerprint: ${manifest.keys.length} keys`, lines };
}

/** `  - file:src/**  inferred  12 files  0123456789ab`, columns aligned within a group. */
function alignedRows(keys: readonly FingerprintKey[]): string[] {
  const rows = keys.map((k) => [escapeLine(k.id), k.source, escapeLine(describe(k))]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map(
    (row, n) =>
      `  - ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}  ${short(keys[n]!.digest)}`,
  );
}

function changesGroup(result: RunResult): LogGroup {
  const since = result.previous ? ` since ${escapeLine(result.previous.key)}` : "";
  return {
    title: `Changes${since}: ${result.changed.length} keys`,
    lines: result.changed.flatMap((change) => changeLines(change, LOG_FILE_CAP)),
  };
}

function summaryLines(result: RunResult): string[] {
  const lines = [
    `wheel-cache: ${heading(result)}`,
    `reason: ${escapeLine(reasonOf(result))}`,
    `${escapeLine(validationText(result))}`,
    `cache key: ${escapeLine(result.cacheKey)}`,
  ];
  for (const wheel of result.wheels) {
    lines.push(`wheel: ${escapeLine(wheel.path)} (${formatSize(wheel.size)})`);
  }
  lines.push(`save: ${escapeLine(saveText(result.save, result.cache))}`);
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
