import { isDeepStrictEqual } from "node:util";
import { parse } from "smol-toml";
import { UserError } from "../errors.js";
import { isTable, type TomlTable } from "./toml.js";

/**
 * Sets one key of a TOML document by editing its text, so that every other byte stays as it was
 * (comments, order, formatting): the value of an existing key is replaced in place; a new key goes
 * after the last key of its table, or into a new table at the end. The result is parsed again and
 * must hold the same data but for that key; `display` names the file in the error when it does not.
 */
export function setTomlValue(
  text: string,
  table: readonly string[],
  key: string,
  value: string,
  display: string,
): string {
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const valueText = value.replaceAll(/\r?\n/g, newline);
  let edited: string;
  try {
    edited = splice(text, scan(text), table, key, valueText, newline);
  } catch (error) {
    if (error instanceof ScanError) {
      throw new UserError(
        `${display}: cannot edit it safely (${error.message}); set the value by hand`,
      );
    }
    throw error;
  }
  const path = [...table, key];
  if (!sameData(text, edited, path, (parse(`v = ${valueText}`) as TomlTable).v)) {
    throw new UserError(`${display}: cannot edit it safely; set the value by hand`);
  }
  return edited;
}

class ScanError extends Error {}

/** A `key = value` statement: its full key path and where its parts are in the text. */
interface KeyValue {
  readonly path: readonly string[];
  /** The table it sits in (its header's path; empty at the top). */
  readonly table: readonly string[];
  readonly valueStart: number;
  readonly valueEnd: number;
  /** After its line's end (newline included, when there is one). */
  readonly lineEnd: number;
}

interface Header {
  readonly path: readonly string[];
  readonly array: boolean;
  readonly lineEnd: number;
}

function splice(
  text: string,
  doc: { headers: Header[]; values: KeyValue[] },
  table: readonly string[],
  key: string,
  value: string,
  newline: string,
): string {
  const path = [...table, key];
  const existing = doc.values.find((kv) => same(kv.path, path));
  if (existing) return text.slice(0, existing.valueStart) + value + text.slice(existing.valueEnd);
  const header = doc.headers.find((h) => !h.array && same(h.path, table));
  if (header) {
    const inTable = doc.values.filter((kv) => same(kv.table, table));
    return insertAt(text, inTable.at(-1)?.lineEnd ?? header.lineEnd, `${key} = ${value}`, newline);
  }
  // The table exists through dotted keys of an enclosing table (`[tool]` with `uv.package = ...`).
  const isPrefix = (a: readonly string[], b: readonly string[]) =>
    a.length <= b.length && same(a, b.slice(0, a.length));
  const last = doc.values.findLast(
    (kv) => kv.table.length < table.length && isPrefix(kv.table, table) && isPrefix(table, kv.path),
  );
  if (last && last.path.length > table.length) {
    const prefix = [...table.slice(last.table.length), key].map(bareKey).join(".");
    return insertAt(text, last.lineEnd, `${prefix} = ${value}`, newline);
  }
  if (doc.values.some((kv) => isPrefix(kv.path, table))) {
    throw new ScanError(`[${table.join(".")}] is an inline table`);
  }
  const ending = text === "" || text.endsWith("\n") ? "" : newline;
  const gap = text.trim() === "" ? "" : newline;
  return `${text}${ending}${gap}[${table.map(bareKey).join(".")}]${newline}${key} = ${value}${newline}`;
}

function insertAt(text: string, at: number, line: string, newline: string): string {
  const before = text.slice(0, at);
  const lead = at > 0 && !before.endsWith("\n") ? newline : "";
  return `${before}${lead}${line}${newline}${text.slice(at)}`;
}

function bareKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

function valueAt(data: TomlTable, path: readonly string[]): unknown {
  let value: unknown = data;
  for (const part of path) value = isTable(value) ? value[part] : undefined;
  return value;
}

/**
 * Whether the edited text parses, holds `expected` at `path`, and the same data as the original
 * everywhere else (once `path`, and tables left empty by removing it, are taken out of both).
 */
function sameData(
  text: string,
  edited: string,
  path: readonly string[],
  expected: unknown,
): boolean {
  let after: TomlTable;
  try {
    after = parse(edited) as TomlTable;
  } catch {
    // The edit broke the document: the caller refuses it.
    return false;
  }
  const before = parse(text) as TomlTable;
  const equal = (a: unknown, b: unknown) => isDeepStrictEqual(plain(a), plain(b));
  return (
    equal(valueAt(after, path), expected) && equal(without(before, path), without(after, path))
  );
}

