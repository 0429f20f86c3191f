import { type ParsedUvEntry, parseCacheKeys } from "../config/uv-entries.js";
import { lookup, parseTomlContent } from "../shared/toml.js";
import type { ProjectModel } from "./model.js";

/** The project's own `[tool.uv] cache-keys`, and a warning when they are only in uv.toml. */
export interface DeclaredKeys {
  /** Undefined when pyproject.toml sets no `cache-keys`: the backend's defaults apply. */
  readonly entries?: ParsedUvEntry[];
  readonly warnings: string[];
}

/**
 * Reads `[tool.uv] cache-keys` from pyproject.toml, strictly. uv ignores `cache-keys` in uv.toml,
 * and so does wheel-cache, but it says so.
 */
export async function readDeclaredKeys(project: ProjectModel): Promise<DeclaredKeys> {
  const where = project.shown("pyproject.toml");
  const value = lookup(project.pyproject.data, "tool", "uv", "cache-keys");
  const entries = value === undefined ? undefined : parseCacheKeys(value, `${where}: [tool.uv]`);
  const warnings: string[] = [];
  const uvToml = entries === undefined ? await project.read("uv.toml") : undefined;
  if (uvToml !== undefined) {
    const display = project.shown("uv.toml");
    if (lookup(parseTomlContent(uvToml, display), "cache-keys") !== undefined) {
      warnings.push(
        `${display}: cache-keys in uv.toml have no effect (uv reads them only from pyproject.toml's [tool.uv]); move them there`,
      );
    }
  }
  return { entries, warnings };
}
