import { describe, expect, it, test } from "vitest";
import type { SaveOutcome } from "../../../src/cache/store.js";
import type { Manifest } from "../../../src/fingerprint/manifest.js";
import type { RunResult } from "../../../src/pipeline/result.js";
import { NATIVE_SOURCES } from "../../../src/project/infer-rebuild.js";
import { renderSummary, SUMMARY_MAX_BYTES } from "../../../src/report/summary.js";
import {
  detailsBlocks,
  headings,
  htmlTables,
  minTableWidth,
  renderGfm,
  textOf,
} from "../../support/markdown.js";
import {
  defaultKeys,
  makeChange,
  makeHit,
  makeKey,
  makeManifest,
  makeResult,
  makeWheel,
} from "../../support/result.js";

/**
 * Characters of text a summary table may need on one line: GitHub's job summary shows about a
 * thousand pixels of text, some 120 characters of code; a table any wider gets a scroll bar and
 * its last columns (the status) leave the page.
 */
const PAGE_CHARS = 110;

const HOSTILE = [
  "a|b.c",
  "x`y.c",
  "<script>alert(1)</script>.c",
  "new\nline.c",
  "ünï.c",
  "*[_x_](y)*.c",
];

const NATIVE = `file:${NATIVE_SOURCES}`;

/** The keys of a setuptools C project with the inferred C-family glob (110 characters). */
function nativeKeys() {
  return [
    makeKey({ id: NATIVE, files: { "src/pkg/_core.c": "c1", "src/pkg/util.h": "h1" } }),
    ...defaultKeys(),
  ];
}

/** A previous build made by run #40 two days before the run. */
function previousBuild(keys = nativeKeys()): { key: string; manifest: Manifest } {
  return {
    key: "wheel-cache-manifest-v2-pkg.0123abcd-linux-x64-glibc2.36-cp311-fp-0123-0",
    manifest: makeManifest(keys, {
      createdAt: "2025-06-01T12:00:00.000Z",
      origin: {
        commit: "3f2a9c1e0b7d",
        runId: "9876",
        runNumber: "40",
        runUrl: "https://github.com/o/r/actions/runs/9876",
        runnerOs: "Linux",
      },
    }),
  };
}

/** A typical miss: `src/pkg/_core.c` changed, which two inferred keys cover. */
function typicalMiss(overrides: Partial<RunResult> = {}): RunResult {
  return makeResult({
    manifest: makeManifest(nativeKeys()),
    previous: previousBuild(),
    changed: [
      makeChange(NATIVE, { modified: ["src/pkg/_core.c"] }),
      makeChange("file:src/**", { modified: ["src/pkg/_core.c"] }),
    ],
    keysFrom: "inferred",
    backend: "setuptools",
    ...overrides,
  });
}

function failedBuild(overrides: Partial<RunResult> = {}): RunResult {
  return typicalMiss({
    verdict: "failed",
    wheels: [],
    buildSeconds: 4,
    save: { status: "skipped", why: { kind: "build-failed" } },
    failure: {
      message: "the build failed with exit code 1: python -m build --wheel",
      argv: ["python", "-m", "build", "--wheel"],
      exitCode: 1,
      outputTail: [
        "src/pkg/_core.c:3:1: error: unknown type name 'this'",
        "    3 | this is not C; </pre> <b>x</b>",
        "error: command '/usr/bin/gcc' failed with exit code 1",
      ],
      truncated: true,
    },
    ...overrides,
  });
}

/** The summary's lines before the folded fingerprint: what a reader sees first. */
function firstScreen(markdown: string): string[] {
  return markdown
    .split("<details>")[0]!
    .split("\n")
    .filter((l) => l.trim() !== "");
}

