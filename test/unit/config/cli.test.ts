import { describe, expect, test } from "vitest";
import { readCliConfig } from "../../../src/config/cli.js";
import { UserError } from "../../../src/errors.js";

const read = (...argv: string[]) => readCliConfig(argv, {}, "/work/project");

describe("uv-keys and check flags", () => {
  test("uv-keys takes --write, --force and --trace", () => {
    expect(read("uv-keys")?.uvKeys).toEqual({ write: false, force: false, trace: false });
    expect(read("uv-keys", "--write", "--force", "--trace")?.uvKeys).toEqual({
      write: true,
      force: true,
      trace: true,
    });
    expect(read("check", "--project", "sub")).toMatchObject({
      command: "check",
      projectDir: "/work/project/sub",
      uvKeys: undefined,
    });
  });

  test.each([
    [["keys", "--write"], "--write applies to uv-keys only"],
    [["check", "--trace"], "--trace applies to uv-keys only"],
    [["uv-keys", "--force"], "--force needs --write"],
    [["uv-keys", "--trace", "--no-trace"], "--trace and --no-trace exclude each other"],
  ])("%j is a UserError: %s", (argv, message) => {
    expect(() => read(...argv)).toThrow(UserError);
    expect(() => read(...argv)).toThrow(message);
  });
});

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
