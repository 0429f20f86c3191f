import { defineConfig } from "vitest/config";

/**
 * Two tiers. `unit` (test/unit, mirroring src/): no real builds, no cache server, seconds in all;
 * `npm run test:unit` runs it alone. `e2e` (test/e2e, test/reliability): real builds of the
 * examples, the real `@actions/cache` client against a local cache server, the bundle in dist/.
 */
export default defineConfig({
  test: {
    reporters: ["default", "./test/reliability/reporter.ts", "./test/support/count-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts", "test/reliability/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          pool: "forks",
        },
      },
    ],
  },
});
