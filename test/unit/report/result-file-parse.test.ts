import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { parseResultFile, resultFileOf } from "../../../src/report/result-file.js";
import { makeResult } from "../../support/result.js";

const valid = () => resultFileOf(makeResult()) as unknown as Record<string, unknown>;

describe("parseResultFile", () => {
  it("reads back what a run wrote", () => {
    const file = resultFileOf(makeResult());
    expect(parseResultFile(JSON.stringify(file), "leg.json")).toEqual(file);
  });

  it.each([
    ["not JSON", "{\n\u001b[31m", /^leg\.json: not a wheel-cache result file \(not JSON\)$/],
    ["a list", "[]", /^leg\.json: not a wheel-cache result file \(not a JSON object\)$/],
    [
      "another JSON file",
      '{"name": "x"}',
      /^leg\.json: not a wheel-cache result file \(no "format" field\)$/,
    ],
    [
      "a newer format",
      JSON.stringify({ ...valid(), format: "wheel-cache-result/2" }),
      /^leg\.json: written in wheel-cache-result\/2, which this wheel-cache does not read/,
    ],
    [
      "a wrong field",
      JSON.stringify({ ...valid(), platform: 3 }),
      /^leg\.json: not a valid wheel-cache result file \(field "platform"\)$/,
    ],
    [
      "a changed key without files",
      JSON.stringify({ ...valid(), changed: [{ id: "x", status: "changed" }] }),
      /\(field "changed"\)$/,
    ],
  ])("refuses %s in one line naming the file", (_what, text, message) => {
    let error: unknown;
    try {
      parseResultFile(text, "leg.json");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });
});
