import { describe, expect, it } from "vitest";
import {
  emptyTrace,
  isCompiler,
  parseLine,
  type RawTrace,
  unescapeC,
} from "../../../src/build/trace.js";

function parse(lines: readonly string[], cwd = "/start"): RawTrace {
  const trace = emptyTrace();
  const state = { cwd };
  for (const line of lines) parseLine(line, trace, state);
  return trace;
}

// Lines as `strace -ff -qq -y -e trace=...` writes them (one file per process, no pid prefix;
// short calls padded before ` = `).
describe("parsing strace's file and exec calls", () => {
  it("reads, misses, writes and directories, relative paths resolved through -y", () => {
    const trace = parse([
      'openat(AT_FDCWD</w/proj>, "src/a.c", O_RDONLY|O_NOCTTY) = 3</w/proj/src/a.c>',
      'openat(AT_FDCWD</w/proj>, "inc/stdio.h", O_RDONLY|O_NOCTTY) = -1 ENOENT (No such file or directory)',
      'openat(AT_FDCWD</w/proj>, "/tmp/ccX.s", O_RDWR|O_CREAT|O_EXCL, 0600) = 3</tmp/ccX.s>',
      'openat(AT_FDCWD</w/proj>, "src", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3</w/proj/src>',
      'open("/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache>',
      'creat("out.o", 0644)                    = 4</w/proj/out.o>',
      'openat(3</w/proj/include>, "defs.h", O_RDONLY) = -1 EACCES (Permission denied)',
    ]);
    expect([...trace.opened]).toEqual([
      ["/w/proj/src/a.c", true],
      ["/w/proj/inc/stdio.h", false],
      ["/etc/ld.so.cache", true],
    ]);
    expect([...trace.written].sort()).toEqual(["/tmp/ccX.s", "/w/proj/out.o"]);
    expect([...trace.listed]).toEqual(["/w/proj/src"]);
  });

  it("files a compiler process read are compiled; another process's reads are not", () => {
    const cc1 = parse([
      'execve("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ["/usr/lib/gcc/x86_64-linux-gnu/12/cc1", "-quiet"], 0x1 /* 9 vars */) = 0',
      'openat(AT_FDCWD</w>, "zstd/zstd.h", O_RDONLY|O_NOCTTY) = 3</w/zstd/zstd.h>',
    ]);
    expect([...(cc1.compiled ?? [])]).toEqual(["/w/zstd/zstd.h"]);
    const python = parse([
      'execve("/venv/bin/python", ["python", "setup.py"], 0x1 /* 9 vars */) = 0',
      'openat(AT_FDCWD</w>, "zstd/zstd.h", O_RDONLY|O_CLOEXEC) = 3</w/zstd/zstd.h>',
    ]);
    expect([...(python.compiled ?? [])]).toEqual([]);
    expect(python.opened.get("/w/zstd/zstd.h")).toBe(true);
    // make_cffi.py preprocesses zstd.h with the C compiler: that compiles nothing.
    const preprocess = parse([
      'execve("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ["/usr/lib/gcc/x86_64-linux-gnu/12"..., "-E", "-quiet", "-I", "zstd"], 0x1 /* 9 vars */) = 0',
      'openat(AT_FDCWD</w>, "zstd/zstd.h", O_RDONLY|O_NOCTTY) = 3</w/zstd/zstd.h>',
    ]);
    expect([...(preprocess.compiled ?? [])]).toEqual([]);
  });

  it("compilers by name: gcc's passes, clang, target-prefixed and versioned drivers, ccache", () => {
    for (const program of [
      "/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus",
      "/usr/bin/x86_64-linux-gnu-gcc-12",
      "/usr/bin/clang-16",
      "/usr/bin/ccache",
      "/usr/local/cuda/bin/nvcc",
    ]) {
      expect(isCompiler(program), program).toBe(true);
    }
    for (const program of ["/venv/bin/python3.11", "/usr/bin/ld", "/usr/bin/as", "/usr/bin/git"]) {
      expect(isCompiler(program), program).toBe(false);
    }
  });

  it("a file found after it was missed counts as read", () => {
    const trace = parse([
      'openat(AT_FDCWD</w>, "a.h", O_RDONLY) = -1 ENOENT (No such file or directory)',
      'openat(AT_FDCWD</w>, "a.h", O_RDONLY) = 3</w/a.h>',
      'openat(AT_FDCWD</w>, "a.h", O_RDONLY) = -1 ENOENT (No such file or directory)',
    ]);
    expect(trace.opened.get("/w/a.h")).toBe(true);
  });

  it("programs run, by the name they were run with; failed attempts are not runs", () => {
    const trace = parse([
      'execve("/usr/bin/gcc", ["gcc", "-c", "a.c"], 0x7ffe /* 35 vars */) = 0',
      'execve("/usr/local/bin/cc", ["cc", "--version"], 0x7ffe /* 35 vars */) = -1 ENOENT (No such file or directory)',
      'execveat(AT_FDCWD</w>, "tool", ["./tool"], 0x1 /* 3 vars */, 0) = 0',
    ]);
    expect([...trace.execs].map(([path, names]) => [path, [...names]])).toEqual([
      ["/usr/bin/gcc", ["gcc"]],
      ["/w/tool", ["./tool"]],
    ]);
  });

  it("directories created and paths moved into place are the build's own", () => {
    const trace = parse([
      'mkdir("/tmp/tmpc3d6hvrw", 0700)         = 0',
      'mkdirat(AT_FDCWD</w/proj>, "build", 0777) = 0',
      'mkdir("/exists", 0700)                  = -1 EEXIST (File exists)',
      'rename("/w/proj/x.tmp", "/w/proj/x.whl") = 0',
      'renameat2(AT_FDCWD</w>, "a.tmp", AT_FDCWD</w>, "a", RENAME_NOREPLACE) = 0',
    ]);
    expect([...trace.created].sort()).toEqual(["/tmp/tmpc3d6hvrw", "/w/proj/build"]);
    expect([...trace.written].sort()).toEqual(["/w/a", "/w/proj/x.whl"]);
  });

  it("resolves paths of calls without a descriptor against the working directory last seen", () => {
    const trace = parse([
      'mkdir("early", 0777)                    = 0',
      'openat(AT_FDCWD</w/proj>, "/usr/lib/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</usr/lib/libc.so.6>',
      'mkdir("src/mod.egg-info", 0777)         = 0',
      'rename("/w/proj/src/mod.egg-info/tmp1", "src/mod.egg-info/PKG-INFO") = 0',
      'chdir("build")                          = 0',
      'mkdir("temp", 0777)                     = 0',
    ]);
    expect([...trace.created].sort()).toEqual([
      "/start/early",
      "/w/proj/build/temp",
      "/w/proj/src/mod.egg-info",
    ]);
    expect([...trace.written]).toEqual(["/w/proj/src/mod.egg-info/PKG-INFO"]);
  });

  it("undoes strace's escapes in paths", () => {
    expect(unescapeC(String.raw`a\"b\\c\nd\303\251e\x41`)).toBe('a"b\\c\ndéeA');
    const trace = parse([
      String.raw`openat(AT_FDCWD</w>, "caf\303\251.h", O_RDONLY) = 3</w/caf\303\251.h>`,
    ]);
    expect([...trace.opened.keys()]).toEqual(["/w/café.h"]);
  });
});
