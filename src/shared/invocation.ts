import path from "node:path";
import { which } from "./which.js";

/** How to start a program without a shell: what to spawn, with what arguments. */
export interface Invocation {
  readonly file: string;
  readonly args: readonly string[];
  /** The arguments are one command line already (cmd.exe's), to be passed as written. */
  readonly verbatim: boolean;
}

/** Looks a bare program name up on PATH; `which` by default, a fake in tests. */
export type Lookup = (name: string, env: NodeJS.ProcessEnv) => string | undefined;

/**
 * How to start `argv` without a shell on `platform`. Elsewhere than Windows, as written: the
 * spawn searches PATH itself. On Windows the spawn finds only `.exe` and `.com` programs, and
 * refuses batch files outright, yet npm's tools (and `pyenv-win`'s interpreters) are `.cmd` or
 * `.bat` shims: the program is looked up with PATHEXT as Windows would, and a batch file is run by
 * `cmd.exe /d /s /c` with every word quoted for it. A word that cmd.exe cannot pass through
 * unchanged is a problem, in one line naming the program: a line break ends the command, and a
 * double quote ends the quoting when the batch file hands its arguments on (`%*` is read by
 * cmd.exe again), which would expose `&` or `|` after it.
 */
export function invocationOf(
  argv: readonly [string, ...string[]],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  lookup: Lookup = (name, e) => which(name, e, platform),
): Invocation | { readonly problem: string } {
  const [program, ...args] = argv;
  if (platform !== "win32") return { file: program, args, verbatim: false };
  const found = /[\\/]/.test(program) ? program : (lookup(program, env) ?? program);
  if (!/\.(?:cmd|bat)$/i.test(found)) return { file: found, args, verbatim: false };
  if (args.some((a) => /["\r\n\0]/.test(a))) {
    const file = path.win32.basename(found);
    const name = file === program ? program : `${program} (${file})`;
    return {
      problem: `${name} is a batch file, which only cmd.exe runs, and cmd.exe cannot pass it an argument holding a double quote or a line break: run the program it wraps instead`,
    };
  }
  // The program in plain quotes: cmd.exe reads a quoted program name as it is (a path holds no
  // quote), spaces and `&` included; the arguments after it are escaped, quotes and all.
  const line = [`"${path.win32.normalize(found)}"`, ...args.map(cmdQuote)].join(" ");
  // /d: no AutoRun commands; /s /c "...": the outer quotes are removed and the rest run as is.
  return {
    file: env.ComSpec || env.COMSPEC || "cmd.exe",
    args: ["/d", "/s", "/c", `"${line}"`],
    verbatim: true,
  };
}

/** The characters cmd.exe gives a meaning to, each escaped with `^` so that it is taken as is. */
const CMD_SPECIAL = /([()[\]%!^"`<>&|;, *?])/g;

function cmdEscape(word: string): string {
  return word.replace(CMD_SPECIAL, "^$1");
}

/**
 * One argument (without double quotes) for a program behind cmd.exe: quoted as the C runtime
 * reads a command line (backslashes at the end doubled, so they do not escape the closing quote),
 * then every character cmd reads escaped, so that cmd hands the batch file the quoted word
 * untouched; the batch file's own `%*` then sees it inside quotes (after qntm.org/cmd).
 */
function cmdQuote(word: string): string {
  return cmdEscape(`"${word.replace(/(\\*)$/, "$1$1")}"`);
}
