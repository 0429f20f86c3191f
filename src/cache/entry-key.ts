import { UserError } from "../errors.js";
import { digestOf, short } from "../shared/digest.js";

/** Bumped when the entry layout or the fingerprint's meaning changes: old entries stop matching. */
export const CACHE_VERSION = "v1";
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

/** The keys of one run: the wheels entry, the manifest entry, and the prefix of older manifests. */
export interface EntryKeys {
  readonly wheels: string;
  readonly manifest: string;
  readonly manifestPrefix: string;
}

/**
 * Entry keys: `<prefix>-v1-<name>.<dir digest>-<platform>-<python>[~<suffix>]-fp-<fingerprint>`.
 * The user's suffix and the name are percent-encoded with `-` encoded too, so `-fp-` marks the fingerprint
 * unambiguously and a prefix lookup for one slot never matches another slot's entries.
 */
export function entryKeys(parts: SlotParts, fingerprint: string): EntryKeys {
  const project = `${encode(parts.name || "project")}.${short(digestOf(parts.projectDir), 8)}`;
  const suffix = parts.suffix ? `~${encode(parts.suffix)}` : "";
  const slot = `${CACHE_VERSION}-${project}-${parts.platform}-${parts.python}${suffix}-fp-`;
  const keys = {
    wheels: `${parts.prefix}-${slot}${short(fingerprint, 32)}`,
    manifest: `${parts.prefix}-manifest-${slot}${short(fingerprint, 32)}`,
    manifestPrefix: `${parts.prefix}-manifest-${slot}`,
  };
  if (keys.manifest.length > MAX_KEY) {
    throw new UserError(
      `the cache key would be ${keys.manifest.length} characters, over the service's ${MAX_KEY}: shorten key-prefix or key-suffix`,
    );
  }
  return keys;
}

/** Percent-encodes a user-supplied part, `-` included. */
function encode(part: string): string {
  return encodeURIComponent(part).replaceAll("-", "%2D");
}
