import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReport } from "../../../src/commands/results.js";
import { UserError } from "../../../src/errors.js";
import { resultFileOf } from "../../../src/report/result-file.js";
import { makeHit, makeResult } from "../../support/result.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const leg = (python: string, hit = false) => {
  const result = hit ? makeHit() : makeResult();
  return JSON.stringify(resultFileOf({ ...result, leg: { ...result.leg, python } }));
};

/** The one-line UserError reading `paths` in `cwd` gives. */
async function refusal(cwd: string, ...paths: string[]): Promise<string> {
  const error = await readReport(paths, cwd).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
}

describe("readReport", () => {
  it("reads files and directories, as download-artifact lays them out, each file once", async () => {
    const cwd = makeTempDir();
    writeTree(cwd, {
      "merged/wheel-cache-result-a.json": leg("cp311"),
      "merged/wheel-cache-result-b.json": leg("cp312", true),
      "per-artifact/result-cp313/wheel-cache-result-c.json": leg("cp313"),
      "merged/notes.txt": "not a result file, not read",
    });
    const report = await readReport(
      ["merged", "per-artifact", "merged/wheel-cache-result-a.json"],
      cwd,
    );
    expect(report.legs.map((l) => [l.python, l.file])).toEqual([
      ["cp311", path.join("merged", "wheel-cache-result-a.json")],
      ["cp312", path.join("merged", "wheel-cache-result-b.json")],
      ["cp313", path.join("per-artifact", "result-cp313", "wheel-cache-result-c.json")],
    ]);
    expect(report.totals).toMatchObject({ legs: 3, hits: 1, built: 2 });
  });

  it("names the file that is not a result file", async () => {
    const cwd = makeTempDir();
    writeTree(cwd, { "results/a.json": leg("cp311"), "results/b.json": '{"format": 1}' });
    expect(await refusal(cwd, "results")).toBe(
      `${path.join("results", "b.json")}: not a wheel-cache result file (no "format" field)`,
    );
  });

  it.each([
    ["a missing path", [] as string[], ["nope"], "nope: no such file or directory"],
    [
      "a directory without result files",
      ["empty"],
      ["empty"],
      "empty: no result files (*.json) in this directory",
    ],
    ["no paths", [], [], "no result files given"],
  ])("refuses %s", async (_what, dirs, paths, message) => {
    const cwd = makeTempDir();
    for (const dir of dirs) mkdirSync(path.join(cwd, dir));
    expect(await refusal(cwd, ...paths)).toBe(message);
  });

  it("refuses a file it cannot read, naming it", async () => {
    const cwd = makeTempDir();
    symlinkSync("loop.json", path.join(cwd, "loop.json"));
    writeFileSync(path.join(cwd, "ok.json"), leg("cp311"));
    expect(await refusal(cwd, "ok.json", "loop.json")).toMatch(/^loop\.json: /);
  });
});
