import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { adviceOf } from "./advice.js";
import { displayIds } from "./display-id.js";
import { codeMarkdown, escapeHtml, escapeMarkdown } from "./escape.js";
import { formatCount, plural } from "./format.js";
import { headline } from "./headline.js";
import { builtBy, type Marks } from "./provenance.js";
import { keysDetails } from "./summary-keys.js";
import { changesTable, wheelsTable } from "./summary-tables.js";
import { failText, skipText, validationText, warningsOf } from "./text.js";

/** How many entries each list of the summary shows before a count of the rest. */
export interface SummaryCaps {
  /** Rows of the "what changed" table. */
  readonly changes: number;
  /** Rows of each group's table of keys (0: no key tables, only counts). */
  readonly keys: number;
  readonly wheels: number;
  /** Warnings and advice, each. */
  readonly notes: number;
}

/** The caps tried in turn, until the summary fits in `SUMMARY_MAX_BYTES`. */
export const SUMMARY_CAPS: readonly SummaryCaps[] = [
  { changes: 50, keys: 100, wheels: 50, notes: 20 },
  { changes: 20, keys: 20, wheels: 20, notes: 5 },
  { changes: 5, keys: 0, wheels: 5, notes: 2 },
];

/** GitHub takes at most 1 MiB of summary from one step; this leaves room to spare. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** Markdown marks for provenance phrases. */
const MARKDOWN: Marks = {
  text: escapeMarkdown,
  code: codeMarkdown,
  link: (text, url) => `[${escapeMarkdown(text)}](${url})`,
};

/**
 * The job summary of a run, as GitHub-flavoured Markdown. It leads with the answer (a heading
 * with the verdict, what changed, the platform and Python, and the time), then where the cached
 * or compared build came from, one row per wheel, what changed since that build (a table of
 * files with their change and groups), a failed build's error and the end of its output, and
 * the key tables folded in `<details>`. Lists are capped, with counts of the rest (the log and the
 * manifest keep them whole), so that even thousands of keys or files stay under GitHub's limit.
 * Every piece of user-controlled text is escaped, so tables stay valid and nothing renders as
 * HTML.
 */
export function renderSummary(result: RunResult): string {
  for (const caps of SUMMARY_CAPS) {
    const markdown = render(result, caps);
    if (Buffer.byteLength(markdown, "utf8") <= SUMMARY_MAX_BYTES) return markdown;
  }
  const head = `### ${ICONS[result.verdict]} ${headline(result, undefined, (t: string) => escapeMarkdown(t.slice(0, 500)))}`;
  return `${head}\n\nThe report is too large for the job summary: the step's log has it all.\n`;
}

function render(result: RunResult, caps: SummaryCaps): string {
  const ids = displayIds([
    ...result.manifest.keys.map((k) => k.id),
    ...result.changed.map((c) => c.id),
  ]);
  const sections = [
    `### ${ICONS[result.verdict]} ${headline(result, ids, escapeMarkdown)}`,
    leadLine(result),
    validationLead(result),
    failureLine(result),
    wheelsTable(result, caps.wheels),
    changesTable(result, ids, caps.changes),
    outputTail(result),
    validationAfter(result),
    saveLine(result),
    keysDetails(result, ids, caps.keys),
    bullets("⚠️ Warnings", warningsOf(result), caps.notes),
    bullets("💡 Advice", adviceOf(result), caps.notes),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

const ICONS: Record<RunResult["verdict"], string> = {
  hit: "✅",
  built: "🔨",
  failed: "❌",
  "lookup-hit": "🔎",
  "lookup-miss": "🔎",
  miss: "🔨",
  saved: "💾",
};

/**
 * Where the wheels came from on a hit (with the time saved), or which build a miss was compared
 * with.
 */
function leadLine(result: RunResult): string {
  if (isCacheHit(result)) {
    const by = builtBy(result.manifest, result.startedAt, MARKDOWN);
    const these = result.wheels.length === 1 ? "This wheel was" : "These wheels were";
    return by ? `${these} ${by}.` : "";
  }
  if (!result.previous) return "";
  const by = builtBy(result.previous.manifest, result.startedAt, MARKDOWN);
  return `Compared with the last cached build${by ? `, ${by}` : ""}.`;
}

/** How a hit was validated against what its build read: right under the answer. */
function validationLead(result: RunResult): string {
  return isCacheHit(result) ? `🔬 ${escapeMarkdown(validationText(result))}` : "";
}

/** How a build's own inputs were recorded: after its wheels. */
function validationAfter(result: RunResult): string {
  return result.verdict === "built" || result.verdict === "saved"
    ? `🔬 ${escapeMarkdown(validationText(result))}`
    : "";
}

function failureLine(result: RunResult): string {
  if (!result.failure) return "";
  return `💥 ${escapeMarkdown(result.failure.message)}`;
}

/** The last lines of a failed build's output, as they were printed. */
function outputTail(result: RunResult): string {
  const failure = result.failure;
  if (!failure || failure.outputTail.length === 0) return "";
  const lines = failure.outputTail.map(escapeHtml);
  const which = failure.truncated
    ? `The last ${plural(lines.length, "line")} of the build's output (the step's log has all of it):`
    : "The build's output:";
  return `${which}\n\n<pre>\n${lines.join("\n")}\n</pre>`;
}

/** The save, when the wheels table's cache column does not say it all. */
function saveLine(result: RunResult): string {
  const { save } = result;
  if (result.verdict !== "built" && result.verdict !== "saved") return "";
  switch (save.status) {
    case "saved":
    case "exists":
      return "";
    case "skipped":
      return `💾 Not saved: ${escapeMarkdown(skipText(save.why))}`;
    case "failed":
      return `⚠️ Save failed: ${escapeMarkdown(failText(save))}`;
  }
}

function bullets(title: string, items: readonly string[], max: number): string {
  if (items.length === 0) return "";
  const shown = items.slice(0, max).map((item) => `- ${escapeMarkdown(item)}`);
  if (items.length > max) {
    shown.push(`- and ${formatCount(items.length - max)} more: the step's log lists them all`);
  }
  return `#### ${title}\n\n${shown.join("\n")}`;
}
