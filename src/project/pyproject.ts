import path from "node:path";
import { UserError } from "../errors.js";
import { parseTomlContent, type TomlTable } from "../shared/toml.js";

/** A parsed pyproject.toml, or an empty table for a setup.py-only project. */
export interface PyProject {
  /** Absolute project directory. */
  readonly dir: string;
  /** True when the project has a pyproject.toml (a setup.py-only project has none). */
  readonly exists: boolean;
  readonly data: TomlTable;
}

/**
 * Reads the pyproject.toml of the project at `dir` through `read` (project-relative, undefined
 * when absent). A project with neither pyproject.toml nor setup.py is a UserError, and so is a
 * pyproject.toml that Python's `tomllib` (what every build frontend reads it with) rejects.
 */
export async function readPyproject(
  dir: string,
  displayDir: string,
  read: (rel: string) => Promise<string | undefined>,
): Promise<PyProject> {
  const display = path.join(displayDir, "pyproject.toml");
  const text = await read("pyproject.toml");
  if (text !== undefined) return { dir, exists: true, data: parsePyprojectContent(text, display) };
  if ((await read("setup.py")) === undefined) {
    throw new UserError(
      `${displayDir} is not a Python project: it has neither pyproject.toml nor setup.py`,
    );
  }
  return { dir, exists: false, data: {} };
}

/** Parses pyproject.toml text as `tomllib` would: a byte order mark is an error there too. */
export function parsePyprojectContent(text: string, display: string): TomlTable {
  if (text.startsWith("\uFEFF")) {
    throw new UserError(
      `${display}:1:1: invalid TOML: the file starts with a UTF-8 byte order mark, which Python's tomllib (and so every build frontend) rejects`,
    );
  }
  return parseTomlContent(text, display);
}
