import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.js";
import { splitCommand } from "../shared/command-line.js";
import { isInside } from "../shared/paths.js";
import { type Config, DEFAULT_KEY_PREFIX, keyPart, names, type SaveOff } from "./index.js";
import { parseCacheKeyLines } from "./uv-entries.js";

/** Reads the action's inputs (action.yml) into a Config. */
export function readActionConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const project = core.getInput("project") || ".";
  const projectDir = path.resolve(workspace, project);
  const wheelDirInput = core.getInput("wheel-dir") || "dist";
  const wheelDir = path.resolve(projectDir, wheelDirInput);
  if (!isInside(wheelDir, workspace)) {
    throw new UserError(`input wheel-dir: ${wheelDirInput} is outside the workspace ${workspace}`);
  }
  const buildCommand = core.getInput("build-command");
  const readOnly = cacheReadOnly(env);
  const defaultSave = env.GITHUB_EVENT_NAME !== "pull_request_target" && !readOnly;
  const save = optionalBoolean("save") ?? defaultSave;
  return Object.freeze({
    command: "build",
    projectDir,
    projectDisplay: project,
    workspace,
    buildCommand: buildCommand ? splitCommand(buildCommand, "input build-command") : undefined,
    wheelDir,
    python: core.getInput("python") || undefined,
    extraKeys: parseCacheKeyLines(core.getMultilineInput("cache-keys"), "input cache-keys"),
    envVars: names(core.getMultilineInput("env-vars")),
    keyPrefix: keyPart(core.getInput("key-prefix") || DEFAULT_KEY_PREFIX, "key-prefix"),
    keySuffix: keyPart(core.getInput("key-suffix"), "key-suffix"),
    save: save && !readOnly,
    saveOff: saveOff(env, save, readOnly),
    lookupOnly: optionalBoolean("lookup-only") ?? false,
    summary: optionalBoolean("summary") ?? true,
    includeIgnored: optionalBoolean("include-ignored") ?? false,
    trace: optionalBoolean("trace") ?? true,
    installTracer: env.RUNNER_ENVIRONMENT === "github-hosted",
    json: false,
    serviceTimeoutMs: serviceTimeout(env.WHEEL_CACHE_SERVICE_TIMEOUT),
    // Outside the workspace: the result file is the job's own, never part of the checkout.
    resultDir: path.join(env.RUNNER_TEMP || os.tmpdir(), "wheel-cache"),
    env,
  });
}

/** `WHEEL_CACHE_SERVICE_TIMEOUT`: seconds, a positive number; unset or empty for the defaults. */
function serviceTimeout(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UserError(
      `WHEEL_CACHE_SERVICE_TIMEOUT: expected a positive number of seconds, got ${JSON.stringify(value)}`,
    );
  }
  return seconds * 1000;
}

function saveOff(env: NodeJS.ProcessEnv, save: boolean, readOnly: boolean): SaveOff | undefined {
  if (readOnly) return { kind: "read-only", mode: env.ACTIONS_CACHE_MODE ?? "" };
  if (save) return undefined;
  return env.GITHUB_EVENT_NAME === "pull_request_target"
    ? { kind: "pull-request-target" }
    : { kind: "input", flag: "input save: false" };
}

function cacheReadOnly(env: NodeJS.ProcessEnv): boolean {
  return env.ACTIONS_CACHE_MODE === "read" || env.ACTIONS_CACHE_MODE === "none";
}

function optionalBoolean(name: string): boolean | undefined {
  return core.getInput(name) === "" ? undefined : core.getBooleanInput(name);
}
