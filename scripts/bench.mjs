// `npm run bench`: wheel-cache's fingerprint against `@actions/glob` hashFiles and the sha256sum
// floor, on a generated repository of 50,000 files (~500 MB). See docs/benchmark.md.
// Usage: node scripts/bench.mjs [--reps N] [--cli PATH] [--keep]
// Exits 1 when a target is missed, 2 when a tool it needs is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { createCipheriv, createHash } from "node:crypto";
import * as fs from "node:fs";
import { availableParallelism, cpus, devNull, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const PATTERNS = "pyproject.toml Cargo.toml **/*.rs **/*.c **/*.h **/*.py data/**".split(" ");
const TARGETS = {
  clean: 20,
  noIndex: 2,
  floor: 1.5,
  peakMb: 256,
  traceOverhead: 1.15,
  validation: 1.3,
};
// Source-like words (and "¶" for a line break) for generated text.
const WORDS = `fn let mut self return if else for while struct impl static int char void def class
  import value index count buffer result error node tree hash size data ( ) { } ; = + -> :: 0 1 42
  "text" #note //note ¶ ¶ ¶ ¶`.split(/\s+/);

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), "..");
const WHO = { NAME: "Bench", EMAIL: "bench@example.com", DATE: "2026-01-01T00:00:00Z" };
const ENV = { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: "1" };
for (const role of ["AUTHOR", "COMMITTER"]) {
  for (const [k, v] of Object.entries(WHO)) ENV[`GIT_${role}_${k}`] = v;
}
const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { encoding: "utf8", env: ENV, maxBuffer: 1 << 30, ...options });

if (process.argv[2] === "--child") await child(...process.argv.slice(3));
else await main();

/** `hash` runs hashFiles as a workflow's `hashFiles()` does, in a process of its own to be measured
 * alone; `list` prints the files it hashes. Both print @actions/core's debug lines first. */
