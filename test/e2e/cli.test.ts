import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { joinCommand } from "../../src/shared/command-line.js";
import {
  buildCount,
  cleanEnv,
  countingBuild,
  type ProcessResult,
  runCli,
} from "../support/action.js";
import { tail } from "../support/action-output.js";
import {
  BUILD_ENV_HINT,
  buildEnv,
  getExample,
  hasBuildEnv,
  PYTHON,
  REPO_ROOT,
} from "../support/build-env.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { makeTempDir } from "../support/tmp.js";

// The bundled CLI (dist/cli.js) as a user runs it: on copies of the examples (never inside the
// repository's examples/), with a temporary local cache directory.

// The end-to-end tier needs the build environment (npm test makes it): fail without it.
if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

const EXAMPLE = getExample("setuptools-c");
const TIMEOUT_MS = 120_000;
/** The CLI contract's fields of `build --json` and `diff --json`, in order. */
const RESULT_FIELDS = [
  "cacheHit",
  "built",
  "fingerprint",
  "cacheKey",
  "wheels",
  "changed",
  "reason",
];

interface ChangedJson {
  id: string;
  status: string;
  files: { added: string[]; modified: string[]; removed: string[] };
}
interface ResultJson {
  cacheHit: boolean;
  built: boolean;
  fingerprint: string;
  cacheKey: string;
  wheels: string[];
  changed: ChangedJson[];
  reason: string;
}
interface KeysJson {
  fingerprint: string;
  keys: { id: string; kind: string; source: string; digest: string; files?: object }[];
}

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

/** A git copy of the example, a cache directory, and `build`/`diff`/`keys` argv for them. */
async function setup() {
  expect(hasBuildEnv(), BUILD_ENV_HINT).toBe(true); // in CI, a missing environment fails
  const project = await copyExample(EXAMPLE.name, { git: true });
  const scratch = makeTempDir("wheel-cache-cli-");
  const marker = path.join(scratch, "builds");
  const options = [
    ["--project", project],
    ["--cache-dir", path.join(scratch, "cache")],
    ["--build-command", countingBuild(marker, EXAMPLE.buildCommand("dist"))],
  ].flat();
  const cli = (command: string, ...more: string[]) =>
    runCli([command, ...options, ...more], { cwd: scratch });
  return { project, marker, cli, options };
}

