import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { UserError } from "../../../src/errors.js";
import { fingerprintDir } from "../../support/fingerprint.js";
import { gitCommitAll, gitInit } from "../../support/git.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const MATURIN =
  '[build-system]\nrequires = ["maturin>=1"]\nbuild-backend = "maturin"\n[project]\nname = "demo"\nversion = "1.0"\n';

/** A project file that exists but cannot be read as a file (a directory in its place). */
function projectWithUnreadable(rel: string, files: Record<string, string>): string {
  const dir = makeTempDir();
  writeTree(dir, files);
  mkdirSync(path.join(dir, rel), { recursive: true });
  return dir;
}

describe("one reader of project files: only a missing file is absent", () => {
  test("an unreadable Cargo.toml is a one-line error naming it, not a crate without path dependencies", async () => {
    const dir = projectWithUnreadable("Cargo.toml", {
      "pyproject.toml": MATURIN,
      "src/lib.rs": "",
    });
    const failure = fingerprintDir(dir);
    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(
      /^cannot read Cargo\.toml: EISDIR \(it is a directory\)$/,
    );
  });

  test("an unreadable path dependency's Cargo.toml names that file", async () => {
    const dir = projectWithUnreadable("core/Cargo.toml", {
      "pyproject.toml": MATURIN,
      "Cargo.toml": '[package]\nname = "demo"\n[dependencies]\ncore = { path = "core" }\n',
      "src/lib.rs": "",
    });
    gitInit(dir);
    gitCommitAll(dir);
    await expect(fingerprintDir(dir)).rejects.toThrow(/^cannot read core\/Cargo\.toml: EISDIR/);
  });

  test("an unreadable setup.py is an error; a missing one is simply absent", async () => {
    const broken = projectWithUnreadable("setup.py", {
      "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n',
    });
    await expect(fingerprintDir(broken)).rejects.toThrow(/setup\.py: EISDIR/);
    const fine = makeTempDir();
    writeTree(fine, { "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n' });
    await expect(fingerprintDir(fine)).resolves.toBeDefined();
  });

  test("a pyproject.toml with a byte order mark is rejected, as tomllib rejects it", async () => {
    const dir = makeTempDir();
    writeTree(dir, { "pyproject.toml": '\uFEFF[project]\nname = "demo"\nversion = "1"\n' });
    await expect(fingerprintDir(dir)).rejects.toThrow(/pyproject\.toml:1:1: .*byte order mark/);
  });
});
