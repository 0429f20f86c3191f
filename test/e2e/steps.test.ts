import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ActionResult,
  buildCount,
  cleanEnv,
  countingBuild,
  runAction,
} from "../support/action.js";
import { errorLines, tail } from "../support/action-output.js";
import { BUILD_ENV_HINT, buildEnv, getExample, hasBuildEnv } from "../support/build-env.js";
import { type CacheServer, startCacheServer } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { spawnBounded } from "../support/spawn.js";
import { makeTempDir } from "../support/tmp.js";

// The separate steps (restore/action.yml, save/action.yml) run as the runner runs them, their
// bundles against the local cache service, around a build that is none of wheel-cache's: a
// command run between them, as maturin-action or cibuildwheel would be.

// The end-to-end tier needs the build environment (npm test makes it): fail without it.
if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

const EXAMPLE = getExample("setuptools-c");
const TIMEOUT_MS = 180_000;

let server: CacheServer;
beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);
beforeEach(async () => {
  server = await startCacheServer();
});
afterEach(async () => {
  await server.close();
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const wheelsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".whl")) : [];
const warningLines = (result: ActionResult) =>
  result.stdout.split("\n").filter((l) => l.startsWith("::warning"));

function expectOk(result: ActionResult): void {
  expect(result.code, tail(result)).toBe(0);
  expect(errorLines(result), tail(result)).toEqual([]);
}

/** A fresh git copy of the example; `build()` builds it as a step of its own would. */
async function setup() {
  const workspace = await copyExample(EXAMPLE.name, { git: true });
  const marker = path.join(makeTempDir("wheel-cache-marker-"), "builds");
  const build = async (env: Record<string, string> = {}) => {
    // The counting wrapper records each build; it is run here, not by wheel-cache.
    const command = countingBuild(marker, EXAMPLE.buildCommand("dist"));
    const result = await spawnBounded("bash", ["-c", command], {
      cwd: workspace,
      env: { ...cleanEnv(buildEnv), ...env },
      timeoutMs: TIMEOUT_MS,
    });
    expect(result.code, tail(result)).toBe(0);
  };
  const step = (
    which: "restore" | "save",
    inputs: Record<string, string> = {},
    env: Record<string, string> = {},
  ) => runAction({ workspace, inputs, server, step: which, env });
  return { workspace, marker, build, step, dist: path.join(workspace, "dist") };
}

