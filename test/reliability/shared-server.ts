import { afterAll, beforeAll } from "vitest";
import { type CacheServer, startCacheServer } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";

/**
 * One local cache server for a test file, started (with a fresh dist/) before its tests and
 * closed after them. Call at the top level; the returned function gives the running server.
 */
export function sharedCacheServer(): () => CacheServer {
  let server: CacheServer | undefined;
  beforeAll(async () => {
    await ensureDist();
    server = await startCacheServer();
  }, PACKAGE_TIMEOUT_MS);
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error("the cache server is not running yet (use it inside a test)");
    return server;
  };
}
