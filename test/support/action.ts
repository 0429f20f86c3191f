import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { joinCommand } from "../../src/command-line.js";
import { buildEnv, REPO_ROOT } from "./build-env.js";
import type { CacheServer } from "./cache-server.js";
import { makeTempDir } from "./tmp.js";

/**
 * Runs the bundled action (`dist/index.js`) and CLI (`dist/cli.js`) as child processes, the way
 * the runner and a user do. Call `ensureDist()` (./dist.ts) in a `beforeAll` first.
 */

export const ACTION_JS = path.join(REPO_ROOT, "dist", "index.js");
export const CLI_JS = path.join(REPO_ROOT, "dist", "cli.js");
const COUNTING_BUILD = fileURLToPath(new URL("./counting-build.mjs", import.meta.url));
const TIMEOUT_MS = 300_000;

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

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
}

/** Runs `node dist/index.js` as the runner does: inputs as `INPUT_<NAME>`, output files, cache env. */
export async function runAction(run: ActionRun): Promise<ActionResult> {
  const scratch = makeTempDir("wheel-cache-runner-");
  const runnerTemp = path.join(scratch, "temp");
  const outputFile = path.join(scratch, "output");
  const summaryFile = path.join(scratch, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const inputs = { ...actionDefaults(), ...run.inputs };
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(buildEnv),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVar(name), value])),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: "push",
    ...run.server.env(run.workspace, runnerTemp),
    ...run.env,
  };
  const result = await spawnNode([ACTION_JS], run.workspace, env);
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
  return spawnNode([CLI_JS, ...args], options.cwd, options.env ?? cleanEnv(buildEnv));
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

/**
 * The GITHUB_OUTPUT file format: `name<<DELIMITER` heredocs (what `core.setOutput` writes) and
 * plain `name=value` lines.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]} for ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/** Every input's default as action.yml declares it (a minimal reader of its `inputs:` block). */
export function actionDefaults(): Record<string, string> {
  const yml = readFileSync(path.join(REPO_ROOT, "action.yml"), "utf8").split("\n");
  const defaults: Record<string, string> = {};
  let input: string | undefined;
  let inInputs = false;
  for (const line of yml) {
    if (/^\S/.test(line)) inInputs = line.startsWith("inputs:");
    if (!inInputs) continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) input = name[1];
    const value = /^ {4}default:\s*(.*)$/.exec(line);
    if (input && value) defaults[input] = unquote(value[1]!.trim());
  }
  return defaults;
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted ? quoted[1]! : value;
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

function spawnNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
