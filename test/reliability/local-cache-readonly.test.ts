import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect } from "vitest";
import type { ResultJson } from "../../src/report/terminal.js";
import { CLI_JS, canMountWorkspace } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { buildArgs, cacheDir, project } from "./fixture.js";
import { buildOk, listCache, theWheel } from "./local.js";
import { json, spawnBounded } from "./run.js";

// A cache directory the CLI cannot write. The tests run as root, which ignores file modes, so the
// directory is made read-only the way a read-only volume is: a read-only bind mount, in a private
// user and mount namespace (`unshare -rm`).

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** Mounts argv[1] read-only on itself, then runs node with the rest of argv. */
const READ_ONLY = `const { spawnSync } = require("node:child_process");
const [dir, ...args] = process.argv.slice(1);
for (const options of [["--bind", dir, dir], ["-o", "remount,ro,bind", dir]]) {
  if (spawnSync("mount", options, { stdio: "inherit" }).status !== 0) process.exit(125);
}
process.exit(spawnSync(process.execPath, args, { stdio: "inherit" }).status ?? 128);`;

/** `build --json` with `cache` mounted read-only; exit 0 expected. */
async function buildReadOnly(dir: string, cache: string): Promise<ResultJson> {
  const args = ["-rm", process.execPath, "-e", READ_ONLY, cache, CLI_JS, ...buildArgs(cache)];
  const result = await spawnBounded("unshare", args, { cwd: dir });
  expect(result.code, tail(result)).toBe(0);
  return json<ResultJson>(result);
}

const skip = !canMountWorkspace();

reliabilityCase("local-cache", "an empty read-only cache directory: built, not saved", async () => {
  expect(skip, "unshare -rm is needed to mount read-only").toBe(false);
  const dir = await project({ git: false });
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  const result = await buildReadOnly(dir, cache);
  expect(result).toMatchObject({ cacheHit: false, built: true, save: { status: "failed" } });
  // Node's recursive mkdir reports ENOENT for the missing subdirectory, not EROFS.
  expect(result.warnings.join("\n")).toMatch(/cannot write the cache directory .*cache: E[A-Z]+/);
  theWheel(result);
  expect(listCache(cache, "entries")).toEqual([]);
});

reliabilityCase(
  "local-cache",
  "a read-only cache that holds the entry: a verified hit",
  async () => {
    expect(skip, "unshare -rm is needed to mount read-only").toBe(false);
    const dir = await project({ git: false });
    const cache = cacheDir();
    const first = await buildOk(dir, cache);
    writeFileSync(path.join(dir, "dist", "stale.txt"), "");
    const result = await buildReadOnly(dir, cache);
    expect(result).toMatchObject({ cacheHit: true, built: false, warnings: [] });
    expect(theWheel(result).sha256).toBe(theWheel(first).sha256);
  },
);

reliabilityCase("local-cache", "a cache directory path that is a file", async () => {
  const dir = await project({ git: false });
  const cache = cacheDir();
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, "not a directory\n");
  const result = await buildOk(dir, cache);
  expect(result).toMatchObject({ cacheHit: false, built: true, save: { status: "failed" } });
  expect(result.warnings.join("\n")).toMatch(/cache directory .*(ENOTDIR|EEXIST)/);
  theWheel(result);
});
