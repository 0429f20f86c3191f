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
