import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { wheelRecord } from "../build/run.js";
import { type Manifest, parseManifest } from "../fingerprint/manifest.js";

/**
 * A cache entry on disk: `manifest.json` and, for the wheels entry, `wheels/*.whl`. The same
 * layout is saved and restored by both backends.
 */
const MANIFEST = "manifest.json";
const WHEELS = "wheels";

/** Empties `dir` (restores extract into it, so nothing stale may be there). */
export async function resetDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

/** Writes an entry: the manifest, and copies of the wheels when given. */
export async function writeEntry(
  dir: string,
  manifest: Manifest,
  wheelPaths: readonly string[] = [],
): Promise<void> {
  await resetDir(dir);
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  if (wheelPaths.length === 0) return;
  await mkdir(path.join(dir, WHEELS));
  for (const wheel of wheelPaths)
    await copyFile(wheel, path.join(dir, WHEELS, path.basename(wheel)));
}

/** The manifest of a restored entry, or undefined when it is missing or not valid. */
export async function readEntryManifest(dir: string): Promise<Manifest | undefined> {
  // A missing manifest file means a damaged entry: the caller treats it as having none.
  const text = await readFile(path.join(dir, MANIFEST), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseManifest(text);
}

/**
 * Checks a restored wheels entry: its own manifest must be readable and record the fingerprint
 * of `manifest` (the manifest entry that led here), and each wheel must match the sha256 that
 * manifest records. Returns the problem in one line, or undefined when the entry is sound.
 */
export async function verifyEntry(dir: string, manifest: Manifest): Promise<string | undefined> {
  const own = await readEntryManifest(dir);
  if (!own) return "the cached entry has no readable manifest";
  if (own.fingerprint !== manifest.fingerprint)
    return "the cached entry was built for another fingerprint";
  if (!manifest.wheels || manifest.wheels.length === 0) return "the cached entry lists no wheels";
  for (const wheel of manifest.wheels) {
    const file = path.join(dir, WHEELS, wheel.name);
    // A wheel that cannot be read is as bad as one that does not match.
    const actual = await wheelRecord(file).catch(() => undefined);
    if (!actual) return `the cached wheel ${wheel.name} is missing`;
    if (actual.sha256 !== wheel.sha256 || actual.size !== wheel.size) {
      return `the cached wheel ${wheel.name} does not match its recorded sha256`;
    }
  }
  return undefined;
}

/** Copies a verified entry's wheels into the wheel directory; returns their paths there. */
export async function installWheels(
  dir: string,
  manifest: Manifest,
  wheelDir: string,
): Promise<string[]> {
  await mkdir(wheelDir, { recursive: true });
  const paths: string[] = [];
  for (const wheel of manifest.wheels ?? []) {
    const target = path.join(wheelDir, wheel.name);
    await copyFile(path.join(dir, WHEELS, wheel.name), target);
    paths.push(target);
  }
  return paths;
}
