import { describe, expect, test } from "vitest";
import { mutationAdvice } from "../../src/report/advice.js";
import { makeKey, makeManifest } from "../support/result.js";

describe("mutationAdvice: the build changed files the fingerprint covers", () => {
  test("names the key and the files the build wrote", () => {
    const before = makeManifest([makeKey({ id: "file:*.c", files: { "a.c": "1" } })]);
    const after = makeManifest([
      makeKey({ id: "file:*.c", digest: "other", files: { "a.c": "1", "gen/_core.c": "2" } }),
    ]);
    const advice = mutationAdvice(before, after);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toContain("file:*.c");
    expect(advice[0]).toContain("gen/_core.c");
  });

  test("says nothing when the build left its inputs alone", () => {
    const manifest = makeManifest([makeKey({ id: "file:*.c", files: { "a.c": "1" } })]);
    expect(mutationAdvice(manifest, manifest)).toEqual([]);
  });
});
