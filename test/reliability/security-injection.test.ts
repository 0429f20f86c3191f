import { existsSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { joinCommand } from "../../src/shared/command-line.js";
import { runAction } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { PYTHON } from "../support/build-env.js";
import { makeTempDir } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectActionError, expectActionOk, expectCliError } from "./expect-clean.js";
import { BUILD, BUILD_ARGV, project } from "./fixture.js";
import { cli } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// The build command runs without a shell: shell syntax in any input is text, never a command. The
// marker file a successful injection would create must never appear.

const server = sharedCacheServer();

/** A path that only a shell running the injected text would create. */
const marker = () => path.join(makeTempDir("wheel-cache-pwned-"), "pwned");

const HOSTILE_BUILDS: [string, (m: string) => string, RegExp][] = [
  [
    "`; touch` after a command",
    (m) => `${PYTHON} -c "print(1)" ; touch ${m}`,
    /the build succeeded but wrote no new wheel/,
  ],
  ["`$(...)` substitution", (m) => `$(touch ${m})`, /build command not found: \$\(touch/],
  ["backticks", (m) => `\`touch ${m}\``, /build command not found: `touch/],
  ["`&&` after the build", (m) => `${BUILD} && touch ${m}`, /the build failed with exit code 2/],
  ["a pipe", (m) => `${PYTHON} -c pass | touch ${m}`, /the build succeeded but wrote no new wheel/],
  [
    "a newline",
    (m) => `${PYTHON} -c pass\ntouch ${m}`,
    /the build succeeded but wrote no new wheel/,
  ],
];

for (const [name, command, error] of HOSTILE_BUILDS) {
  reliabilityCase("security", `build-command with ${name} runs no shell`, async () => {
    const dir = await project();
    const pwned = marker();
    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": command(pwned) },
      server: server(),
    });
    expectActionError(action, error);
    expect(existsSync(pwned)).toBe(false);
    const local = await cli(["build", "--no-save", "--build-command", command(pwned)], {
      cwd: dir,
    });
    expectCliError(local, error, { stdout: "result" });
    expect(existsSync(pwned)).toBe(false);
  });
}

reliabilityCase("security", "shell syntax in the other inputs is text", async () => {
  const dir = await project();
  const pwned = marker();
  const inject = `$(touch ${pwned})`;
  const action = await runAction({
    workspace: dir,
    inputs: {
      "build-command": BUILD,
      "key-suffix": `x${inject}`,
      "key-prefix": `\`touch ${pwned}\``,
      "cache-keys": `${inject}\n{ env = "${inject}" }`,
      "env-vars": `X;touch ${pwned}`,
      python: `python3;touch ${pwned}`,
    },
    server: server(),
  });
  expectActionOk(action);
  expect(action.outputs.built, tail(action)).toBe("true");
  expect(action.outputs["cache-key"]).toContain("~x%24(touch%20");
  expect(existsSync(pwned)).toBe(false);
});

reliabilityCase("security", "a shell runs only when the build command asks for one", async () => {
  const dir = await project();
  const created = marker();
  const script = `touch ${created} && exec ${joinCommand(BUILD_ARGV)}`;
  const action = await runAction({
    workspace: dir,
    inputs: { "build-command": joinCommand(["bash", "-c", script]) },
    server: server(),
  });
  expectActionOk(action);
  expect(action.outputs.built).toBe("true");
  expect(existsSync(created)).toBe(true);
});
