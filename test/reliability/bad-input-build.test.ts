import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runAction } from "../support/action.js";
import { reliabilityCase } from "./cases.js";
import { expectActionError, expectCliError } from "./expect-clean.js";
import { BUILD, buildArgs, cacheDir, EXAMPLE, project, pythonBuild } from "./fixture.js";
import { cli, json } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// Build commands that go wrong: each fails the step with one line naming the command, still
// reports the run (the CLI's --json result with its error, the action's outputs and summary), and
// nothing is ever saved to the cache from a failed build.

const server = sharedCacheServer();

/** Files in the local cache's entries directory (none after a failed build). */
function localEntries(cache: string): string[] {
  const entries = path.join(cache, "v1", "entries");
  return existsSync(entries) ? readdirSync(entries) : [];
}

/** Runs the build both ways (CLI with a local cache, action with the service), expecting `error`. */
async function expectBuildFails(build: string, error: RegExp, edit?: (dir: string) => void) {
  const dir = await project();
  edit?.(dir);
  const cache = cacheDir();
  const local = await cli(buildArgs(cache, build), { cwd: dir });
  expectCliError(local, error, { stdout: "result" });
  const result = json<{ verdict: string; built: boolean; error: { message: string } }>(local);
  expect(result).toMatchObject({ verdict: "failed", built: false });
  expect(result.error.message).toMatch(error);
  expect(localEntries(cache)).toEqual([]);
  const before = server().entries().length;
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": build },
    server: server(),
  });
  expectActionError(action, error);
  expect(server().entries()).toHaveLength(before);
  expect(action.outputs).toMatchObject({ built: "false", "cache-hit": "false", wheels: "" });
  expect(action.outputs.reason).toMatch(error);
  expect(action.summary).toMatch(/^### ❌ Build failed/);
}

reliabilityCase("bad-input", "a build command that does not exist", async () => {
  await expectBuildFails(
    "no-such-builder --wheel",
    /build command not found: no-such-builder \(in no-such-builder --wheel\)/,
  );
});

reliabilityCase("bad-input", "a build command that is a directory", async () => {
  await expectBuildFails("./src --wheel", /cannot run the build command|build command not found/);
});

reliabilityCase("bad-input", "a build that exits 0 but writes no wheel", async () => {
  await expectBuildFails(
    pythonBuild("print('nothing to see')"),
    /the build succeeded but wrote no new wheel to .*dist/,
  );
});

reliabilityCase("bad-input", "a build that writes a wheel, then fails half way", async () => {
  const code = [
    "import os, sys",
    "os.makedirs('dist', exist_ok=True)",
    "open('dist/half-1.0-py3-none-any.whl', 'wb').write(b'PK partial')",
    "sys.exit(3)",
  ].join("; ");
  await expectBuildFails(pythonBuild(code), /the build failed with exit code 3: /);
});

reliabilityCase("bad-input", "a build that does not compile", async () => {
  await expectBuildFails(BUILD, /the build failed with exit code 1: /, (dir) =>
    writeFileSync(path.join(dir, EXAMPLE.compiledSource), "this is not C;\n"),
  );
});

reliabilityCase("bad-input", "a build killed by a signal", async () => {
  await expectBuildFails(
    pythonBuild("import os, signal; os.kill(os.getpid(), signal.SIGKILL)"),
    /the build was killed by SIGKILL: /,
  );
});
