import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { joinCommand } from "../../src/shared/command-line.js";
import { actionDefaults, parseOutputFile } from "./action-output.js";
import { buildEnv, REPO_ROOT } from "./build-env.js";
import type { CacheServer } from "./cache-server.js";
import { type ProcessResult, spawnBounded } from "./spawn.js";
import { makeTempDir } from "./tmp.js";

/**
 * Runs the bundled action (`dist/index.js`) and CLI (`dist/cli.js`) as child processes, the way
 * the runner and a user do. Call `ensureDist()` (./dist.ts) in a `beforeAll` first.
 */

export const ACTION_JS = path.join(REPO_ROOT, "dist", "index.js");
export const CLI_JS = path.join(REPO_ROOT, "dist", "cli.js");
export const REPORT_JS = path.join(REPO_ROOT, "dist", "report", "index.js");
/** The separate steps: restore/action.yml and save/action.yml, and their bundles. */
const STEPS = {
  all: { yml: "action.yml", js: ACTION_JS },
  restore: { yml: "restore/action.yml", js: path.join(REPO_ROOT, "dist", "restore", "index.js") },
  save: { yml: "save/action.yml", js: path.join(REPO_ROOT, "dist", "save", "index.js") },
} as const;
const COUNTING_BUILD = fileURLToPath(new URL("./counting-build.mjs", import.meta.url));
const TIMEOUT_MS = 300_000;

export type { ProcessResult } from "./spawn.js";

export interface ActionResult extends ProcessResult {
  /** What the action set with `core.setOutput`, parsed from the GITHUB_OUTPUT file. */
  readonly outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file's content. */
  readonly summary: string;
}

export interface ActionRun {
  /** GITHUB_WORKSPACE and the working directory. */
  readonly workspace: string;
  /** Inputs by their action.yml name; the others get action.yml's defaults, as on a runner. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Extra environment, applied last (e.g. `GITHUB_EVENT_NAME`). */
  readonly env?: Readonly<Record<string, string>>;
  readonly server: CacheServer;
  /**
   * Run as if the workspace were checked out at this path instead, as on another machine: the
   * workspace is bind-mounted there in a private mount namespace (see `canMountWorkspace`).
   */
  readonly mountedAt?: string;
  /** Called with the action's process id once it runs (to signal it at a chosen moment). */
  readonly onSpawn?: (pid: number) => void;
  /** Which action: the one-step action (default), or the separate restore or save step. */
  readonly step?: keyof typeof STEPS;
}

/**
 * Runs `node dist/index.js` (or a separate step's bundle) as the runner does: inputs as
 * `INPUT_<NAME>`, with the defaults of its action.yml, output files, cache env.
 */
export async function runAction(run: ActionRun): Promise<ActionResult> {
  const scratch = makeTempDir("wheel-cache-runner-");
  // The job's temp dir as this workspace's runner has it, empty as every job finds it.
  const ownTemp = runnerTemp(run.workspace);
  rmSync(ownTemp, { recursive: true, force: true });
  mkdirSync(ownTemp);
  const outputFile = path.join(scratch, "output");
  const summaryFile = path.join(scratch, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const step = STEPS[run.step ?? "all"];
  const inputs = { ...actionDefaults(step.yml), ...run.inputs };
  const workspace = run.mountedAt ?? run.workspace;
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(buildEnv),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVar(name), value])),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: "push",
    ...run.server.env(workspace, runnerTemp(workspace)),
    ...run.env,
  };
  // Another machine has the same paths: its own workspace and temp dir are mounted on this one's.
  const mounts = [run.workspace, workspace, ownTemp, runnerTemp(workspace)];
  const result = run.mountedAt
    ? await spawnChild(
        "unshare",
        [...MOUNT_AT, String(mounts.length / 2), ...mounts, process.execPath, step.js],
        scratch,
        env,
        run.onSpawn,
      )
    : await spawnChild(process.execPath, [step.js], workspace, env, run.onSpawn);
  return {
    ...result,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
  };
}

