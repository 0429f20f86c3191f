import { assertNever } from "../errors.js";
import type { KeyChange } from "../fingerprint/diff.js";
import type { ObservedChange } from "../fingerprint/observed.js";
import type { KeyGroup } from "../keys/types.js";
import type { RunResult } from "../pipeline/result.js";
import { fileEntries, formatCount } from "./format.js";
import { restoreOffShort } from "./restore-off.js";

/**
 * One thing that changed since the last cached build, as the report lists it: a file (once, with
 * every group whose keys cover it), a key that covers no changed file (a toolchain, a variable,
 * a key added or removed), or an input a traced build read that no key covers.
 */
export type ChangedItem =
  | {
      readonly kind: "file";
      readonly path: string;
      readonly verb: "added" | "modified" | "removed";
      readonly groups: readonly KeyGroup[];
    }
  | { readonly kind: "key"; readonly change: KeyChange }
  | { readonly kind: "observed"; readonly what: string; readonly change: ObservedChange };

/** What changed: files first (modified, added, removed), then keys, then observed inputs. */
export function changedItems(
  result: Pick<RunResult, "changed" | "observedChanges">,
): ChangedItem[] {
  const files = new Map<string, Extract<ChangedItem, { kind: "file" }>>();
  const keys: ChangedItem[] = [];
  for (const change of result.changed) {
    // A key added or removed lists all its files; they did not change with it.
    const entries = change.files && change.status === "changed" ? fileEntries(change.files) : [];
    if (entries.length === 0) keys.push({ kind: "key", change });
    for (const entry of entries) {
      const known = files.get(entry.path);
      const groups = known?.groups.includes(change.group)
        ? known.groups
        : [...(known?.groups ?? []), change.group];
      files.set(entry.path, { kind: "file", path: entry.path, verb: entry.verb, groups });
    }
  }
  const order = { modified: 0, added: 1, removed: 2 };
  const sorted = [...files.values()].sort(
    (a, b) => order[a.verb] - order[b.verb] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const observed = result.observedChanges.map(
    (change): ChangedItem => ({ kind: "observed", what: change.what, change }),
  );
  return [...sorted, ...keys, ...observed];
}

/**
 * The paths of the files that changed since the last cached build: those of the keys, and those
 * a traced build read that no key covers (the `changed-files` output).
 */
export function changedFiles(result: Pick<RunResult, "changed" | "observedChanges">): string[] {
  const paths = changedItems({ changed: result.changed, observedChanges: [] }).flatMap((item) =>
    item.kind === "file" ? [item.path] : [],
  );
  const observed = result.observedChanges.filter((c) => c.kind === "file").map((c) => c.what);
  return [...new Set([...paths, ...observed])];
}

/** What says why a run missed: a run's result, or the progress event before its build. */
export type MissFacts = Pick<
  RunResult,
  "changed" | "observedChanges" | "verifyProblem" | "restoreOff"
> & {
  readonly previous?: unknown;
};

/** Escapes one piece of user text (a path, an id, a problem) for the medium: plain by default. */
export type Escape = (text: string) => string;

export const PLAIN: Escape = (text) => text;

/**
 * Why a run built (or would have, or tried to), in a few words: the file when one changed
 * (`src/lib.rs modified`), else how many (`3 files changed`), then a key that covers no file
 * (`toolchain:rustc changed`); an input the trace saw; why the cached wheels could not be used.
 * `ids` gives the key ids as the medium shows them; `esc` escapes each piece of user text.
 */
export function missWhy(
  facts: MissFacts,
  ids: ReadonlyMap<string, string> = new Map(),
  esc: Escape = PLAIN,
): string {
  if (facts.restoreOff) return esc(restoreOffShort(facts.restoreOff));
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

/** One observed difference in words: `csrc/table.inc, which the build read, changed`. */
export function describeObservedChange(change: ObservedChange): string {
  switch (change.kind) {
    case "file":
      if (change.after === "absent") return `${change.what}, which the build read, is gone`;
      if (change.before === "absent")
        return `${change.what}, which the build looked for, exists now`;
      return `${change.what}, which the build read, changed`;
    case "dir":
      return `${change.what === "." ? "the project directory" : `${change.what}/`}, which the build listed, has other files`;
    case "tool":
      return change.before.startsWith("/")
        ? `${change.what} now runs ${change.after} instead of ${change.before}`
        : `the program ${change.what} changed`;
    case "package":
      return `the package ${change.what} changed (${change.before} → ${change.after})`;
    case "distribution":
      return `${change.what}, which the build imported, is no longer installed`;
    case "outside":
      return `${change.what}, which the build read, changed`;
    default:
      return assertNever(change.kind);
  }
}
