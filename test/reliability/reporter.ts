import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints the reliability table at the end of a run: for each category of the tests named
 * `[<category>] <name>` (see cases.ts), how many ran and how many passed. Prints nothing when no
 * such test ran.
 */
export default class ReliabilityReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = new Map<string, { tried: number; passed: number; skipped: number }>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const category = /^\[([\w-]+)\] /.exec(test.name)?.[1];
        if (!category) continue;
        const row = rows.get(category) ?? { tried: 0, passed: 0, skipped: 0 };
        const state = test.result().state;
        if (state === "skipped" || state === "pending") row.skipped++;
        else row.tried++;
        if (state === "passed") row.passed++;
        rows.set(category, row);
      }
    }
    if (rows.size > 0) process.stdout.write(reliabilityTable(rows));
  }
}

/** The table as Markdown, categories in name order, with a total row. */
export function reliabilityTable(
  rows: ReadonlyMap<string, { tried: number; passed: number; skipped: number }>,
): string {
  const sorted = [...rows].sort(([a], [b]) => a.localeCompare(b));
  const total = sorted.reduce(
    (sum, [, r]) => ({
      tried: sum.tried + r.tried,
      passed: sum.passed + r.passed,
      skipped: sum.skipped + r.skipped,
    }),
    { tried: 0, passed: 0, skipped: 0 },
  );
  const line = (name: string, r: { tried: number; passed: number }) =>
    `| ${name} | ${r.tried} | ${r.passed} |`;
  const skipped = total.skipped > 0 ? `(${total.skipped} skipped)\n` : "";
  return [
    "",
    "Reliability cases",
    "",
    "| category | tried | passed |",
    "|---|--:|--:|",
    ...sorted.map(([name, r]) => line(name, r)),
    line("**total**", total),
    "",
    skipped,
  ].join("\n");
}
