import type { Builder } from "../config/index.js";
import type { ParsedUvEntry, UvEntry } from "../config/uv-entries.js";
import { type Location, openTree } from "../files/listing.js";
import type { FileTree } from "../files/tree.js";
import { constraintKeys } from "../keys/constraints.js";
import { envKeys } from "../keys/env.js";
import { gitDirtyKey, repositoriesKey } from "../keys/git.js";
import {
  buildCommandKey,
  builderKey,
  buildSystemKey,
  type PythonInfo,
  platformKey,
  pyprojectKey,
  pythonKey,
  toolchainKeys,
} from "../keys/implicit.js";
import { resolveSpecs } from "../keys/resolve.js";
import type { FingerprintKey, KeyGroup, KeySource, KeySpec } from "../keys/types.js";
import { readDeclaredKeys } from "../project/declared.js";
import { inferMetadataKeys } from "../project/infer-metadata.js";
import { inferRebuildKeys } from "../project/infer-rebuild.js";
import { importName, inferShippedKeys } from "../project/infer-shipped.js";
import type { ProjectModel } from "../project/model.js";
import { foldsCase } from "../shared/paths.js";
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
  /** Who builds: the host's interpreter and compilers are keys only when the host builds. */
  readonly builder: Builder;
  /** The interpreter that builds (a key). */
  readonly python: string;
  /** What it says about itself (`probePython`), started by the caller so others can wait on it. */
  readonly pythonInfo: Promise<PythonInfo | undefined>;
  readonly env: NodeJS.ProcessEnv;
  /** The OS the run is on: whether its file names ignore case (see `foldsCase`). */
  readonly platform: NodeJS.Platform;
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
  const python = request.pythonInfo;
  // setuptools calls the compiler the interpreter was built with: probe it, once the interpreter
  // has said which; other backends' toolchains are probed at once.
  const toolchains =
    project.backend.name === "setuptools"
      ? python.then((info) => toolchainKeys(project.backend, env, project.dir, info))
      : toolchainKeys(project.backend, env, project.dir);
  const dirty = project.backend.versionFromGit
    ? gitDirtyKey(request.location.root, request.location.isGitRepo, env)
    : undefined;
  const tree = openTree(request.location, {
    exclude: request.exclude,
    includeIgnored: request.includeIgnored,
    caseInsensitive: foldsCase(request.platform),
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
  const repositories = await repositoriesKey(await tree, env);
  const info = await python;
  const host = request.builder.kind === "host";
  const implicit: FingerprintKey[] = [
    pyprojectKey(project.pyproject.data, project.pyproject.exists),
    buildSystemKey(project.pyproject.data),
    platformKey(),
    ...(host ? [pythonKey(info), ...(await toolchains)] : [builderKey(request.builder)]),
    ...envKeys(env, request.envVars),
    ...constraintKeys(env, project.dir),
    ...(dirty ? [await dirty] : []),
    ...(repositories ? [repositories] : []),
  ];
  const seen = new Set(resolved.keys.map((k) => k.id));
  const warnings = [...declared.warnings, ...(inferred?.warnings ?? []), ...resolved.warnings];
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
 * Adds the build command's key (`argv` as keyed) and the keys that depend on the command (the
 * build requirements' versions), and seals every key into the fingerprint.
 */
export function sealFingerprint(
  inputs: KeyInputs,
  buildCommand: readonly string[],
  commandKeys: readonly FingerprintKey[] = [],
): Fingerprint {
  const keys = [...inputs.keys, buildCommandKey(buildCommand), ...commandKeys];
  return { ...inputs, keys, manifest: makeManifest(inputs.tree.projectDir || ".", keys) };
}
