// `npm run bench`: wheel-cache's fingerprint against `@actions/glob` hashFiles and the sha256sum
// floor, on a generated repository of 50,000 files (~500 MB). See docs/benchmark.md.
// Usage: node scripts/bench.mjs [--reps N] [--cli PATH] [--keep]
// Exits 1 when a target is missed; 2 when a tool it needs is missing.
import { execFileSync, spawnSync } from "node:child_process";
import { createCipheriv, createHash } from "node:crypto";
import * as fs from "node:fs";
import { availableParallelism, cpus, devNull, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const PATTERNS = ["pyproject.toml", "Cargo.toml", "**/*.rs", "**/*.c", "**/*.h", "**/*.py", "data/**"];
const TARGETS = { clean: 20, noIndex: 2, floor: 1.5, peakMb: 256 };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "Bench", GIT_COMMITTER_EMAIL: "bench@example.com", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" };

if (process.argv[2] === "--child") {
  // `hash`: hashFiles as a workflow's `hashFiles()` runs it, in its own process to be measured
  // alone; `list`: the files it hashes. Both print @actions/core's debug lines first.
  const [mode, dir, ...patterns] = process.argv.slice(3);
  process.chdir(dir);
  process.env.GITHUB_WORKSPACE = dir;
  const glob = await import("@actions/glob");
  const files = async () => (await (await glob.create(patterns.join("\n"))).glob())
    .filter((f) => fs.statSync(f).isFile()).map((f) => f.slice(dir.length + 1));
  const answer = mode === "hash" ? await glob.hashFiles(patterns.join("\n")) : (await files()).join("\0");
  process.stdout.write(`\n@@\n${answer}`);
  process.exit(0);
}

const { values: opts } = parseArgs({ options: { reps: { type: "string", default: "5" },
  cli: { type: "string" }, keep: { type: "boolean", default: false } } });
const reps = Math.max(1, Number.parseInt(opts.reps, 10) || 5);
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: "utf8", env: GIT_ENV, maxBuffer: 1 << 30, ...options });

for (const [tool, hint] of [["/usr/bin/time", "GNU time (apt-get install -y time)"], ["sha256sum", "coreutils"], ["git", "git"]]) {
  if (spawnSync(tool, ["--version"], { stdio: "ignore" }).error) {
    console.error(`bench: ${tool} is missing: install ${hint}`);
    process.exit(2);
  }
}
const cli = opts.cli ? resolve(opts.cli) : ensureDist();
const python = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout?.trim();

/** dist/cli.js, rebuilt with `npm run package` when missing or older than a file in src/. */
function ensureDist() {
  const dist = join(ROOT, "dist", "cli.js");
  const newest = fs.readdirSync(join(ROOT, "src"), { recursive: true })
    .map((f) => fs.statSync(join(ROOT, "src", f)).mtimeMs).reduce((a, b) => Math.max(a, b), 0);
  if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newest) {
    console.log("bench: dist/cli.js is missing or older than src/: running `npm run package`");
    run("npm", ["run", "--silent", "package"], { cwd: ROOT, stdio: "inherit" });
  }
  return dist;
}

/** A deterministic byte stream: AES-256-CTR of zeros under a key derived from `seed`. */
function prng(seed) {
  const key = createHash("sha256").update(`wheel-cache-bench:${seed}`).digest();
  const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  return (size) => cipher.update(Buffer.alloc(size));
}

const WORDS = ["fn", "let", "mut", "self", "return", "if", "else", "for", "while", "struct", "impl",
  "static", "int", "char", "void", "def", "class", "import", "value", "index", "count", "buffer",
  "result", "error", "node", "tree", "hash", "size", "data", "(", ")", "{", "}", ";", "=", "+",
  "->", "::", "0", "1", "42", '"text"', "# note", "// comment"];

