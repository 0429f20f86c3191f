import path from "node:path";
import { parseArgs } from "node:util";
import { errorMessage, UserError } from "../errors.js";
import { splitCommand } from "../shared/command-line.js";
import {
  type Command,
  type Config,
  DEFAULT_KEY_PREFIX,
  keyPart,
  makeConfig,
  names,
} from "./index.js";
import { parseCacheKeyLines } from "./uv-entries.js";

export const USAGE = `usage: wheel-cache <command> [options]

commands:
  build   restore the project's wheels from the cache, or build and save them
  keys    print every key, its files and digests, and the fingerprint; builds nothing
  diff    what changed since the newest cached build of this project on this platform

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
  --json                 print one JSON object on stdout
  --result-file FILE     also write the result as JSON to FILE, for wheel-cache report (build, diff)
  -h, --help             show this help`;

const COMMANDS: readonly Command[] = ["build", "keys", "diff"];

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
    json: values.json ?? false,
    cacheDir: values["cache-dir"] ? path.resolve(cwd, values["cache-dir"]) : undefined,
    resultFile: values["result-file"] ? path.resolve(cwd, values["result-file"]) : undefined,
    env,
  });
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
      json: { type: "boolean" },
      "result-file": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
