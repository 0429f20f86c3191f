import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildScriptEntries } from "../../../src/build/script.js";
import { buildRequirementsKey, isolationOf } from "../../../src/keys/requirements.js";
import { fingerprintDir, QUIET_ENV } from "../../support/fingerprint.js";
import { git, gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// Each input real projects have and the first defaults missed: editing it moves the
// fingerprint; editing a file the build never reads does not.

const SETUPTOOLS =
  '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "demo"\nversion = "1"\n';
const MESON =
  '[build-system]\nrequires = ["meson-python"]\nbuild-backend = "mesonpy"\n[project]\nname = "demo"\nversion = "1"\n';
const SKBUILD =
  '[build-system]\nrequires = ["scikit-build-core"]\nbuild-backend = "scikit_build_core.build"\n[project]\nname = "demo"\nversion = "1"\n';
const MATURIN =
  '[build-system]\nrequires = ["maturin>=1"]\nbuild-backend = "maturin"\n[project]\nname = "demo"\nversion = "1"\n';

function project(files: Record<string, string>, dir = makeTempDir()): string {
  writeTree(dir, files);
  return dir;
}

const fingerprint = async (dir: string, env = QUIET_ENV) =>
  (await fingerprintDir(dir, { env })).manifest.fingerprint;

/** The fingerprint moves when `input` changes and stays when `unread` does. */
async function expectInput(projectDir: string, input: string, unread?: string): Promise<void> {
  const before = await fingerprint(projectDir);
  if (unread) {
    writeFileSync(path.join(projectDir, unread), "edited, never read by the build\n");
    expect(await fingerprint(projectDir), `${unread} is not an input`).toBe(before);
  }
  writeFileSync(path.join(projectDir, input), "/* edited */\n", { flag: "a" });
  expect(await fingerprint(projectDir), `${input} is an input`).not.toBe(before);
}

describe("what setuptools ships", () => {
  test("every package of [tool.setuptools] packages and package-dir", async () => {
    const dir = project({
      "pyproject.toml": `${SETUPTOOLS}[tool.setuptools]\npackages = ["demo", "other"]\npackage-dir = { "" = "lib" }\n`,
      "lib/demo/__init__.py": "",
      "lib/other/__init__.py": "",
      "docs/conf.py": "x = 1\n",
    });
    await expectInput(dir, "lib/other/__init__.py", "docs/conf.py");
  });

  test("setup.py's packages= and package_dir=", async () => {
    const dir = project({
      "pyproject.toml": SETUPTOOLS,
      "setup.py":
        'from setuptools import setup\nsetup(packages=["demo", "extra"], package_dir={"demo": "src/demo", "extra": "tools/extra"})\n',
      "src/demo/__init__.py": "",
      "tools/extra/__init__.py": "",
      "tools/unrelated.txt": "x\n",
    });
    await expectInput(dir, "tools/extra/__init__.py", "tools/unrelated.txt");
  });

  test("py-modules and packages.find", async () => {
    const modules = project({
      "pyproject.toml": `${SETUPTOOLS}[tool.setuptools]\npy-modules = ["single"]\n`,
      "single.py": "x = 1\n",
      "noxfile.py": "x = 1\n",
    });
    await expectInput(modules, "single.py", "noxfile.py");
    const found = project({
      "pyproject.toml": `${SETUPTOOLS}[tool.setuptools.packages.find]\nwhere = ["code"]\n`,
      "code/pkg_a/__init__.py": "",
      "README.txt": "x\n",
    });
    await expectInput(found, "code/pkg_a/__init__.py", "README.txt");
  });

  test("modules setup.py imports from beside it, and files it reads without an extension", async () => {
    const dir = project({
      "pyproject.toml": SETUPTOOLS,
      "setup.py":
        'import setup_helpers\nfrom setuptools import setup\nsetup(version=open("VERSION").read())\n',
      "setup_helpers.py": "X = 1\n",
      VERSION: "1.0\n",
      "src/demo/__init__.py": "",
      "notes.txt": "x\n",
    });
    await expectInput(dir, "setup_helpers.py", "notes.txt");
    await expectInput(dir, "VERSION");
  });

  test("an in-tree backend that hands the build to setuptools gets setuptools' keys", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "backend"\nbackend-path = ["_custom_build"]\n[project]\nname = "demo"\nversion = "1"\n',
      "_custom_build/backend.py": "from setuptools.build_meta import *\n",
      "MANIFEST.in": "include README\n",
      "csrc/core.c": "int x;\n",
      "docs/index.md": "# docs\n",
    });
    await expectInput(dir, "csrc/core.c", "docs/index.md");
    await expectInput(dir, "MANIFEST.in");
  });
});

