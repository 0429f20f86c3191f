import path from "node:path";
import { UserError } from "../errors.js";
import type { ParsedUvEntry } from "./uv-entries.js";

export type Command = "build" | "keys" | "diff";

/** Everything a run is told, read and validated once. Nothing else reads inputs or settings. */
export interface Config {
  readonly command: Command;
  /** Absolute project directory, and the path as the user wrote it (for messages). */
  readonly projectDir: string;
  readonly projectDisplay: string;
  /** Absolute workspace: GITHUB_WORKSPACE for the action, the current directory for the CLI. */
  readonly workspace: string;
  /** argv of the build command; undefined to choose one from the backend and PATH. */
  readonly buildCommand?: readonly string[];
  /** Absolute directory the wheels end up in. */
  readonly wheelDir: string;
  /** The interpreter that builds; undefined for `python3`/`python` on PATH. */
  readonly python?: string;
  /** Extra uv-style entries from the `cache-keys` input or `--cache-key` flags. */
  readonly extraKeys: readonly ParsedUvEntry[];
  /** Extra environment variable names (`NAME`) and prefixes (`NAME_*`) to key. */
  readonly envVars: readonly string[];
  readonly keyPrefix: string;
  readonly keySuffix: string;
  readonly save: boolean;
  /** Why saving is off, when it is. */
  readonly saveOff?: SaveOff;
  readonly lookupOnly: boolean;
  readonly summary: boolean;
  /** Fingerprint files that .gitignore ignores too. */
  readonly includeIgnored: boolean;
  /** Trace the build (Linux, with strace) and validate hits against what it read. */
  readonly trace: boolean;
  /** Install strace when it is missing (GitHub-hosted Linux runners, bounded in time). */
  readonly installTracer: boolean;
  readonly json: boolean;
  /**
   * Longest one GitHub cache call may take (`WHEEL_CACHE_SERVICE_TIMEOUT`, seconds); undefined for
   * the defaults (120 s for a restore, 300 s for a save).
   */
  readonly serviceTimeoutMs?: number;
  /**
   * Where the run's result file goes (for the matrix report): a fresh file in `resultDir` (the
   * action: RUNNER_TEMP, else the OS temp dir), or exactly `resultFile` (the CLI's
   * `--result-file`); neither: none is written.
   */
  readonly resultDir?: string;
  readonly resultFile?: string;
  /** Local cache directory (CLI); undefined for the default location. */
  readonly cacheDir?: string;
  /** The environment that probes and the build run with. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Why a run does not save: the `save` input or `--no-save`, a `pull_request_target` run (untrusted
 * code with the base branch's cache scope), or a job whose cache access is read-only.
 */
export type SaveOff =
  | { readonly kind: "input"; readonly flag: "input save: false" | "--no-save" }
  | { readonly kind: "pull-request-target" }
  | { readonly kind: "read-only"; readonly mode: string };

export const DEFAULT_KEY_PREFIX = "wheel-cache";

/** A Config with defaults, for the CLI and for tests. */
export function makeConfig(overrides: Partial<Config> & { projectDir: string }): Config {
  const workspace = overrides.workspace ?? process.cwd();
  return Object.freeze({
    command: "build",
    projectDisplay: overrides.projectDir,
    workspace,
    wheelDir: path.resolve(overrides.projectDir, "dist"),
    extraKeys: [],
    envVars: [],
    keyPrefix: DEFAULT_KEY_PREFIX,
    keySuffix: "",
    save: true,
    lookupOnly: false,
    summary: true,
    includeIgnored: false,
    trace: true,
    installTracer: false,
    json: false,
    env: process.env,
    ...overrides,
  });
}

/** Environment names from a multiline or comma-separated list. */
export function names(lines: readonly string[]): string[] {
  return lines
    .flatMap((l) => l.split(","))
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A user-supplied key part: commas are refused by the cache service, so they are refused here. */
export function keyPart(value: string, input: string): string {
  if (value.includes(","))
    throw new UserError(`input ${input}: cache keys cannot contain commas: ${value}`);
  if (value.length > 200) throw new UserError(`input ${input}: longer than 200 characters`);
  return value.trim();
}
