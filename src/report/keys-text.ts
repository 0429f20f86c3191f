import { type FingerprintKey, KEY_GROUPS, type KeyGroup } from "../keys/types.js";
import { short } from "../shared/digest.js";
import { escapeLine } from "./escape.js";

export const GROUP_TITLES: Record<KeyGroup, string> = {
  rebuild: "Rebuild keys",
  metadata: "Metadata inputs",
  shipped: "Shipped files",
  implicit: "Environment",
};

/** The `keys` command's terminal table: keys by group with source, file count and digest. */
export function renderKeysText(
  fingerprint: string,
  keys: readonly FingerprintKey[],
  warnings: readonly string[],
  unkeyed: Unkeyed = { files: [] },
): string {
  const lines: string[] = [];
  for (const group of KEY_GROUPS) {
    const members = keys.filter((k) => k.group === group);
    if (members.length === 0) continue;
    lines.push(`${GROUP_TITLES[group]}:`);
    const rows = members.map((k) => [k.id, k.source, describe(k), short(k.digest)]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) {
      lines.push(
        `  ${row
          .slice(0, 3)
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")}  ${row[3]}`,
      );
    }
    lines.push("");
  }
  if (unkeyed.files.length > 0) {
    lines.push(`Read by the newest build (traced on ${unkeyed.tracedOn}), covered by no key:`);
    lines.push(...unkeyed.files.map((f) => `  ${escapeLine(f)}`), "");
  }
  lines.push(`fingerprint ${fingerprint}`);
  for (const warning of warnings) lines.push(`warning: ${warning}`);
  return `${lines.join("\n")}\n`;
}

/** Files a traced build read that no key covers, and where it was traced. */
export interface Unkeyed {
  readonly files: readonly string[];
  readonly tracedOn?: string;
}

/** `3 files`, `absent`, `rustc 1.95.0`: what a key covers, in a few words. */
export function describe(key: FingerprintKey): string {
  if (key.files) {
    const paths = Object.keys(key.files);
    const present = paths.filter((p) => key.files![p] !== null).length;
    if (paths.length === 1 && present === 0) return "absent";
    return `${present} file${present === 1 ? "" : "s"}`;
  }
  return key.detail ?? "";
}

/** The `keys --json` object of the CLI contract. */
export function keysJson(
  fingerprint: string,
  keys: readonly FingerprintKey[],
  warnings: readonly string[],
  unkeyed: Unkeyed = { files: [] },
): object {
  return {
    fingerprint,
    keys: keys.map((k) => ({
      id: k.id,
      kind: k.kind,
      source: k.source,
      group: k.group,
      digest: k.digest,
      ...(k.files ? { files: k.files } : {}),
      ...(k.detail ? { detail: k.detail } : {}),
    })),
    warnings,
    unkeyed: unkeyed.files,
  };
}
