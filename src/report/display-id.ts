/** Longest key id the summary shows whole; longer ones are shortened for display only. */
export const DISPLAY_ID_CHARS = 48;
/** Alternatives of a `{a,b,c,...}` glob group shown before `…`. */
const ALTERNATIVES = 3;

/**
 * A key id short enough for a table cell: a brace group with many alternatives keeps its first
 * few (`file:*.{c,cc,cpp,…}` for the 110-character C-family glob), and an id still too long keeps
 * its start and end around `…`. Only the report uses these: the fingerprint, the manifest, the
 * log and the `changed` output keep the ids whole.
 */
export function shortId(id: string, kept = ALTERNATIVES): string {
  const grouped = id.replace(/\{([^{}]*)\}/g, (whole, inner: string) => {
    const alternatives = inner.split(",");
    return alternatives.length > kept + 1 ? `{${alternatives.slice(0, kept).join(",")},…}` : whole;
  });
  if (grouped.length <= DISPLAY_ID_CHARS) return grouped;
  const head = Math.ceil((DISPLAY_ID_CHARS - 1) / 2);
  const tail = DISPLAY_ID_CHARS - 1 - head;
  return `${grouped.slice(0, head)}…${grouped.slice(-tail)}`;
}

/**
 * Display ids for a set of keys: each shortened, and where two would look the same, shortened
 * less (more alternatives kept) until they differ, or else shown whole.
 */
export function displayIds(ids: Iterable<string>): ReadonlyMap<string, string> {
  const shown = new Map<string, string>();
  let pending = [...new Set(ids)];
  for (let kept = ALTERNATIVES; pending.length > 0 && kept <= MAX_ALTERNATIVES; kept++) {
    const counts = new Map<string, number>();
    for (const id of pending)
      counts.set(shortId(id, kept), (counts.get(shortId(id, kept)) ?? 0) + 1);
    const unique = pending.filter((id) => counts.get(shortId(id, kept)) === 1);
    for (const id of unique) shown.set(id, shortId(id, kept));
    pending = pending.filter((id) => !shown.has(id));
  }
  for (const id of pending) shown.set(id, id);
  return shown;
}

/** The most alternatives a shortened brace group keeps before the ids are shown whole. */
const MAX_ALTERNATIVES = 8;
