import type { BuildCommand } from "./build-command.js";
import type { KeyChange } from "./fingerprint/diff.js";
import type { Manifest, WheelRecord } from "./fingerprint/manifest.js";

/** A wheel the run hands back: where it is, and what the manifest records of it. */
export interface WheelOutput extends WheelRecord {
  /** Absolute path in the wheel directory. */
  readonly path: string;
}

/** What happened to the cache save. */
export type SaveOutcome =
  | { readonly status: "saved" | "exists" }
  | { readonly status: "skipped"; readonly note: string }
  | { readonly status: "failed"; readonly note: string };

/** Everything a run did and found: the single input of every renderer (log, summary, terminal, JSON). */
export interface RunResult {
  /**
   * `hit`: restored and verified, no build. `built`: built after a miss. `lookup-hit`/`lookup-miss`:
   * lookup-only runs, which neither restore nor build.
   */
  readonly verdict: "hit" | "built" | "lookup-hit" | "lookup-miss";
  readonly cacheHit: boolean;
  readonly built: boolean;
  /** `github` or `local`. */
  readonly cache: string;
  readonly cacheKey: string;
  /** The current manifest (with wheels and build time when built, else the cached ones). */
  readonly manifest: Manifest;
  /** The manifest the changes were computed against: the newest previous build of this slot. */
  readonly previous?: { readonly key: string; readonly manifest: Manifest };
  /** Keys that differ from `previous` (empty on a hit or when there is no previous build). */
  readonly changed: readonly KeyChange[];
  /** One human line: why it was a hit, or why it rebuilt. */
  readonly reason: string;
  readonly wheels: readonly WheelOutput[];
  /** Absolute wheel directory. */
  readonly wheelDir: string;
  readonly buildCommand: BuildCommand;
  /** Seconds the build took (built) or took when it was cached (hit: the time saved). */
  readonly buildSeconds?: number;
  readonly save: SaveOutcome;
  /** Everything worth a warning: empty globs, cache trouble, a wheel that failed verification. */
  readonly warnings: readonly string[];
  /** Advice for the user: keys that change every commit, globs that reach into build output. */
  readonly advice: readonly string[];
}
