import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runAction } from "../support/action.js";
import { writeTree } from "../support/tmp.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk } from "./expect-clean.js";
import { BUILD, project } from "./fixture.js";
import { cli } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// File names that try to break out of the report: newlines, table pipes, backticks, HTML,
// workflow commands, bidirectional overrides. They must show up escaped, on one line each.

const server = sharedCacheServer();

const HOSTILE = [
  "new\nline.c",
  "pipe|cell|.c",
  "`tick` and ``two``.c",
  "<img src=x onerror=alert(1)>.c",
  "<script>alert(1)<",
  "<details><summary>bold",
  "ünïcødé 日本語 🐍.c",
  "::warning::injected.c",
  "[link](javascript:alert(1)).c",
  "*star* _under_ ~strike~ $math$ @mention.c",
  "\u202egnp.c",
  "carriage\rreturn.c",
];

/** Rows of each Markdown table in `markdown`, split on unescaped pipes. */
function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = [];
      found.push(current);
    }
    current.push(line.split(/(?<!\\)\|/).slice(1, -1));
  }
  return found;
}

reliabilityCase(
  "bad-input",
  "hostile file names are escaped in the summary, log and outputs",
  async () => {
    const dir = await project();
    writeTree(dir, { "extra/seed.txt": "seed\n" });
    const inputs = { "build-command": BUILD, "cache-keys": "extra/**" };
    expectActionOk(await runAction({ workspace: dir, inputs, server: server() }));
    for (const name of HOSTILE) writeFileSync(path.join(dir, "extra", name), "x\n");

    const run = await runAction({ workspace: dir, inputs, server: server() });
    expectActionOk(run);
    expect(run.outputs.built).toBe("true");
    const { summary } = run;
    expect(summary).toContain("#### What changed since the last cached build");
    for (const table of tables(summary)) {
      const width = table[0]!.length;
      for (const row of table) expect(row, row.join("|")).toHaveLength(width);
    }
    expect(summary).not.toMatch(/<(img|script|b)\b/);
    expect(summary).not.toContain("<details><summary>bold");
    expect(summary).toContain("<code>extra/new␤line.c</code>");
    expect(summary).toContain("<code>extra/&lt;img src=x onerror=alert(1)&gt;.c</code>");
    expect(summary).toContain("<code>extra/ünïcødé 日本語 🐍.c</code>");
    expect(summary).toContain("<code>extra/carriage␤return.c</code>");
    expect(summary).toContain("<code>extra/\ufffdgnp.c</code>");
    expect(summary).not.toContain("\u202e");
    // Every line of the summary is whole: no line starts with the tail of a split name.
    expect(summary.split("\n").filter((l) => /^(line\.c|return\.c)/.test(l))).toEqual([]);

    const log = run.stdout.split("\n");
    expect(log.filter((l) => l.startsWith("::warning::injected"))).toEqual([]);
    expect(log).toContain("  + extra/new␤line.c");
    expect(log).toContain("  + extra/pipe|cell|.c");
    expect(log.filter((l) => /^(line|return)\.c/.test(l))).toEqual([]);
    expect(run.outputs.reason).not.toMatch(/[\n\r]/);
    expect(JSON.parse(run.outputs.changed!)).toContain("file:extra/**");

    const terminal = await cli(["keys"], { cwd: dir });
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).not.toContain("\u202e");
  },
);
