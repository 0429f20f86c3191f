import { spawn } from "node:child_process";

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A finished child process, with how long it ran and whether it was killed. */
export interface TimedResult extends ProcessResult {
  readonly ms: number;
  readonly signal: NodeJS.Signals | null;
}

export interface BoundedOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** SIGKILL after this long: a hang ends the case instead of the suite. */
  readonly timeoutMs: number;
  /** Called with the child's pid once it runs (to kill it at a chosen moment). */
  readonly onSpawn?: (pid: number) => void;
}

/** Runs `command args` without a shell, collects its output, and kills it at the time limit. */
export function spawnBounded(
  command: string,
  args: readonly string[],
  options: BoundedOptions,
): Promise<TimedResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
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
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 128, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}
