import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { GithubCache } from "../../../src/cache/github.js";
import { type CacheServer, startCacheServer } from "../../support/cache-server.js";
import { fill, snapshot } from "../../support/files.js";
import { makeTempDir } from "../../support/tmp.js";

// The real @actions/cache client against the local fake service. The client reads process.env on
// every call, so the tests in this file run one at a time (vitest's default within a file).

const CLEARED = ["ACTIONS_CACHE_MODE", "GITHUB_SERVER_URL", "ACTIONS_CACHE_URL"];
let server: CacheServer;
let root: string;
let dir: string;
let savedEnv: NodeJS.ProcessEnv;

beforeEach(async () => {
  savedEnv = { ...process.env };
  root = makeTempDir("wheel-cache-gh-");
  await mkdir(path.join(root, "temp"));
  dir = path.join(root, "workspace", "wheels");
  server = await startCacheServer();
  for (const name of CLEARED) delete process.env[name];
  Object.assign(process.env, server.env(path.join(root, "workspace"), path.join(root, "temp")));
});

afterEach(async () => {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  vi.restoreAllMocks();
  await server.close();
});

const cache = () => new GithubCache({ restoreDeadlineMs: 2_000, saveDeadlineMs: 2_000 });

const blobGets = () => server.requests().filter((r) => r.startsWith("GET /devstoreaccount1/"));

