import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect } from "vitest";
import { type ActionResult, runAction } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { type ServerQuirks, startCacheServer } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { archiveMember } from "./archive.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk } from "./expect-clean.js";
import { BUILD, project } from "./fixture.js";

// Other implementations of the cache service (falcondev-oss/github-actions-cache-server) differ
// from GitHub's: a second save of a key replaces the first, and prefixes match ignoring case.
// wheel-cache must serve the right wheel, and say the right thing, on those too.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

const options = { concurrent: true, timeout: 120_000 };
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A fresh copy of the example, and a run of the action on it against a server with `quirks`. */
async function setup(quirks: ServerQuirks) {
  const server = await startCacheServer(quirks);
  const workspace = await project();
  const run = (inputs: Record<string, string> = {}) =>
    runAction({ workspace, inputs: { "build-command": BUILD, ...inputs }, server });
  /** Removes the run's output, as a new job's checkout would not have it. */
  const fresh = () => {
    for (const output of ["dist", "build", "src/example_setuptools_c.egg-info"]) {
      rmSync(path.join(workspace, output), { recursive: true, force: true });
    }
  };
  return { server, workspace, run, fresh };
}

/** The sha256 the wheels entry's own manifest records for its wheel. */
function recordedSha(archive: Buffer): string {
  const manifest = JSON.parse(archiveMember(archive, "manifest.json").toString("utf8")) as {
    wheels: { name: string; sha256: string }[];
  };
  return manifest.wheels[0]!.sha256;
}

function expectBuilt(result: ActionResult): void {
  expectActionOk(result);
  expect(result.outputs, tail(result)).toMatchObject({ "cache-hit": "false", built: "true" });
}

reliabilityCase(
  "other-servers",
  "prefixes matched ignoring case: key suffixes x and X stay apart",
  async () => {
    const { server, run, fresh } = await setup({ prefixIgnoresCase: true });
    try {
      expectBuilt(await run({ "key-suffix": "x" }));
      fresh();
      const other = await run({ "key-suffix": "X" });
      // The other slot's entries came back for this slot's prefix: they are not this slot's.
      expectBuilt(other);
      expect(other.outputs.reason, tail(other)).not.toMatch(/were not in the cache/);
      expect(other.outputs.reason).not.toMatch(/no key changed/);
      expect(other.outputs["cache-key"]).toContain("~X-fp-");
      fresh();
      const again = await run({ "key-suffix": "X" });
      expectActionOk(again);
      expect(again.outputs["cache-hit"], tail(again)).toBe("true");
      expect(again.outputs["cache-key"]).toBe(other.outputs["cache-key"]);
      expect(server.entries().map((e) => e.key.includes("~X-fp-"))).toContain(true);
    } finally {
      await server.close();
    }
  },
  options,
);

reliabilityCase(
  "other-servers",
  "a second save replaces an entry: what is restored still matches its own manifest",
  async () => {
    const { server, run, fresh } = await setup({ overwrite: true });
    try {
      const first = await run();
      expectBuilt(first);
      const wheelsKey = first.outputs["cache-key"]!;
      const manifestKey = server.entries().find((e) => e.key.includes("-manifest-"))!.key;
      const firstManifest = server.entryData(manifestKey)!;
      fresh();
      // Another job that built the same inputs without seeing the first's entry (its lookups
      // answered before the first save finished) saves the same keys: this server takes both.
      server.setFault({ route: "GetCacheEntryDownloadURL", message: "not yet", times: 3 });
      const second = await run();
      expectBuilt(second);
      expect(second.outputs["cache-key"]).toBe(wheelsKey);
      server.clearFaults();
      const secondSha = recordedSha(server.entryData(wheelsKey)!);
      // Saves interleaved: the second job's wheels beside the first job's manifest entry.
      server.replaceEntryData(manifestKey, firstManifest);
      fresh();
      const third = await run();
      expectActionOk(third);
      // Never a wheel its entry's own manifest does not name: a hit serves the second job's
      // wheel (its entry holds it), or the mismatch is seen and the wheels are built.
      if (third.outputs["cache-hit"] === "true") {
        expect(sha256(readFileSync(third.outputs.wheels!)), tail(third)).toBe(secondSha);
      } else {
        expect(third.outputs.built, tail(third)).toBe("true");
      }
    } finally {
      await server.close();
    }
  },
  options,
);
