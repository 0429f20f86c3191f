import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countingBuild, runAction, runCli, runReportStep } from "../support/action.js";
import { errorLines, tail } from "../support/action-output.js";
import { BUILD_ENV_HINT, getExample, hasBuildEnv } from "../support/build-env.js";
import { type CacheServer, startCacheServer } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { makeTempDir } from "../support/tmp.js";

// The matrix report end to end: three legs of the bundled action write their result files
// (under RUNNER_TEMP, named in the result-file output), and both `wheel-cache report` and the
// report step (dist/report/index.js) render one table over them.

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

const EXAMPLE = getExample("setuptools-c");
const TIMEOUT_MS = 180_000;

let server: CacheServer;
beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);
beforeEach(async () => {
  server = await startCacheServer();
});
afterEach(async () => {
  await server.close();
});

/** The body rows of the Markdown table in `markdown`. */
function tableRows(markdown: string): string[] {
  return markdown.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| leg |"));
}

describe("the matrix report", () => {
  it(
    "over the result files of three legs renders one table with three rows and the totals",
    async () => {
      const workspace = await copyExample(EXAMPLE.name, { git: true });
      const marker = path.join(makeTempDir("wheel-cache-marker-"), "builds");
      const inputs = {
        "build-command": countingBuild(marker, EXAMPLE.buildCommand("dist")),
        summary: "false",
      };
      // Two legs that differ only in their suffix build; the first leg run again restores.
      const legs = [];
      const uploaded = makeTempDir("wheel-cache-uploaded-");
      const uploads: string[] = [];
      for (const suffix of ["", "simd", ""]) {
        const leg = await runAction({
          workspace,
          inputs: { ...inputs, "key-suffix": suffix },
          server,
        });
        expect(leg.code, tail(leg)).toBe(0);
        expect(errorLines(leg), tail(leg)).toEqual([]);
        legs.push(leg);
        // Each leg is a job of its own: its RUNNER_TEMP is gone after it, so the file is
        // uploaded (here: copied) at once, as actions/upload-artifact would.
        const file = leg.outputs["result-file"]!;
        expect(existsSync(file), file).toBe(true);
        expect(file.startsWith(workspace)).toBe(false);
        expect(file).toMatch(/\/wheel-cache-results\/wheel-cache-result-[^/]+\.json$/);
        const copy = path.join(uploaded, `${legs.length}-${path.basename(file)}`);
        copyFileSync(file, copy);
        uploads.push(copy);
      }
      const files = uploads;
      const first = JSON.parse(readFileSync(files[0]!, "utf8"));
      expect(first).toMatchObject({
        format: "wheel-cache-result/1",
        cacheHit: false,
        built: true,
        fingerprint: legs[0]!.outputs.fingerprint,
        cacheKey: legs[0]!.outputs["cache-key"],
        reason: legs[0]!.outputs.reason,
        platform: expect.stringMatching(/^linux-/),
        python: expect.stringMatching(/^cp3\d+$/),
        keySuffix: "",
        cause: "no cached build yet",
        provenance: { builtAt: expect.any(String) },
      });
      expect(JSON.parse(readFileSync(files[2]!, "utf8"))).toMatchObject({
        cacheHit: true,
        cause: null,
      });

      // As a report job has them: downloaded, merged into one directory.
      const reportWorkspace = makeTempDir("wheel-cache-report-");
      const merged = path.join(reportWorkspace, "wheel-cache-results");
      mkdirSync(merged);
      for (const file of files) copyFileSync(file, path.join(merged, path.basename(file)));
      expect(new Set(files.map((f) => path.basename(f))).size).toBe(3);

      const step = await runReportStep(reportWorkspace, {
        path: "wheel-cache-results",
        summary: "true",
      });
      expect(step.code, tail(step)).toBe(0);
      expect(step.outputs).toMatchObject({ legs: "3", hits: "1", built: "2" });
      expect(step.summary).toMatch(/^### wheel-cache · 3 legs\\: 1 restored, 2 built\n/);
      const rows = tableRows(step.summary);
      expect(rows).toHaveLength(3);
      expect(rows.filter((r) => r.includes("✅ restored"))).toHaveLength(1);
      expect(rows.filter((r) => r.includes("🔨 built"))).toHaveLength(2);
      expect(rows.filter((r) => / · cp3\d+ · \\~simd \| /.test(r))).toHaveLength(1);
      expect(step.summary).toMatch(/\*\*Hit rate\*\* 33% \(1 of 3 legs\) · \*\*Time saved\*\* /);
      expect(step.summary).toContain("**no cached build yet** (2 legs)");
      expect(step.stdout).toContain("wheel-cache report: 3 legs: 1 restored, 2 built");

      const cli = await runCli(["report", "wheel-cache-results"], { cwd: reportWorkspace });
      expect(cli.code, tail(cli)).toBe(0);
      expect(cli.stdout).toMatch(/^wheel-cache report: 3 legs: 1 restored, 2 built\n/);
      expect(cli.stdout.match(/^ {2}linux-\S+ · cp3\d+/gm)).toHaveLength(3);
      expect(cli.stdout).toMatch(
        /^hit rate 33% \(1 of 3 legs\) · time saved about .* · time spent building /m,
      );

      const json = await runCli(["report", "--json", ...files], { cwd: reportWorkspace });
      expect(json.code, tail(json)).toBe(0);
      const aggregate = JSON.parse(json.stdout);
      expect(aggregate.legs).toHaveLength(3);
      expect(aggregate.totals).toMatchObject({ legs: 3, hits: 1, restored: 1, built: 2 });
      expect(aggregate.causes).toEqual([{ cause: "no cached build yet", legs: expect.any(Array) }]);
    },
    TIMEOUT_MS,
  );

  it("stops at a file that is not a result file, naming it in one line", async () => {
    const workspace = makeTempDir("wheel-cache-report-");
    const results = path.join(workspace, "results");
    mkdirSync(results);
    writeFileSync(path.join(results, "x.json"), "not JSON\n");
    const cli = await runCli(["report", "results"], { cwd: workspace });
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toMatch(
      /^wheel-cache: results\/x\.json: not a wheel-cache result file \(not JSON\)\n$/,
    );
    const step = await runReportStep(workspace, { path: "results", summary: "true" });
    expect(step.code).not.toBe(0);
    expect(errorLines(step)).toEqual([
      expect.stringMatching(/^::error::results\/x\.json: not a wheel-cache result file/),
    ]);
    expect(step.summary).toBe("");
  });
});
