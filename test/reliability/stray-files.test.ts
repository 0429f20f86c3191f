import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { joinCommand } from "../../src/shared/command-line.js";
import { runAction, runnerTemp } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { git } from "../support/git.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk, expectCliError } from "./expect-clean.js";
import { BUILD, buildArgs, cacheDir, project } from "./fixture.js";
import { buildOk, entryData, listCache } from "./local.js";
import { cli } from "./run.js";
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

const OLD_OWN = "example_setuptools_c-0.0.1-cp311-cp311-linux_x86_64.whl";
const ANOTHER_PROJECT = "another_project-1.0-py3-none-any.whl";
const ANOTHER_PYTHON = "example_setuptools_c-0.1.0-cp310-cp310-linux_x86_64.whl";

/** Fake wheels (bytes no build made) under `dir`. */
function fakeWheels(dir: string, names: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    writeFileSync(path.join(dir, name), `not really ${name}\n`);
    return path.join(dir, name);
  });
}

/** The wheels the manifest of the local cache entry `key` records. */
function cachedWheels(cache: string, key: string): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(entryData(cache, key), "manifest.json"), "utf8"),
  );
  return (manifest as { wheels: { name: string }[] }).wheels.map((w) => w.name);
}

reliabilityCase(
  "stray-files",
  "old wheels in the wheel directory on a hit: named, left, not in the outputs",
  async () => {
    const dir = await project();
    const cache = cacheDir();
    const first = await buildOk(dir, cache);
    git(dir, "clean", "-fdxq");
    fakeWheels(path.join(dir, "dist"), [OLD_OWN, ANOTHER_PROJECT]);
    const hit = await buildOk(dir, cache);
    expect(hit).toMatchObject({ cacheHit: true, built: false });
    expect(hit.wheels).toEqual(first.wheels);
    expect(hit.warnings).toContain(
      `${path.join(dir, "dist")} already held 2 wheels this run did not make (${ANOTHER_PROJECT}, ${OLD_OWN}): left there, and not in the outputs`,
    );
    expect(readdirSync(path.join(dir, "dist")).sort()).toEqual(
      [ANOTHER_PROJECT, OLD_OWN, path.basename(first.wheels[0]!)].sort(),
    );

    // The action says so too, in its log and summary, with the same outputs.
    git(dir, "clean", "-fdxq");
    fakeWheels(path.join(dir, "dist"), [OLD_OWN]);
    const inputs = { "build-command": BUILD };
    expectActionOk(await runAction({ workspace: dir, inputs, server: server() }));
    git(dir, "clean", "-fdxq");
    fakeWheels(path.join(dir, "dist"), [OLD_OWN]);
    const action = await runAction({ workspace: dir, inputs, server: server() });
    expectActionOk(action);
    expect(action.outputs["cache-hit"], tail(action)).toBe("true");
    expect(action.outputs.wheels!.split("\n")).toHaveLength(1);
    expect(action.outputs.wheels).not.toContain(OLD_OWN);
    expect(action.stdout).toMatch(/::warning[^:]*::.*already held 1 wheel this run did not make/);
    expect(action.summary).toContain("already held 1 wheel this run did not make");
  },
);

reliabilityCase(
  "stray-files",
  "old wheels in the wheel directory on a build: named, left, not cached",
  async () => {
    const dir = await project();
    const cache = cacheDir();
    fakeWheels(path.join(dir, "dist"), [OLD_OWN]);
    const built = await buildOk(dir, cache);
    expect(built).toMatchObject({ cacheHit: false, built: true, save: { status: "saved" } });
    expect(built.wheels.map((w) => path.basename(w))).not.toContain(OLD_OWN);
    expect(built.warnings.join("\n")).toMatch(/already held 1 wheel this run did not make/);
    expect(cachedWheels(cache, built.cacheKey)).toEqual(built.wheels.map((w) => path.basename(w)));
  },
);

reliabilityCase(
  "stray-files",
  "a build that copies in another project's wheel and one for another Python",
  async () => {
    const dir = await project();
    const cache = cacheDir();
    const foreign = fakeWheels(makeTempDir(), [ANOTHER_PROJECT, ANOTHER_PYTHON]);
    const copying = joinCommand([
      "bash",
      "-c",
      `mkdir -p dist && cp ${joinCommand(foreign)} dist/ && exec ${BUILD}`,
    ]);
    const built = await buildOk(dir, cache, copying);
    expect(built.wheels.map((w) => path.basename(w))).toEqual([
      expect.stringMatching(/^example_setuptools_c-0\.1\.0-cp311-cp311-linux_/),
    ]);
    expect(cachedWheels(cache, built.cacheKey)).toEqual(built.wheels.map((w) => path.basename(w)));
    expect(built.warnings).toContain(
      `the build wrote ${ANOTHER_PROJECT}, which is not this project's wheel for this Python and platform (name another_project, not example_setuptools_c): it is not cached, and not in the outputs`,
    );
    expect(built.warnings.join("\n")).toContain(
      `the build wrote ${ANOTHER_PYTHON}, which is not this project's wheel for this Python and platform (Python tag cp310, not cp311)`,
    );
  },
);

reliabilityCase("stray-files", "a build that writes only another project's wheel", async () => {
  const dir = await project();
  const cache = cacheDir();
  const [foreign] = fakeWheels(makeTempDir(), [ANOTHER_PROJECT]);
  const copying = joinCommand([
    "bash",
    "-c",
    `mkdir -p dist && cp ${joinCommand([foreign!])} dist/`,
  ]);
  expectCliError(
    await cli(buildArgs(cache, copying), { cwd: dir }),
    /^wheel-cache: the build wrote no wheel of example-setuptools-c for cp311 on linux-\S+ to \S+dist, only another_project-1\.0-py3-none-any\.whl \(name another_project, not example_setuptools_c\)$/,
  );
  expect(listCache(cache, "entries")).toEqual([]);
});
