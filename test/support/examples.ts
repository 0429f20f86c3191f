import { existsSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import { EXAMPLES_DIR, type ExampleName } from "./build-env.js";
import { gitCommitAll, gitInit } from "./git.js";
import { makeTempDir } from "./tmp.js";

export interface CopyOptions {
  /** Make the copy a git repository with one commit (fixed identity and date; see git.ts). */
  readonly git?: boolean;
}

const OUTPUT_DIRS = new Set(["build", "target", "dist", "__pycache__"]);

/**
 * What a build leaves in an example's tree when it is built in place: setuptools' `build/` and
 * `*.egg-info/`, cargo's `target/`, meson-python's `.mesonpy-*`, and Cython's `.c` beside its `.pyx`.
 */
export function isBuildOutput(file: string): boolean {
  const name = path.basename(file);
  if (OUTPUT_DIRS.has(name) || name.endsWith(".egg-info") || name.startsWith(".mesonpy-")) {
    return true;
  }
  return name.endsWith(".c") && existsSync(`${file.slice(0, -2)}.pyx`);
}

/**
 * Copies `examples/<name>` into a fresh temporary directory (removed after the test file), without
 * build outputs, and returns the copy's root.
 */
export async function copyExample(name: ExampleName, options: CopyOptions = {}): Promise<string> {
  return copyProject(path.join(EXAMPLES_DIR, name), options);
}

/** Fixture projects shaped like real layouts the defaults once missed (test/fixtures). */
export const FIXTURES_DIR = path.join(EXAMPLES_DIR, "..", "test", "fixtures");
export const FIXTURE_NAMES = ["setuptools-packages", "meson-lib", "setup-helper"] as const;

/** Copies a project directory into a fresh temporary directory, as `copyExample` does. */
export async function copyProject(source: string, options: CopyOptions = {}): Promise<string> {
  const name = path.basename(source);
  const dir = makeTempDir(`wheel-cache-${name}-`);
  await cp(source, dir, {
    recursive: true,
    filter: (source) => !isBuildOutput(source),
  });
  if (options.git) {
    gitInit(dir);
    gitCommitAll(dir, `example ${name}`);
  }
  return dir;
}
