import { execFile } from "node:child_process";
import { invocationOf } from "./invocation.js";

/**
 * Runs a version probe (`rustc -vV`) without a shell, in `cwd` (where pyenv's `.python-version`
 * and `rust-toolchain.toml` apply, as for the build), and returns its stdout, or undefined when
 * the program is missing, fails, cannot be started (see invocationOf) or takes longer than
 * `timeoutMs`: an absent tool is a fact the key records, not an error.
 */
export function probe(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
  timeoutMs = 60_000,
): Promise<string | undefined> {
  const started = invocationOf([command, ...args], env);
  if ("problem" in started) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const options = {
      env,
      cwd,
      timeout: timeoutMs,
      windowsHide: true,
      windowsVerbatimArguments: started.verbatim,
    };
    execFile(started.file, started.args, options, (error, stdout) => {
      resolve(error ? undefined : stdout.toString());
    });
  });
}
