import * as core from "@actions/core";
import { afterEach, expect, it } from "vitest";
import { recordLibraryLog } from "../../../src/cache/library-log.js";

const original = process.stdout.write;
afterEach(() => {
  process.stdout.write = original;
});

/** Runs `work` with stdout collected, while the library's log is recorded. */
function capture(work: () => void): { out: string; problems: readonly string[] } {
  let out = "";
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  const log = recordLibraryLog();
  try {
    work();
  } finally {
    log.stop();
    process.stdout.write = original;
  }
  return { out, problems: log.problems };
}

it("keeps the library's lines at debug level and records its problems", () => {
  const { out, problems } = capture(() => {
    core.info("Cache hit for restore-key: wheel-cache-manifest-x");
    core.info("Lookup only - skipping download");
    core.info("Received 100 of 100 (100.0%), 1.0 MBs/sec");
    core.warning("Failed to save: cache write denied\nby policy");
    core.debug("Failed to reserve cache: 409");
    core.setSecret("not-a-message");
  });
  expect(out.split("\n")).toEqual([
    "::debug::Cache hit for restore-key: wheel-cache-manifest-x",
    "::debug::Lookup only - skipping download",
    "::debug::Received 100 of 100 (100.0%25), 1.0 MBs/sec",
    "::debug::Failed to save: cache write denied%0Aby policy",
    "::debug::Failed to reserve cache: 409",
    "::add-mask::not-a-message",
    "",
  ]);
  expect(problems).toEqual([
    "Failed to save: cache write denied by policy",
    "Failed to reserve cache: 409",
  ]);
});

it("hands stdout back when stopped", () => {
  const log = recordLibraryLog();
  log.stop();
  expect(process.stdout.write).toBe(original);
});