describe("C-family sources and the directories builds search", () => {
  test("headers with odd suffixes and templates", async () => {
    const dir = project({
      "pyproject.toml": SETUPTOOLS,
      "setup.py": "from setuptools import setup\nsetup()\n",
      "src/table.inc": "",
      "src/vec.tcc": "",
      "src/gen.c.src": "",
      "src/mod.pyx.in": "",
      "src/Matrix.H": "",
    });
    for (const input of [
      "src/table.inc",
      "src/vec.tcc",
      "src/gen.c.src",
      "src/mod.pyx.in",
      "src/Matrix.H",
    ]) {
      await expectInput(dir, input);
    }
  });

  test("include_dirs outside the project, with extensionless headers", async () => {
    const repo = project({
      "common/vector": "// an extensionless C++ header\n",
      "common/README.md": "x\n",
      "pkg/pyproject.toml": SETUPTOOLS,
      "pkg/setup.py":
        'from setuptools import Extension, setup\nsetup(ext_modules=[Extension("demo._core", ["src/core.cpp"], include_dirs=["../common"])])\n',
      "pkg/src/core.cpp": "",
    });
    gitInit(repo);
    gitCommitAll(repo);
    await expectInput(path.join(repo, "pkg"), "../common/vector");
  });

  test("CMake include_directories and add_subdirectory outside the project", async () => {
    const repo = project({
      "shared/lib.hpp": "",
      "third/CMakeLists.txt": "add_library(third STATIC x.cpp)\n",
      "third/x.cpp": "",
      "pkg/pyproject.toml": SKBUILD,
      "pkg/CMakeLists.txt":
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CMake's own ${...} syntax
        "cmake_minimum_required(VERSION 3.15)\nproject(demo)\ninclude_directories(${CMAKE_CURRENT_SOURCE_DIR}/../shared)\nadd_subdirectory(../third third_build)\n",
    });
    gitInit(repo);
    gitCommitAll(repo);
    await expectInput(path.join(repo, "pkg"), "../shared/lib.hpp");
    await expectInput(path.join(repo, "pkg"), "../third/CMakeLists.txt");
  });

  test("meson: files named at any depth of subdir(), install_sources, custom_target scripts", async () => {
    const dir = project({
      "pyproject.toml": MESON,
      "meson.build": "project('demo', 'c')\nsubdir('lib/demo')\n",
      "lib/demo/meson.build":
        "py.install_sources(['__init__.py', 'util.py'], subdir: 'demo')\ncustom_target('gen', command: [py, files('gen_table.py')], output: 'table.h')\nconfigure_file(input: 'config.h.in', output: 'config.h', configuration: conf)\n",
      "lib/demo/__init__.py": "",
      "lib/demo/util.py": "",
      "lib/demo/gen_table.py": "",
      "lib/demo/config.h.in": "",
      "lib/demo/notes.txt": "x\n",
    });
    for (const input of ["lib/demo/util.py", "lib/demo/gen_table.py", "lib/demo/config.h.in"]) {
      await expectInput(dir, input, "lib/demo/notes.txt");
    }
  });
});

describe("git", () => {
  test("a submodule inside the project: bumping it moves the key", async () => {
    const lib = project({ "lib.h": "1\n" });
    gitInit(lib);
    gitCommitAll(lib);
    const dir = project({
      "pyproject.toml": SETUPTOOLS,
      "setup.py": "from setuptools import setup\nsetup()\n",
    });
    gitInit(dir);
    git(dir, "-c", "protocol.file.allow=always", "submodule", "add", "--quiet", lib, "vendor/lib");
    gitCommitAll(dir);
    const before = await fingerprint(dir);
    writeFileSync(path.join(dir, "vendor/lib/lib.h"), "2\n");
    expect(await fingerprint(dir), "a change inside the submodule").not.toBe(before);
    gitCommitAll(path.join(dir, "vendor/lib"));
    const committed = await fingerprint(dir);
    expect(committed).not.toBe(before);
  });

  test("a version from git keys a dirty tree apart from the clean commit", async () => {
    const dir = project({
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools", "setuptools-scm"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "demo"\ndynamic = ["version"]\n',
      "README.md": "x\n",
    });
    gitInit(dir);
    gitCommitAll(dir);
    const clean = await fingerprint(dir);
    writeFileSync(path.join(dir, "README.md"), "edited\n");
    expect(await fingerprint(dir)).not.toBe(clean);
  });

  test("use_scm_version in setup.py is a version from git", async () => {
    const dir = project({
      "setup.py": 'from setuptools import setup\nsetup(name="demo", use_scm_version=True)\n',
    });
    gitInit(dir);
    gitCommitAll(dir);
    const ids = (await fingerprintDir(dir)).manifest.keys.map((k) => k.id);
    expect(ids).toEqual(expect.arrayContaining(["git:commit", "git:dirty"]));
  });
});

