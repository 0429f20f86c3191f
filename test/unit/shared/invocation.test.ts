import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBuild } from "../../../src/build/run.js";
import { splitCommandFor } from "../../../src/shared/command-line.js";
import { invocationOf } from "../../../src/shared/invocation.js";
import { defaultPython, which } from "../../../src/shared/which.js";
import { makeTempDir } from "../../support/tmp.js";

// Windows is injected: its path rules (path.win32), PATHEXT, and a fake file system of the
// programs that exist, so nothing here depends on the machine the tests run on.

const WIN_ENV = {
  PATH: String.raw`C:\hostedtoolcache\Python\3.12.8\x64;C:\Program Files\nodejs;C:\Windows\system32`,
  PATHEXT: ".COM;.EXE;.BAT;.CMD;.VBS;.JS",
  ComSpec: String.raw`C:\Windows\system32\cmd.exe`,
};
/** A Windows file system holding `files`, which ignores case as NTFS does. */
const windowsFiles = (...files: string[]) => {
  const lower = new Set(files.map((f) => f.toLowerCase()));
  return (file: string) => lower.has(file.toLowerCase());
};
const WIN_FILES = windowsFiles(
  String.raw`C:\hostedtoolcache\Python\3.12.8\x64\python.exe`,
  String.raw`C:\Program Files\nodejs\npm.cmd`,
  String.raw`C:\Program Files\nodejs\node.exe`,
  String.raw`C:\Windows\system32\where.exe`,
);
const onWindows = (name: string) => which(name, WIN_ENV, "win32", WIN_FILES)?.toLowerCase();

describe("which, as Windows searches", () => {
  it.each([
    ["python", String.raw`C:\hostedtoolcache\Python\3.12.8\x64\python.exe`],
    ["npm", String.raw`C:\Program Files\nodejs\npm.cmd`],
    ["npm.cmd", String.raw`C:\Program Files\nodejs\npm.cmd`],
    ["python3", undefined],
    [String.raw`C:\Program Files\nodejs\node`, String.raw`C:\Program Files\nodejs\node.exe`],
  ])("%s → %s", (name, found) => {
    expect(onWindows(name)).toBe(found?.toLowerCase());
  });

  it("POSIX paths are not split at Windows' delimiter", () => {
    const files = new Set(["/usr/bin/python3"]);
    expect(which("python3", { PATH: "/opt/x:/usr/bin" }, "linux", (f) => files.has(f))).toBe(
      "/usr/bin/python3",
    );
  });
});

describe("the default interpreter", () => {
  it("is python on Windows, where runners have no python3", () => {
    expect(defaultPython(WIN_ENV, "win32", WIN_FILES)).toBe("python");
  });

  it("is the py launcher on Windows only when python is not on PATH but py is", () => {
    const env = { ...WIN_ENV, PATH: String.raw`C:\Windows` };
    expect(defaultPython(env, "win32", windowsFiles(String.raw`C:\Windows\py.exe`))).toBe("py");
    expect(defaultPython(env, "win32", () => false)).toBe("python");
  });

  it("is python3 elsewhere when there is one", () => {
    const files = new Set(["/usr/bin/python3"]);
    expect(defaultPython({ PATH: "/usr/bin" }, "darwin", (f) => files.has(f))).toBe("python3");
    expect(defaultPython({ PATH: "/usr/bin" }, "linux", () => false)).toBe("python");
  });
});

/**
 * What a batch file receives from `cmd.exe /d /s /c "<line>"` as argv: /s takes the outer quotes
 * off; the program comes first in plain quotes (read as it is); after it, every character cmd
 * gives a meaning to must be escaped with `^`, which cmd removes; the rest is what the batch
 * file's `%*` holds, which its program splits as the C runtime does.
 */
