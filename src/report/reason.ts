import { assertNever } from "../errors.js";
import type { KeyChange } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";
import type { ObservedChange } from "../fingerprint/observed.js";
import type { Progress, RunResult } from "../pipeline/result.js";
import { short } from "../shared/digest.js";
import { capLine } from "../shared/list.js";
import { describeObservedChange, missWhy } from "./changes.js";
import { fileEntries, formatDuration, plural, slotOf } from "./format.js";
import { restoreOffShort, restoreOffText } from "./restore-off.js";

/** What a reason is made of. */
export type ReasonFacts = Pick<
  RunResult,
  | "verdict"
  | "changed"
  | "wheels"
  | "buildSeconds"
  | "manifest"
  | "previous"
  | "verifyProblem"
  | "restoreOff"
> &
  Partial<Pick<RunResult, "observedChanges" | "failure">>;

/**
 * The one-line `reason` of a run, plain text (each renderer escapes it): why it was a hit, or why
 * it (would have) rebuilt. Why a restored entry was rejected (`the cached wheel x.whl does not
 * match its recorded sha256`) explains a rebuild before any key change does.
 */
export function reasonOf(facts: ReasonFacts): string {
  const verifyProblem = facts.verifyProblem;
  switch (facts.verdict) {
    case "hit":
      return explainHit(facts.wheels.length, facts.buildSeconds);
    case "lookup-hit":
      return `a build for this fingerprint is in the cache${withWheels(facts.manifest)} (lookup-only: nothing restored)`;
    case "built":
      return explainMiss(facts, "rebuilt", verifyProblem);
    case "failed":
      return `${facts.failure?.message ?? "the build failed"}; it ran because ${missCause(facts, verifyProblem)}`;
    case "lookup-miss":
      return `${explainMiss(facts, "would rebuild", verifyProblem)} (lookup-only: nothing built)`;
    case "miss":
      return `${explainMiss(facts, "to rebuild", verifyProblem)} (the build step builds, the save step saves)`;
    case "saved":
      return `saved ${plural(facts.wheels.length, "wheel")} the build step built`;
    default:
      return assertNever(facts.verdict);
  }
}

/** `restored 2 wheels built for this fingerprint (saved about 1 min 12 s of build)`. */
export function explainHit(wheels: number, savedSeconds: number | undefined): string {
  const saved =
    savedSeconds === undefined ? "" : ` (saved about ${formatDuration(savedSeconds)} of build)`;
  return `restored ${plural(wheels, "wheel")} built for this fingerprint${saved}`;
}

function withWheels(manifest: Manifest): string {
  return manifest.wheels ? ` with ${plural(manifest.wheels.length, "wheel")}` : "";
}

function explainMiss(facts: ReasonFacts, verb: string, verifyProblem: string | undefined): string {
  const cause = missCause(facts, verifyProblem);
  return !verifyProblem && !facts.observedChanges?.length && !facts.previous && !facts.restoreOff
    ? cause
    : `${verb}: ${cause}`;
}

/** Why a run (would have) built, without a verb. */
function missCause(facts: ReasonFacts, verifyProblem: string | undefined): string {
  if (facts.restoreOff) return restoreOffShort(facts.restoreOff);
  if (verifyProblem) return verifyProblem;
  const observed = facts.observedChanges ?? [];
  if (observed.length > 0) return describeObserved(observed);
  if (!facts.previous) return `no cached build of this project for ${slotOf(facts.manifest)} yet`;
  if (facts.changed.length === 0) {
    const why = "but its wheels were not in the cache (evicted or never saved)";
    return `no key changed since the last recorded build, ${why}`;
  }
  return describeChanges(facts.changed);
}

/**
 * `2 keys changed — file:src/** (src/lib.rs modified), toolchain:rustc`, or, when no key that
 * affects the compiled code changed, `only shipped Python files changed (python/pkg/__init__.py)`.
 */
export function describeChanges(changed: readonly KeyChange[]): string {
  const compiled = changed.filter((c) => c.group === "rebuild" || c.group === "implicit");
  if (compiled.length === 0) {
    const paths = changed.flatMap((c) => {
      const entries = c.files ? fileEntries(c.files) : [];
      return entries.length > 0 ? entries.map((f) => f.path) : [c.id];
    });
    return `only ${onlyWhat(changed)} changed (${capLine(paths)})`;
  }
  const ordered = [...compiled, ...changed.filter((c) => !compiled.includes(c))];
  // One file often sits in several keys (a glob and its package directory): name it once.
  const parts = new Map<string, string>();
  for (const change of ordered) {
    const entries = change.files && change.status === "changed" ? fileEntries(change.files) : [];
    for (const f of entries) parts.set(`file ${f.path}`, `${f.path} ${f.verb}`);
    if (entries.length === 0) parts.set(`key ${change.id}`, describeChange(change));
  }
  return `${plural(changed.length, "key")} changed — ${capLine([...parts.values()])}`;
}

function onlyWhat(changed: readonly KeyChange[]): string {
  const groups = new Set(changed.map((c) => c.group));
  if (groups.size > 1) return "shipped and metadata files";
  if (groups.has("metadata")) return "metadata inputs";
  const paths = changed.flatMap((c) => (c.files ? fileEntries(c.files) : []));
  const python = paths.length > 0 && paths.every((f) => /\.pyi?$/.test(f.path));
  return python ? "shipped Python files" : "shipped files";
}

/** `file:src/** (src/lib.rs modified, src/new.rs added and 3 more)`. */
function describeChange(change: KeyChange): string {
  const id = change.id;
  if (change.status === "added") return `${id} (new key)`;
  if (change.status === "removed") return `${id} (key removed)`;
  const entries = change.files ? fileEntries(change.files) : [];
  if (entries.length === 0) return id;
  return `${id} (${capLine(entries.map((f) => `${f.path} ${f.verb}`))})`;
}

/**
 * `csrc/table.inc, which the build read, changed; no key covers it`: why a build of the same
 * fingerprint could not be used.
 */
export function describeObserved(changes: readonly ObservedChange[]): string {
  const text = capLine(changes.map(describeObservedChange));
  const inRepository = changes.some((c) => c.kind === "file" || c.kind === "dir");
  return inRepository ? `${text} (no key covers it: the build's trace saw it)` : text;
}

/** A progress event as plain lines. */
export function progressLines(event: Progress): string[] {
  switch (event.kind) {
    case "fingerprint":
      return event.restoreOff
        ? [`fingerprint ${short(event.fingerprint)}`, restoreOffText(event.restoreOff)]
        : [`looking up fingerprint ${short(event.fingerprint)} in the ${event.cache} cache`];
    case "build":
      return [
        event.restoreOff
          ? `building: ${restoreOffShort(event.restoreOff)}`
          : `cache miss: ${buildWhy(event)}`,
        `building with: ${event.argv.join(" ")}${event.traced ? " (traced)" : ""}`,
      ];
    case "build-done":
      return [];
    default:
      return assertNever(event);
  }
}

/** Why this run builds, in one line, shown before the build's own output. */
function buildWhy(event: Extract<Progress, { kind: "build" }>): string {
  if (!event.previous && !event.verifyProblem && event.observedChanges.length === 0) {
    return "no earlier build of this project on this platform and Python is cached";
  }
  return missWhy(event);
}
