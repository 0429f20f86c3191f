import path from "node:path";
import { UserError } from "../errors.js";
import type { ParsedUvEntry } from "./uv-entries.js";

export type Command = "build" | "keys" | "diff" | "uv-keys" | "check";

/**
 * Which part of the loop a run does: all of it (restore, or build and save), only the restore
 * (a separate step builds, for builders that run elsewhere), or only the save of wheels another
 * step built, under the key the restore step gave.
 */
export type Step =
  | { readonly kind: "all" }
  | { readonly kind: "restore"; readonly failOnMiss: boolean }
  | { readonly kind: "save"; readonly cacheKey: string };

/**
 * Who builds: the loop itself on this machine (`host`), or a builder whose environment is
 * elsewhere (a container, cibuildwheel): then the host's interpreter and compilers say nothing
 * about the wheels, and the builder's settings are keyed instead.
 */
export interface Builder {
  readonly kind: "host" | "container" | "cibuildwheel";
  /** Settings of the builder that decide the wheels (target, manylinux policy, image, arguments). */
  readonly settings: readonly string[];
}

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
  /** The interpreter that builds; undefined for the platform's default (see defaultPython). */
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
  /** Why this run restores nothing and builds fresh, when it does. */
  readonly restoreOff?: RestoreOff;
  readonly lookupOnly: boolean;
  readonly summary: boolean;
  /** Fingerprint files that .gitignore ignores too. */
  readonly includeIgnored: boolean;
  /** Trace the build (Linux: the seccomp tracer, or strace) and validate hits against what it read. */
  readonly trace: boolean;
  /** Install strace where no tracer runs (GitHub-hosted Linux runners, bounded in time). */
  readonly installTracer: boolean;
  readonly json: boolean;
  /** What `uv-keys` is asked to do (that command only). */
  readonly uvKeys?: UvKeysOptions;
  /**
   * Longest one GitHub cache call may take (`WHEEL_CACHE_SERVICE_TIMEOUT`, seconds); undefined for
   * the defaults (120 s for a restore, 300 s for a save).
   */
  readonly serviceTimeoutMs?: number;
  /**
   * Longest the build may run (`build-timeout`, `--build-timeout`, seconds): then its whole
   * process group is ended and the run fails. Undefined for no limit.
   */
  readonly buildTimeoutMs?: number;
  /**
   * The action's staging directory, outside the workspace and the same path every run (the cache
   * service keys entries on it): `wheel-cache` in RUNNER_TEMP, else in the OS temp dir per
   * workspace. Undefined for the CLI, which makes a fresh one per run.
   */
  readonly stagingDir?: string;
  /**
   * Where the run's result file goes (for the matrix report): a fresh file in `resultDir` (the
   * action: RUNNER_TEMP, else the OS temp dir), or exactly `resultFile` (the CLI's
   * `--result-file`); neither: none is written.
   */
  readonly resultDir?: string;
  readonly resultFile?: string;
  /** Local cache directory (CLI); undefined for the default location. */
  readonly cacheDir?: string;
  /** Where a build of this run comes from (the commit and workflow run), for its manifest. */
  readonly origin: Origin;
  /** The environment that probes and the build run with. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * The OS the run is on (`process.platform`; tests give another): how the build command is
   * split, which interpreter is the default, how programs are started and output paths written.
   */
  readonly platform: NodeJS.Platform;
  readonly step: Step;
  readonly builder: Builder;
}

export interface UvKeysOptions {
  /** Write the list into pyproject.toml; replace a different list there only with `force`. */
  readonly write: boolean;
  readonly force: boolean;
  /** Build the project under the tracer first, and include what the build read. */
  readonly trace: boolean;
}

/**
 * Why a run does not save: the `save` input or `--no-save`, a `pull_request_target` run (untrusted
 * code with the base branch's cache scope), or a job whose cache access is read-only.
 */
export type SaveOff =
  | { readonly kind: "input"; readonly flag: "input save: false" | "--no-save" }
  | { readonly kind: "pull-request-target" }
  | { readonly kind: "read-only"; readonly mode: string };

/**
 * Why a run does not restore: `restore: false`, or (by `restore: auto`) a run that publishes: a
 * release, a tag push, or a `workflow_run` (which runs on the default branch after another
 * workflow). Such runs read the default branch's cache entries, which any workflow on that branch
 * can write (one that runs untrusted code included): what they ship must be built from their own
 * sources.
 */
export type RestoreOff =
  | { readonly kind: "input" }
  | { readonly kind: "event"; readonly event: "release" | "workflow_run" }
  | { readonly kind: "tag"; readonly ref: string };

/** The whole loop, on this machine: what a run does unless told otherwise. */
export const WHOLE_LOOP: Step = { kind: "all" };
export const HOST_BUILDER: Builder = { kind: "host", settings: [] };

/**
 * Where a build comes from, as the CI environment tells: the commit, the workflow run (id, number
 * and page) and the runner's OS. Empty where nothing tells (a build by hand).
 */
export interface Origin {
  readonly commit?: string;
  readonly runId?: string;
  readonly runNumber?: string;
  readonly runUrl?: string;
  readonly runnerOs?: string;
}

/**
 * The origin of a run from GitHub's variables (GITHUB_SHA, GITHUB_RUN_ID, GITHUB_RUN_NUMBER,
 * GITHUB_SERVER_URL, GITHUB_REPOSITORY, RUNNER_OS). A value that does not have its variable's
 * form is left out, so a manifest only ever records a commit id, numbers, one URL and an OS name.
 */
export function readOrigin(env: NodeJS.ProcessEnv): Origin {
  const valid = (value: string | undefined, form: RegExp) => {
    const text = value?.trim();
    return text && form.test(text) ? text : undefined;
  };
  const runId = valid(env.GITHUB_RUN_ID, /^\d{1,20}$/);
  const server = valid(env.GITHUB_SERVER_URL, /^https?:\/\/[\w.:-]+$/);
  const repository = valid(env.GITHUB_REPOSITORY, /^[\w.-]+\/[\w.-]+$/);
  const origin: Origin = {
    commit: valid(env.GITHUB_SHA, /^[0-9a-f]{7,64}$/),
    runId,
    runNumber: valid(env.GITHUB_RUN_NUMBER, /^\d{1,20}$/),
    runUrl:
      runId && server && repository ? `${server}/${repository}/actions/runs/${runId}` : undefined,
    runnerOs: valid(env.RUNNER_OS, /^[\w .-]{1,40}$/),
  };
  return Object.fromEntries(Object.entries(origin).filter(([, v]) => v !== undefined));
}

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
    platform: process.platform,
    step: WHOLE_LOOP,
    builder: HOST_BUILDER,

    origin: {},
    ...overrides,
  });
}

/** Environment names from a multiline or comma-separated list. */
export function names(lines: readonly string[]): string[] {
  // One per line, or separated by commas or spaces (`A B C`, as rust-cache accepts): no
  // environment variable name holds either.
  return lines
    .flatMap((l) => l.split(/[\s,]+/))
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

/**
 * A time limit given in seconds (a positive number, fractions allowed) as milliseconds; undefined
 * when empty. `what` names the input, flag or variable in the error.
 */
export function seconds(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    throw new UserError(`${what}: expected a positive number of seconds, got ${shown}`);
  }
  return parsed * 1000;
}
