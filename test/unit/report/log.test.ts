import { describe, expect, it, test } from "vitest";
import { renderDebugFiles, renderLog } from "../../../src/report/log.js";
import { validationText } from "../../../src/report/text.js";
import {
  defaultKeys,
  makeChange,
  makeHit,
  makeKey,
  makeManifest,
  makeResult,
} from "../../support/result.js";

describe("renderLog", () => {
  it("lists every key in a Fingerprint group, like rust-cache's configuration group", () => {
    const result = makeHit();
    const { groups } = renderLog(result);
    expect(groups.map((g) => g.title)).toEqual(["Fingerprint: 9 keys"]);
    const lines = groups[0]!.lines;
    for (const key of result.manifest.keys) {
      expect(
        lines.some((l) => l.startsWith(`  - ${key.id} `) && l.endsWith(key.digest.slice(0, 12))),
      ).toBe(true);
    }
    expect(lines).toContain("Rebuild keys:");
    expect(lines).toContain("Environment:");
    expect(lines.find((l) => l.includes("env:RUSTFLAGS"))).toMatch(
      /implicit\s+set\s+[0-9a-f]{12}$/,
    );
    expect(lines).toContain(`fingerprint: ${result.manifest.fingerprint}`);
    expect(lines).toContain("build command: uv build --wheel");
    expect(lines).toContain("  chosen because: uv is on PATH");
  });

  it("adds a Changes group with each key's files marked + ~ -", () => {
    const result = makeResult({
      changed: [
        makeChange("file:src/**", {
          added: ["src/new.rs"],
          modified: ["src/lib.rs"],
          removed: ["src/old.rs"],
        }),
        makeChange("env:RUSTFLAGS", undefined, {
          group: "implicit",
          before: "unset",
          after: "set",
        }),
      ],
    });
    const changes = renderLog(result).groups[1]!;
    expect(changes.title).toBe("Changes since the last cached build: 2 keys");
    expect(changes.lines).toEqual([
      `compared with ${result.previous!.key}`,
      "file:src/** (changed)",
      "  ~ src/lib.rs",
      "  + src/new.rs",
      "  - src/old.rs",
      "env:RUSTFLAGS (changed): unset → set",
    ]);
  });

  it("ends with the validation, cache key, wheels and save, and one notice with the verdict", () => {
    const result = makeResult();
    const log = renderLog(result);
    expect(log.lines).toEqual([
      validationText(result),
      `cache key: ${result.cacheKey}`,
      `wheel: ${result.wheels[0]!.path} (1.2 MB)`,
      "save: saved to the github cache",
    ]);
    expect(log.notice).toBe("rebuilt: src/lib.rs modified");
    // Why it built was said before the build's output; the reason and the key are not repeated.
    const all = [...log.groups.flatMap((g) => [g.title, ...g.lines]), ...log.lines];
    expect(all.filter((l) => l.includes(result.cacheKey))).toHaveLength(1);
    expect(all.filter((l) => l.includes("src/lib.rs"))).toHaveLength(1);
  });

  it("names the build compared with, and on a hit the build restored", () => {
    const manifest = makeManifest(defaultKeys(), {
      createdAt: "2025-06-01T12:00:00.000Z",
      origin: { runNumber: "41", commit: "3f2a9c1e0b", runId: "5" },
    });
    const miss = makeResult({ previous: { key: "prev", manifest } });
    expect(renderLog(miss).groups[1]!.title).toBe(
      "Changes since the last cached build (built by run #41 at 3f2a9c1, 2 days ago): 1 keys",
    );
    const hit = renderLog(makeHit({ manifest }));
    expect(hit.lines[0]).toBe("cached build: built by run #41 at 3f2a9c1, 2 days ago");
    expect(hit.notice).toBe("hit, saved about 1 min 12 s");
  });

  test.each([
    [makeResult({ previous: undefined, changed: [] }), "built: no cached build yet"],
    [makeResult({ verdict: "lookup-hit", changed: [], wheels: [] }), "lookup only: cached"],
    [
      makeResult({ verdict: "lookup-miss", wheels: [] }),
      "lookup only: would rebuild: src/lib.rs modified",
    ],
    [makeResult({ verdict: "miss", wheels: [] }), "miss: src/lib.rs modified"],
    [
      makeResult({ verdict: "saved", previous: undefined, changed: [] }),
      "saved 1 wheel the build step built",
    ],
  ])("gives the verdict in one notice: %#", (result, notice) => {
    expect(renderLog(result).notice).toBe(notice);
  });

  it("leaves a failed build's verdict to its error: no notice, no save line", () => {
    const failed = makeResult({
      verdict: "failed",
      wheels: [],
      save: { status: "skipped", why: { kind: "build-failed" } },
      failure: { message: "the build failed", argv: ["x"], outputTail: [], truncated: false },
    });
    const log = renderLog(failed);
    expect(log.notice).toBeUndefined();
    expect(log.lines).toEqual([`cache key: ${failed.cacheKey}`]);
  });

  it("never lets a file name start a workflow command or a new line", () => {
    const names = ["::error::pwned", "x\n::warning::pwned", "##[group]x", "  ::debug::y"];
    const keys = [
      ...defaultKeys(),
      makeKey({ id: "file:src/*", files: Object.fromEntries(names.map((n) => [n, "d"])) }),
    ];
    const result = makeResult({
      manifest: makeManifest(keys),
      changed: [makeChange("file:src/*", { added: names })],
      warnings: ["\n::error::from a warning"],
    });
    const log = renderLog(result);
    const all = [
      ...log.groups.flatMap((g) => [g.title, ...g.lines]),
      ...log.lines,
      ...renderDebugFiles(result),
    ];
    for (const line of all) {
      expect(line).not.toContain("\n");
      expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
    }
  });
});

describe("renderDebugFiles", () => {
  it("gives each file of each key with its digest, absent ones as absent", () => {
    const keys = [
      makeKey({ id: "file:Cargo.lock", files: { "Cargo.lock": null, "Cargo.toml": "ab12" } }),
    ];
    expect(renderDebugFiles(makeResult({ manifest: makeManifest(keys) }))).toEqual([
      "file:Cargo.lock: Cargo.lock absent",
      "file:Cargo.lock: Cargo.toml ab12",
    ]);
  });
});

describe("renderLog's Changes group", () => {
  it("lists every changed file, however many: the summary points here for the rest", () => {
    const modified = Array.from({ length: 5000 }, (_, i) => `src/f${i}.c`);
    const changes = renderLog(makeResult({ changed: [makeChange("file:src/**", { modified })] }))
      .groups[1]!;
    expect(changes.lines.filter((l) => l.startsWith("  ~ "))).toHaveLength(5000);
  });
});
