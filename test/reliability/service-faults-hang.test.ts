import { beforeAll } from "vitest";
import type { FaultRoute } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// A cache service that accepts connections and never answers. The client's own timeouts do not
// bound this (see the service reference); wheel-cache's deadline per cache call does. The
// deadline is shortened here with WHEEL_CACHE_SERVICE_TIMEOUT; each run must end, and say that
// the deadline ended the call (the case's own time limit catches a run that never ends).

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const DEADLINE_S = 3;
const env = { WHEEL_CACHE_SERVICE_TIMEOUT: String(DEADLINE_S) };

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
      }),
    { concurrent: true, timeout: 240_000 },
  );
}
