import { execFile } from "node:child_process";

/** Runs a command quietly within a time limit; says how it ended. */
export function runBounded(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: timeoutMs, windowsHide: true }, (error) => {
      if (!error) resolve("done");
      else if (error.killed) resolve(`no answer within ${timeoutMs / 1000} s`);
      else resolve(`${command} exited with ${String(error.code ?? error.message)}`);
    });
  });
}
