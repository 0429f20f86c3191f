import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/build-env.js";

/**
 * The source layout the README's Design section draws: one folder per pipeline stage, imports
 * running one way (a folder imports only itself and the folders before it), and only the entry
 * points and the error type at the root.
 */
const STAGES = [
  "shared",
  "config",
  "files",
  "project",
  "keys",
  "fingerprint",
  "build",
  "cache",
  "pipeline",
  "report",
  "commands",
];
const ROOT_FILES = ["cli.ts", "errors.ts", "index.ts", "main.ts"];
const SRC = path.join(REPO_ROOT, "src");

function sources(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
}

/** Each relative import of a source file, as a src-relative path. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    path.normalize(path.join(path.dirname(file), m[1]!)),
  );
}

const stageOf = (file: string) => file.split(path.sep)[0]!;

describe("the source layout", () => {
  it("keeps at most the entry points and the error type at the root of src/", () => {
    const loose = sources().filter((f) => !f.includes(path.sep));
    expect(loose.sort()).toEqual(expect.arrayContaining(loose));
    expect(loose.filter((f) => !ROOT_FILES.includes(f))).toEqual([]);
  });

  it("puts every folder in a stage of the pipeline", () => {
    const folders = new Set(
      sources()
        .filter((f) => f.includes(path.sep))
        .map(stageOf),
    );
    expect([...folders].filter((f) => !STAGES.includes(f))).toEqual([]);
  });

  it("imports run one way: a stage imports only itself, earlier stages and errors.ts", () => {
    const wrong: string[] = [];
    for (const file of sources().filter((f) => f.includes(path.sep))) {
      const own = STAGES.indexOf(stageOf(file));
      for (const target of imports(file)) {
        if (target === "errors.js") continue;
        const stage = STAGES.indexOf(stageOf(target));
        if (stage === -1 || stage > own) wrong.push(`${file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
