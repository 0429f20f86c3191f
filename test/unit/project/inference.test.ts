import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { locateProject } from "../../../src/files/listing.js";
import { distributionName } from "../../../src/project/infer-shipped.js";
import { loadProject } from "../../../src/project/model.js";
import { coveredFiles, fingerprintDir, QUIET_ENV } from "../../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const MATURIN =
  '[build-system]\nrequires = ["maturin>=1"]\nbuild-backend = "maturin"\n[project]\nname = "demo"\nversion = "1.0"\n';

function project(files: Record<string, string>): string {
  const dir = makeTempDir();
  writeTree(dir, files);
  return dir;
}

const ids = async (dir: string) => (await fingerprintDir(dir)).manifest.keys.map((k) => k.id);

describe("Rust layouts", () => {
  test("path dependencies and workspace members are followed, inside the repository", async () => {
    const root = project({
      "Cargo.toml":
        '[workspace]\nmembers = ["py", "core"]\n[workspace.dependencies]\ncore = { path = "core" }\n',
      "Cargo.lock": "# lock\n",
      "core/Cargo.toml": '[package]\nname = "core"\n[dependencies]\nutil = { path = "../util" }\n',
      "core/src/lib.rs": "pub fn f() {}\n",
      "util/Cargo.toml": '[package]\nname = "util"\n',
      "util/src/lib.rs": "pub fn g() {}\n",
      "py/Cargo.toml": '[package]\nname = "py"\n[dependencies]\ncore = { workspace = true }\n',
      "py/src/lib.rs": "fn m() {}\n",
      "py/pyproject.toml": MATURIN,
    });
    gitInit(root);
    gitCommitAll(root);
    const fp = await fingerprintDir(`${root}/py`);
    const files = coveredFiles(fp);
    for (const f of [
      "src/lib.rs",
      "../core/src/lib.rs",
      "../util/src/lib.rs",
      "../Cargo.lock",
      "../Cargo.toml",
      "../core/Cargo.toml",
    ]) {
      expect(files, f).toContain(f);
    }
  });

  test("a path dependency outside the repository is a warning, not a key", async () => {
    const outer = makeTempDir();
    writeTree(outer, { "other/Cargo.toml": '[package]\nname = "other"\n' });
    const root = `${outer}/repo`;
    writeTree(root, {
      "pyproject.toml": MATURIN,
      "Cargo.toml": '[package]\nname = "demo"\n[dependencies]\nother = { path = "../other" }\n',
      "src/lib.rs": "",
    });
    gitInit(root);
    const fp = await fingerprintDir(root);
    expect(fp.warnings.join("\n")).toContain("../other is outside the repository");
  });

  test("[lib] path outside src/ is covered", async () => {
    const dir = project({
      "pyproject.toml": MATURIN,
      "Cargo.toml": '[package]\nname = "demo"\n[lib]\npath = "rust/lib.rs"\n',
      "rust/lib.rs": "",
    });
    expect(coveredFiles(await fingerprintDir(dir))).toContain("rust/lib.rs");
  });
});

describe("inferred keys beyond the backend", () => {
  test("a version from git keys the commit and the tags", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools", "setuptools-scm"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "demo"\ndynamic = ["version"]\n',
    });
    gitInit(dir);
    gitCommitAll(dir);
    expect(await ids(dir)).toEqual(expect.arrayContaining(["git:commit", "git:tags"]));
    const before = (await fingerprintDir(dir)).manifest.fingerprint;
    git(dir, "tag", "v1.0.0");
    expect((await fingerprintDir(dir)).manifest.fingerprint).not.toBe(before);
  });

  test("an in-tree backend (backend-path) keys its own files", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = []\nbuild-backend = "backend"\nbackend-path = ["_build"]\n[project]\nname = "demo"\nversion = "1"\n',
      "_build/backend.py": "def build_wheel(): ...\n",
    });
    expect(coveredFiles(await fingerprintDir(dir))).toContain("_build/backend.py");
  });

  test("files that dynamic metadata is read from are metadata inputs", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nbuild-backend = "setuptools.build_meta"\nrequires = ["setuptools"]\n[project]\nname = "demo"\nversion = "1"\ndynamic = ["dependencies"]\nreadme = "README.rst"\n[tool.setuptools.dynamic]\ndependencies = { file = ["requirements.txt"] }\n',
      "requirements.txt": "numpy\n",
      "README.rst": "hello\n",
      LICENSE: "MIT\n",
    });
    const fp = await fingerprintDir(dir);
    const metadata = fp.manifest.keys
      .filter((k) => k.group === "metadata")
      .flatMap((k) => Object.keys(k.files ?? {}));
    expect(metadata).toEqual(expect.arrayContaining(["requirements.txt", "README.rst", "LICENSE"]));
  });

  test("[tool.uv] cache-keys replace the defaults, as in uv", async () => {
    const dir = project({
      "pyproject.toml": `${MATURIN}[tool.uv]\ncache-keys = [{ file = "src/**/*.rs" }, { env = "FEATURE" }]\n`,
      "Cargo.toml": '[package]\nname = "demo"\n',
      "src/lib.rs": "",
    });
    const fp = await fingerprintDir(dir);
    expect(fp.keysFrom).toBe("pyproject");
    const rebuild = fp.manifest.keys
      .filter((k) => k.group === "rebuild")
      .map((k) => `${k.id} ${k.source}`);
    expect(rebuild).toEqual([
      "file:src/**/*.rs pyproject",
      "env:FEATURE pyproject",
      "pyproject implicit",
    ]);
  });

  test("cache-keys only in uv.toml are a warning", async () => {
    const dir = project({ "pyproject.toml": MATURIN, "uv.toml": 'cache-keys = ["a"]\n' });
    expect((await fingerprintDir(dir)).warnings.join("\n")).toContain(
      "uv.toml: cache-keys in uv.toml have no effect",
    );
  });

  test("a glob that matches nothing is a warning naming the entry", async () => {
    const dir = project({
      "pyproject.toml": `${MATURIN}[tool.uv]\ncache-keys = ["nothing/**/*.rs"]\n`,
    });
    expect((await fingerprintDir(dir)).warnings).toContain(
      `${dir}/pyproject.toml: [tool.uv] cache-keys[0]: glob "nothing/**/*.rs" matches no file`,
    );
  });

  test("pyproject.toml sections of linters and test runners do not change the fingerprint", async () => {
    const dir = project({ "pyproject.toml": MATURIN });
    const before = (await fingerprintDir(dir)).manifest.fingerprint;
    writeTree(dir, {
      "pyproject.toml": `${MATURIN}[tool.pytest.ini_options]\naddopts = "-q"\n[tool.ruff]\nline-length = 99\n`,
    });
    expect((await fingerprintDir(dir)).manifest.fingerprint).toBe(before);
    writeTree(dir, { "pyproject.toml": `${MATURIN}[tool.maturin]\nfeatures = ["x"]\n` });
    expect((await fingerprintDir(dir)).manifest.fingerprint).not.toBe(before);
  });
});

