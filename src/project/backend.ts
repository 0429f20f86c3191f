import { lookup, stringList, type TomlTable } from "../shared/toml.js";

export type BackendName =
  | "maturin"
  | "setuptools-rust"
  | "setuptools"
  | "scikit-build-core"
  | "meson-python"
  | "other";

/** What the project builds with, as far as the fingerprint cares. */
export interface Backend {
  readonly name: BackendName;
  /** The `build-backend` string, or the PEP 517 fallback for a project without one. */
  readonly module: string;
  /** Lower-cased distribution names in `build-system.requires`, without versions or extras. */
  readonly requires: readonly string[];
  /** `build-system.backend-path` entries: an in-tree backend. */
  readonly backendPath: readonly string[];
  /** The version comes from git (setuptools-scm, hatch-vcs, versioningit, ...). */
  readonly versionFromGit: boolean;
}

const LEGACY = "setuptools.build_meta:__legacy__";
const GIT_VERSIONING = ["setuptools-scm", "setuptools_scm", "hatch-vcs", "versioningit"];
const GIT_VERSIONING_TOOLS = ["setuptools_scm", "setuptools-scm", "versioningit", "hatch-vcs"];

/** Detects the build backend from `[build-system]`; `setupPy` is the text of setup.py, if any. */
export function detectBackend(pyproject: TomlTable, setupPy: string | undefined): Backend {
  const module = String(lookup(pyproject, "build-system", "build-backend") ?? LEGACY);
  // Without a [build-system] table, PEP 517 frontends build with setuptools.
  const declared = lookup(pyproject, "build-system", "requires");
  const requires = (declared === undefined ? ["setuptools"] : stringList(declared)).map(
    requirementName,
  );
  const backendPath = stringList(lookup(pyproject, "build-system", "backend-path"));
  const dynamic = stringList(lookup(pyproject, "project", "dynamic"));
  const versionFromGit =
    (dynamic.includes("version") || !lookup(pyproject, "project", "version")) &&
    (requires.some((r) => GIT_VERSIONING.includes(r)) ||
      GIT_VERSIONING_TOOLS.some((tool) => lookup(pyproject, "tool", tool) !== undefined) ||
      lookup(pyproject, "tool", "hatch", "version", "source") === "vcs" ||
      /\buse_scm_version\s*=/.test(setupPy ?? ""));
  return {
    name: backendName(module, requires, pyproject, setupPy),
    module,
    requires,
    backendPath,
    versionFromGit,
  };
}

function backendName(
  module: string,
  requires: readonly string[],
  pyproject: TomlTable,
  setupPy: string | undefined,
): BackendName {
  const root = module.split(/[.:]/)[0];
  if (root === "maturin") return "maturin";
  if (root === "scikit_build_core") return "scikit-build-core";
  if (root === "mesonpy") return "meson-python";
  if (root === "setuptools") {
    const rust =
      requires.includes("setuptools-rust") ||
      lookup(pyproject, "tool", "setuptools-rust") !== undefined ||
      /\bRustExtension\b/.test(setupPy ?? "");
    return rust ? "setuptools-rust" : "setuptools";
  }
  return "other";
}

/** `"setuptools-rust>=1.5; python_version>'3'"` → `setuptools-rust`. */
export function requirementName(requirement: string): string {
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement;
  return name.toLowerCase().replace(/[._]+/g, "-");
}
