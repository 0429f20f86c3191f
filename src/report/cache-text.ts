import type { LocalBuild, PruneLimits, PruneOutcome } from "../cache/local-builds.js";
import { escapeLine } from "./escape.js";
import { formatDuration, formatSize, plural } from "./format.js";

/** What `wheel-cache cache ls` and `cache prune` print: plain text, and their JSON. */

/** `3 min ago`, `2 days ago`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, ms / 1000);
  if (seconds < 60) return "just now";
  const days = Math.floor(seconds / 86_400);
  if (days >= 2) return `${days} days ago`;
  return `${formatDuration(seconds).replace(/ \d+ s$/, "")} ago`;
}

function totalBytes(builds: readonly LocalBuild[]): number {
  return builds.reduce((sum, b) => sum + b.bytes, 0);
}

/** `cache ls`: the builds, least recently used first (what a prune removes first). */
export function renderCacheList(
  cacheDir: string,
  builds: readonly LocalBuild[],
  now: number,
): string {
  const head = `wheel-cache cache: ${escapeLine(cacheDir)}: ${plural(builds.length, "build")}, ${formatSize(totalBytes(builds))}`;
  if (builds.length === 0) return `${head}\n`;
  const rows = [
    ["last used", "saved", "size", "wheels", "key"],
    ...builds.map((b) => [
      formatAge(now - b.used),
      formatAge(now - b.created),
      formatSize(b.bytes),
      b.wheels.map(escapeLine).join(", ") || "—",
      escapeLine(b.key),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map(
    (r) => `  ${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join("  ")}`,
  );
  return `${[head, "", ...lines].join("\n")}\n`;
}

export interface BuildJson {
  readonly key: string;
  readonly entries: string[];
  readonly bytes: number;
  readonly saved: string;
  readonly lastUsed: string;
  readonly wheels: string[];
  readonly buildSeconds: number | null;
}

function buildJson(build: LocalBuild): BuildJson {
  return {
    key: build.key,
    entries: build.entries.map((e) => e.key),
    bytes: build.bytes,
    saved: new Date(build.created).toISOString(),
    lastUsed: new Date(build.used).toISOString(),
    wheels: [...build.wheels],
    buildSeconds: build.buildSeconds ?? null,
  };
}

/** `cache ls --json`. */
export function cacheListJson(cacheDir: string, builds: readonly LocalBuild[]) {
  return { cacheDir, bytes: totalBytes(builds), builds: builds.map(buildJson) };
}

/** `removed 2 builds (8.2 MB); 1 build left (4.1 MB)`, and why builds over a limit stayed. */
export function pruneText(outcome: PruneOutcome, limits: PruneLimits): string[] {
  const left = `${plural(outcome.kept.length, "build")} left (${formatSize(totalBytes(outcome.kept))})`;
  const lines = [
    `removed ${plural(outcome.removed.length, "build")} (${formatSize(totalBytes(outcome.removed))}); ${left}`,
  ];
  if (outcome.inUse.length > 0) {
    const limit =
      limits.maxBytes === undefined ? "" : `, over the limit of ${formatSize(limits.maxBytes)}`;
    lines.push(
      `kept ${plural(outcome.inUse.length, "build")} (${formatSize(totalBytes(outcome.inUse))})${limit}: used in the last minute, a run may be restoring them`,
    );
  }
  return lines;
}

/** `cache prune --json`. */
export function pruneJson(cacheDir: string, outcome: PruneOutcome) {
  return {
    cacheDir,
    removed: outcome.removed.map(buildJson),
    kept: outcome.kept.map(buildJson),
    inUse: outcome.inUse.map((b) => b.key),
    bytes: totalBytes(outcome.kept),
  };
}
