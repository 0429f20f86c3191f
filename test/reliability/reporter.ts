import type { Reporter, TestModule } from "vitest/node";
import { CATEGORIES, categoryOf } from "./categories.js";

/**
 * Prints the reliability table at the end of a run: for each category of the suite's cases (see
 * categories.ts), how many ran and how many passed. Prints nothing when no case ran.
 */
export default class ReliabilityReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = countCases(modules);
    if (rows.size > 0) process.stdout.write(reliabilityTable(rows));
  }
}

export interface CaseCounts {
  tried: number;
  passed: number;
  skipped: number;
}

/** What the counting reads of a test module (vitest's TestModule has it). */
export interface CountedModule {
  readonly moduleId: string;
  readonly children: {
    allTests(): Iterable<{ readonly name: string; result(): { readonly state: string } }>;
  };
}

/** Counts the suite's cases by category; tests of other files or names are not cases. */
export function countCases(modules: Iterable<CountedModule>): Map<string, CaseCounts> {
  const rows = new Map<string, CaseCounts>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const category = categoryOf(test.name, module.moduleId);
      if (!category) continue;
      const row = rows.get(category) ?? { tried: 0, passed: 0, skipped: 0 };
      const state = test.result().state;
      if (state === "skipped" || state === "pending") row.skipped++;
      else row.tried++;
      if (state === "passed") row.passed++;
      rows.set(category, row);
    }
  }
  return rows;
}

/** The table as Markdown, categories in the suite's order, with a total row. */
export function reliabilityTable(rows: ReadonlyMap<string, CaseCounts>): string {
  const ordered = CATEGORIES.flatMap((name) => {
    const row = rows.get(name);
    return row ? [[name, row] as const] : [];
  });
  const total = ordered.reduce(
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
    ...ordered.map(([name, r]) => line(name, r)),
    line("**total**", total),
    "",
    skipped,
  ].join("\n");
}
