import path from "node:path";
import { describe, expect, test } from "vitest";
import { BUILD_ENV_HINT, buildEnv, EXAMPLES, hasBuildEnv } from "../support/build-env.js";
import { copyExample, isBuildOutput } from "../support/examples.js";
import { coveredFiles, fingerprintDir } from "../support/fingerprint.js";
import { traceFiles } from "../support/strace.js";
import { makeTempDir } from "../support/tmp.js";

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

/**
 * The defaults are right when every file a real build reads under the project root (minus what
 * the build wrote itself) is covered by the fingerprint, and the files it never reads are not.
 */
describe.each(EXAMPLES)("$name: the fingerprint covers what the build reads", (example) => {
  test("every file read under the project root is covered; tests and unread READMEs are not", {
    timeout: example.buildTimeoutMs * 2,
  }, async () => {
    const dir = await copyExample(example.name, { git: true });
    const covered = coveredFiles(await fingerprintDir(dir));
    const trace = await traceFiles(
      example.buildCommand(makeTempDir()),
      dir,
      buildEnv,
      makeTempDir(),
      example.buildTimeoutMs * 2,
    );
    const inputs = [...trace.read]
      .filter((file) => !trace.written.has(file))
      .map((file) => path.relative(dir, file))
      .filter((rel) => rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel))
      .filter(
        (rel) =>
          !rel.startsWith(".git/") &&
          !rel
            .split("/")
            .some((_, i, parts) => isBuildOutput(path.join(dir, ...parts.slice(0, i + 1)))),
      )
      .sort();
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.filter((rel) => !covered.has(rel))).toEqual([]);
    expect(covered).not.toContain(example.testFile);
    if (!example.readmeIsRead) expect(covered).not.toContain(example.readme);
    else expect(inputs).toContain(example.readme);
  });
});
