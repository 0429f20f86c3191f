import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runCli } from "./action.js";
import { tail } from "./action-output.js";
import { buildEnv, PYTHON } from "./build-env.js";
import { makeTempDir, writeTree } from "./tmp.js";

/**
 * Small setuptools projects with a C extension `<name>._core` whose `value()` returns the macro
 * `VALUE`, for round trips: build, change an input, build again, import the wheel.
 */

export const BUILD_COMMAND = "python -m build --wheel --no-isolation";

/**
 * The C source of `<name>._core`, including `includes` (each a header name) for `VALUE`, or
 * defining it as 1 unless the compiler's flags do.
 */
export function coreSource(includes: readonly string[]): string {
  const value = includes.length > 0 ? "" : "#ifndef VALUE\n#define VALUE 1\n#endif";
  return `#define PY_SSIZE_T_CLEAN
#include <Python.h>
${includes.map((h) => `#include ${h}`).join("\n")}${value}
static PyObject *value(PyObject *self, PyObject *args) { return PyLong_FromLong(VALUE); }
static PyMethodDef methods[] = {{"value", value, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_core", NULL, -1, methods};
PyMODINIT_FUNC PyInit__core(void) { return PyModule_Create(&module); }
`;
}

/** pyproject.toml of a setuptools project named `name` (extra TOML appended). */
export function pyproject(name: string, extra = ""): string {
  return `[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "${name}"
version = "1.0"
${extra}`;
}

/** setup.py building `<name>._core` from src/<name>/_core.c with these extension arguments. */
export function setupPy(name: string, extensionArgs = "", prelude = ""): string {
  return `from setuptools import Extension, setup
${prelude}
setup(ext_modules=[Extension("${name}._core", ["src/${name}/_core.c"]${extensionArgs ? `, ${extensionArgs}` : ""})])
`;
}

/** A project in a new temporary directory (or `dir`) with `files`. */
export function writeProject(
  files: Record<string, string>,
  dir = makeTempDir("wheel-cache-observed-"),
): string {
  writeTree(dir, files);
  return dir;
}

export interface BuildJson {
  readonly cacheHit: boolean;
  readonly built: boolean;
  readonly reason: string;
  readonly wheels: string[];
  readonly warnings: string[];
  readonly advice: string[];
  readonly fingerprint: string;
}

/** `wheel-cache build --json` on `project` with the local cache in `cacheDir`. */
export async function buildProject(
  project: string,
  cacheDir: string,
  env: NodeJS.ProcessEnv = buildEnv,
): Promise<BuildJson> {
  const args = ["build", "--project", project, "--cache-dir", cacheDir, "--json"];
  const result = await runCli([...args, "--build-command", BUILD_COMMAND], {
    cwd: project,
    env: { ...env },
  });
  expect(result.code, tail(result)).toBe(0);
  return JSON.parse(result.stdout) as BuildJson;
}

/** What `<module>.value()` returns from the one wheel a run left, imported from the wheel. */
export function importedValue(run: BuildJson, module: string, attribute = "_core.value()"): string {
  expect(run.wheels).toHaveLength(1);
  const unpacked = makeTempDir("wheel-cache-unpacked-");
  const script = `import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
sys.path.insert(0, sys.argv[2])
import ${module}, ${module}._core
print(${module}.${attribute})`;
  return execFileSync(PYTHON, ["-c", script, run.wheels[0]!, unpacked], {
    encoding: "utf8",
    env: { ...buildEnv, PYTHONDONTWRITEBYTECODE: "1" },
    cwd: unpacked,
  }).trim();
}

/** The wheels a project's dist/ holds now. */
export function distWheels(project: string): string[] {
  return readdirSync(path.join(project, "dist")).filter((n) => n.endsWith(".whl"));
}