function throughCmd(args: readonly string[]): { program: string; argv: string[] } {
  expect(args.slice(0, 3)).toEqual(["/d", "/s", "/c"]);
  const line = args[3]!;
  expect(line.startsWith('"') && line.endsWith('"')).toBe(true);
  const inner = line.slice(1, -1);
  const quoted = /^"([^"]*)"(.*)$/s.exec(inner);
  if (!quoted) throw new Error(`the program is not quoted: ${inner}`);
  const [, program = "", rest = ""] = quoted;
  // Nothing cmd reads is left unescaped after the program: no &, |, <, >, %, quote or space
  // that it would act on, but the spaces between the words.
  expect(rest).toMatch(/^(?: (?:\^.|[^()[\]%!^"`<>&|;,*? ])+)*$/);
  return { program, argv: splitCommandFor(rest.replace(/\^(.)/g, "$1"), "x", "win32") };
}

describe("starting a program without a shell", () => {
  const lookup = (name: string) => which(name, WIN_ENV, "win32", WIN_FILES);

  it("elsewhere than Windows: as written, PATH searched by the spawn", () => {
    expect(invocationOf(["npm", "run", "build"], {}, "linux")).toEqual({
      file: "npm",
      args: ["run", "build"],
      verbatim: false,
    });
  });

  it("Windows: an .exe found with PATHEXT is spawned by its path", () => {
    expect(invocationOf(["python", "-m", "build"], WIN_ENV, "win32", lookup)).toEqual({
      file: String.raw`C:\hostedtoolcache\Python\3.12.8\x64\python.EXE`,
      args: ["-m", "build"],
      verbatim: false,
    });
  });

  it.each<string[]>([
    ["run", "build"],
    ["--prefix", String.raw`C:\Users\me\my project\\`, "50%", "%PATH%"],
    ["a&b", "c|d", "(x)", "<in>", "^caret", "!bang!", "semi;colon,comma", "*?", ""],
    [String.raw`\\server\share\dir\\`, "tab\there", "ünïcode"],
  ])("Windows: npm (a .cmd shim) runs through cmd.exe, arguments intact: %j", (...args) => {
    const started = invocationOf(["npm", ...args], WIN_ENV, "win32", lookup);
    if ("problem" in started) throw new Error(started.problem);
    expect(started.file).toBe(WIN_ENV.ComSpec);
    expect(started.verbatim).toBe(true);
    const { program, argv } = throughCmd(started.args);
    expect(program).toBe(String.raw`C:\Program Files\nodejs\npm.CMD`);
    expect(argv).toEqual(args);
  });

  it("Windows: a .bat named by its path runs through cmd.exe too, spaces and & in it", () => {
    const started = invocationOf([String.raw`tools\build.BAT`, "x"], WIN_ENV, "win32", lookup);
    expect(started).toMatchObject({ file: WIN_ENV.ComSpec, verbatim: true });
    const odd = String.raw`C:\Tools & Co\build.cmd`;
    const through = invocationOf([odd, "a b"], WIN_ENV, "win32", lookup);
    if ("problem" in through) throw new Error(through.problem);
    expect(throughCmd(through.args)).toEqual({ program: odd, argv: ["a b"] });
  });

  it.each([['say "hi"'], ["two\nlines"]])(
    "Windows: an argument cmd.exe cannot pass on is refused in one line naming the program: %j",
    (arg) => {
      const started = invocationOf(["npm", "run", arg], WIN_ENV, "win32", lookup);
      expect(started).toEqual({
        problem: expect.stringMatching(
          /^npm \(npm\.CMD\) is a batch file, which only cmd\.exe runs/,
        ),
      });
      expect((started as { problem: string }).problem).not.toContain("\n");
    },
  );

  it("Windows: a program not on PATH is spawned as named (and reported not found by the spawn)", () => {
    expect(invocationOf(["nosuch", "x"], WIN_ENV, "win32", lookup)).toEqual({
      file: "nosuch",
      args: ["x"],
      verbatim: false,
    });
  });

  it("a build whose batch file cannot take its arguments fails in one line naming it", async () => {
    const dir = makeTempDir();
    const run = runBuild({
      argv: ["build.cmd", 'say "hi"'],
      spawned: ["build.cmd", 'say "hi"'],
      cwd: dir,
      env: {},
      wheelDir: path.join(dir, "dist"),
      before: new Map(),
      platform: "win32",
    });
    await expect(run).rejects.toThrow(
      /^cannot run the build command build\.cmd 'say "hi"': build\.cmd is a batch file, which only cmd\.exe runs, and cmd\.exe cannot pass it an argument holding a double quote/,
    );
  });
});
