import type { FileChanges, KeyChange } from "../../src/fingerprint/diff.js";
import { fingerprintOf, MANIFEST_SCHEMA, type Manifest } from "../../src/fingerprint/manifest.js";
import type { FingerprintKey } from "../../src/keys/types.js";
import type { RunResult, WheelOutput } from "../../src/pipeline/result.js";
import { digestOf } from "../../src/shared/digest.js";

/** A resolved key with a digest derived from its id and files; override anything. */
export function makeKey(
  overrides: Partial<FingerprintKey> & Pick<FingerprintKey, "id">,
): FingerprintKey {
  return {
    kind: "file",
    source: "inferred",
    group: "rebuild",
    digest: digestOf(overrides.id, JSON.stringify(overrides.files ?? overrides.detail ?? "")),
    ...overrides,
  };
}

/** The keys of a small maturin project: one per group, with files where keys cover files. */
export function defaultKeys(): FingerprintKey[] {
  return [
    makeKey({ id: "file:src/**", files: { "src/lib.rs": "a1", "src/util.rs": "a2" } }),
    makeKey({ id: "file:Cargo.toml", files: { "Cargo.toml": "b1" } }),
    makeKey({ id: "file:README.md", group: "metadata", files: { "README.md": "c1" } }),
    makeKey({
      id: "file:python/pkg/**",
      group: "shipped",
      files: { "python/pkg/__init__.py": "d1" },
    }),
    implicitKey("platform", "platform", "linux-x64-glibc2.36"),
    implicitKey("python", "python", "cpython 3.11.9 cpython-311-x86_64-linux-gnu linux-x86_64"),
    implicitKey("toolchain:rustc", "toolchain", "rustc 1.95.0"),
    implicitKey("env:RUSTFLAGS", "env", "set"),
    implicitKey("build-command", "build-command", "uv build --wheel"),
  ];
}

function implicitKey(id: string, kind: FingerprintKey["kind"], detail: string): FingerprintKey {
  return makeKey({ id, kind, detail, source: "implicit", group: "implicit" });
}

/** A manifest over `keys`, with optional wheels and build time. */
export function makeManifest(
  keys: readonly FingerprintKey[] = defaultKeys(),
  extra: Partial<Manifest> = {},
): Manifest {
  return {
    schema: MANIFEST_SCHEMA,
    fingerprint: fingerprintOf(keys),
    project: ".",
    keys,
    ...extra,
  };
}

/** A file-like key change; files default to none. */
export function makeChange(
  id: string,
  files?: Partial<FileChanges>,
  overrides: Partial<KeyChange> = {},
): KeyChange {
  return {
    id,
    status: "changed",
    group: "rebuild",
    files: files && { added: [], modified: [], removed: [], ...files },
    ...overrides,
  };
}

export function makeWheel(name = "pkg-1.0-cp311-cp311-manylinux_2_36_x86_64.whl"): WheelOutput {
  return { name, size: 1_234_567, sha256: digestOf(name), path: `/work/proj/dist/${name}` };
}

/** A RunResult: by default a build after `src/lib.rs` changed, with one wheel. */
export function makeResult(overrides: Partial<RunResult> = {}): RunResult {
  const manifest = overrides.manifest ?? makeManifest();
  return {
    verdict: "built",
    leg: {
      project: "pkg",
      projectDir: ".",
      platform: "linux-x64-glibc2.36",
      python: "cp311",
      pythonVersion: "3.11.9",
      keySuffix: "",
    },
    cache: "github",
    cacheKey: `wheel-cache-v1-.-linux-x64-glibc2.36-cp311-${manifest.fingerprint.slice(0, 16)}`,
    manifest,
    previous: { key: "wheel-cache-v1-manifest-.-linux-x64-glibc2.36-cp311-old", manifest },
    changed: [makeChange("file:src/**", { modified: ["src/lib.rs"] })],
    wheels: [makeWheel()],
    wheelDir: "/work/proj/dist",
    buildCommand: {
      argv: ["uv", "build", "--wheel"],
      keyed: ["uv", "build", "--wheel"],
      origin: "uv is on PATH",
    },
    buildSeconds: 63,
    save: { status: "saved" },
    warnings: [],
    keysFrom: "pyproject",
    backend: "maturin",
    buildChanges: [],
    observedChanges: [],
    validation: "none",
    unkeyed: [],
    otherWheels: [],
    rejectedWheels: [],
    startedAt: "2025-06-03T12:00:00.000Z",
    seconds: 70,
    ...overrides,
  };
}

/** A hit: restored two wheels that took 72 s to build. */
export function makeHit(overrides: Partial<RunResult> = {}): RunResult {
  return makeResult({
    verdict: "hit",
    previous: undefined,
    changed: [],
    wheels: [makeWheel(), makeWheel("pkg-1.0-cp311-abi3-manylinux_2_36_x86_64.whl")],
    buildSeconds: 72,
    save: { status: "skipped", why: { kind: "restored" } },
    ...overrides,
  });
}
