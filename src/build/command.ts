import path from "node:path";
import type { PythonInfo } from "../keys/implicit.js";
import type { Backend } from "../project/backend.js";
import { toPosix } from "../shared/paths.js";
import { which } from "../shared/which.js";

/** The build command and how it was chosen. */
export interface BuildCommand {
  /** argv, run without a shell in the project directory. */
  readonly argv: readonly string[];
  /** argv as it enters the key: the interpreter's path replaced by `<python>`, paths relative. */
  readonly keyed: readonly string[];
  /** `input`, or why this default was chosen. */
  readonly origin: string;
}

/**
 * The command that builds the project's wheels into `wheelDir`, run from the project directory:
 * the user's, or a default by backend and what is on PATH — `uv build` when uv is there, then
 * `maturin build` for maturin projects, then `python -m build`, then `pip wheel`.
 */
export function chooseBuildCommand(
  given: readonly string[] | undefined,
  backend: Backend,
  python: string,
  info: PythonInfo | undefined,
  projectDir: string,
  wheelDir: string,
  env: NodeJS.ProcessEnv,
): BuildCommand {
  const out = toPosix(path.relative(projectDir, wheelDir)) || ".";
  const keyed = (argv: readonly string[]) => argv.map((a) => (a === python ? "<python>" : a));
  if (given) return { argv: given, keyed: keyed(given), origin: "input" };
  const pick = (argv: string[], origin: string): BuildCommand => ({
    argv,
    keyed: keyed(argv),
    origin,
  });
  if (which("uv", env)) {
    return pick(
      ["uv", "build", "--wheel", "--python", python, "--out-dir", out, "."],
      "uv is on PATH",
    );
  }
  if (backend.name === "maturin" && which("maturin", env)) {
    return pick(
      ["maturin", "build", "--release", "--interpreter", python, "--out", out],
      "maturin project, maturin on PATH",
    );
  }
  if (info?.hasBuildModule) {
    return pick(
      [python, "-m", "build", "--wheel", "--outdir", out, "."],
      "python -m build is installed",
    );
  }
  return pick([python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", out, "."], "pip fallback");
}
