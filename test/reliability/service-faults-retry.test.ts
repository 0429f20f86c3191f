import { beforeAll, expect } from "vitest";
import type { Fault } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// Server errors the client retries (five Twirp attempts, or the Azure SDK's own policy on blob
// transfers): each run must end built, with a warning naming the error. The retry schedule is not
// what these cases check, so the client's pauses run faster (../support/fast-retries.mjs).

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const concurrent = { concurrent: true, timeout: 180_000 };

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
      runScenario({ seeded, fault, fastRetries: true }, (run) => {
        expectRecovered(run, said);
        // A seeded cache keeps its two entries; an empty one gains none from a failed save.
        expect(run.server.entries()).toHaveLength(seeded ? 2 : 0);
      }),
    concurrent,
  );
}
