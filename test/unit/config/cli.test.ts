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
      const help = read(spec.name, "--help");
      expect(help).toEqual(read("help", spec.name));
      expect(help).toEqual(read(spec.name, "-h", "--bogus"));
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
    [["frobnicate"], 'unknown command "frobnicate": the commands are build, keys, diff'],
    [["help", "frobnicate"], "no such command: frobnicate"],
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
