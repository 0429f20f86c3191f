import { readFile } from "node:fs/promises";
import path from "node:path";
import { type ParsedEntry, parseCacheKeys } from "../keys/parse.js";
import type { ProjectModel } from "./model.js";
import { lookup, parseTomlContent } from "./pyproject.js";

/** The project's own `[tool.uv] cache-keys`, and a warning when they are only in uv.toml. */
export interface DeclaredKeys {
  /** Undefined when pyproject.toml sets no `cache-keys`: the backend's defaults apply. */
  readonly entries?: ParsedEntry[];
  readonly warnings: string[];
}

/**
 * Reads `[tool.uv] cache-keys` from pyproject.toml, strictly. uv ignores `cache-keys` in uv.toml,
 * and so does wheel-cache, but it says so.
 */
export async function readDeclaredKeys(
  project: ProjectModel,
  displayDir: string,
): Promise<DeclaredKeys> {
  const where = path.join(displayDir, "pyproject.toml");
  const value = lookup(project.pyproject.data, "tool", "uv", "cache-keys");
  const entries = value === undefined ? undefined : parseCacheKeys(value, `${where}: [tool.uv]`);
  const warnings: string[] = [];
  const uvToml = await readFile(path.join(project.dir, "uv.toml"), "utf8").catch(() => undefined);
  if (uvToml !== undefined && entries === undefined) {
    const display = path.join(displayDir, "uv.toml");
    if (lookup(parseTomlContent(uvToml, display), "cache-keys") !== undefined) {
      warnings.push(
        `${display}: cache-keys in uv.toml have no effect (uv reads them only from pyproject.toml's [tool.uv]); move them there`,
      );
    }
  }
  return { entries, warnings };
}
