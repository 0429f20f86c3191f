import { UserError } from "../errors.js";

/**
 * Splits a command line into argv the way a POSIX shell splits words, without expanding
 * anything: whitespace separates words, single quotes are literal, double quotes allow `\"` and
 * `\\`. No shell runs the result, so nothing in it can inject a command.
 */
export function splitCommand(text: string, origin: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) word += text[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= "";
    } else if (c === "\\" && i + 1 < text.length) {
      word = (word ?? "") + text[++i];
    } else {
      word = (word ?? "") + c;
    }
  }
  if (quote) throw new UserError(`${origin}: unclosed ${quote} in ${JSON.stringify(text)}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** argv back to one readable line, quoting words that need it. */
export function joinCommand(argv: readonly string[]): string {
  return argv
    .map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`))
    .join(" ");
}

/**
 * Splits a build command for the platform it runs on. Elsewhere than Windows, as a POSIX shell
 * splits words, across lines too (a line break is a space, or part of a quoted word: `python -c
 * '...'` with a script of several lines). On Windows a command of several lines is one argument
 * per line, taken as written, and one line is split as the C runtime splits a command line:
 * backslashes are literal except before a double quote, so `C:\\Users\\me\\dist` stays one path.
 */
export function splitCommandFor(
  text: string,
  origin: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (platform !== "win32") return splitCommand(text, origin);
  return lines.length > 1 ? lines : splitWindows(lines[0] ?? "", origin);
}

/** The Microsoft C runtime's rules (CommandLineToArgvW) for splitting one command line. */
function splitWindows(text: string, origin: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      let slashes = 0;
      while (text[i] === "\\") {
        slashes++;
        i++;
      }
      if (text[i] === '"') {
        word = (word ?? "") + "\\".repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) word += '"';
        else quoted = !quoted;
      } else {
        word = (word ?? "") + "\\".repeat(slashes);
        i--;
      }
    } else if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        word = `${word ?? ""}"`;
        i++;
      } else {
        quoted = !quoted;
        word ??= "";
      }
    } else if (!quoted && /\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (quoted) throw new UserError(`${origin}: unclosed " in ${JSON.stringify(text)}`);
  if (word !== undefined) words.push(word);
  return words;
}
