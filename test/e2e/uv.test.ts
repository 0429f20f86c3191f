import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCacheKeys } from "../../src/config/uv-entries.js";
import { uvCoverage } from "../../src/files/uv-glob.js";
import { cleanEnv, runCli } from "../support/action.js";
import { BUILD_ENV_HINT, buildEnv, hasBuildEnv } from "../support/build-env.js";
import { ensureDist, PACKAGE_TIMEOUT_MS } from "../support/dist.js";
import { copyExample } from "../support/examples.js";
import { gitCommitAll, gitInit } from "../support/git.js";
import { makeTempDir } from "../support/tmp.js";
import {
  installedCacheInfo,
  makeProbeProject,
  runUv,
  uvCoveredFiles,
  uvSync,
} from "../support/uv.js";

// Real uv (pinned in scripts/build-tools.txt), offline, with its cache in a temporary directory:
// the tool wheel-cache's users start from, and whose `cache-keys` meaning wheel-cache claims.

if (!hasBuildEnv()) throw new Error(BUILD_ENV_HINT);

const TIMEOUT_MS = 600_000;

beforeAll(ensureDist, PACKAGE_TIMEOUT_MS);

interface KeysJson {
  keys: { id: string; source: string; digest: string; files?: Record<string, string | null> }[];
}

async function keysOf(project: string, env = cleanEnv(buildEnv)): Promise<KeysJson> {
  const result = await runCli(["keys", "--project", project, "--json"], { cwd: project, env });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as KeysJson;
}

/** The files wheel-cache's fingerprint covers through the project's own `cache-keys`. */
async function wheelCacheCovered(project: string): Promise<string[]> {
  const { keys } = await keysOf(project);
  const files = keys
    .filter((k) => k.source === "pyproject")
    .flatMap((k) => Object.entries(k.files ?? {}))
    .filter(([, digest]) => digest !== null)
    .map(([file]) => file);
  return [...new Set(files)].sort();
}

function pyFile(project: string, rel: string): string {
  return path.join(project, rel);
}

describe("the default build command is uv build when uv is on PATH", () => {
  it(
    "builds with uv, offline from the wheelhouse, then hits",
    async () => {
      const project = await copyExample("setuptools-c", { git: true });
      const cacheDir = makeTempDir("wheel-cache-uv-cache-");
      const args = ["build", "--project", project, "--cache-dir", cacheDir, "--json"];
      const env = cleanEnv(buildEnv);
      const first = await runCli(args, { cwd: project, env });
      expect(first.code, first.stderr.slice(-3000)).toBe(0);
      expect(first.stderr).toContain("building with: uv build --wheel --python python3");
      const built = JSON.parse(first.stdout) as { built: boolean; wheels: string[] };
      expect(built.built).toBe(true);
      expect(built.wheels).toEqual([expect.stringMatching(/example_setuptools_c-.*\.whl$/)]);
      const second = await runCli(args, { cwd: project, env });
      expect(JSON.parse(second.stdout)).toMatchObject({ cacheHit: true, built: false });
    },
    TIMEOUT_MS,
  );
});

describe("uv sync keeps a stale extension; cache-keys make it rebuild", () => {
  it(
    "reproduces uv's stale build after editing src/lib.rs, and the fix",
    async () => {
      const project = await copyExample("maturin", { git: true });
      const scratch = makeTempDir("wheel-cache-uv-scratch-");
      const python = path.join(scratch, "venv", "bin", "python");
      const add = async () => {
        const out = await runUv(
          [
            "run",
            "--no-sync",
            "--python",
            python,
            "python",
            "-c",
            "import example_maturin as m; print(m.add(2, 3))",
          ],
          project,
          scratch,
        );
        return out.stdout.trim();
      };
      const lib = pyFile(project, "src/lib.rs");
      await uvSync(project, scratch);
      expect(await add()).toBe("5");

      // uv's defaults (pyproject.toml, setup.py, setup.cfg, dir src) miss an edit inside src/.
      writeFileSync(lib, readFileSync(lib, "utf8").replace("a + b", "a + b + 100"));
      await uvSync(project, scratch);
      expect(await add()).toBe("5"); // stale: the old binary stays installed

      // With the cache-keys wheel-cache uv-keys writes, the same edit rebuilds.
      const written = await runCli(["uv-keys", "--write", "--project", "."], {
        cwd: project,
        env: cleanEnv(buildEnv),
      });
      expect(written.code, written.stderr).toBe(0);
      expect(readFileSync(pyFile(project, "pyproject.toml"), "utf8")).toContain('"src/**/*.rs"');
      await uvSync(project, scratch);
      expect(await add()).toBe("105");
      writeFileSync(lib, readFileSync(lib, "utf8").replace("a + b + 100", "a + b + 1000"));
      await uvSync(project, scratch);
      expect(await add()).toBe("1005");
      // And nothing the build wrote is keyed: with no edit, uv keeps the build.
      const info = installedCacheInfo(scratch, "example_maturin-0.1.0.dist-info");
      await uvSync(project, scratch);
      expect(installedCacheInfo(scratch, "example_maturin-0.1.0.dist-info")).toBe(info);
    },
    TIMEOUT_MS,
  );
});

/** A tree with files at several depths, dotfiles and several suffixes. */
const TREE: Record<string, string> = {
  "Cargo.toml": "[package]\n",
  "build.rs": "fn main() {}\n",
  "src/lib.rs": "// lib\n",
  "src/a/b.rs": "// b\n",
  "src/a/c/d.rs": "// d\n",
  "src/x.c": "int x;\n",
  "src/inc/y.h": "int y;\n",
  "include/z.h": "int z;\n",
  "docs/conf.py": "x = 1\n",
  ".hidden/e.rs": "// e\n",
  "README.md": "readme\n",
};
const CANDIDATES = Object.keys(TREE).sort();

