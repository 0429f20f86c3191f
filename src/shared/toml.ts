import { parse, TomlError } from "smol-toml";
import { UserError } from "../errors.js";

export type TomlTable = Record<string, unknown>;

/** Parses TOML text (pyproject.toml, Cargo.toml); a syntax error is a UserError naming the file, line and column. */
export function parseTomlContent(text: string, displayPath: string): TomlTable {
  try {
    return parse(text) as TomlTable;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "");
      throw new UserError(`${displayPath}:${error.line}:${error.column}: invalid TOML: ${reason}`);
    }
    throw error;
  }
}

/** `table[k1][k2]...` when every step is a table, else undefined. */
export function lookup(table: TomlTable, ...keys: string[]): unknown {
  let value: unknown = table;
  for (const key of keys) {
    if (!isTable(value)) return undefined;
    value = value[key];
  }
  return value;
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
