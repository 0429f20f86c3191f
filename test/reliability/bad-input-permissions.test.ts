import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect } from "vitest";
import { CLI_JS, cleanEnv } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { buildEnv } from "../support/build-env.js";
import { ensureDist } from "../support/dist.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectCliError } from "./expect-clean.js";
import { project } from "./fixture.js";
import { json, spawnBounded } from "./run.js";

// Directories and files wheel-cache cannot read, in a git work tree (git lists what it can and
// only warns), in a repository git refuses ("dubious ownership": the directory walk lists it) and
// in a tree without git. A directory or file that cannot be read could hold build inputs: the run
// fails with one line naming it, never a stack trace or a fingerprint that silently leaves it out.
//
// The suite runs as root in CI, and root reads everything: these cases run the CLI as `nobody`
// (setpriv). Run as another user, they run as that user, except the cases that need to give the
// repository to someone else (only root can), which are skipped, saying so.

const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;
const SETPRIV = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];
const canDropPrivileges =
  !IS_ROOT || spawnSync(SETPRIV[0]!, [...SETPRIV.slice(1), "true"]).status === 0;
const NO_SETPRIV = "running as root without a working setpriv: cannot run as an unprivileged user";
const NEEDS_ROOT = "only root can give the repository to another user (for git's ownership check)";

const made: string[] = [];

// Modes that keep even their owner out would stop the temporary directories' removal.
afterEach(() => {
  for (const dir of made.splice(0)) spawnSync("chmod", ["-R", "u+rwX", dir]);
});

/** A copy of the example that the unprivileged user can reach, owned by `owner` (uid). */
async function reachableProject(git: boolean, owner?: number): Promise<string> {
  const dir = await project({ git });
  made.push(dir);
  chmodSync(dir, 0o755);
  if (owner !== undefined) spawnSync("chown", ["-R", `${owner}:${owner}`, dir]);
  return dir;
}

/** A directory of the test's own that the unprivileged user may write: its home and temp dir. */
function userHome(): string {
  const home = makeTempDir("wheel-cache-user-home-");
  made.push(home);
  chmodSync(home, 0o1777);
  return home;
}

/** `wheel-cache keys --json` in `dir` as the unprivileged user. */
async function keysAsUser(dir: string, extraEnv: NodeJS.ProcessEnv = {}) {
  await ensureDist();
  const home = userHome();
  // A copy of the self-contained CLI where that user can read it (the checkout may be private).
  const cli = path.join(home, "cli.mjs");
  copyFileSync(CLI_JS, cli);
  chmodSync(cli, 0o755);
  const argv = [process.execPath, cli, "keys", "--json"];
  const [command, ...args] = IS_ROOT ? [...SETPRIV, ...argv] : argv;
  const env = { ...cleanEnv(buildEnv), HOME: home, TMPDIR: home, GIT_CONFIG_NOSYSTEM: "1" };
  return spawnBounded(command!, args, { cwd: dir, env: { ...env, ...extraEnv } });
}

/** A directory `src/secret` holding a C source, which the other user cannot list. */
function unreadableDir(dir: string): void {
  mkdirSync(path.join(dir, "src", "secret"));
  writeFileSync(path.join(dir, "src", "secret", "table.c"), "int table[1];\n");
  chmodSync(path.join(dir, "src", "secret"), 0o000);
}

const UNLISTABLE =
  /^wheel-cache: cannot list src\/secret: EACCES \(permission denied\); make it readable, or move it out of the repository \(its files could be build inputs\)$/;

reliabilityCase(
  "bad-input",
  "an unreadable directory in a git work tree",
  async () => {
    const dir = await reachableProject(true, IS_ROOT ? NOBODY : undefined);
    unreadableDir(dir);
    expectCliError(await keysAsUser(dir), UNLISTABLE);
  },
  { skip: canDropPrivileges ? undefined : NO_SETPRIV },
);

reliabilityCase(
  "bad-input",
  "an unreadable file in a git work tree",
  async () => {
    const dir = await reachableProject(true, IS_ROOT ? NOBODY : undefined);
    writeFileSync(path.join(dir, "src", "extra.c"), "int extra;\n");
    chmodSync(path.join(dir, "src", "extra.c"), 0o000);
    expectCliError(
      await keysAsUser(dir),
      /^wheel-cache: cannot read src\/extra\.c: EACCES \(permission denied\); make it readable, or move it out of the repository \(it could be a build input\)$/,
    );
  },
  { skip: canDropPrivileges ? undefined : NO_SETPRIV },
);

reliabilityCase(
  "bad-input",
  "an unreadable directory in a tree without git",
  async () => {
    const dir = await reachableProject(false, IS_ROOT ? NOBODY : undefined);
    unreadableDir(dir);
    expectCliError(await keysAsUser(dir), UNLISTABLE);
  },
  { skip: canDropPrivileges ? undefined : NO_SETPRIV },
);

reliabilityCase(
  "bad-input",
  "an unreadable directory in a repository git refuses (dubious ownership)",
  async () => {
    const dir = await reachableProject(true);
    spawnSync("chmod", ["-R", "a+rX", dir]);
    unreadableDir(dir);
    expectCliError(await keysAsUser(dir), UNLISTABLE);
  },
  { skip: !IS_ROOT ? NEEDS_ROOT : canDropPrivileges ? undefined : NO_SETPRIV },
);

reliabilityCase(
  "bad-input",
  "a repository git refuses (dubious ownership) is listed without git, with a warning",
  async () => {
    const dir = await reachableProject(true);
    spawnSync("chmod", ["-R", "a+rX", dir]);
    const result = await keysAsUser(dir);
    expect(result.code, tail(result)).toBe(0);
    const out = json<{
      keys: { id: string; files?: Record<string, string> }[];
      warnings: string[];
    }>(result);
    expect(out.warnings).toContainEqual(
      expect.stringMatching(
        /^git refuses the repository at .* \(dubious ownership: another user owns it\), so its files are listed without git/,
      ),
    );
    const files = Object.assign({}, ...out.keys.map((k) => k.files ?? {}));
    expect(Object.keys(files)).toContain("src/example_setuptools_c/_core.c");
  },
  { skip: !IS_ROOT ? NEEDS_ROOT : canDropPrivileges ? undefined : NO_SETPRIV },
);

reliabilityCase(
  "bad-input",
  "a temp dir the CLI cannot write",
  async () => {
    const dir = await reachableProject(false);
    const readOnly = makeTempDir("wheel-cache-read-only-");
    made.push(readOnly);
    chmodSync(readOnly, 0o555);
    expectCliError(
      await keysAsUser(dir, { TMPDIR: readOnly }),
      /^wheel-cache: cannot create a staging directory in \S+read-only-\w+: EACCES \(permission denied\); set TMPDIR to a writable directory$/,
    );
  },
  { skip: canDropPrivileges ? undefined : NO_SETPRIV },
);
