import type { KeyChange } from "../fingerprint/diff.js";
import { isCacheHit, type RunResult } from "../pipeline/result.js";
import { capLine } from "../shared/list.js";
import { fileEntries } from "./format.js";
import { UV_KEYS_WRITE } from "./uv-gap.js";

/**
 * Advice that follows from a run's facts, plain text: a key that changes on every commit, where
 * the rebuild keys come from (runs that rebuilt), and files the build itself changed.
 */
export function adviceOf(
  result: Pick<
    RunResult,
    "manifest" | "verdict" | "keysFrom" | "backend" | "buildChanges" | "unkeyed" | "uvGap"
  >,
): string[] {
  const advice: string[] = [];
  const commit = result.manifest.keys.find((k) => k.id === "git:commit");
  if (commit) {
    const why =
      commit.source === "inferred"
        ? "it is keyed because the version comes from git"
        : "key it only if the build really depends on the commit";
    advice.push(`git:commit changes with every commit, so every commit rebuilds: ${why}`);
  }
  if (!isCacheHit(result) && result.keysFrom === "inferred" && result.backend !== "other") {
    advice.push(
      `the rebuild keys are wheel-cache's defaults for ${result.backend}, which uv does not see: ${UV_KEYS_WRITE} writes them into pyproject.toml as [tool.uv] cache-keys, so that uv rebuilds when they change too`,
    );
  }
  // A project's own list that leaves them out gets the warning that names them instead.
  if (result.unkeyed.length > 0 && !result.uvGap) {
    const them = result.unkeyed.length === 1 ? "it" : "them";
    advice.push(
      `the build read ${capLine(result.unkeyed)}, which no key covers: add ${suggestEntries(result.unkeyed)} to [tool.uv] cache-keys (${UV_KEYS_WRITE} writes a list that covers ${them}), so that the key itself (and uv) sees ${them}`,
    );
  }
  return [...advice, ...result.buildChanges.flatMap(mutationAdvice)];
}

/** `"csrc/**"` when the files share a directory, else the first few paths, quoted for TOML. */
export function suggestEntries(files: readonly string[]): string {
  const dirs = new Set(files.map((f) => f.split("/").slice(0, -1).join("/")));
  const [dir] = dirs;
  if (dirs.size === 1 && dir) return JSON.stringify(`${dir}/**`);
  return capLine(files.map((f) => JSON.stringify(f)));
}

/**
 * When the build rewrote files a key covers (a glob reaching into build output, a generated
 * source), the next run would otherwise miss for no reason of the user's.
 */
function mutationAdvice(change: KeyChange): string[] {
  if (!change.files) return [];
  const files = fileEntries(change.files).map((f) => f.path);
  return [
    `the build itself changed files that ${change.id} covers (${capLine(files)}); exclude them (for example with a !pattern entry or .gitignore), or every fresh checkout that keeps them will rebuild`,
  ];
}
