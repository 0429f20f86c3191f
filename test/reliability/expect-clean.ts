import { expect } from "vitest";
import type { ActionResult, ProcessResult } from "../support/action.js";
import { errorLines, tail } from "../support/action-output.js";

/** A line of a JavaScript stack trace (`    at fn (file.js:1:2)`). */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/**
 * The CLI failed with a non-zero status and one `wheel-cache: ...` line matching `pattern`; its
 * stdout is empty, or (`stdout: "result"`, a failed build) the run's result and nothing else.
 */
export function expectCliError(
  result: ProcessResult,
  pattern: RegExp,
  options: { stdout?: "empty" | "result" } = {},
): string {
  expect(result.code, tail(result)).not.toBe(0);
  expect(result.stderr, "a stack trace").not.toMatch(STACK);
  const errors = result.stderr.split("\n").filter((l) => l.startsWith("wheel-cache: "));
  const last = errors.at(-1) ?? "";
  expect(last, tail(result)).toMatch(pattern);
  if (options.stdout === "result") {
    // `--json`: one JSON object; otherwise the terminal report, led by the verdict.
    if (result.stdout.startsWith("{")) expect(() => JSON.parse(result.stdout)).not.toThrow();
    else expect(result.stdout, "the failed build's report").toMatch(/^wheel-cache: Build failed/);
  } else expect(result.stdout, "stdout of a failed run").toBe("");
  return last;
}

/** The action failed with a non-zero status and exactly one one-line `::error::` matching `pattern`. */
export function expectActionError(result: ActionResult, pattern: RegExp): string {
  expect(result.code, tail(result)).not.toBe(0);
  const errors = errorLines(result);
  expect(errors, tail(result)).toHaveLength(1);
  const message = errors[0]!.replace(/^::error::/, "");
  expect(message, "a multi-line error").not.toMatch(/%0A|%0D/);
  expect(message).toMatch(pattern);
  expect(`${result.stdout}\n${result.stderr}`, "a stack trace").not.toMatch(STACK);
  return message;
}

/** The action succeeded: exit 0 and no stack trace anywhere. */
export function expectActionOk(result: ActionResult): void {
  expect(result.code, tail(result)).toBe(0);
  expect(`${result.stdout}\n${result.stderr}`, "a stack trace").not.toMatch(STACK);
}
