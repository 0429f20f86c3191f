import { lstat, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { errorMessage, UserError } from "../errors.js";
import { readEntryManifest } from "./entry.js";
import type { Entry, LocalCache } from "./local.js";

/**
 * The local cache seen as builds: a build's wheels entry and the manifest entries saved beside it
 * (all record the wheels entry's key), listed and pruned together, least recently used first.
 * Never one without the other: a manifest entry kept without its wheels costs one rebuild, and
 * wheels kept without their manifest would never be found again.
 */

/** Entries used this recently are never pruned: a run may be restoring them right now. */
export const IN_USE_MS = 60_000;

export interface LocalBuild {
  /** The wheels entry's key, or an entry's own key when it records none. */
  readonly key: string;
  /** Its entries, the wheels entry first. */
  readonly entries: readonly (Entry & { readonly bytes: number; readonly used: number })[];
  readonly bytes: number;
  /** Milliseconds since the epoch: when it was saved, and when a run last restored it. */
  readonly created: number;
  readonly used: number;
  readonly wheels: readonly string[];
  readonly buildSeconds?: number;
}

/** Every build in the cache, least recently used first. */
export async function listBuilds(cache: LocalCache): Promise<LocalBuild[]> {
  let entries: Entry[];
  try {
    entries = await cache.list();
  } catch (error) {
    throw new UserError(
      `cannot read the cache directory ${cache.cacheDir}: ${errorMessage(error)}`,
    );
  }
  const builds = new Map<
    string,
    { entries: LocalBuild["entries"][number][]; wheels: string[]; seconds?: number }
  >();
  for (const entry of entries) {
    const manifest = await readEntryManifest(path.join(entry.path, "data"));
    const info = await stat(path.join(entry.path, "entry.json")).catch(() => undefined);
    // Removed by a concurrent prune since it was listed: not there any more.
    if (!info) continue;
    const key = manifest?.wheelsKey ?? entry.key;
    const build = builds.get(key) ?? { entries: [], wheels: [] };
    build.entries.push({ ...entry, used: info.mtimeMs, bytes: await treeBytes(entry.path) });
    if (entry.key === key) {
      build.wheels.push(...(manifest?.wheels ?? []).map((w) => w.name));
      build.seconds = manifest?.build?.seconds;
    }
    builds.set(key, build);
  }
  return [...builds]
    .map(([key, b]) => {
      const ordered = [...b.entries].sort((x, y) => Number(y.key === key) - Number(x.key === key));
      return {
        key,
        entries: ordered,
        bytes: ordered.reduce((sum, e) => sum + e.bytes, 0),
        created: Math.min(...ordered.map((e) => e.created)),
        used: Math.max(...ordered.map((e) => e.used)),
        wheels: b.wheels,
        buildSeconds: b.seconds,
      };
    })
    .sort((a, b) => a.used - b.used || (a.key < b.key ? -1 : 1));
}

export interface PruneLimits {
  readonly maxBytes?: number;
  readonly maxAgeDays?: number;
}

export interface PruneOutcome {
  readonly removed: readonly LocalBuild[];
  readonly kept: readonly LocalBuild[];
  /** Builds over a limit that were kept because a run used them in the last minute. */
  readonly inUse: readonly LocalBuild[];
}

/**
 * Removes the builds not used for `maxAgeDays`, then the least recently used until the cache
 * holds at most `maxBytes`. Safe beside running builds and other prunes: an entry is renamed
 * away before it is deleted (a reader never sees half of one), a build's wheels go before its
 * manifests (a run in between rebuilds, and its save completes the pair), and builds used in the
 * last minute stay.
 */
export async function pruneBuilds(
  cache: LocalCache,
  limits: PruneLimits,
  now = Date.now(),
): Promise<PruneOutcome> {
  const builds = await listBuilds(cache);
  const removed: LocalBuild[] = [];
  const inUse: LocalBuild[] = [];
  let total = builds.reduce((sum, b) => sum + b.bytes, 0);
  const maxAgeMs = limits.maxAgeDays === undefined ? undefined : limits.maxAgeDays * 86_400_000;
  for (const build of builds) {
    const old = maxAgeMs !== undefined && now - build.used > maxAgeMs;
    const over = limits.maxBytes !== undefined && total > limits.maxBytes;
    if (!old && !over) continue;
    if (now - build.used < IN_USE_MS) {
      inUse.push(build);
      continue;
    }
    await remove(cache, build);
    removed.push(build);
    total -= build.bytes;
  }
  await cache.sweep().catch((error: unknown) => {
    throw new UserError(`cannot clean ${cache.cacheDir}: ${errorMessage(error)}`);
  });
  return { removed, kept: builds.filter((b) => !removed.includes(b)), inUse };
}

async function remove(cache: LocalCache, build: LocalBuild): Promise<void> {
  for (const entry of build.entries) {
    try {
      await cache.discard(entry.key);
    } catch (error) {
      throw new UserError(
        `cannot remove ${entry.key} from ${cache.cacheDir}: ${errorMessage(error)}`,
      );
    }
  }
}

/** Bytes of the files under `dir` (an entry is a small tree of regular files). */
async function treeBytes(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true }).catch(() => []);
  const sizes = await Promise.all(
    names.map((name) =>
      lstat(path.join(dir, name)).then(
        (s) => (s.isFile() ? s.size : 0),
        // Gone meanwhile (a concurrent prune): it holds nothing.
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, n) => sum + n, 0);
}
