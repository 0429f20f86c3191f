import { createHash } from "node:crypto";
import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import { lstat, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { runBounded } from "../shared/bounded.js";
import { which } from "../shared/which.js";
import { SECCOMP_TRACER_C } from "./seccomp-source.js";
import { emptyTrace, isCompiler, type RawTrace } from "./trace.js";

/** How long compiling the tracer may take before the build goes on under strace or untraced. */
const COMPILE_TIMEOUT_MS = 60_000;
const PROBE_TIMEOUT_MS = 10_000;

/** The tracer's file name, under a directory named after its source's digest. */
const PROGRAM = "wheel-cache-trace";

/** Probed programs, by path: a run probes each one once. */
const probed = new Map<string, Promise<string | undefined>>();

/**
 * The seccomp tracer (seccomp-source.ts), compiled with the machine's C compiler into `dir` the
 * first time and kept there, and probed once: undefined, with why, where it cannot run (no C
 * compiler, an architecture other than x86_64 and aarch64, a kernel before 5.5, seccomp refused).
 */
export async function ensureSeccompTracer(
  env: NodeJS.ProcessEnv,
  dir: string,
): Promise<{ readonly program?: string; readonly note?: string }> {
  const digest = createHash("sha256").update(SECCOMP_TRACER_C).digest("hex").slice(0, 16);
  const home = path.join(dir, digest);
  const program = path.join(home, PROGRAM);
  if (!(await isFile(program))) {
    const cc = which("cc", env) ?? which("gcc", env) ?? which("clang", env);
    if (!cc) return { note: "no C compiler (cc) to build the seccomp tracer with" };
    const built = await compile(cc, home, program, env);
    if (built) return { note: `the seccomp tracer could not be built: ${built}` };
  }
  let probe = probed.get(program);
  if (!probe) {
    probe = runBounded(program, ["--probe"], env, PROBE_TIMEOUT_MS).then((how) =>
      how === "done" ? undefined : how,
    );
    probed.set(program, probe);
  }
  const refused = await probe;
  return refused ? { note: `this kernel refuses the seccomp tracer (${refused})` } : { program };
}

/** Compiles the tracer into `program` (atomically: runs may compile at once); says why not. */
async function compile(
  cc: string,
  home: string,
  program: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const source = path.join(home, `trace-${unique}.c`);
  const output = path.join(home, `${PROGRAM}-${unique}`);
  try {
    await mkdir(home, { recursive: true });
    await writeFile(source, SECCOMP_TRACER_C);
    const how = await runBounded(cc, ["-O2", "-o", output, source], env, COMPILE_TIMEOUT_MS);
    if (how !== "done") return how;
    await rename(output, program);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await rm(source, { force: true });
    await rm(output, { force: true });
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined))?.isFile() ?? false;
}

/** argv that runs `argv` under the seccomp tracer, writing what it saw to `traceFile`. */
export function seccompArgv(program: string, traceFile: string, argv: readonly string[]): string[] {
  return [program, traceFile, "--", ...argv];
}

/**
 * How far before the build's start a file's change time may fall and still be the build's:
 * file times come from a clock that may lag the one `startedMs` was read from by a tick.
 */
const CLOCK_SLACK_MS = 100;

/**
 * Reads what the seccomp tracer wrote into a RawTrace, as strace's would read. The tracer sees
 * calls, not their results, so the files decide: a path opened to read that exists is a file read
 * (recorded by its real path, as strace's `-y` gives it) and one that does not is a lookup that
 * missed; a path opened to write, renamed or linked into place is the build's when it is gone or
 * changed since the build started (a write that failed changed nothing); a program run is one
 * that exists (a search along PATH tries others first). A call whose path could not be read (its
 * process was gone, or the pointer was bad and the call failed) is skipped.
 */
