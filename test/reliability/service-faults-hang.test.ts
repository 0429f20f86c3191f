import { beforeAll, expect } from "vitest";
import type { FaultRoute } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// A cache service that accepts connections and never answers. The client's own timeouts do not
// bound this (see the service reference); wheel-cache's deadline per cache call does. The
// deadline is shortened here with WHEEL_CACHE_SERVICE_TIMEOUT; each run must end within a few
// deadlines plus the build.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const DEADLINE_S = 3;
const env = { WHEEL_CACHE_SERVICE_TIMEOUT: String(DEADLINE_S) };
/** At most four cache calls wait out their deadline (two restores, two saves), plus a build. */
const BOUND_MS = 4 * DEADLINE_S * 1000 + 30_000;

const ROUTES: [FaultRoute, boolean, RegExp][] = [
  ["GetCacheEntryDownloadURL", false, /cache restore of .* did not answer within 3 s/],
  ["CreateCacheEntry", false, /Save failed.*did not answer within 3 s/],
  ["FinalizeCacheEntryUpload", false, /Save failed.*did not answer within 3 s/],
  ["blob-put", false, /Save failed.*did not answer within 3 s/],
  ["blob-get", true, /cache restore of .* did not answer within 3 s/],
];

for (const [route, seeded, said] of ROUTES) {
  reliabilityCase(
    "service-faults",
    `${route} stops answering`,
    () =>
      runScenario({ seeded, env, fault: { route, hang: true } }, (run) => {
        expectRecovered(run, said);
        expect(run.ms).toBeLessThan(BOUND_MS);
      }),
    { concurrent: true, timeout: BOUND_MS + 60_000 },
  );
}
