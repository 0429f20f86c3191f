import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { digestOf } from "../shared/digest.js";
import { which } from "../shared/which.js";
import type { FingerprintKey } from "./types.js";

/** How long resolving the build requirements may take before the key falls back to the specifiers. */
const RESOLVE_TIMEOUT_MS = 60_000;

/** What the build-requirements key is made from. */
export interface RequirementsRequest {
  /** `build-system.requires` as written (the PEP 517 default for a project without one). */
  readonly requires: readonly string[];
  /** The build command's argv: it says whether the build is isolated and who resolves. */
  readonly argv: readonly string[];
  /** The interpreter that builds. */
  readonly python: string;
  /** The versions installed in that interpreter of the requirements' names (null: not installed). */
  readonly installed: Readonly<Record<string, string | null>>;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** How a build command gets its build requirements. */
export type Isolation = "none" | "uv" | "pip";

/**
 * Whether the build installs its requirements into an isolated environment, and with what:
 * `uv build` (unless `--no-build-isolation`), `python -m build` and `pip wheel` (pip, unless
 * `--no-isolation`/`--no-build-isolation`). Other commands (maturin itself, scripts, make) use
 * what is installed.
 */
export function isolationOf(argv: readonly string[], env: NodeJS.ProcessEnv): Isolation {
  const words = argv.map((w) => path.basename(w));
  const truthy = (v: string | undefined) => v !== undefined && /^(?:1|true|yes|on)$/i.test(v);
  if (words[0] === "uv" && words[1] === "build") {
    return argv.includes("--no-build-isolation") || truthy(env.UV_NO_BUILD_ISOLATION)
      ? "none"
      : "uv";
  }
  const module = argv[argv.indexOf("-m") + 1];
  if (argv.includes("-m") && module === "build") {
    return argv.includes("--no-isolation") || argv.includes("-n") ? "none" : "pip";
  }
  if (argv.includes("-m") && module === "pip" && argv.includes("wheel")) {
    // pip reads PIP_NO_BUILD_ISOLATION inverted: a false value turns isolation off.
    const off = env.PIP_NO_BUILD_ISOLATION !== undefined && !truthy(env.PIP_NO_BUILD_ISOLATION);
    return argv.includes("--no-build-isolation") || off ? "none" : "pip";
  }
  return "none";
}

/**
 * The versions of the build requirements as the build will use them: for a build without
 * isolation, the versions installed in the building interpreter; for an isolated one, the
 * versions a resolver picks now (uv or pip, bounded in time), so that a new release of an
 * unpinned requirement (setuptools, numpy, Cython) changes the key. Where resolving fails
 * (offline, no resolver), the key holds the specifiers alone and a warning says so.
 */
export async function buildRequirementsKey(
  request: RequirementsRequest,
): Promise<{ key: FingerprintKey; warning?: string }> {
  const isolation = isolationOf(request.argv, request.env);
  if (isolation === "none") {
    const pins = Object.entries(request.installed)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, version]) => `${name}==${version ?? "not installed"}`);
    return { key: requirementsKey(pins, "installed") };
  }
  const resolved = await resolve(isolation, request);
  if (typeof resolved === "string") {
    return {
      key: requirementsKey([...request.requires].sort(), "unresolved"),
      warning: `the build requirements (${request.requires.join(", ") || "none"}) could not be resolved (${resolved}): their specifiers are keyed, so a new release of an unpinned one will not rebuild`,
    };
  }
  return { key: requirementsKey(resolved, `resolved by ${isolation}`) };
}

function requirementsKey(pins: readonly string[], how: string): FingerprintKey {
  const shown = pins.length > 0 ? pins.join(", ") : "none";
  return {
    id: "build-requirements",
    kind: "build-system",
    source: "implicit",
    group: "implicit",
    digest: digestOf("build-requirements", how === "unresolved" ? how : "pins", ...pins),
    detail: `${shown} (${how})`.slice(0, 200),
  };
}

/** `name==version` lines a resolver picks for the requirements, or why it could not. */
async function resolve(
  isolation: "uv" | "pip",
  request: RequirementsRequest,
): Promise<string[] | string> {
  if (request.requires.length === 0) return [];
  const input = `${request.requires.join("\n")}\n`;
  const uv = which("uv", request.env);
  if (isolation === "uv" || uv) {
    if (!uv) return "uv is not on PATH";
    const args = [
      "pip",
      "compile",
      "--quiet",
      "--no-header",
      "--no-annotate",
      "--python",
      request.python,
      "-",
    ];
    const out = await run(uv, args, input, request);
    return typeof out === "string" ? pins(out) : out.error;
  }
  // pip reads requirements from a file (its stdin here is a socket, which it cannot open).
  const dir = await mkdtemp(path.join(tmpdir(), "wheel-cache-requires-"));
  const file = path.join(dir, "requirements.txt");
  let out: string | { error: string };
  try {
    await writeFile(file, input);
    const args = ["-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"];
    out = await run(request.python, [...args, "--report", "-", "-r", file], "", request);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (typeof out !== "string") return out.error;
  try {
    const report = JSON.parse(out) as {
      install?: { metadata?: { name?: string; version?: string } }[];
    };
    return (report.install ?? [])
      .map((i) => `${(i.metadata?.name ?? "").toLowerCase()}==${i.metadata?.version ?? ""}`)
      .sort();
  } catch {
    // pip printed something other than its report: a resolver we cannot read is no resolver.
    return "pip's report could not be read";
  }
}

function pins(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/\s*;.*$/, "").trim())
    .filter((line) => /^[\w.-]+==\S+$/.test(line))
    .map((line) => line.toLowerCase())
    .sort();
}

/** Runs a resolver with `input` on stdin; its stdout, or why it failed (one line). */
function run(
  command: string,
  args: readonly string[],
  input: string,
  request: RequirementsRequest,
): Promise<string | { error: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        env: request.env,
        cwd: request.cwd,
        timeout: RESOLVE_TIMEOUT_MS,
        maxBuffer: 16 << 20,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout.toString());
        else if (error.killed)
          resolve({ error: `no answer within ${RESOLVE_TIMEOUT_MS / 1000} s` });
        else {
          const last = stderr.toString().trim().split("\n").filter(Boolean).at(-1);
          resolve({ error: last?.slice(0, 200) ?? `exit status ${String(error.code)}` });
        }
      },
    );
    // A resolver that exits before reading its input says why on stderr; the write error adds nothing.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input);
  });
}