describe("renderSummary leads with the answer", () => {
  test.each([
    ["hit", makeHit(), "✅ Restored 2 wheels · linux-x64-glibc2.36 / cp311 · saved 1 min 12 s"],
    [
      "rebuild after a file changed",
      typicalMiss(),
      "🔨 Rebuilt in 1 min 3 s: src/pkg/_core.c modified · linux-x64-glibc2.36 / cp311",
    ],
    [
      "first build",
      makeResult({ previous: undefined, changed: [] }),
      "🔨 Built in 1 min 3 s: no cached build yet · linux-x64-glibc2.36 / cp311",
    ],
    [
      "failed build",
      failedBuild(),
      "❌ Build failed in 4 s: src/pkg/_core.c modified · linux-x64-glibc2.36 / cp311",
    ],
    [
      "lookup hit",
      makeResult({ verdict: "lookup-hit", changed: [], wheels: [] }),
      "🔎 Cached, nothing to build (lookup only) · linux-x64-glibc2.36 / cp311",
    ],
    [
      "lookup miss",
      makeResult({ verdict: "lookup-miss", wheels: [], buildSeconds: undefined }),
      "🔎 Would rebuild: src/lib.rs modified (lookup only) · linux-x64-glibc2.36 / cp311",
    ],
    [
      "restore step's miss",
      makeResult({ verdict: "miss", wheels: [], buildSeconds: undefined }),
      "🔨 Nothing to restore: src/lib.rs modified (the build step builds) · linux-x64-glibc2.36 / cp311",
    ],
    [
      "save step",
      makeResult({ verdict: "saved", previous: undefined, changed: [], buildSeconds: undefined }),
      "💾 Saved 1 wheel the build step built · linux-x64-glibc2.36 / cp311",
    ],
  ])("%s", (_name, result, heading) => {
    const html = renderGfm(renderSummary(result));
    expect(headings(html)).toEqual([heading]);
    expect(html.startsWith("<h3>")).toBe(true);
  });

  test.each([
    [
      "several files: counts files, not keys",
      [
        makeChange("file:src/**", { modified: ["src/a.c", "src/b.c"], added: ["src/c.h"] }),
        makeChange(NATIVE, { modified: ["src/a.c", "src/b.c"], added: ["src/c.h"] }),
      ],
      "3 files changed",
    ],
    [
      "a file and a toolchain",
      [
        makeChange("file:src/**", { modified: ["src/lib.rs"] }),
        makeChange("toolchain:rustc", undefined, { group: "implicit", before: "a", after: "b" }),
      ],
      "src/lib.rs modified, toolchain:rustc changed",
    ],
    [
      "only keys",
      [
        makeChange("toolchain:rustc", undefined, { group: "implicit" }),
        makeChange("env:RUSTFLAGS", undefined, { group: "implicit" }),
      ],
      "2 keys changed",
    ],
  ])("names what changed: %s", (_name, changed, why) => {
    const [heading] = headings(renderGfm(renderSummary(makeResult({ changed }))));
    expect(heading).toBe(`🔨 Rebuilt in 1 min 3 s: ${why} · linux-x64-glibc2.36 / cp311`);
  });

  it("names an input the trace saw, or why the cached wheels were rejected", () => {
    const observed = makeResult({
      changed: [],
      observedChanges: [{ kind: "file", what: "csrc/table.inc", before: "a", after: "b" }],
    });
    expect(headings(renderGfm(renderSummary(observed)))[0]).toContain(
      "csrc/table.inc, which the build read, changed",
    );
    const rejected = makeResult({
      changed: [],
      verifyProblem: "the cached wheel x.whl does not match its recorded sha256",
    });
    expect(headings(renderGfm(renderSummary(rejected)))[0]).toContain(
      "the cached wheel x.whl does not match its recorded sha256",
    );
  });
});

