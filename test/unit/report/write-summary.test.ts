import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeSummary } from "../../../src/report/write-summary.js";
import { makeTempDir } from "../../support/tmp.js";

const saved = process.env.GITHUB_STEP_SUMMARY;

afterEach(() => {
  if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = saved;
});

// Ordered: @actions/core remembers the summary path after its first successful write.
describe("writeSummary", () => {
  it("returns a warning naming the cause when GITHUB_STEP_SUMMARY is unset", async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const warning = await writeSummary("# hello\n");
    expect(warning).toMatch(/^job summary not written: .*GITHUB_STEP_SUMMARY/);
    expect(warning).not.toContain("\n");
  });

  it("returns a warning when the file cannot be written", async () => {
    process.env.GITHUB_STEP_SUMMARY = path.join(makeTempDir(), "missing", "summary.md");
    const warning = await writeSummary("# hello\n");
    expect(warning).toMatch(/^job summary not written: .*missing\/summary\.md/);
  });

  it("appends to the summary file, without what failed before", async () => {
    const file = path.join(makeTempDir(), "summary.md");
    writeFileSync(file, "earlier step\n");
    process.env.GITHUB_STEP_SUMMARY = file;
    expect(await writeSummary("### first\n")).toBeUndefined();
    expect(await writeSummary("### second\n")).toBeUndefined();
    expect(readFileSync(file, "utf8")).toBe("earlier step\n### first\n### second\n");
  });
});
