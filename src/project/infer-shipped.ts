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

/**
 * Directories whose files the wheel ships (Python sources, stubs and package data), as
 * project-relative paths. They are always fingerprinted, so a restored wheel never carries stale
 * Python code, and are reported apart from the rebuild keys.
 */
export async function shippedDirs(project: ProjectModel): Promise<string[]> {
  const data = project.pyproject.data;
  const name = importName(project);
  const configured: string[] = [];
  const pythonSource = lookup(data, "tool", "maturin", "python-source");
  if (typeof pythonSource === "string") configured.push(pythonSource);
  configured.push(...stringList(lookup(data, "tool", "scikit-build", "wheel", "packages")));
  const packageDir = lookup(data, "tool", "setuptools", "package-dir");
  if (isTable(packageDir)) configured.push(...stringList(Object.values(packageDir)));
  const where = lookup(data, "tool", "setuptools", "packages", "find", "where");
  configured.push(...stringList(where));
  const cfgDir = /^[ \t]*package_dir[ \t]*=[ \t]*\n?[ \t]*=[ \t]*([\w./-]+)/m.exec(
    project.setupCfg ?? "",
  );
  if (cfgDir) configured.push(cfgDir[1]!);
  const found = await existingDirs(project, configured);
  if (found.length > 0) return found;
  const conventional = await existingDirs(project, [`src/${name}`, `python/${name}`, name]);
  return conventional.length > 0 ? conventional : fallbackPackages(project);
}

async function existingDirs(project: ProjectModel, dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    const clean = dir.replace(/\/+$/, "") || ".";
    if (!found.includes(clean) && (await project.isDir(clean))) found.push(clean);
  }
  return found.sort();
}

/** Entries for the shipped files: each package directory's whole content, plus top-level modules. */
export async function inferShippedKeys(project: ProjectModel): Promise<UvEntry[]> {
  const dirs = await shippedDirs(project);
  // No package directory found (py-modules, namespace packages): every Python file, to be safe.
  const patterns = dirs.length > 0 ? dirs.map((dir) => `${dir}/**`) : ["*.py", "*.pyi"];
  const entries: UvEntry[] = patterns.map((pattern) => ({ kind: "file", pattern }));
  const name = importName(project);
  for (const module of [`${name}.py`, `${name}.pyi`, "py.typed"]) {
    if (await project.isFile(module)) entries.push({ kind: "file", pattern: module });
  }
  return entries;
}

/** A src layout ships everything under src/; a flat layout its top-level packages. */
async function fallbackPackages(project: ProjectModel): Promise<string[]> {
  if (await project.isDir("src")) return ["src"];
  const dirs = await project.subdirs(".");
  const packages: string[] = [];
  for (const dir of dirs) {
    if (NOT_PACKAGES.has(dir) || dir.startsWith(".")) continue;
    if (await project.isFile(`${dir}/__init__.py`)) packages.push(dir);
  }
  return packages;
}

/** The import name: maturin's `module-name` package, else the normalized project name. */
export function importName(project: ProjectModel): string {
  const data = project.pyproject.data;
  const moduleName = lookup(data, "tool", "maturin", "module-name");
  if (typeof moduleName === "string") return moduleName.split(".")[0]!;
  const name = lookup(data, "project", "name");
  const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(project.setupPy ?? "")?.[1];
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
  const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(project.setupPy ?? "")?.[1];
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
