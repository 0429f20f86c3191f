import type { Manifest } from "../fingerprint/manifest.js";
import { formatAge } from "./format.js";

/** How a medium marks up the parts of a provenance phrase (each escapes for itself). */
export interface Marks {
  readonly text: (text: string) => string;
  readonly code: (text: string) => string;
  readonly link: (text: string, url: string) => string;
}

export const PLAIN: Marks = { text: (t) => t, code: (t) => t, link: (t) => t };

/** The only form a run URL is linked in: a workflow run's page. Anything else is not linked. */
const RUN_URL = /^https?:\/\/[\w.:-]+\/[\w.-]+\/[\w.-]+\/actions\/runs\/\d+$/;

/**
 * `built by run #41 on Linux at 3f2a9c1, 2 days ago`: where and when a cached build was made,
 * from its manifest (`now` is when this run started). Undefined when the manifest says nothing.
 * A manifest is whatever the cache holds, so every part is marked up (escaped) by the medium.
 */
export function builtBy(manifest: Manifest, now: string, marks: Marks = PLAIN): string | undefined {
  const origin = manifest.origin ?? {};
  const run = origin.runNumber
    ? `run #${origin.runNumber}`
    : origin.runId
      ? `run ${origin.runId}`
      : undefined;
  const parts: string[] = [];
  if (run) {
    const url = origin.runUrl && RUN_URL.test(origin.runUrl) ? origin.runUrl : undefined;
    parts.push(`by ${url ? marks.link(run, url) : marks.text(run)}`);
  }
  if (origin.runnerOs) parts.push(`on ${marks.text(origin.runnerOs)}`);
  if (origin.commit) parts.push(`at ${marks.code(origin.commit.slice(0, 7))}`);
  const age = manifest.createdAt ? formatAge(manifest.createdAt, now) : undefined;
  if (parts.length === 0 && !age) return undefined;
  const when = age ? marks.text(age) : "";
  return `built ${parts.join(" ")}${parts.length > 0 && when ? ", " : ""}${when}`;
}
