import { describe, expect, it } from "vitest";
import type { Leg, RunResult } from "../../../src/pipeline/result.js";
import { aggregate } from "../../../src/report/matrix.js";
import {
  matrixOutputs,
  renderMatrixSummary,
  renderMatrixText,
} from "../../../src/report/matrix-render.js";
import { type ResultFile, resultFileOf } from "../../../src/report/result-file.js";
import { makeChange, makeHit, makeResult } from "../../support/result.js";

const LEG: Leg = {
  project: "pkg",
  projectDir: ".",
  platform: "linux-x64-glibc2.36",
  python: "cp311",
  pythonVersion: "3.11.9",
  keySuffix: "",
};

function leg(python: string, result: RunResult, overrides: Partial<Leg> = {}) {
  return {
    file: `results/${python}.json`,
    result: resultFileOf({ ...result, leg: { ...LEG, python, ...overrides } }),
  };
}

/** Three legs: a hit that saved 72 s, and two rebuilds of one edited file. */
function threeLegs() {
  const edited = { changed: [makeChange("file:src/**", { modified: ["src/_core.c"] })] };
  return [
    leg("cp312", makeHit({ seconds: 3 })),
    leg("cp310", makeResult({ ...edited, buildSeconds: 41 })),
    leg("cp39", makeResult({ ...edited, buildSeconds: 39 })),
  ];
}

/** The rows of the Markdown tables in `markdown` (header and delimiter rows left out). */
function tableRows(markdown: string): string[][] {
  const lines = markdown.split("\n").filter((l) => l.startsWith("|"));
  return lines
    .filter((l, i) => i > 0 && !/^\|[-| :]+\|$/.test(l))
    .map((l) => l.slice(2, -2).split(" | "));
}

