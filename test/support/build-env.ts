import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The build environment made by scripts/setup-build-env.sh: a venv holding every build backend
 * and uv (pinned from PyPI), a wheelhouse for isolated builds, and a CARGO_HOME holding the
 * examples' crates. Tests build offline from them; they import this instead of guessing paths.
 */

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const TOOL_VENV = process.env.WHEEL_CACHE_TOOL_VENV ?? path.join(REPO_ROOT, ".tool-venv");
export const PYTHON = path.join(TOOL_VENV, "bin", "python");
/** Written last by the setup script; its presence means the environment is complete. */
export const STAMP = path.join(TOOL_VENV, "build-env.json");
export const BUILD_ENV_HINT = `no build environment at ${TOOL_VENV}: run \`bash scripts/setup-build-env.sh\` (or \`npm test\`, which runs it)`;
/** Wheels of the pinned build tools: isolated builds install their requirements from here. */
export const WHEELHOUSE = path.join(TOOL_VENV, "wheelhouse");
/** The crates the Rust examples lock, fetched by the setup script. */
export const CARGO_HOME = path.join(TOOL_VENV, "cargo");

/** True when the setup script has completed: tests fail (in CI) or skip (locally) otherwise. */
export function hasBuildEnv(): boolean {
  return existsSync(PYTHON) && existsSync(STAMP);
}

function stampedCargoBin(): string | undefined {
  if (!existsSync(STAMP)) return undefined;
  const stamp: unknown = JSON.parse(readFileSync(STAMP, "utf8"));
  if (typeof stamp !== "object" || stamp === null || !("cargoBin" in stamp)) return undefined;
  return typeof stamp.cargoBin === "string" ? stamp.cargoBin : undefined;
}

const cargoBin = stampedCargoBin() ?? path.join(homedir(), ".cargo", "bin");

function makeBuildEnv(): NodeJS.ProcessEnv {
  const { PYTHONPATH: _path, PYTHONHOME: _home, ...inherited } = process.env;
  return {
    ...inherited,
    // The venv first (maturin's backend runs `maturin` from PATH; uv is there), then rustup's cargo.
    PATH: [path.join(TOOL_VENV, "bin"), cargoBin, inherited.PATH ?? ""].join(path.delimiter),
    VIRTUAL_ENV: TOOL_VENV,
    // No registry during tests: isolated builds take their requirements from the wheelhouse,
    // cargo its crates from the fetched CARGO_HOME.
    PIP_NO_INDEX: "1",
    PIP_FIND_LINKS: WHEELHOUSE,
    PIP_DISABLE_PIP_VERSION_CHECK: "1",
    PIP_CACHE_DIR: path.join(TOOL_VENV, "pip-cache"),
    UV_OFFLINE: "1",
    UV_FIND_LINKS: WHEELHOUSE,
    UV_CACHE_DIR: path.join(TOOL_VENV, "uv-cache"),
    UV_PYTHON_DOWNLOADS: "never",
    CARGO_HOME,
    CARGO_NET_OFFLINE: "true",
  };
}

/** The environment for build commands and the Python they run. */
export const buildEnv: Readonly<NodeJS.ProcessEnv> = Object.freeze(makeBuildEnv());

export const EXAMPLE_NAMES = [
  "setuptools-c",
  "setuptools-cython",
  "setuptools-pybind11",
  "scikit-build-core",
  "meson-python",
  "setuptools-rust",
  "maturin",
] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

export interface Example {
  readonly name: ExampleName;
  /** The Python import package; the extension is `<importName>._core` with `add(a, b)`. */
  readonly importName: string;
  /** Paths relative to the example's root. */
  readonly compiledSource: string;
  readonly testFile: string;
  readonly readme: string;
  /** Whether the backend reads the README during a build (maturin does, by itself). */
  readonly readmeIsRead: boolean;
  readonly rust: boolean;
  /** Enough for a clean build on a 2-core machine, with room for strace's overhead. */
  readonly buildTimeoutMs: number;
  /** Python code that prints `5` when the built extension works. */
  readonly check: string;
  /** argv of the suggested build (run in the example's root with `buildEnv`). */
  buildCommand(wheelDir: string): string[];
}

const SOURCES: Record<ExampleName, string> = {
  "setuptools-c": "src/example_setuptools_c/_core.c",
  "setuptools-cython": "src/example_setuptools_cython/_core.pyx",
  "setuptools-pybind11": "src/example_setuptools_pybind11/_core.cpp",
  "scikit-build-core": "src/core.cpp",
  "meson-python": "src/example_meson_python/_core.c",
  "setuptools-rust": "src/lib.rs",
  maturin: "src/lib.rs",
};

function example(name: ExampleName): Example {
  const importName = `example_${name.replaceAll("-", "_")}`;
  const rust = name === "maturin" || name === "setuptools-rust";
  return {
    name,
    importName,
    compiledSource: SOURCES[name],
    testFile: "tests/test_add.py",
    readme: "README.md",
    readmeIsRead: name === "maturin",
    rust,
    buildTimeoutMs: rust ? 300_000 : 120_000,
    check: `import ${importName}; print(${importName}.add(2, 3))`,
    buildCommand: (wheelDir) => [
      PYTHON,
      "-m",
      "build",
      "--wheel",
      "--no-isolation",
      "--outdir",
      wheelDir,
    ],
  };
}

export const EXAMPLES: readonly Example[] = EXAMPLE_NAMES.map(example);

export function getExample(name: ExampleName): Example {
  return example(name);
}
