import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../support/action.js";
import { tail } from "../support/action-output.js";
import {
  BUILD_ENV_HINT,
  buildEnv,
  EXAMPLES,
  EXAMPLES_DIR,
  hasBuildEnv,
} from "../support/build-env.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyProject, FIXTURE_NAMES, FIXTURES_DIR } from "../support/examples.js";
import { coveredFiles, fingerprintDir } from "../support/fingerprint.js";
import { groundTruth } from "../support/strace.js";
import { makeTempDir } from "../support/tmp.js";

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** The observed set of the one build saved in a local cache directory. */
function observedFiles(cacheDir: string): Record<string, string | null> {
  const entries = path.join(cacheDir, "v1", "entries");
  for (const name of readdirSync(entries)) {
    const manifest = JSON.parse(
      readFileSync(path.join(entries, name, "data", "manifest.json"), "utf8"),
    ) as { observed?: { files: Record<string, string | null> } };
    if (manifest.observed) return manifest.observed.files;
  }
  throw new Error(`no observed set in ${cacheDir}`);
}

/** Every example, and fixtures shaped like real layouts: built the same way. */
const PROJECTS = [
  ...EXAMPLES.map((e) => ({ ...e, source: path.join(EXAMPLES_DIR, e.name) })),
  ...FIXTURE_NAMES.map((name) => ({
    ...EXAMPLES[0]!,
    name,
    source: path.join(FIXTURES_DIR, name),
    readmeIsRead: false,
  })),
];

/**
 * The defaults are right when every file a real build reads under the project root (minus what
 * the build wrote itself) is covered by the fingerprint, and the files it never reads are not.
 * And the observed set wheel-cache records from its own trace holds every one of them too.
 */
describe.each(PROJECTS)("$name: the fingerprint covers what the build reads", (example) => {
  test("every file read under the project root is covered; tests and unread READMEs are not", {
    timeout: example.buildTimeoutMs * 2,
  }, async () => {
    const dir = await copyProject(example.source, { git: true });
    const covered = coveredFiles(await fingerprintDir(dir));
    const argv = example.buildCommand(makeTempDir());
    const inputs = await groundTruth(dir, argv, example.buildTimeoutMs * 2);
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.filter((rel) => !covered.has(rel))).toEqual([]);
    expect(covered).not.toContain(example.testFile);
    if (!example.readmeIsRead) expect(covered).not.toContain(example.readme);
    else expect(inputs).toContain(example.readme);
  });

  test("the observed set of a traced build holds every file the build read", {
    timeout: example.buildTimeoutMs * 3,
  }, async () => {
    const dir = await copyProject(example.source, { git: true });
    const cacheDir = makeTempDir("wheel-cache-ground-truth-");
    const wheelDir = makeTempDir("wheel-cache-ground-truth-wheels-");
    const [command, ...args] = example.buildCommand(wheelDir);
    const cli = await runCli(
      [
        "build",
        "--project",
        dir,
        "--cache-dir",
        cacheDir,
        "--wheel-dir",
        wheelDir,
        "--build-command",
        [command, ...args].join(" "),
      ],
      { cwd: dir, env: buildEnv },
    );
    expect(cli.code, tail(cli)).toBe(0);
    const observed = observedFiles(cacheDir);
    const inputs = await groundTruth(
      await copyProject(example.source, { git: true }),
      example.buildCommand(makeTempDir()),
      example.buildTimeoutMs * 2,
    );
    expect(inputs.filter((rel) => typeof observed[rel] !== "string")).toEqual([]);
    expect(observed).not.toHaveProperty(example.testFile);
  });
});
