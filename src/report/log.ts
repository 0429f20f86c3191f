import type { KeyChange } from "../fingerprint/diff.js";
import { short } from "../keys/digest.js";
import type { KeyGroup, ResolvedKey } from "../keys/types.js";
import type { RunResult } from "../result.js";
import { escapeLine } from "./escape.js";
import { describe, GROUP_TITLES } from "./keys-text.js";
import { cap, fileEntries, formatSize } from "./reason.js";
import { heading } from "./summary.js";

/** A folded group of the action log. */
export interface LogGroup {
  readonly title: string;
  readonly lines: string[];
}

/** How many changed files of one key the log lists before `and N more`. */
export const LOG_FILE_CAP = 200;

const GROUPS = Object.keys(GROUP_TITLES) as KeyGroup[];

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
  for (const group of GROUPS) {
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
function alignedRows(keys: readonly ResolvedKey[]): string[] {
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
    lines: result.changed.flatMap((change) => changeLines(change)),
  };
}

/** `file:src/** (changed)` then `  ~ src/lib.rs`, or `toolchain:rustc (changed): a → b`. */
export function changeLines(change: KeyChange, fileCap = LOG_FILE_CAP): string[] {
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

function summaryLines(result: RunResult): string[] {
  const lines = [
    `wheel-cache: ${heading(result)}`,
    `reason: ${escapeLine(result.reason)}`,
    `cache key: ${escapeLine(result.cacheKey)}`,
  ];
  for (const wheel of result.wheels) {
    lines.push(`wheel: ${escapeLine(wheel.path)} (${formatSize(wheel.size)})`);
  }
  lines.push(`save: ${saveText(result)}`);
  return lines;
}

/** `saved`, `already cached by another job`, `skipped: note`, `failed: note`. */
export function saveText(result: RunResult): string {
  const { save } = result;
  switch (save.status) {
    case "saved":
      return `saved to the ${escapeLine(result.cache)} cache`;
    case "exists":
      return "already cached by another job";
    case "skipped":
    case "failed":
      return `${save.status}: ${escapeLine(save.note)}`;
  }
}

/** Every file of every key with its content digest, for `core.debug`. */
export function renderDebugFiles(result: RunResult): string[] {
  return result.manifest.keys.flatMap((key) =>
    Object.entries(key.files ?? {}).map(
      ([path, digest]) => `${escapeLine(key.id)}: ${escapeLine(path)} ${digest ?? "absent"}`,
    ),
  );
}
