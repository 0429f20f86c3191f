import { homedir } from "node:os";
import path from "node:path";
import { ensureSeccompTracer, readSeccompTrace, seccompArgv } from "./seccomp.js";
import { ensureStrace, type RawTrace, readTrace, tracedArgv } from "./trace.js";

/** A tracer that runs here: the seccomp tracer (the default) or strace. */
export interface Tracer {
  readonly kind: "seccomp" | "strace";
  readonly program: string;
}

/**
 * The tracer for a build, or none with a note saying why. The seccomp tracer stops a build only
 * for the calls it records and costs a fraction of strace; strace is the fallback where it cannot
 * run (installed on GitHub-hosted runners when `install` allows). `WHEEL_CACHE_TRACER=strace` (or
 * `seccomp`) picks one. The seccomp tracer is compiled once into the user's cache directory.
 */
export async function ensureTracer(
  env: NodeJS.ProcessEnv,
  install: boolean,
  platform = process.platform,
): Promise<{ readonly tracer?: Tracer; readonly note?: string }> {
  if (platform !== "linux") {
    return {
      note: `no tracer runs on ${platform}: hits are validated against the newest traced build of this project`,
    };
  }
  const wanted = env.WHEEL_CACHE_TRACER;
  const notes: string[] = [];
  if (wanted !== "strace") {
    const seccomp = await ensureSeccompTracer(env, tracerHome(env));
    if (seccomp.program) return { tracer: { kind: "seccomp", program: seccomp.program } };
    notes.push(seccomp.note!);
    if (wanted === "seccomp") return { note: `${seccomp.note}: the build runs untraced` };
  }
  const strace = await ensureStrace(env, install);
  if (strace.strace) return { tracer: { kind: "strace", program: strace.strace } };
  return { note: [...notes, strace.note!].join("; ") };
}

/**
 * Where the compiled tracer (and the package database as read for recording traces) is kept:
 * `$WHEEL_CACHE_TRACER_DIR`, else the user's cache directory (XDG), as the local cache.
 */
export function tracerHome(env: NodeJS.ProcessEnv): string {
  if (env.WHEEL_CACHE_TRACER_DIR) return path.resolve(env.WHEEL_CACHE_TRACER_DIR);
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), ".cache");
  return path.join(base, "wheel-cache", "tracer");
}

/** argv that runs `argv` under `tracer`, its record going into `traceDir`. */
export function tracedCommand(tracer: Tracer, traceDir: string, argv: readonly string[]): string[] {
  return tracer.kind === "seccomp"
    ? seccompArgv(tracer.program, path.join(traceDir, "calls"), argv)
    : tracedArgv(tracer.program, traceDir, argv);
}

/** What a traced build did, from the record `tracedCommand` had written. */
export async function readTraced(
  tracer: Tracer,
  traceDir: string,
  cwd: string,
  startedMs: number,
): Promise<RawTrace> {
  return tracer.kind === "seccomp"
    ? readSeccompTrace(path.join(traceDir, "calls"), startedMs)
    : readTrace(traceDir, cwd);
}
