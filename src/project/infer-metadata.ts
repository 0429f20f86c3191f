import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isTable, lookup, stringList, type TomlTable } from "../shared/toml.js";
import { readToml } from "./cargo.js";
import type { ProjectModel } from "./model.js";

/** License files every current backend picks up by itself when `license-files` is not set. */
export const DEFAULT_LICENSE_FILES = "{LICEN[CS]E,COPYING,NOTICE,AUTHORS}*";

const file = (pattern: string): UvEntry => ({ kind: "file", pattern });

/**
 * Files the backend reads into the wheel's metadata: the readme, license files, files that
 * dynamic metadata is read from, and what a backend reads by itself (maturin's README.md and
 * Cargo's readme and license-file). A README that no backend reads is not an input.
 */
export async function inferMetadataKeys(project: ProjectModel): Promise<UvEntry[]> {
  const data = project.pyproject.data;
  const paths: string[] = [];
  const readme = lookup(data, "project", "readme");
  if (typeof readme === "string") paths.push(readme);
  else if (isTable(readme) && typeof readme.file === "string") paths.push(readme.file);
  const license = lookup(data, "project", "license");
  if (isTable(license) && typeof license.file === "string") paths.push(license.file);
  const licenseFiles = lookup(data, "project", "license-files");
  paths.push(...(licenseFiles === undefined ? [DEFAULT_LICENSE_FILES] : stringList(licenseFiles)));
  paths.push(...setuptoolsDynamicFiles(data), ...hatchRequirementFiles(data));
  paths.push(...setupCfgFiles(project.setupCfg ?? ""));
  if (project.backend.name === "maturin") {
    if (readme === undefined) paths.push("README.md");
    const manifest = lookup(data, "tool", "maturin", "manifest-path");
    const cargo = await readToml(
      path.resolve(project.dir, typeof manifest === "string" ? manifest : "Cargo.toml"),
      project.root,
    );
    for (const field of ["readme", "license-file"]) {
      const value = cargo ? lookup(cargo, "package", field) : undefined;
      if (typeof value === "string") paths.push(value);
    }
  }
  paths.push(...(await setupPyFiles(project)));
  return [...new Set(paths.map((p) => path.posix.normalize(p.replaceAll("\\", "/"))))].map(file);
}

/** `[tool.setuptools.dynamic]`: `{ file = ... }` values of version, dependencies, readme, ... */
function setuptoolsDynamicFiles(data: TomlTable): string[] {
  const dynamic = lookup(data, "tool", "setuptools", "dynamic");
  if (!isTable(dynamic)) return [];
  const values = Object.values(dynamic).flatMap((v) =>
    isTable(v) && !("file" in v) ? Object.values(v) : [v],
  );
  return values.flatMap((v) => (isTable(v) ? stringList(v.file) : []));
}

function hatchRequirementFiles(data: TomlTable): string[] {
  const hook = lookup(data, "tool", "hatch", "metadata", "hooks", "requirements_txt");
  if (!isTable(hook)) return [];
  const optional = isTable(hook["optional-dependencies"])
    ? Object.values(hook["optional-dependencies"])
    : [];
  return [...stringList(hook.files), ...optional.flatMap(stringList)];
}

/** `setup.cfg` values of the form `file: a.txt, b.txt` and `license_files` globs. */
export function setupCfgFiles(text: string): string[] {
  const files: string[] = [];
  for (const match of text.matchAll(/^[ \t]*[\w.-]+[ \t]*=[ \t]*file:[ \t]*(.+)$/gm)) {
    files.push(
      ...match[1]!
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean),
    );
  }
  const licenses = /^[ \t]*license_files[ \t]*=([^\n]*(?:\n[ \t]+[^\n]+)*)/m.exec(text);
  if (licenses) files.push(...licenses[1]!.split(/[\s,]+/).filter(Boolean));
  return files;
}

const SOURCE_SUFFIX = /\.(?:py|pyx|pxd|pxi|c|cc|cpp|cxx|h|hh|hpp|hxx|rs|f|f90|cu|m|mm|s)$/i;

/**
 * Files setup.py names in string literals (a readme it opens, a `VERSION` file with or without
 * an extension): read at build time.
 */
async function setupPyFiles(project: ProjectModel): Promise<string[]> {
  const literals = [...(project.setupPy ?? "").matchAll(/["']([\w./-]{1,200})["']/g)];
  // Sources named in Extension(...) are rebuild keys already; what is left is what metadata reads.
  const candidates = [...new Set(literals.map((m) => m[1]!))]
    .filter((c) => !SOURCE_SUFFIX.test(c))
    .slice(0, 100);
  const found = await Promise.all(
    candidates.map(async (c) => ((await project.isFile(c)) ? c : "")),
  );
  return found.filter(Boolean);
}