/**
 * Runs the report step (`node dist/report/index.js`, report/action.yml) as the runner does, in
 * `workspace`, with `inputs` as `INPUT_<NAME>` (give every input: report/action.yml's defaults
 * are not read here).
 */
export async function runReportStep(
  workspace: string,
  inputs: Readonly<Record<string, string>>,
): Promise<ActionResult> {
  const scratch = makeTempDir("wheel-cache-runner-");
  const outputFile = path.join(scratch, "output");
  const summaryFile = path.join(scratch, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(buildEnv),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVar(name), value])),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(scratch, "temp"),
  };
  const result = await spawnChild(process.execPath, [REPORT_JS], workspace, env);
  return {
    ...result,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
  };
}

/** Runs `node dist/cli.js ...args`; the environment defaults to the build environment. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  const env = options.env ?? cleanEnv(buildEnv);
  return spawnChild(process.execPath, [CLI_JS, ...args], options.cwd, env);
}

/**
 * `unshare` argv prefix for `<n> <src> <dst>... <command> [args...]`: in a new user and mount
 * namespace, bind-mounts each of the n sources on its destination, then runs the command in the
 * first destination. Node rather than `sh` runs it, because `sh` drops variables such as
 * `INPUT_BUILD-COMMAND` whose names are not shell identifiers.
 */
const MOUNT_AT = [
  "-rm",
  process.execPath,
  "-e",
  `const { spawnSync } = require("node:child_process");
   const [count, ...rest] = process.argv.slice(1);
   const pairs = rest.splice(0, 2 * Number(count));
   for (let i = 0; i < pairs.length; i += 2) {
     const mount = spawnSync("mount", ["--bind", pairs[i], pairs[i + 1]], { stdio: "inherit" });
     if (mount.status !== 0) process.exit(125);
   }
   const [command, ...args] = rest;
   const run = spawnSync(command, args, { cwd: pairs[1], stdio: "inherit" });
   process.exit(run.status ?? 128);`,
];

/** Whether `mountedAt` works here (Linux with user namespaces that may mount). */
export function canMountWorkspace(): boolean {
  const dir = makeTempDir("wheel-cache-mount-");
  const probe = spawnSync("unshare", [...MOUNT_AT, "1", dir, dir, "true"], { stdio: "ignore" });
  return probe.status === 0;
}

const runnerTemps = new Map<string, string>();

/**
 * RUNNER_TEMP of the runner whose workspace is `workspace`: the same path for every run there, as
 * on a real runner (the cache service keys entries on paths under it).
 */
export function runnerTemp(workspace: string): string {
  let dir = runnerTemps.get(workspace);
  if (!dir) {
    dir = path.join(makeTempDir("wheel-cache-runner-temp-"), "_temp");
    mkdirSync(dir);
    runnerTemps.set(workspace, dir);
  }
  return dir;
}

/** The runner's name for an input's variable: `INPUT_BUILD-COMMAND` (dashes kept). */
export function inputVar(name: string): string {
  return `INPUT_${name.replaceAll(" ", "_").toUpperCase()}`;
}

/** `env` without anything a runner, an outer workflow or a previous run set for the action. */
export function cleanEnv(env: Readonly<NodeJS.ProcessEnv>): NodeJS.ProcessEnv {
  const runner = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !runner.test(name)));
}

/** A build command that appends a line to `marker` and then runs `argv`, as one command line. */
export function countingBuild(marker: string, argv: readonly string[]): string {
  return joinCommand([process.execPath, COUNTING_BUILD, marker, ...argv]);
}

/** How many builds the counting wrapper ran with this marker. */
export function buildCount(marker: string): number {
  if (!existsSync(marker)) return 0;
  return readFileSync(marker, "utf8").split("\n").filter(Boolean).length;
}

function spawnChild(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  onSpawn?: (pid: number) => void,
) {
  return spawnBounded(command, args, { cwd, env, timeoutMs: TIMEOUT_MS, onSpawn });
}
