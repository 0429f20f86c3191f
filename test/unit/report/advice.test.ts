import { describe, expect, test } from "vitest";
import { diffManifests } from "../../../src/fingerprint/diff.js";
import type { Manifest } from "../../../src/fingerprint/manifest.js";
import { changedInputs } from "../../../src/pipeline/build-step.js";
import { adviceOf } from "../../../src/report/advice.js";
import { skipText } from "../../../src/report/text.js";
import { makeKey, makeManifest, makeResult } from "../../support/result.js";

/** The advice on files the build changed, from the fingerprint before and after it. */
function mutationAdvice(before: Manifest, after: Manifest): string[] {
  return adviceOf(makeResult({ buildChanges: diffManifests(before, after) }));
}

/** Why the save is skipped, if it is, from the fingerprint before and after the build. */
function changedDuringBuild(before: Manifest, after: Manifest): string | undefined {
  const files = changedInputs(diffManifests(before, after));
  return files.length > 0 ? skipText({ kind: "inputs-changed", files }) : undefined;
}

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
