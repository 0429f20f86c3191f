import { createHash } from "node:crypto";
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { errorMessage } from "../errors.js";
import type {
  CacheBackend,
  RestoreRequest,
  RestoreResult,
  SaveRequest,
  SaveResult,
} from "./types.js";

/** A tmp dir untouched for this long belongs to a save that was killed. */
const STALE_TMP_MS = 60 * 60 * 1000;

export interface Entry {
  readonly key: string;
  /** Milliseconds since the epoch, when the entry was written. */
  readonly created: number;
  readonly path: string;
}

/**
 * A cache in a local directory, safe under concurrent use by several processes.
 *
 * Layout: `<cacheDir>/v1/entries/<sha256(key)>/` holds `entry.json` (`{ key, created }`) and
 * `data/` (a copy of the saved directory). A save copies into `<cacheDir>/v1/tmp/<random>/` and
 * then renames that onto the entry path, so an entry is only ever reachable complete, and of
 * several concurrent saves of one key exactly one wins. A restore touches `entry.json`, so its
 * modification time says when the entry was last used (what `cache prune` goes by).
 */
export class LocalCache implements CacheBackend {
  readonly kind = "local";
  private readonly entries: string;
  private readonly tmp: string;

  constructor(readonly cacheDir: string) {
    this.entries = path.join(cacheDir, "v1", "entries");
    this.tmp = path.join(cacheDir, "v1", "tmp");
  }

  async restore(request: RestoreRequest): Promise<RestoreResult> {
    let entry: Entry | undefined;
    try {
      entry = await this.find(request.key, request.restoreKeys ?? []);
    } catch (error) {
      const warning = `cannot read the cache directory ${this.cacheDir}: ${errorMessage(error)}`;
      return { status: "unavailable", warning };
    }
    if (!entry) return { status: "miss" };
    await touch(entry);
    if (!request.lookupOnly) {
      try {
        await mkdir(request.dir, { recursive: true });
        await cp(path.join(entry.path, "data"), request.dir, { recursive: true, force: true });
      } catch (error) {
        const warning = `could not restore cache entry ${entry.key} into ${request.dir} (it may hold a partial copy): ${errorMessage(error)}`;
        return { status: "unavailable", warning };
      }
    }
    return { status: "hit", matchedKey: entry.key };
  }

  async save(request: SaveRequest): Promise<SaveResult> {
    const target = this.entryPath(request.key);
    let staging: string;
    try {
      await mkdir(this.entries, { recursive: true });
      await mkdir(this.tmp, { recursive: true });
      if (await readEntry(target)) return { status: "exists" };
      await this.sweep();
      staging = await mkdtemp(path.join(this.tmp, "save-"));
    } catch (error) {
      const warning = `cannot write the cache directory ${this.cacheDir}: ${errorMessage(error)}`;
      return { status: "failed", warning };
    }
    try {
      await cp(request.dir, path.join(staging, "data"), { recursive: true });
      const entry = { key: request.key, created: Date.now() };
      await writeFile(path.join(staging, "entry.json"), `${JSON.stringify(entry)}\n`);
      await this.place(staging, target, request.key);
      return { status: "saved" };
    } catch (error) {
      // Best effort: a leftover staging dir only costs space, and a later save sweeps it.
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      // Losing the rename to a concurrent save (ENOTEMPTY, EEXIST, EPERM on Windows) is a success.
      if (await readEntry(target)) return { status: "exists" };
      const warning = `could not save cache entry ${request.key} in ${this.cacheDir}: ${errorMessage(error)}`;
      return { status: "failed", warning };
    }
  }

  /**
   * Renames a complete staging dir onto the entry path. Entries appear whole, by rename, so a
   * directory already there without a valid entry.json is damaged (never a save in progress): it
   * is removed and the rename tried once more. A valid one is a concurrent save that won.
   */
  private async place(staging: string, target: string, key: string): Promise<void> {
    try {
      await rename(staging, target);
    } catch (error) {
      if (await readEntry(target)) throw error;
      await this.discard(key);
      await rename(staging, target);
    }
  }

  async discard(key: string): Promise<void> {
    // Renamed away first, so a reader never sees it half removed.
    const doomed = path.join(this.tmp, `discard-${Date.now()}-${process.pid}`);
    await mkdir(this.tmp, { recursive: true });
    await rename(this.entryPath(key), doomed).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rm(doomed, { recursive: true, force: true });
  }

  private entryPath(key: string): string {
    return path.join(this.entries, createHash("sha256").update(key).digest("hex"));
  }

  /** The exact key, else for each prefix in order the newest entry (tiebreak: greatest key). */
  private async find(key: string, prefixes: readonly string[]): Promise<Entry | undefined> {
    const exact = await readEntry(this.entryPath(key));
    if (exact?.key === key) return exact;
    if (prefixes.length === 0) return undefined;
    const all = await this.scan();
    for (const prefix of prefixes) {
      const newest = all
        .filter((e) => e.key.startsWith(prefix))
        .sort((a, b) => b.created - a.created || (a.key < b.key ? 1 : -1))[0];
      if (newest) return newest;
    }
    return undefined;
  }

  /** Every complete entry (saves in progress are not entries yet); an absent cache is empty. */
  list(): Promise<Entry[]> {
    return this.scan();
  }

  /** Every readable entry; an absent cache is empty, an unreadable one throws. */
  private async scan(): Promise<Entry[]> {
    let names: string[];
    try {
      names = await readdir(this.entries);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const found = await Promise.all(names.map((name) => readEntry(path.join(this.entries, name))));
    return found.filter((e): e is Entry => e !== undefined);
  }

  /** Removes staging dirs left by killed saves and removals, so they cannot pile up. */
  async sweep(): Promise<void> {
    const cutoff = Date.now() - STALE_TMP_MS;
    const names = await readdir(this.tmp).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const name of names) {
      const stale = path.join(this.tmp, name);
      // Best effort: another process may be sweeping the same dir, and a dir that cannot be
      // removed now only costs space; neither is a reason to fail this save.
      await stat(stale)
        .then((s) => (s.mtimeMs < cutoff ? rm(stale, { recursive: true, force: true }) : undefined))
        .catch(() => undefined);
    }
  }
}

/**
 * Marks an entry used now. Best effort: a read-only cache is still read, and an entry a
 * concurrent prune just removed is simply not there to mark.
 */
async function touch(entry: Entry): Promise<void> {
  const now = new Date();
  await utimes(path.join(entry.path, "entry.json"), now, now).catch(() => undefined);
}

/** The entry at `dir`, or undefined if it is absent, partial or corrupt (a miss, not an error). */
async function readEntry(dir: string): Promise<Entry | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.join(dir, "entry.json"), "utf8"));
  } catch {
    // Missing, unreadable or malformed: an entry we cannot trust is treated as absent.
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { key, created } = parsed as Record<string, unknown>;
  if (typeof key !== "string" || typeof created !== "number") return undefined;
  return { key, created, path: dir };
}
