import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

/**
 * The problem matchers the action registers around the build, tried on compiler output the way
 * the runner reads it: each pattern of a matcher on consecutive lines, the last one completing an
 * annotation with its file, line and message.
 */
interface Pattern {
  readonly regexp: string;
  readonly file?: number;
  readonly line?: number;
  readonly column?: number;
  readonly message?: number;
  readonly code?: number;
}
interface Matcher {
  readonly owner: string;
  readonly severity: string;
  readonly pattern: readonly Pattern[];
}

const { problemMatcher } = JSON.parse(readFileSync("src/report/problem-matchers.json", "utf8")) as {
  problemMatcher: Matcher[];
};

interface Annotation {
  owner: string;
  file?: string;
  line?: string;
  column?: string;
  message?: string;
  code?: string;
}

function annotations(output: string): Annotation[] {
  const lines = output.split("\n");
  const found: Annotation[] = [];
  for (const matcher of problemMatcher) {
    for (let i = 0; i + matcher.pattern.length <= lines.length; i++) {
      const parts = matcher.pattern.map((p, j) => new RegExp(p.regexp).exec(lines[i + j]!));
      if (parts.some((m) => !m)) continue;
      const a: Annotation = { owner: matcher.owner };
      matcher.pattern.forEach((p, j) => {
        const m = parts[j]!;
        for (const field of ["file", "line", "column", "message", "code"] as const) {
          const index = p[field];
          if (index !== undefined && m[index] !== undefined) a[field] = m[index];
        }
      });
      found.push(a);
    }
  }
  return found;
}

describe("problem matchers", () => {
  test("every matcher reports errors only, under an owner of wheel-cache's", () => {
    for (const matcher of problemMatcher) {
      expect(matcher.owner).toMatch(/^wheel-cache-/);
      expect(matcher.severity).toBe("error");
    }
  });

  test.each([
    [
      "gcc",
      "src/pkg/_core.c:3:1: error: unknown type name 'this'",
      { file: "src/pkg/_core.c", line: "3", column: "1", message: "unknown type name 'this'" },
    ],
    [
      "clang, fatal",
      "src/x.cpp:12:10: fatal error: 'missing.h' file not found",
      { file: "src/x.cpp", line: "12", column: "10", message: "'missing.h' file not found" },
    ],
    [
      "gcc without a column",
      "setup.c:7: error: expected ';'",
      { file: "setup.c", line: "7", message: "expected ';'" },
    ],
    [
      "MSVC",
      "src\\pkg\\_core.c(3): error C2061: syntax error: identifier 'is'",
      {
        file: "src\\pkg\\_core.c",
        line: "3",
        code: "C2061",
        message: "syntax error: identifier 'is'",
      },
    ],
    [
      "MSVC with a column, in a multi-process build",
      "  2>C:\\a\\b.cpp(10,5): fatal error C1083: Cannot open include file: 'x.h'",
      { file: "C:\\a\\b.cpp", line: "10", column: "5", code: "C1083" },
    ],
    [
      "rustc",
      "error[E0308]: mismatched types\n  --> src/lib.rs:4:5",
      { file: "src/lib.rs", line: "4", column: "5", code: "E0308", message: "mismatched types" },
    ],
    [
      "rustc without a code",
      "error: expected one of `!` or `::`, found `is`\n --> src/lib.rs:1:6",
      { file: "src/lib.rs", line: "1", message: "expected one of `!` or `::`, found `is`" },
    ],
  ])("%s", (_name, output, expected) => {
    const found = annotations(output);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  test.each([
    "src/pkg/_core.c:3:1: warning: unused variable 'x'",
    "In file included from src/pkg/_core.c:2:",
    "warning[E0001]: something\n  --> src/lib.rs:1:1",
    "error: could not compile `pkg` (lib) due to 1 previous error",
    "error: command '/usr/bin/gcc' failed with exit code 1",
    "wheel-cache: cache key: wheel-cache-v2-pkg-fp-0123-0",
    '  File "setup.py", line 3, in <module>',
  ])("leaves alone: %s", (output) => {
    expect(annotations(output)).toEqual([]);
  });
});
