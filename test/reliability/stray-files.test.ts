import { existsSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runAction, runnerTemp } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { git } from "../support/git.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk } from "./expect-clean.js";
import { BUILD, project } from "./fixture.js";
import { sharedCacheServer } from "./shared-server.js";

// What a run leaves behind: the workspace as it was but for the wheel directory (a later step
// that packs the tree, an sdist for one, must not find wheel-cache's files), and nothing of the
// run's own in the job's temp dir.

const server = sharedCacheServer();

/** What the workspace has that its commit has not (ignored files too), one path per entry. */
function strayPaths(dir: string): string[] {
  const status = git(dir, "status", "--porcelain=v1", "-z", "--ignored", "--untracked-files=all");
  return status
    .split("\0")
    .filter(Boolean)
    .map((entry) => entry.slice(3))
    .sort();
}

/** What the example's own build writes into the project (setuptools). */
const BUILD_OUTPUT = /^(?:build\/|src\/[^/]+\.egg-info\/)/;

reliabilityCase(
  "stray-files",
  "the action leaves the workspace as it was, but for the wheel directory",
  async () => {
    const dir = await project();
    expect(strayPaths(dir)).toEqual([]);
    const built = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD },
      server: server(),
    });
    expectActionOk(built);
    expect(built.outputs.built, tail(built)).toBe("true");
    const wheel = path.relative(dir, built.outputs.wheels!);
    expect(strayPaths(dir).filter((p) => !BUILD_OUTPUT.test(p))).toEqual([wheel]);
    expect(existsSync(path.join(runnerTemp(dir), "wheel-cache"))).toBe(false);

    // A new job: a fresh checkout, then a hit.
    git(dir, "clean", "-fdxq");
    expect(strayPaths(dir)).toEqual([]);
    const hit = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD },
      server: server(),
    });
    expectActionOk(hit);
    expect(hit.outputs["cache-hit"], tail(hit)).toBe("true");
    expect(strayPaths(dir)).toEqual([wheel]);
    expect(existsSync(path.join(runnerTemp(dir), "wheel-cache"))).toBe(false);
  },
);

reliabilityCase("stray-files", "a failed run leaves no staging behind either", async () => {
  const dir = await project();
  const failed = await runAction({
    workspace: dir,
    inputs: { "build-command": "no-such-builder" },
    server: server(),
  });
  expect(failed.code).not.toBe(0);
  expect(strayPaths(dir)).toEqual([]);
  expect(existsSync(path.join(runnerTemp(dir), "wheel-cache"))).toBe(false);
});
