import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { describeChanges, describeObserved } from "./reason.js";
import { restoreOffShort } from "./restore-off.js";

/** What a cause is made of. */
export type CauseFacts = Pick<
  RunResult,
  "verdict" | "changed" | "previous" | "verifyProblem" | "observedChanges" | "restoreOff"
>;

/**
 * Why a run rebuilt (or, looking up only, would rebuild), in words that name no platform or
 * Python, so that legs which rebuilt for the same reason say the same thing and group together:
 * `1 key changed — src/lib.rs modified`, `no cached build yet`. Undefined for a hit and a save.
 */
export function causeOf(facts: CauseFacts): string | undefined {
  // A save step saves what another step built: the restore step before it said why.
  if (isCacheHit(facts) || facts.verdict === "saved") return undefined;
  if (facts.restoreOff) return restoreOffShort(facts.restoreOff);
  if (facts.verifyProblem) return facts.verifyProblem;
  if (facts.observedChanges.length > 0) return describeObserved(facts.observedChanges);
  if (!facts.previous) return "no cached build yet";
  if (facts.changed.length === 0) return "no key changed, but the wheels were not in the cache";
  return describeChanges(facts.changed);
}
