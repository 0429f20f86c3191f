import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.js";
import { splitCommandFor } from "../shared/command-line.js";
import { digestOf, short } from "../shared/digest.js";
import { isInside } from "../shared/paths.js";
import {
  type Builder,
  type Config,
  DEFAULT_KEY_PREFIX,
  HOST_BUILDER,
  keyPart,
  names,
  type RestoreOff,
  readOrigin,
  type SaveOff,
  type Step,
  seconds,
  WHOLE_LOOP,
} from "./index.js";
import { parseCacheKeyLines } from "./uv-entries.js";

/**
 * Which action runs: the one-step action (`action.yml`: restore, or build and save), or the
 * separate steps around another build step (`restore/action.yml`, `save/action.yml`).
 */
export type ActionEntry = "all" | "restore" | "save";

/** Reads the inputs of an action entry (its action.yml) into a Config, for a runner on `platform`. */
export function readActionConfig(
  env: NodeJS.ProcessEnv = process.env,
  entry: ActionEntry = "all",
  platform: NodeJS.Platform = process.platform,
): Config & { readonly stagingDir: string } {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const project = core.getInput("project") || ".";
  const projectDir = path.resolve(workspace, project);
  if (!isInside(projectDir, workspace)) {
    throw new UserError(`input project: ${project} is outside the workspace ${workspace}`);
  }
  const wheelDirInput = core.getInput("wheel-dir") || "dist";
  const wheelDir = path.resolve(projectDir, wheelDirInput);
  if (!isInside(wheelDir, workspace)) {
    throw new UserError(`input wheel-dir: ${wheelDirInput} is outside the workspace ${workspace}`);
  }
  // The separate steps run no build: the build inputs are the one-step action's only.
  const buildCommand = entry === "all" ? core.getInput("build-command") : "";
  const readOnly = cacheReadOnly(env);
  const defaultSave = env.GITHUB_EVENT_NAME !== "pull_request_target" && !readOnly;
  const save = optionalBoolean("save") ?? defaultSave;
  return Object.freeze({
    command: "build",
    projectDir,
    projectDisplay: project,
    workspace,
    buildCommand: buildCommand
      ? splitCommandFor(buildCommand, "input build-command", platform)
      : undefined,
    wheelDir,
    python: core.getInput("python") || undefined,
    extraKeys: parseCacheKeyLines(core.getMultilineInput("cache-keys"), "input cache-keys"),
    envVars: names(core.getMultilineInput("env-vars")),
    keyPrefix: keyPart(core.getInput("key-prefix") || DEFAULT_KEY_PREFIX, "key-prefix"),
    keySuffix: keyPart(core.getInput("key-suffix"), "key-suffix"),
    save: save && !readOnly,
    saveOff: saveOff(env, save, readOnly),
    restoreOff: restoreOff(env),
    lookupOnly: entry === "all" ? (optionalBoolean("lookup-only") ?? false) : false,
    summary: optionalBoolean("summary") ?? true,
    includeIgnored: optionalBoolean("include-ignored") ?? false,
    trace: optionalBoolean("trace") ?? true,
    step: stepOf(entry),
    builder: builderOf(core.getInput("builder"), core.getMultilineInput("builder-settings")),
    installTracer: env.RUNNER_ENVIRONMENT === "github-hosted",
    json: false,
    stagingDir: stagingDir(env, workspace),
    serviceTimeoutMs: seconds(env.WHEEL_CACHE_SERVICE_TIMEOUT, "WHEEL_CACHE_SERVICE_TIMEOUT"),
    buildTimeoutMs:
      entry === "all" ? seconds(core.getInput("build-timeout"), "input build-timeout") : undefined,
    origin: readOrigin(env),
    // Outside the workspace: the result file is the job's own, never part of the checkout.
    // Beside the staging directory, which the run removes when it ends.
    resultDir: path.join(env.RUNNER_TEMP || os.tmpdir(), "wheel-cache-results"),
    env,
    platform,
  });
}

