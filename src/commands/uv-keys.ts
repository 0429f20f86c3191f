import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config, UvKeysOptions } from "../config/index.js";
import type { UvEntry } from "../config/uv-entries.js";
import { UserError } from "../errors.js";
import type { KeyInputs } from "../fingerprint/index.js";
import type { ObservedSet } from "../fingerprint/observed.js";
import { type UvInputs, uvInputs } from "../fingerprint/uv-inputs.js";
import { prepare } from "../pipeline/fingerprint.js";
import { type PipelineDeps, runPipeline } from "../pipeline/index.js";
import { describeKeys } from "../pipeline/keys.js";
import { escapeLine } from "../report/escape.js";
import { plural } from "../report/format.js";
import { reasonOf } from "../report/reason.js";
import { setTomlValue } from "../shared/toml-edit.js";
import { entryTexts, listText, sameEntries } from "./list-text.js";
import { listEntries, makeUvList, type UvList } from "./uv-list.js";

/** What a command prints, and its exit status. */
export interface CommandOutput {
  readonly code: number;
  /** For stdout. */
  readonly out: string;
  /** One-line notes for stderr. */
  readonly notes: readonly string[];
}

const NO_OPTIONS: UvKeysOptions = { write: false, force: false, trace: false };

/**
 * `wheel-cache uv-keys`: the `[tool.uv] cache-keys` that make uv rebuild when wheel-cache would,
 * from the project's inputs and what the newest traced build of it read (the local cache's, or
 * one it runs first with `--trace`); printed, or written into pyproject.toml with `--write`.
 */
export async function uvKeys(config: Config, deps: PipelineDeps): Promise<CommandOutput> {
  const options = config.uvKeys ?? NO_OPTIONS;
  const notes: string[] = [];
  const { fp, observed } = options.trace
    ? await tracedBuild(config, deps, notes)
    : await describeKeys(config, deps, { requirements: false });
  const inputs = await uvInputs(fp, observed, true);
  const list = await makeUvList(inputs, fp.tree);
  const project = fp.request.project;
  const display = project.shown("pyproject.toml");
  notes.push(sourceNote(project.backend.name, inputs, observed));
  const existing =
    fp.keysFrom === "pyproject"
      ? fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry)
      : undefined;
  const same = existing !== undefined && sameEntries(existing, list);
  const value = listText(list);
  const output = (status: string, out: string, code = 0): CommandOutput => ({
    code,
    out: config.json ? `${JSON.stringify(uvKeysJson(list, inputs, status))}\n` : out,
    notes,
  });
  if (!options.write) {
    if (existing && !same) {
      notes.push(`${display} sets other cache-keys: uv-keys --write --force replaces them`);
    }
    return output("printed", `[tool.uv]\ncache-keys = ${value}\n`);
  }
  if (!project.pyproject.exists) {
    throw new UserError(
      `${project.display} has no pyproject.toml, the only file uv reads cache-keys from: create one with the [tool.uv] table uv-keys prints`,
    );
  }
  if (same) return output("unchanged", `${display}: [tool.uv] cache-keys are up to date\n`);
  const diff = existing ? diffLines(existing, list) : [];
  if (existing && !options.force) {
    notes.push(
      `${display} already sets [tool.uv] cache-keys, which differ from what the build needs: run uv-keys --write --force to replace them`,
    );
    const head = `${display}: [tool.uv] cache-keys now (-) and what uv-keys writes (+):`;
    return output("differs", `${[head, ...diff].join("\n")}\n`, 1);
  }
  const text = (await project.read("pyproject.toml")) ?? "";
  const edited = setTomlValue(text, ["tool", "uv"], "cache-keys", value, display);
  await writeFile(path.join(project.dir, "pyproject.toml"), edited);
  const count = entries(listEntries(list).length);
  const head = `${existing ? "replaced" : "wrote"} [tool.uv] cache-keys in ${display} (${count})`;
  return output("written", `${[head, ...diff].join("\n")}\n`);
}

/** Builds the project under the tracer (a hit is a build of the same inputs, traced before). */
async function tracedBuild(
  config: Config,
  deps: PipelineDeps,
  notes: string[],
): Promise<{ fp: KeyInputs; observed: ObservedSet }> {
  const prepared = await prepare(config, [deps.stagingDir]);
  const result = await runPipeline(config, deps, prepared);
  notes.push(reasonOf(result));
  const observed = result.manifest.observed;
  if (!observed) {
    const why =
      result.verdict === "built"
        ? `the build ran untraced (${result.traceNote ?? "no tracer"})`
        : "the cached build of these inputs was not traced";
    throw new UserError(
      `--trace: ${why}, so what the build reads is not known; on Linux, install strace`,
    );
  }
  return { fp: prepared.fp, observed };
}

function sourceNote(backend: string, inputs: UvInputs, observed: ObservedSet | undefined): string {
  const from = `from wheel-cache's rebuild and metadata inputs for ${backend}`;
  const reads = [...inputs.files.values()].filter((r) => r === "read").length;
  const traced = observed
    ? ` and what the build traced on ${observed.tracedOn} read (${plural(reads, "file")} no rule names)`
    : "; no traced build of this project is known, so what the build reads beyond the rules is not in it (--trace builds it under the tracer first)";
  const shipped =
    inputs.avoid.size > 0
      ? "; the Python files the wheel ships are left out (an editable install imports them from the tree)"
      : "";
  return `${from}${traced}${shipped}`;
}

/** `- "src/*.c"` for entries the new list drops, `+ ...` for those it adds. */
function diffLines(existing: readonly UvEntry[], list: UvList): string[] {
  const before = entryTexts(existing);
  const after = entryTexts(listEntries(list));
  const kept = before.filter((t) => after.includes(t)).length;
  return [
    ...before.filter((t) => !after.includes(t)).map((t) => `  - ${escapeLine(t)}`),
    ...after.filter((t) => !before.includes(t)).map((t) => `  + ${escapeLine(t)}`),
    ...(kept > 0 ? [`    (${entries(kept)} kept)`] : []),
  ];
}

function entries(count: number): string {
  return `${count} ${count === 1 ? "entry" : "entries"}`;
}

/** `uv-keys --json`: the entries as uv's TOML reads them, the inputs and what became of the file. */
function uvKeysJson(list: UvList, inputs: UvInputs, pyproject: string): object {
  return {
    cacheKeys: listEntries(list).map(entryJson),
    toml: `cache-keys = ${listText(list)}`,
    inputs: Object.fromEntries(inputs.files),
    tracedOn: inputs.tracedOn ?? null,
    pyproject,
  };
}

function entryJson(entry: UvEntry): unknown {
  switch (entry.kind) {
    case "file":
      return entry.pattern;
    case "dir":
      return { dir: entry.path };
    case "git":
      return { git: { commit: entry.commit, tags: entry.tags } };
    case "env":
      return { env: entry.name };
  }
}
