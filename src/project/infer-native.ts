import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isInside, toPosix } from "../shared/paths.js";
import type { ProjectModel } from "./model.js";

/**
 * What the build scripts themselves name: the directories `setup.py` and CMake add to the include
 * and library search paths or as subprojects (also outside the project, inside the repository),
 * the files every `meson.build` names (sources, `install_sources`, `custom_target` scripts,
 * `configure_file` inputs, at any depth of `subdir()`), the modules `setup.py` imports from
 * beside it, the files it names in string literals (a `VERSION` file without an extension), and
 * the environment variables it and those modules read by name.
 */
export interface Named {
  readonly entries: UvEntry[];
  readonly warnings: string[];
}

const file = (pattern: string): UvEntry => ({ kind: "file", pattern });
/** At most this many build files are read, so a pathological tree cannot hold inference. */
const MAX_BUILD_FILES = 200;

/**
 * Directories setup.py names in `include_dirs=[...]` and `library_dirs=[...]` lists of string
 * literals. A list that computes its items (`os.path.join(...)`, `numpy.get_include()`) names
 * nothing a rule can follow: the trace sees what the build reads there.
 */
export function setupPyDirs(setupPy: string): string[] {
  const dirs: string[] = [];
  const lists = /\b(?:include_dirs|library_dirs)\s*=\s*\[([^\]]{0,2000})\]/g;
  for (const list of setupPy.matchAll(lists)) {
    const items = list[1]!;
    // Only string literals, separated by commas (unambiguous, so linear on any input).
    if (!/^\s*(?:(?:"[^"\n]*"|'[^'\n]*')\s*(?:,\s*)?)*$/.test(items)) continue;
    dirs.push(...[...items.matchAll(/["']([^"'\n]{1,300})["']/g)].map((m) => m[1]!));
  }
  return dirs;
}

/** Modules `setup.py` imports that live beside it (`import setup_helpers`, `from build_ext import x`). */
export function setupPyImports(setupPy: string): string[] {
  const names = new Set<string>();
  for (const m of setupPy.matchAll(
    /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))/gm,
  )) {
    const modules = m[1] ? [m[1]] : m[2]!.split(",").map((s) => s.trim().split(/\s+/)[0]!);
    for (const module of modules) if (module) names.add(module.split(".")[0]!);
  }
  return [...names];
}

/**
 * Variables a machine sets for every program, whatever it builds: keying them would make every
 * machine's fingerprint its own.
 */
const AMBIENT_ENV = new Set([
  "PATH",
  "HOME",
  "USER",
  "USERNAME",
  "LOGNAME",
  "SHELL",
  "PWD",
  "OLDPWD",
  "TERM",
  "LANG",
  "LANGUAGE",
  "LC_ALL",
  "LC_CTYPE",
  "TMPDIR",
  "TMP",
  "TEMP",
  "PYTHONPATH",
  "PYTHONHASHSEED",
  "VIRTUAL_ENV",
]);

/** Reading the environment by a name given in a literal or held in `(param)`'s parameter. */
const READ_ENV = String.raw`(?:\benviron\s*\.\s*(?:get|pop|setdefault)|\bgetenv)\s*\(\s*`;

/**
 * Environment variables a build script reads by name: `os.environ.get("X")`, `os.getenv("X")`,
 * `os.environ["X"]`, `"X" in os.environ`, `environ.pop("X")`, `environ.setdefault("X", ...)`;
 * and the names passed to a helper the script defines that reads the variable its first
 * parameter names (`def bool_from_environ(key): value = os.environ.get(key)`, called as
 * `bool_from_environ("USE_SYSTEM_BROTLI")`). `MSGPACK_PUREPYTHON=1` builds a pure-Python wheel:
 * a variable like it changes the wheel as much as a source does.
 */
export function scriptEnvNames(script: string): string[] {
  const code = script.replace(/^[ \t]*#[^\n]*/gm, "");
  const names = new Set<string>();
  const literal = `["']([A-Za-z_][A-Za-z0-9_]{0,100})["']`;
  const direct = [
    new RegExp(`${READ_ENV}${literal}`, "g"),
    new RegExp(String.raw`\benviron\s*\[\s*${literal}\s*\]`, "g"),
    new RegExp(String.raw`${literal}\s+(?:not\s+)?in\s+(?:os\s*\.\s*)?environ\b`, "g"),
  ];
  for (const pattern of direct) for (const m of code.matchAll(pattern)) names.add(m[1]!);
  for (const helper of envHelpers(code)) {
    const calls = new RegExp(String.raw`\b${helper}\s*\(\s*${literal}\s*[,)]`, "g");
    for (const m of code.matchAll(calls)) names.add(m[1]!);
  }
  return [...names].filter((name) => !AMBIENT_ENV.has(name)).sort();
}

/** Functions of a script that read the environment variable their first parameter names. */
function envHelpers(code: string): string[] {
  const helpers: string[] = [];
  const lines = code.split("\n");
  for (const [i, line] of lines.entries()) {
    const def = /^([ \t]*)def[ \t]+([A-Za-z_]\w{0,100})[ \t]*\([ \t]*([A-Za-z_]\w{0,100})/.exec(
      line,
    );
    if (!def) continue;
    const [, indent, name, param] = def as unknown as [string, string, string, string];
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.trim() !== "" && /^[ \t]*/.exec(next)![0].length <= indent.length) break;
      body.push(next);
    }
    const text = body.join("\n");
    const reads =
      new RegExp(`${READ_ENV}${param}\\b`).test(text) ||
      new RegExp(String.raw`\benviron\s*\[\s*${param}\s*\]`).test(text);
    if (reads) helpers.push(name);
  }
  return helpers;
}

