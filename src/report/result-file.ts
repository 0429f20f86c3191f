import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/index.js";
import { errorMessage, UserError } from "../errors.js";
import type { RunResult } from "../pipeline/result.js";
import { causeOf } from "./cause.js";
import { type ResultJson, resultJson } from "./terminal.js";

/** Marks a result file, and its version, so a report can tell one from any other JSON. */
export const RESULT_FORMAT = "wheel-cache-result/1";

/**
 * A run's result file, for the matrix report: the CLI's `--json` object (its contract's fields
 * first), then the leg it ran on, how long it took, why it rebuilt, and where its build came from.
 */
export interface ResultFile extends ResultJson {
  readonly format: typeof RESULT_FORMAT;
  /** The project's import name and its directory relative to the repository root. */
  readonly project: string;
  readonly projectDir: string;
  readonly platform: string;
  /** `cp311`, and the version when the interpreter said. */
  readonly python: string;
  readonly pythonVersion: string | null;
  readonly keySuffix: string;
  /** Seconds the whole run took (on a hit: the time to restore). */
  readonly runSeconds: number;
  /** Why it rebuilt, in words that name no platform (legs with one cause group); null on a hit. */
  readonly cause: string | null;
  /** Where the wheels' build came from, as far as its manifest records it. */
  readonly provenance?: { readonly builtAt: string };
}

/** The result file's object for a run. */
export function resultFileOf(result: RunResult, reason?: string): ResultFile {
  const { leg } = result;
  const builtAt = result.manifest.createdAt;
  return {
    ...resultJson(result, reason),
    format: RESULT_FORMAT,
    project: leg.project,
    projectDir: leg.projectDir,
    platform: leg.platform,
    python: leg.python,
    pythonVersion: leg.pythonVersion ?? null,
    keySuffix: leg.keySuffix,
    runSeconds: result.seconds,
    cause: causeOf(result) ?? null,
    ...(builtAt ? { provenance: { builtAt } } : {}),
  };
}

/**
 * A file name for a leg's result in a directory of its own (the action's, under RUNNER_TEMP):
 * `wheel-cache-result-pkg-linux-x64-glibc2.36-cp311-1a2b3c4d.json`. The random part keeps the
 * names of legs that look alike apart when a report job downloads them into one directory.
 */
export function resultFileName(
  file: Pick<ResultFile, "project" | "platform" | "python" | "keySuffix">,
): string {
  const parts = [file.project, file.platform, file.python, file.keySuffix].filter(Boolean);
  const name = parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, "_")).join("-");
  return `wheel-cache-result-${name}-${randomBytes(4).toString("hex")}.json`;
}

/**
 * Writes a run's result file where the config says (exactly `resultFile`, or a fresh name in
 * `resultDir`); returns its path, nothing when none was asked for, or the problem in one line: a
 * result file that cannot be written never fails the run.
 */
export async function writeResultFile(
  config: Pick<Config, "resultDir" | "resultFile">,
  file: ResultFile,
): Promise<{ readonly path?: string; readonly problem?: string }> {
  const where =
    config.resultFile ??
    (config.resultDir ? path.join(config.resultDir, resultFileName(file)) : undefined);
  if (!where) return {};
  try {
    await mkdir(path.dirname(where), { recursive: true });
    await writeFile(where, `${JSON.stringify(file, null, 2)}\n`);
    return { path: where };
  } catch (error) {
    return { problem: `result file not written: ${where}: ${errorMessage(error)}` };
  }
}

/** A result file's content checked; a UserError naming the file when it is not one. */
export function parseResultFile(text: string, file: string): ResultFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which may be anything: the file is named instead.
    throw new UserError(`${file}: not a wheel-cache result file (not JSON)`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UserError(`${file}: not a wheel-cache result file (not a JSON object)`);
  }
  const record = value as Record<string, unknown>;
  const format = record.format;
  if (typeof format !== "string" || !format.startsWith("wheel-cache-result/")) {
    throw new UserError(`${file}: not a wheel-cache result file (no "format" field)`);
  }
  if (format !== RESULT_FORMAT) {
    throw new UserError(
      `${file}: written in ${format}, which this wheel-cache does not read (it reads ${RESULT_FORMAT})`,
    );
  }
  const problem = FIELDS.find(([name, ok]) => !ok(record[name]));
  if (problem) {
    throw new UserError(`${file}: not a valid wheel-cache result file (field "${problem[0]}")`);
  }
  return value as ResultFile;
}

const isString = (v: unknown) => typeof v === "string";
const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const orNull = (ok: (v: unknown) => boolean) => (v: unknown) => v === null || ok(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
const isChanged = (v: unknown) =>
  Array.isArray(v) &&
  v.every((c: { id?: unknown; status?: unknown; files?: Record<string, unknown> } | null) => {
    const files = c?.files;
    if (!files || typeof files !== "object") return false;
    const lists = [files.added, files.modified, files.removed];
    return isString(c.id) && isString(c.status) && lists.every(isStrings);
  });

/** The fields the report reads, each with its check. */
const FIELDS: readonly (readonly [keyof ResultFile, (v: unknown) => boolean])[] = [
  ["cacheHit", (v) => typeof v === "boolean"],
  ["built", (v) => typeof v === "boolean"],
  ["wheels", isStrings],
  ["changed", isChanged],
  ["reason", isString],
  ["verdict", isString],
  ["buildSeconds", orNull(isNumber)],
  ["project", isString],
  ["platform", isString],
  ["python", isString],
  ["pythonVersion", orNull(isString)],
  ["keySuffix", isString],
  ["runSeconds", isNumber],
  ["cause", orNull(isString)],
];
