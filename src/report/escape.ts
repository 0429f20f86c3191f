/**
 * Escaping for text the user controls (file names, key ids, wheel names, warnings) in every
 * renderer. Each function keeps the text on one line: a newline becomes `␤`, any other control
 * character its Unicode control picture and a bidirectional override `\ufffd`, so a file name can
 * never end an HTML block, split a table row, start a workflow command in the log, send escape
 * sequences to a terminal or read as another name.
 */

const HTML: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Characters that mean something anywhere in a line of GitHub-flavoured Markdown (emphasis, code,
 * links, tables, strikethrough, emoji shortcodes, math, mentions): escaped with a backslash. `(`
 * and `)` only matter after `]`, which is escaped, so they stay readable.
 */
const MARKDOWN_PUNCTUATION = new Set("\\`*_[]|~:$@");

/** `␤` for a line break (CRLF counts once), a control picture for other control characters. */
function controlPicture(char: string): string | undefined {
  const code = char.codePointAt(0)!;
  if (char === "\n" || char === "\r") return "␤";
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "␡";
  if (code >= 0x80 && code < 0xa0) return "\ufffd";
  if (char === "\u2028" || char === "\u2029") return "␤";
  // Bidirectional overrides could make a file name read as another one.
  if (/[\u202a-\u202e\u2066-\u2069]/.test(char)) return "\ufffd";
  return undefined;
}

function mapChars(text: string, map: (char: string) => string | undefined): string {
  let out = "";
  for (const char of text.replaceAll("\r\n", "\n")) out += map(char) ?? char;
  return out;
}

/** One line of plain text: control characters made visible. For the log and the terminal. */
export function escapeLine(text: string): string {
  return mapChars(text, controlPicture);
}

/** Text for inside HTML (`<details>`, `<code>`, attributes): entities, on one line. */
export function escapeHtml(text: string): string {
  return mapChars(text, (char) => HTML[char] ?? controlPicture(char));
}

/**
 * Text for Markdown: HTML special characters as entities, Markdown punctuation behind a
 * backslash, on one line. Renders as the literal text: never HTML, emphasis, code, a link text,
 * a heading or list item, and never a cell break in a table.
 */
export function escapeMarkdown(text: string): string {
  const body = mapChars(
    text,
    (char) =>
      HTML[char] ??
      controlPicture(char) ??
      (MARKDOWN_PUNCTUATION.has(char) ? `\\${char}` : undefined),
  );
  // What only means something at the start of a line: a heading, a list item, a setext underline.
  if (/^[#+\-=]/.test(body)) return `\\${body}`;
  return body.replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Text for one table cell: as `escapeMarkdown` (which escapes `|`), and never empty, since an
 * empty cell at the end of a row is easy to lose.
 */
export function escapeCell(text: string): string {
  return text === "" ? "—" : escapeMarkdown(text);
}

/** Monospace in Markdown (a table cell, a paragraph): `<code>`, whose content GFM still parses. */
export function codeMarkdown(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** Inline monospace inside an HTML block, where Markdown is not parsed. */
export function codeHtml(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
