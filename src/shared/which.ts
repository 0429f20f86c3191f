import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** The full path of `name` on PATH (with PATHEXT on Windows), or undefined. */
export function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name.includes("/") || name.includes("\\")) return isExecutable(name) ? name : undefined;
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (env.PATH ?? env.Path ?? "").split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not there or not executable: not a match, the search goes on.
    return false;
  }
}

/** The default interpreter name for this platform. */
export function defaultPython(env: NodeJS.ProcessEnv): string {
  if (process.platform === "win32") return which("python", env) ? "python" : "py";
  return which("python3", env) ? "python3" : "python";
}
