import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const actionYml = readFileSync("action.yml", "utf8");
const readme = readFileSync("README.md", "utf8");
const configSource = readFileSync("src/config/action.ts", "utf8");
const outputsSource = readFileSync("src/report/outputs.ts", "utf8");
const reportYml = readFileSync("report/action.yml", "utf8");

/** Names declared two spaces deep under a top-level `section:` of action.yml (or `yml`). */
function declared(section: string, yml = actionYml): string[] {
  const block = new RegExp(`^${section}:\\n((?:  .*\\n|\\n)*)`, "m").exec(yml)?.[1] ?? "";
  return [...block.matchAll(/^ {2}([a-z-]+):/gm)].map((m) => m[1]!);
}

/** First-column names of the README table under `### heading`. */
function documented(heading: string): string[] {
  const section = readme.split(`### ${heading}\n`)[1]?.split("\n## ")[0]?.split("\n### ")[0] ?? "";
  return [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);
}

describe("action.yml, the config module and the README agree", () => {
  const inputs = declared("inputs");
  const outputs = declared("outputs");

  test("action.yml declares the inputs and outputs of the contract", () => {
    expect(inputs).toEqual(
      expect.arrayContaining([
        "project",
        "build-command",
        "wheel-dir",
        "python",
        "cache-keys",
        "env-vars",
        "key-prefix",
        "key-suffix",
        "save",
        "lookup-only",
        "summary",
      ]),
    );
    expect(outputs.sort()).toEqual([
      "built",
      "cache-hit",
      "cache-key",
      "changed",
      "changed-files",
      "fingerprint",
      "reason",
      "result-file",
      "time-saved",
      "wheel-dir",
      "wheels",
    ]);
    expect(actionYml).toMatch(/using: node24/);
  });

  test("every input is read by the config module, and nothing else", () => {
    const read = [
      ...configSource.matchAll(
        /(?:getInput|getBooleanInput|getMultilineInput|optionalBoolean)\("([a-z-]+)"/g,
      ),
    ].map((m) => m[1]!);
    expect([...new Set(read)].sort()).toEqual([...inputs].sort());
  });

  test("every input and output is in the README's tables", () => {
    expect(documented("Inputs").sort()).toEqual([...inputs].sort());
    expect(documented("Outputs").sort()).toEqual([...outputs].sort());
  });

  test("every output is set", () => {
    for (const name of outputs) expect(outputsSource).toContain(`"${name}"`);
  });

  test("the README gives the test command that .ci/run runs", () => {
    expect(readFileSync(".ci/run", "utf8")).toMatch(/^npm test$/m);
    expect(readme).toContain("npm test");
  });
});

describe("report/action.yml, its config module and the README agree", () => {
  const inputs = declared("inputs", reportYml);
  const outputs = declared("outputs", reportYml);

  test("the report step runs its own bundle", () => {
    expect(inputs.sort()).toEqual(["path", "summary"]);
    expect(reportYml).toMatch(/using: node24\n {2}main: \.\.\/dist\/report\/index\.js\n/);
    expect(readFileSync("package.json", "utf8")).toContain(
      "ncc build src/commands/report-index.ts",
    );
  });

  test("every input is read by the config module, and every output is set", () => {
    const source = readFileSync("src/config/report.ts", "utf8");
    const read = [
      ...source.matchAll(/(?:getInput|getBooleanInput|getMultilineInput)\("([a-z-]+)"/g),
    ];
    expect([...new Set(read.map((m) => m[1]!))].sort()).toEqual([...inputs].sort());
    const render = readFileSync("src/report/matrix-render.ts", "utf8");
    const named = /type ReportOutputName = ([^;]+);/.exec(render)?.[1] ?? "";
    expect([...named.matchAll(/"([a-z-]+)"/g)].map((m) => m[1]).sort()).toEqual(
      [...outputs].sort(),
    );
  });

  test("every input and output is in the README's tables", () => {
    expect(documented("Report step inputs").sort()).toEqual([...inputs].sort());
    expect(documented("Report step outputs").sort()).toEqual([...outputs].sort());
  });
});
