import { posix } from "node:path";
import { UserError } from "../errors.js";
import { caseForms, foldCodePoint } from "../shared/paths.js";
import { ANY, Automaton, type CharTest, type Node } from "./automaton.js";

/** A `file` glob compiled with uv's meaning (gitignore-style matching, see uv-cache-keys.md §4). */
export interface CompiledGlob {
  /** The pattern as written, including a leading `!`. */
  readonly pattern: string;
  /** Where the pattern was written, for error messages. */
  readonly origin: string;
  /** True for `!pattern`: an exclusion. */
  readonly negated: boolean;
  /** Project-relative posix directory the pattern is matched under ("" for the project dir). */
  readonly base: string;
  /** Whether a path relative to `base` (posix) matches. */
  matches(pathRelativeToBase: string): boolean;
  /** Whether a path relative to `base`, or one of its directories, matches. */
  matchesSelfOrParent(pathRelativeToBase: string): boolean;
}

const GLOB_CHAR = /[*?[{]/;
/** uv's `is_glob_like`: the characters that end the literal base of a glob (a superset of GLOB_CHAR). */
const GLOB_LIKE = /[*?[\]{}]/;
const SLASH = 0x2f;
const NOT_SLASH: CharTest = (c) => c !== SLASH;
const ANY_DEPTH: Node = { kind: "any-dirs" };

/** Whether a `file` entry is a glob rather than a literal path: it contains `*`, `?`, `[` or `{`. */
export function isGlob(s: string): boolean {
  return GLOB_CHAR.test(s);
}

/**
 * Compiles a glob written relative to the project directory into an automaton (automaton.ts), so
 * that matching takes time linear in the pattern and the path, whatever the pattern. Throws a `UserError` naming the
 * pattern and `origin` for an absolute pattern, an empty one, or bad syntax (unclosed `[`/`{`).
 * With `ignoreCase` (a file system that ignores case), letters match either case, in literals
 * and classes alike: `*.RS` matches `lib.rs` there, as opening `LIB.RS` would open it.
 */
export function compileGlob(pattern: string, origin: string, ignoreCase = false): CompiledGlob {
  const fail = (why: string) => new UserError(`${origin}: glob ${JSON.stringify(pattern)} ${why}`);
  const negated = pattern.startsWith("!");
  const body = negated ? pattern.slice(1) : pattern;
  // `/x`, `C:x`, `C:\x` and `\\server\share` are absolute; a single leading `\` is an escape.
  if (/^(?:\/|\\\\|[A-Za-z]:)/.test(body)) {
    throw fail("is an absolute path; write it relative to the project directory");
  }
  // uv's split_glob: leading components without glob characters form the base; `.` and empty
  // components (so a trailing `/`) are dropped; the last component always stays in the pattern.
  const parts = body.split("/").filter((part) => part !== "" && part !== ".");
  let split = 0;
  while (split < parts.length - 1 && !GLOB_LIKE.test(parts[split]!)) split++;
  const rest = parts.slice(split).join("/");
  if (rest === "") throw fail("is empty");
  const normalized = posix.normalize(parts.slice(0, split).join("/") || ".");
  const base = normalized === "." ? "" : normalized;
  const automaton = new Automaton([...anchor(rest), ...translate(rest, fail, ignoreCase)]);
  return {
    pattern,
    origin,
    negated,
    base,
    matches: (path) => automaton.matches(path),
    matchesSelfOrParent: (path) => automaton.matchesSelfOrParent(path),
  };
}

/**
 * The matcher of one gitignore-style pattern, as uv's glob walker applies it to paths relative
 * to the directory it walks (the base, already split off). `fail` makes the error for bad syntax.
 */
export function patternMatcher(
  rest: string,
  fail: (why: string) => UserError,
): (path: string) => boolean {
  const automaton = new Automaton([...anchor(rest), ...translate(rest, fail)]);
  return (path) => automaton.matches(path);
}

/** Whether a path component would end uv's literal base of a glob (`*`, `?`, `[`, `]`, `{`, `}`). */
export function isGlobLike(component: string): boolean {
  return GLOB_LIKE.test(component);
}

/** gitignore: a pattern without `/` matches at any depth; globwalk makes a bare `*` top level only. */
function anchor(rest: string): Node[] {
  return rest.includes("/") || rest === "*" || rest === "**" ? [] : [ANY_DEPTH];
}

/**
 * Translates glob syntax to automaton nodes (globset with `literal_separator`); with `ignoreCase`,
 * a literal or class accepts a code point when it accepts one of its case forms.
 */
function translate(source: string, fail: (why: string) => UserError, ignoreCase = false): Node[] {
  const chars = Array.from(source);
  let i = 0;
  // A class lists ranges of one case or the other (`[A-Z]`, `[a-z]`): try both forms of `x`.
  const folded = (test: CharTest): CharTest =>
    ignoreCase ? (x) => test(x) || caseForms(x).some(test) : test;
  const literal = (c: string): Node => {
    const code = c.codePointAt(0)!;
    const fold = ignoreCase ? foldCodePoint(code) : code;
    return {
      kind: "char",
      test: ignoreCase ? (x) => foldCodePoint(x) === fold : (x) => x === code,
    };
  };

  const sequence = (inBraces: boolean): Node[] => {
    const out: Node[] = [];
    while (i < chars.length) {
      const c = chars[i]!;
      if (inBraces && (c === "," || c === "}")) return out;
      i++;
      if (c === "\\") {
        if (i >= chars.length) throw fail("ends with a lone backslash");
        out.push(literal(chars[i++]!));
      } else if (c === "?") out.push({ kind: "char", test: NOT_SLASH });
      else if (c === "*") out.push(star(inBraces));
      else if (c === "[") out.push(charClass());
      else if (c === "{") out.push(alternatives());
      else out.push(literal(c));
    }
    if (inBraces) throw fail('has an unclosed "{"');
    return out;
  };

  // `**` is recursive only as a whole component (`**/x`, `x/**`, `a/**/b`); elsewhere it is `*`.
  const star = (inBraces: boolean): Node => {
    const within: Node = { kind: "repeat", test: NOT_SLASH };
    if (chars[i] !== "*") return within;
    const before = chars[i - 2];
    i++;
    const after = chars[i];
    const bounds = inBraces ? ["/", "{", ",", "}"] : ["/"];
    const whole =
      (before === undefined || bounds.includes(before)) &&
      (after === undefined || bounds.includes(after));
    if (!whole) return within;
    if (after !== "/") return { kind: "repeat", test: ANY };
    i++;
    return ANY_DEPTH;
  };

  // `[abc]`, `[a-z]`, `[!abc]`/`[^abc]`; a `]` first is literal. Negated classes never match `/`.
  const charClass = (): Node => {
    const negated = chars[i] === "!" || chars[i] === "^";
    if (negated) i++;
    const ranges: [number, number][] = [];
    for (let first = true; chars[i] !== "]" || first; first = false) {
      let c = chars[i++];
      if (c === "\\") c = chars[i++];
      if (c === undefined) throw fail('has an unclosed "["');
      const low = c.codePointAt(0)!;
      if (chars[i] === "-" && chars[i + 1] !== undefined && chars[i + 1] !== "]") {
        let end = chars[i + 1]!;
        i += 2;
        if (end === "\\") end = chars[i++] ?? "";
        if (end === "" || end.codePointAt(0)! < low) {
          throw fail(`has an invalid range "${c}-${end}"`);
        }
        ranges.push([low, end.codePointAt(0)!]);
      } else ranges.push([low, low]);
    }
    i++;
    const listed = (x: number) => ranges.some(([low, high]) => x >= low && x <= high);
    const inClass = folded(listed);
    return { kind: "char", test: negated ? (x) => x !== SLASH && !inClass(x) : inClass };
  };

  // `{a,b}`, nested allowed.
  const alternatives = (): Node => {
    const options = [sequence(true)];
    while (chars[i] === ",") {
      i++;
      options.push(sequence(true));
    }
    i++; // the closing `}`: `sequence(true)` throws at the end of the pattern.
    return { kind: "either", options };
  };

  return sequence(false);
}
