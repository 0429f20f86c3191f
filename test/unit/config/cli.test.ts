import { describe, expect, test } from "vitest";
import { readCliConfig } from "../../../src/config/cli.js";
import { UserError } from "../../../src/errors.js";

const read = (...argv: string[]) => readCliConfig(argv, {}, "/work/project");

describe("--build-timeout", () => {
  test("seconds become milliseconds; no flag, no limit", () => {
    expect(read("build", "--build-timeout", "600")?.buildTimeoutMs).toBe(600_000);
    expect(read("build", "--build-timeout=0.25")?.buildTimeoutMs).toBe(250);
    expect(read("build")?.buildTimeoutMs).toBeUndefined();
  });

  test.each(["0", "-5", "ten", ""])("%j is refused in one line", (value) => {
    const parse = () => read("build", `--build-timeout=${value}`);
    if (value === "") {
      expect(parse()?.buildTimeoutMs).toBeUndefined();
      return;
    }
    expect(parse).toThrow(UserError);
    expect(parse).toThrow(
      `--build-timeout: expected a positive number of seconds, got ${JSON.stringify(value)}`,
    );
  });

  test("without a value it is an error pointing at --help", () => {
    expect(() => read("build", "--build-timeout")).toThrow(
      /--build-timeout.*see wheel-cache --help/,
    );
  });
});
