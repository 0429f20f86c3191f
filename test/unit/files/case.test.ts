import { describe, expect, test } from "vitest";
import { compileGlob } from "../../../src/files/glob.js";
import { diffManifests } from "../../../src/fingerprint/diff.js";
import type { Manifest } from "../../../src/fingerprint/manifest.js";
import { resolveSpecs } from "../../../src/keys/resolve.js";
import type { KeySpec } from "../../../src/keys/types.js";
import { changedFiles } from "../../../src/report/changes.js";
import { foldsCase } from "../../../src/shared/paths.js";
import { listTree } from "../../support/fingerprint.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

// macOS and Windows file systems ignore case: `README.MD` opens `README.md` there. Whether they do
// is given (derived from the platform), never probed, so these run the same on any machine.

describe("which platforms ignore case", () => {
  test.each([
    ["darwin", true],
    ["win32", true],
    ["linux", false],
    ["freebsd", false],
  ] as const)("%s: %s", (platform, folds) => {
    expect(foldsCase(platform)).toBe(folds);
  });
});

describe("globs on a file system that ignores case", () => {
  test.each([
    ["*.RS", "src/lib.rs", true],
    ["*.rs", "src/LIB.RS", true],
    ["src/[A-C]*.c", "src/beta.c", true],
    ["src/[a-c]*.c", "src/Beta.c", true],
    ["src/[!a-c]*.c", "src/Beta.c", false],
    ["SRC/{Foo,bar}.h", "SRC/BAR.h", true],
    ["src/*.c", "src/x.h", false],
  ])("%s ~ %s: %s", (pattern, path, matches) => {
    const glob = compileGlob(pattern, "test", true);
    expect(glob.matches(path.slice(glob.base ? glob.base.length + 1 : 0))).toBe(matches);
  });

  test("case counts where the file system says it does", () => {
    expect(compileGlob("*.RS", "test").matches("lib.rs")).toBe(false);
    expect(compileGlob("src/[A-C]*.c", "test").matches("beta.c")).toBe(false);
  });
});

const spec = (entry: KeySpec["entry"]): KeySpec => ({
  entry,
  source: "pyproject",
  group: "rebuild",
  origin: "pyproject.toml: [tool.uv] cache-keys",
});

const ENTRIES: KeySpec[] = [
  spec({ kind: "file", pattern: "readme.MD" }),
  spec({ kind: "file", pattern: "*.md" }),
  spec({ kind: "file", pattern: "SRC/**/*.RS" }),
  spec({ kind: "dir", path: "Src" }),
];

async function resolveIn(dir: string, caseInsensitive: boolean) {
  const tree = await listTree({ projectDir: dir, caseInsensitive });
  const { keys } = await resolveSpecs(ENTRIES, tree, {});
  return Object.fromEntries(keys.map((k) => [k.id, k]));
}

describe("keys on a file system that ignores case", () => {
  const project = () => {
    const dir = makeTempDir();
    writeTree(dir, { "README.md": "# r\n", "src/Lib.rs": "fn a() {}\n", "src/main.RS": "" });
    return dir;
  };

  test("a path or glob that differs only in case means the file, named as it is", async () => {
    const keys = await resolveIn(project(), true);
    const readme = keys["file:readme.MD"]!.files!;
    expect(Object.keys(readme)).toEqual(["README.md"]);
    expect(readme["README.md"]).toBe(keys["file:*.md"]!.files!["README.md"]);
    expect(Object.keys(keys["file:SRC/**/*.RS"]!.files!)).toEqual(["src/Lib.rs", "src/main.RS"]);
    expect(keys["dir:Src"]!.detail).toBe("present");
  });

  test("where case counts, the same entries name nothing", async () => {
    const keys = await resolveIn(project(), false);
    expect(keys["file:readme.MD"]!.files).toEqual({ "readme.MD": null });
    expect(keys["file:SRC/**/*.RS"]!.files).toEqual({});
    expect(keys["dir:Src"]!.detail).toBe("absent");
  });

  test("a changed file is listed once, whichever case the keys wrote it in", async () => {
    const dir = project();
    const before = await resolveIn(dir, true);
    writeTree(dir, { "README.md": "# changed\n" });
    const after = await resolveIn(dir, true);
    const manifest = (keys: typeof before) =>
      ({ keys: Object.values(keys), fingerprint: "f" }) as unknown as Manifest;
    const changed = diffManifests(manifest(before), manifest(after));
    expect(changed.map((c) => c.id).sort()).toEqual(["file:*.md", "file:readme.MD"]);
    expect(changedFiles({ changed, observedChanges: [] })).toEqual(["README.md"]);
  });
});
