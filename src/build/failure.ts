import { UserError } from "../errors.js";

/** What a build that failed leaves to tell: how it ended and the end of its output. */
export interface BuildFailed {
  /** One line naming the cause and the command (the step's error). */
  readonly message: string;
  readonly argv: readonly string[];
  /** How the build process ended, when it ran at all. */
  readonly exitCode?: number;
  readonly signal?: string;
  /** The last lines of its output (stdout and stderr as they came), without terminal escapes. */
  readonly outputTail: readonly string[];
  /** Whether earlier output was left out of `outputTail`. */
  readonly truncated: boolean;
}

/**
 * A build command that could not run, failed, or wrote no wheel: a user error whose facts the
 * pipeline keeps, so that the report can say what changed and how the build ended.
 */
export class BuildFailure extends UserError {
  override name = "BuildFailure";

  constructor(readonly failed: BuildFailed) {
    super(failed.message);
  }
}

/**
 * A failed build's facts with `values` taken out of its output (each replaced by `***`), longest
 * first so that a value containing another is taken out whole.
 */
export function withoutValues(failed: BuildFailed, values: readonly string[]): BuildFailed {
  if (values.length === 0) return failed;
  const sorted = [...values].sort((a, b) => b.length - a.length);
  const redact = (line: string) => sorted.reduce((text, v) => text.replaceAll(v, "***"), line);
  return { ...failed, outputTail: failed.outputTail.map(redact) };
}
