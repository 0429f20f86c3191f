import { describe, expect, it } from "vitest";
import { reasonOf } from "../../../src/report/reason.js";
import {
  diffReasonOf,
  renderDiff,
  renderTerminal,
  resultJson,
} from "../../../src/report/terminal.js";
import { validationText } from "../../../src/report/text.js";
import { makeChange, makeHit, makeManifest, makeResult, makeWheel } from "../../support/result.js";

describe("renderTerminal", () => {
  it("shows verdict, reason, changed keys with files, wheels, save and warnings", () => {
    const result = makeResult({
      changed: [
        makeChange("file:src/**", { modified: ["src/lib.rs"], added: ["src/new.rs"] }),
        makeChange("toolchain:rustc", undefined, {
          group: "implicit",
          before: "rustc 1.94.0",
          after: "rustc 1.95.0",
        }),
      ],
      warnings: ["glob src/*.c matched nothing"],
      keysFrom: "inferred",
    });
    expect(renderTerminal(result)).toBe(
      [
        "wheel-cache: Rebuilt in 1 min 3 s because 2 keys changed",
        `  ${reasonOf(result)}`,
        `  ${validationText(result)}`,
        `  fingerprint ${result.manifest.fingerprint.slice(0, 12)}  cache key ${result.cacheKey}`,
        "",
        "changed keys:",
        "  file:src/** (changed)",
        "    ~ src/lib.rs",
        "    + src/new.rs",
        "  toolchain:rustc (changed): rustc 1.94.0 → rustc 1.95.0",
        "",
        "wheels in /work/proj/dist:",
        "  pkg-1.0-cp311-cp311-manylinux_2_36_x86_64.whl  1.2 MB",
        "",
        "saved to the github cache",
        "",
        "warning: glob src/*.c matched nothing",
        "advice: the rebuild keys are wheel-cache's defaults for maturin, which uv does not see: wheel-cache uv-keys --write writes them into pyproject.toml as [tool.uv] cache-keys, so that uv rebuilds when they change too",
        "",
      ].join("\n"),
    );
  });

  it("shows a hit with the time saved and no save line", () => {
    const text = renderTerminal(makeHit());
    expect(text).toMatch(
      /^wheel-cache: Restored 2 wheels\n {2}restored 2 wheels .*saved about 1 min 12 s/,
    );
    expect(text).not.toContain("changed keys");
    expect(text).not.toContain("saved to the");
  });

  it("caps files at 50 per key and prints no escape sequences", () => {
    const modified = [...Array.from({ length: 59 }, (_, i) => `f${i}.c`), "\u001b[31mred\n.c"];
    const text = renderTerminal(
      makeResult({
        changed: [makeChange("file:src/**", { modified })],
        wheels: [makeWheel("\u001b]0;x\u0007.whl")],
      }),
    );
    expect(text.match(/^ {4}~ /gm)).toHaveLength(50);
    expect(text).toContain("    … and 10 more");
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("\u0007");
  });
});

describe("renderDiff", () => {
  it("says nothing changed since the cached build, and what the next build restores", () => {
    const manifest = makeManifest(undefined, {
      wheels: [{ name: "pkg-1.0.whl", size: 1, sha256: "a" }],
    });
    const text = renderDiff(
      makeResult({ verdict: "lookup-hit", manifest, changed: [], wheels: [], buildSeconds: 40 }),
    );
    expect(text).toMatch(
      /^wheel-cache diff: nothing changed since the cached build\n {2}the next build restores 1 wheel \(their build took 40 s\)\n/,
    );
    expect(text).not.toMatch(/lookup/i);
  });

  it("names the changed file and the build it compares with", () => {
    const result = makeResult({ verdict: "lookup-miss", wheels: [], buildSeconds: undefined });
    const text = renderDiff(result);
    expect(text).toMatch(
      /^wheel-cache diff: 1 key changed — src\/lib\.rs modified since the last cached build\n {2}the next build rebuilds\n/,
    );
    expect(text).toContain(`compared with ${result.previous!.key}`);
    expect(text).toContain("changed keys:\n  file:src/** (changed)\n    ~ src/lib.rs");
    expect(text).not.toMatch(/lookup/i);
  });

  it.each([
    [
      "no cached build",
      { previous: undefined, changed: [] },
      "no cached build of this project for linux-x64-glibc2.36 / cp311 yet",
    ],
    [
      "an evicted build",
      { changed: [] },
      "nothing changed since the last cached build, but its wheels are not in the cache",
    ],
    [
      "a damaged build",
      { verifyProblem: "the cached wheel x.whl does not match its recorded sha256" },
      "the cached build of this fingerprint cannot be used: the cached wheel x.whl does not match its recorded sha256",
    ],
  ] as const)("explains %s in diff's words", (_what, overrides, reason) => {
    const result = makeResult({ verdict: "lookup-miss", wheels: [], ...overrides });
    expect(diffReasonOf(result)).toBe(reason);
    expect(resultJson(result, diffReasonOf(result)).reason).toBe(reason);
  });
});

