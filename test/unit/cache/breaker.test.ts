import { describe, expect, test } from "vitest";
import { withBreaker } from "../../../src/cache/breaker.js";
import type { CacheBackend, RestoreResult, SaveResult } from "../../../src/cache/types.js";

/** A backend that answers from a script and counts its calls. */
function scripted(restores: RestoreResult[], saves: SaveResult[]) {
  const calls = { restore: 0, save: 0 };
  const backend: CacheBackend = {
    kind: "local",
    restore: async () => restores[calls.restore++]!,
    save: async () => saves[calls.save++]!,
  };
  return { backend, calls };
}

describe("withBreaker", () => {
  test("after an unavailable restore, later calls are skipped without reaching the service", async () => {
    const { backend, calls } = scripted([{ status: "unavailable", warning: "timed out" }], []);
    const cache = withBreaker(backend);
    expect(await cache.restore({ dir: "d", key: "k" })).toEqual({
      status: "unavailable",
      warning: "timed out",
    });
    const second = await cache.restore({ dir: "d", key: "k2" });
    expect(second.status).toBe("unavailable");
    expect(second.status === "unavailable" && second.warning).toContain(
      "failed earlier in this run",
    );
    expect((await cache.save({ dir: "d", key: "k" })).status).toBe("failed");
    expect(calls).toEqual({ restore: 1, save: 0 });
  });

  test("misses, hits and successful saves keep the cache in use", async () => {
    const { backend, calls } = scripted(
      [{ status: "miss" }, { status: "hit", matchedKey: "k" }],
      [{ status: "saved" }, { status: "exists" }],
    );
    const cache = withBreaker(backend);
    await cache.restore({ dir: "d", key: "k" });
    await cache.save({ dir: "d", key: "k" });
    await cache.save({ dir: "d", key: "k" });
    expect(await cache.restore({ dir: "d", key: "k" })).toEqual({ status: "hit", matchedKey: "k" });
    expect(calls).toEqual({ restore: 2, save: 2 });
  });

  test("a failed save stops the next one", async () => {
    const { backend, calls } = scripted([], [{ status: "failed", warning: "denied" }]);
    const cache = withBreaker(backend);
    await cache.save({ dir: "d", key: "wheels" });
    expect((await cache.save({ dir: "d", key: "manifest" })).status).toBe("failed");
    expect(calls.save).toBe(1);
  });
});
