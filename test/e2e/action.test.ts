import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { codeMarkdown } from "../../src/report/escape.js";
import { joinCommand } from "../../src/shared/command-line.js";
import {
  type ActionResult,
  buildCount,
  canMountWorkspace,
  countingBuild,
  runAction,
} from "../support/action.js";
import { errorLines, logChanges, tail } from "../support/action-output.js";
import {
  BUILD_ENV_HINT,
  EXAMPLES,
  type Example,
  getExample,
  hasBuildEnv,
  PYTHON,
} from "../support/build-env.js";
import { type CacheServer, startCacheServer } from "../support/cache-server.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { headings, htmlTables, renderGfm, textOf } from "../support/markdown.js";
import { makeTempDir } from "../support/tmp.js";

// The bundled action (dist/index.js) run as the runner runs it, against the local cache service
// (test/support/cache-server.ts), on fresh git copies of the examples. Builds go through
// counting-build.mjs, so a marker file proves whether a build ran.

// The end-to-end tier needs the build environment (npm test makes it): fail without it.
if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

const FAST = getExample("setuptools-c");
const FAST_TIMEOUT_MS = 120_000;

let server: CacheServer;
beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);
beforeEach(async () => {
  server = await startCacheServer();
});
afterEach(async () => {
  await server.close();
});

/** A fresh git copy of `example` with a build marker and the inputs that build it through it. */
async function setup(example: Example, marker?: string) {
  expect(hasBuildEnv(), BUILD_ENV_HINT).toBe(true); // in CI, a missing environment fails
  const workspace = await copyExample(example.name, { git: true });
  const builds = marker ?? path.join(makeTempDir("wheel-cache-marker-"), "builds");
  const inputs = {
    project: ".",
    "wheel-dir": "dist",
    "build-command": countingBuild(builds, example.buildCommand("dist")),
  };
  return { workspace, marker: builds, inputs };
}

function expectOk(result: ActionResult): void {
  expect(result.code, tail(result)).toBe(0);
  expect(errorLines(result), tail(result)).toEqual([]);
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const wheelEntries = () => server.entries().filter((e) => !e.key.includes("-manifest-"));
const wheelsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".whl")) : [];

/** Appends a comment line in the file's own language. */
function appendComment(file: string): void {
  const hash = /\.(py|pyx|pxd|toml|txt|md)$/.test(file) || path.basename(file) === "meson.build";
  appendFileSync(file, hash ? "\n# edited by a test\n" : "\n/* edited by a test */\n");
}

