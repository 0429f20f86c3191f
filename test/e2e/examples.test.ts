import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BUILD_ENV_HINT, buildEnv, EXAMPLES, hasBuildEnv, PYTHON } from "../support/build-env.js";
import { copyExample } from "../support/examples.js";
import { makeTempDir } from "../support/tmp.js";

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

// The end-to-end tier needs the build environment (npm test makes it): fail without it.
if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

describe("examples", () => {
  describe.each(EXAMPLES)("$name", (example) => {
    it(
      "builds offline from a clean copy into a wheel whose extension works",
      async () => {
        expect(hasBuildEnv(), BUILD_ENV_HINT).toBe(true);
        const project = await copyExample(example.name);
        const scratch = makeTempDir(`wheel-cache-${example.name}-out-`);
        const wheelDir = path.join(scratch, "dist");

        const [command, ...args] = example.buildCommand(wheelDir);
        await run(command!, args, { cwd: project, env: buildEnv, maxBuffer: MAX_BUFFER });
        const wheels = (await readdir(wheelDir)).filter((name) => name.endsWith(".whl"));
        expect(wheels).toEqual([expect.stringMatching(`^${example.importName}-0\\.1\\.0-cp3`)]);

        // A plain venv (no system site-packages, no pip) that sees only the wheel.
        const venv = path.join(scratch, "venv");
        await run(PYTHON, ["-m", "venv", "--without-pip", venv], { env: buildEnv });
        const python = path.join(venv, "bin", "python");
        const install = ["install", "--no-index", "--no-deps", "--quiet"];
        const wheel = path.join(wheelDir, wheels[0]!);
        await run(PYTHON, ["-m", "pip", "--python", python, ...install, wheel], { env: buildEnv });

        const { stdout } = await run(python, ["-I", "-c", example.check], { cwd: scratch });
        expect(stdout.trim()).toBe("5");
      },
      example.buildTimeoutMs,
    );
  });
});
