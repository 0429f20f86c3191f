/**
 * What `@actions/cache` says while a cache call runs. The library swallows nearly every failure
 * and only logs it through `@actions/core`: a lookup the service refused returns the same
 * `undefined` as a miss, and a save it refused the same -1 as a save another job won. Those log
 * lines are the only record of what went wrong, so its warnings and errors (and the reservation
 * failure it logs at debug level only) are recorded here, for the backend's own warning to quote.
 *
 * Its lines go to the debug log (`ACTIONS_STEP_DEBUG`) instead of the step's log: they describe
 * this action's internal entries in the library's words ("Cache hit for restore-key: ..." for a
 * manifest lookup on a miss, "Lookup only - skipping download" on a normal restore), repeat the
 * cache key, and its warnings are said again, once, in the run's own warning.
 */
export interface LibraryLog {
  /** What the library reported so far, one line each, oldest first. */
  readonly problems: readonly string[];
  /** Stops recording and hands the log back. */
  stop(): void;
}

/** `::warning::text`, `::error file=x::text`, and the debug line of a refused reservation. */
const PROBLEM = /^::(?:warning|error)(?: [^:]*)?::(.*)$|^::debug::(Failed to reserve cache: .*)$/;
/** Workflow commands that are not messages (`::add-mask::`, `::set-output ...`): left as they are. */
const OTHER_COMMAND = /^::(?!warning|error|notice|debug)[a-z-]+(?: [^:]*)?::/;

/** Starts recording what `@actions/core` writes to stdout. Calls must not overlap. */
export function recordLibraryLog(): LibraryLog {
  const problems: string[] = [];
  const stdout = process.stdout;
  const write = stdout.write;
  const forward = write as (...args: unknown[]) => boolean;
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const lines = text.split(/\r?\n/);
    const last = lines.pop() ?? "";
    const shown = lines.map((line) => {
      const match = PROBLEM.exec(line);
      const data = match?.[1] ?? match?.[2];
      if (data) problems.push(commandData(data));
      return debugLine(line, data);
    });
    const out = [...shown, ...(last === "" ? [] : [debugLine(last, undefined)])];
    return forward.call(stdout, `${out.join("\n")}${last === "" ? "\n" : ""}`, ...rest);
  }) as typeof stdout.write;
  return {
    problems,
    stop: () => {
      stdout.write = write;
    },
  };
}

/** A line of the library's as a debug line (its message only, for its own commands). */
function debugLine(line: string, data: string | undefined): string {
  if (line === "" || line.startsWith("::debug::") || OTHER_COMMAND.test(line)) return line;
  const message = data ?? /^::(?:warning|error|notice)(?: [^:]*)?::(.*)$/.exec(line)?.[1];
  return `::debug::${message ?? line.replaceAll("%", "%25")}`;
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
