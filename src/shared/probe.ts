import { execFile } from "node:child_process";

/**
 * Runs a version probe (`rustc -vV`) without a shell, in `cwd` (where pyenv's `.python-version`
 * and `rust-toolchain.toml` apply, as for the build), and returns its stdout, or undefined when
 * the program is missing, fails or takes longer than `timeoutMs`: an absent tool is a fact
 * the key records, not an error.
 */
export function probe(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
  timeoutMs = 60_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const options = { env, cwd, timeout: timeoutMs, windowsHide: true };
    execFile(command, args, options, (error, stdout) => {
      resolve(error ? undefined : stdout.toString());
    });
  });
}