function parseJson<T>(result: ProcessResult): T {
  expect(result.code, tail(result)).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe("the CLI", () => {
  it(
    "build: a miss builds and saves, the next run restores without building",
    async () => {
      const { project, marker, cli } = await setup();
      const first = await cli("build");
      expect(first.code, tail(first)).toBe(0);
      expect(first.stdout).toMatch(/^wheel-cache: Built in .*: no cached build yet\n/);
      expect(first.stdout).toContain("\nsaved to the local cache\n");
      expect(buildCount(marker)).toBe(1);

      const second = await cli("build");
      expect(second.code, tail(second)).toBe(0);
      expect(second.stdout).toMatch(/^wheel-cache: Restored 1 wheel\n/);
      expect(buildCount(marker)).toBe(1);

      const json = await cli("build", "--json");
      const result = parseJson<ResultJson>(json);
      expect(Object.keys(result).slice(0, RESULT_FIELDS.length)).toEqual(RESULT_FIELDS);
      expect(result).toMatchObject({ cacheHit: true, built: false, changed: [] });
      expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(result.cacheKey).toContain(result.fingerprint.slice(0, 32));
      expect(result.reason).toMatch(/^restored 1 wheel/);
      expect(result.wheels).toEqual([expect.stringMatching(/\.whl$/)]);
      expect(path.dirname(result.wheels[0]!)).toBe(path.join(project, "dist"));
      expect(existsSync(result.wheels[0]!)).toBe(true);
      expect(buildCount(marker)).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    "diff --json names the edited compiled source, and keys --json agrees with build",
    async () => {
      const { project, marker, cli } = await setup();
      const built = parseJson<ResultJson>(await cli("build", "--json"));
      expect(built).toMatchObject({ cacheHit: false, built: true });
      const keys = parseJson<KeysJson>(await cli("keys", "--json"));
      expect(keys.fingerprint).toBe(built.fingerprint);
      expect(keys.keys.length).toBeGreaterThan(0);
      for (const key of keys.keys) {
        expect(key).toMatchObject({
          id: expect.any(String),
          kind: expect.any(String),
          source: expect.any(String),
          digest: expect.stringMatching(/^[0-9a-f]+$/),
        });
        for (const digest of Object.values(key.files ?? {})) {
          expect(digest === null || typeof digest === "string").toBe(true);
        }
      }
      const covering = keys.keys.filter((k) => k.files && EXAMPLE.compiledSource in k.files);
      expect(covering.length).toBeGreaterThan(0);

      appendFileSync(path.join(project, EXAMPLE.compiledSource), "\n/* edited by a test */\n");
      const diff = parseJson<ResultJson>(await cli("diff", "--json"));
      expect(Object.keys(diff).slice(0, RESULT_FIELDS.length)).toEqual(RESULT_FIELDS);
      expect(diff).toMatchObject({ cacheHit: false, built: false, wheels: [] });
      expect(diff.fingerprint).not.toBe(built.fingerprint);
      expect(diff.changed.length).toBeGreaterThan(0);
      const files = { added: [], modified: [EXAMPLE.compiledSource], removed: [] };
      for (const change of diff.changed) expect(change).toEqual({ ...change, files });
      expect(diff.changed.map((c) => c.id).sort()).toEqual(covering.map((k) => k.id).sort());
      expect(buildCount(marker)).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    "a miss runs each probe once: the interpreter and the compilers, not again after the build",
    async () => {
      const { options } = await setup();
      // Wrappers on PATH log each run of python3, cc and c++, then run the real program.
      const bin = makeTempDir("wheel-cache-bin-");
      const log = path.join(bin, "runs.log");
      const wrap = (name: string, real: string) =>
        writeFileSync(
          path.join(bin, name),
          `#!/bin/sh\nprintf '\\n%s %s\\n' "${name}" "$*" >> ${log}\nexec ${real} "$@"\n`,
          { mode: 0o755 },
        );
      wrap("python3", PYTHON);
      // setuptools compiles with the interpreter's sysconfig CC/CXX (gcc, g++ here).
      for (const compiler of ["cc", "c++", "gcc", "g++"]) wrap(compiler, `/usr/bin/${compiler}`);
      const env = { ...cleanEnv(buildEnv), PATH: `${bin}${path.delimiter}${buildEnv.PATH}` };
      const result = await runCli(["build", ...options, "--json"], { cwd: bin, env });
      expect(parseJson<ResultJson>(result)).toMatchObject({ built: true });
      const runs = readFileSync(log, "utf8");
      const count = (text: string) => runs.split(text).length - 1;
      expect(count('"hasBuildModule"'), runs).toBe(1); // the interpreter probe's script
      expect(count("\ncc --version\n") + count("\ngcc --version\n"), runs).toBe(1);
      expect(count("\nc++ --version\n") + count("\ng++ --version\n"), runs).toBe(1);
    },
    TIMEOUT_MS,
  );

  it.each([
    {
      what: "a missing project",
      args: ["build", "--project", "/nonexistent"],
      cause: "nonexistent",
    },
    { what: "an unknown flag", args: ["build", "--bogus"], cause: "--bogus" },
    { what: "an unknown command", args: ["frobnicate"], cause: "frobnicate" },
  ])(
    "fails on $what with one line on stderr, no stack trace, status 2",
    async ({ args, cause }) => {
      const result = await runCli(args, { cwd: makeTempDir("wheel-cache-cli-") });
      expect(result.code, tail(result)).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^wheel-cache: /);
      expect(lines[0]).toContain(cause);
    },
  );

  it(
    "diff says nothing changed, then names the edited file; --exit-code tells the two apart",
    async () => {
      const { project, marker, cli } = await setup();
      expect((await cli("build")).code).toBe(0);

      const same = await cli("diff", "--exit-code");
      expect(same.code, tail(same)).toBe(0);
      expect(same.stdout).toMatch(
        /^wheel-cache diff: nothing changed since the cached build\n {2}the next build restores 1 wheel/,
      );
      expect(same.stdout).not.toMatch(/lookup/i);

      appendFileSync(path.join(project, EXAMPLE.compiledSource), "\n/* edited by a test */\n");
      const changed = await cli("diff", "--exit-code");
      expect(changed.code, tail(changed)).toBe(1);
      expect(changed.stdout).toContain(
        `${EXAMPLE.compiledSource} modified since the last cached build\n  the next build rebuilds\n`,
      );
      expect(changed.stdout).not.toMatch(/lookup/i);
      const resultFile = path.join(makeTempDir("wheel-cache-results-"), "diff.json");
      const json = await cli("diff", "--json", "--result-file", resultFile);
      const diff = parseJson<ResultJson>(json);
      expect(diff.reason).toMatch(/modified since the last cached build$/);
      expect(JSON.parse(readFileSync(resultFile, "utf8"))).toMatchObject({
        ...diff,
        format: "wheel-cache-result/1",
        verdict: "lookup-miss",
        cause: expect.stringContaining(`${EXAMPLE.compiledSource} modified`),
      });
      expect(buildCount(marker)).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    "a failing build exits with status 3 and one line naming the command",
    async () => {
      const project = await copyExample(EXAMPLE.name, { git: true });
      const scratch = makeTempDir("wheel-cache-cli-");
      const fail = joinCommand([PYTHON, "-c", "import sys; sys.exit(5)"]);
      const args = ["--project", project, "--cache-dir", scratch, "--build-command", fail];
      const result = await runCli(["build", ...args], { cwd: scratch });
      expect(result.code, tail(result)).toBe(3);
      // The failed build's report on stdout (what changed, how it ended), the error on stderr.
      expect(result.stdout).toMatch(/^wheel-cache: Build failed/);
      const errors = result.stderr
        .split("\n")
        .filter((l) => /^wheel-cache: (?!cache miss|building|fingerprint|looking)/.test(l));
      expect(errors).toEqual([
        expect.stringMatching(/^wheel-cache: the build failed with exit code 5: /),
      ]);
    },
    TIMEOUT_MS,
  );

  it(
    "cache ls lists the builds, cache prune and the size limit after a save remove unused ones",
    async () => {
      const { marker, cli, options } = await setup();
      const cacheDir = options[options.indexOf("--cache-dir") + 1]!;
      /** Dates every entry as last used two days ago. */
      const ageAll = () => {
        const entries = path.join(cacheDir, "v1", "entries");
        const then = new Date(Date.now() - 2 * 86_400_000);
        for (const name of readdirSync(entries)) {
          utimesSync(path.join(entries, name, "entry.json"), then, then);
        }
      };
      const ls = async () => {
        const listed = await runCli(["cache", "ls", "--cache-dir", cacheDir, "--json"], {
          cwd: cacheDir,
        });
        return parseJson<{ bytes: number; builds: { key: string; wheels: string[] }[] }>(listed);
      };
      const built = parseJson<ResultJson>(await cli("build", "--json"));
      const first = await ls();
      expect(first.builds).toEqual([
        expect.objectContaining({
          key: built.cacheKey,
          wheels: [path.basename(built.wheels[0]!)],
        }),
      ]);
      const text = await runCli(["cache", "ls", "--cache-dir", cacheDir], { cwd: cacheDir });
      expect(text.stdout).toMatch(/^wheel-cache cache: .*: 1 build, \d/);

      // Just used: a prune keeps it, and says why.
      const kept = await runCli(["cache", "prune", "--cache-dir", cacheDir, "--max-size", "0"], {
        cwd: cacheDir,
      });
      expect(kept.code, tail(kept)).toBe(0);
      expect(kept.stdout).toContain("removed 0 builds");
      expect(kept.stdout).toContain("used in the last minute");
      ageAll();
      const pruned = await runCli(["cache", "prune", "--cache-dir", cacheDir, "--max-age", "1"], {
        cwd: cacheDir,
      });
      expect(pruned.stdout).toMatch(
        /^wheel-cache cache prune: removed 1 build \(.*\); 0 builds left/,
      );
      expect((await ls()).builds).toEqual([]);
      expect(parseJson<ResultJson>(await cli("build", "--json"))).toMatchObject({ built: true });
      expect(buildCount(marker)).toBe(2);

      // The limit after a save: a second leg's build pushes the older one out.
      ageAll();
      const limited = await runCli(["build", ...options, "--key-suffix", "other", "--json"], {
        cwd: cacheDir,
        env: { ...cleanEnv(buildEnv), WHEEL_CACHE_MAX_SIZE: "1" },
      });
      const other = parseJson<ResultJson>(limited);
      expect(limited.stderr).toMatch(/^wheel-cache: cache size limit: removed 1 build /m);
      expect((await ls()).builds.map((b) => b.key)).toEqual([other.cacheKey]);
    },
    TIMEOUT_MS,
  );

  it("prints its version and each command's own help", async () => {
    const cwd = makeTempDir("wheel-cache-cli-");
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const version = await runCli(["--version"], { cwd });
    expect(version).toMatchObject({ code: 0, stdout: `wheel-cache ${pkg.version}\n`, stderr: "" });
    for (const [command, own, foreign] of [
      ["build", "--no-save", "--exit-code"],
      ["keys", "--include-ignored", "--no-save"],
      ["diff", "--exit-code", "--no-save"],
    ]) {
      const help = await runCli([command!, "--help"], { cwd });
      expect(help.code, tail(help)).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: wheel-cache ${command} `));
      expect(help.stdout).toContain(`  ${own}`);
      expect(help.stdout).not.toContain(`  ${foreign}`);
      expect((await runCli(["help", command!], { cwd })).stdout).toBe(help.stdout);
    }
    const unknown = await runCli(["diff", "--no-save"], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "wheel-cache: --no-save is a flag of wheel-cache build, not of wheel-cache diff (see wheel-cache diff --help)\n",
    );
  });

  it(
    "without uv on PATH, chooses python -m build, which builds offline from the wheelhouse",
    async () => {
      // A PATH with the tool venv's interpreter as python3, but not its uv.
      const bin = makeTempDir("wheel-cache-bin-");
      writeFileSync(path.join(bin, "python3"), `#!/bin/sh\nexec ${PYTHON} "$@"\n`, { mode: 0o755 });
      const project = await copyExample(EXAMPLE.name, { git: true });
      const scratch = makeTempDir("wheel-cache-cli-");
      const { PATH: _path, ...rest } = cleanEnv(buildEnv);
      const env = { ...rest, PATH: [bin, "/usr/bin", "/bin"].join(path.delimiter) };
      const args = ["build", "--project", project, "--cache-dir", scratch, "--json"];
      const result = await runCli(args, { cwd: scratch, env });
      const built = parseJson<ResultJson>(result);
      expect(result.stderr).toContain("building with: python3 -m build --wheel --outdir dist .");
      expect(built).toMatchObject({ cacheHit: false, built: true });
      expect(built.wheels).toEqual([expect.stringMatching(/\.whl$/)]);
      expect(existsSync(built.wheels[0]!)).toBe(true);
    },
    TIMEOUT_MS,
  );
});
