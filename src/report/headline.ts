import { assertNever } from "../errors.js";
import type { RunResult } from "../pipeline/result.js";
import { type Escape, missWhy, PLAIN } from "./changes.js";
import { formatDuration, plural, slotOf } from "./format.js";

/** The facts a headline is made of. */
export type HeadlineFacts = Pick<
  RunResult,
  | "verdict"
  | "changed"
  | "observedChanges"
  | "verifyProblem"
  | "restoreOff"
  | "previous"
  | "wheels"
  | "buildSeconds"
  | "manifest"
>;

/**
 * The verdict with its answer, for the summary's heading: what happened, why, for which platform
 * and Python, and the time it took or saved. `esc` escapes each piece of user text.
 */
export function headline(
  facts: HeadlineFacts,
  ids?: ReadonlyMap<string, string>,
  esc: Escape = PLAIN,
): string {
  const slot = esc(slotOf(facts.manifest));
  const took = facts.buildSeconds === undefined ? "" : formatDuration(facts.buildSeconds);
  switch (facts.verdict) {
    case "hit": {
      const saved = took ? ` · saved ${took}` : "";
      return `Restored ${plural(facts.wheels.length, "wheel")} · ${slot}${saved}`;
    }
    case "built": {
      const verb = facts.previous ? "Rebuilt" : "Built";
      return `${verb}${took ? ` in ${took}` : ""}: ${missWhy(facts, ids, esc)} · ${slot}`;
    }
    case "failed": {
      const cause =
        facts.previous ||
        facts.verifyProblem ||
        facts.restoreOff ||
        facts.observedChanges.length > 0
          ? `: ${missWhy(facts, ids, esc)}`
          : "";
      return `Build failed${took ? ` in ${took}` : ""}${cause} · ${slot}`;
    }
    case "lookup-hit":
      return `Cached, nothing to build (lookup only) · ${slot}`;
    case "lookup-miss":
      return `Would rebuild: ${missWhy(facts, ids, esc)} (lookup only) · ${slot}`;
    case "miss":
      return `Nothing to restore: ${missWhy(facts, ids, esc)} (the build step builds) · ${slot}`;
    case "saved":
      return `Saved ${plural(facts.wheels.length, "wheel")} the build step built · ${slot}`;
    default:
      return assertNever(facts.verdict);
  }
}

/**
 * The one notice of a run, plain text: `hit, saved about 4 min`, `rebuilt: src/lib.rs modified`.
 * Undefined for a failed build, whose error says it.
 */
export function noticeOf(
  facts: HeadlineFacts,
  ids?: ReadonlyMap<string, string>,
): string | undefined {
  switch (facts.verdict) {
    case "hit":
      return facts.buildSeconds === undefined
        ? "hit"
        : `hit, saved about ${formatDuration(facts.buildSeconds)}`;
    case "built":
      return facts.previous ? `rebuilt: ${missWhy(facts, ids)}` : "built: no cached build yet";
    case "failed":
      return undefined;
    case "lookup-hit":
      return "lookup only: cached";
    case "lookup-miss":
      return `lookup only: would rebuild: ${missWhy(facts, ids)}`;
    case "miss":
      return `miss: ${missWhy(facts, ids)}`;
    case "saved":
      return `saved ${plural(facts.wheels.length, "wheel")} the build step built`;
    default:
      return assertNever(facts.verdict);
  }
}
