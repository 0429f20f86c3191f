import path from "node:path";
import type { ParsedUvEntry, UvEntry } from "../config/uv-entries.js";
import { isInside, toPosix } from "../shared/paths.js";

/** Build tools that read a file of their own by default. */
const TOOL_FILES: Readonly<Record<string, readonly string[]>> = {
  make: ["GNUmakefile", "makefile", "Makefile"],
  gmake: ["GNUmakefile", "makefile", "Makefile"],
  nox: ["noxfile.py"],
  tox: ["tox.ini"],
  just: ["justfile", "Justfile", ".justfile"],
  invoke: ["tasks.py"],
  inv: ["tasks.py"],
};
const SHELLS = new Set(["bash", "sh", "dash", "zsh", "ksh"]);
const PYTHONS = /^(?:python|python3|python3\.\d+|py)(?:\.exe)?$/;
/** The flag of a tool that names its file instead (`make -f build.mk`, `nox -f ci.py`). */
const FILE_FLAGS = new Set(["-f", "--file", "--makefile", "--noxfile"]);

/**
 * The files a build command runs that are the project's own: the script of `bash ci/build.sh`,
 * `./build.sh` or `python tools/build.py`, the Makefile of `make wheel`, the noxfile of `nox -s
 * build`. Their content decides the build as much as the command line does. Paths are relative
 * to the project directory (where the build runs); files outside the repository are left out.
 */
export function buildScriptEntries(
  argv: readonly string[],
  projectDir: string,
  root: string,
): ParsedUvEntry[] {
  const [program, ...args] = argv;
  if (!program) return [];
  const name = path.basename(program);
  const candidates: string[] = [];
  if (program.includes("/") || program.includes("\\")) candidates.push(program);
  if (SHELLS.has(name) || PYTHONS.test(name)) {
    const script = args.find((a) => !a.startsWith("-"));
    const runsCode = args.some((a) => a === "-c" || a === "-m");
    if (script && !runsCode) candidates.push(script);
  }
  const own = TOOL_FILES[name];
  if (own) {
    const flag = args.findIndex((a) => FILE_FLAGS.has(a));
    candidates.push(...(flag >= 0 && args[flag + 1] ? [args[flag + 1]!] : own));
  }
  return candidates
    .map((file) => path.resolve(projectDir, file))
    .filter((file) => isInside(file, root))
    .map((file) => {
      const entry: UvEntry = { kind: "file", pattern: toPosix(path.relative(projectDir, file)) };
      return { entry, origin: `the build command's own file (${argv.join(" ")})` };
    });
}
