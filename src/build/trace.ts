import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { runBounded } from "../shared/bounded.js";
import { which } from "../shared/which.js";

/**
 * What a traced build did to files, from `strace -ff` (one trace file per process), every path
 * absolute: the files it opened to read (or looked for and did not find), the directories it
 * opened to list, what it wrote or created, and the programs it ran.
 */
export interface RawTrace {
  /** Files opened for reading → true; paths the build looked for and did not find → false. */
  readonly opened: Map<string, boolean>;
  /** Directories opened to list them. */
  readonly listed: Set<string>;
  /** Files the build opened for writing, created, or renamed into place. */
  readonly written: Set<string>;
  /** Directories the build created: everything below them is its own (temporary) output. */
  readonly created: Set<string>;
  /** Programs run (the path execve got) → the names they were run by (argv[0]). */
  readonly execs: Map<string, Set<string>>;
  /**
   * Files a compiler process read (cc1, cc1plus, clang, nvcc, ...): what was compiled this run.
   * Another process reading a header (cffi's generator, setup.py) does not compile it.
   */
  readonly compiled?: Set<string>;
}

/** Programs that compile (or decide, as ccache does, whether to compile) what they read. */
const COMPILERS =
  /^(?:cc1|cc1plus|cc1obj|cc1objplus|f951|cpp|gcc|g\+\+|cc|c\+\+|clang|clang\+\+|clang-cl|cl|nvcc|cicc|cudafe\+\+|gfortran|ccache|sccache|icx|icpx|icc|icpc)(?:-[\d.]+)?(?:\.exe)?$/;

/** An argument that makes a compiler preprocess or list dependencies only. */
const PREPROCESS_ONLY = /, "-(?:E|M|MM)"[,\]]/;

/** Whether a program is a compiler (by its file name, any target prefix such as x86_64-linux-gnu-). */
export function isCompiler(program: string): boolean {
  const base = path.basename(program).replace(/^[\w.]+-[\w.]+-[\w.]+-/, "");
  return COMPILERS.test(base) || COMPILERS.test(path.basename(program));
}

/** The system calls traced: file opens, program runs, and what creates or moves paths. */
const SYSCALLS =
  "open,openat,openat2,creat,execve,execveat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,chdir,fchdir";

/** The strace binary, or undefined where none can run (not Linux, or not on PATH). */
export function findStrace(
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): string | undefined {
  return platform === "linux" ? which("strace", env) : undefined;
}

/**
 * argv that runs `argv` under strace, writing one trace file per process into `traceDir`. Only
 * the calls above stop the build (`--seccomp-bpf`), and `-y` prints the path behind every file
 * descriptor, so relative paths resolve. strace exits with the build's status.
 */
export function tracedArgv(strace: string, traceDir: string, argv: readonly string[]): string[] {
  return [
    strace,
    "-ff",
    "--seccomp-bpf",
    "-qq",
    "-y",
    "-s",
    "4096",
    "-e",
    `trace=${SYSCALLS}`,
    "-e",
    "signal=none",
    "-o",
    path.join(traceDir, "t"),
    "--",
    ...argv,
  ];
}

/** A trace with nothing in it yet, for a reader to fill. */
export function emptyTrace(): RawTrace {
  return {
    opened: new Map(),
    listed: new Set(),
    written: new Set(),
    created: new Set(),
    execs: new Map(),
    compiled: new Set(),
  };
}

/**
 * Reads every trace file of a traced run. Calls without a directory descriptor (`mkdir`,
 * `rename`) name paths relative to the process's working directory, which strace does not print:
 * it is the one `-y` showed last for `AT_FDCWD` in that process, or `cwd` (the build's) before.
 */
export async function readTrace(traceDir: string, cwd: string): Promise<RawTrace> {
  const trace = emptyTrace();
  for (const name of (await readdir(traceDir)).sort()) {
    const lines = createInterface({ input: createReadStream(path.join(traceDir, name)) });
    const state = { cwd };
    for await (const line of lines) parseLine(line, trace, state);
  }
  return trace;
}

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
/** `AT_FDCWD</dir>` or `3</dir>`: a directory descriptor with the path -y printed. */
const DIRFD = String.raw`(?:AT_FDCWD|-?\d+)(?:<((?:[^>\\]|\\.)*)>)?`;
const OPEN = new RegExp(
  String.raw`^(open|creat)\(${STRING}, ?([^)]*?)\)\s+= (?:(\d+)<((?:[^>\\]|\\.)*)>|(-1 \w+))`,
);
const OPENAT = new RegExp(
  String.raw`^openat2?\(${DIRFD}, ${STRING}, ([^)]*?)\)\s+= (?:(\d+)<((?:[^>\\]|\\.)*)>|(-1 \w+))`,
);
const EXECVE = new RegExp(String.raw`^execve\(${STRING}, \[${STRING}`);
const EXECVEAT = new RegExp(String.raw`^execveat\(${DIRFD}, ${STRING}, \[${STRING}`);
const MKDIR = new RegExp(String.raw`^mkdir\(${STRING}, [^)]*\)\s+= 0`);
const MKDIRAT = new RegExp(String.raw`^mkdirat\(${DIRFD}, ${STRING}, [^)]*\)\s+= 0`);
const MOVED = new RegExp(String.raw`^(?:rename|link|symlink)\(${STRING}, ${STRING}\)\s+= 0`);
const MOVEDAT = new RegExp(
  String.raw`^(?:renameat2?|linkat|symlinkat)\((?:${DIRFD}, )?${STRING}, ${DIRFD}, ${STRING}(?:, [^)]*)?\)\s+= 0`,
);
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/;

