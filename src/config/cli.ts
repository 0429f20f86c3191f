import path from "node:path";
import { parseArgs } from "node:util";
import { UserError } from "../errors.js";
import { splitCommandFor } from "../shared/command-line.js";
import {
  COMMANDS,
  type CommandName,
  type CommandSpec,
  commandHelp,
  commandSpec,
  FLAGS,
  type FlagName,
  usage,
} from "./cli-commands.js";
import {
  type Config,
  DEFAULT_KEY_PREFIX,
  HOST_BUILDER,
  keyPart,
  makeConfig,
  names,
  readOrigin,
  seconds,
  WHOLE_LOOP,
} from "./index.js";
import { parseDays, parseSize } from "./size.js";
import { parseCacheKeyLines } from "./uv-entries.js";

/** What one CLI invocation asks for, read and validated once. */
export type CliRequest =
  /** Help on stdout; `usage` when no command was given (then the exit status says so). */
  | { readonly kind: "help"; readonly text: string; readonly usage?: boolean }
  | { readonly kind: "version" }
  | {
      readonly kind: "pipeline";
      readonly config: Config;
      /** `diff --exit-code`: exit 1 when the next build would rebuild. */
      readonly exitCode: boolean;
      /** Prune the local cache to this many bytes after a save. */
      readonly maxCacheBytes?: number;
    }
  | { readonly kind: "report"; readonly paths: readonly string[]; readonly json: boolean }
  | {
      readonly kind: "cache-ls";
      /** undefined for the default location, which `env` decides. */
      readonly cacheDir?: string;
      readonly env: NodeJS.ProcessEnv;
      readonly json: boolean;
    }
  | {
      readonly kind: "cache-prune";
      readonly cacheDir?: string;
      readonly env: NodeJS.ProcessEnv;
      readonly maxBytes?: number;
      readonly maxAgeDays?: number;
      readonly json: boolean;
    };

/** The flags given, by name: a string's values in order, or `true` for a boolean. */
type Given = ReadonlyMap<FlagName, readonly string[] | true>;

