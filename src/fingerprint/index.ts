import type { ParsedUvEntry, UvEntry } from "../config/uv-entries.js";
import { type Location, openTree } from "../files/listing.js";
import type { FileTree } from "../files/tree.js";
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
import { matchedFiles, resolveSpecs } from "../keys/resolve.js";
import type { FingerprintKey, KeyGroup, KeySource, KeySpec } from "../keys/types.js";
import { readDeclaredKeys } from "../project/declared.js";
import { inferMetadataKeys } from "../project/infer-metadata.js";
import { inferRebuildKeys } from "../project/infer-rebuild.js";
import { importName, inferShippedKeys } from "../project/infer-shipped.js";
import type { ProjectModel } from "../project/model.js";
import { capLine } from "../shared/list.js";
import { type Manifest, makeManifest } from "./manifest.js";

/** What a fingerprint is taken of: a loaded project and what the run adds to its keys. */
export interface FingerprintRequest {
  readonly location: Location;
  readonly project: ProjectModel;
  /** Directories never fingerprinted (the wheel output directory, the run's own staging). */
  readonly exclude: readonly string[];
  readonly includeIgnored: boolean;
  readonly extraKeys: readonly ParsedUvEntry[];
  readonly envVars: readonly string[];
  /** The interpreter that builds (a key). */
  readonly python: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Every key of a project but the build command's, and what was learned finding them. */
export interface KeyInputs {
  readonly request: FingerprintRequest;
  readonly keys: readonly FingerprintKey[];
  readonly warnings: readonly string[];
  /** The uv-style entries the file keys were resolved from (re-resolved after a build). */
  readonly specs: readonly KeySpec[];
  readonly tree: FileTree;
  /** The import name, for the cache key and the report. */
  readonly name: string;
  readonly python?: PythonInfo;
  /** Whether the rebuild keys are the project's own `cache-keys` or inferred defaults. */
  readonly keysFrom: "pyproject" | "inferred";
}

/** The keys and the manifest that seals them into one fingerprint. */
export interface Fingerprint extends KeyInputs {
  readonly manifest: Manifest;
}

/**
 * Resolves every key of a project except the build command's. The probes (the interpreter, the
 * toolchains) run while the tree is listed and hashed. Pure of logging: it returns warnings.
 */
export async function collectKeys(request: FingerprintRequest): Promise<KeyInputs> {
  const { project, env } = request;
  const python = probePython(request.python, env, project.dir);
  const toolchains = toolchainKeys(project.backend, env, project.dir);
  const tree = openTree(request.location, {
    exclude: request.exclude,
    includeIgnored: request.includeIgnored,
  });
  // Awaited below; a failure before then must not surface as an unhandled rejection.
  tree.catch(() => undefined);
  const declared = await readDeclaredKeys(project);
  const specs: KeySpec[] = [];
  const add = (entries: readonly UvEntry[], source: KeySource, group: KeyGroup, origin: string) =>
    specs.push(...entries.map((entry) => ({ entry, source, group, origin })));
  for (const { entry, origin } of declared.entries ?? [])
    specs.push({ entry, source: "pyproject", group: "rebuild", origin });
  for (const { entry, origin } of request.extraKeys)
    specs.push({ entry, source: "input", group: "rebuild", origin });
  const inferred = declared.entries ? undefined : await inferRebuildKeys(project);
  if (inferred)
    add(inferred.entries, "inferred", "rebuild", `inferred for ${project.backend.name}`);
  add(await inferMetadataKeys(project), "inferred", "metadata", "metadata inputs");
  add(await inferShippedKeys(project), "inferred", "shipped", "shipped files");
  const resolved = await resolveSpecs(specs, await tree, env);
  const info = await python;
  const implicit: FingerprintKey[] = [
    pyprojectKey(project.pyproject.data, project.pyproject.exists),
    buildSystemKey(project.pyproject.data),
    platformKey(),
    pythonKey(info),
    ...(await toolchains),
    ...envKeys(env, request.envVars),
  ];
  const seen = new Set(resolved.keys.map((k) => k.id));
  const warnings = [...declared.warnings, ...(inferred?.warnings ?? []), ...resolved.warnings];
  if (declared.entries) {
    const missing = await leftOut(project, await tree, resolved.keys);
    if (missing) warnings.push(missing);
  }
  if (!info) warnings.push(`python: cannot run ${request.python}; the key records it as not found`);
  const refused = request.location.gitRefused;
  if (refused) {
    warnings.push(
      `git refuses the repository at ${refused} (dubious ownership: another user owns it), so its files are listed without git and git keys read nothing; \`git config --global --add safe.directory ${refused}\` lets git read it`,
    );
  }
  return {
    request,
    keys: [...resolved.keys, ...implicit.filter((k) => !seen.has(k.id))],
    warnings,
    specs,
    tree: await tree,
    name: importName(project),
    python: info,
    keysFrom: declared.entries ? "pyproject" : "inferred",
  };
}

/**
 * What a project's own `cache-keys` leave out that wheel-cache's defaults for its backend cover:
 * the files whose edits uv will not rebuild for (and that only tracing can see here).
 */
async function leftOut(
  project: ProjectModel,
  tree: FileTree,
  keys: readonly FingerprintKey[],
): Promise<string | undefined> {
  const defaults = await inferRebuildKeys(project);
  const covered = new Set(keys.flatMap((k) => Object.keys(k.files ?? {})));
  const origin = `defaults for ${project.backend.name}`;
  const missing = matchedFiles(defaults.entries, tree, origin).filter((f) => !covered.has(f));
  if (missing.length === 0) return undefined;
  return `${project.shown("pyproject.toml")}: [tool.uv] cache-keys leave out ${capLine(missing)}, which wheel-cache's defaults for ${project.backend.name} cover: uv will not rebuild when they change (wheel-cache uv-keys --write writes a list that covers them)`;
}

/** Adds the build command's key (`argv` as keyed) and seals every key into the fingerprint. */
export function sealFingerprint(inputs: KeyInputs, buildCommand: readonly string[]): Fingerprint {
  const keys = [...inputs.keys, buildCommandKey(buildCommand)];
  return { ...inputs, keys, manifest: makeManifest(inputs.tree.projectDir || ".", keys) };
}
