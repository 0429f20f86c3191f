import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildEnv } from "./build-env.js";
import { isBuildOutput } from "./examples.js";
import { makeTempDir } from "./tmp.js";

/** What a traced command did to files: absolute paths read, and paths it wrote or created. */
export interface FileTrace {
  readonly read: Set<string>;
  readonly written: Set<string>;
}

const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/;

/**
 * Runs `argv` under `strace -ff` (one trace file per process, paths resolved with -y) and returns
 * every regular file it opened for reading and every path it opened for writing, renamed to or
 * created (see ../shared/reference/offline-builds.md, "Ground truth").
 */
export async function traceFiles(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  traceDir: string,
  timeoutMs: number,
): Promise<FileTrace> {
  const args = [
    "-ff",
    "--seccomp-bpf",
    "-qq",
    "-y",
    "-s",
    "65535",
    "-e",
    "trace=%file,chdir",
    "-o",
    path.join(traceDir, "t"),
    "--",
    ...argv,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile(
      "strace",
      args,
      { cwd, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, _out, stderr) => {
        if (error)
          reject(new Error(`traced build failed: ${error.message}\n${stderr.slice(-4000)}`));
        else resolve();
      },
    );
  });
  const trace: FileTrace = { read: new Set(), written: new Set() };
  for (const name of readdirSync(traceDir))
    parseTrace(readFileSync(path.join(traceDir, name), "utf8"), trace);
  return trace;
}

function parseTrace(text: string, trace: FileTrace): void {
  for (const line of text.split("\n")) {
    // `openat(dirfd, "path", flags[, mode])` from glibc, `open("path", flags)` from static binaries.
    const open =
      /^(?:openat\([^,]*, |open\()"(?:[^"\\]|\\.)*", ([A-Z_|]+)(?:, \d+)?\) = \d+<(.+)>$/.exec(
        line,
      );
    if (open) {
      const [, flags, resolved] = open;
      if (WRITE_FLAGS.test(flags!)) trace.written.add(resolved!);
      else if (!flags!.includes("O_DIRECTORY")) trace.read.add(resolved!);
      continue;
    }
    const renamed = /^rename(?:at2?)?\(.*"([^"]+)"(?:, \w+)?\) = 0$/.exec(line);
    const created = /^(?:mkdir(?:at)?|symlink(?:at)?|link(?:at)?)\(.*"([^"]+)".*\) = 0$/.exec(line);
    const target = renamed?.[1] ?? created?.[1];
    if (target) trace.written.add(absoluteTarget(line, target));
  }
}

/** Resolves a path argument against the `AT_FDCWD</dir>` or `N</dir>` strace shows with -y. */
function absoluteTarget(line: string, target: string): string {
  if (path.isAbsolute(target)) return target;
  const dirs = [...line.matchAll(/(?:AT_FDCWD|\d+)<([^>]+)>/g)].map((m) => m[1]!);
  return path.join(dirs.at(-1) ?? "/", target);
}

export interface GroundTruthOptions {
  /** The repository root: files under it count (as `../` paths when outside `dir`). */
  readonly root?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The files a build run in `dir` read under the repository root (`dir` itself by default),
 * relative to `dir`, minus what it wrote, git's own files and build output.
 */
export async function groundTruth(
  dir: string,
  argv: string[],
  timeoutMs: number,
  options: GroundTruthOptions = {},
): Promise<string[]> {
  const root = options.root ?? dir;
  const trace = await traceFiles(argv, dir, options.env ?? buildEnv, makeTempDir(), timeoutMs);
  return [...trace.read]
    .filter((file) => !trace.written.has(file))
    .filter((file) => {
      const inRoot = path.relative(root, file);
      return inRoot !== "" && !inRoot.startsWith("..") && !path.isAbsolute(inRoot);
    })
    .filter((file) => {
      const parts = path.relative(root, file).split(path.sep);
      return (
        !parts.includes(".git") &&
        !parts.some((_, i) => isBuildOutput(path.join(root, ...parts.slice(0, i + 1))))
      );
    })
    .map((file) => path.relative(dir, file).split(path.sep).join("/"))
    .sort();
}
