import { describe, expect, it } from "vitest";
import { progressLines } from "../../../src/report/reason.js";
import { makeChange, makeManifest } from "../../support/result.js";

describe("progressLines", () => {
  it("says once which fingerprint it looks up, without the cache key", () => {
    const lines = progressLines({
      kind: "fingerprint",
      fingerprint: "0123456789abcdef".repeat(4),
      cacheKey: "wheel-cache-v2-pkg-fp-0123",
      cache: "github",
    });
    expect(lines).toEqual(["looking up fingerprint 0123456789ab in the github cache"]);
  });

  it("says why it builds, before the build's output, counting files as the report does", () => {
    const changed = [
      makeChange("file:src/**", { modified: ["src/a.c", "src/b.c"] }),
      makeChange("file:*.c", { modified: ["src/a.c", "src/b.c"] }),
    ];
    const build = {
      kind: "build" as const,
      previous: makeManifest(),
      changed,
      observedChanges: [],
      argv: ["uv", "build"],
      traced: true,
    };
    expect(progressLines(build)).toEqual([
      "cache miss: 2 files changed",
      "building with: uv build (traced)",
    ]);
    expect(progressLines({ ...build, previous: undefined, changed: [] })[0]).toBe(
      "cache miss: no earlier build of this project on this platform and Python is cached",
    );
    expect(progressLines({ kind: "build-done" })).toEqual([]);
  });
});
