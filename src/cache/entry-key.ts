import { UserError } from "../errors.js";
import { digestOf, short } from "../shared/digest.js";

/** Bumped when the entry layout or the fingerprint's meaning changes: old entries stop matching. */
export const CACHE_VERSION = "v2";
const MAX_KEY = 512;

/** The parts a slot is made of: one project on one platform with one Python, and a user suffix. */
export interface SlotParts {
  readonly prefix: string;
  /** Import name of the project. */
  readonly name: string;
  /** Project directory relative to the repository root. */
  readonly projectDir: string;
  readonly platform: string;
  /** `cp311`, or `python` when no interpreter was found. */
  readonly python: string;
  readonly suffix: string;
}

/**
 * The cache entry keys of one run (never to be confused with the fingerprint's keys). A build of
 * a fingerprint is saved as a variant: entries are immutable, so a rebuild that replaces a build
 * validation rejected gets a key of its own, and the next run finds the newest variant first.
 */
export interface EntryKeys {
  /** The wheels entry of a variant of this fingerprint. */
  wheels(variant: string): string;
  /** The manifest entry of a variant of this fingerprint. */
  manifest(variant: string): string;
  /** The prefix of this fingerprint's wheels entries (what a run reports before it saves). */
  readonly wheelsPrefix: string;
  /** The prefix of this fingerprint's manifest entries: the newest is tried first. */
  readonly fingerprintManifests: string;
  /** The prefix of every manifest of this slot: the newest is the previous build to diff with. */
  readonly slotManifests: string;
  /** The prefix of every manifest of this project on any platform and Python. */
  readonly projectManifests: string;
  /** The same slot's keys for another fingerprint. */
  withFingerprint(fingerprint: string): EntryKeys;
}

/**
 * Entry keys: `<prefix>-v2-<name>.<dir digest>-<platform>-<python>[~<suffix>]-fp-<fingerprint>-<variant>`,
 * and the same after `<prefix>-manifest-` for manifests. The user's suffix and the name are
 * percent-encoded with `-` encoded too, so `-fp-` marks the fingerprint unambiguously and a
 * prefix lookup for one slot never matches another slot's entries.
 */
export function entryKeys(parts: SlotParts, fingerprint: string): EntryKeys {
  const project = `${CACHE_VERSION}-${encode(parts.name || "project")}.${short(digestOf(parts.projectDir), 8)}-`;
  const suffix = parts.suffix ? `~${encode(parts.suffix)}` : "";
  const slot = `${project}${parts.platform}-${parts.python}${suffix}-fp-`;
  const fp = `${short(fingerprint, 32)}-`;
  const keys: EntryKeys = {
    wheels: (variant) => `${parts.prefix}-${slot}${fp}${variant}`,
    manifest: (variant) => `${parts.prefix}-manifest-${slot}${fp}${variant}`,
    wheelsPrefix: `${parts.prefix}-${slot}${fp}`,
    fingerprintManifests: `${parts.prefix}-manifest-${slot}${fp}`,
    slotManifests: `${parts.prefix}-manifest-${slot}`,
    projectManifests: `${parts.prefix}-manifest-${project}`,
    withFingerprint: (other) => entryKeys(parts, other),
  };
  const longest = keys.manifest("x".repeat(VARIANT_LENGTH));
  if (longest.length > MAX_KEY) {
    throw new UserError(
      `the cache key would be ${longest.length} characters, over the service's ${MAX_KEY}: shorten key-prefix or key-suffix`,
    );
  }
  return keys;
}

/** Characters of a variant's digest in its keys. */
export const VARIANT_LENGTH = 12;

/** Percent-encodes a user-supplied part, `-` included. */
function encode(part: string): string {
  return encodeURIComponent(part).replaceAll("-", "%2D");
}