/** The candidates a list covers as wheel-cache's model of uv reads it (uvCoverage). */
function uvEmulated(keys: string): string[] {
  const value = (parse(`v = ${keys}`) as { v: unknown }).v;
  const entries = parseCacheKeys(value, "test").map((p) => p.entry);
  const coverage = uvCoverage(entries, "", "test");
  return CANDIDATES.filter((f) => coverage.covers(f));
}

describe("cache-keys globs cover the files uv's own cache-keys cover", () => {
  it.each([
    { keys: `["src/**/*.rs"]` },
    { keys: `["src/*.rs"]`, note: "a pattern without / matches at any depth below its base" },
    { keys: `["src/*"]`, note: "a bare * is top level only" },
    { keys: `["**/*.{h,c}"]` },
    { keys: `["*.rs"]`, note: "dot-directories match" },
    { keys: `["src/[a-c]/*.rs"]` },
    { keys: `["Cargo.toml", "src/lib.rs"]` },
    { keys: `["src/**"]` },
    { keys: `[{ file = "include/*.h" }, "build.rs"]` },
  ])(
    "$keys",
    async ({ keys }) => {
      const project = makeProbeProject(keys, TREE);
      const byUv = await uvCoveredFiles(project, CANDIDATES);
      expect(await wheelCacheCovered(project)).toEqual(byUv);
      expect(uvEmulated(keys)).toEqual(byUv);
    },
    TIMEOUT_MS,
  );

  it(
    "where uv's clustering narrows a glob, wheel-cache keeps its meaning alone (a superset)",
    async () => {
      const project = makeProbeProject(`["*.toml", "src/*.rs"]`, TREE);
      const byUv = await uvCoveredFiles(project, CANDIDATES);
      // uv clusters src/*.rs under the root group, where it is anchored and no longer recursive.
      expect(byUv).toEqual(["Cargo.toml", "src/lib.rs"]);
      expect(uvEmulated(`["*.toml", "src/*.rs"]`)).toEqual(byUv);
      const ours = (await wheelCacheCovered(project)).filter((f) => CANDIDATES.includes(f));
      expect(ours).toEqual(["Cargo.toml", "src/a/b.rs", "src/a/c/d.rs", "src/lib.rs"]);
    },
    TIMEOUT_MS,
  );
});

describe("wheel-cache's model of uv's reading of a list agrees with uv", () => {
  it.each([
    { keys: `["src/a/*.rs", "src/*.c"]`, note: "clustered under src, a/*.rs is anchored" },
    { keys: `["**/*.rs", "!**/a"]`, note: "an exclusion that prunes, by accident" },
    { keys: `["src/**/*.rs", "!src/a/**"]`, note: "an exclusion that does nothing" },
    { keys: `["include/*.h", "src/inc/*.h", "*.md"]` },
  ])(
    "$keys",
    async ({ keys }) => {
      const project = makeProbeProject(keys, TREE);
      expect(uvEmulated(keys)).toEqual(await uvCoveredFiles(project, CANDIDATES));
    },
    TIMEOUT_MS,
  );
});

describe("env, dir and git keys change when uv's do", () => {
  /** Whether uv rebuilt (its recorded cache info changed) and whether wheel-cache's key moved. */
  async function both(
    keys: string,
    keyId: string,
    change: (project: string) => void,
    env: NodeJS.ProcessEnv = {},
    git = false,
  ): Promise<{ uv: boolean; ours: boolean }> {
    const project = makeProbeProject(keys, TREE);
    if (git) {
      gitInit(project);
      gitCommitAll(project, "first");
    }
    const scratch = makeTempDir("wheel-cache-uv-scratch-");
    await uvSync(project, scratch);
    const infoBefore = installedCacheInfo(scratch);
    const digest = async (extra: NodeJS.ProcessEnv) =>
      (await keysOf(project, { ...cleanEnv(buildEnv), ...extra })).keys.find((k) => k.id === keyId)
        ?.digest;
    const before = await digest({});
    change(project);
    await uvSync(project, scratch, env);
    const uv = installedCacheInfo(scratch) !== infoBefore;
    const ours = (await digest(env)) !== before;
    return { uv, ours };
  }

  it(
    "an env key: setting the variable rebuilds in both",
    async () => {
      const outcome = await both(`[{ env = "PROBE_FLAG" }]`, "env:PROBE_FLAG", () => {}, {
        PROBE_FLAG: "1",
      });
      expect(outcome).toEqual({ uv: true, ours: true });
    },
    TIMEOUT_MS,
  );

  it(
    "a dir key: an edit inside the directory changes neither; creating it changes both",
    async () => {
      const inside = await both(`[{ dir = "src" }]`, "dir:src", (p) =>
        writeFileSync(path.join(p, "src/lib.rs"), "// edited\n"),
      );
      expect(inside).toEqual({ uv: false, ours: false });
      const created = await both(`[{ dir = "gen" }]`, "dir:gen", (p) =>
        mkdirSync(path.join(p, "gen")),
      );
      expect(created).toEqual({ uv: true, ours: true });
    },
    TIMEOUT_MS,
  );

  it(
    "a git commit key: a new commit changes both",
    async () => {
      const outcome = await both(
        `[{ git = { commit = true } }]`,
        "git:commit",
        (p) => {
          writeFileSync(path.join(p, "README.md"), "new\n");
          gitCommitAll(p, "second");
        },
        {},
        true,
      );
      expect(outcome).toEqual({ uv: true, ours: true });
    },
    TIMEOUT_MS,
  );
});
