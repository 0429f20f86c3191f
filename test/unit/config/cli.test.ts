import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CliRequest, readCliConfig } from "../../../src/config/cli.js";
import { COMMANDS, commandSpec, FLAGS } from "../../../src/config/cli-commands.js";
import { UserError } from "../../../src/errors.js";
import { VERSION } from "../../../src/shared/version.js";

const CWD = "/work/here";
const read = (...argv: string[]) => readCliConfig(argv, {}, CWD);

function pipeline(request: CliRequest) {
  if (request.kind !== "pipeline") throw new Error(`expected a pipeline request: ${request.kind}`);
  return request;
}

/** The one-line UserError `argv` gives. */
function refusal(...argv: string[]): string {
  try {
    read(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

describe("readCliConfig", () => {
  it("reads build's flags into one config, paths resolved against the working directory", () => {
    const { config, exitCode } = pipeline(
      read(
        "build",
        "--project",
        "proj",
        "--cache-dir=cache",
        "--cache-key",
        "a.c",
        "--cache-key",
        "b.c",
        "--env-var",
        "X,Y_*",
        "--no-save",
        "--result-file",
        "out/leg.json",
        "--json",
      ),
    );
    expect(exitCode).toBe(false);
    expect(config).toMatchObject({
      command: "build",
      projectDir: path.join(CWD, "proj"),
      projectDisplay: "proj",
      wheelDir: path.join(CWD, "proj", "dist"),
      cacheDir: path.join(CWD, "cache"),
      resultFile: path.join(CWD, "out", "leg.json"),
      envVars: ["X", "Y_*"],
      save: false,
      saveOff: { kind: "input", flag: "--no-save" },
      lookupOnly: false,
      json: true,
    });
    expect(config.extraKeys).toHaveLength(2);
  });

  it("makes diff a lookup, with --exit-code", () => {
    const request = pipeline(read("diff", "--exit-code"));
    expect(request.config).toMatchObject({ command: "diff", lookupOnly: true });
    expect(request.exitCode).toBe(true);
  });

  it("reads the cache commands and the size limit after a save", () => {
    expect(read("cache", "ls", "--json")).toEqual({
      kind: "cache-ls",
      cacheDir: undefined,
      env: {},
      json: true,
    });
    expect(read("cache", "prune", "--max-size", "2G", "--max-age=7", "--cache-dir", "c")).toEqual({
      kind: "cache-prune",
      cacheDir: path.join(CWD, "c"),
      env: {},
      maxBytes: 2e9,
      maxAgeDays: 7,
      json: false,
    });
    expect(pipeline(read("build", "--max-cache-size", "500M")).maxCacheBytes).toBe(500e6);
    const env = { WHEEL_CACHE_MAX_SIZE: "1G" };
    expect(pipeline(readCliConfig(["build"], env, CWD)).maxCacheBytes).toBe(1e9);
    expect(pipeline(readCliConfig(["diff"], env, CWD)).maxCacheBytes).toBeUndefined();
    expect(() => readCliConfig(["build"], { WHEEL_CACHE_MAX_SIZE: "lots" }, CWD)).toThrow(
      /^WHEEL_CACHE_MAX_SIZE: expected a size/,
    );
  });

  it.each([
    [["--version"], { kind: "version" }],
    [["build", "--version"], { kind: "version" }],
    [["--help"], { kind: "help", usage: false }],
    [["-h"], { kind: "help", usage: false }],
    [[], { kind: "help", usage: true }],
    [["help"], { kind: "help" }],
  ])("%j asks for %j", (argv, expected) => {
    expect(read(...argv)).toMatchObject(expected);
  });

  it("gives each command's help with its own flags: build --help, help build, -h", () => {
    for (const spec of COMMANDS) {
      const words = spec.name.split(" ");
      const help = read(...words, "--help");
      expect(help).toEqual(read("help", ...words));
      expect(help).toEqual(read(...words, "-h", "--bogus"));
      const text = help.kind === "help" ? help.text : "";
      expect(text).toMatch(new RegExp(`^usage: wheel-cache ${spec.name} `));
      for (const name of Object.keys(FLAGS)) {
        if (name === "help" || name === "version") continue;
        const listed = new RegExp(`^  --${name}\\b`, "m").test(text);
        expect(listed, `${spec.name} --help lists --${name}`).toBe(
          (spec.flags as readonly string[]).includes(name),
        );
      }
    }
    const diff = read("diff", "--help");
    expect(diff.kind === "help" && diff.text).toContain("--exit-code");
  });

  it("lists every command and the exit statuses in the general help", () => {
    const help = read("--help");
    const text = help.kind === "help" ? help.text : "";
    for (const spec of COMMANDS) expect(text).toContain(`  ${spec.name} `);
    expect(read("cache", "--help")).toEqual(read("help", "cache"));
    expect(read("help", "cache")).toMatchObject({
      kind: "help",
      text: expect.stringContaining("usage: wheel-cache cache prune"),
    });
    expect(text).toMatch(/exit status:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}4 /);
  });

  it.each([
    [["build", "--bogus"], "unknown flag --bogus (see wheel-cache build --help)"],
    [["build", "--projct", "x"], "unknown flag --projct: did you mean --project?"],
    [["keys", "--no-save"], "--no-save is a flag of wheel-cache build, not of wheel-cache keys"],
    [["build", "-x"], "unknown flag -x"],
    [["build", "--project"], "--project needs a value: DIR"],
    [["build", "--project", "--json"], "write --project=--json"],
    [["build", "--json=yes"], "--json takes no value"],
    [["build", "--python", "a", "--python", "b"], "--python is given twice"],
    [["build", "extra"], 'unexpected argument "extra"'],
    [
      ["frobnicate"],
      'unknown command "frobnicate": the commands are build, keys, diff, uv-keys, check, report, cache',
    ],
    [["help", "frobnicate"], "no such command: frobnicate"],
    [["cache"], "the cache command takes ls or prune, got nothing"],
    [["cache", "rm"], 'the cache command takes ls or prune, got "rm"'],
    [["cache", "prune"], "cache prune needs --max-size SIZE, --max-age DAYS or both"],
    [
      ["cache", "prune", "--max-size", "lots"],
      '--max-size: expected a size such as 500M, 2G or 800MiB, got "lots"',
    ],
    [["cache", "ls", "--project", "x"], "--project is a flag of"],
    [["report"], "report needs a FILE_OR_DIR (see wheel-cache report --help)"],
  ])("refuses %j in one line of its own words", (argv, message) => {
    const text = refusal(...argv);
    expect(text).toContain(message);
    // Node's own parser text quotes unevenly ('-- "--bogus"'); ours never does.
    expect(text).not.toMatch(/To specify a positional argument/);
  });

  it("knows every flag a command lists", () => {
    for (const spec of COMMANDS) {
      for (const flag of spec.flags) expect(FLAGS).toHaveProperty(flag);
    }
    expect(commandSpec("nope")).toBeUndefined();
  });
});

describe("VERSION", () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe("uv-keys and check flags", () => {
  it("uv-keys takes --write, --force and --trace", () => {
    expect(pipeline(read("uv-keys")).config.uvKeys).toEqual({
      write: false,
      force: false,
      trace: false,
    });
    expect(pipeline(read("uv-keys", "--write", "--force", "--trace")).config.uvKeys).toEqual({
      write: true,
      force: true,
      trace: true,
    });
    expect(pipeline(read("check", "--project", "sub")).config).toMatchObject({
      command: "check",
      projectDir: "/work/here/sub",
      uvKeys: undefined,
    });
  });

  it.each([
    [["keys", "--write"], "--write is a flag of wheel-cache uv-keys, not of wheel-cache keys"],
    [["check", "--trace"], "--trace is a flag of wheel-cache uv-keys, not of wheel-cache check"],
    [["uv-keys", "--force"], "--force needs --write"],
    [["uv-keys", "--trace", "--no-trace"], "--trace and --no-trace exclude each other"],
  ])("%j is a UserError: %s", (argv, message) => {
    expect(() => read(...argv)).toThrow(UserError);
    expect(() => read(...argv)).toThrow(message);
  });
});

describe("--build-timeout", () => {
  it("seconds become milliseconds; no flag, no limit", () => {
    expect(pipeline(read("build", "--build-timeout", "600")).config.buildTimeoutMs).toBe(600_000);
    expect(pipeline(read("build", "--build-timeout=0.25")).config.buildTimeoutMs).toBe(250);
    expect(pipeline(read("build")).config.buildTimeoutMs).toBeUndefined();
  });

  it.each(["0", "-5", "ten", ""])("%j is refused in one line", (value) => {
    const parse = () => read("build", `--build-timeout=${value}`);
    if (value === "") {
      expect(pipeline(parse()).config.buildTimeoutMs).toBeUndefined();
      return;
    }
    expect(parse).toThrow(UserError);
    expect(parse).toThrow(
      `--build-timeout: expected a positive number of seconds, got ${JSON.stringify(value)}`,
    );
  });

  it("without a value it is an error pointing at --help", () => {
    expect(() => read("build", "--build-timeout")).toThrow(
      /--build-timeout needs a value.*see wheel-cache build --help/,
    );
  });
});

describe("--build-command on each platform", () => {
  const command = (platform: NodeJS.Platform, text: string) =>
    pipeline(readCliConfig(["build", "--build-command", text], {}, CWD, platform)).config;

  it("Windows splits as Windows does, elsewhere as a POSIX shell", () => {
    const text = String.raw`python -m build -o C:\out\dist`;
    expect(command("win32", text)).toMatchObject({
      buildCommand: ["python", "-m", "build", "-o", String.raw`C:\out\dist`],
      platform: "win32",
    });
    expect(command("linux", text).buildCommand).toEqual([
      "python",
      "-m",
      "build",
      "-o",
      "C:outdist",
    ]);
  });
});
