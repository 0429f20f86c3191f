import { beforeAll, expect } from "vitest";
import type { Fault } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// Server errors the client retries: about 32 s of Twirp retries, or the Azure SDK's own policy
// on blob uploads. Slow by nature, so the cases run side by side; each must still end, built and
// with a warning naming the error, well within the bound below.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** The longest a faulty run may take: the client's retries plus a build, on a busy machine. */
const BOUND_MS = 120_000;
const concurrent = { concurrent: true, timeout: BOUND_MS + 60_000 };

const CASES: [string, Fault, boolean, RegExp][] = [
  [
    "500 on GetCacheEntryDownloadURL (all five attempts of one lookup)",
    { route: "GetCacheEntryDownloadURL", status: 500, times: 5 },
    true,
    /cache lookup of .* failed.*after 5 attempts.*\(500\) Internal Server Error/,
  ],
  [
    "500 on CreateCacheEntry",
    { route: "CreateCacheEntry", status: 500 },
    false,
    /Save failed.*CreateCacheEntry.*after 5 attempts.*\(500\)/,
  ],
  [
    "502 on FinalizeCacheEntryUpload",
    { route: "FinalizeCacheEntryUpload", status: 502 },
    false,
    /Save failed.*FinalizeCacheEntryUpload.*after 5 attempts.*\(502\) Bad Gateway/,
  ],
  [
    "500 on the blob upload",
    { route: "blob-put", status: 500 },
    false,
    /Save failed.*uploading cache archive/,
  ],
  [
    "429 on the blob upload",
    { route: "blob-put", status: 429 },
    false,
    /Save failed.*uploading cache archive/,
  ],
  [
    "503 on the blob download",
    { route: "blob-get", status: 503 },
    true,
    /cache entry .* was found but could not be downloaded.*503/,
  ],
  [
    "500 on the blob download",
    { route: "blob-get", status: 500 },
    true,
    /cache entry .* was found but could not be downloaded.*500/,
  ],
];

for (const [name, fault, seeded, said] of CASES) {
  reliabilityCase(
    "service-faults",
    name,
    () =>
      runScenario({ seeded, fault }, (run) => {
        expectRecovered(run, said);
        expect(run.ms).toBeLessThan(BOUND_MS);
        // A seeded cache keeps its two entries; an empty one gains none from a failed save.
        expect(run.server.entries()).toHaveLength(seeded ? 2 : 0);
      }),
    concurrent,
  );
}
