import { assertNever } from "../errors.js";
import type { FileChanges, KeyChange } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";
import type { RunResult } from "../result.js";
import { escapeLine } from "./escape.js";

/** What a reason is made of: the facts of a RunResult (its `reason` aside). */
export type ReasonFacts = Pick<
  RunResult,
  "verdict" | "changed" | "wheels" | "buildSeconds" | "manifest" | "previous"
>;

/** One changed file of a key, with the mark and verb every renderer uses. */
export interface FileEntry {
  readonly mark: "+" | "~" | "-";
  readonly verb: "added" | "modified" | "removed";
  readonly path: string;
}

/** How many file names a one-line reason shows before `and N more`. */
const LINE_CAP = 3;

/**
 * The one-line `reason` of a run: why it was a hit, or why it (would have) rebuilt.
 * `verifyProblem` is why a restored entry was rejected (`the cached wheel x.whl does not match its
 * recorded sha256`); it explains a rebuild before any key change does.
 */
export function explain(facts: ReasonFacts, verifyProblem?: string): string {
  switch (facts.verdict) {
    case "hit":
      return explainHit(facts.wheels.length, facts.buildSeconds);
    case "lookup-hit":
      return `a build for this fingerprint is in the cache${withWheels(facts.manifest)} (lookup-only: nothing restored)`;
    case "built":
      return explainMiss(facts, "rebuilt", verifyProblem);
    case "lookup-miss":
      return `${explainMiss(facts, "would rebuild", verifyProblem)} (lookup-only: nothing built)`;
    default:
      return assertNever(facts.verdict);
  }
}

/** `restored 2 wheels built for this fingerprint (saved about 1 min 12 s of build)`. */
export function explainHit(wheels: number, savedSeconds: number | undefined): string {
  const saved =
    savedSeconds === undefined ? "" : ` (saved about ${formatDuration(savedSeconds)} of build)`;
  return `restored ${plural(wheels, "wheel")} built for this fingerprint${saved}`;
}

function withWheels(manifest: Manifest): string {
  return manifest.wheels ? ` with ${plural(manifest.wheels.length, "wheel")}` : "";
}

function explainMiss(facts: ReasonFacts, verb: string, verifyProblem: string | undefined): string {
  if (verifyProblem) return `${verb}: ${escapeLine(verifyProblem)}`;
  if (!facts.previous) return `no cached build of this project for ${slotOf(facts.manifest)} yet`;
  if (facts.changed.length === 0) {
    const why = "but its wheels were not in the cache (evicted or never saved)";
    return `${verb}: no key changed since the last recorded build, ${why}`;
  }
  return `${verb}: ${describeChanges(facts.changed)}`;
}

/**
 * `2 keys changed — file:src/** (src/lib.rs modified), toolchain:rustc`, or, when no key that
 * affects the compiled code changed, `only shipped Python files changed (python/pkg/__init__.py)`.
 */
export function describeChanges(changed: readonly KeyChange[]): string {
  const compiled = changed.filter((c) => c.group === "rebuild" || c.group === "implicit");
  if (compiled.length === 0) {
    const paths = changed.flatMap((c) => {
      const entries = c.files ? fileEntries(c.files) : [];
      return entries.length > 0 ? entries.map((f) => f.path) : [c.id];
    });
    return `only ${onlyWhat(changed)} changed (${capLine(paths.map(escapeLine))})`;
  }
  const ordered = [...compiled, ...changed.filter((c) => !compiled.includes(c))];
  // One file often sits in several keys (a glob and its package directory): name it once.
  const parts = new Map<string, string>();
  for (const change of ordered) {
    const entries = change.files && change.status === "changed" ? fileEntries(change.files) : [];
    for (const f of entries) parts.set(`file ${f.path}`, `${escapeLine(f.path)} ${f.verb}`);
    if (entries.length === 0) parts.set(`key ${change.id}`, describeChange(change));
  }
  return `${plural(changed.length, "key")} changed — ${capLine([...parts.values()])}`;
}

function onlyWhat(changed: readonly KeyChange[]): string {
  const groups = new Set(changed.map((c) => c.group));
  if (groups.size > 1) return "shipped and metadata files";
  if (groups.has("metadata")) return "metadata inputs";
  const paths = changed.flatMap((c) => (c.files ? fileEntries(c.files) : []));
  const python = paths.length > 0 && paths.every((f) => /\.pyi?$/.test(f.path));
  return python ? "shipped Python files" : "shipped files";
}

/** `file:src/** (src/lib.rs modified, src/new.rs added and 3 more)`. */
function describeChange(change: KeyChange): string {
  const id = escapeLine(change.id);
  if (change.status === "added") return `${id} (new key)`;
  if (change.status === "removed") return `${id} (key removed)`;
  const entries = change.files ? fileEntries(change.files) : [];
  if (entries.length === 0) return id;
  return `${id} (${capLine(entries.map((f) => `${escapeLine(f.path)} ${f.verb}`))})`;
}

/** The changed files of a key: modified, then added, then removed, each in path order. */
export function fileEntries(files: FileChanges): FileEntry[] {
  return [
    ...files.modified.map((path) => ({ mark: "~" as const, verb: "modified" as const, path })),
    ...files.added.map((path) => ({ mark: "+" as const, verb: "added" as const, path })),
    ...files.removed.map((path) => ({ mark: "-" as const, verb: "removed" as const, path })),
  ];
}

/** The first `max` items and how many were left out. */
export function cap<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** `a, b, c and 4 more`: a list capped for one line. */
function capLine(items: readonly string[], noun = ""): string {
  const { shown, more } = cap(items, LINE_CAP);
  return shown.join(", ") + (more > 0 ? ` and ${more} more${noun ? ` ${noun}` : ""}` : "");
}

/** `linux-x64-glibc2.36 / cp311`: the platform and interpreter a build is cached for. */
export function slotOf(manifest: Manifest): string {
  const platform = manifest.keys.find((k) => k.id === "platform")?.detail ?? "this platform";
  const python = manifest.keys.find((k) => k.id === "python")?.detail;
  return `${escapeLine(platform)} / ${escapeLine(pythonTag(python))}`;
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
