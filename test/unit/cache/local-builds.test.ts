import { readdir, utimes } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { writeEntry } from "../../../src/cache/entry.js";
import { LocalCache } from "../../../src/cache/local.js";
import { IN_USE_MS, listBuilds, pruneBuilds } from "../../../src/cache/local-builds.js";
import { makeManifest, makeWheel } from "../../support/result.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

let root: string;
let cache: LocalCache;

beforeEach(() => {
  root = makeTempDir("wheel-cache-local-builds-");
  cache = new LocalCache(path.join(root, "cache"));
});

const DAY = 86_400_000;

/**
 * Saves a build as the pipeline does: a wheels entry (manifest and a wheel of `bytes` bytes) and a
 * manifest entry beside it, both recording the wheels entry's key; then dates both `daysAgo`.
 */
async function saveBuild(name: string, bytes: number, daysAgo: number): Promise<void> {
  const wheel = path.join(root, `${name}-1.0-py3-none-any.whl`);
  writeTree(root, { [path.basename(wheel)]: "w".repeat(bytes) });
  const manifest = makeManifest(undefined, {
    wheels: [{ ...makeWheel(path.basename(wheel)), size: bytes }],
    build: { seconds: 30, command: ["build"] },
    wheelsKey: `wc-${name}-0`,
  });
  const dir = path.join(root, `stage-${name}`);
  await writeEntry(dir, manifest, [wheel]);
  expect(await cache.save({ dir, key: `wc-${name}-0` })).toEqual({ status: "saved" });
  await writeEntry(dir, manifest);
  expect(await cache.save({ dir, key: `wc-manifest-${name}-0` })).toEqual({ status: "saved" });
  await age(`wc-${name}-0`, daysAgo);
  await age(`wc-manifest-${name}-0`, daysAgo);
}

/** Sets when an entry was last used. */
async function age(key: string, daysAgo: number): Promise<void> {
  const entry = (await cache.list()).find((e) => e.key === key)!;
  const when = new Date(Date.now() - daysAgo * DAY);
  await utimes(path.join(entry.path, "entry.json"), when, when);
}

const keys = async () => (await cache.list()).map((e) => e.key).sort();

describe("the local cache's builds", () => {
  test("pair each wheels entry with its manifest entry, least recently used first", async () => {
    await saveBuild("new", 1000, 1);
    await saveBuild("old", 2000, 5);
    writeTree(path.join(root, "cache", "v1", "entries", "junk"), { "entry.json": "not json" });
    const builds = await listBuilds(cache);
    expect(builds.map((b) => [b.key, b.entries.map((e) => e.key), b.wheels])).toEqual([
      ["wc-old-0", ["wc-old-0", "wc-manifest-old-0"], ["old-1.0-py3-none-any.whl"]],
      ["wc-new-0", ["wc-new-0", "wc-manifest-new-0"], ["new-1.0-py3-none-any.whl"]],
    ]);
    expect(builds[0]!.bytes).toBeGreaterThan(2000);
    expect(builds[0]!.buildSeconds).toBe(30);
  });

  test("a restore marks a build used, so it moves to the end of the line", async () => {
    await saveBuild("a", 10, 3);
    await saveBuild("b", 10, 2);
    expect((await listBuilds(cache)).map((b) => b.key)).toEqual(["wc-a-0", "wc-b-0"]);
    const into = path.join(root, "restored");
    expect(await cache.restore({ dir: into, key: "wc-a-0" })).toMatchObject({ status: "hit" });
    expect((await listBuilds(cache)).map((b) => b.key)).toEqual(["wc-b-0", "wc-a-0"]);
  });

  test("prune by size removes whole builds, least recently used first, down to the limit", async () => {
    await saveBuild("a", 4000, 3);
    await saveBuild("b", 4000, 2);
    await saveBuild("c", 4000, 1);
    const before = await listBuilds(cache);
    const limit = before[2]!.bytes + before[1]!.bytes;
    const outcome = await pruneBuilds(cache, { maxBytes: limit });
    expect(outcome.removed.map((b) => b.key)).toEqual(["wc-a-0"]);
    expect(outcome.kept.map((b) => b.key)).toEqual(["wc-b-0", "wc-c-0"]);
    expect(await keys()).toEqual(["wc-b-0", "wc-c-0", "wc-manifest-b-0", "wc-manifest-c-0"]);
    // Removed entries leave nothing behind in the cache directory.
    expect(await readdir(path.join(root, "cache", "v1", "tmp"))).toEqual([]);
  });

  test("prune by age removes builds unused for longer; both limits apply together", async () => {
    await saveBuild("a", 10, 10);
    await saveBuild("b", 10, 4);
    await saveBuild("c", 5000, 1);
    expect((await pruneBuilds(cache, { maxAgeDays: 7 })).removed.map((b) => b.key)).toEqual([
      "wc-a-0",
    ]);
    const outcome = await pruneBuilds(cache, { maxAgeDays: 7, maxBytes: 1000 });
    expect(outcome.removed.map((b) => b.key)).toEqual(["wc-b-0", "wc-c-0"]);
    expect(await keys()).toEqual([]);
  });

  test("builds used in the last minute stay, even over the limit", async () => {
    await saveBuild("old", 10, 2);
    await saveBuild("fresh", 10, 0);
    const outcome = await pruneBuilds(cache, { maxBytes: 0 });
    expect(outcome.removed.map((b) => b.key)).toEqual(["wc-old-0"]);
    expect(outcome.inUse.map((b) => b.key)).toEqual(["wc-fresh-0"]);
    expect(await keys()).toEqual(["wc-fresh-0", "wc-manifest-fresh-0"]);
    // Once the minute has passed it goes too.
    const later = Date.now() + IN_USE_MS + 1000;
    expect((await pruneBuilds(cache, { maxBytes: 0 }, later)).removed).toHaveLength(1);
  });

  test("prunes running at once, beside saves, leave every build whole or gone", async () => {
    for (const name of ["a", "b", "c", "d"]) await saveBuild(name, 2000, 2);
    const saves = ["e", "f"].map((name) => saveBuild(name, 2000, 0));
    const prunes = [1, 2, 3].map(() => pruneBuilds(cache, { maxBytes: 0 }));
    await Promise.all([...saves, ...prunes]);
    const left = await keys();
    for (const key of left.filter((k) => !k.includes("manifest"))) {
      expect(left).toContain(key.replace("wc-", "wc-manifest-"));
    }
    expect(left).toEqual(expect.arrayContaining(["wc-e-0", "wc-f-0"]));
    expect(left.filter((k) => /-[abcd]-0$/.test(k))).toEqual([]);
  });

  test("an absent cache lists no builds and prunes nothing", async () => {
    expect(await listBuilds(cache)).toEqual([]);
    expect(await pruneBuilds(cache, { maxBytes: 0 })).toEqual({
      removed: [],
      kept: [],
      inUse: [],
    });
  });
});
