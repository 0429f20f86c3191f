import type { BuildCommand } from "../build/command.js";
import type { BuildFailed } from "../build/failure.js";
import type { WheelMismatch } from "../build/wheel-name.js";
import type { SaveOutcome } from "../cache/store.js";
import type { RestoreOff } from "../config/index.js";
import type { KeyChange } from "../fingerprint/diff.js";
import type { Manifest, WheelRecord } from "../fingerprint/manifest.js";
import type { ObservedChange } from "../fingerprint/observed.js";
import type { UvGap } from "../fingerprint/uv-inputs.js";
import type { BackendName } from "../project/backend.js";

/** A wheel the run hands back: where it is, and what the manifest records of it. */
export interface WheelOutput extends WheelRecord {
  /** Absolute path in the wheel directory. */
  readonly path: string;
}

/** A wheel the build wrote that is not the project's for the keyed Python and platform. */
export interface RejectedWheel {
  readonly name: string;
  readonly mismatch: WheelMismatch;
}

/**
 * `hit`: restored and verified, no build. `built`: built after a miss. `failed`: the build after
 * a miss failed (or could not run, or wrote no wheel). `lookup-hit`/`lookup-miss`: lookup-only
 * runs, which neither restore nor build. `miss`: a restore step found nothing to restore
 * (another step builds). `saved`: a save step saved wheels another step built.
 */
export type Verdict = "hit" | "built" | "failed" | "lookup-hit" | "lookup-miss" | "miss" | "saved";

/**
 * The matrix leg a run belongs to: the project, platform, Python and suffix its cache entries
 * are keyed by, as the matrix report names its rows.
 */
export interface Leg {
  /** The project's import name. */
  readonly project: string;
  /** The project directory relative to the repository root ("." at the root). */
  readonly projectDir: string;
  /** `linux-x64-glibc2.36`, `darwin-arm64-23`, `win32-x64`. */
  readonly platform: string;
  /** `cp311`, `cp313t`, `pp310`; `python` when no interpreter was found. */
  readonly python: string;
  /** `3.11.9`, when the interpreter said. */
  readonly pythonVersion?: string;
  readonly keySuffix: string;
}

/**
 * Everything a run did and found, as facts: the single input of every renderer (log, summary,
 * terminal, outputs, JSON). No text here is escaped or phrased for a reader; renderers do that.
 */
export interface RunResult {
  readonly verdict: Verdict;
  readonly leg: Leg;
  readonly cache: "github" | "local";
  readonly cacheKey: string;
  /** The current manifest (with wheels and build time when built, else the cached ones). */
  readonly manifest: Manifest;
  /** The manifest the changes were computed against: the newest previous build of this slot. */
  readonly previous?: { readonly key: string; readonly manifest: Manifest };
  /** Keys that differ from `previous` (empty on a hit or when there is no previous build). */
  readonly changed: readonly KeyChange[];
  readonly wheels: readonly WheelOutput[];
  /** Absolute wheel directory. */
  readonly wheelDir: string;
  /**
   * Wheels that were in the wheel directory before this run and are not among its wheels: left
   * there, and not in the outputs.
   */
  readonly otherWheels: readonly string[];
  /**
   * Wheels the build wrote that are not the project's for the keyed Python and platform: never
   * cached, and not in the outputs.
   */
  readonly rejectedWheels: readonly RejectedWheel[];
  readonly buildCommand: BuildCommand;
  /**
   * Seconds the build took (built, failed) or took when it was cached (hit: the time saved).
   */
  readonly buildSeconds?: number;
  readonly save: SaveOutcome;
  /** Problems worth a warning, each one plain line: empty globs, cache trouble. */
  readonly warnings: readonly string[];
  /** Whether the rebuild keys are the project's own `cache-keys` or inferred defaults. */
  readonly keysFrom: "pyproject" | "inferred";
  readonly backend: BackendName;
  /** Covered files the build itself added, modified or removed (built runs). */
  readonly buildChanges: readonly KeyChange[];
  /** Why a restored entry was rejected before this run rebuilt it. */
  readonly verifyProblem?: string;
  /** Why this run restored nothing and built from its sources (a release, `restore: false`). */
  readonly restoreOff?: RestoreOff;
  /**
   * What a cached build read that is different now (files no key covers, tools, packages): why
   * this run rebuilt although the fingerprint matched. Empty otherwise.
   */
  readonly observedChanges: readonly ObservedChange[];
  /**
   * How the wheels were checked against what their build read: `traced` (a trace of that build,
   * here or on another platform), `borrowed` (a traced build elsewhere, re-digested where they
   * were built), or `none` (nothing recorded). For a build: how its own set was made.
   */
  readonly validation: "traced" | "borrowed" | "none";
  /** The platform the observed set was traced on. */
  readonly tracedOn?: string;
  /** Files the build read that no key covers: what a user could add to `cache-keys`. */
  readonly unkeyed: readonly string[];
  /**
   * Inputs the project's own `cache-keys` leave out, read as uv reads them (the files a traced
   * build read included): uv will not rebuild when they change. Undefined when none are.
   */
  readonly uvGap?: UvGap;
  /** Why the build ran untraced, when it did. */
  readonly traceNote?: string;
  /** How the build failed: present exactly when the verdict is `failed`. */
  readonly failure?: BuildFailed;
  /** When this run started (ISO 8601), and how many seconds it took in all. */
  readonly startedAt: string;
  readonly seconds: number;
}

/** Whether the wheels were (or, looking up only, would be) restored from an exact match. */
export function isCacheHit(result: Pick<RunResult, "verdict">): boolean {
  return result.verdict === "hit" || result.verdict === "lookup-hit";
}

/** What a run reports while it goes, before its result: renderers phrase each event. */
export type Progress =
  | {
      readonly kind: "fingerprint";
      readonly fingerprint: string;
      readonly cacheKey: string;
      readonly cache: RunResult["cache"];
      readonly restoreOff?: RestoreOff;
    }
  | {
      readonly kind: "build";
      readonly previous?: Manifest;
      readonly changed: readonly KeyChange[];
      readonly verifyProblem?: string;
      readonly restoreOff?: RestoreOff;
      readonly observedChanges: readonly ObservedChange[];
      readonly argv: readonly string[];
      /** Whether the build runs under a tracer. */
      readonly traced: boolean;
    }
  /** The build command ended (its output is done), whether it succeeded or not. */
  | { readonly kind: "build-done" };
