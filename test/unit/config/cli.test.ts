import { describe, expect, test } from "vitest";
import { readCliConfig } from "../../../src/config/cli.js";
import { UserError } from "../../../src/errors.js";

const read = (...argv: string[]) => readCliConfig(argv, {}, "/work/proj");

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
      projectDir: "/work/proj/sub",
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
