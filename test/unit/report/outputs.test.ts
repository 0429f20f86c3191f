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
      reason: reasonOf(result),
      "result-file": "/runner/temp/wheel-cache/result.json",
    });
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
