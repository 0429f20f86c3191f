import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { splitCommandFor } from "../../../src/shared/command-line.js";

describe("splitting a build command for the platform it runs on", () => {
  it.each([
    [
      String.raw`python -m build --outdir C:\Users\me\dist`,
      ["python", "-m", "build", "--outdir", String.raw`C:\Users\me\dist`],
    ],
    [
      String.raw`"C:\Program Files\Python311\python.exe" -m build`,
      [String.raw`C:\Program Files\Python311\python.exe`, "-m", "build"],
    ],
    [
      String.raw`tool "a \"quoted\" word" \\server\share`,
      ["tool", 'a "quoted" word', String.raw`\\server\share`],
    ],
    [String.raw`tool "ends in a slash\\" next`, ["tool", "ends in a slash\\", "next"]],
  ])("Windows: %s", (text, argv) => {
    expect(splitCommandFor(text, "input build-command", "win32")).toEqual(argv);
  });

  it("POSIX: backslashes escape, quotes group", () => {
    expect(splitCommandFor(String.raw`echo a\ b "c d" 'e\f'`, "x", "linux")).toEqual([
      "echo",
      "a b",
      "c d",
      String.raw`e\f`,
    ]);
  });

  it("several lines: one argument per line, as written, on every platform", () => {
    const text = "python\n-m\nbuild\n--outdir\nC:\\Users\\me\\dist\n";
    for (const platform of ["win32", "linux", "darwin"] as const) {
      expect(splitCommandFor(text, "x", platform)).toEqual([
        "python",
        "-m",
        "build",
        "--outdir",
        "C:\\Users\\me\\dist",
      ]);
    }
  });

  it("an unclosed quote is a one-line error naming the input", () => {
    expect(() => splitCommandFor('tool "open', "input build-command", "win32")).toThrow(UserError);
    expect(() => splitCommandFor('tool "open', "input build-command", "win32")).toThrow(
      /input build-command: unclosed "/,
    );
  });
});
