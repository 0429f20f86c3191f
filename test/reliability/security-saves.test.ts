import { beforeAll, expect } from "vitest";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// Runs that must not write the cache: pull_request_target (untrusted code with the base branch's
// cache scope) and runner tokens without write access (ACTIONS_CACHE_MODE). They still read it.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const creates = (requests: string[]) => requests.filter((r) => r.includes("CreateCacheEntry"));

const NO_SAVE: [string, Record<string, string>, RegExp][] = [
  [
    "pull_request_target",
    { GITHUB_EVENT_NAME: "pull_request_target" },
    /Not saved\\?: saving is off for pull\\?_request\\?_target runs/,
  ],
  [
    "ACTIONS_CACHE_MODE=read",
    { ACTIONS_CACHE_MODE: "read" },
    /Not saved\\?: saving is off\\?: this run.*s cache access is read-only \(ACTIONS\\?_CACHE\\?_MODE=read\)/,
  ],
  [
    "ACTIONS_CACHE_MODE=none",
    { ACTIONS_CACHE_MODE: "none" },
    /Not saved\\?: saving is off.*ACTIONS\\?_CACHE\\?_MODE=none/,
  ],
];

for (const [name, env, note] of NO_SAVE) {
  reliabilityCase(
    "security",
    `${name}: built, not saved, with a note`,
    () =>
      runScenario({ env }, (run) => {
        expectRecovered(run, note);
        expect(run.server.entries()).toEqual([]);
        expect(creates(run.server.requests())).toEqual([]);
      }),
    { concurrent: true, timeout: 90_000 },
  );
}

for (const [name, env] of NO_SAVE.slice(0, 2)) {
  reliabilityCase(
    "security",
    `${name}: still restores a verified entry`,
    () =>
      runScenario({ env, seeded: true }, (run) => {
        expectRecovered(run, /Restored 1 wheel/, true);
        // The seeding run's two saves, and none from the run under test.
        expect(creates(run.server.requests())).toHaveLength(2);
      }),
    { concurrent: true, timeout: 90_000 },
  );
}

reliabilityCase(
  "security",
  "pull_request_target with an explicit save: true saves",
  () =>
    runScenario(
      { env: { GITHUB_EVENT_NAME: "pull_request_target", INPUT_SAVE: "true" } },
      (run) => {
        expectRecovered(run, / \| saved \|$/m);
        expect(run.server.entries()).toHaveLength(2);
      },
    ),
  { concurrent: true, timeout: 90_000 },
);
