import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { type ActionResult, runAction } from "../support/action.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk } from "./expect-clean.js";
import { cacheDir, project, pythonBuild } from "./fixture.js";
import { cli, json } from "./run.js";
import {
  archiveTexts,
  canaryEnv,
  leaks,
  newCanary,
  QUIET_BUILD,
  SECRET_KEYS,
  textsUnder,
} from "./secrets.js";
import { sharedCacheServer } from "./shared-server.js";

// Environment values are hashed, never shown or stored: a canary in every keyed variable must not
// appear in any output, the summary, the outputs, or any manifest in the cache.

const server = sharedCacheServer();

/** Everything a run showed or wrote, by name. */
function shown(run: ActionResult): Record<string, string> {
  return {
    stdout: run.stdout,
    stderr: run.stderr,
    summary: run.summary,
    ...Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [`output ${k}`, v])),
  };
}

reliabilityCase(
  "security",
  "no environment value reaches the action's output, summary or cache",
  async () => {
    const canary = newCanary();
    const workspace = await project();
    const inputs = {
      "build-command": QUIET_BUILD,
      "env-vars": SECRET_KEYS.envVars.join("\n"),
      "cache-keys": SECRET_KEYS.cacheKey,
    };
    // The runtime token is a secret too; debug logging shows the most.
    const env = { ...canaryEnv(canary), ACTIONS_RUNTIME_TOKEN: canary, RUNNER_DEBUG: "1" };
    const runs: ActionResult[] = [];
    const run = async (extra: Record<string, string> = {}) => {
      const result = await runAction({
        workspace,
        inputs,
        server: server(),
        env: { ...env, ...extra },
      });
      expectActionOk(result);
      runs.push(result);
      return result;
    };
    expect((await run()).outputs.built).toBe("true");
    rmSync(path.join(workspace, "dist"), { recursive: true });
    expect((await run()).outputs["cache-hit"]).toBe("true");
    // Another value: a rebuild whose report names the changed keys, never the values. A fresh
    // checkout's: setuptools would reuse build/ across the new flags, and such a build is not saved.
    rmSync(path.join(workspace, "build"), { recursive: true, force: true });
    const second = newCanary();
    const changed = await run({ RUSTFLAGS: `--cfg ${second}`, API_KEY: second });
    expect(JSON.parse(changed.outputs.changed!)).toEqual(
      expect.arrayContaining(["env:RUSTFLAGS", "env:API_KEY"]),
    );
    expect(changed.summary).toContain("<code>env\\:API\\_KEY</code>");

    for (const [i, result] of runs.entries()) {
      for (const value of [canary, second])
        expect(leaks(shown(result), value), `run ${i + 1}`).toEqual([]);
    }
    const entries = server().entries();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) {
      const texts = archiveTexts(server().entryData(entry.key)!);
      const manifest = Object.entries(texts).find(([name]) => name.endsWith("manifest.json"));
      // Every canary variable was keyed (its value went through wheel-cache), and none leaked.
      const keys = (JSON.parse(manifest?.[1] ?? "{}") as { keys?: { id: string }[] }).keys;
      const ids = keys?.map((k) => k.id);
      for (const name of Object.keys(canaryEnv(canary))) expect(ids).toContain(`env:${name}`);
      for (const value of [canary, second]) expect(leaks(texts, value), entry.key).toEqual([]);
    }
  },
);

reliabilityCase(
  "security",
  "no environment value reaches the CLI's output or local cache",
  async () => {
    const canary = newCanary();
    const dir = await project();
    const cache = cacheDir();
    const env = { ...process.env, ...canaryEnv(canary) };
    const flags = [
      ...SECRET_KEYS.envVars.flatMap((name) => ["--env-var", name]),
      "--cache-key",
      SECRET_KEYS.cacheKey,
    ];
    const build = ["--cache-dir", cache, "--build-command", QUIET_BUILD, ...flags];
    const commands = [
      ["build", "--json", ...build],
      ["build", ...build],
      ["keys", "--json", ...flags],
      ["keys", ...flags],
      ["diff", "--json", ...build],
      ["diff", ...build],
    ];
    for (const args of commands) {
      const result = await cli(args, { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
      expect(leaks({ stdout: result.stdout, stderr: result.stderr }, canary), args[0]).toEqual([]);
    }
    writeFileSync(path.join(dir, "src", "new.c"), "int x;\n");
    const diff = await cli(["diff", "--json", ...build], {
      cwd: dir,
      env: { ...env, CFLAGS: "-O2" },
    });
    expect(json<{ changed: { id: string }[] }>(diff).changed.map((c) => c.id)).toContain(
      "env:CFLAGS",
    );
    expect(leaks({ stdout: diff.stdout, stderr: diff.stderr }, canary)).toEqual([]);
    const stored = textsUnder(cache);
    expect(Object.keys(stored).filter((name) => name.endsWith("manifest.json"))).toHaveLength(2);
    expect(leaks(stored, canary)).toEqual([]);
  },
);

reliabilityCase(
  "security",
  "a failed build that prints keyed values: the summary, outputs and --json show none",
  async () => {
    const canary = newCanary();
    const dir = await project();
    const printsAndFails = pythonBuild(
      "import os, sys; print('token', os.environ['DEPLOY_TOKEN'], 'flags', os.environ['CFLAGS']); sys.exit(2)",
    );
    const action = await runAction({
      workspace: dir,
      inputs: {
        "build-command": printsAndFails,
        "env-vars": SECRET_KEYS.envVars.join("\n"),
        "cache-keys": SECRET_KEYS.cacheKey,
      },
      server: server(),
      env: canaryEnv(canary),
    });
    expect(action.code).not.toBe(0);
    expect(action.outputs.built).toBe("false");
    // The build's own output (on stderr) is the user's to print; what wheel-cache shows is not.
    const { stderr: _build, ...reported } = shown(action);
    expect(leaks(reported, canary)).toEqual([]);
    expect(action.summary).toContain("token *** flags ***");

    const flags = SECRET_KEYS.envVars.flatMap((name) => ["--env-var", name]);
    const args = ["build", "--json", "--cache-dir", cacheDir(), "--build-command", printsAndFails];
    const local = await cli([...args, ...flags], {
      cwd: dir,
      env: { ...process.env, ...canaryEnv(canary) },
    });
    expect(local.code).not.toBe(0);
    expect(leaks({ stdout: local.stdout }, canary)).toEqual([]);
    const result = json<{ error: { outputTail: string[] } }>(local);
    expect(result.error.outputTail).toContain("token *** flags ***");
  },
);
