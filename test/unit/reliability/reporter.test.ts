import { describe, expect, test } from "vitest";
import { type CountedModule, countCases, reliabilityTable } from "../../reliability/reporter.js";

/** A test module as the reporter sees it: its file and its tests' names and states. */
function module(file: string, tests: [string, string][]): CountedModule {
  return {
    moduleId: file,
    children: {
      allTests: () => tests.map(([name, state]) => ({ name, result: () => ({ state }) })),
    },
  };
}

describe("the reliability table", () => {
  test("counts only the suite's cases, by their known categories", () => {
    const rows = countCases([
      module("/repo/test/reliability/bad-input-build.test.ts", [
        ["[bad-input] a build command that does not exist", "passed"],
        ["[bad-input] a build that does not compile", "failed"],
        ["[interrupts] SIGTERM mid-build", "skipped"],
        ["[lib] not a category of the suite", "passed"],
        ["no category at all", "passed"],
      ]),
      // A unit test whose name looks like a case is no case.
      module("/repo/test/unit/project/inference.test.ts", [
        ["[lib] path outside src/ is covered", "passed"],
        ["[bad-input] named like a case", "passed"],
      ]),
    ]);
    expect(Object.fromEntries(rows)).toEqual({
      "bad-input": { tried: 2, passed: 1, skipped: 0 },
      interrupts: { tried: 0, passed: 0, skipped: 1 },
    });
  });

  test("lists categories in the suite's order with a total", () => {
    const table = reliabilityTable(
      new Map([
        ["security", { tried: 2, passed: 2, skipped: 0 }],
        ["bad-input", { tried: 3, passed: 2, skipped: 1 }],
      ]),
    );
    expect(table).toContain(
      "| bad-input | 3 | 2 |\n| security | 2 | 2 |\n| **total** | 5 | 4 |\n\n(1 skipped)",
    );
  });
});
