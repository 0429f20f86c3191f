/**
 * Escaping for text the user controls (file names, key ids, wheel names, warnings) in every
 * renderer. Each function keeps the text on one line: a newline becomes `␤` and any other control
 * character its Unicode control picture (bidirectional overrides become `\ufffd`), so a file name can never end an HTML block, split a table
 * row, start a workflow command in the log, or send escape sequences to a terminal.
 */

const HTML: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Characters that mean something in GitHub-flavoured Markdown: escaped with a backslash. */
const MARKDOWN_PUNCTUATION = new Set("\\`*_{}[]()#+-.!|~:$@");

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
 * backslash, on one line. Renders as the literal text and never as HTML, emphasis or a link.
 */
export function escapeMarkdown(text: string): string {
  return mapChars(
    text,
    (char) =>
      HTML[char] ??
      controlPicture(char) ??
      (MARKDOWN_PUNCTUATION.has(char) ? `\\${char}` : undefined),
  );
}

/**
 * Text for one table cell: as `escapeMarkdown` (which escapes `|`), and never empty, since an
 * empty cell at the end of a row is easy to lose.
 */
export function escapeCell(text: string): string {
  return text === "" ? "—" : escapeMarkdown(text);
}

/** Inline monospace in Markdown (a table cell, a paragraph): `<code>`, whose content GFM still parses. */
export function codeMarkdown(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** Inline monospace inside an HTML block, where Markdown is not parsed. */
export function codeHtml(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}
