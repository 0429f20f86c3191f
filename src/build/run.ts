import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, type Dirent, statSync } from "node:fs";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { BuildFailure, UserError } from "../errors.js";
import type { WheelRecord } from "../fingerprint/manifest.js";
import { joinCommand } from "../shared/command-line.js";
import { describeFsError } from "../shared/read.js";
import { which } from "../shared/which.js";

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

/**
 * Runs the build command (`argv`, spawned as `spawned`: under a tracer, or as it is) without a
 * shell in the project directory, its output streamed to ours
 * (stderr, so the CLI's --json stdout stays clean), and returns the wheels it produced: the
 * `.whl` files in `wheelDir` that are new or rewritten since `before`.
 */
export async function runBuild(
  argv: readonly string[],
  spawned: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  wheelDir: string,
  before: WheelSnapshot,
): Promise<string[]> {
  await mkdir(wheelDir, { recursive: true });
  if (argv.length === 0) throw new UserError("the build command is empty");
  const [command, ...args] = spawned;
  const exit = await spawnBuild(command!, args, argv, cwd, env);
  if (exit.signal)
    throw new BuildFailure(`the build was killed by ${exit.signal}: ${joinCommand(argv)}`);
  if (exit.code !== 0)
    throw new BuildFailure(`the build failed with exit code ${exit.code}: ${joinCommand(argv)}`);
  const after = await snapshotWheels(wheelDir);
  const produced = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
  if (produced.length === 0) {
    throw new BuildFailure(
      `the build succeeded but wrote no new wheel to ${wheelDir}: ${joinCommand(argv)}`,
    );
  }
  return produced.sort();
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
  if (!command) throw new UserError("the build command is empty");
  const candidate = /[\\/]/.test(command) ? path.resolve(cwd, command) : which(command, env);
  const info = candidate ? statSync(candidate, { throwIfNoEntry: false }) : undefined;
  if (!candidate || !info) {
    throw new UserError(`build command not found: ${command} (in ${joinCommand(argv)})`);
  }
  if (!info.isFile()) {
    throw new UserError(
      `cannot run the build command ${joinCommand(argv)}: ${command} is not a file`,
    );
  }
  return candidate;
}

/** Runs the build without a shell, its stdout sent to our stderr; resolves when it ends. */
function spawnBuild(
  command: string,
  args: readonly string[],
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const stdio: ["ignore", NodeJS.WriteStream, "inherit"] = ["ignore", process.stderr, "inherit"];
    const child = spawn(command, args, { cwd, env, stdio, windowsHide: true });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new UserError(`build command not found: ${command} (in ${joinCommand(argv)})`)
          : new UserError(`cannot run the build command ${joinCommand(argv)}: ${error.message}`),
      );
    });
    child.on("close", (code, signal) => resolve({ code, signal }));
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
