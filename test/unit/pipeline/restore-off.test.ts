import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalCache } from "../../../src/cache/local.js";
import type { CacheBackend, RestoreRequest } from "../../../src/cache/types.js";
import { makeConfig, type RestoreOff } from "../../../src/config/index.js";
import { runPipeline } from "../../../src/pipeline/index.js";
import type { Progress } from "../../../src/pipeline/result.js";
import { progressLines, reasonOf } from "../../../src/report/reason.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// A pure-Python project whose "build" is a node one-liner writing a wheel: the loop runs for
// real (fingerprint, local cache, build, save) in well under a second.

const WHEEL = "pkg-1.0-py3-none-any.whl";
const BUILD = [
  process.execPath,
  "-e",
  `require("fs").mkdirSync("dist",{recursive:true});require("fs").writeFileSync("dist/${WHEEL}","PK"+Date.now())`,
];

function project(): string {
  const dir = makeTempDir();
  writeTree(dir, {
    "pyproject.toml": [
      "[build-system]",
      "requires = []",
      'build-backend = "setuptools.build_meta"',
      "[project]",
      'name = "pkg"',
      'version = "1.0"',
      "",
    ].join("\n"),
    "pkg/__init__.py": "X = 1\n",
  });
  return dir;
}

/** The local cache, with the keys the run asked it to restore. */
function recording(cacheDir: string): { cache: CacheBackend; asked: string[] } {
  const local = new LocalCache(cacheDir);
  const asked: string[] = [];
  const cache: CacheBackend = {
    kind: "local",
    restore: (request: RestoreRequest) => {
      asked.push(request.key);
      return local.restore(request);
    },
    save: (request) => local.save(request),
  };
  return { cache, asked };
}

async function run(dir: string, cacheDir: string, restoreOff?: RestoreOff) {
  const { cache, asked } = recording(cacheDir);
  const events: Progress[] = [];
  const config = makeConfig({
    projectDir: dir,
    workspace: dir,
    buildCommand: BUILD,
    trace: false,
    restoreOff,
    env: { ...process.env, GITHUB_ACTIONS: "" },
  });
  const result = await runPipeline(config, {
    cache,
    stagingDir: path.join(makeTempDir(), "staging"),
    progress: (event) => events.push(event),
  });
  return { result, asked, lines: events.flatMap(progressLines) };
}

describe("a run that must build from its sources", () => {
  it("restores nothing though the wheels are cached, builds, and says why", async () => {
    const dir = project();
    const cacheDir = makeTempDir();
    expect((await run(dir, cacheDir)).result.verdict).toBe("built");
    const hit = await run(dir, cacheDir);
    expect(hit.result.verdict).toBe("hit");
    const ours = (keys: string[]) =>
      keys.filter((k) => k.includes(hit.result.manifest.fingerprint.slice(0, 12)));
    expect(ours(hit.asked).length).toBeGreaterThan(0);

    const release = await run(dir, cacheDir, { kind: "event", event: "release" });
    expect(release.result.verdict).toBe("built");
    // No lookup of this fingerprint's build or its wheels: only the previous build's manifest.
    expect(release.asked.length).toBeGreaterThan(0);
    expect(ours(release.asked)).toEqual([]);
    expect(release.lines).toContainEqual(
      expect.stringMatching(
        /^not restoring: this is a release run, which must be built from its sources/,
      ),
    );
    expect(reasonOf(release.result)).toBe("rebuilt: a release run, built from its sources");
    // The cache already holds this fingerprint's wheels: entries are immutable.
    expect(release.result.save.status).toBe("exists");
  });
});
