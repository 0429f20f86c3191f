import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect } from "vitest";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { buildArgs, cacheDir, project, pythonBuild } from "./fixture.js";
import { buildOk, listCache, sha256, theWheel } from "./local.js";
import { cli } from "./run.js";

// Several processes on one local cache, and a process killed while it saves. Entries are staged
// and renamed into place, so a reader sees a whole entry or none, and of racing saves one wins.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** A "build" that copies a prepared file into dist/: instant, so that saves collide. */
function copyBuild(wheel: string): string {
  const code = `import os, shutil; os.makedirs("dist", exist_ok=True); shutil.copy(${JSON.stringify(wheel)}, "dist")`;
  return pythonBuild(code);
}

/** A prepared file named as the project's wheel, of `size` random bytes, outside any project. */
function preparedWheel(size: number): string {
  const file = path.join(
    makeTempDir("wheel-cache-prepared-"),
    "example_setuptools_c-1.0-py3-none-any.whl",
  );
  const chunk = 1 << 24;
  writeFileSync(file, "");
  for (let done = 0; done < size; done += chunk) {
    writeFileSync(file, randomBytes(Math.min(chunk, size - done)), { flag: "a" });
  }
  return file;
}

reliabilityCase(
  "local-cache",
  "eight processes save the same key at once",
  async () => {
    const wheel = preparedWheel(4 << 20);
    const build = copyBuild(wheel);
    const cache = cacheDir();
    const dirs = await Promise.all(Array.from({ length: 8 }, () => project({ git: false })));
    const results = await Promise.all(dirs.map((dir) => buildOk(dir, cache, build)));
    expect(new Set(results.map((r) => r.cacheKey)).size).toBe(1);
    const saved = results.filter((r) => r.save.status === "saved");
    expect(saved).toHaveLength(1);
    for (const r of results) {
      // A process that looked after the winner had saved restores its entry instead.
      if (r.cacheHit) expect(r.built).toBe(false);
      else expect(["saved", "exists"]).toContain(r.save.status);
      expect(r.warnings).toEqual([]);
      expect(theWheel(r).sha256).toBe(sha256(wheel));
    }
    // One wheels entry and its manifest; no staging left behind.
    expect(listCache(cache, "entries")).toHaveLength(2);
    expect(listCache(cache, "tmp")).toEqual([]);
    const again = await buildOk(dirs[0]!, cache, build);
    expect(again).toMatchObject({ cacheHit: true, built: false });
    expect(theWheel(again).sha256).toBe(sha256(wheel));
  },
  { timeout: 120_000 },
);

reliabilityCase(
  "local-cache",
  "a save killed with SIGKILL half way leaves no visible entry",
  async () => {
    const wheel = preparedWheel(256 << 20);
    const build = copyBuild(wheel);
    const cache = cacheDir();
    const dir = await project({ git: false });
    let killedDuring = "";
    const killed = await cli(buildArgs(cache, build), {
      cwd: dir,
      timeoutMs: 120_000,
      onSpawn: (pid) => {
        // Kill as soon as the save has started copying into its staging directory.
        const poll = setInterval(() => {
          const staging = listCache(cache, "tmp").find((n) => n.startsWith("save-"));
          if (!staging || !existsSync(path.join(cache, "v1", "tmp", staging, "data"))) return;
          clearInterval(poll);
          killedDuring = staging;
          process.kill(pid, "SIGKILL");
        }, 1);
      },
    });
    expect(killed.signal).toBe("SIGKILL");
    expect(killedDuring).not.toBe("");
    // The staging copy is there, partial; no entry is.
    const staged = path.join(cache, "v1", "tmp", killedDuring, "data");
    expect(existsSync(path.join(cache, "v1", "tmp", killedDuring, "entry.json"))).toBe(false);
    expect(existsSync(staged)).toBe(true);
    expect(listCache(cache, "entries")).toEqual([]);

    // A reader sees a miss, rebuilds and saves; the run after it is a verified hit.
    const next = await buildOk(dir, cache, build, { timeoutMs: 120_000 });
    expect(next).toMatchObject({ cacheHit: false, built: true, save: { status: "saved" } });
    const hit = await buildOk(dir, cache, build, { timeoutMs: 120_000 });
    expect(hit).toMatchObject({ cacheHit: true, built: false });
    expect(theWheel(hit).sha256).toBe(sha256(wheel));
    expect(readFileSync(theWheel(hit).path).length).toBe(256 << 20);
  },
  { timeout: 180_000 },
);
