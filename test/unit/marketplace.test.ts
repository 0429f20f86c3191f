import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// The Marketplace refuses an action whose description is 125 characters or longer, and it
// publishes every action.yml of the repository (the main one and the step actions beside it).

const SKIPPED = new Set(["node_modules", ".git", ".tool-venv", "dist", "examples", "test"]);

function actionFiles(dir = "."): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : actionFiles(file);
    return entry.name === "action.yml" || entry.name === "action.yaml" ? [file] : [];
  });
}

/**
 * The top-level `description` of an action.yml as YAML reads it: a plain or quoted scalar on its
 * line, or a folded block (`>-`), whose lines join with single spaces.
 */
function description(yml: string): string {
  const match = /^description:[ \t]*(.*)\n((?:[ \t]+.*\n|\n)*)/m.exec(yml);
  if (!match) return "";
  const [, head = "", block = ""] = match;
  if (/^[>|][-+]?$/.test(head.trim())) {
    return block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" ");
  }
  return head.trim().replace(/^(["'])(.*)\1$/, "$2");
}

describe("action metadata", () => {
  const files = actionFiles();

  test("the repository's action files are found", () => {
    expect(files).toContain("action.yml");
    expect(files).toContain(path.join("report", "action.yml"));
  });

  test.each(files)("%s has a description under 125 characters", (file) => {
    const text = description(readFileSync(file, "utf8"));
    expect(text.length).toBeGreaterThan(20);
    expect(text.length).toBeLessThan(125);
  });

  test("a folded description is measured as joined", () => {
    expect(description("name: x\ndescription: >-\n  one two\n  three\nauthor: y\n")).toBe(
      "one two three",
    );
    expect(description('description: "quoted text"\n')).toBe("quoted text");
  });
});
