import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const MAX_OUTPUT = 1024 * 1024 * 1024;

/** Runs git in `cwd` (with `input` on its stdin, if given) and returns its stdout. */
export async function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const options = { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8" as const };
  const running = execFileAsync("git", args, options);
  if (input === undefined) return (await running).stdout;
  let inputError: Error | undefined;
  running.child.stdin?.on("error", (error) => {
    // Kept for after git exits: a failing git's own error (its exit status) tells more.
    inputError = error;
  });
  running.child.stdin?.end(input);
  const { stdout } = await running;
  // git succeeded, but it may not have seen all of its input: its answer is incomplete.
  if (inputError) throw inputError;
  return stdout;
}

/** Runs git in `cwd` and returns its stdout and stderr (where it warns about what it skipped). */
export async function gitWithWarnings(
  cwd: string,
  args: readonly string[],
): Promise<{ stdout: string; stderr: string }> {
  const options = { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8" as const };
  const { stdout, stderr } = await execFileAsync("git", args, options);
  return { stdout, stderr };
}
