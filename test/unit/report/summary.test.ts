import { describe, expect, it, test } from "vitest";
import type { SaveOutcome } from "../../../src/cache/store.js";
import { escapeMarkdown } from "../../../src/report/escape.js";
import { reasonOf } from "../../../src/report/reason.js";
import { renderSummary } from "../../../src/report/summary.js";
import {
  defaultKeys,
  makeChange,
  makeHit,
  makeKey,
  makeManifest,
  makeResult,
  makeWheel,
} from "../../support/result.js";

const HOSTILE = [
  "a|b.c",
  "x`y.c",
  "<script>alert(1)</script>.c",
  "new\nline.c",
  "ünï.c",
  "*[_x_](y)*.c",
];

/** The cells of a table row, splitting on `|` that no backslash escapes (as GFM does). */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    const char = row[i]!;
    if (char === "\\") {
      cell += char + (row[i + 1] ?? "");
      i++;
    } else if (char === "|") {
      out.push(cell);
      cell = "";
    } else cell += char;
  }
  out.push(cell);
  return out.slice(1, -1);
}

/** Each Markdown table of the text: its consecutive `|` lines. */
function tableBlocks(markdown: string): string[][] {
  return markdown
    .split(/\n(?!\|)/)
    .map((block) => block.split("\n").filter((l) => l.startsWith("|")))
    .filter((rows) => rows.length > 0);
}

function row(markdown: string, id: string): string[] {
  const line = markdown.split("\n").find((l) => l.startsWith(`| <code>${id}</code>`));
  if (!line) throw new Error(`no row for ${id}`);
  return cells(line).map((c) => c.trim());
}

describe("renderSummary heading and reason", () => {
  test.each([
    ["hit", makeHit(), "### ✅ Restored 2 wheels · wheel-cache"],
    ["built", makeResult(), "### 🔨 Rebuilt in 1 min 3 s because 1 key changed · wheel-cache"],
    [
      "first build",
      makeResult({ previous: undefined, changed: [] }),
      "### 🔨 Built in 1 min 3 s: no cached build yet · wheel-cache",
    ],
    [
      "lookup hit",
      makeResult({ verdict: "lookup-hit", changed: [], wheels: [] }),
      "### 🔎 Found a cached build (lookup only) · wheel-cache",
    ],
    [
      "lookup miss",
      makeResult({ verdict: "lookup-miss", wheels: [], buildSeconds: undefined }),
      "### 🔎 No cached build (lookup only): would rebuild because 1 key changed · wheel-cache",
    ],
  ])("%s", (_name, result, heading) => {
    const markdown = renderSummary(result);
    expect(markdown.split("\n")[0]).toBe(heading);
    expect(markdown.split("\n")[2]).toBe(escapeMarkdown(reasonOf(result)));
  });

  it("escapes the title", () => {
    expect(renderSummary(makeHit(), "proj | <b>x</b>").split("\n")[0]).toBe(
      "### ✅ Restored 2 wheels · proj \\| &lt;b&gt;x&lt;/b&gt;",
    );
  });

  it("shows the time saved on a hit only", () => {
    expect(renderSummary(makeHit())).toContain("⏱️ Saved about **1 min 12 s** of build time");
    expect(renderSummary(makeResult())).not.toContain("Saved about");
  });
});

describe("renderSummary keys table", () => {
  it("groups keys with their status; keys only the previous build had are removed", () => {
    const keys = [...defaultKeys(), makeKey({ id: "file:build.rs", files: { "build.rs": "e1" } })];
    const old = makeKey({ id: "file:old.rs", files: { "old.rs": "f1" } });
    const previous = { key: "prev", manifest: makeManifest([...defaultKeys(), old]) };
    const changed = [
      makeChange("file:build.rs", { added: ["build.rs"] }, { status: "added" }),
      makeChange("file:old.rs", { removed: ["old.rs"] }, { status: "removed" }),
      makeChange("file:src/**", { modified: ["src/lib.rs"] }),
    ];
    const markdown = renderSummary(makeResult({ manifest: makeManifest(keys), previous, changed }));
    expect(markdown).toMatch(
      /\*\*Rebuild keys\*\*[\s\S]*\*\*Metadata inputs\*\*[\s\S]*\*\*Shipped files\*\*[\s\S]*\*\*Environment\*\*/,
    );
    expect(row(markdown, "file\\:src/\\*\\*")).toEqual([
      "<code>file\\:src/\\*\\*</code>",
      "inferred",
      "2 files",
      expect.stringMatching(/^<code>[0-9a-f]{12}<\/code>$/),
      "**changed**",
    ]);
    expect(row(markdown, "file\\:build.rs")[4]).toBe("**added**");
    expect(row(markdown, "file\\:old.rs").slice(2)).toEqual([
      "1 file",
      expect.any(String),
      "**removed**",
    ]);
    expect(row(markdown, "platform")[4]).toBe("unchanged");
    expect(markdown).toContain("#### Fingerprint");
  });

  it("folds the table on a hit, and shows no status without a previous build", () => {
    expect(renderSummary(makeHit())).toContain(
      "<details><summary>Fingerprint: 9 keys, all unchanged</summary>",
    );
    const first = renderSummary(makeResult({ previous: undefined, changed: [] }));
    expect(first).toContain("Fingerprint: 9 keys, no earlier build to compare with");
    expect(row(first, "platform")[4]).toBe("—");
  });

  it("shows env keys as set/unset only, never a value", () => {
    process.env.RUSTFLAGS = "CANARY-secret-value";
    const change = makeChange("env:RUSTFLAGS", undefined, {
      group: "implicit",
      before: "unset",
      after: "set",
    });
    const markdown = renderSummary(makeResult({ changed: [change] }));
    delete process.env.RUSTFLAGS;
    expect(row(markdown, "env\\:RUSTFLAGS")[2]).toBe("unset → set");
    expect(markdown).not.toContain("CANARY");
    const unchanged = renderSummary(makeHit());
    expect(row(unchanged, "env\\:RUSTFLAGS")[2]).toBe("set");
  });
});

