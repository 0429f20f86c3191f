import { diffManifests } from "../fingerprint/diff.js";
import type { Fingerprint } from "../fingerprint/index.js";
import type { Manifest } from "../fingerprint/manifest.js";

/** Advice that follows from the keys themselves; `rebuilt` runs also hear where the keys come from. */
export function adviceFor(fp: Fingerprint, rebuilt: boolean): string[] {
  const advice: string[] = [];
  const commit = fp.manifest.keys.find((k) => k.id === "git:commit");
  if (commit) {
    const why =
      commit.source === "inferred"
        ? "it is keyed because the version comes from git"
        : "key it only if the build really depends on the commit";
    advice.push(`git:commit changes with every commit, so every commit rebuilds: ${why}`);
  }
  if (rebuilt && fp.keysFrom === "inferred" && fp.project.backend.name !== "other") {
    advice.push(
      `the rebuild keys are wheel-cache's defaults for ${fp.project.backend.name}; set [tool.uv] cache-keys in pyproject.toml to choose them (uv uses the same list)`,
    );
  }
  return advice;
}

/**
 * Advice when the build rewrote files the fingerprint covers (a glob reaching into build output,
 * a generated source): the next run would otherwise miss for no reason of the user's.
 */
export function mutationAdvice(before: Manifest, after: Manifest): string[] {
  return diffManifests(before, after)
    .filter((change) => change.files)
    .map((change) => {
      const files = [...change.files!.added, ...change.files!.modified, ...change.files!.removed];
      const shown =
        files.slice(0, 3).join(", ") + (files.length > 3 ? ` and ${files.length - 3} more` : "");
      return `the build itself changed files that ${change.id} covers (${shown}); exclude them (for example with a !pattern entry or .gitignore), or every fresh checkout that keeps them will rebuild`;
    });
}

/**
 * Why the wheels must not be saved under the fingerprint taken before the build: a file that
 * existed then was modified or removed while the build ran (an edit during the build, or a build
 * that rewrites its own sources), so the wheels may not match that fingerprint. Files the build
 * only added (generated sources) do not matter: the next fresh checkout will not have them either.
 */
export function changedDuringBuild(before: Manifest, after: Manifest): string | undefined {
  const changed = diffManifests(before, after).flatMap((change) =>
    change.files ? [...change.files.modified, ...change.files.removed] : [change.id],
  );
  if (changed.length === 0) return undefined;
  const shown =
    changed.slice(0, 3).join(", ") + (changed.length > 3 ? ` and ${changed.length - 3} more` : "");
  return `not saved: inputs changed while the build ran (${shown}), so the wheels may not match the fingerprint taken before it`;
}
