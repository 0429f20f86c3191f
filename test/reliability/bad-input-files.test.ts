import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runAction } from "../support/action.js";
import { tail } from "../support/action-output.js";
import { PYTHON } from "../support/build-env.js";
import { gitCommitAll } from "../support/git.js";
import { reliabilityCase } from "./cases.js";
import { expectActionOk } from "./expect-clean.js";
import { BUILD, project } from "./fixture.js";
import { cli, json } from "./run.js";
import { sharedCacheServer } from "./shared-server.js";

// Files that could make a fingerprint hang, blow up or lie: loops, special files, huge files.
// Each run must finish, quickly, with the special file recorded as not a regular file.

interface KeysJson {
  keys: { id: string; files?: Record<string, string | null> }[];
}

const server = sharedCacheServer();

/** Every file every key covers, with its digest. */
function coveredFiles(out: KeysJson): Record<string, string | null> {
  return Object.assign({}, ...out.keys.map((k) => k.files ?? {}));
}

/** `[tool.uv] cache-keys` naming `literals` and the C sources glob. */
function declareKeys(dir: string, literals: readonly string[]): void {
  const entries = [...literals.map((l) => JSON.stringify(l)), '"src/**/*.c"'];
  const file = path.join(dir, "pyproject.toml");
  writeFileSync(
    file,
    `${readFileSync(file, "utf8")}\n[tool.uv]\ncache-keys = [${entries.join(", ")}]\n`,
  );
}

for (const git of [false, true]) {
  reliabilityCase(
    "bad-input",
    `symlink loops are not followed (${git ? "git" : "no git"})`,
    async () => {
      const dir = await project({ git });
      const src = path.join(dir, "src");
      symlinkSync("loop-b.c", path.join(src, "loop-a.c"));
      symlinkSync("loop-a.c", path.join(src, "loop-b.c"));
      symlinkSync("self.c", path.join(src, "self.c"));
      symlinkSync(".", path.join(src, "here"));
      symlinkSync("..", path.join(src, "up"));
      declareKeys(dir, ["src/loop-a.c"]);
      if (git) gitCommitAll(dir, "loops");
      const result = await cli(["keys", "--json"], { cwd: dir, timeoutMs: 30_000 });
      expect(result.code, tail(result)).toBe(0);
      const files = coveredFiles(json<KeysJson>(result));
      expect(files["src/loop-a.c"]).toBeNull();
      const listed = Object.keys(files).filter((f) => /loop|self|here|up\//.test(f));
      expect(listed).toEqual(["src/loop-a.c"]);
    },
  );
}

reliabilityCase(
  "bad-input",
  "a FIFO, a socket and device files matched by globs never block",
  async () => {
    const dir = await project();
    const src = path.join(dir, "src");
    spawnSync("mkfifo", [path.join(src, "pipe.c")]);
    const bind = `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(path.join(src, "sock.c"))})`;
    spawnSync(PYTHON, ["-c", bind]);
    const special = ["pipe.c", "sock.c", "zero.c", "random.c", "tty.c"];
    symlinkSync("/dev/zero", path.join(src, "zero.c"));
    symlinkSync("/dev/urandom", path.join(src, "random.c"));
    symlinkSync("/dev/tty", path.join(src, "tty.c"));
    // A character device of its own where the test may create one (root with CAP_MKNOD).
    if (spawnSync("mknod", [path.join(src, "dev.c"), "c", "1", "5"]).status === 0)
      special.push("dev.c");
    declareKeys(
      dir,
      special.map((name) => `src/${name}`),
    );
    const keys = await cli(["keys", "--json"], { cwd: dir, timeoutMs: 30_000 });
    // Never opened, so never blocked on: a FIFO or a device would hang a read (the run is killed
    // at its time limit, which fails the case).
    expect(keys.code, tail(keys)).toBe(0);
    const files = coveredFiles(json<KeysJson>(keys));
    for (const name of special) expect(files[`src/${name}`], name).toBeNull();

    const action = await runAction({
      workspace: dir,
      inputs: { "build-command": BUILD },
      server: server(),
    });
    expectActionOk(action);
    expect(action.outputs.built).toBe("true");
  },
);

/** The git blob id of 3 GiB of zero bytes (`git hash-object` on such a file). */
const ZEROS_3G = "1077662767e8de998abc7dbe3649b8df9a2baf72";
/** Prints the process's peak resident set size (kB) on exit. */
const PEAK_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))`;

reliabilityCase(
  "bad-input",
  "a 3 GB sparse file is hashed with bounded memory",
  async () => {
    const dir = await project({ git: false });
    const big = path.join(dir, "src", "big.c");
    const fd = openSync(big, "w");
    closeSync(fd);
    spawnSync("truncate", ["-s", "3G", big]);
    const result = await cli(["keys", "--json"], {
      cwd: dir,
      nodeArgs: ["--import", PEAK_RSS],
      timeoutMs: 120_000,
    });
    expect(result.code, tail(result)).toBe(0);
    expect(coveredFiles(json<KeysJson>(result))["src/big.c"]).toBe(ZEROS_3G);
    const peakKb = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(256 * 1024);
  },
  { timeout: 150_000 },
);
