import type { UvEntry } from "../config/uv-entries.js";
import { assertNever } from "../errors.js";
import { listEntries, type UvList } from "./uv-list.js";

const INDENT = "    ";
/** Width of a line of `{ env = ... }` entries, indentation included. */
const WIDTH = 88;

/** One entry as TOML, in its shortest form: `"src/**\/*.rs"`, `{ env = "CC" }`. */
export function entryText(entry: UvEntry): string {
  switch (entry.kind) {
    case "file":
      return tomlString(entry.pattern);
    case "dir":
      return `{ dir = ${tomlString(entry.path)} }`;
    case "git": {
      const flags = [entry.commit && "commit = true", entry.tags && "tags = true"].filter(Boolean);
      return `{ git = { ${flags.join(", ")} } }`;
    }
    case "env":
      return `{ env = ${tomlString(entry.name)} }`;
    default:
      return assertNever(entry);
  }
}

/**
 * The list as a multi-line TOML array: one file entry a line, the absent paths after a comment
 * that says why they are there, and the `env` entries several to a line.
 */
export function listText(list: UvList): string {
  const lines = list.files.map(entryText);
  if (list.absent.length > 0) {
    lines.push("# absent now: creating one changes the build", ...list.absent.map(entryText));
  }
  lines.push(...list.others.filter((e) => e.kind !== "env").map(entryText));
  let line: string[] = [];
  for (const item of list.others.filter((e) => e.kind === "env").map(entryText)) {
    if (line.length > 0 && INDENT.length + [...line, item].join(", ").length + 1 > WIDTH) {
      lines.push(line.join(", "));
      line = [];
    }
    line.push(item);
  }
  if (line.length > 0) lines.push(line.join(", "));
  const body = lines.map((l) => `${INDENT}${l}${l.startsWith("#") ? "" : ","}`);
  return `[\n${body.join("\n")}\n]`;
}

/** The entries' TOML texts, for comparing two lists as uv reads them (order aside). */
export function entryTexts(entries: readonly UvEntry[]): string[] {
  return [...new Set(entries.map(entryText))];
}

/** Whether two lists hold the same entries (uv's key does not depend on their order). */
export function sameEntries(a: readonly UvEntry[], b: UvList): boolean {
  const left = new Set(entryTexts(a));
  const right = new Set(entryTexts(listEntries(b)));
  return left.size === right.size && [...left].every((t) => right.has(t));
}

/**
 * A TOML string: a literal string (no escapes) when the text has backslashes (escaped globs) and
 * no quote or control character, else a basic string.
 */
export function tomlString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need escapes.
  const control = /[\u0000-\u001f\u007f]/;
  if (text.includes("\\") && !text.includes("'") && !control.test(text)) return `'${text}'`;
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
