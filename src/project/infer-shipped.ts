import type { UvEntry } from "../config/uv-entries.js";
import { isTable, lookup, stringList } from "../shared/toml.js";
import type { ProjectModel } from "./model.js";

/** Top-level directories that are never packages in a flat layout (setuptools' own list, abridged). */
const NOT_PACKAGES = new Set([
  "tests",
  "test",
  "docs",
  "doc",
  "examples",
  "example",
  "benchmarks",
  "bench",
  "scripts",
  "tools",
  "tasks",
  "site",
  "build",
  "dist",
  "target",
  "python",
  "src",
  "include",
  "lib",
]);

/** Top-level modules a flat layout never ships (setuptools' FlatLayoutModuleFinder excludes them). */
const NOT_MODULES =
  /^(?:setup|conftest|tests?|examples?|build|toxfile|noxfile|pavement|dodo|tasks|fabfile|[Ss][Cc]onstruct|conanfile|manage|benchmarks?|exercises?|[._].*)\.pyi?$/;

/**
 * What the wheel ships (Python sources, stubs and package data): package directories and
 * top-level modules, as project-relative paths. They are always fingerprinted, so a restored
 * wheel never carries stale Python code, and are reported apart from the rebuild keys.
 */
export interface Shipped {
  readonly dirs: readonly string[];
  readonly modules: readonly string[];
}

/**
 * The packages and modules the wheel ships: what the backend is told (maturin's
 * `python-source`, scikit-build-core's `wheel.packages`, setuptools' `packages`, `package-dir`,
 * `py-modules` and `packages.find` in pyproject.toml, setup.cfg or setup.py), else the
 * conventional places of the package named after the project, else every top-level package.
 */
export async function shippedFiles(project: ProjectModel): Promise<Shipped> {
  const data = project.pyproject.data;
  const dirs: string[] = [];
  const pythonSource = lookup(data, "tool", "maturin", "python-source");
  if (typeof pythonSource === "string") dirs.push(pythonSource);
  dirs.push(...stringList(lookup(data, "tool", "scikit-build", "wheel", "packages")));
  const setuptools = setuptoolsLayout(project);
  dirs.push(...setuptools.packages.map((p) => packageDir(p, setuptools.packageDir)));
  for (const where of setuptools.find) dirs.push(...(await packagesIn(project, where)));
  const modules = setuptools.modules.map((m) => packageDir(m, setuptools.packageDir));
  // A package directory that is the project itself ships its top-level packages, not the tree.
  const whole = dirs.some((d) => (d.replace(/\/+$/, "") || ".") === ".");
  const found = [
    ...(await existingDirs(
      project,
      dirs.filter((d) => (d.replace(/\/+$/, "") || ".") !== "."),
    )),
    ...(whole ? await packagesIn(project, ".") : []),
  ];
  const shippedModules = await existingFiles(
    project,
    modules.flatMap((m) => [`${m}.py`, `${m}.pyi`]),
  );
  if (found.length > 0 || shippedModules.length > 0) {
    return { dirs: found, modules: shippedModules };
  }
  const name = importName(project);
  const conventional = name
    ? await pythonDirs(project, [`src/${name}`, `python/${name}`, name])
    : [];
  if (conventional.length > 0)
    return { dirs: conventional, modules: await topModules(project, name) };
  return fallback(project);
}

/** What setuptools is told about packages, from pyproject.toml, setup.cfg and setup.py. */
interface SetuptoolsLayout {
  /** Package names (`a`, `a.b`) listed outright. */
  readonly packages: readonly string[];
  /** `package-dir`: package name ("" for the root) → directory. */
  readonly packageDir: Readonly<Record<string, string>>;
  /** Directories packages are found in (`packages.find.where`, `find_packages("src")`). */
  readonly find: readonly string[];
  /** Top-level modules (`py-modules`). */
  readonly modules: readonly string[];
}

/**
 * setup.py with the `setup()` arguments that name a module-level constant (brotli's
 * `package_dir=PACKAGE_DIR` where `PACKAGE_DIR = {"": "python"}`, `py_modules=PY_MODULES`,
 * `name=NAME`) replaced by the constant's literal, so that the rules below read them.
 */
