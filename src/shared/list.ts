/** How many items a one-line list shows before `and N more`. */
const LINE_CAP = 3;

/** The first `max` items and how many were left out. */
export function cap<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** `a, b, c and 4 more`: a list capped for one line. */
export function capLine(items: readonly string[], noun = ""): string {
  const { shown, more } = cap(items, LINE_CAP);
  return shown.join(", ") + (more > 0 ? ` and ${more} more${noun ? ` ${noun}` : ""}` : "");
}
