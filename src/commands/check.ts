import path from "node:path";
import type { Config } from "../config/index.js";
import { isGlob } from "../files/glob.js";
import type { FileTree } from "../files/tree.js";
import { clusterGlobs, groupMatcher, splitUvGlob } from "../files/uv-glob.js";
import { isGap, type UvGap, uvGap, uvInputs } from "../fingerprint/uv-inputs.js";
import type { KeySpec } from "../keys/types.js";
import type { PipelineDeps } from "../pipeline/index.js";
import { describeKeys } from "../pipeline/keys.js";
import type { ProjectModel } from "../project/model.js";
import { escapeLine } from "../report/escape.js";
import { plural } from "../report/format.js";
import { reasonText, uvGapWarning } from "../report/uv-gap.js";
import { capLine } from "../shared/list.js";
import { statProjectPath } from "../shared/read.js";
import { lookup, parseTomlContent } from "../shared/toml.js";
import type { CommandOutput } from "./uv-keys.js";

/**
 * `wheel-cache check`: lints a project's own `[tool.uv] cache-keys` as uv reads them. Inputs the
 * list leaves out (wheel-cache's defaults, the metadata inputs, what the newest traced build read)
 * are named file by file and make the exit status 1; globs that match nothing, entries whose
 * meaning changes under uv's clustering, entries uv reads otherwise than they look, and
 * `cache-keys` in uv.toml are reported too.
 */
export async function check(config: Config, deps: PipelineDeps): Promise<CommandOutput> {
  const report = await describeKeys(config, deps, { requirements: false });
  const { fp, observed } = report;
  const project = fp.request.project;
  const display = project.shown("pyproject.toml");
  const declared =
    fp.keysFrom === "pyproject" ? fp.specs.filter((s) => s.source === "pyproject") : undefined;
  // A project's own list was checked with the keys; without one, uv's defaults are the list.
  const gap = declared
    ? (report.uvGap ?? { pyproject: display, files: [], gitCommit: false })
    : uvGap(undefined, await uvInputs(fp, observed, false), fp.tree, display);
  const problems = [
    ...(declared
      ? await entryProblems(declared, fp.tree, project)
      : [
          `${display}: no [tool.uv] cache-keys, so uv uses its defaults (pyproject.toml, setup.py, setup.cfg, { dir = "src" }) and rebuilds when those change, never for an edited source`,
        ]),
    ...(await uvTomlProblems(project, fp.tree)),
  ];
  const why = (reason: Parameters<typeof reasonText>[0]) =>
    reasonText(reason, project.backend.name, observed?.tracedOn);
  const lines = isGap(gap)
    ? [
        uvGapWarning(gap),
        ...gap.files.map((f) => `  ${f.file}: ${why(f.reason)}`),
        ...(gap.gitCommit
          ? ["  the git commit: the version comes from git; add { git = { commit = true } }"]
          : []),
      ]
    : [];
  lines.push(...problems);
  const traced = observed
    ? `what the build traced on ${observed.tracedOn} read included`
    : "no traced build of this project is known (wheel-cache build or uv-keys --trace makes one), so only the rules were checked";
  const left = gap.files.length + (gap.gitCommit ? 1 : 0);
  const verdict = isGap(gap) ? `${plural(left, "input")} left out` : "every input is covered";
  const other = problems.length > 0 ? `, ${plural(problems.length, "other problem")}` : "";
  lines.push(`check: ${verdict}${other}; ${traced}`);
  const out = config.json
    ? `${JSON.stringify(checkJson(gap, problems, observed?.tracedOn))}\n`
    : `${lines.map(escapeLine).join("\n")}\n`;
  return { code: isGap(gap) ? 1 : 0, out, notes: [] };
}

function checkJson(gap: UvGap, problems: readonly string[], tracedOn: string | undefined): object {
  return {
    ok: !isGap(gap),
    leftOut: gap.files,
    gitCommit: gap.gitCommit,
    problems,
    tracedOn: tracedOn ?? null,
  };
}