describe("Rust", () => {
  test("[package] build = ... and [patch] paths", async () => {
    const repo = project({
      "pyproject.toml": MATURIN,
      "Cargo.toml":
        '[package]\nname = "demo"\nbuild = "tools/build.rs"\n[dependencies]\nfoo = "1"\n[patch.crates-io]\nfoo = { path = "vendor/foo" }\n',
      "tools/build.rs": "fn main() {}\n",
      "vendor/foo/Cargo.toml": '[package]\nname = "foo"\n',
      "vendor/foo/src/lib.rs": "",
      "src/lib.rs": "",
    });
    gitInit(repo);
    gitCommitAll(repo);
    await expectInput(repo, "tools/build.rs");
    await expectInput(repo, "vendor/foo/src/lib.rs");
  });
});

describe("the environment and pyproject.toml's tool tables", () => {
  test("CPATH and the cc crate's per-target variables", async () => {
    const dir = project({ "pyproject.toml": SETUPTOOLS });
    const plain = await fingerprint(dir);
    expect(await fingerprint(dir, { ...QUIET_ENV, CPATH: "/opt/include" })).not.toBe(plain);
    expect(
      await fingerprint(dir, { ...QUIET_ENV, CFLAGS_x86_64_unknown_linux_gnu: "-O3" }),
    ).not.toBe(plain);
  });

  test("[tool.cibuildwheel] is a build input; [tool.mypy] only for mypyc", async () => {
    const dir = project({ "pyproject.toml": SETUPTOOLS });
    const plain = await fingerprint(dir);
    writeFileSync(
      path.join(dir, "pyproject.toml"),
      `${SETUPTOOLS}[tool.cibuildwheel]\nbuild = "cp311-*"\n`,
    );
    expect(await fingerprint(dir)).not.toBe(plain);
    writeFileSync(path.join(dir, "pyproject.toml"), `${SETUPTOOLS}[tool.mypy]\nstrict = true\n`);
    expect(await fingerprint(dir)).toBe(plain);
    const mypyc = SETUPTOOLS.replace('["setuptools"]', '["setuptools", "mypy"]');
    writeFileSync(path.join(dir, "pyproject.toml"), mypyc);
    const before = await fingerprint(dir);
    writeFileSync(path.join(dir, "pyproject.toml"), `${mypyc}[tool.mypy]\nstrict = true\n`);
    expect(await fingerprint(dir)).not.toBe(before);
  });

  test("constraint files named by PIP_CONSTRAINT: their content", async () => {
    const dir = project({ "pyproject.toml": SETUPTOOLS, "constraints.txt": "setuptools<80\n" });
    const env = { ...QUIET_ENV, PIP_CONSTRAINT: path.join(dir, "constraints.txt") };
    const before = await fingerprint(dir, env);
    writeFileSync(path.join(dir, "constraints.txt"), "setuptools<81\n");
    expect(await fingerprint(dir, env)).not.toBe(before);
  });
});

