import type { UvEntry } from "../config/uv-entries.js";

/** Where a key came from. */
export type KeySource = "pyproject" | "inferred" | "input" | "implicit";

/**
 * How the report groups keys: what forces a rebuild of the compiled code, the files the wheel
 * ships, the files the backend reads into the wheel's metadata, and the environment of the build.
 */
export type KeyGroup = "rebuild" | "shipped" | "metadata" | "implicit";

/** The groups in the order every report shows them. */
export const KEY_GROUPS: readonly KeyGroup[] = ["rebuild", "metadata", "shipped", "implicit"];

/** A uv-style entry together with where it came from and how it is reported. */
export interface KeySpec {
  readonly entry: UvEntry;
  readonly source: KeySource;
  readonly group: KeyGroup;
  /** Where the entry was written, for error messages: `pyproject.toml: [tool.uv] cache-keys[3]`. */
  readonly origin: string;
}

export type ResolvedKind =
  | UvEntry["kind"]
  | "platform"
  | "python"
  | "toolchain"
  | "env-prefixes"
  | "build-system"
  | "build-command"
  | "builder"
  | "pyproject";

/** A key after resolution: everything the fingerprint and the report need, and no secret. */
export interface FingerprintKey {
  /** Stable id: `file:src/**\/*.rs`, `dir:src`, `git:commit`, `env:RUSTFLAGS`, `platform`, ... */
  readonly id: string;
  readonly kind: ResolvedKind;
  readonly source: KeySource;
  readonly group: KeyGroup;
  /** Full hex sha256 over everything the key covers. */
  readonly digest: string;
  /** File-like keys: path relative to the project directory (posix) → content digest, null when absent. */
  readonly files?: Readonly<Record<string, string | null>>;
  /** A short, non-secret description of the value (`rustc 1.95.0`, `linux-x86_64-glibc2.36`). */
  readonly detail?: string;
}
