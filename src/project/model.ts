import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type Backend, detectBackend } from "./backend.js";
import { type PyProject, readPyproject } from "./pyproject.js";

/** What the key inference needs to know about a project, read once. */
export interface ProjectModel {
  /** Absolute project directory. */
  readonly dir: string;
  /** Absolute directory that no inferred key may leave (the repository root, or `dir`). */
  readonly root: string;
  readonly pyproject: PyProject;
  readonly backend: Backend;
  readonly setupPy?: string;
  readonly setupCfg?: string;
  /** Project-relative probes, for inference. */
  isFile(rel: string): Promise<boolean>;
  isDir(rel: string): Promise<boolean>;
  /** Names of the subdirectories of a project-relative directory (empty when absent). */
  subdirs(rel: string): Promise<string[]>;
}

/** Reads pyproject.toml, setup.py and setup.cfg and detects the backend. */
export async function loadProject(
  dir: string,
  root: string,
  displayDir = dir,
): Promise<ProjectModel> {
  const pyproject = await readPyproject(dir, displayDir);
  const setupPy = await readOptional(path.join(dir, "setup.py"));
  const setupCfg = await readOptional(path.join(dir, "setup.cfg"));
  const kind = async (rel: string) => stat(path.join(dir, rel)).catch(() => undefined);
  return {
    dir,
    root,
    pyproject,
    backend: detectBackend(pyproject.data, setupPy),
    setupPy,
    setupCfg,
    isFile: async (rel) => (await kind(rel))?.isFile() ?? false,
    isDir: async (rel) => (await kind(rel))?.isDirectory() ?? false,
    subdirs: async (rel) => {
      // An unreadable or missing directory has no subdirectories to infer from.
      const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    },
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  // Absent (or unreadable) optional files simply contribute nothing to inference.
  return readFile(file, "utf8").catch(() => undefined);
}

/** Project-relative posix path of an absolute path. */
export function projectPath(project: ProjectModel, absolute: string): string {
  return path.relative(project.dir, absolute).split(path.sep).join("/") || ".";
}
