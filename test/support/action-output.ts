import { readFileSync } from "node:fs";
import path from "node:path";
import type { ProcessResult } from "./action.js";
import { REPO_ROOT } from "./build-env.js";

/** Reading what the action reads and writes as text: action.yml, GITHUB_OUTPUT, its log. */

/**
 * The GITHUB_OUTPUT file format: `name<<DELIMITER` heredocs (what `core.setOutput` writes) and
 * plain `name=value` lines.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]} for ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/** Every input's default as action.yml declares it (a minimal reader of its `inputs:` block). */
export function actionDefaults(actionYml = "action.yml"): Record<string, string> {
  const yml = readFileSync(path.join(REPO_ROOT, actionYml), "utf8").split("\n");
  const defaults: Record<string, string> = {};
  let input: string | undefined;
  let inInputs = false;
  for (const line of yml) {
    if (/^\S/.test(line)) inInputs = line.startsWith("inputs:");
    if (!inInputs) continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) input = name[1];
    const value = /^ {4}default:\s*(.*)$/.exec(line);
    if (input && value) defaults[input] = unquote(value[1]!.trim());
  }
  return defaults;
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted ? quoted[1]! : value;
}

/**
 * The action log's "Changes" group: each changed key id and its file lines (`~ src/lib.rs`,
 * `+ new.c`, `- old.h`), as `renderLog` writes them.
 */
export function logChanges(stdout: string): Record<string, string[]> {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("::group::Changes"));
  const changes: Record<string, string[]> = {};
  if (start < 0) return changes;
  let files: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("::endgroup::")) break;
    const file = /^ {2}([~+-] .*)$/.exec(line);
    const head = /^(\S.*) \((?:changed|added|removed)\)(?::.*)?$/.exec(line);
    if (file && files) files.push(file[1]!);
    else if (head) changes[head[1]!] = files = [];
  }
  return changes;
}

/** The `::error::` workflow-command lines of a run's output. */
export function errorLines(result: ProcessResult): string[] {
  return `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => l.startsWith("::error"));
}

/** The end of a run's output, for assertion messages. */
export function tail(result: ProcessResult, chars = 3000): string {
  return `exit ${result.code}\n${`${result.stdout}\n${result.stderr}`.slice(-chars)}`;
}
