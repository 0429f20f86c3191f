import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO_ROOT } from "./build-env.js";

/**
 * Makes sure `dist/index.js`, `dist/cli.js` and the separate steps' bundles are built from the
 * current `src/`: runs
 * `npm run package` when either is missing or older than a source file. Test files call it in a
 * `beforeAll`; a lock directory keeps concurrent test files from packaging at the same time (the
 * others wait, then find the bundle fresh). `.ci/run` packages before testing, so there it is a check.
 */

const BUNDLES = [
  "dist/index.js",
  "dist/cli.js",
  "dist/report/index.js",
  "dist/restore/index.js",
  "dist/save/index.js",
].map((f) => path.join(REPO_ROOT, f));
const INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "scripts/finish-dist.mjs"];
const LOCK = path.join(
  tmpdir(),
  `wheel-cache-dist-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 12)}.lock`,
);
const STALE_LOCK_MS = 10 * 60_000;
export const PACKAGE_TIMEOUT_MS = 600_000;

/** The reason `dist/` needs a rebuild, or undefined when it is fresh. */
export function distProblem(): string | undefined {
  const missing = BUNDLES.find((file) => !existsSync(file));
  if (missing) return `${path.relative(REPO_ROOT, missing)} is missing`;
  const built = Math.min(...BUNDLES.map((file) => statSync(file).mtimeMs));
  const sources = [
    ...readdirSync(path.join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" }).map((f) =>
      path.join("src", f),
    ),
    ...INPUTS,
  ];
  const newer = sources.find((f) => {
    const file = path.join(REPO_ROOT, f);
    return existsSync(file) && statSync(file).isFile() && statSync(file).mtimeMs > built;
  });
  return newer ? `${newer} is newer than dist/` : undefined;
}

/** Rebuilds `dist/` if it is stale (see above); throws with npm's output if that fails. */
export async function ensureDist(): Promise<void> {
  if (!distProblem()) return;
  await acquireLock();
  try {
    const problem = distProblem();
    if (!problem) return;
    const npm = spawnSync("npm", ["run", "package"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      timeout: PACKAGE_TIMEOUT_MS,
    });
    if (npm.status !== 0 || distProblem()) {
      const output = `${npm.stdout ?? ""}${npm.stderr ?? ""}`.slice(-4000);
      throw new Error(`dist/ is stale (${problem}) and \`npm run package\` failed:\n${output}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    // A lock left by a killed test run would block every later run: take it over when old.
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    else await sleep(500);
  }
}
