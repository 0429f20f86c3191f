import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { causeOf } from "../../../src/report/cause.js";
import {
  RESULT_FORMAT,
  resultFileName,
  resultFileOf,
  writeResultFile,
} from "../../../src/report/result-file.js";
import { resultJson } from "../../../src/report/terminal.js";
import { makeHit, makeManifest, makeResult } from "../../support/result.js";
import { makeTempDir } from "../../support/tmp.js";

describe("resultFileOf", () => {
  it("is the CLI's JSON object, then the leg, the run's time and the cause", () => {
    const result = makeResult({
      leg: {
        project: "pkg",
        projectDir: "py",
        platform: "darwin-arm64-23",
        python: "cp313",
        pythonVersion: "3.13.1",
        keySuffix: "simd",
      },
      seconds: 75,
    });
    const file = resultFileOf(result);
    const json = resultJson(result);
    expect(Object.keys(file).slice(0, Object.keys(json).length)).toEqual(Object.keys(json));
    expect(file).toMatchObject({
      ...json,
      format: RESULT_FORMAT,
      project: "pkg",
      projectDir: "py",
      platform: "darwin-arm64-23",
      python: "cp313",
      pythonVersion: "3.13.1",
      keySuffix: "simd",
      runSeconds: 75,
      cause: "1 key changed — src/lib.rs modified",
    });
    expect(file).not.toHaveProperty("provenance");
  });

  it("has no cause on a hit, and where the build came from when the manifest says", () => {
    const manifest = makeManifest(undefined, { createdAt: "2025-01-02T03:04:05.000Z" });
    const file = resultFileOf(makeHit({ manifest }));
    expect(file.cause).toBeNull();
    expect(file.provenance).toEqual({ builtAt: "2025-01-02T03:04:05.000Z" });
  });

  it("takes another command's reason", () => {
    expect(resultFileOf(makeResult(), "other words").reason).toBe("other words");
  });
});

describe("causeOf", () => {
  it.each([
    ["a hit", makeHit(), undefined],
    ["a first build", makeResult({ previous: undefined, changed: [] }), "no cached build yet"],
    [
      "an evicted build",
      makeResult({ changed: [] }),
      "no key changed, but the wheels were not in the cache",
    ],
    [
      "a damaged entry",
      makeResult({ verifyProblem: "the cached entry lists no wheels" }),
      "the cached entry lists no wheels",
    ],
    ["a changed file", makeResult(), "1 key changed — src/lib.rs modified"],
  ])("%s", (_what, result, cause) => {
    expect(causeOf(result)).toBe(cause);
  });

  it("names no platform or Python, so legs with one cause group together", () => {
    const cause = causeOf(makeResult({ previous: undefined, changed: [] }))!;
    expect(cause).not.toContain("linux");
    expect(cause).not.toContain("cp311");
  });
});

describe("writeResultFile", () => {
  it("writes a fresh file in the directory, its name telling the leg", async () => {
    const dir = path.join(makeTempDir(), "results");
    const file = resultFileOf(makeResult());
    const first = await writeResultFile({ resultDir: dir }, file);
    const second = await writeResultFile({ resultDir: dir }, file);
    expect(first.path).toMatch(
      /wheel-cache-result-pkg-linux-x64-glibc2\.36-cp311-[0-9a-f]{8}\.json$/,
    );
    expect(second.path).not.toBe(first.path);
    expect(JSON.parse(readFileSync(first.path!, "utf8"))).toEqual(file);
  });

  it("writes exactly the path asked for, and nothing when none is asked for", async () => {
    const target = path.join(makeTempDir(), "leg.json");
    expect(await writeResultFile({ resultFile: target }, resultFileOf(makeHit()))).toEqual({
      path: target,
    });
    expect(await writeResultFile({}, resultFileOf(makeHit()))).toEqual({});
  });

  it("turns a write failure into one line naming the file", async () => {
    const blocker = path.join(makeTempDir(), "file");
    writeFileSync(blocker, "");
    const outcome = await writeResultFile(
      { resultFile: path.join(blocker, "leg.json") },
      resultFileOf(makeHit()),
    );
    expect(outcome.path).toBeUndefined();
    expect(outcome.problem).toMatch(/^result file not written: .*leg\.json: /);
    expect(outcome.problem).not.toContain("\n");
  });

  it("keeps names safe for artifacts whatever the suffix", () => {
    const name = resultFileName({
      project: "pkg",
      platform: "win32-x64",
      python: "cp312",
      keySuffix: 'a/b:c*"d',
    });
    expect(name).toMatch(/^wheel-cache-result-pkg-win32-x64-cp312-a_b_c_d-[0-9a-f]{8}\.json$/);
  });
});