describe("resultJson", () => {
  it("has exactly the contract's fields first, with their types", () => {
    const result = makeResult({
      changed: [
        makeChange("file:src/**", { modified: ["src/lib.rs"], added: ["src/new.rs"] }),
        makeChange("toolchain:rustc", undefined, { group: "implicit", before: "a", after: "b" }),
        makeChange("file:old.c", { removed: ["old.c"] }, { status: "removed" }),
      ],
    });
    const json = JSON.parse(JSON.stringify(resultJson(result))) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual([
      "cacheHit",
      "built",
      "fingerprint",
      "cacheKey",
      "wheels",
      "changed",
      "reason",
    ]);
    expect(json).toMatchObject({
      cacheHit: false,
      built: true,
      fingerprint: result.manifest.fingerprint,
      cacheKey: result.cacheKey,
      wheels: ["/work/proj/dist/pkg-1.0-cp311-cp311-manylinux_2_36_x86_64.whl"],
      reason: reasonOf(result),
    });
    expect(json.changed).toEqual([
      {
        id: "file:src/**",
        status: "changed",
        files: { added: ["src/new.rs"], modified: ["src/lib.rs"], removed: [] },
      },
      { id: "toolchain:rustc", status: "changed", files: { added: [], modified: [], removed: [] } },
      {
        id: "file:old.c",
        status: "removed",
        files: { added: [], modified: [], removed: ["old.c"] },
      },
    ]);
  });

  it("adds verdict, wheelDir, buildSeconds, save, warnings and advice after the contract", () => {
    const json = resultJson(makeHit({ warnings: ["w"], buildSeconds: undefined }));
    expect(json).toMatchObject({
      cacheHit: true,
      built: false,
      changed: [],
      verdict: "hit",
      wheelDir: "/work/proj/dist",
      buildSeconds: null,
      save: { status: "skipped", note: "restored from the cache" },
      warnings: ["w"],
      advice: [],
    });
    expect(Object.keys(json)).toHaveLength(13);
  });

  it("gives a failed build's error: message, command, exit code and the end of its output", () => {
    const failure = {
      message: "the build failed with exit code 1: python -m build",
      argv: ["python", "-m", "build"],
      exitCode: 1,
      outputTail: ["src/x.c:1:1: error: oops"],
      truncated: false,
    };
    const json = resultJson(
      makeResult({
        verdict: "failed",
        wheels: [],
        save: { status: "skipped", why: { kind: "build-failed" } },
        failure,
      }),
    );
    expect(json).toMatchObject({
      cacheHit: false,
      built: false,
      wheels: [],
      verdict: "failed",
      changed: [expect.objectContaining({ id: "file:src/**" })],
      save: { status: "skipped", note: "the build failed" },
      error: {
        message: failure.message,
        command: failure.argv,
        exitCode: 1,
        signal: null,
        outputTail: failure.outputTail,
      },
    });
    expect(json.reason).toMatch(
      /^the build failed with exit code 1: python -m build; it ran because /,
    );
  });
});
