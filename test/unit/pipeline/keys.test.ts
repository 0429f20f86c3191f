import { describe, expect, test } from "vitest";
import { LocalCache } from "../../../src/cache/local.js";
import { makeConfig } from "../../../src/config/index.js";
import { describeKeys } from "../../../src/pipeline/keys.js";
import { QUIET_ENV } from "../../support/fingerprint.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

describe("describeKeys", () => {
  test("keys the build requirements' versions unless asked not to (uv has no entry for them)", async () => {
    const dir = makeTempDir();
    writeTree(dir, {
      // No build requirements: nothing to resolve, so the test never waits for a package index.
      "pyproject.toml":
        '[build-system]\nrequires = []\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "mod"\nversion = "1"\n',
      "mod/__init__.py": "",
    });
    const config = makeConfig({
      command: "keys",
      projectDir: dir,
      projectDisplay: ".",
      python: "python3",
      env: QUIET_ENV,
      cacheDir: makeTempDir(),
    });
    const deps = { cache: new LocalCache(config.cacheDir!), stagingDir: makeTempDir() };
    const ids = async (requirements?: boolean) =>
      (await describeKeys(config, deps, { requirements })).fp.manifest.keys.map((k) => k.id);
    expect(await ids()).toContain("build-requirements");
    expect(await ids(false)).not.toContain("build-requirements");
    expect(await ids(false)).toContain("pyproject");
  });
});
