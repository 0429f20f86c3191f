import { describe, expect, test } from "vitest";
import { scriptEnvNames } from "../../../src/project/infer-native.js";
import { inlineSetupConstants } from "../../../src/project/infer-shipped.js";
import { fingerprintDir, QUIET_ENV } from "../../support/fingerprint.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// Real setup.py files switch what they build on variables of their own: msgpack builds a
// pure-Python wheel under MSGPACK_PUREPYTHON=1, ujson keeps its symbols under
// UJSON_BUILD_NO_STRIP=1, brotli links the system library under USE_SYSTEM_BROTLI=1.

const SETUPTOOLS =
  '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "demo"\nversion = "1"\n';

describe("scriptEnvNames", () => {
  test("names read with environ.get, getenv, environ[...] and `in environ`", () => {
    const script = [
      "import os",
      "from os import environ, getenv",
      'if not os.environ.get("MSGPACK_PUREPYTHON"): pass',
      "libs = environ.get(\n    'UJSON_BUILD_DC_LIBS', '')",
      'x = os.getenv("ZSTD_WARNINGS_AS_ERRORS")',
      'if "ZSTD_EXTRA_COMPILER_ARGS" in os.environ:',
      '    y = os.environ["ZSTD_EXTRA_COMPILER_ARGS"]',
      'z = environ.pop("DEMO_POPPED", None)',
      '# os.environ.get("COMMENTED_OUT")',
      'home = os.environ.get("HOME")',
    ].join("\n");
    expect(scriptEnvNames(script)).toEqual([
      "DEMO_POPPED",
      "MSGPACK_PUREPYTHON",
      "UJSON_BUILD_DC_LIBS",
      "ZSTD_EXTRA_COMPILER_ARGS",
      "ZSTD_WARNINGS_AS_ERRORS",
    ]);
  });

  test("a helper that reads the variable its parameter names: the names it is called with", () => {
    const script = [
      "def bool_from_environ(key):",
      "  value = os.environ.get(key)",
      "  return value not in (None, '', '0')",
      "",
      "def get_version():",
      "  defs = {}",
      '  return defs.get("BROTLI_VERSION_" + "MAJOR")',
      "",
      'USE_SYSTEM_BROTLI = bool_from_environ("USE_SYSTEM_BROTLI")',
      'ext = Extension("_brotli", sources=["python/_brotli.c"], define_macros=[("NDEBUG", "1")])',
      'print(get_version("NOT_A_VARIABLE"))',
    ].join("\n");
    expect(scriptEnvNames(script)).toEqual(["USE_SYSTEM_BROTLI"]);
  });

  test("no environment read: no names", () => {
    expect(scriptEnvNames('setup(name="DEMO")\nprint("WARNING")\n')).toEqual([]);
  });
});

describe("a variable setup.py reads is a rebuild key", () => {
  test("setting it moves the fingerprint; an unrelated variable does not", async () => {
    const dir = makeTempDir();
    writeTree(dir, {
      "pyproject.toml": SETUPTOOLS,
      "setup.py":
        'import os\nfrom setuptools import Extension, setup\next = [] if os.environ.get("DEMO_PUREPYTHON") else [Extension("demo._core", ["src/core.c"])]\nsetup(ext_modules=ext)\n',
      "src/core.c": "",
    });
    const fp = async (env: NodeJS.ProcessEnv) => (await fingerprintDir(dir, { env })).manifest;
    const quiet = await fp(QUIET_ENV);
    const key = quiet.keys.find((k) => k.id === "env:DEMO_PUREPYTHON");
    expect(key).toMatchObject({ source: "inferred", group: "rebuild", detail: "unset" });
    expect((await fp({ ...QUIET_ENV, UNRELATED: "1" })).fingerprint).toBe(quiet.fingerprint);
    expect((await fp({ ...QUIET_ENV, DEMO_PUREPYTHON: "1" })).fingerprint).not.toBe(
      quiet.fingerprint,
    );
  });

  test("a helper module beside setup.py counts too", async () => {
    const dir = makeTempDir();
    writeTree(dir, {
      "pyproject.toml": SETUPTOOLS,
      "setup.py":
        "import setup_helper\nfrom setuptools import setup\nsetup(ext_modules=setup_helper.extensions())\n",
      "setup_helper.py":
        'import os\ndef extensions():\n    args = os.environ["DEMO_EXTRA_ARGS"].split() if "DEMO_EXTRA_ARGS" in os.environ else []\n    return []\n',
    });
    const manifest = (await fingerprintDir(dir)).manifest;
    expect(manifest.keys.map((k) => k.id)).toContain("env:DEMO_EXTRA_ARGS");
  });
});

describe("setup() arguments given as module-level constants (brotli)", () => {
  const setupPy = [
    "import setuptools",
    'NAME = "brotli"',
    'PACKAGE_DIR = {"": "python"}',
    'PY_MODULES = ["brotli"]',
    "setuptools.setup(",
    "    name=NAME,",
    "    package_dir=PACKAGE_DIR,",
    "    py_modules=PY_MODULES,",
    "    ext_modules=EXT_MODULES,",
    ")",
  ].join("\n");

  test("the constants' literals are read in their place", () => {
    const inlined = inlineSetupConstants(setupPy);
    expect(inlined).toContain('name="brotli",');
    expect(inlined).toContain('package_dir={"": "python"},');
    expect(inlined).toContain('py_modules=["brotli"],');
    expect(inlined).toContain("ext_modules=EXT_MODULES,");
  });

  test("the module under package_dir is shipped; an unrelated directory of scripts is not", async () => {
    const dir = makeTempDir();
    writeTree(dir, {
      "pyproject.toml":
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n',
      "setup.py": setupPy,
      "python/brotli.py": "x = 1\n",
      "python/tests/test_simple.py": "x = 1\n",
      "research/brotlidump.py": "x = 1\n",
    });
    const keys = (await fingerprintDir(dir)).manifest.keys;
    const shipped = keys.filter((k) => k.group === "shipped");
    expect(shipped.map((k) => k.id)).toEqual(["file:python/brotli.py"]);
  });
});
