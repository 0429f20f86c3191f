import { describe, expect, test } from "vitest";
import { normalizeName, type WheelTarget, wheelMismatch } from "../../../src/build/wheel-name.js";

const CP311_LINUX: WheelTarget = {
  distribution: "Example.Setuptools-C",
  python: { tag: "cp311", version: "3.11.2", implementation: "cpython", platform: "linux-x86_64" },
  libc: "glibc",
};

const MUSL: WheelTarget = { ...CP311_LINUX, libc: "musl" };

const MAC_ARM: WheelTarget = {
  distribution: "demo",
  python: {
    tag: "cp312",
    version: "3.12.4",
    implementation: "cpython",
    platform: "macosx-11.0-arm64",
  },
};

const WINDOWS: WheelTarget = {
  distribution: "demo",
  python: { tag: "cp313t", version: "3.13.1", implementation: "cpython", platform: "win-amd64" },
};

describe("wheels that are the project's for the keyed Python and platform", () => {
  test.each([
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp311-cp311-linux_x86_64.whl"],
    [CP311_LINUX, "Example.Setuptools_C-0.1.0-cp311-cp311-linux_x86_64.whl"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-1-cp311-cp311-linux_x86_64.whl"],
    [
      CP311_LINUX,
      "example_setuptools_c-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    ],
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp38-abi3-manylinux_2_34_x86_64.whl"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-py3-none-any.whl"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-py2.py3-none-any.whl"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-py310-none-any.whl"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp311-cp311d-linux_x86_64.whl"],
    [MUSL, "example_setuptools_c-0.1.0-cp311-cp311-musllinux_1_2_x86_64.whl"],
    [MAC_ARM, "demo-1.0-cp312-cp312-macosx_11_0_arm64.whl"],
    [MAC_ARM, "demo-1.0-cp312-cp312-macosx_10_9_universal2.whl"],
    [WINDOWS, "demo-1.0-cp313-cp313t-win_amd64.whl"],
    [{ ...CP311_LINUX, distribution: undefined }, "anything-1.0-cp311-cp311-linux_x86_64.whl"],
    [{ distribution: "demo" }, "demo-1.0-cp27-cp27mu-win32.whl"],
  ])("%#: %s", (target, name) => {
    expect(wheelMismatch(name, target)).toBeUndefined();
  });
});

describe("wheels that are not", () => {
  test.each([
    [CP311_LINUX, "other-1.0-cp311-cp311-linux_x86_64.whl", "name", "other"],
    [CP311_LINUX, "example_setuptools-0.1.0-py3-none-any.whl", "name", "example_setuptools"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp310-cp310-linux_x86_64.whl", "Python tag", "cp310"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-py312-none-any.whl", "Python tag", "py312"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-py2-none-any.whl", "Python tag", "py2"],
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp312-abi3-linux_x86_64.whl", "Python tag", "cp312"],
    [
      CP311_LINUX,
      "example_setuptools_c-0.1.0-pp311-pypy311_pp73-linux_x86_64.whl",
      "Python tag",
      "pp311",
    ],
    [CP311_LINUX, "example_setuptools_c-0.1.0-cp311-cp310-linux_x86_64.whl", "ABI tag", "cp310"],
    [
      CP311_LINUX,
      "example_setuptools_c-0.1.0-cp311-cp311-win_amd64.whl",
      "platform tag",
      "win_amd64",
    ],
    [
      CP311_LINUX,
      "example_setuptools_c-0.1.0-cp311-cp311-manylinux_2_17_aarch64.whl",
      "platform tag",
      "manylinux_2_17_aarch64",
    ],
    [
      CP311_LINUX,
      "example_setuptools_c-0.1.0-cp311-cp311-musllinux_1_2_x86_64.whl",
      "platform tag",
      "musllinux_1_2_x86_64",
    ],
    [
      MUSL,
      "example_setuptools_c-0.1.0-cp311-cp311-manylinux2014_x86_64.whl",
      "platform tag",
      "manylinux2014_x86_64",
    ],
    [MAC_ARM, "demo-1.0-cp312-cp312-macosx_10_9_x86_64.whl", "platform tag", "macosx_10_9_x86_64"],
    [WINDOWS, "demo-1.0-cp313-cp313-win_amd64.whl", "ABI tag", "cp313"],
    [CP311_LINUX, "example_setuptools_c-0.1.0.whl", "file name", "example_setuptools_c-0.1.0.whl"],
    [CP311_LINUX, "a-b-c-d-e-f-g.whl", "file name", "a-b-c-d-e-f-g.whl"],
  ])("%#: %s (%s)", (target, name, part, found) => {
    expect(wheelMismatch(name, target)).toMatchObject({ part, found });
  });
});

test.each([
  ["Foo.Bar", "foo_bar"],
  ["foo--bar__baz", "foo_bar_baz"],
  ["UPPER", "upper"],
])("normalizeName(%j) = %j", (name, normal) => {
  expect(normalizeName(name)).toBe(normal);
});

test("a free-threaded wheel does not fit an interpreter with the GIL", () => {
  expect(
    wheelMismatch("example_setuptools_c-0.1.0-cp311-cp311t-linux_x86_64.whl", CP311_LINUX),
  ).toMatchObject({ part: "ABI tag", found: "cp311t" });
});