function stepOf(entry: ActionEntry): Step {
  switch (entry) {
    case "all":
      return WHOLE_LOOP;
    case "restore":
      return { kind: "restore", failOnMiss: optionalBoolean("fail-on-cache-miss") ?? false };
    case "save": {
      const cacheKey = core.getInput("cache-key").trim();
      if (cacheKey === "") {
        throw new UserError(
          "input cache-key: required; give it the cache-key output of the restore step",
        );
      }
      return { kind: "save", cacheKey };
    }
  }
}

const BUILDERS: readonly Builder["kind"][] = ["host", "container", "cibuildwheel"];

/**
 * Who builds (input `builder`) and the settings that decide its wheels (`builder-settings`, one
 * per line: the target, the manylinux policy or image, the builder's arguments).
 */
export function builderOf(kind: string, settings: readonly string[]): Builder {
  const given = kind.trim().toLowerCase() || "host";
  if (!BUILDERS.includes(given as Builder["kind"])) {
    throw new UserError(
      `input builder: expected ${BUILDERS.join(", ")}, got ${JSON.stringify(kind.trim())}`,
    );
  }
  const lines = settings.map((line) => line.trim()).filter((line) => line !== "");
  if (given === "host") {
    if (lines.length > 0) {
      throw new UserError(
        "input builder-settings: given with builder host; set builder to container or cibuildwheel",
      );
    }
    return HOST_BUILDER;
  }
  return { kind: given as Builder["kind"], settings: lines };
}

/**
 * Where the action stages cache entries: a fixed directory of the job's temp dir (RUNNER_TEMP,
 * emptied by the runner after every job), never the workspace, whose files a later step may pack.
 */
function stagingDir(env: NodeJS.ProcessEnv, workspace: string): string {
  if (env.RUNNER_TEMP) return path.resolve(env.RUNNER_TEMP, "wheel-cache");
  return path.join(os.tmpdir(), `wheel-cache-${short(digestOf(workspace), 12)}`);
}

function saveOff(env: NodeJS.ProcessEnv, save: boolean, readOnly: boolean): SaveOff | undefined {
  if (readOnly) return { kind: "read-only", mode: env.ACTIONS_CACHE_MODE ?? "" };
  if (save) return undefined;
  return env.GITHUB_EVENT_NAME === "pull_request_target"
    ? { kind: "pull-request-target" }
    : { kind: "input", flag: "input save: false" };
}

/**
 * Whether to restore (`restore`: `auto`, the default, or a boolean): `auto` restores except for
 * runs that publish (a release, a tag push, a `workflow_run`), which build from their sources.
 */
function restoreOff(env: NodeJS.ProcessEnv): RestoreOff | undefined {
  const value = core.getInput("restore");
  if (value.toLowerCase() !== "auto") {
    const restore = optionalBoolean("restore", "auto, true or false");
    if (restore !== undefined) return restore ? undefined : { kind: "input" };
  }
  const event = env.GITHUB_EVENT_NAME;
  if (event === "release" || event === "workflow_run") return { kind: "event", event };
  const ref = env.GITHUB_REF ?? "";
  return ref.startsWith("refs/tags/") ? { kind: "tag", ref } : undefined;
}

function cacheReadOnly(env: NodeJS.ProcessEnv): boolean {
  return env.ACTIONS_CACHE_MODE === "read" || env.ACTIONS_CACHE_MODE === "none";
}

const TRUE = ["true", "yes", "on", "1"];
const FALSE = ["false", "no", "off", "0"];

/**
 * A boolean input in any of the common spellings, in any case (YAML 1.1's `yes`/`on`, `1` from an
 * expression); undefined when empty. Anything else is a one-line error naming the input.
 */
function optionalBoolean(name: string, expected = "true or false"): boolean | undefined {
  const value = core.getInput(name);
  if (value === "") return undefined;
  const word = value.toLowerCase();
  if (TRUE.includes(word)) return true;
  if (FALSE.includes(word)) return false;
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  throw new UserError(
    `input ${name}: expected ${expected} (or yes/no, on/off, 1/0, in any case), got ${shown}`,
  );
}