describe("build requirements", () => {
  test.each([
    [["uv", "build", "--wheel"], {}, "uv"],
    [["uv", "build", "--no-build-isolation"], {}, "none"],
    [["uv", "build"], { UV_NO_BUILD_ISOLATION: "1" }, "none"],
    [["python", "-m", "build", "--wheel"], {}, "pip"],
    [["python", "-m", "build", "--no-isolation"], {}, "none"],
    [["python3", "-m", "pip", "wheel", "."], {}, "pip"],
    [["python3", "-m", "pip", "wheel", "--no-build-isolation", "."], {}, "none"],
    [["python3", "-m", "pip", "wheel", "."], { PIP_NO_BUILD_ISOLATION: "0" }, "none"],
    [["maturin", "build", "--release"], {}, "none"],
  ] as const)("%j with %j is isolated by %s", (argv, env, isolation) => {
    expect(isolationOf(argv, env)).toBe(isolation);
  });

  test("without isolation, the installed versions: a new one moves the key", async () => {
    const request = {
      requires: ["setuptools", "numpy"],
      argv: ["python", "-m", "build", "--no-isolation"],
      python: "python3",
      env: QUIET_ENV,
      cwd: makeTempDir(),
    };
    const one = await buildRequirementsKey({
      ...request,
      installed: { setuptools: "80.0", numpy: "1.26.4" },
    });
    const two = await buildRequirementsKey({
      ...request,
      installed: { setuptools: "80.0", numpy: "2.0.0" },
    });
    expect(one.key.detail).toContain("numpy==1.26.4");
    expect(one.key.digest).not.toBe(two.key.digest);
  });

  test("an isolated build that cannot be resolved keys the specifiers, with a warning", async () => {
    const result = await buildRequirementsKey({
      requires: ["setuptools"],
      argv: ["uv", "build"],
      python: "python3",
      installed: {},
      env: { PATH: "/nonexistent" },
      cwd: makeTempDir(),
    });
    expect(result.key.detail).toContain("unresolved");
    expect(result.warning).toMatch(/could not be resolved \(uv is not on PATH\)/);
  });
});

describe("the build command's own files", () => {
  test.each([
    [["bash", "ci/build-wheel.sh"], ["ci/build-wheel.sh"]],
    [["./build.sh", "--release"], ["build.sh"]],
    [
      ["make", "wheel"],
      ["GNUmakefile", "makefile", "Makefile"],
    ],
    [["make", "-f", "build.mk", "wheel"], ["build.mk"]],
    [["nox", "-s", "build"], ["noxfile.py"]],
    [["python", "tools/build.py"], ["tools/build.py"]],
    [["python", "-m", "build"], []],
    [["uv", "build"], []],
  ])("%j keys %j", (argv, files) => {
    const dir = makeTempDir();
    const entries = buildScriptEntries(argv, dir, dir).map((e) => e.entry);
    expect(entries).toEqual(files.map((pattern) => ({ kind: "file", pattern })));
  });
});

describe("spurious rebuilds: the key must not move", () => {
  test("a project whose name is unknown does not key the whole tree", async () => {
    const dir = project({
      "setup.py":
        'from setuptools import setup\nNAME = "brotli"\nsetup(name=NAME, packages=["brotli"], package_dir={"": "python"})\n',
      "python/brotli/__init__.py": "",
      "docs/index.md": "x\n",
      "tests/test_x.py": "x\n",
      ".github/workflows/ci.yml": "x\n",
    });
    const before = await fingerprint(dir);
    for (const unread of ["docs/index.md", "tests/test_x.py", ".github/workflows/ci.yml"]) {
      writeFileSync(path.join(dir, unread), "edited\n");
    }
    expect(await fingerprint(dir)).toBe(before);
    await expectInput(dir, "python/brotli/__init__.py");
  });

  test("with no package found, only top-level modules are shipped, not docs/conf.py", async () => {
    const dir = project({
      "pyproject.toml": SETUPTOOLS.replace('name = "demo"', 'name = "nothing-here"'),
      "helper.py": "x = 1\n",
      "docs/conf.py": "x = 1\n",
    });
    mkdirSync(path.join(dir, "data"));
    await expectInput(dir, "helper.py", "docs/conf.py");
  });

  test("a directory named after the project without Python files is not a package", async () => {
    const dir = project({
      "pyproject.toml": SETUPTOOLS.replace('name = "demo"', 'name = "ujson"'),
      "setup.py":
        'from setuptools import Extension, setup\nsetup(ext_modules=[Extension("ujson", ["src/ujson/python/ujson.c"])])\n',
      "src/ujson/python/ujson.c": "",
      "src/ujson/README.md": "vendored notes\n",
    });
    await expectInput(dir, "src/ujson/python/ujson.c", "src/ujson/README.md");
  });
});

describe("computed paths name nothing a rule can follow", () => {
  test("include_dirs=[os.path.join(...)] keys no directory, and never the tree above the project", async () => {
    const repo = project({
      "common/defs.h": "",
      "other/notes.txt": "x\n",
      "pkg/pyproject.toml": SETUPTOOLS,
      "pkg/setup.py":
        'import os\nfrom setuptools import Extension, setup\nsetup(ext_modules=[Extension("demo._core", ["src/core.c"], include_dirs=[os.path.join("..", "common"), "."])])\n',
      "pkg/src/core.c": "",
    });
    gitInit(repo);
    gitCommitAll(repo);
    await expectInput(path.join(repo, "pkg"), "src/core.c", "../other/notes.txt");
  });
});
