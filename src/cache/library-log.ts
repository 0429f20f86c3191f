/**
 * What `@actions/cache` says about its failures. The library swallows nearly every failure and
 * only logs it through `@actions/core`: a lookup the service refused returns the same `undefined`
 * as a miss, and a save it refused the same -1 as a save another job won. Those log lines are the
 * only record of what went wrong, so while a cache call runs its warnings and errors (and the
 * reservation failure it logs at debug level only) are recorded here. They still reach the log
 * unchanged.
 */
export interface LibraryLog {
  /** What the library reported so far, one line each, oldest first. */
  readonly problems: readonly string[];
  /** Stops recording (the log itself is untouched). */
  stop(): void;
}

/** `::warning::text`, `::error file=x::text`, and the debug line of a refused reservation. */
const PROBLEM = /^::(?:warning|error)(?: [^:]*)?::(.*)$|^::debug::(Failed to reserve cache: .*)$/;

/** Starts recording what `@actions/core` writes to stdout. Calls must not overlap. */
export function recordLibraryLog(): LibraryLog {
  const problems: string[] = [];
  const stdout = process.stdout;
  const write = stdout.write;
  const forward = write as (...args: unknown[]) => boolean;
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    for (const line of text.split(/\r?\n/)) {
      const match = PROBLEM.exec(line);
      const data = match?.[1] ?? match?.[2];
      if (data) problems.push(commandData(data));
    }
    return forward.call(stdout, chunk, ...rest);
  }) as typeof stdout.write;
  return {
    problems,
    stop: () => {
      stdout.write = write;
    },
  };
}

/** A workflow command's data on one line (`@actions/core` escapes %, CR and LF). */
function commandData(data: string): string {
  return data
    .replaceAll("%0D", " ")
    .replaceAll("%0A", " ")
    .replaceAll("%25", "%")
    .replace(/\s+/g, " ")
    .trim();
}
