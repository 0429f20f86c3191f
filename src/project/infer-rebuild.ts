import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isInside } from "../shared/paths.js";
import { lookup, stringList } from "../shared/toml.js";
import { type CargoLayout, readCargoLayout } from "./cargo.js";
import { inferNamed } from "./infer-native.js";
import { type ProjectModel, projectPath } from "./model.js";

/**
 * Sources a C, C++, CUDA, Cython or Fortran build compiles or includes, at any depth: the usual
 * suffixes, included fragments (`.inc`, `.tcc`, `.txx`), upper-case C++ (`.C`, `.H`) and the
 * templates NumPy and SciPy generate sources from (`.c.src`, `.pyx.in`).
 */
export const NATIVE_SOURCES =
  "*.{c,cc,cpp,cxx,c++,C,h,hh,hpp,hxx,h++,H,inl,inc,ipp,tpp,tcc,txx,cu,cuh,pyx,pxd,pxi,f,for,f90,f95,F,F90,m,mm,s,S,asm,def,c.src,pyx.in}";

/** Inferred rebuild keys and the warnings found while inferring them. */
export interface Inferred {
  readonly entries: UvEntry[];
  readonly warnings: string[];
}

const file = (pattern: string): UvEntry => ({ kind: "file", pattern });

/**
 * The rebuild keys wheel-cache uses when the project sets no `[tool.uv] cache-keys`: what its
 * backend compiles, configures and links, so that a source edit always rebuilds (uv's own
 * defaults would not). pyproject.toml itself is an implicit key for every project.
 */
export async function inferRebuildKeys(project: ProjectModel): Promise<Inferred> {
  const entries: UvEntry[] = [{ kind: "dir", path: "src" }];
  const warnings: string[] = [];
  const { backend } = project;
  const named = await inferNamed(project);
  entries.push(...named.entries);
  warnings.push(...named.warnings);
  if (backend.name !== "maturin") entries.push(file("setup.py"), file("setup.cfg"));
  switch (backend.name) {
    case "maturin": {
      const manifest = lookup(project.pyproject.data, "tool", "maturin", "manifest-path");
      const layout = await cargoLayout(
        project,
        typeof manifest === "string" ? manifest : "Cargo.toml",
      );
      entries.push(...rustKeys(project, layout, warnings));
      // maturin honours .gitignore files when it collects the python-source files.
      entries.push(file("**/.gitignore"));
      break;
    }
    case "setuptools-rust": {
      entries.push(file("MANIFEST.in"));
      for (const manifest of rustManifests(project)) {
        entries.push(...rustKeys(project, await cargoLayout(project, manifest), warnings));
      }
      break;
    }
    case "setuptools":
      entries.push(file("MANIFEST.in"), file(NATIVE_SOURCES));
      break;
    case "scikit-build-core":
      entries.push(
        file("**/CMakeLists.txt"),
        file("*.cmake"),
        file("*.in"),
        file("CMakePresets.json"),
        // scikit-build-core reads .gitignore files to decide which package files the wheel leaves out.
        file("**/.gitignore"),
      );
      entries.push(file(NATIVE_SOURCES));
      break;
    case "meson-python":
      entries.push(file("**/meson.build"), file("meson.options"), file("meson_options.txt"));
      entries.push(file("*.wrap"), file("*.in"), file(NATIVE_SOURCES));
      break;
    case "other":
      // An in-tree backend (`backend-path`) that hands the build to setuptools reads what
      // setuptools reads.
      if (await delegatesToSetuptools(project)) {
        entries.push(file("MANIFEST.in"), file(NATIVE_SOURCES));
      }
      break;
  }
  for (const dir of backend.backendPath) entries.push(file(`${trimSlash(dir)}/**/*.py`));
  if (backend.versionFromGit) entries.push({ kind: "git", commit: true, tags: true });
  return { entries, warnings };
}

/** Whether an in-tree backend's module imports setuptools (Pillow's, frozenlist's do). */
async function delegatesToSetuptools(project: ProjectModel): Promise<boolean> {
  const { backend } = project;
  if (backend.backendPath.length === 0) return false;
  const module = backend.module.split(":")[0]!.replaceAll(".", "/");
  for (const dir of backend.backendPath) {
    for (const candidate of [
      `${trimSlash(dir)}/${module}.py`,
      `${trimSlash(dir)}/${module}/__init__.py`,
    ]) {
      const text = await project.read(candidate);
      if (text !== undefined && /\bsetuptools\b/.test(text)) return true;
    }
  }
  return false;
}

async function cargoLayout(project: ProjectModel, manifest: string): Promise<CargoLayout> {
  return readCargoLayout(path.resolve(project.dir, manifest), project.root);
}

function rustKeys(project: ProjectModel, layout: CargoLayout, warnings: string[]): UvEntry[] {
  const rel = (abs: string) => projectPath(project, abs);
  const under = (dir: string, name: string) => (rel(dir) === "." ? name : `${rel(dir)}/${name}`);
  const entries: UvEntry[] = [];
  for (const crate of layout.crates) {
    entries.push(file(under(crate, "Cargo.toml")), file(under(crate, "src/**")));
    entries.push(file(under(crate, "build.rs")));
  }
  for (const source of layout.extraSources) entries.push(file(rel(source)));
  entries.push(
    file(under(layout.workspaceRoot, "Cargo.toml")),
    file(under(layout.workspaceRoot, "Cargo.lock")),
  );
  // Cargo and rustup read their configuration from the build directory and every ancestor.
  for (let dir = project.dir; isInside(dir, project.root); dir = path.dirname(dir)) {
    for (const name of [
      ".cargo/config.toml",
      ".cargo/config",
      "rust-toolchain",
      "rust-toolchain.toml",
    ]) {
      entries.push(file(under(dir, name)));
    }
    if (dir === project.root) break;
  }
  for (const dir of layout.outside) {
    warnings.push(
      `Rust path dependency ${rel(dir)} is outside the repository and is not fingerprinted`,
    );
  }
  return entries;
}

/** Cargo manifests that setuptools-rust builds, from pyproject.toml or setup.py. */
function rustManifests(project: ProjectModel): string[] {
  const modules = lookup(project.pyproject.data, "tool", "setuptools-rust", "ext-modules");
  const fromToml = (Array.isArray(modules) ? modules : []).flatMap((m) =>
    stringList(lookup(m as Record<string, unknown>, "path")),
  );
  const fromSetupPy = [
    ...(project.setupPy ?? "").matchAll(/RustExtension\([^)]*?path\s*=\s*["']([^"']+)["']/gs),
  ].map((m) => m[1]!);
  const manifests = [...fromToml, ...fromSetupPy];
  return manifests.length > 0 ? [...new Set(manifests)] : ["Cargo.toml"];
}

function trimSlash(dir: string): string {
  return dir.replace(/\/+$/, "") || ".";
}
