import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as cache from "@actions/cache";
import { errorMessage } from "../errors.js";
import { withDeadline } from "./deadline.js";
import { type LibraryLog, recordLibraryLog } from "./library-log.js";
import type {
  CacheBackend,
  RestoreRequest,
  RestoreResult,
  SaveRequest,
  SaveResult,
} from "./types.js";

/** Deadlines for one backend call; the library's own retries can otherwise run for many minutes. */
export interface GithubCacheOptions {
  /** Longest a restore (lookup, download and extraction) may take. Default 120 s. */
  readonly restoreDeadlineMs?: number;
  /** Longest a save (lookup, archive, upload and finalize) may take. Default 300 s. */
  readonly saveDeadlineMs?: number;
}

const NOT_SAVED = "the cache service refused or another job saved it first (see the log above)";
const KNOWN_MODES = ["none", "read", "write", "write-only"];
/** Pauses before each look for a racing job's entry after a refused save (1 s in all). */
const RACE_RECHECK_MS = [0, 100, 200, 300, 400];

/**
 * The GitHub Actions cache (service v2) through `@actions/cache`. Entries are keyed on the key and
 * on `paths = [dir]`, so callers must pass the same `dir` on every run; it is given to the library
 * relative to the working directory (the workspace), so runners whose workspaces live at
 * different absolute paths still share entries. The library logs
 * its own failures and swallows most of them; this class turns the outcome into a result and adds
 * a one-line warning. Only a ValidationError (a bad key: a bug here) is thrown.
 */
export class GithubCache implements CacheBackend {
  readonly kind = "github";
  private readonly restoreMs: number;
  private readonly saveMs: number;

  constructor(options: GithubCacheOptions = {}) {
    this.restoreMs = options.restoreDeadlineMs ?? 120_000;
    this.saveMs = options.saveDeadlineMs ?? 300_000;
  }

  async restore(request: RestoreRequest): Promise<RestoreResult> {
    const blocked = unusable("read");
    if (blocked) return { status: "unavailable", warning: `restore skipped: ${blocked}` };
    return bounded(
      (log) => restoreNow(request, log),
      this.restoreMs,
      (why) => ({ status: "unavailable", warning: `cache restore of ${request.key}: ${why}` }),
    );
  }

  async save(request: SaveRequest): Promise<SaveResult> {
    const blocked = unusable("write");
    if (blocked) return { status: "failed", warning: `save skipped: ${blocked}` };
    return bounded(
      (log) => saveNow(request, log),
      this.saveMs,
      (why) => ({ status: "failed", warning: `cache save of ${request.key}: ${why}` }),
    );
  }
}

async function restoreNow(request: RestoreRequest, log: LibraryLog): Promise<RestoreResult> {
  const paths = [cachePath(request.dir)];
  const restoreKeys = [...(request.restoreKeys ?? [])];
  // Look first, so that a download or extraction failure (which the library logs and then reports
  // exactly like a miss) can be told apart from a real miss.
  const found = await cache.restoreCache(paths, request.key, restoreKeys, { lookupOnly: true });
  // A lookup the service failed also comes back as undefined: only the library's log tells.
  if (found === undefined && log.problems.length === 0) return { status: "miss" };
  if (found === undefined) {
    return {
      status: "unavailable",
      warning: `cache lookup of ${request.key} failed: ${said(log)}`,
    };
  }
  if (request.lookupOnly) return { status: "hit", matchedKey: found };
  const before = await listTree(request.dir);
  const restored = await cache.restoreCache(paths, request.key, restoreKeys);
  if (restored !== undefined) return { status: "hit", matchedKey: restored };
  // tar may have written some files before failing (e.g. a truncated archive): take them back out.
  const removed = await removeAdded(request.dir, before);
  const cleanup = removed > 0 ? `; removed ${removed} partially restored path(s)` : "";
  const warning = `cache entry ${found} was found but could not be downloaded or extracted into ${request.dir}: ${said(log)}${cleanup}`;
  return { status: "unavailable", warning };
}

/** The library's own account of a failure, or a pointer to the log when it said nothing. */
function said(log: LibraryLog, fallback = "see the log above"): string {
  return log.problems.length > 0 ? log.problems.join("; ") : fallback;
}

