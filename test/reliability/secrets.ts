import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { joinCommand } from "../../src/shared/command-line.js";
import { PYTHON } from "../support/build-env.js";
import { archiveFiles } from "./archive.js";
import { BUILD_ARGV } from "./fixture.js";

/**
 * Canary values for the secrets test: a fresh random marker, placed in every variable wheel-cache
 * keys. The values are harmless to the C build (a define, a library path nobody reads), so the
 * build still works and uses them.
 */
export function canaryEnv(canary: string): Record<string, string> {
  return {
    CC: `gcc -D${canary}_CC=1`,
    CFLAGS: `-D${canary}_CFLAGS=1`,
    CPPFLAGS: `-D${canary}_CPPFLAGS=1`,
    CXXFLAGS: `-D${canary}_CXXFLAGS=1`,
    LDFLAGS: `-L/nonexistent/${canary}`,
    RUSTFLAGS: `--cfg ${canary}`,
    MACOSX_DEPLOYMENT_TARGET: canary,
    CARGO_X: canary,
    CMAKE_X: canary,
    MATURIN_X: canary,
    PYO3_X: canary,
    SKBUILD_X: canary,
    SETUPTOOLS_X: canary,
    MESON_X: canary,
    // Named by the env-vars input (exactly, and by prefix) and by a `{ env = ... }` cache key.
    DEPLOY_TOKEN: canary,
    SECRET_PASSWORD: canary,
    API_KEY: canary,
  };
}

/** The inputs (or CLI flags) that key the user-named variables above. */
export const SECRET_KEYS = {
  envVars: ["DEPLOY_TOKEN", "SECRET_*"],
  cacheKey: '{ env = "API_KEY" }',
};

/** A fresh marker that is also a valid C identifier. */
export function newCanary(): string {
  return `WCCANARY${randomBytes(8).toString("hex")}`;
}

/**
 * The example's real build with its output thrown away (the build echoes its compiler flags; any
 * canary left in the output can then only come from wheel-cache).
 */
export const QUIET_BUILD = joinCommand([
  PYTHON,
  "-c",
  "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode)",
  ...BUILD_ARGV,
]);

/** Every file under `dir` except wheels (compiled code may record its flags), as text. */
export function textsUnder(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (name.endsWith(".whl") || !isFile(file)) continue;
    texts[name] = readFileSync(file, "latin1");
  }
  return texts;
}

/** The files of a cache service archive (wheels aside), as text. */
export function archiveTexts(archive: Buffer): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, data] of archiveFiles(archive)) {
    if (!name.endsWith(".whl")) texts[name] = data.toString("latin1");
  }
  return texts;
}

function isFile(file: string): boolean {
  return statSync(file).isFile();
}

/** The names of the texts that contain `canary`. */
export function leaks(texts: Readonly<Record<string, string>>, canary: string): string[] {
  return Object.entries(texts)
    .filter(([, text]) => text.includes(canary))
    .map(([name]) => name);
}
