import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Signals that end a run (Ctrl-C, `kill`, a cancelled job) and the build's process group. A build
 * runs as a process group of its own (with its tracer, when traced), so that it can be ended
 * whole: a signal to the run is forwarded to it, and a time limit ends it the same way. What a
 * run must undo when it is interrupted (process groups to end, directories to remove) is tracked
 * here, per process, because a signal is.
 */

/** A run ended by a signal: where it surfaces, the entry point says nothing more (see below). */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/** The conventional exit status of a process ended by `signal`: 128 + its number. */
export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}

/** How long a group has after a polite signal before it is killed. */
const GRACE_MS = 5_000;
/** How long a killed group may take to be gone; a process that outlives it is left to the OS. */
const KILL_WAIT_MS = 2_000;
const POLL_MS = 50;

const groups = new Set<number>();
const dirs = new Set<string>();
let received: NodeJS.Signals | undefined;

/** The signal that interrupts this run, once one has arrived. */
export function interruption(): NodeJS.Signals | undefined {
  return received;
}

/** Ends the process group `pgid` when the run is interrupted; returns the undo. */
export function trackGroup(pgid: number): () => void {
  groups.add(pgid);
  return () => groups.delete(pgid);
}

/** Removes `dir` when the run is interrupted; returns the undo. */
export function trackDir(dir: string): () => void {
  dirs.add(dir);
  return () => dirs.delete(dir);
}

/**
 * Ends a process group: `signal` first, SIGKILL to what is left after a grace period. Resolves
 * once no process of the group runs (zombies aside), or when waiting longer would not help.
 */
export async function endGroup(
  pgid: number,
  signal: NodeJS.Signals,
  graceMs = GRACE_MS,
): Promise<void> {
  send(pgid, signal);
  if (await gone(pgid, graceMs)) return;
  send(pgid, "SIGKILL");
  await gone(pgid, KILL_WAIT_MS);
}

/**
 * Handles SIGINT, SIGTERM and SIGHUP for the rest of the process: the build's process group gets
 * the same signal (and SIGKILL if it lingers), the run's directories are removed, `say` tells the
 * user in one line, and `exit` ends the process with 128 + the signal's number. A second signal
 * kills the group at once.
 */
export function handleInterrupts(
  say: (line: string) => void,
  exit: (status: number) => void,
): void {
  const handle = (signal: NodeJS.Signals) => {
    if (received) {
      for (const pgid of groups) send(pgid, "SIGKILL");
      return;
    }
    received = signal;
    const building = groups.size > 0;
    void Promise.all([...groups].map((pgid) => endGroup(pgid, signal))).then(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
      say(`interrupted by ${signal}${building ? ": the build was ended" : ""}`);
      exit(signalStatus(signal));
    });
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handle);
}

function send(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(process.platform === "win32" ? pgid : -pgid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what was wanted.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Waits (bounded) until no process of the group runs; whether it got there. */
async function gone(pgid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += POLL_MS) {
    if (!groupRuns(pgid)) return true;
    await sleep(POLL_MS);
  }
  return !groupRuns(pgid);
}

/** Whether a process of the group still runs: zombies (exited, not yet reaped) do not count. */
export function groupRuns(pgid: number): boolean {
  if (process.platform === "linux") {
    return readdirSync("/proc").some((name) => /^\d+$/.test(name) && runsIn(name, pgid));
  }
  try {
    process.kill(process.platform === "win32" ? pgid : -pgid, 0);
    return true;
  } catch (error) {
    // ESRCH: no process of the group is left; EPERM: one is, but not ours to signal.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ESRCH") return false;
    if (code === "EPERM") return true;
    throw error;
  }
}

/** Whether /proc/<pid> is a live process of group `pgid` (`stat`: pid (comm) state ppid pgrp). */
function runsIn(pid: string, pgid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    // ENOENT/ESRCH: the process ended while the list was read.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return false;
    throw error;
  }
  const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(pgrp) === pgid && state !== "Z";
}