async function child(mode, dir, ...patterns) {
  process.chdir(dir);
  process.env.GITHUB_WORKSPACE = dir;
  const glob = await import("@actions/glob");
  const list = async () =>
    (await (await glob.create(patterns.join("\n"))).glob())
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => f.slice(dir.length + 1));
  const answer =
    mode === "hash" ? await glob.hashFiles(patterns.join("\n")) : (await list()).join("\0");
  process.stdout.write(`\n@@\n${answer}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      reps: { type: "string", default: "5" },
      cli: { type: "string" },
      keep: { type: "boolean" },
      "trace-reps": { type: "string", default: "2" },
    },
  });
  const reps = Math.max(1, Number.parseInt(values.reps, 10) || 5);
  const tools = {
    "/usr/bin/time": "GNU time: apt-get install -y time",
    sha256sum: "coreutils",
    git: "git",
  };
  for (const [tool, hint] of Object.entries(tools)) {
    if (spawnSync(tool, ["--version"], { stdio: "ignore" }).error) {
      console.error(`bench: ${tool} is missing (${hint})`);
      process.exit(2);
    }
  }
  const cli = values.cli ? resolve(values.cli) : ensureDist();
  // The machine's default python3 builds, as a user would have it (a pyenv shim on many laptops).
  const work = fs.realpathSync(fs.mkdtempSync(join(tmpdir(), "wheel-cache-bench-")));
  const [repo, untracked, plain] = ["repo", "untracked", "no-git"].map((d) => join(work, d));
  try {
    const start = Date.now();
    generate(repo);
    run("git", ["init", "--quiet", "--initial-branch=main"], { cwd: repo });
    // Blobs go straight into one pack (bigFileThreshold), as a clone would have them.
    const add = "-c core.autocrlf=false -c core.bigFileThreshold=1 -c core.compression=0";
    run("git", [...add.split(" "), "add", "--all"], { cwd: repo });
    run("git", ["commit", "--quiet", "-m", "bench"], { cwd: repo });
    run("git", ["-c", "pack.window=0", "repack", "-d", "--quiet"], { cwd: repo });
    for (const copy of [untracked, plain]) {
      fs.cpSync(repo, copy, { recursive: true, filter: (src) => !src.endsWith("/.git") });
    }
    run("git", ["init", "--quiet", "--initial-branch=main"], { cwd: untracked });
    const commit = run("git", ["rev-parse", "--short", "HEAD"], { cwd: repo }).trim();
    const took = ((Date.now() - start) / 1000).toFixed(0);
    console.log(`bench: generated ${repo} (commit ${commit}), copies without .git: ${took} s`);
    const matched = run("node", [SELF, "--child", "list", repo, ...PATTERNS])
      .split("\n@@\n")[1]
      .split("\0");
    const listFile = join(work, "matched.list");
    fs.writeFileSync(listFile, matched.map((f) => `${f}\0`).join(""));
    const mb = matched.reduce((sum, f) => sum + fs.statSync(join(repo, f)).size, 0) / 1e6;
    console.log(`bench: ${matched.length} files (${mb.toFixed(0)} MB) match ${PATTERNS.join(" ")}`);
    console.log(
      `bench: ${cpus()[0]?.model}, ${availableParallelism()} CPUs, node ${process.version}`,
    );
    console.log(
      `bench: CLI ${cli}; ${reps} rounds after a warm-up round, so every case reads from a warm page cache`,
    );
    // The project's own build command (a maturin project built by maturin): what is measured is
    // the fingerprint, not a round trip to the package index for an isolated build's requirements.
    const keys = (dir) => [
      "node",
      cli,
      "keys",
      "--project",
      dir,
      "--json",
      "--build-command",
      "maturin build --release",
    ];
    const clean = { need: TARGETS.clean };
    const noIndex = { need: TARGETS.noIndex, floor: true };
    const cases = [
      ["hashFiles (@actions/glob)", ["node", SELF, "--child", "hash", repo, ...PATTERNS]],
      ["sha256sum (floor)", ["xargs", "-0", "-a", listFile, "sha256sum"], { cwd: repo }],
      ["wheel-cache keys, clean checkout", keys(repo), clean],
      ["wheel-cache keys, all untracked", keys(untracked), noIndex],
      ["wheel-cache keys, no repository", keys(plain), noIndex],
    ].map(([name, cmd, more]) => ({ name, cmd, runs: [], peaks: [], ...more }));
    const fingerprints = new Set();
    for (let round = 0; round <= reps; round++) {
      for (const c of cases) {
        const result = measure(c.cmd, c.cwd ?? ROOT, join(work, "time.out"));
        if (c.need) fingerprints.add(JSON.parse(result.stdout).fingerprint);
        if (round === 0) continue; // the warm-up round
        c.runs.push(result.seconds);
        c.peaks.push(result.peakMb);
      }
    }
    const failures = report(cases);
    if (fingerprints.size !== 1)
      failures.push(`the wheel-cache cases disagree: ${[...fingerprints]}`);
    failures.push(...tracing(cli, work, values["trace-reps"]));
    console.log(failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "All targets met.");
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    if (values.keep) console.log(`bench: kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Tracing, measured on real builds of the examples with the tool venv (scripts/setup-build-env.sh):
 * a miss's build traced against the same build untraced (maturin, scikit-build-core), and a hit
 * whose entry carries an observed set (validated) against one without. Returns targets missed.
 */
function tracing(cli, work, repsText) {
  const venv = join(ROOT, ".tool-venv", "bin");
  if (!fs.existsSync(join(venv, "python"))) {
    console.log("\nbench: tracing skipped: no build environment (bash scripts/setup-build-env.sh)");
    return ["tracing: no build environment to measure with (bash scripts/setup-build-env.sh)"];
  }
  const reps = Math.max(1, Number.parseInt(repsText, 10) || 2);
  const env = {
    ...ENV,
    PATH: `${venv}:${ENV.PATH}`,
    CARGO_HOME: join(ROOT, ".tool-venv", "cargo"),
    CARGO_NET_OFFLINE: "true",
  };
  const command = `${join(venv, "python")} -m build --wheel --no-isolation`;
  const build = (example, trace, cache, tracer = undefined) => {
    const project = join(
      work,
      `${example}-${trace ? "traced" : "plain"}-${Math.random().toString(36).slice(2)}`,
    );
    fs.cpSync(join(ROOT, "examples", example), project, {
      recursive: true,
      filter: (src) => !/\/(target|build|dist)$/.test(src),
    });
    const args = ["build", "--project", project, "--cache-dir", cache, "--build-command", command];
    const started = process.hrtime.bigint();
    const run = spawnSync("node", [cli, ...args, ...(trace ? [] : ["--no-trace"])], {
      env: tracer ? { ...env, WHEEL_CACHE_TRACER: tracer } : env,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`${example}: ${run.stderr.slice(-2000)}`);
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, project };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const failures = [];
  console.log(
    `\n| tracing (${reps} rounds) | untraced s | traced s | ratio | under strace s | ratio |\n|---|---:|---:|---:|---:|---:|`,
  );
  // strace, for comparison: the tracer a machine without a C compiler gets.
  const hasStrace = !spawnSync("strace", ["-V"], { stdio: "ignore" }).error;
  // The tracer is compiled by the first traced build on a machine: not what a miss costs after.
  build("setuptools-c", true, fs.mkdtempSync(join(work, "cache-")));
  for (const example of ["maturin", "scikit-build-core"]) {
    const plain = [];
    const traced = [];
    const straced = [];
    for (let round = 0; round < reps; round++) {
      plain.push(build(example, false, fs.mkdtempSync(join(work, "cache-"))).seconds);
      traced.push(build(example, true, fs.mkdtempSync(join(work, "cache-"))).seconds);
      if (hasStrace)
        straced.push(build(example, true, fs.mkdtempSync(join(work, "cache-")), "strace").seconds);
    }
    const ratio = median(traced) / median(plain);
    const strace = hasStrace
      ? `${median(straced).toFixed(2)} | ${(median(straced) / median(plain)).toFixed(2)}×`
      : "no strace | —";
    console.log(
      `| miss, ${example} | ${median(plain).toFixed(2)} | ${median(traced).toFixed(2)} | ${ratio.toFixed(2)}× | ${strace} |`,
    );
    if (ratio > TARGETS.traceOverhead) {
      failures.push(
        `tracing ${example}: ${ratio.toFixed(2)}× the untraced build, target ≤ ${TARGETS.traceOverhead}×`,
      );
    }
  }
  // Hits: an entry recorded untraced (fingerprint only) against one recorded traced (validated).
  const hits = { plain: [], traced: [] };
  for (const mode of ["plain", "traced"]) {
    const cache = fs.mkdtempSync(join(work, "cache-"));
    const { project } = build("setuptools-c", mode === "traced", cache);
    const args = ["build", "--project", project, "--cache-dir", cache, "--build-command", command];
    for (let round = 0; round <= reps * 3; round++) {
      const started = process.hrtime.bigint();
      const run = spawnSync("node", [cli, ...args, ...(mode === "traced" ? [] : ["--no-trace"])], {
        env,
        encoding: "utf8",
      });
      if (run.status !== 0 || !/Restored/.test(run.stdout))
        throw new Error(`hit: ${run.stdout}${run.stderr}`);
      if (round > 0) hits[mode].push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  const hitRatio = median(hits.traced) / median(hits.plain);
  console.log(
    `| hit, setuptools-c (validated vs not) | ${median(hits.plain).toFixed(2)} | ${median(hits.traced).toFixed(2)} | ${hitRatio.toFixed(2)}× | | |`,
  );
  if (hitRatio > TARGETS.validation) {
    failures.push(
      `validating a hit: ${hitRatio.toFixed(2)}× an unvalidated hit, target ≤ ${TARGETS.validation}×`,
    );
  }
  console.log(
    `\nTargets: a traced miss ≤ ${TARGETS.traceOverhead}× the untraced build; a validated hit ≤ ${TARGETS.validation}× an unvalidated one.`,
  );
  return failures;
}

/** Prints the table; returns the targets missed. */
function report(cases) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [hashFiles, floor] = cases.map((c) => median(c.runs));
  const failures = [];
  console.log("\n| case | median s | speed-up vs hashFiles | × sha256sum floor | peak MB |");
  console.log("|---|---:|---:|---:|---:|");
  for (const c of cases) {
    const [secs, peak] = [median(c.runs), Math.max(...c.peaks)];
    const [speedup, overFloor] = [hashFiles / secs, secs / floor];
    console.log(
      `| ${c.name} | ${secs.toFixed(2)} | ${speedup.toFixed(1)}× | ${overFloor.toFixed(2)}× | ${peak.toFixed(0)} |`,
    );
    if (!c.need) continue;
    if (speedup < c.need)
      failures.push(`${c.name}: ${speedup.toFixed(1)}× faster than hashFiles, target ${c.need}×`);
    if (c.floor && overFloor > TARGETS.floor)
      failures.push(`${c.name}: ${overFloor.toFixed(2)}× the floor, target ≤ ${TARGETS.floor}×`);
    if (peak >= TARGETS.peakMb)
      failures.push(`${c.name}: peak ${peak.toFixed(0)} MB, target < ${TARGETS.peakMb} MB`);
  }
  console.log(
    `\nTargets: clean checkout ≥ ${TARGETS.clean}× faster than hashFiles; without index help ≥ ${TARGETS.noIndex}× faster and ≤ ${TARGETS.floor}× the floor; wheel-cache peak < ${TARGETS.peakMb} MB.`,
  );
  return failures;
}

/** dist/cli.js, rebuilt with `npm run package` when it is missing or older than a file in src/. */
function ensureDist() {
  const dist = join(ROOT, "dist", "cli.js");
  const src = join(ROOT, "src");
  const newest = Math.max(
    ...fs.readdirSync(src, { recursive: true }).map((f) => fs.statSync(join(src, f)).mtimeMs),
  );
  if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newest) {
    console.log("bench: dist/cli.js is missing or older than src/: running `npm run package`");
    run("npm", ["run", "--silent", "package"], { cwd: ROOT, stdio: "inherit" });
  }
  return dist;
}

/** Runs a command under GNU time: wall seconds, peak RSS (MB) and stdout. */
function measure([cmd, ...args], cwd, memFile) {
  const start = process.hrtime.bigint();
  const child = spawnSync("/usr/bin/time", ["-f", "%M", "-o", memFile, cmd, ...args], {
    cwd,
    env: ENV,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${child.stderr}`);
  const peakMb = Number(fs.readFileSync(memFile, "utf8").trim().split("\n").at(-1)) / 1024;
  return { seconds, peakMb, stdout: child.stdout };
}

/** A deterministic byte stream: AES-256-CTR of zeros under a key derived from `seed`. */
function prng(seed) {
  const key = createHash("sha256").update(`wheel-cache-bench:${seed}`).digest();
  const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  return (size) => cipher.update(Buffer.alloc(size));
}

/** Source-like text of about `size` bytes, its words picked by `bytes`. */
function text(bytes, size) {
  const parts = [];
  for (let i = 0, length = 0; length < size; i++) {
    const word = WORDS[bytes[i % bytes.length] % WORDS.length];
    const piece = word === "¶" ? "\n    " : `${word} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

/** Writes the project: 50,000 files; small sources make most of the count, data most of the bytes. */
function generate(root) {
  const random = prng(1);
  const put = (path, content) => {
    fs.mkdirSync(dirname(join(root, path)), { recursive: true });
    fs.writeFileSync(join(root, path), content);
  };
  const keys = PATTERNS.map((p) => `{ file = "${p}" }`).join(", ");
  put(
    "pyproject.toml",
    `[build-system]\nrequires = ["maturin>=1.5,<2"]\nbuild-backend = "maturin"\n\n[project]\nname = "bench-pkg"\nversion = "0.1.0"\n\n[tool.maturin]\npython-source = "python"\nmodule-name = "bench_pkg._core"\n\n[tool.uv]\ncache-keys = [${keys}]\n`,
  );
  put(
    "Cargo.toml",
    '[package]\nname = "bench-pkg"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nname = "_core"\ncrate-type = ["cdylib"]\n',
  );
  put("README.md", "# bench-pkg\n\nGenerated by wheel-cache's scripts/bench.mjs.\n");
  put(".gitignore", "/target/\n*.so\n");
  const kinds = [
    ["src", "rs", 14000, 200, 12000],
    ["csrc", "c", 8000, 200, 12000],
    ["csrc/include", "h", 6000, 100, 4000],
    ["python/bench_pkg", "py", 12000, 100, 8000],
    ["docs", "md", 6000, 200, 6000],
    ["data", "bin", 3992, 1024, 350000],
  ];
  for (const [dir, ext, count, min, max] of kinds) {
    for (let i = 0; i < count; i++) {
      const size = Math.round(min * (max / min) ** (random(4).readUInt32LE(0) / 2 ** 32)); // log-uniform
      const content = ext === "bin" ? random(size) : text(random(Math.min(size, 4096)), size);
      put(`${dir}/m${i % 40}/s${Math.floor(i / 40) % 25}/f${i}.${ext}`, content);
    }
  }
  // A few large files, so that memory must stay bounded whatever the file sizes.
  for (let i = 0; i < 4; i++) put(`data/large/blob${i}.bin`, random(40 * 1024 * 1024));
}
