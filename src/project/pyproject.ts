import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse, TomlError } from "smol-toml";
import { UserError } from "../errors.js";

export type TomlTable = Record<string, unknown>;

/** A parsed pyproject.toml, or an empty table for a setup.py-only project. */
export interface PyProject {
  /** Absolute project directory. */
  readonly dir: string;
  /** True when the project has a pyproject.toml (a setup.py-only project has none). */
  readonly exists: boolean;
  readonly data: TomlTable;
}

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

/**
 * Reads the project at `dir`. A missing directory, or one with neither pyproject.toml nor
 * setup.py, is a UserError.
 */
export async function readPyproject(dir: string, displayDir = dir): Promise<PyProject> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new UserError(`project directory not found: ${displayDir}`);
  if (!info.isDirectory()) throw new UserError(`project is not a directory: ${displayDir}`);
  const file = path.join(dir, "pyproject.toml");
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new UserError(`cannot read ${path.join(displayDir, "pyproject.toml")}: ${error.code}`);
  });
  if (text !== undefined) {
    const data = parseTomlContent(text, path.join(displayDir, "pyproject.toml"));
    return { dir, exists: true, data };
  }
  const setupPy = await stat(path.join(dir, "setup.py")).catch(() => undefined);
  if (!setupPy?.isFile()) {
    throw new UserError(
      `${displayDir} is not a Python project: it has neither pyproject.toml nor setup.py`,
    );
  }
  return { dir, exists: false, data: {} };
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
