import { appendFileSync } from "node:fs";
import path from "node:path";
import { joinCommand } from "../../src/shared/command-line.js";
import { getExample, PYTHON } from "../support/build-env.js";
import { copyExample } from "../support/examples.js";
import { makeTempDir } from "../support/tmp.js";

/** The example every reliability case builds: a C extension that builds in a second or two. */
export const EXAMPLE = getExample("setuptools-c");

/** argv of the example's real build, into `dist` of the project. */
export const BUILD_ARGV = EXAMPLE.buildCommand("dist");
/** The same as one command line, for `build-command` / `--build-command`. */
export const BUILD = joinCommand(BUILD_ARGV);

/** A build command line that runs `python -c <code>` in the project directory. */
export function pythonBuild(code: string): string {
  return joinCommand([PYTHON, "-c", code]);
}

/** A fresh copy of the example (a git repository with one commit unless `git: false`). */
export function project(options: { git?: boolean } = {}): Promise<string> {
  return copyExample(EXAMPLE.name, { git: options.git ?? true });
}

/** A copy of the example whose pyproject.toml ends with `text`. */
export async function projectWith(text: string): Promise<string> {
  const dir = await project({ git: false });
  appendFileSync(path.join(dir, "pyproject.toml"), `\n${text}\n`);
  return dir;
}

/** A fresh directory for a local cache. */
export function cacheDir(): string {
  return path.join(makeTempDir("wheel-cache-local-"), "cache");
}

/** `build --json` arguments for the CLI with a local cache and the example's real build. */
export function buildArgs(cache: string, build = BUILD): string[] {
  return ["build", "--json", "--cache-dir", cache, "--build-command", build];
}
