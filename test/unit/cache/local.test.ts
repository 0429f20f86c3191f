import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { beforeEach, describe, expect, test } from "vitest";
import { defaultCacheDir } from "../../../src/cache/cache-dir.js";
import { LocalCache } from "../../../src/cache/local.js";
import type { SaveResult } from "../../../src/cache/types.js";
import { fill, snapshot } from "../../support/files.js";
import { makeTempDir } from "../../support/tmp.js";

let root: string;
let cacheDir: string;
let dir: string;

beforeEach(() => {
  root = makeTempDir("wheel-cache-local-");
  cacheDir = path.join(root, "cache");
  dir = path.join(root, "wheels");
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const many = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`pkg${i % 4}/w${i}.whl`, `wheel ${i}\n`.repeat(500)]),
);

describe("LocalCache", () => {
  test("round trip of nested dirs; restore replaces same-named files and keeps others", async () => {
    const cache = new LocalCache(cacheDir);
    expect(await cache.restore({ dir, key: "k1" })).toEqual({ status: "miss" });
    await fill(dir, { "a.whl": "a", "sub/deeper/b.whl": "b" });
    expect(await cache.save({ dir, key: "k1" })).toEqual({ status: "saved" });
    await fill(dir, { "a.whl": "stale", "other.txt": "kept" });
    expect(await cache.restore({ dir, key: "k1" })).toEqual({ status: "hit", matchedKey: "k1" });
    expect(await snapshot(dir)).toEqual({
      "a.whl": "a",
      "other.txt": "kept",
      [path.join("sub", "deeper", "b.whl")]: "b",
    });
  });

  test("restore keys are prefixes, tried in order, newest first; exact beats prefix", async () => {
    const cache = new LocalCache(cacheDir);
    for (const key of ["p-1", "p-2", "q-1"]) {
      await fill(dir, { "which.txt": key });
      await cache.save({ dir, key });
      await tick();
    }
    await rm(dir, { recursive: true });
    const restore = (key: string, restoreKeys: string[]) =>
      cache.restore({ dir, key, restoreKeys });
    expect(await restore("p-3", ["p-"])).toEqual({ status: "hit", matchedKey: "p-2" });
    expect(await readFile(path.join(dir, "which.txt"), "utf8")).toBe("p-2");
    expect(await restore("p-1", ["p-"])).toEqual({ status: "hit", matchedKey: "p-1" });
    expect(await restore("x", ["none-", "p-", "q-"])).toEqual({ status: "hit", matchedKey: "p-2" });
    // Only restore keys are prefixes: the primary key must match exactly.
    expect(await restore("p", [])).toEqual({ status: "miss" });
  });

  test("lookupOnly copies nothing", async () => {
    const cache = new LocalCache(cacheDir);
    await fill(dir, { "a.whl": "a" });
    await cache.save({ dir, key: "k1" });
    await rm(dir, { recursive: true });
    const result = await cache.restore({ dir, key: "k1", lookupOnly: true });
    expect(result).toEqual({ status: "hit", matchedKey: "k1" });
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  test("a second save of the same key is `exists` and keeps the first content", async () => {
    const cache = new LocalCache(cacheDir);
    await fill(dir, { "a.whl": "first" });
    expect(await cache.save({ dir, key: "k1" })).toEqual({ status: "saved" });
    await fill(dir, { "a.whl": "second" });
    expect(await cache.save({ dir, key: "k1" })).toEqual({ status: "exists" });
    await rm(dir, { recursive: true });
    await cache.restore({ dir, key: "k1" });
    expect(await snapshot(dir)).toEqual({ "a.whl": "first" });
  });

  const winners = (results: SaveResult[]) => results.filter((r) => r.status === "saved").length;
  async function expectOneCompleteEntry(results: SaveResult[]): Promise<void> {
    expect(winners(results)).toBe(1);
    expect(results.every((r) => r.status === "saved" || r.status === "exists")).toBe(true);
    expect(await readdir(path.join(cacheDir, "v1", "tmp"))).toEqual([]);
    const out = path.join(root, "restored");
    await new LocalCache(cacheDir).restore({ dir: out, key: "k1" });
    expect(await snapshot(out)).toEqual(await snapshot(dir));
  }

  test("8 concurrent saves on one instance and on 8 instances: one saved, all complete", async () => {
    await fill(dir, many);
    const one = new LocalCache(cacheDir);
    await expectOneCompleteEntry(
      await Promise.all(Array.from({ length: 8 }, () => one.save({ dir, key: "k1" }))),
    );
    await rm(cacheDir, { recursive: true });
    const eight = Array.from({ length: 8 }, () =>
      new LocalCache(cacheDir).save({ dir, key: "k1" }),
    );
    await expectOneCompleteEntry(await Promise.all(eight));
  });

  test("8 concurrent saves from 8 processes: one saved, all complete", async () => {
    // Child processes run plain node, so transpile the module (and what it imports) to JS first.
    const out = path.join(root, "js");
    for (const file of ["src/cache/local.ts", "src/cache/types.ts", "src/errors.ts"]) {
      const source = await readFile(path.join(import.meta.dirname, "../../..", file), "utf8");
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file.replace(/\.ts$/, ".js")), js.outputText);
    }
    await writeFile(path.join(out, "package.json"), '{ "type": "module" }');
    const script = `import { LocalCache } from ${JSON.stringify(path.join(out, "src/cache/local.js"))};
      const [cacheDir, dir] = process.argv.slice(1);
      console.log(JSON.stringify(await new LocalCache(cacheDir).save({ dir, key: "k1" })));`;
    await fill(dir, many);
    const run = () =>
      promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, cacheDir, dir]);
    const outputs = await Promise.all(Array.from({ length: 8 }, run));
    await expectOneCompleteEntry(outputs.map((o) => JSON.parse(o.stdout) as SaveResult));
  });

  test("an entry without its key file, or with a bad one, is ignored", async () => {
    const cache = new LocalCache(cacheDir);
    const hash = createHash("sha256").update("k1").digest("hex");
    await fill(path.join(cacheDir, "v1", "entries", hash, "data"), { "a.whl": "partial" });
    await fill(path.join(cacheDir, "v1", "entries", "junk"), { "entry.json": "{not json" });
    expect(await cache.restore({ dir, key: "k1", restoreKeys: ["k"] })).toEqual({ status: "miss" });
  });

  test("a cache dir that cannot be written is `failed` with a warning naming it", async () => {
    await writeFile(path.join(root, "file"), "");
    const cache = new LocalCache(path.join(root, "file", "cache"));
    await fill(dir, { "a.whl": "a" });
    const result = await cache.save({ dir, key: "k1" });
    expect(result).toMatchObject({ status: "failed" });
    expect(result.status === "failed" && result.warning).toContain(
      path.join(root, "file", "cache"),
    );
    const restored = await cache.restore({ dir, key: "k1", restoreKeys: ["k"] });
    expect(restored).toMatchObject({ status: "unavailable", warning: /ENOTDIR/ });
  });

  test("a save removes staging dirs older than an hour and keeps recent ones", async () => {
    const tmp = path.join(cacheDir, "v1", "tmp");
    await fill(path.join(tmp, "save-old"), { "data/x": "x" });
    await fill(path.join(tmp, "save-new"), { "data/x": "x" });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(tmp, "save-old"), twoHoursAgo, twoHoursAgo);
    await fill(dir, { "a.whl": "a" });
    expect(await new LocalCache(cacheDir).save({ dir, key: "k1" })).toEqual({ status: "saved" });
    expect(await readdir(tmp)).toEqual(["save-new"]);
  });

  test("saving a directory that does not exist is `failed`", async () => {
    const result = await new LocalCache(cacheDir).save({ dir, key: "k1" });
    expect(result).toMatchObject({ status: "failed", warning: /ENOENT/ });
    expect(await readdir(path.join(cacheDir, "v1", "tmp"))).toEqual([]);
  });
});

