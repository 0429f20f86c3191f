import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BuildCommand } from "../build-command.js";
import { envKeys } from "../keys/env.js";
import {
  buildCommandKey,
  buildSystemKey,
  type PythonInfo,
  platformKey,
  probePython,
  pyprojectKey,
  pythonKey,
  toolchainKeys,
} from "../keys/implicit.js";
import type { ParsedEntry } from "../keys/parse.js";
import { resolveSpecs } from "../keys/resolve.js";
import type { CacheKeyEntry, KeyGroup, KeySource, KeySpec, ResolvedKey } from "../keys/types.js";
import { readDeclaredKeys } from "../project/cache-keys.js";
import { inferRebuildKeys } from "../project/defaults.js";
import { inferMetadataKeys } from "../project/metadata.js";
import { loadProject, type ProjectModel } from "../project/model.js";
import { importName, inferShippedKeys } from "../project/packages.js";
import { lookup, parseTomlContent, type TomlTable } from "../project/pyproject.js";
import { openTree } from "./listing.js";
import { type Manifest, makeManifest } from "./manifest.js";
import type { FileTree } from "./tree.js";

export interface FingerprintRequest {
  readonly projectDir: string;
  readonly projectDisplay: string;
  /** Directories never fingerprinted (the wheel output directory). */
  readonly exclude: readonly string[];
  readonly includeIgnored: boolean;
  readonly extraKeys: readonly ParsedEntry[];
  readonly envVars: readonly string[];
  /** The interpreter that builds (a key). */
  readonly python: string;
  /** Chooses the build command (a key) once the backend is known. */
  readonly buildCommand: (project: ProjectModel) => Promise<BuildCommand>;
  readonly env: NodeJS.ProcessEnv;
}

export interface Fingerprint {
  readonly manifest: Manifest;
  readonly warnings: readonly string[];
  readonly project: ProjectModel;
  /** The import name, for the cache key and the report. */
  readonly name: string;
  readonly python?: PythonInfo;
  /** Whether the rebuild keys are the project's own `cache-keys` or inferred defaults. */
  readonly keysFrom: "pyproject" | "inferred";
  readonly tree: FileTree;
  readonly buildCommand: BuildCommand;
}

/** Resolves every key of a project and fingerprints them. Pure of logging: it returns warnings. */
export async function fingerprintProject(request: FingerprintRequest): Promise<Fingerprint> {
  const tree = await openTree({
    projectDir: request.projectDir,
    exclude: request.exclude,
    includeIgnored: request.includeIgnored,
  });
  const project = await loadProject(
    path.join(tree.root, tree.projectDir),
    tree.root,
    request.projectDisplay,
  );
  const declared = await readDeclaredKeys(project, request.projectDisplay);
  const warnings = [...declared.warnings];
  const specs: KeySpec[] = [];
  const add = (
    entries: readonly CacheKeyEntry[],
    source: KeySource,
    group: KeyGroup,
    origin: string,
  ) => specs.push(...entries.map((entry) => ({ entry, source, group, origin })));
  for (const { entry, origin } of declared.entries ?? [])
    specs.push({ entry, source: "pyproject", group: "rebuild", origin });
  for (const { entry, origin } of request.extraKeys)
    specs.push({ entry, source: "input", group: "rebuild", origin });
  if (!declared.entries) {
    const inferred = await inferRebuildKeys(project);
    add(inferred.entries, "inferred", "rebuild", `inferred for ${project.backend.name}`);
    warnings.push(...inferred.warnings);
  }
  add(
    await inferMetadataKeys(project, await cargoManifest(project)),
    "inferred",
    "metadata",
    "metadata inputs",
  );
  add(await inferShippedKeys(project), "inferred", "shipped", "shipped files");
  const resolved = await resolveSpecs(specs, tree, request.env);
  warnings.push(...resolved.warnings);
  const buildCommand = await request.buildCommand(project);
  const python = await probePython(request.python, request.env);
  if (!python)
    warnings.push(`python: cannot run ${request.python}; the key records it as not found`);
  const implicit: ResolvedKey[] = [
    pyprojectKey(project.pyproject.data, project.pyproject.exists),
    buildSystemKey(project.pyproject.data),
    buildCommandKey(buildCommand.keyed),
    platformKey(),
    pythonKey(python),
    ...(await toolchainKeys(project.backend, request.env)),
    ...envKeys(request.env, request.envVars),
  ];
  const seen = new Set(resolved.keys.map((k) => k.id));
  const keys = [...resolved.keys, ...implicit.filter((k) => !seen.has(k.id))];
  return {
    manifest: makeManifest(tree.projectDir || ".", keys),
    warnings,
    project,
    name: importName(project),
    python,
    keysFrom: declared.entries ? "pyproject" : "inferred",
    tree,
    buildCommand,
  };
}

/** maturin's Cargo.toml, read for its `readme` and `license-file`. */
async function cargoManifest(project: ProjectModel): Promise<TomlTable | undefined> {
  if (project.backend.name !== "maturin") return undefined;
  const manifest = lookup(project.pyproject.data, "tool", "maturin", "manifest-path");
  const file = path.resolve(project.dir, typeof manifest === "string" ? manifest : "Cargo.toml");
  // A missing Cargo.toml is recorded by its own key; here it only means no readme to add.
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseTomlContent(text, file);
}