/** What each entry of the list means to uv, where that differs from how it reads or from use. */
async function entryProblems(
  specs: readonly KeySpec[],
  tree: FileTree,
  project: ProjectModel,
): Promise<string[]> {
  const problems: string[] = [];
  const globs = specs.flatMap((s) =>
    s.entry.kind === "file" && isGlob(s.entry.pattern) ? [s.entry.pattern] : [],
  );
  const groups = clusterGlobs(globs);
  const match = (base: string, patterns: string[]) => {
    const covers = groupMatcher({ base, patterns }, tree.projectDir, "check");
    return tree.files.filter(covers);
  };
  const shown = (file: string) => toProject(tree, file);
  for (const spec of specs) {
    const { entry } = spec;
    if (entry.kind !== "file") continue;
    const say = (what: string) =>
      problems.push(`${spec.origin}: ${JSON.stringify(entry.pattern)} ${what}`);
    if (!isGlob(entry.pattern)) {
      const info = await statProjectPath(path.join(project.dir, entry.pattern), entry.pattern);
      const dir = entry.pattern.replace(/\/$/, "");
      if (info?.isDirectory()) {
        say(
          `is a directory: uv skips it and covers nothing in it; write "${dir}/**" for its files, or { dir = ${JSON.stringify(dir)} } for its presence`,
        );
      }
      continue;
    }
    const alone = splitUvGlob(entry.pattern);
    if (entry.pattern.startsWith("!")) {
      say(
        alone.base === ""
          ? "is an exclusion: uv has none, and reads this one with gitignore rules that make it walk the whole project directory (wheel-cache applies it to every glob)"
          : "is an exclusion: uv has none, and this one excludes nothing there (wheel-cache applies it to every glob)",
      );
      continue;
    }
    const group = groups.find((g) => g.globs.includes(entry.pattern))!;
    const clustered = group.patterns[group.globs.indexOf(entry.pattern)]!;
    const before = match(alone.base, [alone.pattern]);
    const after = group.base === alone.base ? before : match(group.base, [clustered]);
    const lost = before.filter((f) => !after.includes(f));
    if (anchors(alone.pattern, clustered) || lost.length > 0) {
      const shallower = group.globs
        .filter((g) => g !== entry.pattern && splitUvGlob(g).base === group.base)
        .map((g) => JSON.stringify(g));
      say(
        `means something else to uv: with ${capLine(shallower)} in the list, uv matches it as ${JSON.stringify(clustered)} from ${group.base || "the project directory"}, so it no longer matches at any depth under ${alone.base}/${lost.length > 0 ? ` (it misses ${capLine(lost.map(shown))})` : ""}`,
      );
    } else if (after.length === 0) say("matches no file");
    if (alone.base === "") {
      say(
        "starts with a wildcard, so uv walks the whole project directory for it (.venv, target/, build/ and .git included): slow, and what a build writes there rebuilds on every run; start it with the directory its files are in",
      );
    } else if (group.base === alone.base && !alone.pattern.includes("/") && alone.pattern !== "*") {
      const depth = alone.base.split("/").length + 1;
      const deep = before.map(shown).filter((f) => f.split("/").length > depth);
      if (deep.length > 0) {
        say(
          `matches at any depth under ${alone.base}/, not only directly in it (uv reads globs with gitignore rules): ${capLine(deep)}`,
        );
      }
    }
  }
  return problems;
}

/** Whether re-prefixing made an any-depth pattern (no `/`) an anchored one. */
function anchors(alone: string, clustered: string): boolean {
  return !alone.includes("/") && alone !== "*" && alone !== "**" && clustered.includes("/");
}

/** `cache-keys` in a uv.toml of the project or a directory above it: uv ignores them. */
async function uvTomlProblems(project: ProjectModel, tree: FileTree): Promise<string[]> {
  const problems: string[] = [];
  const levels = tree.projectDir === "" ? 0 : tree.projectDir.split("/").length;
  for (let up = 0; up <= levels; up++) {
    const rel = path.posix.join(...Array<string>(up).fill(".."), "uv.toml");
    const text = await project.read(rel);
    if (text === undefined) continue;
    const shown = project.shown(rel);
    if (lookup(parseTomlContent(text, shown), "cache-keys") !== undefined) {
      problems.push(
        `${shown}: cache-keys in uv.toml have no effect: uv reads them only from pyproject.toml's [tool.uv]`,
      );
    }
  }
  return problems;
}

function toProject(tree: FileTree, file: string): string {
  return tree.projectDir === "" ? file : path.posix.relative(tree.projectDir, file);
}