/** Directories CMake adds: `include_directories`, `target_include_directories`, `add_subdirectory`. */
export function cmakeDirs(text: string): string[] {
  const dirs: string[] = [];
  const calls =
    /\b(include_directories|target_include_directories|add_subdirectory)\s*\(([^)]{0,2000})\)/gi;
  for (const call of text.matchAll(calls)) {
    const words = call[2]!.match(/"[^"]*"|[^\s"]+/g) ?? [];
    const args = words.map((w) => w.replace(/^"|"$/g, ""));
    const command = call[1]!.toLowerCase();
    const candidates =
      command === "add_subdirectory"
        ? args.slice(0, 1)
        : args.filter((a) => !/^(?:SYSTEM|BEFORE|AFTER|PUBLIC|PRIVATE|INTERFACE)$/.test(a));
    for (const arg of command === "target_include_directories" ? candidates.slice(1) : candidates) {
      const dir = arg.replace(
        /^\$\{(?:CMAKE_CURRENT_SOURCE_DIR|CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR)\}\/?/,
        "",
      );
      if (!dir.includes("${") && !dir.includes("$<")) dirs.push(dir || ".");
    }
  }
  return dirs;
}

/** String literals of a meson.build, and the directories it descends into with `subdir()`. */
export function mesonStrings(text: string): { strings: string[]; subdirs: string[] } {
  const code = text.replace(/#[^\n]*/g, "");
  const strings = [...code.matchAll(/'((?:[^'\\\n]|\\.){1,300})'/g)].map((m) => m[1]!);
  const subdirs = [...code.matchAll(/\bsubdir\s*\(\s*'([^']{1,300})'/g)].map((m) => m[1]!);
  return { strings, subdirs };
}

/** The entries the build scripts name (see `Named`). */
export async function inferNamed(project: ProjectModel): Promise<Named> {
  const entries: UvEntry[] = [];
  const warnings: string[] = [];
  const setupPy = project.setupPy ?? "";
  const name = project.backend.name;
  const native = ["setuptools", "setuptools-rust", "scikit-build-core", "meson-python"];
  if (native.includes(name) || project.setupPy !== undefined) {
    for (const dir of setupPyDirs(setupPy)) addDir(project, dir, entries, warnings);
    const scripts = [setupPy];
    for (const module of setupPyImports(setupPy)) {
      for (const candidate of [`${module}.py`, `${module}/__init__.py`]) {
        if (!(await project.isFile(candidate))) continue;
        entries.push(file(candidate));
        scripts.push((await project.read(candidate)) ?? "");
      }
    }
    // The variables setup.py and its helper modules read change the wheel as a source does.
    const names = new Set(scripts.flatMap(scriptEnvNames));
    for (const name of [...names].sort()) entries.push({ kind: "env", name });
  }
  if (name === "scikit-build-core" || (await project.isFile("CMakeLists.txt"))) {
    for (const [dir, text] of await cmakeFiles(project)) {
      for (const named of cmakeDirs(text))
        addDir(project, path.posix.join(dir, named), entries, warnings);
    }
  }
  if (name === "meson-python") entries.push(...(await mesonFiles(project)));
  return { entries, warnings };
}

/** A directory the build searches or descends into: every file in it (extensionless headers too). */
function addDir(project: ProjectModel, dir: string, entries: UvEntry[], warnings: string[]): void {
  const rel = toPosix(path.posix.normalize(dir.replaceAll("\\", "/"))).replace(/\/$/, "");
  if (path.isAbsolute(rel)) return; // a system directory: the trace sees what the build reads there
  if (!isInside(path.resolve(project.dir, rel), project.root)) {
    warnings.push(
      `${rel} is outside the repository and is not fingerprinted (the build searches it)`,
    );
    return;
  }
  // The project itself or a directory above it would key the whole tree: its sources are keyed
  // by their suffixes already.
  if (isInside(project.dir, path.resolve(project.dir, rel))) return;
  entries.push(file(`${rel}/**`));
}

/** CMakeLists.txt at the project root and in the directories it adds, as [dir, text]. */
async function cmakeFiles(project: ProjectModel): Promise<[string, string][]> {
  const found: [string, string][] = [];
  const pending = ["."];
  while (pending.length > 0 && found.length < MAX_BUILD_FILES) {
    const dir = pending.shift()!;
    if (found.some(([d]) => d === dir)) continue;
    const text = await project.read(path.posix.join(dir, "CMakeLists.txt"));
    if (text === undefined) continue;
    found.push([dir, text]);
    for (const sub of text.matchAll(/\badd_subdirectory\s*\(\s*"?([^\s")]+)/gi)) {
      const next = path.posix.normalize(path.posix.join(dir, sub[1]!));
      if (!next.startsWith("..") && !sub[1]!.includes("${")) pending.push(next);
    }
  }
  return found;
}

/** Every file a meson.build names, relative to its own directory, at any depth of `subdir()`. */
async function mesonFiles(project: ProjectModel): Promise<UvEntry[]> {
  const entries: UvEntry[] = [];
  const pending = ["."];
  const seen = new Set<string>();
  while (pending.length > 0 && seen.size < MAX_BUILD_FILES) {
    const dir = pending.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const text = await project.read(path.posix.join(dir, "meson.build"));
    if (text === undefined) continue;
    const { strings, subdirs } = mesonStrings(text);
    for (const s of strings) {
      const rel = path.posix.normalize(path.posix.join(dir, s));
      if (rel.startsWith("..") || rel === ".") continue;
      if (await project.isFile(rel)) entries.push(file(rel));
    }
    for (const sub of subdirs) pending.push(path.posix.normalize(path.posix.join(dir, sub)));
  }
  return entries;
}