export function inlineSetupConstants(setupPy: string): string {
  return setupPy.replace(
    /\b(name|packages|package_dir|py_modules)(\s*=\s*)([A-Za-z_]\w{0,100})(?=\s*[,)])/g,
    (whole, argument: string, equals: string, constant: string) => {
      const assigned = new RegExp(
        `^${constant}[ \\t]*=[ \\t]*(\\[[^\\]]{0,2000}\\]|\\{[^}]{0,2000}\\}|"[^"\\n]*"|'[^'\\n]*')`,
        "m",
      ).exec(setupPy);
      return assigned ? `${argument}${equals}${assigned[1]}` : whole;
    },
  );
}

function setuptoolsLayout(project: ProjectModel): SetuptoolsLayout {
  const data = project.pyproject.data;
  const setupPy = inlineSetupConstants(project.setupPy ?? "");
  const table = lookup(data, "tool", "setuptools");
  const packageDir: Record<string, string> = {};
  const pyprojectDirs = lookup(data, "tool", "setuptools", "package-dir");
  if (isTable(pyprojectDirs)) {
    for (const [name, dir] of Object.entries(pyprojectDirs)) {
      if (typeof dir === "string") packageDir[name] = dir;
    }
  }
  Object.assign(packageDir, setupCfgPackageDir(project.setupCfg ?? ""));
  Object.assign(packageDir, setupPyDict(setupPy, "package_dir"));
  const packagesValue = isTable(table) ? table.packages : undefined;
  const packages = [
    ...(Array.isArray(packagesValue) ? stringList(packagesValue) : []),
    ...setupPyList(setupPy, "packages"),
  ];
  const find: string[] = [];
  if (isTable(packagesValue) && isTable(packagesValue.find)) {
    const where = stringList(packagesValue.find.where);
    find.push(...(where.length > 0 ? where : ["."]));
  }
  find.push(...findPackagesCalls(setupPy));
  const modules = [
    ...stringList(isTable(table) ? table["py-modules"] : undefined),
    ...setupPyList(setupPy, "py_modules"),
  ];
  return { packages, packageDir, find, modules };
}

/** The directory of a package (or module) under setuptools' `package_dir` rules. */
function packageDir(name: string, mapping: Readonly<Record<string, string>>): string {
  const parts = name.split(".");
  for (let i = parts.length; i >= 0; i--) {
    const prefix = parts.slice(0, i).join(".");
    const base = mapping[prefix];
    if (base !== undefined)
      return [base, ...parts.slice(i)].filter((p) => p && p !== ".").join("/") || ".";
  }
  return parts.join("/");
}

/** `package_dir = \n    = src` in setup.cfg's `[options]`. */
function setupCfgPackageDir(text: string): Record<string, string> {
  const match =
    /^[ \t]*package_dir[ \t]*=[ \t]*\n?((?:[ \t]*[\w.]*[ \t]*=[ \t]*[\w./-]+[ \t]*\n?)+)/m.exec(
      text,
    );
  const mapping: Record<string, string> = {};
  for (const line of match?.[1]?.split("\n") ?? []) {
    const pair = /^[ \t]*([\w.]*)[ \t]*=[ \t]*([\w./-]+)/.exec(line);
    if (pair) mapping[pair[1]!] = pair[2]!;
  }
  return mapping;
}

