import { describe, expect, it } from "vitest";
import { renderDebugFiles, renderLog } from "../../../src/report/log.js";
import { reasonOf } from "../../../src/report/reason.js";
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
    expect(changes.title).toBe(`Changes since ${result.previous!.key}: 2 keys`);
    expect(changes.lines).toEqual([
      "file:src/** (changed)",
      "  ~ src/lib.rs",
      "  + src/new.rs",
      "  - src/old.rs",
      "env:RUSTFLAGS (changed): unset → set",
    ]);
  });

  it("ends with the verdict, reason, cache key, wheels and save", () => {
    const result = makeResult();
    expect(renderLog(result).lines).toEqual([
      "wheel-cache: 🔨 Rebuilt in 1 min 3 s because 1 key changed",
      `reason: ${reasonOf(result)}`,
      validationText(result),
      `cache key: ${result.cacheKey}`,
      `wheel: ${result.wheels[0]!.path} (1.2 MB)`,
      "save: saved to the github cache",
    ]);
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
