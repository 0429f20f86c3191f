import { type Fingerprint, fingerprintProject } from "../../src/fingerprint/index.js";

/** A minimal environment, so keys never depend on the machine's build variables. */
export const QUIET_ENV: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

/** Fingerprints a project with fixed settings: a stable python and build command. */
export function fingerprintDir(
  projectDir: string,
  options: { includeIgnored?: boolean; env?: NodeJS.ProcessEnv; envVars?: string[] } = {},
): Promise<Fingerprint> {
  return fingerprintProject({
    projectDir,
    projectDisplay: projectDir,
    exclude: [],
    includeIgnored: options.includeIgnored ?? false,
    extraKeys: [],
    envVars: options.envVars ?? [],
    python: "python3",
    buildCommand: async () => ({ argv: ["build"], keyed: ["build"], origin: "input" }),
    env: options.env ?? QUIET_ENV,
  });
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
