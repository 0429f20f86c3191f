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

  it("several lines on Windows: one argument per line, as written", () => {
    const text = "python\n-m\nbuild\n--outdir\nC:\\Users\\me\\dist\n";
    expect(splitCommandFor(text, "x", "win32")).toEqual([
      "python",
      "-m",
      "build",
      "--outdir",
      "C:\\Users\\me\\dist",
    ]);
  });

  it("several lines elsewhere: split as a shell does, a quoted script of several lines kept whole", () => {
    const text = "python -c 'import sys\nprint(1)'\n--flag\n";
    for (const platform of ["linux", "darwin"] as const) {
      expect(splitCommandFor(text, "x", platform)).toEqual([
        "python",
        "-c",
        "import sys\nprint(1)",
        "--flag",
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
