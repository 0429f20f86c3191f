import path from "node:path";
import type { CacheBackend } from "./cache/types.js";
import { readEntryManifest, resetDir, writeEntry } from "./entry.js";
import type { Manifest } from "./fingerprint/manifest.js";
import type { SaveOutcome } from "./result.js";

/** The cache and the directory entries are staged in. */
export interface StoreDeps {
  readonly cache: CacheBackend;
  readonly stagingDir: string;
}

/**
 * Restores a manifest entry (exact `key`, or the newest under `restoreKeys`) and reads it; cache
 * trouble is added to `warnings` and reads as no manifest.
 */
export async function restoreManifest(
  deps: StoreDeps,
  dir: string,
  key: string,
  restoreKeys: string[],
  warnings: string[],
): Promise<{ key: string; manifest: Manifest } | undefined> {
  await resetDir(dir);
  const restored = await deps.cache.restore({ dir, key, restoreKeys });
  if (restored.status === "unavailable") warnings.push(restored.warning);
  if (restored.status !== "hit") return undefined;
  const manifest = await readEntryManifest(dir);
  return manifest ? { key: restored.matchedKey, manifest } : undefined;
}

/** Saves the wheels entry (wheels and manifest), then the small manifest entry beside it. */
export async function saveEntries(
  deps: StoreDeps,
  keys: { wheels: string; manifest: string },
  manifest: Manifest,
  wheels: readonly string[],
): Promise<SaveOutcome> {
  const entryDir = path.join(deps.stagingDir, "entry");
  const manifestDir = path.join(deps.stagingDir, "manifest");
  await writeEntry(entryDir, manifest, wheels);
  const saved = await deps.cache.save({ dir: entryDir, key: keys.wheels });
  if (saved.status === "failed") return { status: "failed", note: saved.warning };
  // Wheels another job already cached come with that job's manifest, which it may still be
  // uploading: saving ours too would race it and report a failure that is not one.
  if (saved.status === "exists") return { status: "exists" };
  await writeEntry(manifestDir, manifest);
  const manifestSaved = await deps.cache.save({ dir: manifestDir, key: keys.manifest });
  if (manifestSaved.status === "failed") {
    return {
      status: "failed",
      note: `wheels saved, but not their manifest: ${manifestSaved.warning}`,
    };
  }
  return { status: saved.status };
}