describe("the matrix report", () => {
  it("renders three legs as one table with three rows, then the totals", () => {
    const report = aggregate(threeLegs());
    const markdown = renderMatrixSummary(report);
    expect(markdown.match(/^\| leg \| verdict \| changed \| time \| wheels \|$/gm)).toHaveLength(1);
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[0])).toEqual([
      "linux-x64-glibc2.36 · cp39",
      "linux-x64-glibc2.36 · cp310",
      "linux-x64-glibc2.36 · cp312",
    ]);
    expect(rows.map((r) => r[1])).toEqual(["🔨 rebuilt", "🔨 rebuilt", "✅ restored"]);
    expect(rows[0]![2]).toBe("<code>src/\\_core.c</code> modified");
    expect(rows[0]![3]).toBe("built in 39 s");
    expect(rows[2]![3]).toBe("restored in 3 s<br>saved about 1 min 12 s");
    expect(rows[2]![4]).toMatch(
      /^<code>pkg-1\.0-.*\.whl<\/code><br><code>pkg-1\.0-.*\.whl<\/code>$/,
    );
    expect(markdown).toMatch(/^### wheel-cache · 3 legs\\: 1 restored, 2 rebuilt\n/);
    expect(markdown).toContain(
      "**Hit rate** 33% (1 of 3 legs) · **Time saved** about 1 min 12 s · **Time spent building** 1 min 20 s",
    );
    expect(markdown).toContain(
      "#### Legs that rebuilt, by cause\n\n- **1 key changed — src/\\_core.c modified** (2 legs): linux-x64-glibc2.36 · cp39, linux-x64-glibc2.36 · cp310",
    );
  });

  it("has the same rows and totals as plain text, and as the aggregate", () => {
    const report = aggregate(threeLegs());
    const text = renderMatrixText(report);
    expect(text).toMatch(
      /^wheel-cache report: 3 legs: 1 restored, 2 rebuilt\n\n {2}leg +verdict +time +changed +wheels\n/,
    );
    expect(text.match(/^ {2}linux-x64-glibc2\.36 · cp3\d+ /gm)).toHaveLength(3);
    expect(text).toContain(
      "hit rate 33% (1 of 3 legs) · time saved about 1 min 12 s · time spent building 1 min 20 s",
    );
    expect(text).toContain(
      "legs that rebuilt, by cause:\n  1 key changed — src/_core.c modified (2 legs)\n    linux-x64-glibc2.36 · cp39\n",
    );
    expect(report.totals).toEqual({
      legs: 3,
      hits: 1,
      restored: 1,
      built: 2,
      hitRate: 1 / 3,
      savedSeconds: 72,
      buildingSeconds: 80,
    });
    expect(report.causes).toEqual([
      {
        cause: "1 key changed — src/_core.c modified",
        legs: ["linux-x64-glibc2.36 · cp39", "linux-x64-glibc2.36 · cp310"],
      },
    ]);
    expect(matrixOutputs(report)).toEqual({ legs: "3", hits: "1", built: "2" });
  });

  it("groups legs by cause, the largest group first, and names first builds as built", () => {
    const first = { previous: undefined, changed: [] };
    const report = aggregate([
      leg("cp311", makeResult(first)),
      leg("cp312", makeResult(first)),
      leg("cp313", makeResult()),
    ]);
    expect(report.causes.map((c) => [c.cause, c.legs.length])).toEqual([
      ["no cached build yet", 2],
      ["1 key changed — src/lib.rs modified", 1],
    ]);
    const rows = tableRows(renderMatrixSummary(report));
    expect(rows.map((r) => r[1])).toEqual(["🔨 built", "🔨 built", "🔨 rebuilt"]);
    expect(rows[0]![2]).toBe("*no cached build yet*");
  });

  it("tells apart legs by suffix and, across projects, by project", () => {
    const report = aggregate([
      leg("cp311", makeHit(), { keySuffix: "simd" }),
      leg("cp311", makeHit(), { project: "other", projectDir: "other" }),
    ]);
    expect(report.legs.map((l) => l.label)).toEqual([
      "other · linux-x64-glibc2.36 · cp311",
      "pkg · linux-x64-glibc2.36 · cp311 · ~simd",
    ]);
  });

  it("keeps every row one row whatever the result files hold", () => {
    const hostile = "a|b\n<img src=x onerror=alert(1)>.c";
    const file = leg(
      "cp311",
      makeResult({ changed: [makeChange("file:x", { added: [hostile] })] }),
    );
    const markdown = renderMatrixSummary(
      aggregate([{ ...file, result: { ...file.result, keySuffix: "x|y" } }]),
    );
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(5);
    expect(markdown).not.toContain("<img");
    expect(renderMatrixText(aggregate([file]))).not.toMatch(/a\|b\n/);
  });

  it("shows a restore step that missed and a save step, each in its own words", () => {
    const report = aggregate([
      leg("cp311", makeResult({ verdict: "miss", wheels: [] })),
      leg("cp312", makeResult({ verdict: "saved", changed: [], previous: undefined })),
    ]);
    const rows = tableRows(renderMatrixSummary(report));
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["🔨 to rebuild", "looked up in 1 min 10 s"],
      ["💾 saved", "saved in 1 min 10 s"],
    ]);
    expect(report.causes).toEqual([
      { cause: "1 key changed — src/lib.rs modified", legs: ["linux-x64-glibc2.36 · cp311"] },
    ]);
  });

  it("shows lookups, and verdicts it does not know, without counting them as hits or builds", () => {
    // A verdict a later version may write (a failed build, say) is shown as it is.
    const failed = {
      ...leg("cp39", makeResult()).result,
      verdict: "failed",
    } as unknown as ResultFile;
    const report = aggregate([
      leg("cp311", makeResult({ verdict: "lookup-hit", changed: [], wheels: [] })),
      leg("cp312", makeResult({ verdict: "lookup-miss", wheels: [] })),
      { file: "results/cp39.json", result: failed },
    ]);
    expect(tableRows(renderMatrixSummary(report)).map((r) => r[1])).toEqual([
      "⚠️ failed",
      "🔎 would restore",
      "🔎 would rebuild",
    ]);
    expect(report.totals).toMatchObject({ legs: 3, hits: 1, restored: 0, built: 0 });
  });
});
