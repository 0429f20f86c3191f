import type { Origin } from "../config/index.js";
import type { FingerprintKey } from "../keys/types.js";
import { digestOf } from "../shared/digest.js";
import type { ObservedSet } from "./observed.js";

export const MANIFEST_SCHEMA = 1;

/** A built wheel as the manifest records it. */
export interface WheelRecord {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Everything that went into a fingerprint, and what the build made from it. Saved beside the
 * wheels so that the next miss can say exactly what changed. It never holds an environment value.
 */
export interface Manifest {
  readonly schema: typeof MANIFEST_SCHEMA;
  readonly fingerprint: string;
  /** Project directory relative to the repository root ("." at the root). */
  readonly project: string;
  readonly keys: readonly FingerprintKey[];
  readonly wheels?: readonly WheelRecord[];
  readonly build?: { readonly seconds: number; readonly command: readonly string[] };
  /** When the build finished (ISO 8601). */
  readonly createdAt?: string;
  /** Where the build ran: commit, workflow run, runner OS (absent for builds by hand). */
  readonly origin?: Origin;
  /** The cache entry key its wheels were saved under. */
  readonly wheelsKey?: string;
  /** What the build really read (absent when nothing was traced or borrowed). */
  readonly observed?: ObservedSet;
}

/** The fingerprint: a digest over every key's id and digest, in id order. */
export function fingerprintOf(keys: readonly FingerprintKey[]): string {
  const sorted = [...keys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return digestOf(
    "wheel-cache-fingerprint",
    String(MANIFEST_SCHEMA),
    ...sorted.flatMap((k) => [k.id, k.digest]),
  );
}

export function makeManifest(project: string, keys: readonly FingerprintKey[]): Manifest {
  return { schema: MANIFEST_SCHEMA, fingerprint: fingerprintOf(keys), project, keys };
}

/** Parses a stored manifest; undefined when it is not one this version understands. */
export function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: a corrupted entry, treated as having no manifest.
    return undefined;
  }
  const m = value as Partial<Manifest> | null;
  if (
    !m ||
    m.schema !== MANIFEST_SCHEMA ||
    typeof m.fingerprint !== "string" ||
    !Array.isArray(m.keys)
  ) {
    return undefined;
  }
  return m as Manifest;
}
