import { assertNever } from "../errors.js";
import type { KeyChange } from "../fingerprint/diff.js";
import type { RunResult } from "../pipeline/result.js";
import { changedItems } from "./changes.js";
import { formatCount, formatDuration, plural, slotOf } from "./format.js";
import { describeObservedChange } from "./reason.js";

/** The facts a headline is made of. */
export type HeadlineFacts = Pick<
  RunResult,
  | "verdict"
  | "changed"
  | "observedChanges"
  | "verifyProblem"
  | "previous"
  | "wheels"
  | "buildSeconds"
  | "manifest"
>;

/** Escapes one piece of user text (a path, an id, a problem) for the medium: plain by default. */
export type Escape = (text: string) => string;

const PLAIN: Escape = (text) => text;

/**
 * Why a run built (or would have, or tried to), in a few words: the file when one changed
 * (`src/lib.rs modified`), else how many (`3 files changed`), then a key that covers no file
 * (`toolchain:rustc changed`); an input the trace saw; why the cached wheels could not be used.
 * `ids` gives the key ids as the medium shows them; `esc` escapes each piece of user text.
 */
export function missWhy(
  facts: HeadlineFacts,
  ids: ReadonlyMap<string, string> = new Map(),
  esc: Escape = PLAIN,
): string {
  if (facts.verifyProblem) return esc(facts.verifyProblem);
  const observed = facts.observedChanges;
  if (observed.length === 1) return esc(describeObservedChange(observed[0]!));
  if (observed.length > 1) return `${observed.length} inputs the build read changed`;
  if (!facts.previous) return "no cached build yet";
  const items = changedItems(facts);
  const files = items.filter((i) => i.kind === "file");
  const keys = items.flatMap((i) => (i.kind === "key" ? [i.change] : []));
  const parts: string[] = [];
  if (files.length === 1) parts.push(`${esc(files[0]!.path)} ${files[0]!.verb}`);
  if (files.length > 1) parts.push(`${formatCount(files.length)} files changed`);
  if (keys.length === 1) {
    parts.push(`${esc(ids.get(keys[0]!.id) ?? keys[0]!.id)} ${keyVerb(keys[0]!)}`);
  }
  if (keys.length > 1) parts.push(`${formatCount(keys.length)} keys changed`);
  return parts.length > 0
    ? parts.join(", ")
    : "its cached wheels were gone (evicted or never saved)";
}

function keyVerb(change: KeyChange): string {
  return change.status === "changed" ? "changed" : `${change.status} as a key`;
}

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
        facts.previous || facts.verifyProblem || facts.observedChanges.length > 0
          ? `: ${missWhy(facts, ids, esc)}`
          : "";
      return `Build failed${took ? ` after ${took}` : ""}${cause} · ${slot}`;
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
