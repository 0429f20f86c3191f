import { digestOf } from "../shared/digest.js";
import { probe } from "../shared/probe.js";
import type { FingerprintKey, KeySpec } from "./types.js";

/** Keys for a `{ git = ... }` entry: `git:commit` and/or `git:tags`, with warnings. */
export async function gitKeys(
  spec: KeySpec & { entry: { kind: "git" } },
  root: string,
  isRepo: boolean,
  env: NodeJS.ProcessEnv,
): Promise<{ keys: FingerprintKey[]; warnings: string[] }> {
  const warnings: string[] = [];
  const keys: FingerprintKey[] = [];
  const git = (...args: string[]) =>
    isRepo ? probe("git", ["-C", root, ...args], env) : Promise.resolve(undefined);
  if (!isRepo) warnings.push(`${spec.origin}: git key, but the project is not in a git repository`);
  const base = { kind: "git" as const, source: spec.source, group: spec.group };
  if (spec.entry.commit) {
    const commit = (await git("rev-parse", "--verify", "-q", "HEAD"))?.trim() || null;
    keys.push({
      ...base,
      id: "git:commit",
      digest: digestOf("git:commit", commit ?? "none"),
      detail: commit?.slice(0, 12) ?? "none",
    });
  }
  if (spec.entry.tags) {
    const refs =
      (await git("for-each-ref", "--format=%(refname)%00%(objectname)", "refs/tags")) ?? "";
    const tags = refs.split("\n").filter(Boolean).sort();
    if (
      tags.length === 0 &&
      (await git("rev-parse", "--is-shallow-repository"))?.trim() === "true"
    ) {
      warnings.push(
        `${spec.origin}: tags are keyed, but this shallow checkout has no tags (actions/checkout: fetch-depth: 0 or fetch-tags: true)`,
      );
    }
    keys.push({
      ...base,
      id: "git:tags",
      digest: digestOf("git:tags", ...tags),
      detail: `${tags.length} tags`,
    });
  }
  return { keys, warnings };
}
