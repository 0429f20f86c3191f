/**
 * The RegExp translation that src/files/glob.ts used before its automaton, kept as an oracle: on
 * short names, where backtracking costs nothing, the two must agree (except that `.` here never
 * matches a line break, which the automaton's `**` does).
 */

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const ANY_DEPTH = "(?:.*/)?";

/** The RegExp of a glob's pattern part (after the base split), or undefined for bad syntax. */
export function oracleRegExp(rest: string): RegExp | undefined {
  try {
    return new RegExp(`^${anchor(rest)}${translate(rest)}$`, "u");
  } catch (error) {
    // A syntax error of the glob (thrown by `fail`): compileGlob must refuse it too.
    if (error instanceof SyntaxError) throw error;
    return undefined;
  }
}

function fail(why: string): Error {
  return new Error(why);
}
/** gitignore: a pattern without `/` matches at any depth; globwalk makes a bare `*` top level only. */
function anchor(rest: string): string {
  return rest.includes("/") || rest === "*" || rest === "**" ? "" : ANY_DEPTH;
}

/** Translates glob syntax to a RegExp source (globset with `literal_separator`). */
function translate(source: string): string {
  const chars = Array.from(source);
  let i = 0;
  const literal = (c: string) => c.replace(REGEX_SYNTAX, "\\$&");

  const sequence = (inBraces: boolean): string => {
    let out = "";
    while (i < chars.length) {
      const c = chars[i]!;
      if (inBraces && (c === "," || c === "}")) return out;
      i++;
      if (c === "\\") {
        if (i >= chars.length) throw fail("ends with a lone backslash");
        out += literal(chars[i++]!);
      } else if (c === "?") out += "[^/]";
      else if (c === "*") out += star(inBraces);
      else if (c === "[") out += charClass();
      else if (c === "{") out += alternatives();
      else out += literal(c);
    }
    if (inBraces) throw fail('has an unclosed "{"');
    return out;
  };

  // `**` is recursive only as a whole component (`**/x`, `x/**`, `a/**/b`); elsewhere it is `*`.
  const star = (inBraces: boolean): string => {
    if (chars[i] !== "*") return "[^/]*";
    const before = chars[i - 2];
    i++;
    const after = chars[i];
    const bounds = inBraces ? ["/", "{", ",", "}"] : ["/"];
    const whole =
      (before === undefined || bounds.includes(before)) &&
      (after === undefined || bounds.includes(after));
    if (!whole) return "[^/]*";
    if (after !== "/") return ".*";
    i++;
    return ANY_DEPTH;
  };

  // `[abc]`, `[a-z]`, `[!abc]`/`[^abc]`; a `]` first is literal. Negated classes never match `/`.
  const charClass = (): string => {
    const negated = chars[i] === "!" || chars[i] === "^";
    if (negated) i++;
    let items = "";
    for (let first = true; chars[i] !== "]" || first; first = false) {
      let c = chars[i++];
      if (c === "\\") c = chars[i++];
      if (c === undefined) throw fail('has an unclosed "["');
      if (chars[i] === "-" && chars[i + 1] !== undefined && chars[i + 1] !== "]") {
        let end = chars[i + 1]!;
        i += 2;
        if (end === "\\") end = chars[i++] ?? "";
        if (end === "" || end.codePointAt(0)! < c.codePointAt(0)!) {
          throw fail(`has an invalid range "${c}-${end}"`);
        }
        items += `${classChar(c)}-${classChar(end)}`;
      } else items += classChar(c);
    }
    i++;
    return negated ? `[^/${items}]` : `[${items}]`;
  };

  // `{a,b}`, nested allowed.
  const alternatives = (): string => {
    const options = [sequence(true)];
    while (chars[i] === ",") {
      i++;
      options.push(sequence(true));
    }
    i++; // the closing `}`: `sequence(true)` throws at the end of the pattern.
    return `(?:${options.join("|")})`;
  };

  return sequence(false);
}

function classChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}
