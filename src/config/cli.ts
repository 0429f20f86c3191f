import path from "node:path";
import { parseArgs } from "node:util";
import { errorMessage, UserError } from "../errors.js";
import { splitCommand } from "../shared/command-line.js";
import {
  type Command,
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
import { parseCacheKeyLines } from "./uv-entries.js";

export const USAGE = `usage: wheel-cache <command> [options]

commands:
  build   restore the project's wheels from the cache, or build and save them
  keys    print every key, its files and digests, and the fingerprint; builds nothing
  diff    what changed since the newest cached build of this project on this platform
  uv-keys the [tool.uv] cache-keys that make uv rebuild when wheel-cache would
  check   lint the project's own [tool.uv] cache-keys for uv; exit 1 when they miss an input

options:
  --project DIR          the project directory (default: .)
  --cache-dir DIR        the local cache directory (default: $WHEEL_CACHE_DIR or the user cache dir)
  --build-command CMD    the build command, split like a shell would, run without a shell
  --wheel-dir DIR        where the wheels go, relative to the project (default: dist)
  --python PATH          the interpreter that builds (default: python3 on PATH)
  --cache-key ENTRY      an extra uv-style key: a path, a glob or a TOML table (repeatable)
  --env-var NAME         an extra environment variable (NAME, or a prefix NAME_*) (repeatable)
  --key-suffix TEXT      appended to the cache key
  --include-ignored      fingerprint files that .gitignore ignores too
  --no-save              never save to the cache
  --no-trace             do not trace the build (Linux: strace), so hits are not validated against it
  --build-timeout SECS   end the build (its whole process group) and fail after this many seconds
  --json                 print one JSON object on stdout
  --write                uv-keys: write the list into pyproject.toml (--force replaces another)
  --trace                uv-keys: build under the tracer first, to include what the build reads
  -h, --help             show this help`;

const COMMANDS: readonly Command[] = ["build", "keys", "diff", "uv-keys", "check"];

/** Parses the CLI's argv (without `node` and the script) into a Config; undefined for --help. */
export function readCliConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Config | undefined {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UserError(`${errorMessage(error)} (see wheel-cache --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return undefined;
  const command = positionals[0] as Command;
  if (!COMMANDS.includes(command))
    throw new UserError(`unknown command: ${positionals[0]} (see wheel-cache --help)`);
  if (positionals.length > 1) throw new UserError(`unexpected argument: ${positionals[1]}`);
  checkUvKeysFlags(command, values);
  const project = values.project ?? ".";
  const projectDir = path.resolve(cwd, project);
  return makeConfig({
    command,
    projectDir,
    projectDisplay: project,
    workspace: cwd,
    buildCommand: values["build-command"]
      ? splitCommand(values["build-command"], "--build-command")
      : undefined,
    wheelDir: path.resolve(projectDir, values["wheel-dir"] ?? "dist"),
    python: values.python,
    extraKeys: parseCacheKeyLines(values["cache-key"] ?? [], "--cache-key"),
    envVars: names(values["env-var"] ?? []),
    keyPrefix: DEFAULT_KEY_PREFIX,
    keySuffix: keyPart(values["key-suffix"] ?? "", "--key-suffix"),
    save: !values["no-save"],
    saveOff: values["no-save"] ? { kind: "input", flag: "--no-save" } : undefined,
    includeIgnored: values["include-ignored"] ?? false,
    trace: !values["no-trace"],
    step: WHOLE_LOOP,
    builder: HOST_BUILDER,
    buildTimeoutMs: seconds(values["build-timeout"], "--build-timeout"),
    json: values.json ?? false,
    uvKeys:
      command === "uv-keys"
        ? {
            write: values.write ?? false,
            force: values.force ?? false,
            trace: values.trace ?? false,
          }
        : undefined,
    cacheDir: values["cache-dir"] ? path.resolve(cwd, values["cache-dir"]) : undefined,
    origin: readOrigin(env),
    env,
  });
}

/** `--write`, `--force` and `--trace` belong to uv-keys, `--force` needs `--write`. */
function checkUvKeysFlags(command: Command, values: ReturnType<typeof parse>["values"]): void {
  for (const flag of ["write", "force", "trace"] as const) {
    if (values[flag] && command !== "uv-keys") {
      throw new UserError(`--${flag} applies to uv-keys only (see wheel-cache --help)`);
    }
  }
  if (values.force && !values.write) throw new UserError("--force needs --write");
  if (values.trace && values["no-trace"])
    throw new UserError("--trace and --no-trace exclude each other");
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      project: { type: "string" },
      "cache-dir": { type: "string" },
      "build-command": { type: "string" },
      "wheel-dir": { type: "string" },
      python: { type: "string" },
      "cache-key": { type: "string", multiple: true },
      "env-var": { type: "string", multiple: true },
      "key-suffix": { type: "string" },
      "include-ignored": { type: "boolean" },
      "no-save": { type: "boolean" },
      "no-trace": { type: "boolean" },
      "build-timeout": { type: "string" },
      json: { type: "boolean" },
      write: { type: "boolean" },
      force: { type: "boolean" },
      trace: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
