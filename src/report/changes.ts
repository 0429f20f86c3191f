import type { KeyChange } from "../fingerprint/diff.js";
import type { ObservedChange } from "../fingerprint/observed.js";
import type { KeyGroup } from "../keys/types.js";
import type { RunResult } from "../pipeline/result.js";
import { fileEntries } from "./format.js";

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
