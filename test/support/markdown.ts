import { marked } from "marked";

/**
 * The job summary as GitHub shows it: rendered with a GitHub-flavoured Markdown renderer
 * (`marked`, GFM tables and HTML blocks), then read back as HTML.
 */
export function renderGfm(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};

/** The text a reader sees in a piece of HTML: tags dropped, entities decoded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** A rendered table: the text of its header cells and of each row's cells. */
export interface HtmlTable {
  readonly header: string[];
  readonly rows: string[][];
}

export function htmlTables(html: string): HtmlTable[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((table) => {
    const rows = [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!).trim()),
    );
    return { header: rows[0] ?? [], rows: rows.slice(1) };
  });
}

/** Characters of cell padding a browser adds around each cell's text, in all. */
const CELL_PADDING = 3;

/**
 * How wide a table must be, in characters, however the browser wraps it: each column is as wide
 * as its longest word (text breaks only at spaces), plus padding.
 */
export function minTableWidth(table: HtmlTable): number {
  const all = [table.header, ...table.rows];
  const columns = Math.max(...all.map((r) => r.length));
  let width = 0;
  for (let c = 0; c < columns; c++) {
    const words = all.flatMap((r) => (r[c] ?? "").split(/\s+/));
    width += Math.max(...words.map((w) => [...w].length)) + CELL_PADDING;
  }
  return width;
}

/** The `<h3>` headings' text. */
export function headings(html: string): string[] {
  return [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) => textOf(m[1]!));
}

/** The `<details>` elements: whether each is open, its summary's text and its inner HTML. */
export function detailsBlocks(html: string): { open: boolean; summary: string; body: string }[] {
  return [
    ...html.matchAll(/<details( open)?>\s*<summary>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g),
  ].map((m) => ({ open: m[1] !== undefined, summary: textOf(m[2]!), body: m[3]! }));
}
