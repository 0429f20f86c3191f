import type { KeyChange } from "../fingerprint/diff.js";
import { type FingerprintKey, KEY_GROUPS, type KeyGroup } from "../keys/types.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { cap } from "../shared/list.js";
import { adviceOf } from "./advice.js";
import { codeHtml, codeMarkdown, escapeCell, escapeHtml, escapeMarkdown } from "./escape.js";
import { fileEntries, formatDuration, formatSize, plural } from "./format.js";
import { describe, GROUP_TITLES } from "./keys-text.js";
import { reasonOf } from "./reason.js";
import { failText, heading, skipText, validationText, warningsOf } from "./text.js";

/** How many changed files of one key the summary lists before `and N more`. */
export const SUMMARY_FILE_CAP = 50;

/**
 * The job summary of a run, as GitHub-flavoured Markdown: the verdict, the reason, the keys and
 * their status, the changed files per key, the wheels, the time saved, the save, warnings and
 * advice. Every piece of user-controlled text is escaped, so tables stay valid and nothing renders
 * as HTML.
 */
export function renderSummary(result: RunResult, title = "wheel-cache"): string {
  const sections = [
    `### ${heading(result)} · ${escapeMarkdown(title)}`,
    escapeMarkdown(reasonOf(result)),
    `🔬 ${escapeMarkdown(validationText(result))}`,
    cacheLine(result),
    timeSaved(result),
    keysSection(result),
    changedFiles(result.changed),
    wheelsSection(result),
    saveLine(result),
    bullets("⚠️ Warnings", warningsOf(result)),
    bullets("💡 Advice", adviceOf(result)),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

function cacheLine(result: RunResult): string {
  const parts = [
    `Fingerprint ${codeMarkdown(short(result.manifest.fingerprint))}`,
    `cache key ${codeMarkdown(result.cacheKey)} (${escapeMarkdown(result.cache)} cache)`,
  ];
  if (result.previous && !isCacheHit(result)) {
    parts.push(`compared with ${codeMarkdown(result.previous.key)}`);
  }
  return parts.join(" · ");
}

function timeSaved(result: RunResult): string {
  if (result.verdict !== "hit" || result.buildSeconds === undefined) return "";
  const saved = formatDuration(result.buildSeconds);
  return `⏱️ Saved about **${saved}** of build time (what the cached build took).`;
}

interface KeyRow {
  readonly key: FingerprintKey | undefined;
  readonly id: string;
  readonly group: KeyGroup;
  readonly change: KeyChange | undefined;
}

/** Every current key, plus the keys only the previous build had (shown as removed). */
function keyRows(result: RunResult): KeyRow[] {
  const changes = new Map(result.changed.map((c) => [c.id, c]));
  const before = new Map(result.previous?.manifest.keys.map((k) => [k.id, k]) ?? []);
  const rows: KeyRow[] = result.manifest.keys.map((key) => ({
    key,
    id: key.id,
    group: key.group,
    change: changes.get(key.id),
  }));
  for (const change of result.changed.filter((c) => c.status === "removed")) {
    rows.push({ key: before.get(change.id), id: change.id, group: change.group, change });
  }
  return rows;
}

function keysSection(result: RunResult): string {
  const rows = keyRows(result);
  const compared = result.previous !== undefined || isCacheHit(result);
  const head = ["| key | source | covers | digest | status |", "|---|---|---|---|---|"];
  const tables = KEY_GROUPS.flatMap((group) => {
    const members = rows.filter((r) => r.group === group);
    if (members.length === 0) return [];
    const table = [...head, ...members.map((r) => keyRow(r, compared))].join("\n");
    return [`**${GROUP_TITLES[group]}**\n\n${table}`];
  });
  const body = tables.join("\n\n");
  if (result.changed.length > 0) return `#### Fingerprint\n\n${body}`;
  const state = compared ? "all unchanged" : "no earlier build to compare with";
  const what = `Fingerprint: ${plural(rows.length, "key")}, ${state}`;
  return `<details><summary>${what}</summary>\n\n${body}\n\n</details>`;
}

function keyRow(row: KeyRow, compared: boolean): string {
  const status = row.change ? `**${row.change.status}**` : compared ? "unchanged" : "—";
  const cells = [
    codeMarkdown(row.id),
    escapeCell(row.key?.source ?? ""),
    escapeCell(covers(row)),
    row.key ? codeMarkdown(short(row.key.digest)) : "—",
    status,
  ];
  return `| ${cells.join(" | ")} |`;
}

/** What a key covers; for a changed non-file key, its detail before and after. */
function covers(row: KeyRow): string {
  const { change, key } = row;
  if (change?.status === "changed" && !change.files && change.before !== change.after) {
    return `${change.before ?? "—"} → ${change.after ?? "—"}`;
  }
  return key ? describe(key) : "";
}

/** One collapsible block per changed key with files: added / modified / removed, capped. */
function changedFiles(changed: readonly KeyChange[]): string {
  const blocks = changed.flatMap((change) => {
    const entries = change.files ? fileEntries(change.files) : [];
    if (entries.length === 0) return [];
    const counts = (["added", "modified", "removed"] as const)
      .filter((verb) => change.files![verb].length > 0)
      .map((verb) => `${change.files![verb].length} ${verb}`);
    const { shown, more } = cap(entries, SUMMARY_FILE_CAP);
    const items = shown.map((f) => `<li>${f.verb} ${codeHtml(f.path)}</li>`);
    if (more > 0) items.push(`<li>and ${more} more</li>`);
    const summary = `${codeHtml(change.id)}: ${escapeHtml(counts.join(", "))}`;
    return [`<details><summary>${summary}</summary>\n<ul>\n${items.join("\n")}\n</ul>\n</details>`];
  });
  return blocks.length > 0 ? `#### Changed files\n\n${blocks.join("\n\n")}` : "";
}

function wheelsSection(result: RunResult): string {
  if (result.wheels.length === 0) return "";
  const rows = result.wheels.map(
    (w) => `| ${codeMarkdown(w.name)} | ${formatSize(w.size)} | ${codeMarkdown(w.sha256)} |`,
  );
  const table = ["| wheel | size | sha256 |", "|---|--:|---|", ...rows].join("\n");
  return `#### Wheels\n\nIn ${codeMarkdown(result.wheelDir)}\n\n${table}`;
}

function saveLine(result: RunResult): string {
  const { save } = result;
  switch (save.status) {
    case "saved":
      return `💾 Saved to the ${escapeMarkdown(result.cache)} cache under this fingerprint.`;
    case "exists":
      return "💾 Already cached by another job with the same fingerprint: nothing to save.";
    case "skipped":
      return `💾 Not saved: ${escapeMarkdown(skipText(save.why))}`;
    case "failed":
      return `⚠️ Save failed: ${escapeMarkdown(failText(save))}`;
  }
}

function bullets(title: string, items: readonly string[]): string {
  if (items.length === 0) return "";
  return `#### ${title}\n\n${items.map((item) => `- ${escapeMarkdown(item)}`).join("\n")}`;
}
