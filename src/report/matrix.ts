import type { ResultFile } from "./result-file.js";

/**
 * The matrix report's model: result files read back (checked, since they cross jobs and may be
 * anything a user points at), one row per leg, totals, and the legs that rebuilt grouped by cause.
 */

/**
 * What a leg did: restored, built, looked up only, missed (a restore step: another step
 * rebuilds), saved (a save step: what another step built), or a verdict this version does not
 * know.
 */
export type Outcome =
  | "restored"
  | "built"
  | "would-restore"
  | "would-rebuild"
  | "missed"
  | "saved"
  | "other";

/** A changed file of a leg, or a changed key that covers no files (`toolchain:rustc`). */
export interface LegChange {
  readonly what: string;
  readonly change: "added" | "modified" | "removed" | "changed";
}

export interface LegRow {
  /** The result file, as given or found. */
  readonly file: string;
  /** `linux-x64-glibc2.36 · cp311`, with the suffix and, across projects, the project. */
  readonly label: string;
  readonly project: string;
  readonly platform: string;
  readonly python: string;
  readonly pythonVersion: string | null;
  readonly keySuffix: string;
  readonly verdict: string;
  readonly outcome: Outcome;
  readonly cacheHit: boolean;
  readonly changes: LegChange[];
  /** The whole run (on a hit: the time to restore). */
  readonly runSeconds: number;
  /** The build's time (built), or the cached build's (restored: the time saved). */
  readonly buildSeconds: number | null;
  readonly wheels: string[];
  readonly reason: string;
  readonly cause: string | null;
}

export interface MatrixReport {
  readonly legs: LegRow[];
  readonly totals: {
    readonly legs: number;
    /** Legs whose wheels were (or, looking up only, would be) restored. */
    readonly hits: number;
    readonly restored: number;
    readonly built: number;
    /** `hits / legs`, 0 to 1; null without legs. */
    readonly hitRate: number | null;
    /** What the restored wheels' builds took, summed: the build time the hits saved. */
    readonly savedSeconds: number;
    /** What the legs that built spent building, summed. */
    readonly buildingSeconds: number;
  };
  /** The legs that rebuilt (or would), grouped by cause, largest group first. */
  readonly causes: { readonly cause: string; readonly legs: string[] }[];
}

const OUTCOMES: Readonly<Record<string, Outcome>> = {
  hit: "restored",
  built: "built",
  "lookup-hit": "would-restore",
  "lookup-miss": "would-rebuild",
  miss: "missed",
  saved: "saved",
};

/** One report over the result files of many legs, rows in leg order. */
export function aggregate(files: readonly { file: string; result: ResultFile }[]): MatrixReport {
  const projects = new Set(files.map(({ result }) => `${result.project}\0${result.projectDir}`));
  const legs = files.map(({ file, result }) => legRow(file, result, projects.size > 1)).sort(byLeg);
  const hits = legs.filter((l) => l.cacheHit);
  const restored = legs.filter((l) => l.outcome === "restored");
  const built = legs.filter((l) => l.outcome === "built");
  const sum = (rows: LegRow[]) => rows.reduce((total, l) => total + (l.buildSeconds ?? 0), 0);
  const groups = new Map<string, string[]>();
  for (const leg of legs) {
    if (leg.cause !== null) groups.set(leg.cause, [...(groups.get(leg.cause) ?? []), leg.label]);
  }
  const causes = [...groups]
    .map(([cause, labels]) => ({ cause, legs: labels }))
    .sort((a, b) => b.legs.length - a.legs.length || (a.cause < b.cause ? -1 : 1));
  return {
    legs,
    totals: {
      legs: legs.length,
      hits: hits.length,
      restored: restored.length,
      built: built.length,
      hitRate: legs.length > 0 ? hits.length / legs.length : null,
      savedSeconds: sum(restored),
      buildingSeconds: sum(built),
    },
    causes,
  };
}

function legRow(file: string, result: ResultFile, withProject: boolean): LegRow {
  const label = [
    ...(withProject ? [result.project] : []),
    result.platform,
    result.python,
    ...(result.keySuffix ? [`~${result.keySuffix}`] : []),
  ].join(" · ");
  return {
    file,
    label,
    project: result.project,
    platform: result.platform,
    python: result.python,
    pythonVersion: result.pythonVersion,
    keySuffix: result.keySuffix,
    verdict: result.verdict,
    outcome: OUTCOMES[result.verdict] ?? "other",
    cacheHit: result.cacheHit,
    changes: changesOf(result.changed),
    runSeconds: result.runSeconds,
    buildSeconds: result.buildSeconds,
    wheels: result.wheels.map((w) => w.split(/[\\/]/).at(-1)!),
    reason: result.reason,
    cause: result.cause,
  };
}

/** Each changed file once (a file often sits in several keys), then keys that cover no files. */
function changesOf(changed: ResultFile["changed"]): LegChange[] {
  const files = new Map<string, LegChange>();
  const keys: LegChange[] = [];
  for (const c of changed) {
    const verbs = ["modified", "added", "removed"] as const;
    const entries = verbs.flatMap((verb) => c.files[verb].map((what) => ({ what, change: verb })));
    for (const entry of entries) if (!files.has(entry.what)) files.set(entry.what, entry);
    if (entries.length === 0) keys.push({ what: c.id, change: "changed" });
  }
  return [...files.values(), ...keys];
}

const collator = new Intl.Collator("en", { numeric: true });

/** Project, platform, Python (cp39 before cp310), suffix, then file. */
function byLeg(a: LegRow, b: LegRow): number {
  const order = ["project", "platform", "python", "keySuffix", "file"] as const;
  for (const field of order) {
    const diff = collator.compare(a[field], b[field]);
    if (diff !== 0) return diff;
  }
  return 0;
}
