import type { RestoreOff } from "../config/index.js";
import { assertNever } from "../errors.js";

/** Why a run restored nothing, in a few words for a headline or a reason. */
export function restoreOffShort(why: RestoreOff): string {
  switch (why.kind) {
    case "input":
      return "restoring is off (input restore: false)";
    case "event":
      return `a ${why.event} run, built from its sources`;
    case "tag":
      return "a tag push, built from its sources";
    default:
      return assertNever(why);
  }
}

/** The log's line: why this run restores nothing, and how to have it restore anyway. */
export function restoreOffText(why: RestoreOff): string {
  const what =
    why.kind === "input"
      ? undefined
      : why.kind === "event"
        ? `a ${why.event} run`
        : `a tag push (${why.ref})`;
  if (!what) return "not restoring (input restore: false): building from the sources";
  return `not restoring: this is ${what}, which must be built from its sources, not taken from a cache entry another workflow may have written (restore: true restores anyway)`;
}
