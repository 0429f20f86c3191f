import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { readActionConfig } from "../../../src/config/action.js";
import { UserError } from "../../../src/errors.js";

// The action's inputs arrive as INPUT_<NAME> variables, as the runner sets them.

const WORKSPACE = path.resolve("/work/space");

function withInputs(inputs: Record<string, string>) {
  for (const [name, value] of Object.entries(inputs))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
  return readActionConfig({ GITHUB_WORKSPACE: WORKSPACE, GITHUB_EVENT_NAME: "push" });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const FLAGS = [
  ["lookup-only", "lookupOnly"],
  ["save", "save"],
  ["summary", "summary"],
  ["include-ignored", "includeIgnored"],
  ["trace", "trace"],
] as const;

describe("boolean inputs", () => {
  const spellings: [string, boolean][] = [
    ["true", true],
    ["True", true],
    ["yes", true],
    ["YES", true],
    ["on", true],
    ["On", true],
    ["1", true],
    ["false", false],
    ["FALSE", false],
    ["no", false],
    ["off", false],
    ["Off", false],
    ["0", false],
    [" yes ", true],
  ];
  for (const [input, field] of FLAGS) {
    test.each(spellings)(`${input}: %j → %s`, (value, expected) => {
      expect(withInputs({ [input]: value })[field]).toBe(expected);
    });
  }

  test.each(["maybe", "y", "2", "enabled", "true false"])("%j is refused in one line", (value) => {
    for (const [input] of FLAGS) {
      const read = () => withInputs({ [input]: value });
      expect(read).toThrow(UserError);
      expect(read).toThrow(
        `input ${input}: expected true or false (or yes/no, on/off, 1/0, in any case), got ${JSON.stringify(value)}`,
      );
      vi.unstubAllEnvs();
    }
  });

  test("a long or multi-line value is shown short, on one line", () => {
    const read = () => withInputs({ save: `${"x".repeat(100)}\nmore` });
    expect(read).toThrow(/got "x{40}…"$/);
  });

  test("empty inputs take the defaults", () => {
    expect(withInputs({})).toMatchObject({
      lookupOnly: false,
      save: true,
      summary: true,
      includeIgnored: false,
      trace: true,
    });
  });
});

describe("paths", () => {
  test.each(["..", "../other", "/elsewhere", "a/../../b"])(
    "project %j outside the workspace names the project input",
    (project) => {
      const read = () => withInputs({ project });
      expect(read).toThrow(UserError);
      expect(read).toThrow(`input project: ${project} is outside the workspace ${WORKSPACE}`);
    },
  );

  test("wheel-dir outside the workspace names wheel-dir", () => {
    expect(() => withInputs({ "wheel-dir": "../../out" })).toThrow(
      /^input wheel-dir: \.\.\/\.\.\/out is outside the workspace/,
    );
  });
});

describe("build-timeout", () => {
  test.each([
    ["90", 90_000],
    ["1.5", 1_500],
    ["", undefined],
  ])("%j → %s ms", (value, ms) => {
    expect(withInputs({ "build-timeout": value }).buildTimeoutMs).toBe(ms);
  });

  test.each(["0", "-1", "soon", "1h", "Infinity"])("%j is refused in one line", (value) => {
    expect(() => withInputs({ "build-timeout": value })).toThrow(
      `input build-timeout: expected a positive number of seconds, got ${JSON.stringify(value)}`,
    );
  });
});

describe("build-command on each platform", () => {
  const read = (value: string, platform: NodeJS.Platform) => {
    vi.stubEnv("INPUT_BUILD-COMMAND", value);
    return readActionConfig({ GITHUB_WORKSPACE: WORKSPACE }, "all", platform);
  };

  test("Windows splits as Windows does: backslashes are path separators", () => {
    expect(read(String.raw`python -m build --outdir C:\Users\me\dist`, "win32")).toMatchObject({
      buildCommand: ["python", "-m", "build", "--outdir", String.raw`C:\Users\me\dist`],
      platform: "win32",
    });
  });

  test("Linux and macOS split as a POSIX shell does", () => {
    for (const platform of ["linux", "darwin"] as const) {
      expect(read(String.raw`tool a\ b 'c d'`, platform).buildCommand).toEqual([
        "tool",
        "a b",
        "c d",
      ]);
    }
  });

  test("several lines are one argument each on Windows, words of a shell elsewhere", () => {
    expect(read("tool\n--out\nC:\\my dist\n", "win32").buildCommand).toEqual([
      "tool",
      "--out",
      "C:\\my dist",
    ]);
    for (const platform of ["linux", "darwin"] as const) {
      expect(read("tool\n--out\n'/my dist'\n", platform).buildCommand).toEqual([
        "tool",
        "--out",
        "/my dist",
      ]);
    }
  });
});

describe("restore", () => {
  const read = (inputs: Record<string, string>, env: Record<string, string>) => {
    for (const [name, value] of Object.entries(inputs))
      vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
    return readActionConfig({ GITHUB_WORKSPACE: WORKSPACE, ...env });
  };

  test.each<[Record<string, string>, unknown]>([
    [{ GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/heads/main" }, undefined],
    [{ GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/7/merge" }, undefined],
    [
      { GITHUB_EVENT_NAME: "release", GITHUB_REF: "refs/tags/v1.0" },
      { kind: "event", event: "release" },
    ],
    [{ GITHUB_EVENT_NAME: "workflow_run" }, { kind: "event", event: "workflow_run" }],
    [
      { GITHUB_EVENT_NAME: "push", GITHUB_REF: "refs/tags/v1.0" },
      { kind: "tag", ref: "refs/tags/v1.0" },
    ],
  ])("auto (the default) in %j: %j", (env, off) => {
    expect(read({}, env).restoreOff).toEqual(off);
    vi.unstubAllEnvs();
    expect(read({ restore: "Auto" }, env).restoreOff).toEqual(off);
  });

  test("true restores for a release too; false never restores", () => {
    const release = { GITHUB_EVENT_NAME: "release", GITHUB_REF: "refs/tags/v1.0" };
    expect(read({ restore: "true" }, release).restoreOff).toBeUndefined();
    vi.unstubAllEnvs();
    expect(read({ restore: "false" }, { GITHUB_EVENT_NAME: "push" }).restoreOff).toEqual({
      kind: "input",
    });
  });

  test("saving is decided apart: a release still saves", () => {
    const config = read({}, { GITHUB_EVENT_NAME: "release", GITHUB_REF: "refs/tags/v1.0" });
    expect(config.save).toBe(true);
  });

  test("anything else is refused in one line naming the input", () => {
    expect(() => read({ restore: "sometimes" }, {})).toThrow(
      'input restore: expected auto, true or false (or yes/no, on/off, 1/0, in any case), got "sometimes"',
    );
  });
});
