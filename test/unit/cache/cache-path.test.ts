import { describe, expect, test } from "vitest";
import { cachePath } from "../../../src/cache/github.js";

// The cache service keys an entry on the path list it was saved with: the same staging directory
// must give the same path on every run and, where their layouts agree, on every runner.

describe("the path an entry is keyed on", () => {
  test.each([
    ["inside the workspace: relative to it", "/w/repo/.stage/entry", ".stage/entry"],
    [
      "the job's temp dir in the home directory",
      "/home/runner/work/_temp/wheel-cache/entry",
      "~/work/_temp/wheel-cache/entry",
    ],
    ["elsewhere: as it is", "/tmp/wheel-cache-1/entry", "/tmp/wheel-cache-1/entry"],
  ])("%s", (_case, dir, keyed) => {
    expect(cachePath(dir, "/w/repo", "/home/runner")).toBe(keyed);
  });

  test("Linux and macOS runners key the job's temp dir alike", () => {
    expect(
      cachePath(
        "/Users/runner/work/_temp/wheel-cache/manifest",
        "/Users/runner/work/r/r",
        "/Users/runner",
      ),
    ).toBe(
      cachePath(
        "/home/runner/work/_temp/wheel-cache/manifest",
        "/home/runner/work/r/r",
        "/home/runner",
      ),
    );
  });

  test("without a home directory the path stays absolute", () => {
    expect(cachePath("/runner/_temp/wheel-cache/entry", "/w", "")).toBe(
      "/runner/_temp/wheel-cache/entry",
    );
  });
});
