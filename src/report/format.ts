import type { FileChanges } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";

/** One changed file of a key, with the mark and verb every renderer uses. */
export interface FileEntry {
  readonly mark: "+" | "~" | "-";
  readonly verb: "added" | "modified" | "removed";
  readonly path: string;
}

/** The changed files of a key: modified, then added, then removed, each in path order. */
export function fileEntries(files: FileChanges): FileEntry[] {
  return [
    ...files.modified.map((path) => ({ mark: "~" as const, verb: "modified" as const, path })),
    ...files.added.map((path) => ({ mark: "+" as const, verb: "added" as const, path })),
    ...files.removed.map((path) => ({ mark: "-" as const, verb: "removed" as const, path })),
  ];
}

/** `linux-x64-glibc2.36 / cp311`: the platform and interpreter a build is cached for. */
export function slotOf(manifest: Manifest): string {
  const platform = manifest.keys.find((k) => k.id === "platform")?.detail ?? "this platform";
  const python = manifest.keys.find((k) => k.id === "python")?.detail;
  return `${platform} / ${pythonTag(python)}`;
}

/** `cp311` from the python key's detail (`cpython 3.11.9 cpython-311-x86_64-linux-gnu ...`). */
function pythonTag(detail: string | undefined): string {
  const words = detail?.split(" ") ?? [];
  const soabi = words[2] ?? "";
  const cpython = /^cpython-(\d)(\d+)(t?)/.exec(soabi);
  if (cpython) return `cp${cpython[1]}${cpython[2]}${cpython[3]}`;
  const pypy = /^(pypy\d+)/.exec(soabi);
  if (pypy) return pypy[1]!.replace("pypy", "pp");
  return words.slice(0, 2).join(" ") || "this Python";
}

/** `45 s`, `1 min 12 s`, `2 h 5 min`, `under 1 s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0.5) return "under 1 s";
  const total = Math.round(seconds);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** `812 B`, `1.2 MB`, `34 MB` (decimal units, as PyPI shows wheel sizes). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** `1 wheel`, `2 wheels`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `just now`, `12 min ago`, `5 h ago`, `2 days ago`: how long before `now` a time was. */
export function formatAge(then: string, now: string): string | undefined {
  const ms = Date.parse(now) - Date.parse(then);
  if (!Number.isFinite(ms)) return undefined;
  if (ms < 60_000) return "just now";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(ms / 86_400_000)} days ago`;
}

/** `12,345`: a count with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
