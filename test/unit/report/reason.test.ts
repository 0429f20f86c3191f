import { describe, expect, it, test } from "vitest";
import { escapeLine } from "../../../src/report/escape.js";
import { formatDuration, formatSize, slotOf } from "../../../src/report/format.js";
import { describeChanges, reasonOf } from "../../../src/report/reason.js";
import {
  defaultKeys,
  makeChange,
  makeHit,
  makeManifest,
  makeResult,
} from "../../support/result.js";

describe("reasonOf", () => {
  it("says what a hit restored and the build time it saved", () => {
    expect(reasonOf(makeHit())).toBe(
      "restored 2 wheels built for this fingerprint (saved about 1 min 12 s of build)",
    );
    expect(reasonOf(makeHit({ buildSeconds: undefined }))).toBe(
      "restored 2 wheels built for this fingerprint",
    );
  });

  it("names the platform and Python when there is no previous build", () => {
    expect(reasonOf(makeResult({ previous: undefined, changed: [] }))).toBe(
      "no cached build of this project for linux-x64-glibc2.36 / cp311 yet",
    );
  });

  it("lists the changed keys, compiled ones first, with their files", () => {
    const changed = [
      makeChange(
        "file:python/pkg/**",
        { modified: ["python/pkg/__init__.py"] },
        { group: "shipped" },
      ),
      makeChange("file:src/**", { modified: ["src/lib.rs"] }),
      makeChange("toolchain:rustc", undefined, {
        group: "implicit",
        before: "rustc 1.94.0",
        after: "rustc 1.95.0",
      }),
    ];
    expect(reasonOf(makeResult({ changed }))).toBe(
      "rebuilt: 3 keys changed — src/lib.rs modified, toolchain:rustc, python/pkg/__init__.py modified",
    );
  });

  it("says when only shipped or metadata files changed", () => {
    const shipped = makeChange(
      "file:python/pkg/**",
      { modified: ["python/pkg/__init__.py"] },
      { group: "shipped" },
    );
    const data = makeChange(
      "file:python/pkg/**",
      { added: ["python/pkg/data.json"] },
      { group: "shipped" },
    );
    const readme = makeChange("file:README.md", { modified: ["README.md"] }, { group: "metadata" });
    expect(reasonOf(makeResult({ changed: [shipped] }))).toBe(
      "rebuilt: only shipped Python files changed (python/pkg/__init__.py)",
    );
    expect(reasonOf(makeResult({ changed: [data] }))).toBe(
      "rebuilt: only shipped files changed (python/pkg/data.json)",
    );
    expect(reasonOf(makeResult({ changed: [readme] }))).toBe(
      "rebuilt: only metadata inputs changed (README.md)",
    );
    expect(reasonOf(makeResult({ changed: [readme, shipped] }))).toBe(
      "rebuilt: only shipped and metadata files changed (README.md, python/pkg/__init__.py)",
    );
  });

  it("puts a failed verification before any key change", () => {
    const verifyProblem = "the cached wheel x.whl does not match its recorded sha256";
    expect(reasonOf(makeResult({ changed: [], verifyProblem }))).toBe(
      "rebuilt: the cached wheel x.whl does not match its recorded sha256",
    );
  });

  it("explains a rebuild with nothing changed as a missing entry", () => {
    expect(reasonOf(makeResult({ changed: [] }))).toMatch(
      /^rebuilt: no key changed .* not in the cache/,
    );
  });

  it("has lookup-only variants", () => {
    const manifest = makeManifest(defaultKeys(), {
      wheels: [{ name: "a.whl", size: 1, sha256: "0" }],
    });
    expect(reasonOf(makeResult({ verdict: "lookup-hit", manifest, changed: [], wheels: [] }))).toBe(
      "a build for this fingerprint is in the cache with 1 wheel (lookup-only: nothing restored)",
    );
    expect(reasonOf(makeResult({ verdict: "lookup-miss", wheels: [] }))).toBe(
      "would rebuild: 1 key changed — src/lib.rs modified (lookup-only: nothing built)",
    );
    expect(reasonOf(makeResult({ verdict: "lookup-miss", previous: undefined, changed: [] }))).toBe(
      "no cached build of this project for linux-x64-glibc2.36 / cp311 yet (lookup-only: nothing built)",
    );
  });
});

describe("describeChanges", () => {
  it("caps files and keys at three, then counts the rest", () => {
    const files = makeChange("file:src/**", { modified: ["a", "b", "c", "d"], added: ["e"] });
    expect(describeChanges([files])).toBe(
      "1 key changed — a modified, b modified, c modified and 2 more",
    );
    const keys = ["k1", "k2", "k3", "k4", "k5"].map((id) => makeChange(id));
    expect(describeChanges(keys)).toBe("5 keys changed — k1, k2, k3 and 2 more");
  });

  it("marks whole keys added or removed, and keeps file names on one line", () => {
    const added = makeChange("file:build.rs", { added: ["build.rs"] }, { status: "added" });
    const odd = makeChange("file:src/**", { modified: ["new\nline.c"] });
    // The reason is plain text; each renderer escapes it for its medium (here, a log line).
    expect(escapeLine(describeChanges([added, odd]))).toBe(
      "2 keys changed — file:build.rs (new key), new␤line.c modified",
    );
  });
});

test.each([
  ["cpython 3.13.1 cpython-313t-x86_64-linux-gnu linux-x86_64", "linux-x64-glibc2.36 / cp313t"],
  ["pypy 3.10.14 pypy310-pp73-x86_64-linux-gnu linux-x86_64", "linux-x64-glibc2.36 / pp310"],
  ["not found", "linux-x64-glibc2.36 / not found"],
])("slotOf(python %j) = %j", (detail, slot) => {
  const keys = defaultKeys().map((k) => (k.id === "python" ? { ...k, detail } : k));
  expect(slotOf(makeManifest(keys))).toBe(slot);
});

test.each([
  [0, "under 1 s"],
  [0.4, "under 1 s"],
  [0.6, "1 s"],
  [45, "45 s"],
  [59.6, "1 min"],
  [72, "1 min 12 s"],
  [3600, "1 h"],
  [7500, "2 h 5 min"],
  [Number.NaN, "under 1 s"],
])("formatDuration(%d) = %j", (seconds, text) => {
  expect(formatDuration(seconds)).toBe(text);
});

test.each([
  [0, "0 B"],
  [999, "999 B"],
  [1000, "1.0 kB"],
  [1_234_567, "1.2 MB"],
  [34_000_000, "34 MB"],
  [999_999, "1.0 MB"],
  [2_500_000_000, "2.5 GB"],
])("formatSize(%d) = %j", (bytes, text) => {
  expect(formatSize(bytes)).toBe(text);
});