describe("renderSummary on a miss", () => {
  const markdown = renderSummary(typicalMiss());
  const html = renderGfm(markdown);

  it("fits on one screen before the folded fingerprint", () => {
    expect(firstScreen(markdown).length).toBeLessThanOrEqual(16);
  });

  it("says which build it compared with, where and when it was made", () => {
    expect(textOf(html)).toContain(
      "Compared with the last cached build, built by run #40 on Linux at 3f2a9c1, 2 days ago.",
    );
    expect(html).toContain('<a href="https://github.com/o/r/actions/runs/9876">run #40</a>');
  });

  it("lists each changed file once, with its change and the groups of the keys covering it", () => {
    const shipped = makeChange(
      "file:python/pkg/**",
      { added: ["python/pkg/new.py"] },
      { group: "shipped" },
    );
    const result = typicalMiss({ changed: [...typicalMiss().changed, shipped] });
    const table = htmlTables(renderGfm(renderSummary(result))).find(
      (t) => t.header[0] === "file or key",
    )!;
    expect(table.rows).toEqual([
      ["src/pkg/_core.c", "modified", "rebuild"],
      ["python/pkg/new.py", "added", "shipped"],
    ]);
  });

  it("lists keys that cover no file with their values before and after", () => {
    const toolchain = makeChange("toolchain:rustc", undefined, {
      group: "implicit",
      before: "rustc 1.94.0",
      after: "rustc 1.95.0",
    });
    const tables = htmlTables(renderGfm(renderSummary(makeResult({ changed: [toolchain] }))));
    expect(tables.find((t) => t.header[0] === "file or key")!.rows).toEqual([
      ["toolchain:rustc", "rustc 1.94.0 → rustc 1.95.0", "environment"],
    ]);
  });

  it("gives one row per wheel: name, size, short sha256, build time, saved or not", () => {
    const wheels = htmlTables(html).find((t) => t.header[0] === "wheel")!;
    expect(wheels.header).toEqual(["wheel", "size", "sha256", "build", "cache"]);
    expect(wheels.rows).toEqual([
      [makeWheel().name, "1.2 MB", makeWheel().sha256.slice(0, 12), "1 min 3 s", "saved"],
    ]);
  });

  it("folds the key tables, with short ids for long inferred globs", () => {
    const [details] = detailsBlocks(html);
    expect(detailsBlocks(html)).toHaveLength(1);
    expect(details!.open).toBe(false);
    expect(details!.summary).toMatch(/^Fingerprint [0-9a-f]{12}: 10 keys, 2 changed$/);
    const rebuild = htmlTables(details!.body)[0]!;
    expect(rebuild.rows.map((r) => [r[0], r[4]])).toEqual([
      ["file:*.{c,cc,cpp,…}", "changed"],
      ["file:src/**", "changed"],
      ["file:Cargo.toml", "unchanged"],
    ]);
    // The whole id stays findable, in prose that wraps.
    expect(textOf(details!.body)).toContain(`file:*.{c,cc,cpp,…} is ${NATIVE}`);
    expect(markdown).not.toMatch(new RegExp(`^\\|.*${NATIVE.replace(/[*.{}+]/g, "\\$&")}`, "m"));
  });

  it("keeps every table within the page, long inferred ids and all", () => {
    const tables = htmlTables(html);
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      expect(minTableWidth(table), table.header.join(" | ")).toBeLessThanOrEqual(PAGE_CHARS);
    }
  });

  it("says how the build's inputs were recorded, after the wheels", () => {
    const traced = renderSummary(typicalMiss({ validation: "traced" }));
    const lines = firstScreen(traced);
    const record = lines.findIndex((l) => l.startsWith("🔬 traced"));
    expect(record).toBeGreaterThan(lines.findIndex((l) => l.startsWith("| wheel")));
  });
});