async function saveNow(request: SaveRequest, log: LibraryLog): Promise<SaveResult> {
  if (await exists(request)) return { status: "exists" };
  let id: number;
  try {
    id = await cache.saveCache([cachePath(request.dir)], request.key);
  } catch (error) {
    if (!(error instanceof cache.ReserveCacheError)) throw error;
    id = -1; // the library normally swallows this one; treat it like its -1
  }
  // NaN (a service reply without entry_id) still means the entry was finalized.
  if (id !== -1) return { status: "saved" };
  // -1 hides the reason; an entry that is now there means another job won the race. The winner's
  // reservation refuses ours before its upload is finalized and visible: look again, briefly.
  for (const pause of RACE_RECHECK_MS) {
    await sleep(pause);
    if (await exists(request)) return { status: "exists" };
  }
  const why = log.problems.length > 0 ? `the cache service said: ${said(log)}` : NOT_SAVED;
  return { status: "failed", warning: `cache save of ${request.key}: not saved: ${why}` };
}

/**
 * The path the service keys an entry on (its `version` hashes it): `dir` relative to the working
 * directory (the workspace) when it lies inside it; else `~/...` when it lies in the home
 * directory (the library expands `~`), so that runners whose home holds the job's temp dir at the
 * same place (GitHub's Linux and macOS runners: `~/work/_temp`) key it alike; else `dir` itself.
 */
export function cachePath(dir: string, cwd = process.cwd(), home = os.homedir()): string {
  const inside = (parent: string) => {
    const rel = path.relative(parent, dir);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : undefined;
  };
  const inWorkspace = inside(cwd);
  if (inWorkspace) return inWorkspace;
  const inHome = home ? inside(home) : undefined;
  return inHome ? `~/${inHome.split(path.sep).join("/")}` : dir;
}

/** Whether an entry with exactly this key (and this dir's version) is visible. */
async function exists(request: SaveRequest): Promise<boolean> {
  // Under a write-only cache mode the library refuses reads; then only the save itself can tell.
  if (unusable("read")) return false;
  const found = await cache.restoreCache([cachePath(request.dir)], request.key, [], {
    lookupOnly: true,
  });
  return found === request.key;
}

/** Why the cache cannot be used for `access` in this job, or undefined if it can. */
function unusable(access: "read" | "write"): string | undefined {
  if (!cache.isFeatureAvailable()) {
    return "the GitHub cache service is not available to this job (ACTIONS_RESULTS_URL is not set)";
  }
  // The library reads this variable from process.env on every call and silently skips what it
  // does not allow; mirror its rule here only to say so clearly.
  const mode = (process.env.ACTIONS_CACHE_MODE ?? "").trim().toLowerCase();
  if (!KNOWN_MODES.includes(mode)) return undefined;
  const allowed = access === "read" ? ["read", "write"] : ["write", "write-only"];
  if (allowed.includes(mode)) return undefined;
  return `ACTIONS_CACHE_MODE=${mode} does not allow cache ${access}s in this job`;
}

/**
 * Runs `work` under a deadline, recording what the library logs meanwhile; any failure but a
 * ValidationError becomes `trouble(why)`.
 */
async function bounded<T>(
  work: (log: LibraryLog) => Promise<T>,
  ms: number,
  trouble: (why: string) => T,
): Promise<T> {
  const log = recordLibraryLog();
  try {
    const outcome = await withDeadline(work(log), ms);
    if (outcome.done) return outcome.value;
    return trouble(`cache service did not answer within ${Math.round(ms / 100) / 10} s`);
  } catch (error) {
    if (error instanceof cache.ValidationError) throw error;
    return trouble(errorMessage(error).replace(/\s+/g, " "));
  } finally {
    log.stop();
  }
}

/** Every path under `dir`, relative to it; empty if `dir` does not exist. */
async function listTree(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir, { recursive: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
}

/** Removes every path that appeared under `dir` since `before`; returns how many there were. */
async function removeAdded(dir: string, before: Set<string>): Promise<number> {
  const added = [...(await listTree(dir))].filter((p) => !before.has(p));
  // `force`: a path inside an added directory is already gone with it.
  for (const p of added) await rm(path.join(dir, p), { recursive: true, force: true });
  return added.length;
}
