import type { KeyChange } from "../fingerprint/diff.js";
import type { ObservedChange } from "../fingerprint/observed.js";
import type { KeyGroup } from "../keys/types.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { type ChangedItem, changedItems } from "./changes.js";
import { codeMarkdown, escapeCell } from "./escape.js";
import { formatCount, formatDuration, formatSize } from "./format.js";

/** The summary's tables of what changed and of the wheels. */

/** A group as the "what changed" table names it. */
const GROUP_WORDS: Record<KeyGroup, string> = {
  rebuild: "rebuild",
  metadata: "metadata",
  shipped: "shipped",
  implicit: "environment",
};

/** What changed since the compared build: a row per file, key or input the trace saw. */
export function changesTable(
  result: RunResult,
  ids: ReadonlyMap<string, string>,
  max: number,
): string {
  if (isCacheHit(result) || !result.previous) {
    if (result.observedChanges.length === 0) return "";
  }
  const items = changedItems(result);
  if (items.length === 0) return "";
  const since = result.verdict === "failed" ? "the last good build" : "the last cached build";
  const rows = items.slice(0, max).map((item) => `| ${changeCells(item, ids).join(" | ")} |`);
  const table = ["| file or key | change | group |", "|---|---|---|", ...rows].join("\n");
  const more =
    items.length > max
      ? `\n\nand ${formatCount(items.length - max)} more: the log's Changes group lists them all.`
      : "";
  return `#### What changed since ${since}\n\n${table}${more}`;
}

function changeCells(item: ChangedItem, ids: ReadonlyMap<string, string>): string[] {
  switch (item.kind) {
    case "file":
      return [
        codeMarkdown(item.path),
        item.verb,
        escapeCell(item.groups.map((g) => GROUP_WORDS[g]).join(", ")),
      ];
    case "key":
      return [
        codeMarkdown(ids.get(item.change.id) ?? item.change.id),
        escapeCell(keyChangeText(item.change)),
        GROUP_WORDS[item.change.group],
      ];
    case "observed":
      return [codeMarkdown(item.what), escapeCell(observedText(item.change)), "read, no key"];
  }
}

/** `rustc 1.94.0 → rustc 1.95.0`, `key added`, `changed`. */
function keyChangeText(change: KeyChange): string {
  if (change.status !== "changed") return `key ${change.status}`;
  if (!change.files && change.before !== change.after) {
    return `${change.before ?? "—"} → ${change.after ?? "—"}`;
  }
  return "changed";
}

/** What became of an input a traced build read, in a word or two. */
function observedText(change: ObservedChange): string {
  switch (change.kind) {
    case "file":
    case "outside":
      if (change.after === "absent") return "removed";
      return change.before === "absent" ? "appeared" : "modified";
    case "dir":
      return "other files listed";
    case "tool":
      return change.before.startsWith("/") ? `now ${change.after}` : "modified";
    case "package":
      return `${change.before} → ${change.after}`;
    case "distribution":
      return "no longer installed";
  }
}

/** One row per wheel: name, size, short sha256, build time, and what the cache did with it. */
export function wheelsTable(result: RunResult, max: number): string {
  if (result.wheels.length === 0) return "";
  const build = result.buildSeconds === undefined ? "—" : formatDuration(result.buildSeconds);
  const cache = cacheWord(result);
  const rows = result.wheels
    .slice(0, max)
    .map(
      (w) =>
        `| ${codeMarkdown(w.name)} | ${formatSize(w.size)} | ${codeMarkdown(short(w.sha256))} | ${build} | ${cache} |`,
    );
  const table = ["| wheel | size | sha256 | build | cache |", "|---|--:|---|--:|---|", ...rows];
  const more =
    result.wheels.length > max ? `\n\nand ${formatCount(result.wheels.length - max)} more.` : "";
  return `${table.join("\n")}${more}`;
}

function cacheWord(result: RunResult): string {
  if (result.verdict === "hit") return "restored";
  switch (result.save.status) {
    case "saved":
      return "saved";
    case "exists":
      return "already cached";
    case "skipped":
      return "not saved";
    case "failed":
      return "save failed";
  }
}
