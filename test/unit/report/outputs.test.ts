import { describe, expect, it } from "vitest";
import { actionOutputs } from "../../../src/report/outputs.js";
import { reasonOf } from "../../../src/report/reason.js";
import { makeChange, makeHit, makeResult, makeWheel } from "../../support/result.js";

describe("actionOutputs", () => {
  it("sets every output of the contract as a string", () => {
    const result = makeResult({
      changed: [
        makeChange("file:src/**", { modified: ["src/lib.rs"] }),
        makeChange("toolchain:rustc", undefined, { group: "implicit" }),
      ],
      wheels: [makeWheel("a-1.0-py3-none-any.whl"), makeWheel("b-1.0-py3-none-any.whl")],
    });
    expect(actionOutputs(result, "/runner/temp/wheel-cache/result.json")).toEqual({
      "cache-hit": "false",
      built: "true",
      fingerprint: result.manifest.fingerprint,
      "cache-key": result.cacheKey,
      wheels: "/work/proj/dist/a-1.0-py3-none-any.whl\n/work/proj/dist/b-1.0-py3-none-any.whl",
      "wheel-dir": "/work/proj/dist",
      changed: '["file:src/**","toolchain:rustc"]',
      "changed-files": '["src/lib.rs"]',
      "time-saved": "0",
      reason: reasonOf(result),
      "result-file": "/runner/temp/wheel-cache/result.json",
    });
  });

  it("gives the seconds a hit saved, and the changed files once each", () => {
    expect(actionOutputs(makeHit({ buildSeconds: 71.6 }))["time-saved"]).toBe("72");
    const result = makeResult({
      changed: [
        makeChange("file:src/**", { modified: ["src/b.c", "src/a.c"], removed: ["src/old.c"] }),
        makeChange("file:*.c", { modified: ["src/a.c"] }),
        makeChange("file:new/**", { added: ["new/x.c"] }, { status: "added" }),
      ],
      observedChanges: [{ kind: "file", what: "csrc/table.inc", before: "a", after: "b" }],
    });
    expect(JSON.parse(actionOutputs(result)["changed-files"])).toEqual([
      "src/a.c",
      "src/b.c",
      "src/old.c",
      "csrc/table.inc",
    ]);
  });

  it("sets the outputs of a failed build: not built, not a hit, and why", () => {
    const outputs = actionOutputs(
      makeResult({
        verdict: "failed",
        wheels: [],
        save: { status: "skipped", why: { kind: "build-failed" } },
        failure: {
          message: "the build failed with exit code 2: make",
          argv: ["make"],
          exitCode: 2,
          outputTail: [],
          truncated: false,
        },
      }),
    );
    expect(outputs).toMatchObject({ built: "false", "cache-hit": "false", wheels: "" });
    expect(outputs.reason).toBe(
      "the build failed with exit code 2: make; it ran because 1 key changed — src/lib.rs modified",
    );
    expect(JSON.parse(outputs["changed-files"])).toEqual(["src/lib.rs"]);
  });

  it("reports a hit with no changes", () => {
    const outputs = actionOutputs(makeHit());
    expect(outputs["cache-hit"]).toBe("true");
    expect(outputs.built).toBe("false");
    expect(JSON.parse(outputs.changed)).toEqual([]);
    expect(outputs.wheels.split("\n")).toHaveLength(2);
    expect(outputs.reason).not.toContain("\n");
    expect(outputs["result-file"]).toBe("");
  });

  it("gives empty wheels on a lookup-only run", () => {
    const outputs = actionOutputs(makeResult({ verdict: "lookup-miss", wheels: [] }));
    expect(outputs.wheels).toBe("");
    expect(outputs.built).toBe("false");
    expect(outputs["cache-hit"]).toBe("false");
  });
});

describe("paths in the outputs on Windows", () => {
  const result = makeResult({
    wheelDir: String.raw`D:\a\proj\proj\dist`,
    wheels: [
      {
        ...makeWheel("a-1.0-cp312-cp312-win_amd64.whl"),
        path: String.raw`D:\a\proj\proj\dist\a-1.0-cp312-cp312-win_amd64.whl`,
      },
    ],
  });

  it("are written with forward slashes, which bash and PowerShell both take", () => {
    const outputs = actionOutputs(
      result,
      String.raw`D:\a\_temp\wheel-cache-results\r.json`,
      "win32",
    );
    expect(outputs.wheels).toBe("D:/a/proj/proj/dist/a-1.0-cp312-cp312-win_amd64.whl");
    expect(outputs["wheel-dir"]).toBe("D:/a/proj/proj/dist");
    expect(outputs["result-file"]).toBe("D:/a/_temp/wheel-cache-results/r.json");
  });

  it("elsewhere a backslash is part of a file name and stays", () => {
    const odd = makeResult({ wheelDir: String.raw`/work/odd\name/dist` });
    expect(actionOutputs(odd, "", "linux")["wheel-dir"]).toBe(String.raw`/work/odd\name/dist`);
    expect(actionOutputs(odd, "", "darwin")["wheel-dir"]).toBe(String.raw`/work/odd\name/dist`);
  });
});
