import { parse, TomlError } from "smol-toml";
import { UserError } from "../errors.js";
import { isTable } from "../shared/toml.js";

/** One uv `cache-keys` entry, parsed: the five forms of uv's `CacheKey`, with `git` normalized. */
export type UvEntry =
  | { readonly kind: "file"; readonly pattern: string }
  | { readonly kind: "dir"; readonly path: string }
  | { readonly kind: "git"; readonly commit: boolean; readonly tags: boolean }
  | { readonly kind: "env"; readonly name: string };

const FORMS = "expected a string or a table with exactly one of `file`, `dir`, `git`, `env`";

/** An entry and where it was written, for messages. */
export interface ParsedUvEntry {
  readonly entry: UvEntry;
  readonly origin: string;
}

/**
 * Parses a `[tool.uv] cache-keys` value with uv's meaning, strictly: where uv silently falls back
 * to its defaults on an invalid entry, this throws a UserError naming the entry and the problem.
 * `{ git = false }` is accepted and contributes nothing, as in uv.
 */
export function parseCacheKeys(value: unknown, where: string): ParsedUvEntry[] {
  if (!Array.isArray(value)) {
    throw new UserError(`${where}: cache-keys must be a list, got ${describe(value)}`);
  }
  const entries: ParsedUvEntry[] = [];
  value.forEach((item, index) => {
    const origin = `${where} cache-keys[${index}]`;
    const entry = parseEntry(item, origin);
    if (entry) entries.push({ entry, origin });
  });
  return entries;
}

/**
 * Parses the action's `cache-keys` input: one entry per line, either a bare path or glob, or a
 * TOML inline table such as `{ env = "MY_FLAG" }`.
 */
export function parseCacheKeyLines(lines: readonly string[], where: string): ParsedUvEntry[] {
  const entries: ParsedUvEntry[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const origin = `${where} line ${index + 1}`;
    const entry = parseEntry(line.startsWith("{") ? parseInline(line, origin) : line, origin);
    if (entry) entries.push({ entry, origin });
  });
  return entries;
}

function parseInline(line: string, origin: string): unknown {
  try {
    return (parse(`entry = ${line}`) as Record<string, unknown>).entry;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new UserError(`${origin}: not a TOML inline table: ${line}`);
    }
    throw error;
  }
}

function parseEntry(item: unknown, origin: string): UvEntry | undefined {
  if (typeof item === "string") return { kind: "file", pattern: nonEmpty(item, origin, "path") };
  if (!isTable(item)) throw new UserError(`${origin}: ${FORMS}, got ${describe(item)}`);
  const fields = Object.keys(item);
  const unknown = fields.filter((f) => !["file", "dir", "git", "env"].includes(f));
  if (unknown.length > 0) {
    throw new UserError(`${origin}: unknown field \`${unknown[0]}\` (${FORMS})`);
  }
  if (fields.length !== 1) {
    const found = fields.length === 0 ? "none" : fields.map((f) => `\`${f}\``).join(" and ");
    throw new UserError(`${origin}: ${FORMS}, found ${found}`);
  }
  const field = fields[0] as "file" | "dir" | "git" | "env";
  const value = item[field];
  switch (field) {
    case "file":
      return { kind: "file", pattern: text(value, origin, "file") };
    case "dir":
      return { kind: "dir", path: text(value, origin, "dir") };
    case "env":
      return { kind: "env", name: envName(text(value, origin, "env"), origin) };
    case "git":
      return parseGit(value, origin);
  }
}

function parseGit(value: unknown, origin: string): UvEntry | undefined {
  if (value === false) return undefined;
  if (value === true) return { kind: "git", commit: true, tags: false };
  if (!isTable(value)) {
    throw new UserError(`${origin}: \`git\` must be true, false or { commit, tags }`);
  }
  for (const [field, flag] of Object.entries(value)) {
    if (field !== "commit" && field !== "tags") {
      throw new UserError(
        `${origin}: unknown field \`git.${field}\` (expected \`commit\`, \`tags\`)`,
      );
    }
    if (typeof flag !== "boolean") {
      throw new UserError(
        `${origin}: \`git.${field}\` must be true or false, got ${describe(flag)}`,
      );
    }
  }
  const commit = value.commit === true;
  const tags = value.tags === true;
  return commit || tags ? { kind: "git", commit, tags } : undefined;
}

function text(value: unknown, origin: string, field: string): string {
  if (typeof value !== "string") {
    throw new UserError(`${origin}: \`${field}\` must be a string, got ${describe(value)}`);
  }
  return nonEmpty(value, origin, field);
}

function nonEmpty(value: string, origin: string, what: string): string {
  if (value.trim() === "") throw new UserError(`${origin}: empty ${what}`);
  return value;
}

function envName(name: string, origin: string): string {
  if (/[=\0]/.test(name)) throw new UserError(`${origin}: invalid environment variable name`);
  return name;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "object") return "a table";
  return `${typeof value} ${JSON.stringify(value)}`;
}
