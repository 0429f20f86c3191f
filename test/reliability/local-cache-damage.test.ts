import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect } from "vitest";
import type { ResultJson } from "../../src/report/terminal.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { reliabilityCase } from "./cases.js";
import { cacheDir, project } from "./fixture.js";
import { buildOk, entryData, sha256, theWheel } from "./local.js";

// Damaged entries in the CLI's local cache. Whatever the damage, the next run ends with a correct
// wheel: a hit only when every wheel matches its recorded sha256, otherwise a rebuild that says why.

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

interface Damaged {
  /** The built (first) result, and the entry's data directory. */
  readonly first: ResultJson;
  readonly data: string;
  readonly dir: string;
  readonly cache: string;
}

/** Builds and caches the example, damages the entry, then builds again. */
async function afterDamage(damage: (entry: Damaged) => void): Promise<ResultJson & Damaged> {
  const dir = await project();
  const cache = cacheDir();
  const first = await buildOk(dir, cache);
  expect(first.save).toEqual({ status: "saved" });
  const damaged = { first, data: entryData(cache, first.cacheKey), dir, cache };
  damage(damaged);
  rmSync(path.join(dir, "dist"), { recursive: true });
  return { ...(await buildOk(dir, cache)), ...damaged };
}

const wheelIn = (data: string) => {
  const names = readdirSync(path.join(data, "wheels"));
  return path.join(data, "wheels", names[0]!);
};

/** Rebuilt with a warning matching `said`, and the wheel left in dist/ is a whole wheel. */
function expectRebuilt(result: ResultJson & Damaged, said: RegExp): void {
  expect(result).toMatchObject({ cacheHit: false, built: true });
  expect(result.warnings.join("\n")).toMatch(said);
  expect(result.reason).toMatch(/^rebuilt: /);
  const wheel = theWheel(result);
  // A zip ends with its end-of-central-directory record.
  expect(readFileSync(wheel.path).subarray(-22, -18).toString("latin1")).toBe("PK\x05\x06");
}

reliabilityCase("local-cache", "a truncated wheel in the entry", async () => {
  const result = await afterDamage(({ data }) => truncateSync(wheelIn(data), 100));
  expectRebuilt(result, /the cached wheel .* does not match its recorded sha256: rebuilding/);
});

reliabilityCase("local-cache", "a damaged entry is replaced by the rebuild", async () => {
  const result = await afterDamage(({ data }) => truncateSync(wheelIn(data), 100));
  expectRebuilt(result, /does not match its recorded sha256/);
  expect(result.save).toEqual({ status: "saved" });
  rmSync(path.join(result.dir, "dist"), { recursive: true });
  const next = await buildOk(result.dir, result.cache);
  expect(next).toMatchObject({ cacheHit: true, built: false, warnings: [] });
  expect(theWheel(next).sha256).toBe(theWheel(result).sha256);
});

reliabilityCase("local-cache", "a wheel with one byte flipped, same size", async () => {
  let flipped = "";
  const result = await afterDamage(({ data }) => {
    const file = wheelIn(data);
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
    writeFileSync(file, bytes);
    flipped = sha256(file);
  });
  expectRebuilt(result, /does not match its recorded sha256/);
  expect(theWheel(result).sha256).not.toBe(flipped);
});

reliabilityCase("local-cache", "a manifest that is not JSON", async () => {
  const result = await afterDamage(({ data, first, cache }) => {
    writeFileSync(path.join(data, "manifest.json"), "{ not json");
    const manifestKey = first.cacheKey.replace(/^wheel-cache-/, "wheel-cache-manifest-");
    writeFileSync(path.join(entryData(cache, manifestKey), "manifest.json"), "\u0000\u0001");
  });
  expectRebuilt(result, /the cached entry has no readable manifest: rebuilding/);
});

reliabilityCase("local-cache", "a manifest recorded for another fingerprint", async () => {
  const result = await afterDamage(({ data }) => {
    const file = path.join(data, "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { fingerprint: string };
    writeFileSync(file, JSON.stringify({ ...manifest, fingerprint: "0".repeat(64) }));
  });
  expectRebuilt(result, /the cached entry was built for another fingerprint: rebuilding/);
});

reliabilityCase("local-cache", "an entry whose wheels are missing", async () => {
  const result = await afterDamage(({ data }) =>
    rmSync(path.join(data, "wheels"), { recursive: true }),
  );
  expectRebuilt(result, /the cached wheel .* is missing: rebuilding/);
});

reliabilityCase("local-cache", "an entry whose data directory is missing", async () => {
  const result = await afterDamage(({ data }) => rmSync(data, { recursive: true }));
  expect(result).toMatchObject({ cacheHit: false, built: true });
  expect(result.warnings.join("\n")).toMatch(/could not restore cache entry/);
  theWheel(result);
});

reliabilityCase("local-cache", "an entry without its entry.json", async () => {
  const result = await afterDamage(({ data }) => rmSync(path.join(data, "..", "entry.json")));
  // Without its key file the entry is invisible: a plain miss, and the rebuild takes its place.
  expect(result).toMatchObject({ cacheHit: false, built: true, save: { status: "saved" } });
  rmSync(path.join(result.dir, "dist"), { recursive: true });
  expect(await buildOk(result.dir, result.cache)).toMatchObject({ cacheHit: true, built: false });
});

reliabilityCase("local-cache", "an undamaged entry is a verified hit", async () => {
  const result = await afterDamage(() => undefined);
  expect(result).toMatchObject({ cacheHit: true, built: false, warnings: [] });
  expect(theWheel(result).sha256).toBe(sha256(wheelIn(result.data)));
});
