import type { KeyChange } from "../fingerprint/diff.js";
import { type FingerprintKey, KEY_GROUPS, type KeyGroup } from "../keys/types.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { shortId } from "./display-id.js";
import { codeHtml, codeMarkdown, escapeCell, escapeMarkdown } from "./escape.js";
import { formatCount, plural } from "./format.js";
import { describe, GROUP_TITLES } from "./keys-text.js";

/** The summary's folded fingerprint: every key by group, with its status. */

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

/**
 * The fingerprint folded in `<details>`: the cache key and the build compared with, then a table
 * of keys per group with their status (at most `max` rows each, and a count of the rest), and
 * the whole ids of the keys the tables show shortened.
 */
export function keysDetails(
  result: RunResult,
  ids: ReadonlyMap<string, string>,
  max: number,
): string {
  const rows = keyRows(result);
  const compared = result.previous !== undefined || isCacheHit(result);
  const changed = result.changed.length;
  const state = !compared
    ? "no earlier build to compare with"
    : changed > 0
      ? `${formatCount(changed)} changed`
      : "all unchanged";
  const title = `Fingerprint ${codeHtml(short(result.manifest.fingerprint))}: ${plural(rows.length, "key")}, ${state}`;
  const body = [facts(result), ...groupTables(rows, ids, compared, max), abbreviations(rows, ids)];
  return `<details><summary>${title}</summary>\n\n${body.filter(Boolean).join("\n\n")}\n\n</details>`;
}

/** The cache key, the build compared with, the wheel directory and the build command. */
function facts(result: RunResult): string {
  const lines = [
    `Cache key ${codeMarkdown(result.cacheKey)} (${escapeMarkdown(result.cache)} cache)`,
  ];
  if (result.previous && !isCacheHit(result)) {
    lines.push(`compared with ${codeMarkdown(result.previous.key)}`);
  }
  lines.push(`wheels in ${codeMarkdown(result.wheelDir)}`);
  const command = result.buildCommand;
  lines.push(
    `build command ${codeMarkdown(command.argv.join(" "))} (${escapeMarkdown(command.origin)})`,
  );
  return lines.join(" · ");
}

function groupTables(
  rows: readonly KeyRow[],
  ids: ReadonlyMap<string, string>,
  compared: boolean,
  max: number,
): string[] {
  const head = ["| key | source | covers | digest | status |", "|---|---|---|---|---|"];
  return KEY_GROUPS.flatMap((group) => {
    const members = rows.filter((r) => r.group === group);
    if (members.length === 0) return [];
    const title = `**${GROUP_TITLES[group]}** (${formatCount(members.length)})`;
    if (max === 0) return [title];
    const table = [...head, ...members.slice(0, max).map((r) => keyRow(r, ids, compared))];
    const more =
      members.length > max
        ? `\n\nand ${formatCount(members.length - max)} more: the log's Fingerprint group and \`wheel-cache keys\` list them all.`
        : "";
    return [`${title}\n\n${table.join("\n")}${more}`];
  });
}

function keyRow(row: KeyRow, ids: ReadonlyMap<string, string>, compared: boolean): string {
  const status = row.change ? `**${row.change.status}**` : compared ? "unchanged" : "—";
  const cells = [
    codeMarkdown(ids.get(row.id) ?? row.id),
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

/** The whole ids of the keys shown shortened, as prose (which wraps, unlike a table). */
function abbreviations(rows: readonly KeyRow[], ids: ReadonlyMap<string, string>): string {
  const shortened = rows.filter((r) => (ids.get(r.id) ?? r.id) !== r.id).slice(0, 20);
  if (shortened.length === 0) return "";
  const items = shortened.map(
    (r) => `- ${codeMarkdown(ids.get(r.id) ?? shortId(r.id))} is ${codeMarkdown(r.id)}`,
  );
  return `Shortened ids:\n\n${items.join("\n")}`;
}
