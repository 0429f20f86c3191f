import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { ResultJson } from "../../src/report/terminal.js";
import { tail } from "../support/action-output.js";
import { buildArgs } from "./fixture.js";
import { cli, json, type SpawnOptions } from "./run.js";

/**
 * The local cache as the CLI keeps it (see src/cache/local.ts): `<cache>/v1/entries/<sha256 of
 * the key>/` holds `entry.json` and `data/` (`manifest.json`, `wheels/*.whl`); saves are staged
 * in `<cache>/v1/tmp/`.
 */

/** The `data/` directory of the entry saved under `key`. */
export function entryData(cache: string, key: string): string {
  const name = createHash("sha256").update(key).digest("hex");
  return path.join(cache, "v1", "entries", name, "data");
}

/** The names in one of the cache's directories (`entries`, `tmp`); empty when it is absent. */
export function listCache(cache: string, sub: "entries" | "tmp"): string[] {
  const dir = path.join(cache, "v1", sub);
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** `build --json` in `cwd` with the local cache `cache`; expects exit 0 and returns the JSON. */
export async function buildOk(
  cwd: string,
  cache: string,
  build?: string,
  options: Partial<SpawnOptions> = {},
): Promise<ResultJson> {
  const result = await cli(buildArgs(cache, build), { cwd, ...options });
  expect(result.code, tail(result)).toBe(0);
  return json<ResultJson>(result);
}

/** The sha256 of a file. */
export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The one wheel of a result, as its path and sha256. */
export function theWheel(result: ResultJson): { path: string; sha256: string } {
  expect(result.wheels).toHaveLength(1);
  const wheel = result.wheels[0]!;
  return { path: wheel, sha256: sha256(wheel) };
}
