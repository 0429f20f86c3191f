import type { CacheBackend } from "./types.js";

const SKIPPED = "skipped: the cache service failed earlier in this run";

/**
 * Stops calling a cache that has already failed in this run: a service that is down or stopped
 * answering would otherwise cost every later call its own retries and deadline.
 */
export function withBreaker(backend: CacheBackend): CacheBackend {
  let down = false;
  return {
    kind: backend.kind,
    discard: backend.discard?.bind(backend),
    async restore(request) {
      if (down)
        return {
          status: "unavailable",
          warning: `cache restore of ${request.key} ${SKIPPED}`,
          repeated: true,
        };
      const result = await backend.restore(request);
      down = result.status === "unavailable";
      return result;
    },
    async save(request) {
      if (down) {
        return {
          status: "failed",
          warning: `cache save of ${request.key} ${SKIPPED}`,
          repeated: true,
        };
      }
      const result = await backend.save(request);
      down = result.status === "failed";
      return result;
    },
  };
}