describe("renderSummary on a hit", () => {
  const hit = makeHit({
    manifest: previousBuild().manifest,
    validation: "traced",
    tracedOn: "linux-x64-glibc2.36",
  });
  const markdown = renderSummary(hit);
  const html = renderGfm(markdown);

  it("stays short: the answer, where the wheels came from, how they were checked, the wheels", () => {
    expect(firstScreen(markdown).length).toBeLessThanOrEqual(8);
    const text = textOf(html);
    expect(text).toContain("These wheels were built by run #40 on Linux at 3f2a9c1, 2 days ago.");
    expect(text).toContain(
      "🔬 validated: what its build read is unchanged (traced on linux-x64-glibc2.36)",
    );
    expect(
      htmlTables(html)
        .find((t) => t.header[0] === "wheel")!
        .rows.map((r) => r[4]),
    ).toEqual(["restored", "restored"]);
    expect(text).not.toContain("What changed");
  });

  it("puts the validation right under the answer", () => {
    const lines = firstScreen(markdown);
    expect(lines[0]).toMatch(/^### ✅/);
    expect(lines[1]).toMatch(/^These wheels were built by/);
    expect(lines[2]).toMatch(/^🔬 validated/);
  });

  it("folds the fingerprint as unchanged", () => {
    expect(detailsBlocks(html)[0]!.summary).toMatch(/: 10 keys, all unchanged$/);
  });

  it("says nothing of provenance a manifest does not record, and links only run pages", () => {
    expect(textOf(renderGfm(renderSummary(makeHit())))).not.toContain("These wheels were");
    const one = makeHit({ manifest: previousBuild().manifest, wheels: [makeWheel()] });
    expect(textOf(renderGfm(renderSummary(one)))).toContain("This wheel was built by run #40");
    const hostile = makeHit({
      manifest: makeManifest(defaultKeys(), {
        origin: { runNumber: "7", runUrl: "javascript:alert(1)", commit: "<b>x" },
      }),
    });
    const out = renderGfm(renderSummary(hostile));
    expect(out).not.toContain("javascript:");
    expect(out).not.toContain("<b>");
    expect(textOf(out)).toContain("These wheels were built by run #7 at <b>x.");
  });
});

describe("renderSummary on a failed build", () => {
  const markdown = renderSummary(failedBuild());
  const html = renderGfm(markdown);
  const text = textOf(html);

  it("says what failed, what changed since the last good build, and how the build ended", () => {
    expect(text).toContain("💥 the build failed with exit code 1: python -m build --wheel");
    expect(text).toContain("What changed since the last good build");
    expect(htmlTables(html).find((t) => t.header[0] === "file or key")!.rows).toEqual([
      ["src/pkg/_core.c", "modified", "rebuild"],
    ]);
    expect(html).not.toContain("| wheel");
  });

  it("shows the last lines of the build's output, as printed and escaped", () => {
    const pre = /<pre>([\s\S]*?)<\/pre>/.exec(html)![1]!;
    expect(textOf(pre).trim().split("\n")).toEqual(failedBuild().failure!.outputTail);
    expect(html).not.toContain("<b>x</b>");
    expect(text).toContain(
      "The last 3 lines of the build's output (the step's log has all of it):",
    );
  });

  it("says nothing of a save or of validation", () => {
    expect(text).not.toMatch(/Saved|Not saved|🔬/);
  });
});

describe("renderSummary caps its lists under GitHub's limit", () => {
  const many = 10_000;
  const files = Array.from(
    { length: many },
    (_, i) => `src/generated/module_${i}/${"deep/".repeat(8)}source_${i}.c`,
  );
  const keys = [
    ...defaultKeys(),
    ...files.map((f) => makeKey({ id: `file:${f}`, files: { [f]: "a" } })),
  ];
  const result = makeResult({
    manifest: makeManifest(keys),
    previous: { key: "prev", manifest: makeManifest(defaultKeys()) },
    changed: [
      makeChange("file:src/**", { modified: files }),
      ...files.map((f) => makeChange(`file:${f}`, { modified: [f] })),
    ],
    warnings: files.map((f) => `glob ${f} matches no file`),
    wheels: Array.from({ length: 500 }, (_, i) => makeWheel(`pkg${i}-1.0-py3-none-any.whl`)),
  });
  const markdown = renderSummary(result);

  it(`stays under ${SUMMARY_MAX_BYTES} bytes with ${many} keys, files and warnings`, () => {
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(Buffer.byteLength(markdown)).toBeLessThan(200_000);
  });

  it("counts what it leaves out, and says where the full lists are", () => {
    const text = textOf(renderGfm(markdown));
    expect(text).toContain("🔨 Rebuilt in 1 min 3 s: 10,000 files changed");
    expect(text).toContain("and 9,950 more: the log's Changes group lists them all.");
    expect(text).toMatch(
      /and 9,90\d more: the log's Fingerprint group and wheel-cache keys list them all\./,
    );
    expect(text).toContain("and 9,980 more: the step's log lists them all");
    expect(text).toContain("and 450 more.");
  });

  it("shrinks its lists further when the entries are huge", () => {
    const long = files.slice(0, 400).map((f) => `${f}/${"x".repeat(4000)}.c`);
    const huge = makeResult({
      changed: [makeChange("file:src/**", { modified: long })],
      warnings: long,
    });
    const out = renderSummary(huge);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(textOf(renderGfm(out))).toMatch(/and 3[0-9]{2} more/);
  });
});

describe("renderSummary with hostile names", () => {
  const files = Object.fromEntries(HOSTILE.map((name, i) => [`src/${name}`, `h${i}`]));
  const keys = [
    ...defaultKeys(),
    makeKey({ id: "file:src/**", files }),
    ...HOSTILE.map((name) => makeKey({ id: `file:${name}`, files: { [name]: "z" } })),
  ].filter((k, i, all) => all.findIndex((o) => o.id === k.id) === i);
  const result = makeResult({
    manifest: makeManifest(keys),
    changed: [
      makeChange("file:src/**", { added: HOSTILE.map((n) => `src/${n}`) }),
      ...HOSTILE.map((n) => makeChange(`file:${n}`, { modified: [n] })),
    ],
    wheels: HOSTILE.map((n) => makeWheel(`${n}.whl`)),
    warnings: HOSTILE.map((n) => `glob ${n} matched nothing`),
    buildChanges: [makeChange("file:src/**", { added: ["<img src=x onerror=alert(1)>"] })],
    save: { status: "failed", warning: "<script>x</script>", wheelsSaved: false },
  });
  const markdown = renderSummary(result);
  const html = renderGfm(markdown);

  it("keeps every table row at the header's cell count", () => {
    const tables = htmlTables(html);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    }
    const wheels = tables.find((t) => t.header[0] === "wheel")!;
    expect(wheels.rows.map((r) => r[0])).toEqual(HOSTILE.map((n) => `${n.replace("\n", "␤")}.whl`));
  });

  it("renders nothing as HTML and keeps names on one line", () => {
    expect(html).not.toMatch(/<script|<img/i);
    const text = textOf(html);
    expect(text).toContain("<script>alert(1)</script>.c");
    expect(text).toContain("src/new␤line.c");
    expect(text).toContain("x`y.c.whl");
    expect(text).toContain("*[_x_](y)*.c");
    expect(markdown).not.toContain("new\nline");
  });

  it("escapes warnings, advice and the save note", () => {
    const text = textOf(html);
    expect(text).toContain("glob a|b.c matched nothing");
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(text).toContain("⚠️ Save failed: <script>x</script>");
  });
});

test.each<[SaveOutcome, string | undefined, string]>([
  [{ status: "saved" }, undefined, "saved"],
  [{ status: "exists" }, undefined, "already cached"],
  [
    { status: "skipped", why: { kind: "pull-request-target" } },
    "💾 Not saved: saving is off for pull_request_target runs, which build untrusted code with the base branch's cache scope",
    "not saved",
  ],
  [
    { status: "failed", warning: "429 Too Many Requests", wheelsSaved: false },
    "⚠️ Save failed: 429 Too Many Requests",
    "save failed",
  ],
])("save outcome %j", (save, line, cell) => {
  const html = renderGfm(renderSummary(makeResult({ save })));
  const text = textOf(html);
  if (line) expect(text).toContain(line);
  else expect(text).not.toMatch(/💾|Save failed/);
  expect(htmlTables(html).find((t) => t.header[0] === "wheel")!.rows[0]![4]).toBe(cell);
});
