/** How much of a build's output is kept for the report, at most. */
const KEEP_BYTES = 64 * 1024;
/** How many of its last lines the report shows. */
export const TAIL_LINES = 40;
/** Longest line kept; longer ones end in `…`. */
const LINE_CHARS = 400;

/** Terminal escape sequences (colours, cursor moves) that mean nothing outside a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC and BEL are what it removes.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/**
 * The end of a build's output while it streams: only the last `KEEP_BYTES` are held, so a build
 * that prints gigabytes costs no memory. `lines()` gives its last lines as plain text.
 */
export class OutputTail {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private dropped = false;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    while (this.chunks.length > 1 && this.bytes - this.chunks[0]!.length >= KEEP_BYTES) {
      this.bytes -= this.chunks.shift()!.length;
      this.dropped = true;
    }
  }

  /** The last `max` lines, each as a terminal would leave it (after its last `\r`). */
  lines(max = TAIL_LINES): { lines: string[]; truncated: boolean } {
    let buffer = Buffer.concat(this.chunks);
    let cut = this.dropped;
    if (buffer.length > KEEP_BYTES) {
      buffer = buffer.subarray(buffer.length - KEEP_BYTES);
      cut = true;
    }
    const lines = buffer.toString("utf8").replace(ESCAPES, "").split("\n");
    // The first line of a cut buffer is only the end of a line.
    if (cut) lines.shift();
    if (lines.at(-1) === "") lines.pop();
    const shown = lines.slice(-max).map(shownLine);
    return { lines: shown, truncated: cut || lines.length > max };
  }
}

function shownLine(line: string): string {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  const last = text.slice(text.lastIndexOf("\r") + 1);
  return last.length > LINE_CHARS ? `${last.slice(0, LINE_CHARS)}…` : last;
}
