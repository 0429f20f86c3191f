import { cap } from "../shared/list.js";
import { codeMarkdown, escapeCell, escapeLine, escapeMarkdown } from "./escape.js";
import { formatDuration, plural } from "./format.js";
import type { LegChange, LegRow, MatrixReport, Outcome } from "./matrix.js";

/** The matrix report's renderers: one summary for every leg, in Markdown and as plain text. */

/** How many changed files and wheels one cell lists before `and N more`. */
const CELL_CAP = 3;

const WORDS: Readonly<Record<Outcome, string>> = {
  restored: "restored",
  built: "built",
  "would-restore": "would restore",
  "would-rebuild": "would rebuild",
  missed: "to rebuild",
  saved: "saved",
  other: "other",
};

const ICONS: Readonly<Record<Outcome, string>> = {
  restored: "✅",
  built: "🔨",
  "would-restore": "🔎",
  "would-rebuild": "🔎",
  missed: "🔨",
  saved: "💾",
  other: "⚠️",
};

/**
 * The job summary of the report step, as GitHub-flavoured Markdown: a heading with the counts,
 * a row per leg (verdict, changed files, time, wheels), the totals, and the legs that rebuilt
 * grouped by cause. Every piece of text from a result file is escaped.
 */
export function renderMatrixSummary(report: MatrixReport): string {
  const head = ["| leg | verdict | changed | time | wheels |", "|---|---|---|---|---|"];
  const rows = report.legs.map((leg) => {
    const cells = [
      escapeCell(leg.label),
      `${ICONS[leg.outcome]} ${escapeCell(verdictWord(leg))}`,
      changedCell(leg),
      timeText(leg).map(escapeMarkdown).join("<br>"),
      listCell(leg.wheels.map(codeMarkdown)),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  const sections = [
    `### wheel-cache · ${escapeMarkdown(countsText(report))}`,
    [...head, ...rows].join("\n"),
    totals(report)
      .map(
        ([label, value]) =>
          `**${label[0]!.toUpperCase()}${label.slice(1)}** ${escapeMarkdown(value)}`,
      )
      .join(" · "),
  ];
  if (report.causes.length > 0) {
    const items = report.causes.map(
      ({ cause, legs }) =>
        `- **${escapeMarkdown(cause)}** (${plural(legs.length, "leg")}): ${legs.map(escapeMarkdown).join(", ")}`,
    );
    sections.push(`#### Legs that rebuilt, by cause\n\n${items.join("\n")}`);
  }
  return `${sections.join("\n\n")}\n`;
}

/** The CLI's `report`: the same as plain text, an aligned table, one line per leg. */
export function renderMatrixText(report: MatrixReport): string {
  const table = [
    ["leg", "verdict", "time", "changed", "wheels"],
    ...report.legs.map((leg) => [
      leg.label,
      verdictWord(leg),
      timeText(leg).join(", "),
      changesText(leg),
      leg.wheels.join(", ") || "—",
    ]),
  ].map((row) => row.map(escapeLine));
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = [
    `wheel-cache report: ${countsText(report)}`,
    "",
    ...table.map((row) =>
      `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`.trimEnd(),
    ),
    "",
    totalsText(report),
  ];
  if (report.causes.length > 0) {
    lines.push("", "legs that rebuilt, by cause:");
    for (const { cause, legs } of report.causes) {
      lines.push(`  ${escapeLine(cause)} (${plural(legs.length, "leg")})`);
      lines.push(...legs.map((label) => `    ${escapeLine(label)}`));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `3 legs: 1 restored, 2 rebuilt`: the legs counted by the word their row shows. */
function countsText(report: MatrixReport): string {
  const words = report.legs.map(verdictWord);
  const order = [
    "restored",
    "built",
    "rebuilt",
    "to rebuild",
    "saved",
    "would restore",
    "would rebuild",
  ];
  const rank = (word: string) => (order.includes(word) ? order.indexOf(word) : order.length);
  const distinct = [...new Set(words)].sort((a, b) => rank(a) - rank(b));
  const counts = distinct.map((word) => `${words.filter((w) => w === word).length} ${word}`);
  const legs = plural(report.totals.legs, "leg");
  return counts.length > 0 ? `${legs}: ${counts.join(", ")}` : legs;
}

/** `hit rate 33% (1 of 3 legs) · time saved about 1 min 12 s · time spent building 1 min 22 s`. */
function totalsText(report: MatrixReport): string {
  return totals(report)
    .map(([label, value]) => `${label} ${value}`)
    .join(" · ");
}

/** The totals as label and value pairs. */
function totals(report: MatrixReport): [string, string][] {
  const { totals } = report;
  const rate = totals.hitRate === null ? "—" : `${Math.round(totals.hitRate * 100)}%`;
  return [
    ["hit rate", `${rate} (${totals.hits} of ${plural(totals.legs, "leg")})`],
    ["time saved", `about ${formatDuration(totals.savedSeconds)}`],
    ["time spent building", formatDuration(totals.buildingSeconds)],
  ];
}

/** `rebuilt` for a build that replaced an earlier one, `built` for a first; else the outcome. */
function verdictWord(leg: LegRow): string {
  if (leg.outcome === "built") return leg.cause === "no cached build yet" ? "built" : "rebuilt";
  return leg.outcome === "other" ? leg.verdict : WORDS[leg.outcome];
}

/** `restored in 3 s`, `saved about 1 min 12 s`; `built in 41 s`; `looked up in 2 s`. */
function timeText(leg: LegRow): string[] {
  const run = formatDuration(leg.runSeconds);
  switch (leg.outcome) {
    case "restored":
      return leg.buildSeconds === null
        ? [`restored in ${run}`]
        : [`restored in ${run}`, `saved about ${formatDuration(leg.buildSeconds)}`];
    case "built":
      return [`built in ${formatDuration(leg.buildSeconds ?? leg.runSeconds)}`];
    case "would-restore":
    case "would-rebuild":
    case "missed":
      return [`looked up in ${run}`];
    case "saved":
      return [`saved in ${run}`];
    case "other":
      return [`ran ${run}`];
  }
}

function changeText(change: LegChange): string {
  return `${change.what} ${change.change}`;
}

/** The changed files, or when none changed the cause (`no cached build yet`), or a dash. */
function changesText(leg: LegRow): string {
  if (leg.changes.length > 0) {
    const { shown, more } = cap(leg.changes.map(changeText), CELL_CAP);
    return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(", ");
  }
  return leg.cause ?? "—";
}

function changedCell(leg: LegRow): string {
  if (leg.changes.length > 0) {
    return listCell(leg.changes.map((c) => `${codeMarkdown(c.what)} ${c.change}`));
  }
  return leg.cause ? `*${escapeMarkdown(leg.cause)}*` : "—";
}

/** Items of a table cell, one per line, capped. */
function listCell(items: readonly string[]): string {
  if (items.length === 0) return "—";
  const { shown, more } = cap(items, CELL_CAP);
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join("<br>");
}

/** The names of the report step's outputs, as report/action.yml declares them. */
export type ReportOutputName = "legs" | "hits" | "built";

/** The report step's outputs: how many legs, how many restored (or would), how many built. */
export function matrixOutputs(report: MatrixReport): Record<ReportOutputName, string> {
  const { totals } = report;
  return { legs: String(totals.legs), hits: String(totals.hits), built: String(totals.built) };
}
