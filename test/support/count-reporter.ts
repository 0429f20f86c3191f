import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line of counts, `Tests: N passed, N failed, N skipped`, that any
 * reader of the log (a person or CI) can find without knowing vitest's own format.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests to count, but it is a failure all the same.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0)
        counts.failed++;
    }
    process.stdout.write(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
