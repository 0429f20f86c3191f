import path from "node:path";
import type { FileTree } from "../files/tree.js";
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

/**
 * Whether the work tree has changes to tracked files, and on which day: where the version comes
 * from git (setuptools-scm, hatch-vcs), a dirty tree builds another version (`1.0.1.dev0+g…`,
 * with the date) than the clean commit, so the wheel's metadata differs.
 */
export async function gitDirtyKey(
  root: string,
  isRepo: boolean,
  env: NodeJS.ProcessEnv,
): Promise<FingerprintKey> {
  const status = isRepo
    ? await probe("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"], env)
    : undefined;
  const dirty = (status ?? "").trim() !== "";
  const detail = dirty ? `dirty on ${new Date().toISOString().slice(0, 10)}` : "clean";
  return {
    id: "git:dirty",
    kind: "git",
    source: "implicit",
    group: "implicit",
    digest: digestOf("git:dirty", detail),
    detail,
  };
}

/** At most this many repositories are probed (two git calls each). */
const MAX_REPOSITORIES = 50;

/**
 * Submodules and nested repositories inside the project: git lists none of their files, so
 * their checked-out commit and whether they have changes stand for their content (bumping a
 * vendored library's submodule changes the key). Undefined when there are none.
 */
export async function repositoriesKey(
  tree: FileTree,
  env: NodeJS.ProcessEnv,
): Promise<FingerprintKey | undefined> {
  const prefix = tree.projectDir === "" ? "" : `${tree.projectDir}/`;
  const inside = tree.repositories.filter((r) => r.startsWith(prefix)).slice(0, MAX_REPOSITORIES);
  if (inside.length === 0) return undefined;
  const states = await Promise.all(
    inside.map(async (repo) => {
      const dir = path.join(tree.root, repo);
      const [head, status] = await Promise.all([
        probe("git", ["-C", dir, "rev-parse", "--verify", "-q", "HEAD"], env),
        probe("git", ["-C", dir, "status", "--porcelain"], env),
      ]);
      return [repo.slice(prefix.length), head?.trim() ?? "none", digestOf(status ?? "")];
    }),
  );
  return {
    id: "git:repositories",
    kind: "git",
    source: "implicit",
    group: "rebuild",
    digest: digestOf("git:repositories", ...states.flat()),
    detail: `${inside.length} repositor${inside.length === 1 ? "y" : "ies"} (submodules)`,
  };
}