describe("renderSummary changed files", () => {
  it("lists added, modified and removed files per key in a collapsible block", () => {
    const change = makeChange("file:src/**", {
      added: ["src/new.rs"],
      modified: ["src/lib.rs"],
      removed: ["src/old.rs"],
    });
    const markdown = renderSummary(makeResult({ changed: [change] }));
    expect(markdown).toContain(
      [
        "<details><summary><code>file:src/**</code>: 1 added, 1 modified, 1 removed</summary>",
        "<ul>",
        "<li>modified <code>src/lib.rs</code></li>",
        "<li>added <code>src/new.rs</code></li>",
        "<li>removed <code>src/old.rs</code></li>",
        "</ul>",
        "</details>",
      ].join("\n"),
    );
  });

  it("caps each key at 50 files and counts the rest", () => {
    const modified = Array.from({ length: 60 }, (_, i) => `src/f${i}.c`);
    const markdown = renderSummary(
      makeResult({ changed: [makeChange("file:src/**", { modified })] }),
    );
    expect(markdown.match(/<li>modified /g)).toHaveLength(50);
    expect(markdown).toContain("<li>and 10 more</li>");
    expect(markdown).toContain("60 modified");
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

  it("keeps every table row at the header's cell count", () => {
    const blocks = tableBlocks(markdown);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const rows of blocks) {
      const width = cells(rows[0]!).length;
      for (const line of rows) expect(cells(line)).toHaveLength(width);
    }
    const wheelRows = blocks.find((rows) => rows[0]!.startsWith("| wheel"))!;
    expect(wheelRows).toHaveLength(2 + HOSTILE.length);
  });

  it("renders nothing as HTML and keeps names on one line", () => {
    expect(markdown).not.toMatch(/<script|<img/i);
    expect(markdown).toContain("&lt;script&gt;alert(1)&lt;/script&gt;.c");
    expect(markdown).toContain(
      "<li>added <code>src/&lt;script&gt;alert(1)&lt;/script&gt;.c</code></li>",
    );
    expect(markdown).toContain("<li>added <code>src/new␤line.c</code></li>");
    expect(markdown).toContain("<li>added <code>src/x`y.c</code></li>");
    expect(markdown).toContain("<code>x\\`y.c.whl</code>");
    expect(markdown).toContain("<code>a\\|b.c.whl</code>");
    expect(markdown).toContain("<code>ünï.c.whl</code>");
    expect(markdown).toContain("\\*\\[\\_x\\_\\](y)\\*.c");
    expect(markdown).not.toContain("new\nline");
  });

  it("keeps every HTML block free of blank lines, so Markdown never starts inside one", () => {
    for (const block of markdown.match(/<details><summary><code>[\s\S]*?<\/details>/g) ?? []) {
      expect(block).not.toContain("\n\n");
    }
  });

  it("escapes warnings, advice and the save note", () => {
    expect(markdown).toContain("- glob a\\|b.c matched nothing");
    expect(markdown).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdown).not.toContain("<img src=x");
    expect(markdown).toContain("⚠️ Save failed: &lt;script&gt;x&lt;/script&gt;");
  });
});

test.each<[SaveOutcome, string]>([
  [{ status: "saved" }, "💾 Saved to the github cache under this fingerprint."],
  [
    { status: "exists" },
    "💾 Already cached by another job with the same fingerprint: nothing to save.",
  ],
  [
    { status: "skipped", why: { kind: "pull-request-target" } },
    "💾 Not saved: saving is off for pull\\_request\\_target runs, which build untrusted code with the base branch&#39;s cache scope",
  ],
  [
    { status: "failed", warning: "429 Too Many Requests", wheelsSaved: false },
    "⚠️ Save failed: 429 Too Many Requests",
  ],
])("save outcome %j", (save, line) => {
  expect(renderSummary(makeResult({ save })).split("\n")).toContain(line);
});

it("lists wheels with human sizes and the full sha256", () => {
  const wheel = makeWheel();
  const markdown = renderSummary(makeHit({ wheels: [wheel] }));
  expect(markdown).toContain("| wheel | size | sha256 |");
  expect(markdown).toContain(`| 1.2 MB | <code>${wheel.sha256}</code> |`);
  expect(markdown).toContain("In <code>/work/proj/dist</code>");
});
