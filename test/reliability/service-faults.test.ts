import { readFileSync } from "node:fs";
import { beforeAll, expect } from "vitest";
import type { Fault } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { archiveMember, tamperArchive } from "./archive.js";
import { reliabilityCase } from "./cases.js";
import { expectRecovered, runScenario } from "./service.js";

// Cache service faults that the client does not retry (4xx, 429, refusals, bad downloads): the
// step still succeeds, by building, and the job summary says what happened. Each case has its own
// server, so they run side by side.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const concurrent = { concurrent: true, timeout: 90_000 };

/** Faults on the way in (lookups, downloads) of a seeded cache: rebuilt, with a warning. */
const RESTORE_FAULTS: [string, Fault, RegExp][] = [
  [
    "403 on GetCacheEntryDownloadURL",
    { route: "GetCacheEntryDownloadURL", status: 403 },
    /cache lookup of .* failed.*\(403\) Forbidden/,
  ],
  [
    "429 on GetCacheEntryDownloadURL",
    { route: "GetCacheEntryDownloadURL", status: 429 },
    /cache lookup of .* failed.*Rate limited.*\(429\)/,
  ],
  [
    "404 on the blob download",
    { route: "blob-get", status: 404 },
    /cache entry .* was found but could not be downloaded or extracted/,
  ],
  [
    "429 on the blob download",
    { route: "blob-get", status: 429 },
    /cache entry .* was found but could not be downloaded or extracted/,
  ],
  [
    "a truncated download",
    { route: "blob-get", truncate: true },
    /cache entry .* was found but could not be downloaded or extracted/,
  ],
  [
    "a corrupted download (bytes flipped, length intact)",
    { route: "blob-get", corrupt: true },
    /cache entry .* was found but could not be downloaded or extracted/,
  ],
];
for (const [name, fault, said] of RESTORE_FAULTS) {
  reliabilityCase(
    "service-faults",
    name,
    () => runScenario({ seeded: true, fault }, (run) => expectRecovered(run, said)),
    concurrent,
  );
}

/** Faults on the way out (reserve, upload, finalize) of an empty cache: built, not saved. */
const SAVE_FAULTS: [string, Fault, RegExp][] = [
  [
    "403 on CreateCacheEntry",
    { route: "CreateCacheEntry", status: 403 },
    /Save failed.*CreateCacheEntry.*\(403\) Forbidden/,
  ],
  [
    "429 on CreateCacheEntry",
    { route: "CreateCacheEntry", status: 429 },
    /Save failed.*Rate limited.*\(429\)/,
  ],
  [
    "400 on FinalizeCacheEntryUpload",
    { route: "FinalizeCacheEntryUpload", status: 400 },
    /Save failed.*FinalizeCacheEntryUpload.*\(400\) Bad Request/,
  ],
  [
    "429 on FinalizeCacheEntryUpload",
    { route: "FinalizeCacheEntryUpload", status: 429 },
    /Save failed.*Rate limited.*\(429\)/,
  ],
  [
    "403 on the blob upload",
    { route: "blob-put", status: 403 },
    /Save failed.*uploading cache archive/,
  ],
  [
    '"cache write denied" on CreateCacheEntry',
    { route: "CreateCacheEntry", message: "cache write denied: this token is read-only" },
    /Save failed.*cache write denied\\?: this token is read-only/,
  ],
  [
    "an ok:false finalize",
    { route: "FinalizeCacheEntryUpload", message: "finalize refused by a test" },
    /Save failed.*finalize refused by a test/,
  ],
];
for (const [name, fault, said] of SAVE_FAULTS) {
  reliabilityCase(
    "service-faults",
    name,
    () =>
      runScenario({ fault }, (run) => {
        expectRecovered(run, said);
        expect(run.server.entries()).toEqual([]);
      }),
    concurrent,
  );
}

reliabilityCase(
  "service-faults",
  "an entry another job saved while this one built",
  () =>
    // Lookups miss until the save is refused: the entry was not finalized when this job looked.
    runScenario(
      { seeded: true, fault: { route: "GetCacheEntryDownloadURL", message: "not yet", times: 3 } },
      (run) => {
        expectRecovered(run, / \| already cached \|$/m);
        expect(run.server.entries()).toHaveLength(2);
        expect(run.result.summary).not.toMatch(/Warnings/);
      },
    ),
  concurrent,
);

reliabilityCase(
  "service-faults",
  "a restored wheel whose sha256 does not match its manifest",
  () => {
    let tampered: Buffer = Buffer.alloc(0);
    return runScenario(
      {
        seeded: true,
        prepare: (server) => {
          const key = server.entries().find((e) => !e.key.includes("-manifest-"))!.key;
          const archive = server.entryData(key)!;
          const manifest = JSON.parse(archiveMember(archive, "manifest.json").toString("utf8")) as {
            wheels: { name: string }[];
          };
          const wheel = archiveMember(archive, manifest.wheels[0]!.name);
          server.replaceEntryData(key, tamperArchive(archive, wheel));
          tampered = wheel;
        },
      },
      (run) => {
        expectRecovered(run, /the cached wheel .* does not match its recorded sha256/);
        expect(run.result.outputs.reason).toMatch(/rebuilt: the cached wheel .* sha256/);
        expect(readFileSync(run.result.outputs.wheels!).equals(tampered)).toBe(false);
      },
    );
  },
  concurrent,
);

const MISCONFIGURED: [string, Record<string, string>, RegExp][] = [
  [
    "no cache service in the job (ACTIONS_RESULTS_URL unset)",
    { ACTIONS_RESULTS_URL: "" },
    /cache service is not available to this job/,
  ],
  ["no runtime token", { ACTIONS_RUNTIME_TOKEN: "" }, /ACTIONS\\?_RUNTIME\\?_TOKEN/],
];
for (const [name, env, said] of MISCONFIGURED) {
  reliabilityCase(
    "service-faults",
    name,
    () => runScenario({ env }, (run) => expectRecovered(run, said)),
    concurrent,
  );
}

/** The `::warning` lines of a run's log. */
const warningLines = (stdout: string) =>
  stdout.split("\n").filter((l) => l.startsWith("::warning"));

for (const status of [401, 403]) {
  reliabilityCase(
    "service-faults",
    `${status} on every lookup: one warning, and no call to the service after it`,
    () => {
      let before = 0;
      return runScenario(
        {
          seeded: true,
          fault: { route: "GetCacheEntryDownloadURL", status },
          prepare: (server) => {
            before = server.requests().length;
          },
        },
        (run) => {
          expectRecovered(run, new RegExp(`\\(${status}\\)`));
          const warnings = warningLines(run.result.stdout);
          expect(warnings, warnings.join("\n")).toHaveLength(1);
          expect(warnings[0]).toMatch(new RegExp(`\\(${status}\\)`));
          // The refused lookup is the run's only call: no more lookups, no save.
          const calls = run.server.requests().slice(before);
          expect(calls, calls.join("\n")).toEqual([
            expect.stringContaining("GetCacheEntryDownloadURL"),
          ]);
        },
      );
    },
    concurrent,
  );
}
