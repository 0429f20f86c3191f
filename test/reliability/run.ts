import { CLI_JS, cleanEnv } from "../support/action.js";
import { buildEnv } from "../support/build-env.js";
import {
  type BoundedOptions,
  type ProcessResult,
  spawnBounded as spawnChild,
  type TimedResult,
} from "../support/spawn.js";

export type { TimedResult } from "../support/spawn.js";

export interface SpawnOptions extends Omit<BoundedOptions, "env" | "timeoutMs"> {
  /** Default: the build environment without runner variables. */
  readonly env?: NodeJS.ProcessEnv;
  /** Default 60 s. */
  readonly timeoutMs?: number;
}

/** Runs `command args` without a shell, bounded, in the build environment by default. */
export function spawnBounded(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<TimedResult> {
  return spawnChild(command, args, {
    ...options,
    env: options.env ?? cleanEnv(buildEnv),
    timeoutMs: options.timeoutMs ?? 60_000,
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
