import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, type Dirent, statSync } from "node:fs";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.js";
import type { WheelRecord } from "../fingerprint/manifest.js";
import { joinCommand } from "../shared/command-line.js";
import { endGroup, Interrupted, interruption, trackGroup } from "../shared/interrupt.js";
import { type Invocation, invocationOf } from "../shared/invocation.js";
import { describeFsError } from "../shared/read.js";
import { which } from "../shared/which.js";
import { BuildFailure } from "./failure.js";
import { OutputTail } from "./output-tail.js";

/** Size and modification time of each wheel in a directory: what "produced by this build" is judged by. */
export type WheelSnapshot = ReadonlyMap<string, string>;

export async function snapshotWheels(dir: string): Promise<WheelSnapshot> {
  const names = await wheelNames(dir);
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(dir, name), { bigint: true });
      return [name, `${info.size}:${info.mtimeNs}`] as const;
    }),
  );
  return new Map(entries);
}

/** A build to run: the command, how it is spawned, where, and within what time. */
export interface BuildRun {
  /** The build command as the user knows it. */
  readonly argv: readonly string[];
  /** What is spawned: `argv` under a tracer, or `argv` itself. */
  readonly spawned: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly wheelDir: string;
  /** The wheels before the build. */
  readonly before: WheelSnapshot;
  /** End the build (its whole process group) after this long; undefined for no limit. */
  readonly timeoutMs?: number;
  /** The OS it runs on, which decides how a program is started (see invocationOf). */
  readonly platform: NodeJS.Platform;
}

/**
 * Runs the build command without a shell in the project directory, as a process group of its
 * own (see shared/interrupt.ts), its output streamed to our stderr (so the CLI's --json stdout
 * stays clean) while its last lines are kept, and returns the wheels it produced: the `.whl`
 * files in `wheelDir` that are new or rewritten since `before`. A build past its time limit is
 * ended, group and all. A build that cannot run, fails, runs out of time or writes no wheel
 * throws a BuildFailure with the end of its output.
 */
export async function runBuild(run: BuildRun): Promise<string[]> {
  const { argv, wheelDir, before } = run;
  await mkdir(wheelDir, { recursive: true });
  if (argv.length === 0) throw failure(argv, "the build command is empty");
  const started = invocationOf(run.spawned as [string, ...string[]], run.env, run.platform);
  if ("problem" in started) {
    throw failure(argv, `cannot run the build command ${joinCommand(argv)}: ${started.problem}`);
  }
  const tail = new OutputTail();
  const exit = await spawnBuild(run, started, tail);
  const ended = { exitCode: exit.code ?? undefined, signal: exit.signal ?? undefined };
  if (exit.timedOut) {
    const limit = `its time limit of ${(run.timeoutMs ?? 0) / 1000} s (build-timeout)`;
    const message = `the build ran past ${limit} and was ended: ${joinCommand(argv)}`;
    throw failure(argv, message, ended, tail);
  }
  if (exit.signal) {
    const message = `the build was killed by ${exit.signal}: ${joinCommand(argv)}`;
    throw failure(argv, message, ended, tail);
  }
  if (exit.code !== 0) {
    const message = `the build failed with exit code ${exit.code}: ${joinCommand(argv)}`;
    throw failure(argv, message, ended, tail);
  }
  const after = await snapshotWheels(wheelDir);
  const produced = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
  if (produced.length === 0) {
    const message = `the build succeeded but wrote no new wheel to ${wheelDir}: ${joinCommand(argv)}`;
    throw failure(argv, message, ended, tail);
  }
  return produced.sort();
}

function failure(
  argv: readonly string[],
  message: string,
  ended: { exitCode?: number; signal?: string } = {},
  tail?: OutputTail,
): BuildFailure {
  const { lines, truncated } = tail?.lines() ?? { lines: [], truncated: false };
  return new BuildFailure({ message, argv, ...ended, outputTail: lines, truncated });
}

/**
 * The program of a build command as a path, found the way spawning it would find it (PATH for a
 * bare name, the project directory for a relative path): a tracer runs it by that path, and a
 * program that is missing or not a file is the same one-line error as without a tracer.
 */
export function resolveProgram(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): string {
  const [command] = argv;
  if (!command) throw failure(argv, "the build command is empty");
  const candidate = /[\\/]/.test(command) ? path.resolve(cwd, command) : which(command, env);
  const info = candidate ? statSync(candidate, { throwIfNoEntry: false }) : undefined;
  if (!candidate || !info) {
    throw failure(argv, `build command not found: ${command} (in ${joinCommand(argv)})`);
  }
  if (!info.isFile()) {
    const message = `cannot run the build command ${joinCommand(argv)}: ${command} is not a file`;
    throw failure(argv, message);
  }
  return candidate;
}

interface BuildExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** Ended at its time limit. */
  readonly timedOut: boolean;
}

/**
 * Runs the build without a shell, as the leader of a new process group (Windows has none: there
 * the build process alone is ended), its stdout and stderr sent to our stderr as they come and
 * kept in `tail`. Resolves when it has ended and its output is read and, after a time limit, when
 * its whole group has; rejects with `Interrupted` when the run was.
 */
function spawnBuild(run: BuildRun, started: Invocation, tail: OutputTail): Promise<BuildExit> {
  const command = run.spawned[0];
  return new Promise((resolve, reject) => {
    const detached = run.platform !== "win32";
    const { cwd, env } = run;
    const child = spawn(started.file, started.args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
      windowsVerbatimArguments: started.verbatim,
      detached,
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        tail.push(chunk);
      });
    }
    const untrack = child.pid === undefined ? () => false : trackGroup(child.pid);
    let ended: Promise<void> | undefined;
    const timer =
      run.timeoutMs === undefined || child.pid === undefined
        ? undefined
        : setTimeout(() => {
            ended = endGroup(child.pid!, "SIGTERM");
          }, run.timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      untrack();
      const shown = joinCommand(run.argv);
      reject(
        error.code === "ENOENT"
          ? failure(run.argv, `build command not found: ${command} (in ${shown})`)
          : failure(run.argv, `cannot run the build command ${shown}: ${error.message}`),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const interrupted = interruption();
      if (interrupted) {
        // The interrupt handler ends the group and the process; this run stops here.
        reject(new Interrupted(interrupted));
        return;
      }
      // The group's leader is gone; wait for the rest of it before the wheels are looked at.
      void (ended ?? Promise.resolve()).then(() => {
        untrack();
        resolve({ code, signal, timedOut: ended !== undefined });
      }, reject);
    });
  });
}

/** Name, size and sha256 of a wheel file, streamed. */
export async function wheelRecord(file: string): Promise<WheelRecord> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { name: path.basename(file), size, sha256: hash.digest("hex") };
}

async function wheelNames(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // A wheel directory that does not exist yet holds no wheels.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new UserError(`cannot read the wheel directory ${dir}: ${describeFsError(error)}`);
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith(".whl")).map((e) => e.name);
}
