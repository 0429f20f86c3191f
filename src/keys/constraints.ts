import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { digestOf } from "../shared/digest.js";
import type { FingerprintKey } from "./types.js";

/** Variables naming the constraint files an isolated build environment is resolved with. */
const CONSTRAINT_VARS = [
  "PIP_CONSTRAINT",
  "PIP_BUILD_CONSTRAINT",
  "UV_BUILD_CONSTRAINT",
  "UV_CONSTRAINT",
];

/**
 * The constraint files the variables name (paths separated by spaces; relative ones from the
 * project directory): their content decides the versions an isolated build installs. The
 * variables themselves are keyed with the environment; these keys add the files' bytes.
 */
export function constraintKeys(env: NodeJS.ProcessEnv, cwd: string): FingerprintKey[] {
  return CONSTRAINT_VARS.filter((name) => env[name]).map((name) => {
    const files = env[name]!.split(/\s+/).filter(Boolean);
    const digests = files.map((file) => {
      if (/^[a-z][\w+.-]*:\/\//i.test(file)) return `${file}`; // a URL: its name is what we know
      const absolute = path.resolve(cwd, file);
      const info = statSync(absolute, { throwIfNoEntry: false });
      return info?.isFile() ? digestOf("file", readFileSync(absolute, "utf8")) : "absent";
    });
    return {
      id: `constraints:${name}`,
      kind: "env",
      source: "implicit",
      group: "implicit",
      digest: digestOf("constraints", name, ...digests),
      detail: `${files.length} file${files.length === 1 ? "" : "s"}`,
    };
  });
}
