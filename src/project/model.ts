import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";
import type { Location } from "../files/listing.js";
import { describeFsError, readProjectFile, statProjectPath } from "../shared/read.js";
import { type Backend, detectBackend } from "./backend.js";
import { type PyProject, readPyproject } from "./pyproject.js";

/** What the key inference needs to know about a project, read once. */
export interface ProjectModel {
  /** Absolute project directory. */
  readonly dir: string;
  /** Absolute directory that no inferred key may leave (the repository root, or `dir`). */
  readonly root: string;
  /** The project directory as the user wrote it, for messages. */
  readonly display: string;
  readonly pyproject: PyProject;
  readonly backend: Backend;
  readonly setupPy?: string;
  readonly setupCfg?: string;
  /** Reads a project-relative file (see `readProjectFile`); undefined when absent. */
  read(rel: string): Promise<string | undefined>;
  /** Project-relative probes, for inference. */
  isFile(rel: string): Promise<boolean>;
  isDir(rel: string): Promise<boolean>;
  /** Names of the subdirectories of a project-relative directory (empty when absent). */
  subdirs(rel: string): Promise<string[]>;
  /** Names of the files (and links to files) in a project-relative directory (empty when absent). */
  files(rel: string): Promise<string[]>;
  /** The user-facing name of a project-relative path. */
  shown(rel: string): string;
}

/** Reads pyproject.toml, setup.py and setup.cfg and detects the backend. */
export async function loadProject(location: Location, display: string): Promise<ProjectModel> {
  const dir = location.projectDir;
  const shown = (rel: string) => path.join(display, rel);
  const read = (rel: string) => readProjectFile(path.resolve(dir, rel), shown(rel));
  const kind = (rel: string) => statProjectPath(path.resolve(dir, rel), shown(rel));
  const entries = async (rel: string): Promise<Dirent[]> => {
    try {
      const found = await readdir(path.resolve(dir, rel), { withFileTypes: true });
      return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return [];
      throw new UserError(`cannot read ${shown(rel)}: ${describeFsError(error)}`);
    }
  };
  const pyproject = await readPyproject(dir, display, read);
  const setupPy = await read("setup.py");
  const setupCfg = await read("setup.cfg");
  return {
    dir,
    root: location.root,
    display,
    pyproject,
    backend: detectBackend(pyproject.data, setupPy),
    setupPy,
    setupCfg,
    read,
    isFile: async (rel) => (await kind(rel))?.isFile() ?? false,
    isDir: async (rel) => (await kind(rel))?.isDirectory() ?? false,
    subdirs: async (rel) => (await entries(rel)).filter((e) => e.isDirectory()).map((e) => e.name),
    files: async (rel) =>
      (await entries(rel)).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name),
    shown,
  };
}

/** Project-relative posix path of an absolute path. */
export function projectPath(project: ProjectModel, absolute: string): string {
  return path.relative(project.dir, absolute).split(path.sep).join("/") || ".";
}
