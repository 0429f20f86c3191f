import { UserError } from "../errors.js";

const UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 2 ** 10,
  m: 1e6,
  mb: 1e6,
  mib: 2 ** 20,
  g: 1e9,
  gb: 1e9,
  gib: 2 ** 30,
  t: 1e12,
  tb: 1e12,
  tib: 2 ** 40,
};

/**
 * A size in bytes from `500M`, `2GB`, `1.5G`, `800MiB` or `1000000`: decimal units as
 * `formatSize` prints them (k, M, G, T), binary ones with `i`; case does not matter.
 */
export function parseSize(text: string, input: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new UserError(
      `${input}: expected a size such as 500M, 2G or 800MiB, got ${JSON.stringify(text)}`,
    );
  }
  return Math.floor(Number(match[1]) * unit);
}

/** A number of days, 0 or more (`7`, `0.5`). */
export function parseDays(text: string, input: string): number {
  const days = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(days)) {
    throw new UserError(`${input}: expected a number of days, got ${JSON.stringify(text)}`);
  }
  return days;
}
