import { appendFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { diffManifests } from "../../../src/fingerprint/diff.js";
import { EXAMPLES_DIR } from "../../support/build-env.js";
import { copyExample } from "../../support/examples.js";
import { coveredFiles, fingerprintDir } from "../../support/fingerprint.js";

/** What each backend's defaults must cover, and must not. */
const CASES = [
  {
    name: "setuptools-c",
    backend: "setuptools",
    compiled: "src/example_setuptools_c/_core.c",
    covered: [
      "setup.py",
      "src/example_setuptools_c/_core.c",
      "src/example_setuptools_c/__init__.py",
    ],
  },
  {
    name: "setuptools-cython",
    backend: "setuptools",
    compiled: "src/example_setuptools_cython/_core.pyx",
    covered: ["setup.py", "src/example_setuptools_cython/_core.pyx"],
  },
  {
    name: "setuptools-pybind11",
    backend: "setuptools",
    compiled: "src/example_setuptools_pybind11/_core.cpp",
    covered: ["setup.py", "src/example_setuptools_pybind11/_core.cpp"],
  },
  {
    name: "scikit-build-core",
    backend: "scikit-build-core",
    compiled: "include/example_scikit_build_core/add.hpp",
    covered: ["CMakeLists.txt", "src/core.cpp", "include/example_scikit_build_core/add.hpp"],
  },
  {
    name: "meson-python",
    backend: "meson-python",
    compiled: "src/example_meson_python/_core.c",
    covered: ["meson.build", "src/example_meson_python/_core.c"],
  },
  {
    name: "setuptools-rust",
    backend: "setuptools-rust",
    compiled: "src/lib.rs",
    covered: [
      "Cargo.toml",
      "Cargo.lock",
      "src/lib.rs",
      "python/example_setuptools_rust/__init__.py",
    ],
  },
  {
    name: "maturin",
    backend: "maturin",
    compiled: "src/lib.rs",
    covered: [
      "Cargo.toml",
      "Cargo.lock",
      "src/lib.rs",
      "python/example_maturin/__init__.py",
      "README.md",
    ],
  },
] as const;

test("every example is covered by a case", () => {
  expect(readdirSync(EXAMPLES_DIR).sort()).toEqual(CASES.map((c) => c.name).sort());
});

describe.each(CASES)("$name", ({ name, backend, compiled, covered }) => {
  test(`detects ${backend} and its defaults cover the compiled and shipped sources`, async () => {
    const fp = await fingerprintDir(await copyExample(name));
    expect(fp.request.project.backend.name).toBe(backend);
    expect(fp.keysFrom).toBe("inferred");
    const files = coveredFiles(fp);
    for (const file of covered) expect(files, file).toContain(file);
    expect([...files].filter((f) => f.startsWith("tests/"))).toEqual([]);
    const ids = fp.manifest.keys.map((k) => k.id);
    for (const id of ["pyproject", "build-system", "build-command", "platform", "python"])
      expect(ids).toContain(id);
  });

  test("the same project at another path with other mtimes has the same fingerprint", async () => {
    const a = await copyExample(name);
    const b = await copyExample(name);
    const old = new Date("2001-01-01T00:00:00Z");
    for (const file of readdirSync(b, { recursive: true, encoding: "utf8" }))
      utimesSync(path.join(b, file), old, old);
    const [fa, fb] = await Promise.all([fingerprintDir(a), fingerprintDir(b)]);
    expect(fb.manifest.fingerprint).toBe(fa.manifest.fingerprint);
  });

  test("editing one byte of a compiled source changes it, and the diff names exactly that file", async () => {
    const dir = await copyExample(name);
    const before = await fingerprintDir(dir);
    appendFileSync(path.join(dir, compiled), "\n");
    const after = await fingerprintDir(dir);
    expect(after.manifest.fingerprint).not.toBe(before.manifest.fingerprint);
    const changes = diffManifests(before.manifest, after.manifest);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.status).toBe("changed");
      expect(change.files).toEqual({ added: [], modified: [compiled], removed: [] });
    }
  });

  test("deleting a covered file changes it", async () => {
    const dir = await copyExample(name);
    const before = await fingerprintDir(dir);
    rmSync(path.join(dir, compiled));
    const after = await fingerprintDir(dir);
    const removed = diffManifests(before.manifest, after.manifest).flatMap(
      (c) => c.files?.removed ?? [],
    );
    expect(removed).toContain(compiled);
  });

  test("editing a test, or a README the backend does not read, does not change it", async () => {
    const dir = await copyExample(name);
    const before = await fingerprintDir(dir);
    appendFileSync(path.join(dir, "tests/test_add.py"), "\n# edited\n");
    if (backend !== "maturin") appendFileSync(path.join(dir, "README.md"), "\nedited\n");
    writeFileSync(path.join(dir, "NOTES.txt"), "a new unrelated file\n");
    const after = await fingerprintDir(dir);
    expect(diffManifests(before.manifest, after.manifest)).toEqual([]);
    expect(after.manifest.fingerprint).toBe(before.manifest.fingerprint);
  });
});
