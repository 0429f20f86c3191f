import { execFile } from "node:child_process";

/**
 * Runs a version probe (`rustc -vV`) without a shell and returns its stdout, or undefined when
 * the program is missing, fails or takes longer than `timeoutMs`: an absent tool is a fact
 * the key records, not an error.
 */
export function probe(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.toString());
    });
  });
}
