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
    // The separate steps' own inputs are read by the same module (restore/ and save/ below).
    const own = ["cache-key", "fail-on-cache-miss"];
    expect([...new Set(read)].filter((name) => !own.includes(name)).sort()).toEqual(
      [...inputs].sort(),
    );
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

describe("restore/action.yml and save/action.yml: the action's inputs, split around a build", () => {
  const main = declared("inputs");
  const mainOutputs = declared("outputs");
  const steps = {
    restore: readFileSync("restore/action.yml", "utf8"),
    save: readFileSync("save/action.yml", "utf8"),
  };
  const own = { restore: ["fail-on-cache-miss"], save: ["cache-key"] };
  const buildInputs = ["build-command", "build-timeout", "lookup-only", "save", "trace"];

  test.each(Object.keys(steps) as (keyof typeof steps)[])(
    "%s runs its own bundle, takes the project inputs and none of the build's",
    (step) => {
      const yml = steps[step];
      expect(yml).toMatch(
        new RegExp(`using: node24\\n {2}main: \\.\\./dist/${step}/index\\.js\\n`),
      );
      expect(readFileSync("package.json", "utf8")).toContain(
        `ncc build src/commands/${step}-index.ts`,
      );
      const inputs = declared("inputs", yml);
      expect(inputs.filter((name) => !main.includes(name)).sort()).toEqual(own[step]);
      expect(inputs.filter((name) => buildInputs.includes(name))).toEqual([]);
      expect(inputs).toEqual(expect.arrayContaining(["project", "wheel-dir", "builder"]));
      // The config module reads each of them (the test above: it reads exactly the action's).
      for (const name of own[step]) expect(configSource).toContain(`"${name}"`);
      expect(declared("outputs", yml).filter((name) => !mainOutputs.includes(name))).toEqual([]);
      const description = /^description: (.+)$/m.exec(yml)?.[1] ?? "";
      expect(description.length).toBeGreaterThan(20);
      expect(description.length).toBeLessThan(125);
    },
  );

  test("their own inputs are in the README's table", () => {
    expect(documented("Restore and save step inputs").sort()).toEqual(
      [...own.restore, ...own.save].sort(),
    );
  });
});