describe("restore, a build of another step, save", () => {
  it(
    "a miss gives the key, save stores what the build wrote, the next restore hits byte for byte",
    async () => {
      const { marker, build, step, dist } = await setup();

      const restored = await step("restore");
      expectOk(restored);
      expect(restored.outputs).toMatchObject({ "cache-hit": "false", wheels: "" });
      const cacheKey = restored.outputs["cache-key"]!;
      expect(cacheKey).toMatch(/^wheel-cache-/);
      expect(server.entries()).toEqual([]);

      await build();
      expect(buildCount(marker)).toBe(1);
      const [wheel] = wheelsIn(dist);
      const builtSha = sha256(path.join(dist, wheel!));

      const saved = await step("save", { "cache-key": cacheKey });
      expectOk(saved);
      expect(warningLines(saved), tail(saved)).toEqual([]);
      expect(saved.outputs["cache-key"]).toBe(cacheKey);
      expect(saved.outputs.wheels).toBe(path.join(dist, wheel!));
      expect(server.entries().map((e) => e.key)).toContain(cacheKey);
      expect(saved.summary).toMatch(/saved/i);

      rmSync(dist, { recursive: true });
      const again = await step("restore");
      expectOk(again);
      expect(again.outputs).toMatchObject({ "cache-hit": "true", "cache-key": cacheKey });
      expect(wheelsIn(dist)).toEqual([wheel]);
      expect(sha256(path.join(dist, wheel!))).toBe(builtSha);
      // Nothing built it again: the hit came from the cache.
      expect(buildCount(marker)).toBe(1);
    },
    TIMEOUT_MS * 3,
  );

  it(
    "inputs that change while the build runs: save stores nothing and says why",
    async () => {
      const { workspace, build, step } = await setup();
      const restored = await step("restore");
      expectOk(restored);
      appendFileSync(
        path.join(workspace, EXAMPLE.compiledSource),
        "\n/* edited during the build */\n",
      );
      await build();
      const saved = await step("save", { "cache-key": restored.outputs["cache-key"]! });
      expectOk(saved);
      expect(warningLines(saved).join("\n"), tail(saved)).toMatch(
        /not saved: the inputs changed since the restore step/,
      );
      expect(server.entries()).toEqual([]);
    },
    TIMEOUT_MS * 2,
  );

  it(
    "fail-on-cache-miss fails the restore in one line and still sets the key",
    async () => {
      const { step } = await setup();
      const restored = await step("restore", { "fail-on-cache-miss": "true" });
      expect(restored.code).not.toBe(0);
      const errors = errorLines(restored);
      expect(errors, tail(restored)).toHaveLength(1);
      expect(errors[0]).toMatch(/^::error::fail-on-cache-miss: no cached wheels/);
      expect(restored.outputs["cache-key"]).toMatch(/^wheel-cache-/);
    },
    TIMEOUT_MS,
  );

  it(
    "save without a cache-key fails in one line naming the input",
    async () => {
      const { build, step } = await setup();
      await build();
      const saved = await step("save", { "cache-key": "" });
      expect(saved.code).not.toBe(0);
      expect(errorLines(saved), tail(saved)).toEqual([
        expect.stringMatching(/^::error::input cache-key: required/),
      ]);
      expect(server.entries()).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

describe("builder: cibuildwheel", () => {
  const CIBW = { builder: "cibuildwheel", "builder-settings": "pypa/cibuildwheel@v3.2" };

  it(
    "a change to CIBW_* or [tool.cibuildwheel] misses; the same configuration hits",
    async () => {
      const { workspace, build, step, dist } = await setup();
      const env = { CIBW_BUILD: "cp311-* cp312-*" };
      const restored = await step("restore", CIBW, env);
      expectOk(restored);
      const cacheKey = restored.outputs["cache-key"]!;
      await build(env);
      expectOk(await step("save", { ...CIBW, "cache-key": cacheKey }, env));
      rmSync(dist, { recursive: true });

      const same = await step("restore", CIBW, env);
      expectOk(same);
      expect(same.outputs).toMatchObject({ "cache-hit": "true", "cache-key": cacheKey });

      const otherPythons = await step("restore", CIBW, { CIBW_BUILD: "cp313-*" });
      expectOk(otherPythons);
      expect(otherPythons.outputs["cache-hit"]).toBe("false");
      expect(JSON.parse(otherPythons.outputs.changed!)).toContain("env:CIBW_BUILD");

      const otherSettings = await step(
        "restore",
        { ...CIBW, "builder-settings": "pypa/cibuildwheel@v3.3" },
        env,
      );
      expect(otherSettings.outputs["cache-hit"]).toBe("false");

      appendFileSync(
        path.join(workspace, "pyproject.toml"),
        '\n[tool.cibuildwheel]\ntest-command = "python -c 1"\n',
      );
      const otherConfig = await step("restore", CIBW, env);
      expectOk(otherConfig);
      expect(otherConfig.outputs["cache-hit"]).toBe("false");
      expect(JSON.parse(otherConfig.outputs["changed-files"]!)).toContain("pyproject.toml");
    },
    TIMEOUT_MS * 3,
  );

  it(
    "the host's Python is not keyed for a builder elsewhere, the builder is",
    async () => {
      const { step } = await setup();
      const hosted = await step("restore");
      const elsewhere = await step("restore", CIBW);
      expectOk(elsewhere);
      expect(elsewhere.outputs["cache-key"]).not.toBe(hosted.outputs["cache-key"]);
      expect(elsewhere.outputs["cache-key"]).toContain("cibuildwheel");
    },
    TIMEOUT_MS,
  );
});