export async function readSeccompTrace(traceFile: string, startedMs: number): Promise<RawTrace> {
  const fields = (await readFile(traceFile)).toString("utf8").split("\0");
  const reads = new Map<string, boolean>();
  const dirs = new Set<string>();
  const writes = new Set<string>();
  const made = new Set<string>();
  const runs = new Map<string, Set<string>>();
  const compilerThreads = new Set<string>();
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const [kind, tid, mark, raw, argv0] = fields.slice(i, i + 5) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (kind === "?") continue;
    // The tracer joins a relative path to its directory as given: `.`, `..` and `//` may remain.
    const file = raw.includes("/.") || raw.includes("//") ? path.normalize(raw) : raw;
    if (kind === "o") {
      // The first reader decides: a compiler that reads a file compiles it.
      const byCompiler = compilerThreads.has(tid);
      reads.set(file, (reads.get(file) ?? false) || byCompiler);
    } else if (kind === "d") dirs.add(file);
    else if (kind === "w" || kind === "r") writes.add(file);
    else if (kind === "m") made.add(file);
    else if (kind === "x") {
      const names = runs.get(file) ?? new Set<string>();
      names.add(argv0);
      runs.set(file, names);
      if (isCompiler(file) && mark !== "E") compilerThreads.add(tid);
      else compilerThreads.delete(tid);
    }
  }
  const trace = emptyTrace();
  const real = new RealPaths();
  for (const [file, byCompiler] of reads) {
    const resolved = real.of(file);
    if (resolved === MISSING) {
      if (!trace.opened.has(file)) trace.opened.set(file, false);
    } else if (resolved !== undefined) {
      trace.opened.set(resolved, true);
      if (byCompiler) trace.compiled?.add(resolved);
    }
  }
  for (const dir of dirs) {
    const resolved = real.of(dir);
    if (resolved !== MISSING && resolved !== undefined) trace.listed.add(resolved);
  }
  for (const file of writes) {
    const info = lstatSync(file, { throwIfNoEntry: false });
    if (info && Math.max(info.ctimeMs, info.mtimeMs) < startedMs - CLOCK_SLACK_MS) continue;
    trace.written.add(real.inRealDir(file));
  }
  for (const dir of made) trace.created.add(real.inRealDir(dir));
  for (const [file, names] of runs) {
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) trace.execs.set(file, names);
  }
  return trace;
}

const MISSING = Symbol("missing");

/**
 * Real paths, as strace's `-y` shows them, each directory resolved once: a file's own lstat then
 * says whether it is a link to follow too. A build reads thousands of files in a few hundred
 * directories, so this is one call a file instead of one for each part of its path.
 */
class RealPaths {
  readonly #dirs = new Map<string, string | typeof MISSING | undefined>();

  /** The real path, MISSING when nothing is there, undefined when it cannot be told (EACCES). */
  of(file: string): string | typeof MISSING | undefined {
    const dir = this.#dir(path.dirname(file));
    if (dir === MISSING || dir === undefined) return dir;
    const joined = path.join(dir, path.basename(file));
    const info = lstatOf(joined);
    if (info === MISSING || info === undefined) return info;
    return info.isSymbolicLink() ? resolve(joined) : joined;
  }

  /** A path with its directory's symlinks resolved (the path itself may be a link, or gone). */
  inRealDir(file: string): string {
    const dir = this.#dir(path.dirname(file));
    return path.join(typeof dir === "string" ? dir : path.dirname(file), path.basename(file));
  }

  #dir(dir: string): string | typeof MISSING | undefined {
    if (!this.#dirs.has(dir)) this.#dirs.set(dir, resolve(dir));
    return this.#dirs.get(dir);
  }
}

/** lstat: MISSING when nothing is there (ENOENT, ENOTDIR), undefined on another error. */
function lstatOf(file: string): Stats | typeof MISSING | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) ?? MISSING;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOTDIR" ? MISSING : undefined;
  }
}

/** realpath: MISSING when nothing is there (ENOENT, ENOTDIR), undefined on another error. */
function resolve(file: string): string | typeof MISSING | undefined {
  try {
    return realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? MISSING : undefined;
  }
}
