import os from "node:os";
import type { Builder } from "../config/index.js";
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
  /** sysconfig's CC and CXX: the compilers setuptools calls (not keyed; the toolchain keys probe them). */
  readonly cc?: string;
  readonly cxx?: string;
  /** Installed versions of the names the probe was asked about (null: not installed; not keyed). */
  readonly versions?: Readonly<Record<string, string | null>>;
}

const PYTHON_PROBE = `import importlib.metadata, importlib.util, json, platform, sys, sysconfig
def version(name):
    try:
        return importlib.metadata.version(name)
    except Exception:
        return None
impl = sys.implementation.name
short = {"cpython": "cp", "pypy": "pp"}.get(impl, impl)
free = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
print(json.dumps({"version": platform.python_version(), "implementation": impl,
  "tag": f"{short}{sys.version_info[0]}{sys.version_info[1]}{free}",
  "soabi": str(sysconfig.get_config_var("SOABI") or sysconfig.get_config_var("EXT_SUFFIX") or ""),
  "platform": sysconfig.get_platform(),
  "hasBuildModule": importlib.util.find_spec("build") is not None,
  "prefixes": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}),
  "cc": sysconfig.get_config_var("CC"), "cxx": sysconfig.get_config_var("CXX"),
  "versions": {name: version(name) for name in sys.argv[1:]}}))`;

/** Asks `python` about itself; undefined when it cannot be run. */
export async function probePython(
  python: string,
  env: NodeJS.ProcessEnv,
  cwd?: string,
  distributions: readonly string[] = [],
): Promise<PythonInfo | undefined> {
  const out = await probe(python, ["-c", PYTHON_PROBE, ...distributions], env, cwd);
  if (out === undefined) return undefined;
  try {
    return JSON.parse(out) as PythonInfo;
  } catch {
    // An interpreter that printed something else (a wrapper's banner, nothing at all when it
    // could not start) is one that cannot be asked: the key records it as not found.
    return undefined;
  }
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

let platform: string | undefined;

/**
 * `linux-x64-glibc2.36`, `darwin-arm64-23`, `win32-x64`: what a built binary is tied to. Found
 * once a run: the C library's version comes from the process report, which takes a while.
 */
export function platformId(): string {
  platform ??= findPlatformId();
  return platform;
}

function findPlatformId(): string {
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
  const {
    hasBuildModule: _build,
    prefixes: _prefixes,
    cc: _cc,
    cxx: _cxx,
    versions: _versions,
    ...keyed
  } = info;
  const detail = `${info.implementation} ${info.version} ${info.soabi} ${info.platform}`;
  return implicit("python", "python", keyed, detail);
}

/** The toolchains a backend compiles with, probed in parallel; absent ones are recorded so. */
export async function toolchainKeys(
  backend: Backend,
  env: NodeJS.ProcessEnv,
  cwd?: string,
  python?: PythonInfo,
  platform: NodeJS.Platform = process.platform,
  run: typeof probe = probe,
): Promise<FingerprintKey[]> {
  const probes: [string, string, string[]][] = [];
  const rust = backend.name === "maturin" || backend.name === "setuptools-rust";
  if (rust) probes.push(["rustc", env.RUSTC || "rustc", ["-vV"]]);
  if (!rust && backend.name !== "other" && platform === "win32" && !env.CC) {
    // setuptools and CMake build with MSVC on Windows: the toolset the developer environment
    // selects (`cl` says its version on stderr) and the Windows SDK decide the binary.
    probes.push(["msvc", "cmd.exe", ["/d", "/c", "cl 2>&1"]]);
  } else if (!rust && backend.name !== "other") {
    // setuptools compiles with the interpreter's sysconfig CC/CXX unless CC/CXX say otherwise.
    const setuptools = backend.name === "setuptools";
    const cc = env.CC || (setuptools ? python?.cc : undefined);
    const cxx = env.CXX || (setuptools ? python?.cxx : undefined);
    probes.push(["cc", compiler(cc, process.platform === "win32" ? "gcc" : "cc"), ["--version"]]);
    probes.push([
      "c++",
      compiler(cxx, process.platform === "win32" ? "g++" : "c++"),
      ["--version"],
    ]);
  }
  if (backend.name === "scikit-build-core") probes.push(["cmake", "cmake", ["--version"]]);
  if (backend.name === "meson-python")
    probes.push(["meson", "meson", ["--version"]], ["ninja", "ninja", ["--version"]]);
  return Promise.all(
    probes.map(async ([name, command, args]) => {
      const out = (await run(command, args, env, cwd))?.trim();
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

/**
 * A builder whose environment is elsewhere (a manylinux container, cibuildwheel): its kind and
 * the settings that decide the wheels (target, manylinux policy or image, arguments), in place
 * of the host's interpreter and compilers, which say nothing about those wheels.
 */
export function builderKey(builder: Builder): FingerprintKey {
  return implicit("builder", "builder", builder, [builder.kind, ...builder.settings].join(" "));
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
  "pixi",
  "rye",
  "pdm-dev",
];

/**
 * pyproject.toml as the build sees it: without linter and test-runner tables, dependency groups
 * and uv's `cache-keys` (the keys themselves are fingerprinted), so editing those never rebuilds.
 * Each table is a decision of its own: `[tool.cibuildwheel]` configures wheel builds and stays;
 * `[tool.mypy]` stays for projects that compile with mypyc.
 */
export function pyprojectKey(pyproject: TomlTable, exists: boolean): FingerprintKey {
  const tool = { ...((pyproject.tool ?? {}) as TomlTable) };
  const mypyc = JSON.stringify(pyproject["build-system"] ?? {}).includes("mypy");
  for (const name of NON_BUILD_TOOLS) if (!(name === "mypy" && mypyc)) delete tool[name];
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
