import { describe, expect, it } from "vitest";
import type { LocalBuild } from "../../../src/cache/local-builds.js";
import {
  cacheListJson,
  formatAge,
  pruneJson,
  pruneText,
  renderCacheList,
} from "../../../src/report/cache-text.js";

const NOW = Date.UTC(2025, 0, 10);
const DAY = 86_400_000;

function build(key: string, bytes: number, usedDaysAgo: number): LocalBuild {
  const used = NOW - usedDaysAgo * DAY;
  const entry = { key, created: used - DAY, path: `/c/${key}`, used, bytes };
  return {
    key,
    entries: [entry, { ...entry, key: `${key}-manifest` }],
    bytes,
    created: used - DAY,
    used,
    wheels: [`${key}-1.0-py3-none-any.whl`],
    buildSeconds: 40,
  };
}

describe("the cache commands' output", () => {
  it.each([
    [10_000, "just now"],
    [5 * 60_000, "5 min ago"],
    [(3 * 60 + 20) * 60_000, "3 h 20 min ago"],
    [3 * DAY, "3 days ago"],
  ])("formatAge(%d) is %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it("lists builds in an aligned table, with the total", () => {
    const text = renderCacheList("/c", [build("old", 2_000_000, 3), build("new", 1_500, 0.5)], NOW);
    expect(text).toBe(
      [
        "wheel-cache cache: /c: 2 builds, 2.0 MB",
        "",
        "  last used   saved       size    wheels                    key",
        "  3 days ago  4 days ago  2.0 MB  old-1.0-py3-none-any.whl  old",
        "  12 h ago    36 h ago    1.5 kB  new-1.0-py3-none-any.whl  new",
        "",
      ].join("\n"),
    );
    expect(renderCacheList("/c", [], NOW)).toBe("wheel-cache cache: /c: 0 builds, 0 B\n");
    expect(cacheListJson("/c", [build("a", 10, 1)])).toEqual({
      cacheDir: "/c",
      bytes: 10,
      builds: [
        {
          key: "a",
          entries: ["a", "a-manifest"],
          bytes: 10,
          saved: new Date(NOW - 2 * DAY).toISOString(),
          lastUsed: new Date(NOW - DAY).toISOString(),
          wheels: ["a-1.0-py3-none-any.whl"],
          buildSeconds: 40,
        },
      ],
    });
  });

  it("says what a prune removed, what is left, and why builds over the limit stayed", () => {
    const outcome = {
      removed: [build("old", 2_000_000, 3)],
      kept: [build("fresh", 1_000, 0)],
      inUse: [build("fresh", 1_000, 0)],
    };
    expect(pruneText(outcome, { maxBytes: 500 })).toEqual([
      "removed 1 build (2.0 MB); 1 build left (1.0 kB)",
      "kept 1 build (1.0 kB), over the limit of 500 B: used in the last minute, a run may be restoring them",
    ]);
    expect(pruneJson("/c", outcome)).toMatchObject({
      removed: [{ key: "old" }],
      kept: [{ key: "fresh" }],
      inUse: ["fresh"],
      bytes: 1000,
    });
  });
});
