import path from "node:path";

/** True when `child` is `parent` or lies below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel));
}

/** A native relative path in posix form. */
export function toPosix(rel: string): string {
  return rel.split(path.sep).join("/");
}

/**
 * Whether file names on `platform` ignore case, as its default file systems do (APFS on macOS,
 * NTFS on Windows): `README.MD` opens `README.md` there, so a key written so means that file.
 */
export function foldsCase(platform: NodeJS.Platform): boolean {
  return platform === "darwin" || platform === "win32";
}

/** One code point with its case folded (simple lowercase), to compare names that ignore case. */
export function foldCodePoint(codePoint: number): number {
  return String.fromCodePoint(codePoint).toLowerCase().codePointAt(0) ?? codePoint;
}

/** A code point's lowercase and uppercase forms (simple mappings: one code point each). */
export function caseForms(codePoint: number): [number, number] {
  const text = String.fromCodePoint(codePoint);
  return [
    text.toLowerCase().codePointAt(0) ?? codePoint,
    text.toUpperCase().codePointAt(0) ?? codePoint,
  ];
}
