import { describe, expect, it } from "vitest";
import { parseDays, parseSize } from "../../../src/config/size.js";
import { UserError } from "../../../src/errors.js";

describe("parseSize", () => {
  it.each([
    ["1000000", 1_000_000],
    ["500M", 500e6],
    ["500MB", 500e6],
    ["2g", 2e9],
    ["1.5G", 1.5e9],
    ["800MiB", 800 * 2 ** 20],
    ["10 kB", 10_000],
    ["0", 0],
  ])("%s is %d bytes", (text, bytes) => {
    expect(parseSize(text, "--max-size")).toBe(bytes);
  });

  it.each(["", "big", "-1G", "10x", "1e9", "G"])("refuses %j naming the input", (text) => {
    expect(() => parseSize(text, "WHEEL_CACHE_MAX_SIZE")).toThrow(UserError);
    expect(() => parseSize(text, "WHEEL_CACHE_MAX_SIZE")).toThrow(
      /^WHEEL_CACHE_MAX_SIZE: expected a size/,
    );
  });
});

describe("parseDays", () => {
  it("reads whole and fractional days", () => {
    expect(parseDays("7", "--max-age")).toBe(7);
    expect(parseDays("0.5", "--max-age")).toBe(0.5);
  });

  it.each(["", "-1", "week", "1d"])("refuses %j", (text) => {
    expect(() => parseDays(text, "--max-age")).toThrow(/^--max-age: expected a number of days/);
  });
});