/** A literal list argument of setup(): `packages=["a", "a.b"]`. */
function setupPyList(text: string, argument: string): string[] {
  const match = new RegExp(`\\b${argument}\\s*=\\s*\\[([^\\]]{0,2000})\\]`).exec(text);
  return [...(match?.[1] ?? "").matchAll(/["']([\w.]+)["']/g)].map((m) => m[1]!);
}

/** A literal dict argument of setup(): `package_dir={"": "src", "b": "lib/b"}`. */
function setupPyDict(text: string, argument: string): Record<string, string> {
  const match = new RegExp(`\\b${argument}\\s*=\\s*\\{([^}]{0,2000})\\}`).exec(text);
  const mapping: Record<string, string> = {};
  for (const pair of (match?.[1] ?? "").matchAll(/["']([\w.]*)["']\s*:\s*["']([\w./-]+)["']/g)) {
    mapping[pair[1]!] = pair[2]!;
  }
  return mapping;
}

/** Where `find_packages("src")`, `find_packages(where="lib")` or `find_namespace_packages(...)` look. */
function findPackagesCalls(text: string): string[] {
  const dirs: string[] = [];
  for (const call of text.matchAll(/\bfind_(?:namespace_)?packages\(([^)]{0,500})\)/g)) {
    const where =
      /^\s*(?:where\s*=\s*)?["']([\w./-]+)["']/.exec(call[1]!) ??
      /\bwhere\s*=\s*["']([\w./-]+)["']/.exec(call[1]!);
    dirs.push(where?.[1] ?? ".");
  }
  return dirs;
}

/** The top-level packages in a directory (`.` for the project's own): those with Python files. */
async function packagesIn(project: ProjectModel, where: string): Promise<string[]> {
  const base = where.replace(/\/+$/, "") || ".";
  if (base !== ".") return [base];
  const packages: string[] = [];
  for (const dir of await project.subdirs(".")) {
    if (NOT_PACKAGES.has(dir) || dir.startsWith(".")) continue;
    if ((await pythonDirs(project, [dir])).length > 0) packages.push(dir);
  }
  return packages;
}

async function existingDirs(project: ProjectModel, dirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    const clean = dir.replace(/\/+$/, "") || ".";
    if (!found.includes(clean) && (await project.isDir(clean))) found.push(clean);
  }
  return found.sort();
}

async function existingFiles(project: ProjectModel, files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) if (await project.isFile(file)) found.push(file);
  return [...new Set(found)].sort();
}

/** The directories that are Python packages: they hold Python files (a guess must be one). */
async function pythonDirs(project: ProjectModel, dirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of await existingDirs(project, dirs)) {
    if ((await project.files(dir)).some((f) => /\.pyi?$/.test(f))) found.push(dir);
  }
  return found;
}

/** The top-level module named after the project, its stub, and `py.typed`. */
async function topModules(project: ProjectModel, name: string): Promise<string[]> {
  return existingFiles(project, [`${name}.py`, `${name}.pyi`, "py.typed"]);
}

/**
 * Nothing configured and nothing named after the project: the packages (directories holding
 * Python files) and modules a src layout or a flat layout would ship; nothing for a project
 * without Python of its own.
 */
async function fallback(project: ProjectModel): Promise<Shipped> {
  const base = (await project.isDir("src")) ? "src" : ".";
  const dirs: string[] = [];
  for (const dir of await project.subdirs(base)) {
    const rel = base === "." ? dir : `${base}/${dir}`;
    if ((base === "." && NOT_PACKAGES.has(dir)) || dir.startsWith(".")) continue;
    if ((await pythonDirs(project, [rel])).length > 0) dirs.push(rel);
  }
  const modules = (await project.files(base))
    .filter((f) => /\.pyi?$/.test(f) && !NOT_MODULES.test(f))
    .map((f) => (base === "." ? f : `${base}/${f}`));
  return { dirs, modules: modules.sort() };
}

/** Entries for the shipped files: each package directory's whole content, and the modules. */
export async function inferShippedKeys(project: ProjectModel): Promise<UvEntry[]> {
  const { dirs, modules } = await shippedFiles(project);
  return [
    ...dirs.map((dir): UvEntry => ({ kind: "file", pattern: `${dir}/**` })),
    ...modules.map((module): UvEntry => ({ kind: "file", pattern: module })),
  ];
}

/** The import name: maturin's `module-name` package, else the normalized project name. */
export function importName(project: ProjectModel): string {
  const data = project.pyproject.data;
  const moduleName = lookup(data, "tool", "maturin", "module-name");
  if (typeof moduleName === "string") return moduleName.split(".")[0]!;
  const name = lookup(data, "project", "name");
  const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(
    inlineSetupConstants(project.setupPy ?? ""),
  )?.[1];
  return String(typeof name === "string" ? name : (fromSetup ?? ""))
    .toLowerCase()
    .replace(/[-.]+/g, "_");
}

/**
 * The distribution name the project's wheels carry: `[project].name`, else the `name` setup.py
 * or setup.cfg gives as a literal; undefined when none is written down (then it cannot be checked).
 */
export function distributionName(project: ProjectModel): string | undefined {
  const name = lookup(project.pyproject.data, "project", "name");
  if (typeof name === "string") return name;
  const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(
    inlineSetupConstants(project.setupPy ?? ""),
  )?.[1];
  const fromCfg = /^\s*name\s*=\s*([\w.-]+)\s*$/m.exec(metadataSection(project.setupCfg))?.[1];
  return fromSetup ?? fromCfg;
}

/** The lines of setup.cfg's `[metadata]` section. */
function metadataSection(setupCfg: string | undefined): string {
  const lines: string[] = [];
  let inside = false;
  for (const line of (setupCfg ?? "").split("\n")) {
    if (line.startsWith("[")) inside = line.trim() === "[metadata]";
    else if (inside) lines.push(line);
  }
  return lines.join("\n");
}
