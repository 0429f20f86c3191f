import { describe, expect, it } from "vitest";
import { OutputTail, TAIL_LINES } from "../../../src/build/output-tail.js";

describe("OutputTail", () => {
  it("keeps the last lines of the output, whole, as a terminal would show them", () => {
    const tail = new OutputTail();
    tail.push(Buffer.from("one\ntw"));
    tail.push(Buffer.from("o\r\nprogress 10%\rprogress 100%\n\u001b[31merror:\u001b[0m bad\n"));
    expect(tail.lines()).toEqual({
      lines: ["one", "two", "progress 100%", "error: bad"],
      truncated: false,
    });
  });

  it(`shows the last ${TAIL_LINES} lines and says that earlier ones were left out`, () => {
    const tail = new OutputTail();
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(`line ${i}\n`));
    const { lines, truncated } = tail.lines();
    expect(lines).toHaveLength(TAIL_LINES);
    expect(lines.at(-1)).toBe("line 99");
    expect(truncated).toBe(true);
  });

  it("holds a bounded amount of a huge output and starts at a whole line", () => {
    const tail = new OutputTail();
    const chunk = Buffer.from(`${"x".repeat(999)}\n`);
    for (let i = 0; i < 10_000; i++) tail.push(chunk);
    tail.push(Buffer.from("the end\n"));
    const { lines, truncated } = tail.lines();
    expect(truncated).toBe(true);
    expect(lines.at(-1)).toBe("the end");
    expect(lines.slice(0, -1).every((l) => l === `${"x".repeat(400)}…`)).toBe(true);
  });

  it("gives nothing for a build that printed nothing", () => {
    expect(new OutputTail().lines()).toEqual({ lines: [], truncated: false });
  });
});
