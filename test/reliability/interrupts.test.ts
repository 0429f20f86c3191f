import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import { cleanEnv, runAction, runnerTemp } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { buildEnv } from "../support/build-env.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectActionError, expectCliError } from "./expect-clean.js";
import { buildArgs, cacheDir, project, pythonBuild } from "./fixture.js";
import { listCache } from "./local.js";
import { cli } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// Builds that never end, and runs that are told to stop: the build's whole process group (the
// tracer, the build and what it started) is ended, the run's staging directory removed, and the
// run exits with one line: 1 at a time limit, 128 + the signal's number for a signal.

const server = sharedCacheServer();

/**
 * A build that starts a child (`sleep`), writes both process ids to `pids`, then sleeps for
 * ever; with `ignoreTerm`, it ignores SIGTERM, so only SIGKILL ends it.
 */
function sleepingBuild(pids: string, ignoreTerm = false): string {
  return pythonBuild(
    [
      "import os, signal, subprocess, time",
      ignoreTerm ? "signal.signal(signal.SIGTERM, signal.SIG_IGN)" : "",
      "child = subprocess.Popen(['sleep', '100000'])",
      `open(${JSON.stringify(pids)}, 'w').write(f'{os.getpid()} {child.pid}')`,
      "time.sleep(100000)",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

/** Waits (bounded) until the build has written its process ids; returns them. */
async function startedBuild(pids: string): Promise<number[]> {
  for (let i = 0; i < 600 && !(existsSync(pids) && readFileSync(pids, "utf8").includes(" ")); i++)
    await sleep(100);
  return readFileSync(pids, "utf8").split(" ").map(Number);
}

/** The processes of `pids` that still run (zombies, ended but not yet reaped, do not). */
function running(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    const stat = path.join("/proc", String(pid), "stat");
    if (!existsSync(stat)) return false;
    const text = readFileSync(stat, "utf8");
    return text.slice(text.lastIndexOf(")") + 2, text.lastIndexOf(")") + 3) !== "Z";
  });
}

/** The CLI's environment with a temporary directory of its own, to see what it leaves there. */
function cliEnv(): { env: NodeJS.ProcessEnv; tmp: string } {
  const tmp = makeTempDir("wheel-cache-tmpdir-");
  return { env: { ...cleanEnv(buildEnv), TMPDIR: tmp }, tmp };
}

for (const traced of [true, false]) {
  reliabilityCase(
    "interrupts",
    `a build that never ends, with --build-timeout (${traced ? "traced" : "untraced"})`,
    async () => {
      const dir = await project();
      const cache = cacheDir();
      const pids = path.join(makeTempDir(), "pids");
      const { env, tmp } = cliEnv();
      const args = [...buildArgs(cache, sleepingBuild(pids)), "--build-timeout", "2"];
      const result = await cli(traced ? args : [...args, "--no-trace"], { cwd: dir, env });
      expectCliError(
        result,
        /^wheel-cache: the build ran past its time limit of 2 s \(build-timeout\) and was ended: /,
        { stdout: "result" },
      );
      // A build that ran out of time is a failed build.
      expect(result.code).toBe(3);
      expect(running(await startedBuild(pids))).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
      expect(listCache(cache, "entries")).toEqual([]);
    },
  );
}

reliabilityCase("interrupts", "a build that ignores SIGTERM at its time limit", async () => {
  const dir = await project();
  const pids = path.join(makeTempDir(), "pids");
  const { env, tmp } = cliEnv();
  const args = [...buildArgs(cacheDir(), sleepingBuild(pids, true)), "--build-timeout", "1"];
  const result = await cli(args, { cwd: dir, env });
  expectCliError(result, /the build ran past its time limit of 1 s/, { stdout: "result" });
  expect(result.code).toBe(3);
  expect(running(await startedBuild(pids))).toEqual([]);
  expect(readdirSync(tmp)).toEqual([]);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  reliabilityCase("interrupts", `${signal} to the CLI during a build`, async () => {
    const dir = await project();
    const cache = cacheDir();
    const pids = path.join(makeTempDir(), "pids");
    const { env, tmp } = cliEnv();
    let cliPid = 0;
    const running$ = cli(buildArgs(cache, sleepingBuild(pids)), {
      cwd: dir,
      env,
      onSpawn: (pid) => {
        cliPid = pid;
      },
    });
    const build = await startedBuild(pids);
    process.kill(cliPid, signal);
    const result = await running$;
    expect(result.code, tail(result)).toBe(signal === "SIGTERM" ? 143 : 130);
    expect(result.stderr).toContain(`wheel-cache: interrupted by ${signal}: the build was ended\n`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe("");
    expect(running(build)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(listCache(cache, "entries")).toEqual([]);
  });
}

reliabilityCase(
  "interrupts",
  "the action with a build that never ends and build-timeout",
  async () => {
    const dir = await project();
    const pids = path.join(makeTempDir(), "pids");
    const before = server().entries().length;
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": sleepingBuild(pids), "build-timeout": "2" },
      server: server(),
    });
    expectActionError(action, /^the build ran past its time limit of 2 s \(build-timeout\)/);
    expect(running(await startedBuild(pids))).toEqual([]);
    expect(server().entries()).toHaveLength(before);
    expect(existsSync(path.join(runnerTemp(dir), "wheel-cache"))).toBe(false);
  },
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  reliabilityCase(
    "interrupts",
    `${signal} to the action during a build (a cancelled job)`,
    async () => {
      const dir = await project();
      const pids = path.join(makeTempDir(), "pids");
      const before = server().entries().length;
      let actionPid = 0;
      const running$ = runAction({
        workspace: dir,
        inputs: { "build-command": sleepingBuild(pids) },
        server: server(),
        onSpawn: (pid) => {
          actionPid = pid;
        },
      });
      const build = await startedBuild(pids);
      process.kill(actionPid, signal);
      const action = await running$;
      expect(action.code, tail(action)).toBe(signal === "SIGTERM" ? 143 : 130);
      expect(action.stdout).toContain(`::error::interrupted by ${signal}: the build was ended\n`);
      expect(action.stdout).not.toMatch(/^\s+at /m);
      expect(running(build)).toEqual([]);
      expect(server().entries()).toHaveLength(before);
      expect(existsSync(path.join(runnerTemp(dir), "wheel-cache"))).toBe(false);
    },
  );
}

reliabilityCase("bad-input", "a build-timeout that is not a number of seconds", async () => {
  const dir = await project();
  expectCliError(
    await cli(["build", "--build-timeout", "soon"], { cwd: dir }),
    /^wheel-cache: --build-timeout: expected a positive number of seconds, got "soon"$/,
  );
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": "true", "build-timeout": "-1" },
    server: server(),
  });
  expectActionError(
    action,
    /^input build-timeout: expected a positive number of seconds, got "-1"$/,
  );
});
