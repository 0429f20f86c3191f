import { spawn } from "node:child_process";
import { CLI_JS, cleanEnv, type ProcessResult } from "../support/action.js";
import { buildEnv } from "../support/build-env.js";

/** A finished child process, with how long it ran and whether it was killed. */
export interface TimedResult extends ProcessResult {
  readonly ms: number;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  readonly cwd: string;
  /** Default: the build environment without runner variables. */
  readonly env?: NodeJS.ProcessEnv;
  /** SIGKILL after this long (default 60 s): a hang ends the case instead of the suite. */
  readonly timeoutMs?: number;
  /** Called with the child's pid once it runs (to kill it at a chosen moment). */
  readonly onSpawn?: (pid: number) => void;
}

/** Runs `command args` without a shell and collects its output. */
export function spawnBounded(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<TimedResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(buildEnv),
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 128, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** `node dist/cli.js ...args`, bounded. `nodeArgs` go before the script. */
export function cli(
  args: readonly string[],
  options: SpawnOptions & { nodeArgs?: readonly string[] },
): Promise<TimedResult> {
  return spawnBounded(process.execPath, [...(options.nodeArgs ?? []), CLI_JS, ...args], options);
}

/** The CLI's `--json` object from stdout. */
export function json<T = Record<string, unknown>>(result: ProcessResult): T {
  return JSON.parse(result.stdout) as T;
}
