import path from "node:path";
import type { UvEntry } from "../config/uv-entries.js";
import { isInside } from "../shared/paths.js";
import { lookup, stringList } from "../shared/toml.js";
import { type CargoLayout, readCargoLayout } from "./cargo.js";
import { type ProjectModel, projectPath } from "./model.js";

/** Sources a C, C++, CUDA, Cython or Fortran build compiles or includes, at any depth. */
export const NATIVE_SOURCES =
  "*.{c,cc,cpp,cxx,c++,h,hh,hpp,hxx,h++,inl,ipp,tpp,cu,cuh,pyx,pxd,pxi,f,for,f90,f95,F,F90,m,mm,s,S,asm,def}";

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
      break;
  }
  for (const dir of backend.backendPath) entries.push(file(`${trimSlash(dir)}/**/*.py`));
  if (backend.versionFromGit) entries.push({ kind: "git", commit: true, tags: true });
  return { entries, warnings };
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