describe("the action on every example", () => {
  describe.each(EXAMPLES)("$name", (example) => {
    it(
      "builds, restores byte-identical wheels, rebuilds only for a compiled change",
      async () => {
        const { workspace, marker, inputs } = await setup(example);
        const run = () => runAction({ workspace, inputs, server });

        const first = await run();
        expectOk(first);
        expect(first.outputs).toMatchObject({ "cache-hit": "false", built: "true" });
        const wheel = first.outputs.wheels!;
        expect(wheel).toMatch(/\.whl$/);
        expect(existsSync(wheel)).toBe(true);
        expect(buildCount(marker)).toBe(1);
        expect(first.summary).toMatch(/^### 🔨 Built in .*: no cached build yet/);
        const built = sha256(wheel);

        rmSync(path.join(workspace, "dist"), { recursive: true });
        const second = await run();
        expectOk(second);
        expect(second.outputs).toMatchObject({
          "cache-hit": "true",
          built: "false",
          wheels: wheel,
        });
        expect(buildCount(marker)).toBe(1);
        expect(sha256(wheel)).toBe(built);
        expect(second.summary).toMatch(/^### ✅ Restored 1 wheel/);

        appendComment(path.join(workspace, example.compiledSource));
        const third = await run();
        expectOk(third);
        expect(third.outputs).toMatchObject({ "cache-hit": "false", built: "true" });
        expect(buildCount(marker)).toBe(2);
        const changed: string[] = JSON.parse(third.outputs.changed!);
        expect(changed.length).toBeGreaterThan(0);
        const changes = logChanges(third.stdout);
        expect(Object.keys(changes).sort()).toEqual([...changed].sort());
        for (const id of changed) expect(changes[id], id).toEqual([`~ ${example.compiledSource}`]);
        expect(third.outputs.reason).toContain(`${example.compiledSource} modified`);
        expect(third.summary).toContain(
          `| ${codeMarkdown(example.compiledSource)} | modified | rebuild`,
        );
        expect(JSON.parse(third.outputs["changed-files"]!)).toEqual([example.compiledSource]);

        appendComment(path.join(workspace, example.testFile));
        if (!example.readmeIsRead) appendComment(path.join(workspace, example.readme));
        const fourth = await run();
        expectOk(fourth);
        expect(fourth.outputs).toMatchObject({ "cache-hit": "true", built: "false" });
        expect(buildCount(marker)).toBe(2);
      },
      example.buildTimeoutMs * 2 + 60_000,
    );
  });
});

describe("the action in a matrix", () => {
  it(
    "keeps legs with different key-suffix apart, each hitting its own entry",
    async () => {
      const { workspace, marker, inputs } = await setup(FAST);
      const leg = (suffix: string) =>
        runAction({ workspace, inputs: { ...inputs, "key-suffix": suffix }, server });
      const [a1, b1] = [await leg("a"), await leg("b")];
      for (const first of [a1, b1]) {
        expectOk(first);
        expect(first.outputs).toMatchObject({ "cache-hit": "false", built: "true" });
      }
      expect(a1.outputs["cache-key"]).toContain("~a-fp-");
      expect(b1.outputs["cache-key"]).toContain("~b-fp-");
      expect(a1.outputs.fingerprint).toBe(b1.outputs.fingerprint);
      const keys = wheelEntries().map((e) => e.key);
      expect(keys.sort()).toEqual([a1.outputs["cache-key"], b1.outputs["cache-key"]].sort());

      for (const [suffix, first] of [
        ["a", a1],
        ["b", b1],
      ] as const) {
        const second = await leg(suffix);
        expectOk(second);
        expect(second.outputs).toMatchObject({
          "cache-hit": "true",
          "cache-key": first.outputs["cache-key"],
        });
      }
      expect(buildCount(marker)).toBe(2);
    },
    FAST_TIMEOUT_MS,
  );

  it(
    "gives legs with different Pythons different fingerprints and cache keys",
    async (context) => {
      const pyenv = "/root/.pyenv/versions";
      const version = existsSync(pyenv)
        ? readdirSync(pyenv).find((v) => v.startsWith("3.12."))
        : undefined;
      const other = version && path.join(pyenv, version, "bin", "python3");
      if (!other || !existsSync(other)) {
        context.skip(`needs a second interpreter at ${pyenv}/3.12.*/bin/python3`);
        return;
      }
      const { workspace, marker, inputs } = await setup(FAST);
      const leg = (python: string) =>
        runAction({ workspace, inputs: { ...inputs, python, "lookup-only": "true" }, server });
      const [py311, py312] = [await leg(PYTHON), await leg(other)];
      for (const result of [py311, py312]) expectOk(result);
      expect(py311.outputs.fingerprint).not.toBe(py312.outputs.fingerprint);
      expect(py311.outputs["cache-key"]).toContain("-cp311-");
      expect(py312.outputs["cache-key"]).toContain("-cp312-");
      expect(buildCount(marker)).toBe(0);
    },
    FAST_TIMEOUT_MS,
  );

  it(
    "lets two legs save the same key at once: one saves, the other finds it cached",
    async (context) => {
      // On runners every leg has the same workspace path, and the cache entry's version depends
      // on it; two copies on one machine need a private mount to share a path.
      if (!canMountWorkspace()) {
        context.skip("needs `unshare -rm` (user and mount namespaces) to give two copies one path");
        return;
      }
      const one = await setup(FAST);
      const two = await setup(FAST, one.marker);
      const [a, b] = await Promise.all([
        runAction({ workspace: one.workspace, inputs: one.inputs, server }),
        runAction({
          workspace: two.workspace,
          mountedAt: one.workspace,
          inputs: two.inputs,
          server,
        }),
      ]);
      for (const result of [a, b]) {
        expectOk(result);
        expect(result.outputs.built).toBe("true");
      }
      expect(buildCount(one.marker)).toBe(2);
      expect(a.outputs["cache-key"]).toBe(b.outputs["cache-key"]);
      const saves = [a, b].map((r) => /^save: (.*)$/m.exec(r.stdout)?.[1]).sort();
      expect(saves).toEqual(["already cached by another job", "saved to the github cache"]);
      expect(wheelEntries().map((e) => e.key)).toEqual([a.outputs["cache-key"]]);
      expect(server.entries()).toHaveLength(2); // the wheels and their manifest, once
    },
    FAST_TIMEOUT_MS,
  );
});

describe("the action with lookup-only and save settings", () => {
  it(
    "lookup-only on a first miss builds nothing",
    async () => {
      const { workspace, marker, inputs } = await setup(FAST);
      const result = await runAction({
        workspace,
        inputs: { ...inputs, "lookup-only": "true" },
        server,
      });
      expectOk(result);
      expect(result.outputs).toMatchObject({ "cache-hit": "false", built: "false", wheels: "" });
      expect(result.outputs.reason).toContain("nothing built");
      expect(buildCount(marker)).toBe(0);
      expect(wheelsIn(path.join(workspace, "dist"))).toEqual([]);
      expect(server.entries()).toEqual([]);
    },
    FAST_TIMEOUT_MS,
  );

  it(
    "lookup-only restores nothing on a hit and says it would rebuild after a change",
    async () => {
      const { workspace, marker, inputs } = await setup(FAST);
      expectOk(await runAction({ workspace, inputs, server }));
      rmSync(path.join(workspace, "dist"), { recursive: true });
      const lookup = { ...inputs, "lookup-only": "true" };

      const hit = await runAction({ workspace, inputs: lookup, server });
      expectOk(hit);
      expect(hit.outputs).toMatchObject({ "cache-hit": "true", built: "false", wheels: "" });
      expect(wheelsIn(path.join(workspace, "dist"))).toEqual([]);

      appendComment(path.join(workspace, FAST.compiledSource));
      const miss = await runAction({ workspace, inputs: lookup, server });
      expectOk(miss);
      expect(miss.outputs).toMatchObject({ "cache-hit": "false", built: "false" });
      expect(miss.outputs.reason).toMatch(/^would rebuild: /);
      expect(miss.outputs.reason).toContain(FAST.compiledSource);
      expect(JSON.parse(miss.outputs.changed!)).not.toEqual([]);
      expect(buildCount(marker)).toBe(1);
      expect(wheelsIn(path.join(workspace, "dist"))).toEqual([]);
    },
    FAST_TIMEOUT_MS,
  );

  it(
    "save: false builds and saves nothing",
    async () => {
      const { workspace, inputs } = await setup(FAST);
      const result = await runAction({ workspace, inputs: { ...inputs, save: "false" }, server });
      expectOk(result);
      expect(result.outputs.built).toBe("true");
      expect(result.stdout).toContain("save: skipped: saving is off (input save: false)");
      expect(server.entries()).toEqual([]);
    },
    FAST_TIMEOUT_MS,
  );

  it(
    "a pull_request_target run builds, saves nothing and says why",
    async () => {
      const { workspace, inputs } = await setup(FAST);
      const env = { GITHUB_EVENT_NAME: "pull_request_target" };
      const result = await runAction({ workspace, inputs, env, server });
      expectOk(result);
      expect(result.outputs.built).toBe("true");
      expect(result.stdout).toMatch(/^save: skipped: saving is off for pull_request_target runs/m);
      expect(result.summary).toContain("💾 Not saved: saving is off for pull\\_request\\_target");
      expect(server.requests().filter((r) => r.includes("CreateCacheEntry"))).toEqual([]);
      expect(server.entries()).toEqual([]);
    },
    FAST_TIMEOUT_MS,
  );
});

describe("the action on a failed build", () => {
  it(
    "sets its outputs and writes a summary naming the changed file and the failure",
    async () => {
      const { workspace, inputs } = await setup(FAST);
      const first = await runAction({ workspace, inputs, server });
      expectOk(first);
      const saved = server.entries().length;
      const source = path.join(workspace, FAST.compiledSource);
      writeFileSync(source, `${readFileSync(source, "utf8")}\nthis is not C;\n`);

      const failed = await runAction({ workspace, inputs, server });
      expect(failed.code, tail(failed)).not.toBe(0);
      const errors = errorLines(failed);
      expect(errors, tail(failed)).toEqual([
        expect.stringMatching(/^::error::the build failed with exit code 1: /),
      ]);
      expect(failed.outputs).toMatchObject({ built: "false", "cache-hit": "false", wheels: "" });
      expect(failed.outputs.reason).toMatch(
        /^the build failed with exit code 1: .*; it ran because /,
      );
      expect(failed.outputs.reason).toContain(`${FAST.compiledSource} modified`);
      expect(JSON.parse(failed.outputs["changed-files"]!)).toEqual([FAST.compiledSource]);
      expect(server.entries()).toHaveLength(saved);

      // The summary as GitHub shows it: the heading names the file, the table its change, and
      // the end of the compiler's output says what went wrong.
      const html = renderGfm(failed.summary);
      const [heading] = headings(html);
      expect(heading).toMatch(
        new RegExp(`^❌ Build failed in .*: ${FAST.compiledSource} modified · linux-`),
      );
      const text = textOf(html);
      expect(text).toContain("💥 the build failed with exit code 1: ");
      expect(text).toContain("What changed since the last good build");
      expect(htmlTables(html).find((t) => t.header[0] === "file or key")!.rows[0]).toEqual([
        FAST.compiledSource,
        "modified",
        "rebuild, shipped",
      ]);
      const output = textOf(/<pre>([\s\S]*?)<\/pre>/.exec(html)![1]!);
      expect(output).toMatch(/error: .*this/);
      expect(failed.summary).not.toContain("💾");

      // Compiler errors become annotations while the build runs, and only then.
      const log = failed.stdout.split("\n");
      const added = log.findIndex((l) => l.startsWith("::add-matcher::"));
      const removed = log.indexOf("::remove-matcher owner=wheel-cache-gcc::");
      expect(added, tail(failed)).toBeGreaterThan(-1);
      expect(existsSync(log[added]!.slice("::add-matcher::".length))).toBe(true);
      expect(removed).toBeGreaterThan(added);
      expect(log.findIndex((l) => l.startsWith("::error::"))).toBeGreaterThan(removed);
    },
    FAST_TIMEOUT_MS,
  );
});

describe("the action on user errors", () => {
  const failing = [
    {
      what: "a missing project directory",
      inputs: { project: "no-such-project" },
      message: /no-such-project/,
    },
    {
      what: "a malformed pyproject.toml",
      edit: (dir: string) => appendFileSync(path.join(dir, "pyproject.toml"), "\n[project\n"),
      message: /pyproject\.toml/,
    },
    {
      what: "a failing build command",
      inputs: { "build-command": joinCommand([PYTHON, "-c", "import sys; sys.exit(3)"]) },
      message: /exit code 3/,
    },
    {
      what: "a build that writes no wheel",
      inputs: { "build-command": joinCommand([PYTHON, "-c", "pass"]) },
      message: /no new wheel/,
    },
  ];

  it.each(failing)(
    "fails on $what with one ::error:: line and no stack trace",
    async ({ inputs: extra, edit, message }) => {
      const { workspace, inputs } = await setup(FAST);
      edit?.(workspace);
      const result = await runAction({ workspace, inputs: { ...inputs, ...extra }, server });
      expect(result.code, tail(result)).not.toBe(0);
      const errors = errorLines(result);
      expect(errors, tail(result)).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      // A stack would show as `at file:line:col` lines, or as one line with `%0A` in `::error::`.
      expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/(^|%0A)\s+at \S.*:\d+:\d+/m);
      expect(errors[0]).not.toContain("failed unexpectedly");
      expect(server.entries()).toEqual([]);
    },
    FAST_TIMEOUT_MS,
  );
});