describe("keys that leave the repository are errors", () => {
  test.each([
    ['["../../outside.txt"]', "is outside the repository root"],
    ['["../../*.txt"]', "reaches outside the repository root"],
    ['["/etc/passwd"]', "is an absolute path"],
    ['["src/[abc"]', "src/[abc"],
  ])("%s", async (keys, message) => {
    const dir = project({ "pyproject.toml": `${MATURIN}[tool.uv]\ncache-keys = ${keys}\n` });
    await expect(fingerprintDir(dir)).rejects.toThrow(UserError);
    await expect(fingerprintDir(dir)).rejects.toThrow(message);
  });
});

describe("environment keys", () => {
  const keysWith = async (env: NodeJS.ProcessEnv) => {
    const dir = project({
      "pyproject.toml": `${MATURIN}[tool.uv]\ncache-keys = [{ env = "FEATURE" }]\n`,
    });
    return fingerprintDir(dir, { env: { ...QUIET_ENV, ...env } });
  };

  test("unset and empty differ; values are hashed and never stored", async () => {
    const unset = await keysWith({});
    const empty = await keysWith({ FEATURE: "" });
    const canary = await keysWith({ FEATURE: "canary-7f3e9a", RUSTFLAGS: "canary-7f3e9a" });
    const digest = (fp: typeof unset) =>
      fp.manifest.keys.find((k) => k.id === "env:FEATURE")!.digest;
    expect(digest(unset)).not.toBe(digest(empty));
    expect(JSON.stringify(canary.manifest)).not.toContain("canary-7f3e9a");
    expect(canary.manifest.keys.map((k) => k.id)).toContain("env:RUSTFLAGS");
  });
});

describe("shipped files", () => {
  test("a layout with no package directory keys every Python file", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "single"\nversion = "1"\n[tool.setuptools]\npy-modules = ["helper_mod"]\n',
      "helper_mod.py": "X = 1\n",
    });
    const shipped = (await fingerprintDir(dir)).manifest.keys.filter((k) => k.group === "shipped");
    expect(shipped.flatMap((k) => Object.keys(k.files ?? {}))).toContain("helper_mod.py");
  });

  test("a src layout ships what src/<name> holds, data files included", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "my-pkg"\nversion = "1"\n',
      "src/my_pkg/__init__.py": "",
      "src/my_pkg/data/table.json": "{}",
    });
    const shipped = (await fingerprintDir(dir)).manifest.keys.filter((k) => k.group === "shipped");
    expect(shipped.map((k) => k.id)).toEqual(["file:src/my_pkg/**"]);
    expect(Object.keys(shipped[0]!.files!)).toEqual([
      "src/my_pkg/__init__.py",
      "src/my_pkg/data/table.json",
    ]);
  });
});

describe("the distribution name the wheels carry", () => {
  const nameOf = async (files: Record<string, string>) => {
    const dir = project(files);
    return distributionName(await loadProject(await locateProject(dir), dir));
  };

  test.each([
    [{ "pyproject.toml": MATURIN }, "demo"],
    [{ "setup.py": "from setuptools import setup\nsetup(name='legacy-pkg')\n" }, "legacy-pkg"],
    [
      {
        "setup.py": "from setuptools import setup\nsetup()\n",
        "setup.cfg": "[options]\nname = wrong\n[metadata]\nversion = 1\nname = from-cfg\n",
      },
      "from-cfg",
    ],
    [{ "setup.py": "from setuptools import setup\nsetup(name=NAME)\n" }, undefined],
  ])("%#", async (files, name) => {
    expect(await nameOf(files)).toBe(name);
  });
});
