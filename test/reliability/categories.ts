/**
 * The reliability suite's categories, apart from cases.ts (which needs the build environment) so
 * that the reporter can load them in any run. A case is a vitest test in `test/reliability/` named
 * `[<category>] <name>` with one of these categories; nothing else is counted as one.
 */
export const CATEGORIES = [
  "bad-input",
  "interrupts",
  "stray-files",
  "service-faults",
  "other-servers",
  "local-cache",
  "security",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The directory of the suite's files, as it appears in a test module's path. */
const SUITE_DIR = /(?:^|[\\/])test[\\/]reliability[\\/][^\\/]+$/;

/** The category of a test named `[<category>] ...` in a file of the suite, or undefined. */
export function categoryOf(testName: string, file: string): Category | undefined {
  if (!SUITE_DIR.test(file)) return undefined;
  const name = /^\[([\w-]+)\] /.exec(testName)?.[1];
  return CATEGORIES.find((category) => category === name);
}
