import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Whether a path is a file this process may run; the file system by default, a fake in tests. */
export type IsExecutable = (file: string) => boolean;

/** What Windows tries after a bare name when PATHEXT is unset. */
const DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";

/**
 * The full path of `name` on PATH, or undefined. On Windows as its command search does: each
 * PATHEXT extension in turn (a name that has one of them is tried as written first), so that
 * `npm` finds `npm.cmd`; a name with a directory in it is looked up there only.
 */
export function which(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  isExecutable: IsExecutable = isExecutableFile,
): string | undefined {
  const windows = platform === "win32";
  const paths = windows ? path.win32 : path.posix;
  const exts = windows ? extensionsFor(name, env) : [""];
  const hasDir = windows ? /[\\/]/.test(name) : name.includes("/");
  const dirs = hasDir ? [""] : (env.PATH ?? env.Path ?? "").split(paths.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = dir ? paths.join(dir, name + ext) : name + ext;
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The suffixes Windows tries for `name`: none first when it has a PATHEXT extension already. */
function extensionsFor(name: string, env: NodeJS.ProcessEnv): string[] {
  const exts = (env.PATHEXT || DEFAULT_PATHEXT).split(";").filter(Boolean);
  const own = path.win32.extname(name).toLowerCase();
  return own && exts.some((e) => e.toLowerCase() === own) ? ["", ...exts] : exts;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: not a match, the search goes on.
    return false;
  }
}

/**
 * The default interpreter name for a platform: Windows runners have `python` but no `python3`
 * (the `py` launcher only when `python` is not on PATH); elsewhere `python3`, which is there when `python` is Python 2 or
 * missing.
 */
export function defaultPython(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  isExecutable: IsExecutable = isExecutableFile,
): string {
  const found = (name: string) => which(name, env, platform, isExecutable) !== undefined;
  if (platform === "win32") return !found("python") && found("py") ? "py" : "python";
  return found("python3") ? "python3" : "python";
}
