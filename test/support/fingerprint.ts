import { HOST_BUILDER } from "../../src/config/index.js";
import { locateProject, type OpenTreeOptions, openTree } from "../../src/files/listing.js";
import type { FileTree } from "../../src/files/tree.js";
import { collectKeys, type Fingerprint, sealFingerprint } from "../../src/fingerprint/index.js";
import { type PythonInfo, probePython } from "../../src/keys/implicit.js";
import { loadProject } from "../../src/project/model.js";

/** A minimal environment, so keys never depend on the machine's build variables. */
export const QUIET_ENV: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

const pythonInfos = new Map<string, Promise<PythonInfo | undefined>>();

/**
 * What `python3` says about itself in `env`, asked once per environment: the answer does not
 * depend on the project, and each question costs an interpreter's start (more behind a shim).
 */
function pythonInfo(env: NodeJS.ProcessEnv): Promise<PythonInfo | undefined> {
  const id = JSON.stringify(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : 1)));
  let info = pythonInfos.get(id);
  if (!info) {
    info = probePython("python3", env);
    pythonInfos.set(id, info);
  }
  return info;
}

/** Fingerprints a project with fixed settings: a stable python and build command. */
export async function fingerprintDir(
  projectDir: string,
  options: {
    includeIgnored?: boolean;
    env?: NodeJS.ProcessEnv;
    envVars?: string[];
    platform?: NodeJS.Platform;
  } = {},
): Promise<Fingerprint> {
  const location = await locateProject(projectDir);
  const inputs = await collectKeys({
    location,
    project: await loadProject(location, projectDir),
    exclude: [],
    includeIgnored: options.includeIgnored ?? false,
    extraKeys: [],
    envVars: options.envVars ?? [],
    builder: HOST_BUILDER,
    python: "python3",
    pythonInfo: pythonInfo(options.env ?? QUIET_ENV),
    env: options.env ?? QUIET_ENV,
    platform: options.platform ?? "linux",
  });
  return sealFingerprint(inputs, ["build"]);
}

/** Lists the repository holding `projectDir` (see `locateProject` and `openTree`). */
export async function listTree(
  options: OpenTreeOptions & { readonly projectDir: string },
): Promise<FileTree> {
  const { projectDir, ...rest } = options;
  return openTree(await locateProject(projectDir), rest);
}

/** file-key id → covered project-relative paths that exist. */
export function coveredFiles(fp: Fingerprint): Set<string> {
  const files = new Set<string>();
  for (const key of fp.manifest.keys) {
    for (const [path, digest] of Object.entries(key.files ?? {}))
      if (digest !== null) files.add(path);
  }
  return files;
}