/** What is known of the process a trace file is of: its working directory, as far as seen. */
export interface ProcessState {
  cwd: string;
  /** Whether the process runs a compiler (the program its last execve ran). */
  compiler?: boolean;
}

const CWD = /AT_FDCWD<((?:[^>\\]|\\.)*)>/;
const CHDIR = new RegExp(String.raw`^chdir\(${STRING}\)\s+= 0`);
const FCHDIR = /^fchdir\(\d+<((?:[^>\\]|\\.)*)>\)\s+= 0/;

/** Adds what one line of a trace file says to `trace`; lines of other calls are ignored. */
export function parseLine(line: string, trace: RawTrace, state: ProcessState): void {
  const cwd = CWD.exec(line);
  if (cwd) state.cwd = unescapeC(cwd[1]!);
  const chdir = CHDIR.exec(line) ?? FCHDIR.exec(line);
  if (chdir) {
    state.cwd = path.resolve(state.cwd, unescapeC(chdir[1]!));
    return;
  }
  const absolute = (file: string, dir?: string) => resolveIn(state.cwd, file, dir);
  const open = OPEN.exec(line);
  if (open) {
    const [, call, file, flags, , resolved, failed] = open;
    const mode = call === "creat" ? "O_CREAT" : flags!;
    recordOpen(trace, absolute(unescapeC(file!)), mode, resolved, failed, state.compiler);
    return;
  }
  const openat = OPENAT.exec(line);
  if (openat) {
    const [, dir, file, flags, , resolved, failed] = openat;
    recordOpen(trace, absolute(unescapeC(file!), dir), flags!, resolved, failed, state.compiler);
    return;
  }
  const exec = EXECVE.exec(line) ?? EXECVEAT.exec(line);
  if (exec && /\s= 0$/.test(line)) {
    const [file, argv0] = exec.length === 3 ? [exec[1]!, exec[2]!] : [exec[2]!, exec[3]!];
    const target = absolute(unescapeC(file), exec.length === 4 ? exec[1] : undefined);
    const names = trace.execs.get(target) ?? new Set<string>();
    names.add(unescapeC(argv0));
    trace.execs.set(target, names);
    // A compiler run to preprocess only (`-E`, as cffi's generator runs it on zstd.h) or to list
    // dependencies compiles nothing.
    state.compiler = isCompiler(target) && !PREPROCESS_ONLY.test(line);
    return;
  }
  const mkdir = MKDIR.exec(line);
  if (mkdir) {
    trace.created.add(absolute(unescapeC(mkdir[1]!)));
    return;
  }
  const mkdirat = MKDIRAT.exec(line);
  if (mkdirat) {
    trace.created.add(absolute(unescapeC(mkdirat[2]!), mkdirat[1]));
    return;
  }
  const moved = MOVED.exec(line);
  if (moved) {
    trace.written.add(absolute(unescapeC(moved[2]!)));
    return;
  }
  const movedAt = MOVEDAT.exec(line);
  if (movedAt) trace.written.add(absolute(unescapeC(movedAt[4]!), movedAt[3]));
}

function recordOpen(
  trace: RawTrace,
  file: string,
  flags: string,
  resolved: string | undefined,
  failed: string | undefined,
  compiler = false,
): void {
  const target = resolved !== undefined ? unescapeC(resolved) : file;
  if (WRITE_FLAGS.test(flags)) {
    if (!failed) trace.written.add(target);
  } else if (flags.includes("O_DIRECTORY")) {
    if (!failed) trace.listed.add(target);
  } else if (!failed) {
    trace.opened.set(target, true);
    if (compiler) trace.compiled?.add(target);
  } else if (failed.endsWith("ENOENT") && !trace.opened.has(target)) {
    trace.opened.set(target, false);
  }
}

/**
 * A path made absolute: against the directory a descriptor stood for (strace's -y), or the
 * process's working directory for calls that take none.
 */
function resolveIn(cwd: string, file: string, dir?: string): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  return path.join(dir === undefined ? cwd : unescapeC(dir), file);
}

/** Undoes strace's C-style escapes (`\"`, `\\`, `\n`, `\t`, octal and `\x` bytes). */
export function unescapeC(text: string): string {
  if (!text.includes("\\")) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = text[++i] ?? "";
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8 };
    if (next in simple) bytes.push(simple[next]!);
    else if (next === "x") {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(i))![0];
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(...Buffer.from(next, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** How long installing strace may take before the build goes on untraced. */
const INSTALL_TIMEOUT_MS = 180_000;

/**
 * strace for tracing the build: found on PATH, or, where `install` allows (GitHub-hosted Linux
 * runners, which have passwordless sudo and apt but no strace), installed within a time bound.
 * Undefined, with a note saying why, where no tracer can run.
 */
export async function ensureStrace(
  env: NodeJS.ProcessEnv,
  install: boolean,
): Promise<{ readonly strace?: string; readonly note?: string }> {
  if (process.platform !== "linux") {
    return {
      note: `no tracer runs on ${process.platform}: hits are validated against the newest traced build of this project`,
    };
  }
  const found = findStrace(env);
  if (found) return { strace: found };
  if (!install) return { note: "strace is not on PATH: the build runs untraced" };
  const installed = await runBounded(
    "sudo",
    ["-n", "apt-get", "install", "-y", "-q", "--no-install-recommends", "strace"],
    env,
    INSTALL_TIMEOUT_MS,
  );
  const strace = findStrace(env);
  return strace
    ? { strace }
    : { note: `strace could not be installed (${installed}): the build runs untraced` };
}