describe("defaultCacheDir", () => {
  test.each([
    [{ WHEEL_CACHE_DIR: "/c", HOME: "/h" }, "linux", "/c"],
    [{ WHEEL_CACHE_DIR: "D:\\c", LOCALAPPDATA: "C:\\L" }, "win32", "D:\\c"],
    [{ XDG_CACHE_HOME: "/x", HOME: "/h" }, "linux", "/x/wheel-cache"],
    [{ XDG_CACHE_HOME: "rel", HOME: "/h" }, "linux", "/h/.cache/wheel-cache"],
    [{ HOME: "/h" }, "linux", "/h/.cache/wheel-cache"],
    [{ HOME: "/h" }, "freebsd", "/h/.cache/wheel-cache"],
    [{ XDG_CACHE_HOME: "/x", HOME: "/Users/u" }, "darwin", "/Users/u/Library/Caches/wheel-cache"],
    [
      { LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" },
      "win32",
      "C:\\Users\\u\\AppData\\Local\\wheel-cache\\Cache",
    ],
    [{ USERPROFILE: "C:\\Users\\u" }, "win32", "C:\\Users\\u\\AppData\\Local\\wheel-cache\\Cache"],
  ] as const)("%o on %s → %s", (env, platform, expected) => {
    expect(defaultCacheDir(env, platform)).toBe(expected);
  });

  test("no home directory at all asks for WHEEL_CACHE_DIR", () => {
    expect(() => defaultCacheDir({}, "linux")).toThrow(/WHEEL_CACHE_DIR/);
    expect(() => defaultCacheDir({ HOME: "/h" }, "win32")).toThrow(/WHEEL_CACHE_DIR/);
  });
});
