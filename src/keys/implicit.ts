import os from "node:os";
import type { Backend } from "../project/backend.js";
import { canonicalJson, digestOf } from "../shared/digest.js";
import { probe } from "../shared/probe.js";
import type { TomlTable } from "../shared/toml.js";
import type { FingerprintKey, ResolvedKind } from "./types.js";

/** What the building interpreter says about itself. */
export interface PythonInfo {
  readonly version: string;
  readonly implementation: string;
  /** `cp311`, `cp313t`, `pp310`: the interpreter part of the cache key. */
  readonly tag: string;
  readonly soabi: string;
  readonly platform: string;
  /** Whether `python -m build` can run (chooses the default build command; not keyed). */
  readonly hasBuildModule: boolean;
  /** sys.prefix, base_prefix, exec_prefix and base_exec_prefix: the interpreter's own files (not keyed). */
  readonly prefixes: readonly string[];
}

const PYTHON_PROBE = `import importlib.util, json, platform, sys, sysconfig
impl = sys.implementation.name
short = {"cpython": "cp", "pypy": "pp"}.get(impl, impl)
free = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
print(json.dumps({"version": platform.python_version(), "implementation": impl,
  "tag": f"{short}{sys.version_info[0]}{sys.version_info[1]}{free}",
  "soabi": str(sysconfig.get_config_var("SOABI") or sysconfig.get_config_var("EXT_SUFFIX") or ""),
  "platform": sysconfig.get_platform(),
  "hasBuildModule": importlib.util.find_spec("build") is not None,
  "prefixes": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix})}))`;

/** Asks `python` about itself; undefined when it cannot be run. */
export async function probePython(
  python: string,
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<PythonInfo | undefined> {
  const out = await probe(python, ["-c", PYTHON_PROBE], env, cwd);
  if (out === undefined) return undefined;
  return JSON.parse(out) as PythonInfo;
}

const implicit = (
  id: string,
  kind: ResolvedKind,
  value: unknown,
  detail: string,
): FingerprintKey => ({
  id,
  kind,
  source: "implicit",
  group: "implicit",
  digest: digestOf(id, canonicalJson(value)),
  detail,
});

/** `linux-x64-glibc2.36`, `darwin-arm64-23`, `win32-x64`: what a built binary is tied to. */
export function platformId(): string {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === "linux") {
    const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } })
      ?.header;
    return `${base}-${header?.glibcVersionRuntime ? `glibc${header.glibcVersionRuntime}` : "musl"}`;
  }
  if (process.platform === "darwin") return `${base}-${os.release().split(".")[0]}`;
  return base;
}

export function platformKey(): FingerprintKey {
  const id = platformId();
  return implicit("platform", "platform", id, id);
}

export function pythonKey(info: PythonInfo | undefined): FingerprintKey {
  if (!info) return implicit("python", "python", null, "not found");
  const { hasBuildModule: _build, prefixes: _prefixes, ...keyed } = info;
  const detail = `${info.implementation} ${info.version} ${info.soabi} ${info.platform}`;
  return implicit("python", "python", keyed, detail);
}

/** The toolchains a backend compiles with, probed in parallel; absent ones are recorded so. */
export async function toolchainKeys(
  backend: Backend,
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<FingerprintKey[]> {
  const probes: [string, string, string[]][] = [];
  const rust = backend.name === "maturin" || backend.name === "setuptools-rust";
  if (rust) probes.push(["rustc", env.RUSTC || "rustc", ["-vV"]]);
  if (!rust && backend.name !== "other") {
    probes.push([
      "cc",
      compiler(env.CC, process.platform === "win32" ? "gcc" : "cc"),
      ["--version"],
    ]);
    probes.push([
      "c++",
      compiler(env.CXX, process.platform === "win32" ? "g++" : "c++"),
      ["--version"],
    ]);
  }
  if (backend.name === "scikit-build-core") probes.push(["cmake", "cmake", ["--version"]]);
  if (backend.name === "meson-python")
    probes.push(["meson", "meson", ["--version"]], ["ninja", "ninja", ["--version"]]);
  return Promise.all(
    probes.map(async ([name, command, args]) => {
      const out = (await probe(command, args, env, cwd))?.trim();
      const detail = out ? (out.split("\n")[0] ?? "").slice(0, 80) : "not found";
      return implicit(`toolchain:${name}`, "toolchain", out ?? null, detail);
    }),
  );
}

const WRAPPERS = new Set(["ccache", "sccache", "distcc", "icecc"]);

/**
 * The compiler program in a `CC`/`CXX` value such as `ccache gcc -m64`: the first word that is not
 * a compiler cache (the flags are keyed with the variable itself).
 */
export function compiler(value: string | undefined, fallback: string): string {
  const words = (value ?? "").trim().split(/\s+/).filter(Boolean);
  const program = words.find((w) => !WRAPPERS.has(w.split(/[\\/]/).pop() ?? w));
  return program ?? fallback;
}

export function buildSystemKey(pyproject: TomlTable): FingerprintKey {
  const table = (pyproject["build-system"] ?? null) as TomlTable | null;
  const requires = Array.isArray(table?.requires)
    ? [...(table.requires as unknown[])].map(String).sort()
    : [];
  const normalized = table ? { ...table, requires } : null;
  return implicit(
    "build-system",
    "build-system",
    normalized,
    table ? String(table["build-backend"] ?? "legacy setuptools") : "none",
  );
}

export function buildCommandKey(command: readonly string[]): FingerprintKey {
  return implicit("build-command", "build-command", command, command.join(" "));
}

/** Tool tables that configure linters and test runners: never part of a wheel. */
const NON_BUILD_TOOLS = [
  "pytest",
  "ruff",
  "black",
  "isort",
  "mypy",
  "pyright",
  "basedpyright",
  "coverage",
  "codespell",
  "tox",
  "pylint",
  "flake8",
  "bandit",
  "pydocstyle",
  "docformatter",
  "interrogate",
  "vulture",
  "typos",
  "towncrier",
  "commitizen",
  "cibuildwheel",
  "pixi",
  "rye",
  "pdm-dev",
];

/**
 * pyproject.toml as the build sees it: without linter and test-runner tables, dependency groups
 * and uv's `cache-keys` (the keys themselves are fingerprinted), so editing those never rebuilds.
 */
export function pyprojectKey(pyproject: TomlTable, exists: boolean): FingerprintKey {
  const tool = { ...((pyproject.tool ?? {}) as TomlTable) };
  for (const name of NON_BUILD_TOOLS) delete tool[name];
  if (tool.uv && typeof tool.uv === "object") {
    const { "cache-keys": _keys, "dev-dependencies": _dev, ...uv } = tool.uv as TomlTable;
    tool.uv = uv;
  }
  const { "dependency-groups": _groups, ...rest } = pyproject;
  const normalized = exists ? { ...rest, tool } : null;
  const key = implicit("pyproject", "pyproject", normalized, exists ? "pyproject.toml" : "absent");
  // The file it covers, with the normalized digest: a diff then names pyproject.toml itself.
  return { ...key, group: "rebuild", files: { "pyproject.toml": exists ? key.digest : null } };
}
