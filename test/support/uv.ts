import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildEnv, PYTHON, TOOL_VENV } from "./build-env.js";
import { type ProcessResult, spawnBounded } from "./spawn.js";
import { makeTempDir, writeTree } from "./tmp.js";

/** The real uv of the build environment (scripts/build-tools.txt pins it). */
export const UV = path.join(TOOL_VENV, "bin", "uv");
const UV_TIMEOUT_MS = 600_000;

/** Runs uv offline, with its cache and the project's environment in `scratch`, never global. */
export async function runUv(
  args: readonly string[],
  cwd: string,
  scratch: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  const result = await spawnBounded(UV, args, {
    cwd,
    env: {
      ...buildEnv,
      UV_CACHE_DIR: path.join(scratch, "uv-cache"),
      UV_PROJECT_ENVIRONMENT: path.join(scratch, "venv"),
      UV_NO_PROGRESS: "1",
      ...env,
    },
    timeoutMs: UV_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    throw new Error(`uv ${args.join(" ")} failed (${result.code}):\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

/** `uv sync` with the build environment's Python. */
export function uvSync(cwd: string, scratch: string, env?: NodeJS.ProcessEnv) {
  return runUv(["sync", "--python", PYTHON], cwd, scratch, env);
}

/**
 * A PEP 517 backend in the project itself (`backend-path`), with no requirements: it builds a
 * wheel whose only module records when it was built, so each build is told apart, in a fraction
 * of a second and offline.
 */
const PROBE_BACKEND = `import os, time, zipfile
NAME, VERSION = "probe", "0.1.0"
def get_requires_for_build_wheel(config_settings=None):
    return []
get_requires_for_build_editable = get_requires_for_build_wheel
def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name = f"{NAME}-{VERSION}-py3-none-any.whl"
    info = f"{NAME}-{VERSION}.dist-info"
    files = {
        "probe_pkg/__init__.py": f"BUILD = {time.time_ns()}\\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {NAME}\\nVersion: {VERSION}\\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: probe\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
    }
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as z:
        for path, text in files.items():
            z.writestr(path, text)
        z.writestr(f"{info}/RECORD", "".join(f"{p},,\\n" for p in files) + f"{info}/RECORD,,\\n")
    return name
build_editable = build_wheel
`;

/**
 * A project uv builds in a fraction of a second, with `cacheKeys` as its `[tool.uv] cache-keys`,
 * in `dir` (a new temporary directory by default).
 */
export function makeProbeProject(
  cacheKeys: string,
  files: Record<string, string>,
  dir = makeTempDir("wheel-cache-uv-probe-"),
): string {
  writeTree(dir, {
    "backend.py": PROBE_BACKEND,
    "pyproject.toml": `[build-system]
requires = []
build-backend = "backend"
backend-path = ["."]

[project]
name = "probe"
version = "0.1.0"
requires-python = ">=3.9"

[tool.uv]
cache-keys = ${cacheKeys}
`,
    ...files,
  });
  return dir;
}

/**
 * The `uv_cache.json` uv wrote for an installed distribution (the probe by default): what it
 * compares on the next sync.
 */
export function installedCacheInfo(scratch: string, distInfo = "probe-0.1.0.dist-info"): string {
  const site = path.join(scratch, "venv", "lib");
  const [python] = readdirSync(site);
  return readFileSync(path.join(site, python!, "site-packages", distInfo, "uv_cache.json"), "utf8");
}

/**
 * The files uv's `cache-keys` of `project` cover, as uv itself decides: each candidate is touched
 * in turn (uv keys the newest ctime on Unix, the newest mtime elsewhere) and `uv sync` runs; the
 * file is covered exactly when the timestamp uv then records is that file's.
 */
export async function uvCoveredFiles(
  project: string,
  candidates: readonly string[],
): Promise<string[]> {
  const scratch = makeTempDir("wheel-cache-uv-scratch-");
  await uvSync(project, scratch);
  const covered: string[] = [];
  for (const rel of candidates) {
    const file = path.join(project, rel);
    // Clocks behind ctime are coarse (a few ms): a pause makes this file the newest one.
    await sleep(20);
    const now = new Date();
    utimesSync(file, now, now);
    await uvSync(project, scratch);
    const info = JSON.parse(installedCacheInfo(scratch)) as {
      timestamp?: { secs_since_epoch: number; nanos_since_epoch: number };
    };
    const recorded = info.timestamp
      ? BigInt(info.timestamp.secs_since_epoch) * 1_000_000_000n +
        BigInt(info.timestamp.nanos_since_epoch)
      : -1n;
    const stat = statSync(file, { bigint: true });
    const own = process.platform === "win32" ? stat.mtimeNs : stat.ctimeNs;
    if (recorded === own) covered.push(rel);
  }
  return covered.sort();
}

/** Rewrites a file with new content (for edits that both uv and wheel-cache must see). */
export function edit(file: string, content: string): void {
  writeFileSync(file, content);
}