/** Tables as plain objects with sorted keys (the parser's own have no prototype). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (!isTable(value) || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, plain(value[k])]),
  );
}

function without(data: TomlTable, path: readonly string[]): TomlTable {
  const [head, ...rest] = path;
  if (head === undefined || !(head in data)) return data;
  const copy = { ...data };
  const value = copy[head];
  if (rest.length === 0) delete copy[head];
  else if (isTable(value)) {
    const inner = without(value, rest);
    if (Object.keys(inner).length === 0) delete copy[head];
    else copy[head] = inner;
  }
  return copy;
}

/** Scans TOML text for its table headers and key/value statements (values are skipped over). */
function scan(text: string): { headers: Header[]; values: KeyValue[] } {
  const headers: Header[] = [];
  const values: KeyValue[] = [];
  let table: string[] = [];
  let i = 0;
  const fail = (what: string): never => {
    const line = text.slice(0, i).split("\n").length;
    throw new ScanError(`unexpected ${what} on line ${line}`);
  };
  const at = (s: string) => text.startsWith(s, i);
  const skipSpaces = () => {
    while (text[i] === " " || text[i] === "\t") i++;
  };
  /** Spaces, newlines and comments, as inside arrays and inline tables. */
  const skipBlank = () => {
    for (;;) {
      skipSpaces();
      if (text[i] === "#") while (i < text.length && text[i] !== "\n") i++;
      else if (text[i] === "\n" || at("\r\n")) i += text[i] === "\n" ? 1 : 2;
      else return;
    }
  };
  /** The rest of a line after a statement: spaces and a comment. */
  const endOfLine = (): number => {
    skipSpaces();
    if (text[i] === "#") while (i < text.length && text[i] !== "\n") i++;
    if (at("\r\n")) i += 2;
    else if (text[i] === "\n") i++;
    else if (i < text.length) fail("text after a value");
    return i;
  };
  const quoted = (quote: string): string => {
    const start = ++i;
    let out = "";
    while (text[i] !== quote) {
      if (i >= text.length || text[i] === "\n") fail("end of a string");
      if (quote === '"' && text[i] === "\\") {
        out += decodeEscape(text.slice(i, i + 10));
        i += escapeLength(text.slice(i, i + 10));
      } else out += text[i++];
    }
    i++;
    return quote === "'" ? text.slice(start, i - 1) : out;
  };
  const key = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipSpaces();
      if (text[i] === '"' || text[i] === "'") parts.push(quoted(text[i]!));
      else {
        const bare = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 200))?.[0];
        if (!bare) return fail("character in a key");
        parts.push(bare);
        i += bare.length;
      }
      skipSpaces();
      if (text[i] !== ".") return parts;
      i++;
    }
  };
  const multiline = (quote: string) => {
    i += 3;
    for (;;) {
      if (i >= text.length) fail("end of a multi-line string");
      if (quote === '"' && text[i] === "\\") i += 2;
      else if (at(quote.repeat(3))) {
        let run = 0;
        while (text[i + run] === quote && run < 5) run++;
        i += run;
        return;
      } else i++;
    }
  };
  const value = (): void => {
    if (at('"""') || at("'''")) {
      multiline(text[i]!);
      return;
    }
    if (text[i] === '"' || text[i] === "'") {
      quoted(text[i]!);
      return;
    }
    if (text[i] === "[") {
      i++;
      for (skipBlank(); text[i] !== "]"; skipBlank()) {
        value();
        skipBlank();
        if (text[i] === ",") i++;
        else if (text[i] !== "]") fail("character in an array");
      }
      i++;
      return;
    }
    if (text[i] === "{") {
      i++;
      for (skipBlank(); text[i] !== "}"; skipBlank()) {
        key();
        if (text[i] !== "=") fail("character in an inline table");
        i++;
        skipBlank();
        value();
        skipBlank();
        if (text[i] === ",") i++;
        else if (text[i] !== "}") fail("character in an inline table");
      }
      i++;
      return;
    }
    const scalar = SCALAR.exec(text.slice(i, i + 200))?.[0] ?? fail("value");
    i += scalar.length;
  };
  while (i < text.length) {
    skipBlank();
    if (i >= text.length) break;
    if (text[i] === "[") {
      const array = at("[[");
      i += array ? 2 : 1;
      const path = key();
      if (!at(array ? "]]" : "]")) fail("character in a table header");
      i += array ? 2 : 1;
      table = path;
      headers.push({ path, array, lineEnd: endOfLine() });
      continue;
    }
    const path = [...table, ...key()];
    if (text[i] !== "=") fail("character after a key");
    i++;
    skipSpaces();
    const valueStart = i;
    value();
    const valueEnd = i;
    values.push({ path, table, valueStart, valueEnd, lineEnd: endOfLine() });
  }
  return { headers, values };
}

/** A date-time with a space (`1979-05-27 07:32:00`), or any other bare value up to a delimiter. */
const SCALAR =
  /^(?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?|[^\s,\]}#]+)/;

const ESCAPES: Record<string, string> = {
  b: "\b",
  t: "\t",
  n: "\n",
  f: "\f",
  r: "\r",
  e: "\x1b",
  '"': '"',
  "\\": "\\",
};

function escapeLength(s: string): number {
  if (s[1] === "u") return 6;
  if (s[1] === "U") return 10;
  if (s[1] === "x") return 4;
  return 2;
}

function decodeEscape(s: string): string {
  const c = s[1] ?? "";
  if (c in ESCAPES) return ESCAPES[c]!;
  const hex = { u: 4, U: 8, x: 2 }[c];
  const code = hex ? Number.parseInt(s.slice(2, 2 + hex), 16) : Number.NaN;
  if (Number.isNaN(code)) throw new ScanError("invalid escape in a string");
  return String.fromCodePoint(code);
}