describe("GithubCache against the local cache service", () => {
  test("miss, then save, then an exact hit restores identical bytes", async () => {
    const files = { "a-1.0-py3-none-any.whl": randomBytes(5000), "sub/b.txt": "nested\n" };
    expect(await cache().restore({ dir, key: "wheels-k1" })).toEqual({ status: "miss" });
    await fill(dir, files);
    const before = await snapshot(dir, "hex");
    expect(await cache().save({ dir, key: "wheels-k1" })).toEqual({ status: "saved" });
    await rm(dir, { recursive: true });
    const result = await cache().restore({ dir, key: "wheels-k1" });
    expect(result).toEqual({ status: "hit", matchedKey: "wheels-k1" });
    expect(await snapshot(dir, "hex")).toEqual(before);
  });

  test("restore keys match by prefix and pick the newest entry", async () => {
    for (const n of ["1", "2"]) {
      await fill(dir, { "which.txt": n });
      expect(await cache().save({ dir, key: `wheels-a-${n}` })).toEqual({ status: "saved" });
    }
    await fill(dir, { "which.txt": "3" });
    expect(await cache().save({ dir, key: "wheels-b-1" })).toEqual({ status: "saved" });
    await rm(dir, { recursive: true });
    const result = await cache().restore({ dir, key: "wheels-c", restoreKeys: ["wheels-a-"] });
    expect(result).toEqual({ status: "hit", matchedKey: "wheels-a-2" });
    expect(await readFile(path.join(dir, "which.txt"), "utf8")).toBe("2");
  });

  test("lookupOnly reports the hit and downloads nothing", async () => {
    await fill(dir, { "x.whl": "x" });
    await cache().save({ dir, key: "wheels-k1" });
    await fill(dir, {});
    const result = await cache().restore({ dir, key: "wheels-k1", lookupOnly: true });
    expect(result).toEqual({ status: "hit", matchedKey: "wheels-k1" });
    expect(await readdir(dir)).toEqual([]);
    expect(blobGets()).toEqual([]);
  });

  test("a second save of the same key is `exists` without an upload", async () => {
    await fill(dir, { "x.whl": "x" });
    expect(await cache().save({ dir, key: "wheels-k1" })).toEqual({ status: "saved" });
    const creates = () => server.requests().filter((r) => r.includes("CreateCacheEntry"));
    expect(await cache().save({ dir, key: "wheels-k1" })).toEqual({ status: "exists" });
    expect(creates()).toHaveLength(1);
    expect(server.entries()).toHaveLength(1);
  });

  test("losing the race to another job (refused after a miss) is `exists`", async () => {
    await fill(dir, { "x.whl": "x" });
    await cache().save({ dir, key: "wheels-k1" });
    // The first lookup misses, as if the other job had not finalized yet; Create is then refused.
    server.setFault({ route: "GetCacheEntryDownloadURL", message: "not yet", times: 1 });
    expect(await cache().save({ dir, key: "wheels-k1" })).toEqual({ status: "exists" });
  });

  test("another directory path is another version: a miss", async () => {
    await fill(dir, { "x.whl": "x" });
    await cache().save({ dir, key: "wheels-k1" });
    const other = path.join(root, "workspace", "other");
    expect(await cache().restore({ dir: other, key: "wheels-k1" })).toEqual({ status: "miss" });
    expect(server.entries().map((e) => e.key)).toEqual(["wheels-k1"]);
  });

  test("a denied write is `failed`, and the library logs the service's reason", async () => {
    const log: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => log.push(String(chunk)) > 0);
    server.setFault({ route: "CreateCacheEntry", message: "cache write denied: read-only token" });
    await fill(dir, { "x.whl": "x" });
    const result = await cache().save({ dir, key: "wheels-k1" });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ status: "failed" });
    expect(result.status === "failed" && result.warning).toMatch(/not saved: the cache service/);
    expect(log.join("")).toMatch(/::debug::.*cache write denied: read-only token/);
    expect(server.entries()).toEqual([]);
  });

  test("a service that never answers is `unavailable` / `failed` at the deadline", async () => {
    await fill(dir, { "x.whl": "x" });
    server.setFault({ route: "GetCacheEntryDownloadURL", hang: true });
    // The deadline, not the service, ended each call: the warnings say so.
    const restored = await cache().restore({ dir, key: "wheels-k1" });
    expect(restored).toEqual({
      status: "unavailable",
      warning: "cache restore of wheels-k1: cache service did not answer within 2 s",
    });
    server.clearFaults();
    server.setFault({ route: "CreateCacheEntry", hang: true });
    const saved = await cache().save({ dir, key: "wheels-k1" });
    expect(saved).toMatchObject({ status: "failed", warning: expect.stringMatching(/within 2 s/) });
  });

  test("a truncated download is `unavailable` and leaves no partial files", async () => {
    // Incompressible, so that half the archive still holds some complete files.
    const files: Record<string, Buffer> = {};
    for (const n of [1, 2, 3, 4, 5, 6]) files[`w${n}.whl`] = randomBytes(200_000);
    await fill(dir, files);
    expect(await cache().save({ dir, key: "wheels-k1" })).toEqual({ status: "saved" });
    await rm(dir, { recursive: true });
    server.setFault({ route: "blob-get", truncate: true });
    const result = await cache().restore({ dir, key: "wheels-k1" });
    expect(result).toMatchObject({ status: "unavailable" });
    // The real client does extract what it got: tar fails on the truncated stream only after
    // writing the first files. The backend takes those back out.
    expect(result.status === "unavailable" && result.warning).toMatch(
      /could not be downloaded or extracted .*removed [1-9]\d* partially restored/,
    );
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  test("ACTIONS_CACHE_MODE restrictions are reported and no request is made", async () => {
    await fill(dir, { "x.whl": "x" });
    process.env.ACTIONS_CACHE_MODE = "read";
    const saved = await cache().save({ dir, key: "wheels-k1" });
    expect(saved).toMatchObject({ status: "failed", warning: expect.stringMatching(/mode=read/i) });
    process.env.ACTIONS_CACHE_MODE = "write-only";
    const restored = await cache().restore({ dir, key: "wheels-k1" });
    expect(restored).toMatchObject({ status: "unavailable" });
    expect(server.requests()).toEqual([]);
  });

  test("no cache service configured: `unavailable` / `failed`", async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    const restored = await cache().restore({ dir, key: "wheels-k1" });
    expect(restored).toMatchObject({ status: "unavailable", warning: /not available/ });
    const saved = await cache().save({ dir, key: "wheels-k1" });
    expect(saved).toMatchObject({ status: "failed", warning: /not available/ });
  });

  test("a missing directory is a failed save; a bad key is a bug and throws", async () => {
    const saved = await cache().save({ dir, key: "wheels-k1" });
    expect(saved).toMatchObject({ status: "failed", warning: /Path Validation Error/ });
    await expect(cache().restore({ dir, key: "a,b" })).rejects.toThrow(/commas/);
  });
});
