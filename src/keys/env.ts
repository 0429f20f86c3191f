import { assertNever } from "../errors.js";
import type { BackendName } from "../project/backend.js";
import { digestOf } from "../shared/digest.js";
import type { FingerprintKey, KeySource } from "./types.js";

/** Variables that change what a build produces. Names ending in `_` are prefixes. */
export const BUILD_ENV = [
  "CARGO_",
  "CMAKE_",
  "MATURIN_",
  "PYO3_",
  "SKBUILD_",
  "SETUPTOOLS_",
  "MESON_",
  "RUSTFLAGS",
  "RUSTC",
  "RUSTDOCFLAGS",
  "CC",
  "CXX",
  "CPP",
  "FC",
  "CFLAGS",
  "CXXFLAGS",
  "CPPFLAGS",
  "FFLAGS",
  "LDFLAGS",
  "LDSHARED",
  "AR",
  "ARCHFLAGS",
  "CUDAFLAGS",
  "NVCC_PREPEND_FLAGS",
  "MACOSX_DEPLOYMENT_TARGET",
  "_PYTHON_HOST_PLATFORM",
  // Where compilers and linkers search for headers, libraries and packages.
  "CPATH",
  "C_INCLUDE_PATH",
  "CPLUS_INCLUDE_PATH",
  "LIBRARY_PATH",
  "PKG_CONFIG_PATH",
  "PKG_CONFIG_LIBDIR",
  // The cc crate's per-target settings (CC_x86_64_unknown_linux_gnu, CFLAGS_..., TARGET_CC).
  "TARGET_CC",
  "TARGET_CXX",
  "TARGET_AR",
  "TARGET_CFLAGS",
  "TARGET_CXXFLAGS",
  "CC_",
  "CXX_",
  "AR_",
  "CFLAGS_",
  "CXXFLAGS_",
  // Libraries that -sys crates and setup scripts locate by environment.
  "OPENSSL_",
  "NPY_",
  "SCIPY_",
  // Build isolation and the constraints an isolated build environment is resolved with.
  "PIP_CONSTRAINT",
  "PIP_BUILD_CONSTRAINT",
  "UV_BUILD_CONSTRAINT",
  "UV_CONSTRAINT",
  "PIP_NO_BUILD_ISOLATION",
  "UV_NO_BUILD_ISOLATION",
  // cibuildwheel's configuration, when it builds.
  "CIBW_",
  // The MSVC developer environment: toolset, Windows SDK, target architecture.
  "VCToolsVersion",
  "VCToolsInstallDir",
  "WindowsSDKVersion",
  "WindowsSdkDir",
  "VSCMD_VER",
  "VSCMD_ARG_TGT_ARCH",
  "DISTUTILS_USE_SDK",
];

/** Matches of the prefixes above that only affect logging, networking or where caches live. */
const NOT_BUILD_ENV = ["CARGO_TERM_", "CARGO_HOME", "CARGO_HTTP_", "CARGO_NET_", "CARGO_REGISTR"];

/** A name pattern: an exact name, or a prefix when it ends in `_` or `*`. */
export function matchesName(pattern: string, name: string): boolean {
  if (pattern.endsWith("*")) return name.startsWith(pattern.slice(0, -1));
  if (pattern.endsWith("_")) return name.startsWith(pattern);
  return name === pattern;
}

/**
 * One key per build-affecting variable that is set, plus every exactly named user variable
 * (recorded as unset when it is). Values are hashed, never kept.
 */
export function envKeys(env: NodeJS.ProcessEnv, extra: readonly string[]): FingerprintKey[] {
  const keys = new Map<string, FingerprintKey>();
  for (const name of Object.keys(env).sort()) {
    if (NOT_BUILD_ENV.some((p) => name.startsWith(p))) continue;
    if (BUILD_ENV.some((p) => matchesName(p, name)))
      keys.set(name, envKey(name, env[name], "implicit"));
  }
  for (const pattern of extra) {
    for (const name of Object.keys(env).filter((n) => matchesName(pattern, n))) {
      keys.set(name, envKey(name, env[name], "input"));
    }
    if (!/[*_]$/.test(pattern) && !keys.has(pattern))
      keys.set(pattern, envKey(pattern, undefined, "input"));
  }
  return [...keys.values()];
}

/** The key for one variable: its value's digest, unset kept apart from empty. */
export function envKey(
  name: string,
  value: string | undefined,
  source: KeySource,
  group: FingerprintKey["group"] = "implicit",
): FingerprintKey {
  const digest =
    value === undefined ? digestOf("env", name, "unset") : digestOf("env", name, "set", value);
  return {
    id: `env:${name}`,
    kind: "env",
    source,
    group,
    digest,
    detail: value === undefined ? "unset" : "set",
  };
}

/**
 * The variables a `cache-keys` list for uv names with `{ env = ... }` for a backend: the exact
 * names (uv has no prefixes) of the ones that change its builds, each also keyed above.
 */
export function uvEnvNames(backend: BackendName): string[] {
  const rust = ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_TARGET"];
  const c = ["CC", "CXX", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "LDFLAGS"];
  switch (backend) {
    case "maturin":
      return [...rust, "MATURIN_PEP517_ARGS", "MACOSX_DEPLOYMENT_TARGET"];
    case "setuptools-rust":
      return [...rust, "MACOSX_DEPLOYMENT_TARGET"];
    case "scikit-build-core":
      return [...c, "CMAKE_ARGS", "SKBUILD_CMAKE_ARGS", "MACOSX_DEPLOYMENT_TARGET"];
    case "setuptools":
    case "meson-python":
      return [...c, "MACOSX_DEPLOYMENT_TARGET"];
    case "other":
      return [];
    default:
      return assertNever(backend);
  }
}
