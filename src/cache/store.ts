import path from "node:path";
import type { SaveOff } from "../config/index.js";
import type { Manifest } from "../fingerprint/manifest.js";
import { readEntryManifest, resetDir, writeEntry } from "./entry.js";
import type { CacheBackend } from "./types.js";

/** The cache and the directory entries are staged in. */
export interface StoreDeps {
  readonly cache: CacheBackend;
  readonly stagingDir: string;
}

/** Why a run saved nothing. */
export type SkipReason =
  | SaveOff
  | { readonly kind: "restored" }
  | { readonly kind: "not-built" }
  | { readonly kind: "build-failed" }
  /** Covered files changed while the build ran: the wheels may not match the fingerprint. */
  | { readonly kind: "inputs-changed"; readonly files: readonly string[] }
  /**
   * An incremental build reused earlier output and did not read files that changed, or (keys)
   * reused setuptools output across a change of flags, toolchain or Python it does not follow.
   */
  | {
      readonly kind: "reused-stale";
      readonly files: readonly string[];
      readonly keys?: readonly string[];
    }
  /** A save step's fingerprint no longer yields the key its restore step gave. */
  | { readonly kind: "fingerprint-moved"; readonly cacheKey: string };

/** What happened to the cache save. */
export type SaveOutcome =
  | { readonly status: "saved" | "exists" }
  | { readonly status: "skipped"; readonly why: SkipReason }
  /**
   * `warning` is the cache's own account; `wheelsSaved` when only the manifest entry failed;
   * `repeated` when the cause was warned about earlier in the run (one warning per cause).
   */
  | {
      readonly status: "failed";
      readonly warning: string;
      readonly wheelsSaved: boolean;
      readonly repeated?: boolean;
    };

/** A restored manifest and the key it was found under, or the cache's trouble. */
export interface ManifestLookup {
  readonly found?: { readonly key: string; readonly manifest: Manifest };
  readonly warning?: string;
  /** The key of an entry that was found but holds no readable manifest. */
  readonly damaged?: string;
}

/**
 * Restores a manifest entry (exact `key`, or the newest under `restoreKeys`) into `dir` and reads
 * it; cache trouble comes back as a warning and no manifest.
 */
export async function restoreManifest(
  deps: StoreDeps,
  dir: string,
  key: string,
  restoreKeys: readonly string[],
): Promise<ManifestLookup> {
  await resetDir(dir);
  const restored = await deps.cache.restore({ dir, key, restoreKeys });
  // A cause already warned about is not warned about again: the lookup is a plain miss.
  if (restored.status === "unavailable")
    return restored.repeated ? {} : { warning: restored.warning };
  if (restored.status !== "hit") return {};
  const manifest = await readEntryManifest(dir);
  return manifest
    ? { found: { key: restored.matchedKey, manifest } }
    : { damaged: restored.matchedKey };
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
  if (saved.status === "failed") {
    return {
      status: "failed",
      warning: saved.warning,
      wheelsSaved: false,
      repeated: saved.repeated,
    };
  }
  // Wheels another job already cached come with that job's manifest, which it may still be
  // uploading: saving ours too would race it and report a failure that is not one.
  if (saved.status === "exists") return { status: "exists" };
  await writeEntry(manifestDir, manifest);
  const manifestSaved = await deps.cache.save({ dir: manifestDir, key: keys.manifest });
  if (manifestSaved.status === "failed") {
    const { warning, repeated } = manifestSaved;
    return { status: "failed", warning, wheelsSaved: true, repeated };
  }
  return { status: saved.status };
}