/** Parses the CLI's argv (without `node` and the script) into a request. */
export function readCliConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): CliRequest {
  const { tokens } = parseArgs({
    args: [...argv],
    // Every string flag of every command, so that a value is never taken for a command word;
    // which flags a command takes is checked below, in our own words.
    options: Object.fromEntries(
      Object.entries(FLAGS).map(([name, flag]) => [
        name,
        name === "help" ? { type: flag.type, short: "h" } : { type: flag.type },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const words = tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : []));
  const options = tokens.filter((t) => t.kind === "option");
  const asked = (name: string) => options.some((t) => t.name === name);
  const [first, ...rest] = words;
  if (asked("version")) return { kind: "version" };
  if (first === "help") return helpFor(rest);
  if (first === undefined) return { kind: "help", text: usage(), usage: !asked("help") };
  if (asked("help")) return helpFor(words);
  const { spec, operands } = commandOf(first, rest);
  const given = readFlags(spec, options);
  if (spec.operands) {
    if (operands.length < spec.operands.min) {
      throw usageError(spec, `${spec.name} needs a ${spec.operands.name}`);
    }
  } else if (operands.length > 0) {
    throw usageError(spec, `unexpected argument ${JSON.stringify(operands[0])}`);
  }
  if (spec.name === "report") return { kind: "report", paths: operands, json: given.has("json") };
  return request(spec.name, given, env, cwd, platform);
}

function helpFor(words: readonly string[]): CliRequest {
  if (words.length === 0) return { kind: "help", text: usage() };
  const spec = commandSpec(words.join(" ")) ?? commandSpec(words[0]!);
  if (spec) return { kind: "help", text: commandHelp(spec) };
  if (words[0] === "cache") {
    const text = ["cache ls", "cache prune"].map((name) => commandHelp(commandSpec(name)!));
    return { kind: "help", text: text.join("\n\n") };
  }
  throw new UserError(`no such command: ${words.join(" ")} (see wheel-cache --help)`);
}

/** The command the words name (`cache` takes a second word), and its operands. */
function commandOf(first: string, rest: readonly string[]) {
  if (first === "cache") {
    const spec = commandSpec(`cache ${rest[0] ?? ""}`);
    if (!spec) {
      const got = rest[0] === undefined ? "nothing" : JSON.stringify(rest[0]);
      throw new UserError(
        `the cache command takes ls or prune, got ${got} (see wheel-cache help cache)`,
      );
    }
    return { spec, operands: rest.slice(1) };
  }
  const spec = commandSpec(first);
  if (!spec || spec.name.includes(" ")) {
    const known = [...new Set(COMMANDS.map((c) => c.name.split(" ")[0]))].join(", ");
    throw new UserError(`unknown command ${JSON.stringify(first)}: the commands are ${known}`);
  }
  return { spec, operands: rest };
}

type OptionToken = {
  readonly name: string;
  readonly rawName: string;
  readonly value?: string;
  readonly inlineValue?: boolean;
};

/** Each flag checked against the command's own: known, with a value exactly when it takes one. */
function readFlags(spec: CommandSpec, options: readonly OptionToken[]): Given {
  const given = new Map<FlagName, string[] | true>();
  for (const token of options) {
    const name = token.name as FlagName;
    if (!spec.flags.includes(name)) throw usageError(spec, unknownFlag(spec, token.rawName));
    const flag = FLAGS[name];
    if (flag.type === "boolean") {
      if (token.value !== undefined) throw usageError(spec, `${token.rawName} takes no value`);
      given.set(name, true);
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && /^-./.test(value))) {
      const hint =
        value === undefined ? "" : ` (to pass ${value} itself, write ${token.rawName}=${value})`;
      throw usageError(spec, `${token.rawName} needs a value: ${flag.value}${hint}`);
    }
    const previous = given.get(name);
    if (previous && !("multiple" in flag)) {
      throw usageError(spec, `${token.rawName} is given twice`);
    }
    given.set(name, [...(previous === true ? [] : (previous ?? [])), value]);
  }
  return given;
}

/** `unknown flag --projct: did you mean --project?`, or which command a flag belongs to. */
function unknownFlag(spec: CommandSpec, raw: string): string {
  const name = raw.replace(/^-+/, "");
  const near = spec.flags.find((f) => editDistance(f, name) <= 2);
  if (near) return `unknown flag ${raw}: did you mean --${near}?`;
  const owners = COMMANDS.filter((c) => (c.flags as readonly string[]).includes(name));
  if (owners.length > 0) {
    const where = owners.map((c) => `wheel-cache ${c.name}`).join(", ");
    return `${raw} is a flag of ${where}, not of wheel-cache ${spec.name}`;
  }
  return `unknown flag ${raw}`;
}

function usageError(spec: CommandSpec, message: string): UserError {
  return new UserError(`${message} (see wheel-cache ${spec.name} --help)`);
}

function request(
  command: Exclude<CommandName, "report">,
  given: Given,
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: NodeJS.Platform,
): CliRequest {
  const string = (name: FlagName) => {
    const values = given.get(name);
    return values === true ? undefined : values?.at(-1);
  };
  const strings = (name: FlagName) => {
    const values = given.get(name);
    return values === true ? [] : [...(values ?? [])];
  };
  const flag = (name: FlagName) => given.has(name);
  const json = flag("json");
  const cacheDir = string("cache-dir") && path.resolve(cwd, string("cache-dir")!);
  if (command === "cache ls") return { kind: "cache-ls", cacheDir, env, json };
  if (command === "cache prune") {
    const maxSize = string("max-size");
    const maxAge = string("max-age");
    if (maxSize === undefined && maxAge === undefined) {
      throw new UserError(
        "cache prune needs --max-size SIZE, --max-age DAYS or both (see wheel-cache cache prune --help)",
      );
    }
    return {
      kind: "cache-prune",
      cacheDir,
      env,
      maxBytes: maxSize === undefined ? undefined : parseSize(maxSize, "--max-size"),
      maxAgeDays: maxAge === undefined ? undefined : parseDays(maxAge, "--max-age"),
      json,
    };
  }
  const maxCacheFlag = string("max-cache-size");
  const maxCache = maxCacheFlag ?? (command === "build" ? env.WHEEL_CACHE_MAX_SIZE : undefined);
  if (flag("force") && !flag("write")) {
    throw new UserError("--force needs --write (see wheel-cache uv-keys --help)");
  }
  if (flag("trace") && flag("no-trace")) {
    throw new UserError(
      "--trace and --no-trace exclude each other (see wheel-cache uv-keys --help)",
    );
  }
  const project = string("project") ?? ".";
  const projectDir = path.resolve(cwd, project);
  const buildCommand = string("build-command");
  const config = makeConfig({
    command,
    projectDir,
    projectDisplay: project,
    workspace: cwd,
    buildCommand: buildCommand
      ? splitCommandFor(buildCommand, "--build-command", platform)
      : undefined,
    wheelDir: path.resolve(projectDir, string("wheel-dir") ?? "dist"),
    python: string("python"),
    extraKeys: parseCacheKeyLines(strings("cache-key"), "--cache-key"),
    envVars: names(strings("env-var")),
    keyPrefix: DEFAULT_KEY_PREFIX,
    keySuffix: keyPart(string("key-suffix") ?? "", "--key-suffix"),
    save: !flag("no-save"),
    saveOff: flag("no-save") ? { kind: "input", flag: "--no-save" } : undefined,
    lookupOnly: command === "diff",
    includeIgnored: flag("include-ignored"),
    trace: !flag("no-trace"),
    step: WHOLE_LOOP,
    builder: HOST_BUILDER,
    buildTimeoutMs: seconds(string("build-timeout"), "--build-timeout"),
    json,
    uvKeys:
      command === "uv-keys"
        ? { write: flag("write"), force: flag("force"), trace: flag("trace") }
        : undefined,
    cacheDir,
    resultFile: string("result-file") && path.resolve(cwd, string("result-file")!),
    origin: readOrigin(env),
    env,
    platform,
  });
  return {
    kind: "pipeline",
    config,
    exitCode: flag("exit-code"),
    maxCacheBytes: maxCache
      ? parseSize(maxCache, maxCacheFlag ? "--max-cache-size" : "WHEEL_CACHE_MAX_SIZE")
      : undefined,
  };
}

/** Levenshtein distance, for `did you mean`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
    }
    row = next;
  }
  return row[b.length]!;
}
