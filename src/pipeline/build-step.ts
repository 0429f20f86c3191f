import path from "node:path";
import { runBuild, snapshotWheels, wheelRecord } from "../build/run.js";
import type { EntryKeys } from "../cache/entry-key.js";
import { type SaveOutcome, type StoreDeps, saveEntries } from "../cache/store.js";
import type { Config } from "../config/index.js";
import { diffManifests, type KeyChange } from "../fingerprint/diff.js";
import type { Manifest } from "../fingerprint/manifest.js";
import { redigest } from "../fingerprint/redigest.js";
import type { Prepared } from "./fingerprint.js";
import type { WheelOutput } from "./result.js";

/** What a build and its save produced. */
export interface Built {
  readonly manifest: Manifest;
  readonly wheels: readonly WheelOutput[];
  readonly buildSeconds: number;
  readonly buildChanges: readonly KeyChange[];
  readonly save: SaveOutcome;
  readonly warnings: readonly string[];
}

/**
 * Runs the build, records its wheels in the manifest, re-digests what the fingerprint covers to
 * see what the build itself changed, and saves the entry unless a covered file was modified or
 * removed meanwhile (the wheels might then not match the fingerprint taken before).
 */
export async function buildWheels(
  deps: StoreDeps,
  config: Config,
  { fp, command }: Prepared,
  keys: EntryKeys,
): Promise<Built> {
  const before = await snapshotWheels(config.wheelDir);
  const started = Date.now();
  const produced = await runBuild(
    command.argv,
    fp.request.project.dir,
    config.env,
    config.wheelDir,
    before,
  );
  const buildSeconds = (Date.now() - started) / 1000;
  const paths = produced.map((name) => path.join(config.wheelDir, name));
  const records = await Promise.all(paths.map(wheelRecord));
  const wheels = records.map((r, i) => ({ ...r, path: paths[i]! }));
  const buildChanges = diffManifests(fp.manifest, await redigest(fp));
  const manifest: Manifest = {
    ...fp.manifest,
    wheels: records,
    build: { seconds: buildSeconds, command: command.keyed },
    createdAt: new Date().toISOString(),
  };
  const unsafe = changedInputs(buildChanges);
  const save: SaveOutcome = !config.save
    ? { status: "skipped", why: config.saveOff ?? { kind: "input", flag: "--no-save" } }
    : unsafe.length > 0
      ? { status: "skipped", why: { kind: "inputs-changed", files: unsafe } }
      : await saveEntries(deps, keys, manifest, paths);
  const warnings = save.status === "failed" ? [save.warning] : [];
  return { manifest, wheels, buildSeconds, buildChanges, save, warnings };
}

/**
 * Covered files that existed before the build and were modified or removed while it ran (an edit
 * during the build, or a build that rewrites its own sources). Files the build only added
 * (generated sources) do not matter: the next fresh checkout will not have them either.
 */
export function changedInputs(changes: readonly KeyChange[]): string[] {
  return changes.flatMap((change) =>
    change.files ? [...change.files.modified, ...change.files.removed] : [change.id],
  );
}
