import { spawnSync } from "node:child_process";
import { existsSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureSeccompTracer, readSeccompTrace, seccompArgv } from "../../../src/build/seccomp.js";
import { ensureTracer } from "../../../src/build/tracer.js";
import { which } from "../../../src/shared/which.js";
import { makeTempDir, writeTree } from "../../support/tmp.js";

const linux = process.platform === "linux";
const home = makeTempDir();

/** Runs `script` with sh under the tracer in `dir`; its exit status, signal and trace file. */
async function traced(dir: string, script: string) {
  const { program, note } = await ensureSeccompTracer(process.env, home);
  if (!program) throw new Error(note);
  const record = path.join(dir, "..", `${path.basename(dir)}.calls`);
  const started = Date.now();
  const [tracer, ...args] = seccompArgv(program, record, ["sh", "-c", script]);
  const run = spawnSync(tracer!, args, {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { run, trace: await readSeccompTrace(record, started), record };
}

describe.runIf(linux)("the seccomp tracer", () => {
  it("is compiled once into its directory and kept", async () => {
    const first = await ensureSeccompTracer(process.env, home);
    expect(first.note).toBeUndefined();
    const built = statSync(first.program!).mtimeMs;
    const again = await ensureSeccompTracer(process.env, home);
    expect(again.program).toBe(first.program);
    expect(statSync(again.program!).mtimeMs).toBe(built);
  });

  it("records reads, misses, listings, writes, created directories and programs run", async () => {
    const dir = makeTempDir();
    writeTree(dir, { "src/a.c": "int a;\n", "inc/x.h": "#define X\n", "old.txt": "old\n" });
    // old.txt is opened to append by a command that fails before it writes: not the build's.
    const { run, trace } = await traced(
      dir,
      "cat src/a.c inc/x.h >/dev/null; cat nothing-here 2>/dev/null; ls src >/dev/null; " +
        "mkdir -p out inc; echo hi > out/o.txt; mv out/o.txt out/p.txt; exit 3",
    );
    expect(run.status).toBe(3);
    expect(trace.opened.get(path.join(dir, "src/a.c"))).toBe(true);
    expect(trace.opened.get(path.join(dir, "inc/x.h"))).toBe(true);
    expect(trace.opened.get(path.join(dir, "nothing-here"))).toBe(false);
    expect(trace.listed.has(path.join(dir, "src"))).toBe(true);
    expect(trace.created.has(path.join(dir, "out"))).toBe(true);
    // `mkdir -p inc` met a directory that was there: the build did not make it.
    expect(trace.created.has(path.join(dir, "inc"))).toBe(false);
    expect(trace.written.has(path.join(dir, "out/o.txt"))).toBe(true);
    expect(trace.written.has(path.join(dir, "out/p.txt"))).toBe(true);
    const cat = which("cat", process.env)!;
    expect(trace.execs.get(cat)).toEqual(new Set(["cat"]));
    // A search along PATH tries directories without cat: only the program that exists is kept.
    for (const program of trace.execs.keys()) expect(existsSync(program)).toBe(true);
  });

  it("a write that changed nothing is not the build's; relative paths follow the working directory", async () => {
    const dir = makeTempDir();
    writeTree(dir, { "sub/kept.txt": "kept\n" });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(dir, "sub/kept.txt"), old, old);
    // Its change time is now: let it fall clear of the clock slack before the build starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // `: >>` opens to append and writes nothing; cd makes the next paths relative to sub/.
    const { run, trace } = await traced(dir, "cd sub && : >> kept.txt && cat kept.txt >/dev/null");
    expect(run.status).toBe(0);
    expect(trace.written.has(path.join(dir, "sub/kept.txt"))).toBe(false);
    expect(trace.opened.get(path.join(dir, "sub/kept.txt"))).toBe(true);
  });

  it("exits as the build's first process did: its status, or its signal", async () => {
    const dir = makeTempDir();
    const killed = await traced(dir, "kill -TERM $$");
    expect(killed.run.signal).toBe("SIGTERM");
    const missing = spawnSync(
      (await ensureSeccompTracer(process.env, home)).program!,
      [path.join(dir, "calls"), "--", "no-such-program-here"],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(missing.status).toBe(127);
    expect(missing.stderr).toContain("cannot run no-such-program-here");
  });

  it("waits for what the build left running, then ends", async () => {
    const dir = makeTempDir();
    const { run, trace } = await traced(dir, "(sleep 0.3; cat marker >/dev/null 2>&1) & exit 0");
    expect(run.status).toBe(0);
    // The background process's read was recorded: the tracer served it before it ended.
    expect(trace.opened.has(path.join(dir, "marker"))).toBe(true);
  });

  it("a compiler's reads are compiled; a preprocess-only run's are not", async () => {
    const dir = makeTempDir();
    const record = path.join(dir, "calls");
    const field = (...f: string[]) => f.map((x) => `${x}\0`).join("");
    writeTree(dir, { "a.c": "int a;\n", "b.h": "\n" });
    writeFileSync(
      record,
      field("x", "10", "", "/usr/bin/gcc", "gcc") +
        field("o", "10", "", path.join(dir, "a.c"), "") +
        field("x", "11", "E", "/usr/bin/gcc", "gcc") +
        field("o", "11", "", path.join(dir, "b.h"), "") +
        field("?", "12", "", "", ""),
    );
    const trace = await readSeccompTrace(record, Date.now());
    expect([...(trace.compiled ?? [])]).toEqual([path.join(dir, "a.c")]);
    expect(trace.opened.get(path.join(dir, "b.h"))).toBe(true);
  });

  it("WHEEL_CACHE_TRACER picks strace, and says why when none runs", async () => {
    const strace = which("strace", process.env);
    const picked = await ensureTracer({ ...process.env, WHEEL_CACHE_TRACER: "strace" }, false);
    if (strace) expect(picked.tracer).toEqual({ kind: "strace", program: strace });
    else expect(picked.note).toContain("strace");
    const nowhere = await ensureTracer(process.env, false, "darwin");
    expect(nowhere.tracer).toBeUndefined();
    expect(nowhere.note).toContain("no tracer runs on darwin");
  });
});
