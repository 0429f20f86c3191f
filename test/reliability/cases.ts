import { test } from "vitest";
import { BUILD_ENV_HINT, hasBuildEnv } from "../support/build-env.js";
import type { Category } from "./categories.js";

/**
 * The reliability suite's registry. Every case is a vitest test named `[<category>] <name>`;
 * reporter.ts groups the finished tests by that prefix (categories.ts) and prints how many of each
 * category ran and passed. Cases need the build environment (npm test makes it): without it they
 * fail, like the rest of the end-to-end tier.
 */

export interface CaseOptions {
  /** Milliseconds before vitest fails the case (a hang is a failure). */
  readonly timeout?: number;
  /** Run alongside the file's other concurrent cases (for cases that mostly wait). */
  readonly concurrent?: boolean;
  /** Why the case cannot run on this machine: it is then reported as skipped, with this note. */
  readonly skip?: string;
}

// The end-to-end tier needs the build environment (npm test makes it): fail without it.
if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

/** Registers one reliability case. */
export function reliabilityCase(
  category: Category,
  name: string,
  fn: () => Promise<void>,
  options: CaseOptions = {},
): void {
  const { timeout = 60_000, concurrent = false, skip } = options;
  test(`[${category}] ${name}`, { timeout, concurrent }, (context) =>
    skip ? context.skip(skip) : fn(),
  );
}
