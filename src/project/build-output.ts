import path from "node:path";
import { isTable, lookup } from "../shared/toml.js";
import type { ProjectModel } from "./model.js";

/** setuptools commands and the options that move their output away from `build/`. */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  build: ["build_base", "build_lib", "build_temp", "build_platlib", "build_purelib"],
  build_ext: ["build_lib", "build_temp"],
  build_py: ["build_lib"],
};

/**
 * Where setuptools writes its build output when the project moves it from `build/`: setup.cfg's
 * `[build] build_base = bin` (brotli), `[build_ext] build_temp`, and the same options under
 * pyproject.toml's `[tool.distutils.<command>]`. Project-relative directories; what a build reads
 * there without writing it is an earlier build's output, as under `build/`.
 */
export function setuptoolsOutputDirs(project: ProjectModel): string[] {
  const dirs = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string" || value.trim() === "") return;
    const rel = path.posix.normalize(value.trim().replaceAll("\\", "/")).replace(/\/+$/, "");
    if (rel === "." || rel.startsWith("../") || rel === ".." || path.posix.isAbsolute(rel)) return;
    dirs.add(rel);
  };
  const sections = iniSections(project.setupCfg ?? "");
  for (const [command, options] of Object.entries(OPTIONS)) {
    const table = lookup(project.pyproject.data, "tool", "distutils", command);
    for (const option of options) {
      add(sections.get(command)?.get(option));
      add(sections.get(command)?.get(option.replaceAll("_", "-")));
      if (isTable(table)) {
        add(table[option]);
        add(table[option.replaceAll("_", "-")]);
      }
    }
  }
  return [...dirs].sort();
}

/** An INI file's `key = value` lines by section (the last value of a key wins). */
function iniSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split("\n")) {
    const header = /^\s*\[([^\]\n]{1,100})\]\s*$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const pair = /^([\w.-]{1,100})[ \t]*[=:][ \t]*(.*)$/.exec(line);
    if (pair && current) current.set(pair[1]!, pair[2]!.trim());
  }
  return sections;
}