/** Source-like text of about `size` bytes, its words picked by `bytes`. */
function text(bytes, size) {
  const parts = [];
  for (let i = 0, length = 0; length < size; i++) {
    const word = bytes[i % bytes.length] % (WORDS.length + 8);
    const piece = word < WORDS.length ? `${WORDS[word]} ` : word % 2 ? "\n" : "    ";
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
  put("pyproject.toml", `[build-system]\nrequires = ["maturin>=1.5,<2"]\nbuild-backend = "maturin"\n\n[project]\nname = "bench-pkg"\nversion = "0.1.0"\n\n[tool.maturin]\npython-source = "python"\nmodule-name = "bench_pkg._core"\n\n[tool.uv]\ncache-keys = [${keys}]\n`);
  put("Cargo.toml", '[package]\nname = "bench-pkg"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nname = "_core"\ncrate-type = ["cdylib"]\n');
  put("README.md", "# bench-pkg\n\nGenerated by wheel-cache's scripts/bench.mjs.\n");
  put(".gitignore", "/target/\n*.so\n");
  const kinds = [["src", "rs", 14000, 200, 12000], ["csrc", "c", 8000, 200, 12000],
    ["csrc/include", "h", 6000, 100, 4000], ["python/bench_pkg", "py", 12000, 100, 8000],
    ["docs", "md", 6000, 200, 6000], ["data", "bin", 3992, 1024, 350000]];
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

/** Runs a command under GNU time: wall seconds, peak RSS in MB and stdout. */
function measure([cmd, ...args], cwd) {
  const memFile = join(work, "time.out");
  const start = process.hrtime.bigint();
  const child = spawnSync("/usr/bin/time", ["-f", "%M", "-o", memFile, cmd, ...args],
    { cwd, env: GIT_ENV, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${child.stderr}`);
  const peakMb = Number(fs.readFileSync(memFile, "utf8").trim().split("\n").at(-1)) / 1024;
  return { seconds, peakMb, stdout: child.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const work = fs.realpathSync(fs.mkdtempSync(join(tmpdir(), "wheel-cache-bench-")));
const repo = join(work, "repo");
const untracked = join(work, "untracked");
const plain = join(work, "no-git");
try {
  let t = Date.now();
  generate(repo);
  run("git", ["init", "--quiet", "--initial-branch=main"], { cwd: repo });
  // Blobs go straight into one pack (bigFileThreshold), as a clone would have them.
  run("git", ["-c", "core.autocrlf=false", "-c", "core.bigFileThreshold=1", "-c", "core.compression=0", "add", "--all"], { cwd: repo });
  run("git", ["commit", "--quiet", "-m", "bench"], { cwd: repo });
  run("git", ["-c", "pack.window=0", "repack", "-d", "--quiet"], { cwd: repo });
  for (const copy of [untracked, plain]) fs.cpSync(repo, copy, { recursive: true, filter: (src) => !src.endsWith("/.git") });
  run("git", ["init", "--quiet", "--initial-branch=main"], { cwd: untracked });
  const commit = run("git", ["rev-parse", "HEAD"], { cwd: repo }).trim();
  console.log(`bench: generated ${repo} (commit ${commit.slice(0, 12)}) and two copies in ${((Date.now() - t) / 1000).toFixed(0)} s`);

  const self = fileURLToPath(import.meta.url);
  const matched = run("node", [self, "--child", "list", repo, ...PATTERNS]).split("\n@@\n")[1].split("\0");
  const listFile = join(work, "matched.list");
  fs.writeFileSync(listFile, matched.map((f) => `${f}\0`).join(""));
  const bytes = matched.reduce((sum, f) => sum + fs.statSync(join(repo, f)).size, 0);
  const keys = (dir) => ["node", cli, "keys", "--project", dir, "--json", ...(python ? ["--python", python] : [])];
  const cases = [
    { name: "hashFiles (@actions/glob)", cmd: ["node", self, "--child", "hash", repo, ...PATTERNS], cwd: ROOT },
    { name: "sha256sum (floor)", cmd: ["xargs", "-0", "-a", listFile, "sha256sum"], cwd: repo },
    { name: "wheel-cache keys, clean checkout", cmd: keys(repo), cwd: repo, wc: true },
    { name: "wheel-cache keys, all untracked", cmd: keys(untracked), cwd: untracked, wc: true, noIndex: true },
    { name: "wheel-cache keys, no repository", cmd: keys(plain), cwd: plain, wc: true, noIndex: true },
  ];
  console.log(`bench: ${matched.length} files (${(bytes / 1e6).toFixed(0)} MB) match ${PATTERNS.join(" ")}`);
  console.log(`bench: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} CPUs, node ${process.version}, CLI ${cli}, ${reps} rounds after a warm-up round (page cache warm for every case)`);
  const fingerprints = new Set();
  for (let round = 0; round <= reps; round++) {
    // Round 0 warms the page cache and is not counted; later rounds interleave the cases.
    for (const c of cases) {
      const result = measure(c.cmd, c.cwd);
      if (c.wc) fingerprints.add(JSON.parse(result.stdout).fingerprint);
      if (round > 0) ((c.runs ??= []).push(result.seconds), (c.peaks ??= []).push(result.peakMb));
    }
  }
  const [hashFiles, floor] = cases.map((c) => median(c.runs));
  const failures = [];
  if (fingerprints.size !== 1) failures.push(`the three wheel-cache cases disagree: ${[...fingerprints].join(" ")}`);
  console.log("\n| case | median s | faster than hashFiles | × sha256sum floor | peak MB |\n|---|---:|---:|---:|---:|");
  for (const c of cases) {
    const secs = median(c.runs);
    const peak = Math.max(...c.peaks);
    console.log(`| ${c.name} | ${secs.toFixed(2)} | ${(hashFiles / secs).toFixed(1)}× | ${(secs / floor).toFixed(2)} | ${peak.toFixed(0)} |`);
    if (!c.wc) continue;
    if (peak >= TARGETS.peakMb) failures.push(`${c.name}: peak ${peak.toFixed(0)} MB, target < ${TARGETS.peakMb} MB`);
    const speedup = hashFiles / secs;
    const need = c.noIndex ? TARGETS.noIndex : TARGETS.clean;
    if (speedup < need) failures.push(`${c.name}: ${speedup.toFixed(1)}× faster than hashFiles, target ${need}×`);
    if (c.noIndex && secs / floor > TARGETS.floor) failures.push(`${c.name}: ${(secs / floor).toFixed(2)}× the floor, target ≤ ${TARGETS.floor}×`);
  }
  console.log(`\nTargets: clean ≥ ${TARGETS.clean}× faster than hashFiles; without index help ≥ ${TARGETS.noIndex}× faster and ≤ ${TARGETS.floor}× the sha256sum floor; wheel-cache peak < ${TARGETS.peakMb} MB.`);
  console.log(failures.length ? `FAILED:\n- ${failures.join("\n- ")}` : "All targets met.");
  process.exitCode = failures.length ? 1 : 0;
} finally {
  if (opts.keep) console.log(`bench: kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
