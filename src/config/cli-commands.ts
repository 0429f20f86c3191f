/**
 * The CLI's commands and flags, and the help made from them: one table, so that the parser, each
 * command's `--help` and the general usage never disagree.
 */

export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** What a string flag's value is (`DIR`), for the help. */
  readonly value?: string;
  readonly multiple?: boolean;
  readonly help: string;
}

export const FLAGS = {
  project: { type: "string", value: "DIR", help: "the project directory (default: .)" },
  "cache-dir": {
    type: "string",
    value: "DIR",
    help: "the local cache directory (default: $WHEEL_CACHE_DIR, else the user cache directory)",
  },
  "build-command": {
    type: "string",
    value: "CMD",
    help: "the build command, split like a shell would, run without a shell",
  },
  "wheel-dir": {
    type: "string",
    value: "DIR",
    help: "where the wheels go, relative to the project (default: dist)",
  },
  python: {
    type: "string",
    value: "PATH",
    help: "the interpreter that builds (default: python3 on PATH, python on Windows)",
  },
  "cache-key": {
    type: "string",
    value: "ENTRY",
    multiple: true,
    help: "an extra uv-style key: a path, a glob or a TOML table (repeatable)",
  },
  "env-var": {
    type: "string",
    value: "NAME",
    multiple: true,
    help: "an extra environment variable, NAME or a prefix NAME_* (repeatable)",
  },
  "key-suffix": { type: "string", value: "TEXT", help: "appended to the cache key" },
  "include-ignored": { type: "boolean", help: "fingerprint files that .gitignore ignores too" },
  "no-save": { type: "boolean", help: "never save to the cache" },
  "no-trace": {
    type: "boolean",
    help: "do not trace the build (Linux), so later hits are not validated against it",
  },
  "build-timeout": {
    type: "string",
    value: "SECS",
    help: "end the build (its whole process group) and fail after this many seconds",
  },
  write: {
    type: "boolean",
    help: "write the list into pyproject.toml (--force replaces a different one)",
  },
  force: { type: "boolean", help: "with --write: replace the project's own list" },
  trace: {
    type: "boolean",
    help: "build under the tracer first, to include every file the build reads",
  },
  "max-cache-size": {
    type: "string",
    value: "SIZE",
    help: "after a save, prune the local cache to SIZE, least recently used first (default: $WHEEL_CACHE_MAX_SIZE, else no limit)",
  },
  "exit-code": { type: "boolean", help: "exit with status 1 when the next build would rebuild" },
  "result-file": {
    type: "string",
    value: "FILE",
    help: "also write the result as JSON to FILE, for wheel-cache report",
  },
  "max-size": {
    type: "string",
    value: "SIZE",
    help: "remove the least recently used builds until the cache holds at most SIZE (500M, 2G)",
  },
  "max-age": {
    type: "string",
    value: "DAYS",
    help: "remove the builds no run has used for more than DAYS days",
  },
  json: { type: "boolean", help: "print one JSON object on stdout" },
  help: { type: "boolean", help: "show this help" },
  version: { type: "boolean", help: "print wheel-cache's version" },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

export type CommandName =
  | "build"
  | "keys"
  | "diff"
  | "uv-keys"
  | "check"
  | "report"
  | "cache ls"
  | "cache prune";

export interface CommandSpec {
  readonly name: CommandName;
  /** What follows the command in the usage line. */
  readonly synopsis: string;
  readonly summary: string;
  readonly flags: readonly FlagName[];
  /** The positional arguments it takes, when it takes any. */
  readonly operands?: { readonly name: string; readonly min: number };
}

const PROJECT_FLAGS = [
  "project",
  "cache-dir",
  "build-command",
  "wheel-dir",
  "python",
  "cache-key",
  "env-var",
  "key-suffix",
  "include-ignored",
] as const satisfies readonly FlagName[];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "build",
    synopsis: "[options]",
    summary: "restore the project's wheels from the cache, or build and save them",
    flags: [
      ...PROJECT_FLAGS,
      "no-save",
      "no-trace",
      "build-timeout",
      "max-cache-size",
      "result-file",
      "json",
    ],
  },
  {
    name: "keys",
    synopsis: "[options]",
    summary: "print every key, its files and digests, and the fingerprint; builds nothing",
    flags: [...PROJECT_FLAGS, "json"],
  },
  {
    name: "diff",
    synopsis: "[options]",
    summary: "what changed since the newest cached build of this project on this platform",
    flags: [...PROJECT_FLAGS, "exit-code", "result-file", "json"],
  },
  {
    name: "uv-keys",
    synopsis: "[--write [--force]] [--trace] [options]",
    summary: "the [tool.uv] cache-keys that make uv rebuild when wheel-cache would",
    flags: [...PROJECT_FLAGS, "write", "force", "trace", "no-trace", "build-timeout", "json"],
  },
  {
    name: "check",
    synopsis: "[options]",
    summary: "lint the project's own [tool.uv] cache-keys for uv; exit 1 when they miss an input",
    flags: [...PROJECT_FLAGS, "json"],
  },
  {
    name: "report",
    synopsis: "FILE_OR_DIR... [--json]",
    summary: "one summary over many runs' result files: a row per matrix leg, and the totals",
    flags: ["json"],
    operands: { name: "FILE_OR_DIR", min: 1 },
  },
  {
    name: "cache ls",
    synopsis: "[--cache-dir DIR] [--json]",
    summary: "list the builds in the local cache, least recently used first",
    flags: ["cache-dir", "json"],
  },
  {
    name: "cache prune",
    synopsis: "[--max-size SIZE] [--max-age DAYS] [--cache-dir DIR] [--json]",
    summary:
      "remove builds from the local cache, least recently used first (builds used in the last minute stay)",
    flags: ["max-size", "max-age", "cache-dir", "json"],
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

const EXIT_STATUS = `exit status:
  0  success: built, restored, or (diff) looked up
  1  diff --exit-code: the next build would rebuild; check: the list leaves an input out
  2  a usage or input error (one line names the cause)
  3  the build failed
  4  an internal error in wheel-cache (please report it, with the stack trace)`;

/** The general help: every command, and where to read more. */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "usage: wheel-cache <command> [options]",
    "",
    "commands:",
    ...commands,
    `  ${"help".padEnd(width)}  show a command's flags: wheel-cache help build`,
    "",
    "options:",
    "  -h, --help  show this help, or with a command its own flags",
    "  --version   print wheel-cache's version",
    "",
    EXIT_STATUS,
  ].join("\n");
}

/** A command's help: its usage line, what it does, and its own flags. */
export function commandHelp(spec: CommandSpec): string {
  const rows = [...spec.flags, "help" as const].map((name) => {
    const flag: FlagSpec = FLAGS[name];
    const head = name === "help" ? "-h, --help" : `--${name}`;
    return [flag.value ? `${head} ${flag.value}` : head, flag.help] as const;
  });
  const width = Math.max(...rows.map(([head]) => head.length));
  return [
    `usage: wheel-cache ${spec.name} ${spec.synopsis}`,
    "",
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    "",
    "options:",
    ...rows.map(([head, help]) => `  ${head.padEnd(width)}  ${help}`),
  ].join("\n");
}
