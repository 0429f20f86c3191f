import { openTree } from "../files/listing.js";
import type { FileTree } from "../files/tree.js";
import { resolveSpecs } from "../keys/resolve.js";
import { foldsCase } from "../shared/paths.js";
import type { Fingerprint } from "./index.js";
import { type Manifest, makeManifest } from "./manifest.js";

/**
 * The manifest as the files are after a build: the tree listed once more and the file keys
 * resolved again, so that files the build modified, removed or added where a glob reaches are
 * seen. Nothing else runs again: no project reads, no inference, no probes; keys of other kinds
 * keep their digests.
 */
export async function redigest(fp: Fingerprint): Promise<{ manifest: Manifest; tree: FileTree }> {
  const { request } = fp;
  const tree = await openTree(request.location, {
    exclude: request.exclude,
    includeIgnored: request.includeIgnored,
    caseInsensitive: foldsCase(request.platform),
  });
  const fileSpecs = fp.specs.filter((spec) => spec.entry.kind === "file");
  const again = await resolveSpecs(fileSpecs, tree, request.env);
  const now = new Map(again.keys.map((key) => [key.id, key]));
  const keys = fp.manifest.keys.map((key) => (key.files && now.get(key.id)) || key);
  return { manifest: { ...fp.manifest, ...makeManifest(fp.manifest.project, keys) }, tree };
}
