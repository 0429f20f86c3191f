import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect } from "vitest";
import { type ActionResult, runAction } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { type CacheServer, type Fault, startCacheServer } from "../support/cache-server.js";
import { expectActionOk } from "./expect-clean.js";
import { BUILD, project } from "./fixture.js";

/** One action run against the local cache service, with how long it took. */
export interface FaultRun {
  readonly result: ActionResult;
  readonly ms: number;
  readonly server: CacheServer;
  readonly workspace: string;
}

export interface Scenario {
  /** The fault in force for the run under test. */
  readonly fault?: Fault;
  /** Fill the cache with a normal run first (for faults on the way back). */
  readonly seeded?: boolean;
  /** Extra environment for the run under test. */
  readonly env?: Record<string, string>;
  /** Runs after seeding, before the run under test (e.g. to tamper with the entry). */
  readonly prepare?: (server: CacheServer, workspace: string) => void;
  /** Shorten the cache client's retry pauses (see ../support/fast-retries.mjs). */
  readonly fastRetries?: boolean;
}

const FAST_RETRIES = `--import=${pathToFileURL(fileURLToPath(new URL("../support/fast-retries.mjs", import.meta.url))).href}`;

/** Runs the action once (after a seeding run when asked) on a fresh example and a fresh server. */
export async function runScenario(
  scenario: Scenario,
  body: (run: FaultRun) => void,
): Promise<void> {
  const server = await startCacheServer();
  try {
    const workspace = await project();
    const inputs = { "build-command": BUILD };
    if (scenario.seeded) {
      const seed = await runAction({ workspace, inputs, server });
      expect(seed.outputs.built, tail(seed)).toBe("true");
      expect(server.entries()).toHaveLength(2);
      // The run under test starts as a new job would: a checkout without the seed's output.
      for (const output of ["dist", "build", "src/example_setuptools_c.egg-info"]) {
        rmSync(path.join(workspace, output), { recursive: true, force: true });
      }
    }
    scenario.prepare?.(server, workspace);
    if (scenario.fault) server.setFault(scenario.fault);
    const started = Date.now();
    const env = {
      ...scenario.env,
      ...(scenario.fastRetries ? { NODE_OPTIONS: FAST_RETRIES } : {}),
    };
    const result = await runAction({ workspace, inputs, server, env });
    body({ result, ms: Date.now() - started, server, workspace });
  } finally {
    await server.close();
  }
}

/**
 * The step succeeded with a wheel in dist/ (built, or restored when `hit`), and the summary's
 * warnings (or save line) name what happened.
 */
export function expectRecovered(run: FaultRun, said: RegExp, hit = false): void {
  const { result } = run;
  expectActionOk(result);
  expect(result.outputs, tail(result)).toMatchObject({
    "cache-hit": String(hit),
    built: String(!hit),
  });
  const wheels = readdirSync(path.join(run.workspace, "dist")).filter((n) => n.endsWith(".whl"));
  expect(wheels).toHaveLength(1);
  expect(result.outputs.wheels).toBe(path.join(run.workspace, "dist", wheels[0]!));
  expect(result.summary, result.summary).toMatch(said);
}

/** The wheel the step left in dist/. */
export function wheelBytes(run: FaultRun): Buffer {
  return readFileSync(run.result.outputs.wheels!);
}
