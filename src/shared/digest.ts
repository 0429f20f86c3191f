import { createHash } from "node:crypto";

/** Hex sha256 of the parts, each length-prefixed so that no two part lists collide. */
export function digestOf(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = Buffer.from(part, "utf8");
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest("hex");
}

/** JSON with object keys sorted at every level: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      const record = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, record[k]]),
      );
    }
    return v;
  });
}

/** Digest of a file-like key: its sorted (path, content digest or absent) pairs. */
export function filesDigest(files: Readonly<Record<string, string | null>>): string {
  const parts = Object.keys(files)
    .sort()
    .flatMap((p) => [p, files[p] ?? "absent"]);
  return digestOf("files", ...parts);
}

/** The first characters of a digest, for keys and tables. */
export function short(digest: string, length = 12): string {
  return digest.slice(0, length);
}
