import type { FingerprintKey } from "../keys/types.js";
import type { Manifest } from "./manifest.js";

export interface FileChanges {
  readonly added: string[];
  readonly modified: string[];
  readonly removed: string[];
}

/** One key that differs between two manifests. */
export interface KeyChange {
  readonly id: string;
  readonly status: "changed" | "added" | "removed";
  readonly group: FingerprintKey["group"];
  /** Per-file changes, for file-like keys. A file that became absent counts as removed. */
  readonly files?: FileChanges;
  readonly before?: string;
  readonly after?: string;
}

/** The keys that differ between a previous and a current manifest, in id order. */
export function diffManifests(previous: Manifest, current: Manifest): KeyChange[] {
  const before = new Map(previous.keys.map((k) => [k.id, k]));
  const after = new Map(current.keys.map((k) => [k.id, k]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: KeyChange[] = [];
  for (const id of ids) {
    const old = before.get(id);
    const now = after.get(id);
    if (old && now && old.digest === now.digest) continue;
    const status = !old ? "added" : !now ? "removed" : "changed";
    const key = (now ?? old)!;
    const files =
      old?.files || now?.files ? diffFiles(old?.files ?? {}, now?.files ?? {}) : undefined;
    changes.push({ id, status, group: key.group, files, before: old?.detail, after: now?.detail });
  }
  return changes;
}

function diffFiles(
  old: Readonly<Record<string, string | null>>,
  now: Readonly<Record<string, string | null>>,
): FileChanges {
  const changes: FileChanges = { added: [], modified: [], removed: [] };
  for (const path of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
    const a = old[path] ?? null;
    const b = now[path] ?? null;
    if (a === b) continue;
    if (a === null) changes.added.push(path);
    else if (b === null) changes.removed.push(path);
    else changes.modified.push(path);
  }
  return changes;
}
