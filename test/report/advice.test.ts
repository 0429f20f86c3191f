import { describe, expect, test } from "vitest";
import { changedDuringBuild, mutationAdvice } from "../../src/report/advice.js";
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

describe("changedDuringBuild: when the wheels must not be saved", () => {
  const before = makeManifest([makeKey({ id: "file:*.c", files: { "a.c": "1", "b.c": "2" } })]);

  test("a covered file modified while the build ran", () => {
    const after = makeManifest([
      makeKey({ id: "file:*.c", digest: "x", files: { "a.c": "9", "b.c": "2" } }),
    ]);
    expect(changedDuringBuild(before, after)).toMatch(
      /^not saved: inputs changed while the build ran \(a\.c\)/,
    );
  });

  test("a covered file removed while the build ran", () => {
    const after = makeManifest([
      makeKey({ id: "file:*.c", digest: "x", files: { "a.c": "1", "b.c": null } }),
    ]);
    expect(changedDuringBuild(before, after)).toContain("b.c");
  });

  test("files the build only added (generated sources) do not stop the save", () => {
    const after = makeManifest([
      makeKey({ id: "file:*.c", digest: "x", files: { "a.c": "1", "b.c": "2", "gen.c": "3" } }),
    ]);
    expect(changedDuringBuild(before, after)).toBeUndefined();
  });
});
