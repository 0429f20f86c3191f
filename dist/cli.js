#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 298:
/***/ ((module) => {

// A simple implementation of make-array
function makeArray (subject) {
  return Array.isArray(subject)
    ? subject
    : [subject]
}

const UNDEFINED = undefined
const EMPTY = ''
const SPACE = ' '
const ESCAPE = '\\'

// The characters that carry a meaning of their own inside a regular
//   expression, so a literal one has to be escaped before it is emitted.
const REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/
const BOM = '\uFEFF'
// A run of two or more asterisks is a globstar (#175)
const REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/
const REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/
const REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/
const REGEX_SPLITALL_CRLF = /\r?\n/g

// Invalid:
// - /foo,
// - ./foo,
// - ../foo,
// - .
// - ..
// Valid:
// - .foo
const DOUBLE_SLASH = '//'
const SLASH_CODE = 47
const DOT_CODE = 46


const SLASH = '/'

// Do not use ternary expression here, since "istanbul ignore next" is buggy
let TMP_KEY_IGNORE = 'node-ignore'
/* istanbul ignore else */
if (typeof Symbol !== 'undefined') {
  TMP_KEY_IGNORE = Symbol.for('node-ignore')
}
const KEY_IGNORE = TMP_KEY_IGNORE

const define = (object, key, value) => {
  Object.defineProperty(object, key, {value})
  return value
}

const RETURN_FALSE = () => false

// > The range notation, e.g. [a-zA-Z],
// > can be used to match one of the characters in a range.
//
// gitignore(5) defers to fnmatch(3) for this, and git implements it in
//   `wildmatch.c`.  A bracket expression has a sub-grammar of its own, which
//   is neither the surrounding pattern grammar nor the JavaScript one:
//
//   - a `]` right after `[` or `[!` is a literal member, not the terminator
//   - `[:alpha:]` names one of twelve POSIX classes
//   - `\` escapes the next member, `]` included
//   - `*`, `?` and `.` are plain literal members
//   - an unterminated expression makes the whole pattern match nothing
//
// which means the expression can not be located -- let alone translated -- by
//   a regular expression.  It is scanned out of the pattern before the
//   replacers below run, and put back once they are done, so that neither the
//   metacharacter escaper nor the `?` / `*` replacers ever see its body.

// git classifies with its own ASCII-only ctype macros (`wildmatch.c`), never
//   with the C library ones, so these must not be mapped onto `\d` / `\w` /
//   `\s`, which are wider.  `/` is left out of every expansion, because a
//   bracket expression never matches a path separator.
const POSIX_CLASSES = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-.0-~',
  lower: 'a-z',
  print: ' -.0-~',
  punct: '!-.:-@\\[-`{-~',
  // git's `sane-ctype.h` classifies \v and \f as control, not space,
  //   unlike C's `isspace`
  space: ' \\t\\n\\r',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f'
}

const CLASS_MEMBERS_TO_ESCAPE = '\\]^-['

const escapeMember = char => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0
  ? char
  : ESCAPE + char

// > if (matched == negated || ((flags & WM_PATHNAME) && text_ch == '/'))
// >   return WM_ABORT_TO_STARSTAR;                     (git, `wildmatch.c`)
// A bracket expression never matches a path separator, whatever its members
//   say, so a negated class gets `/` as one more excluded character, while a
//   plain one -- where a literal member or a range could still let `/` in --
//   is guarded with a lookahead, `/` being impossible to subtract from a
//   JavaScript character class.
const NON_SLASH = '(?!\\/)'

const classSource = (negated, body) => {
  if (negated) {
    return `[^\\/${body}]`
  }

  const source = `[${body}]`

  return new RegExp(source).test('/')
    ? NON_SLASH + source
    : source
}

// Scan the bracket expression that starts at `pattern[start] === '['`,
//   mirroring the member loop of git's `wildmatch.c`.
// @returns {{end: number, source: string} | null} `null` if the expression is
//   never terminated, which makes the whole pattern match nothing.
const scanBracket = (pattern, start) => {
  const {length} = pattern
  let index = start + 1
  let negated = EMPTY

  const lead = pattern[index]
  if (lead === '!' || lead === '^') {
    negated = '^'
    index ++
  }

  let body = EMPTY

  // The member a `-` could start a range from, or EMPTY when the previous
  //   member can not open one (start of the body, or a range / POSIX class
  //   that has just closed)
  let prev = EMPTY

  // git scans the members with a do-while, so the first one is consumed
  //   unconditionally.  That is the whole reason a leading `]` is a member
  //   and not the terminator.
  for (;;) {
    const char = pattern[index]

    if (char === UNDEFINED) {
      return null
    }

    if (char === ESCAPE) {
      // A pattern can not end on a lone backslash -- `createRule` has
      //   already thrown it away -- so there is a character to read.
      const escaped = pattern[++ index]
      body += escapeMember(escaped)
      prev = escaped
    } else if (
      char === '-'
      && prev
      && index + 1 < length
      && pattern[index + 1] !== ']'
    ) {
      index ++
      let to = pattern[index]
      if (to === ESCAPE) {
        to = pattern[index += 1]
      }
      // An out-of-order range matches nothing in git but is a syntax error in
      //   JavaScript, so it is dropped.  Its lower bound stays: git tests it
      //   as a plain member before it ever looks at the `-`, so `[c-a]` does
      //   match `c`.
      if (prev <= to) {
        body += `-${escapeMember(to)}`
      }
      prev = EMPTY
    } else if (char === '[' && pattern[index + 1] === ':') {
      const nameStart = index + 2
      let end = nameStart
      while (end < length && pattern[end] !== ']') {
        end ++
      }

      if (end === length) {
        return null
      }

      if (end > nameStart && pattern[end - 1] === ':') {
        const name = pattern.slice(nameStart, end - 1)

        // An unknown class name makes the whole pattern match nothing
        if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
          return null
        }

        body += POSIX_CLASSES[name]
        prev = EMPTY
        index = end
      } else {
        // No `:]` to close it, so the `[` is a plain member and scanning
        //   resumes right after it.
        body += escapeMember('[')
        prev = '['
        index = nameStart - 2
      }
    } else {
      body += escapeMember(char)
      prev = char
    }

    index ++

    if (pattern[index] === ']') {
      return {
        end: index,
        source: classSource(negated, body)
      }
    }
  }
}

// An empty JavaScript class can never match, which is how a pattern that git
//   gives up on (`WM_ABORT_ALL`) is expressed here.
const NEVER_MATCH = '[]'

// A NUL can appear in neither a `.gitignore` line nor a path, which makes it
//   the one safe placeholder character.  A literal one in the pattern is
//   held aside all the same, so a collision is impossible by construction.
const PLACEHOLDER = '\u0000'
const REGEX_RESTORE_PLACEHOLDER = new RegExp(
  `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'
)

// The one wildcard the chain does not expand for itself is a trailing `*`. How
//   it expands depends on the mode (`regex` vs `checkRegex`), so `_make` is
//   left to do it, and until then the pending wildcard travels as this marker.
//   That is what keeps it apart from a user-escaped literal `\*`: the unescape
//   steps collapse the escaped one to the exact `\*` a wildcard would leave
//   behind, so by the time `_make` runs the two are otherwise the same string
//   and a literal star gets wrongly rewritten into a wildcard. The marker is a
//   private-use character, and `extractBrackets` keeps one that came out of the
//   pattern apart from it, so the only marker `_make` ever turns back into a
//   real wildcard is the one this chain put there itself.
const TRAILING_WILDCARD = '\uE000'

// A trailing "/**" is deferred the same way, because `checkRegex` has to tell
//   it apart from a trailing "/*" (see `checkSourceOf`). For `.ignores()` it
//   still never matches the folder itself (#21).
const TRAILING_DOUBLESTAR = '\uE001'

// The three characters above mean something to the chain that builds the
//   source rather than to the path, so one that came out of the pattern is
//   held aside like a bracket expression instead of going straight out. Being
//   held is what makes it safe: the restore runs after the step that anchors
//   the source, so the character comes back in the middle of the source and
//   not at its end, which is the one place `_make` and `checkSourceOf` look
//   for a marker. Without it a pattern's own character lands where a pending
//   marker sits, and `_make` turns it into a real trailing wildcard.
//
// It is held as a one-member class rather than bare, in both of the branches
//   a reserved character can reach, so that the property can be
//   read off this function alone -- a reserved character never goes out on
//   its own -- rather than depending on where in the chain the restore
//   happens to run. In the expression built here `[x]` matches exactly what
//   `x` matches, none of the three being special to a regular expression or
//   inside a class, so no test can tell the two apart: the class is insurance,
//   and the paragraph above is the reason it is not needed.
const isReserved = char =>
  char === PLACEHOLDER
  || char === TRAILING_WILDCARD
  || char === TRAILING_DOUBLESTAR

// Replace every bracket expression with a placeholder the replacers below
//   leave alone, and translate it separately.
const extractBrackets = pattern => {
  const sources = []
  const hold = source =>
    `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`

  const {length} = pattern
  let out = EMPTY
  let index = 0

  while (index < length) {
    const char = pattern[index]

    if (char === ESCAPE) {
      // > Put a backslash ("\") in front of ... a character to make it literal.
      //                                            (gitignore(5) -> fnmatch(3))
      // A backslash quotes the next character, whatever it is, so `\d` is a
      //   literal `d`, not the regex digit class, and `\?` is a literal `?`,
      //   not a wildcard. Held aside as its literal here, the escape never
      //   reaches the replacers below, which would otherwise let `\d`, `\b`,
      //   `\1`, `\/` keep their regular-expression meaning, and would turn a
      //   `\?` into `[^\/]`.
      //
      // Three escapes are still left for the chain: `\*` (a literal star,
      //   told apart from a wildcard by `TRAILING_WILDCARD` and the wildcard
      //   replacers), `\[` (a literal bracket, the one `[` the bracket
      //   replacer still expects), and `\ ` (a quoted space, which one pass
      //   below rewrites in bulk -- holding each one aside instead costs more
      //   on a pattern built out of them).
      //
      // A quoted backslash is not among them. The chain doubles every
      //   backslash, then takes the doubling back out again, and a quoted one
      //   standing next to a character the chain also escapes left the two
      //   counts sharing a run, so one of the escapes was lost. Held here as
      //   the literal it means, it never joins that run.
      const escaped = pattern[index + 1]

      if (escaped === SLASH && index + 2 === length) {
        // Git removes a final directory slash before matching. An escape
        //   without a character after that removal makes the pattern invalid.
        out += hold(NEVER_MATCH)
      } else if (
        escaped === '*'
        || escaped === '['
        || escaped === SPACE
      ) {
        out += pattern.slice(index, index + 2)
      } else {
        out += hold(
          REGEX_LITERAL_SPECIAL.test(escaped)
            ? ESCAPE + escaped
            : isReserved(escaped)
              ? `[${escaped}]`
              : escaped
        )
      }

      index += 2
    } else if (isReserved(char)) {
      out += hold(`[${char}]`)
      index ++
    } else if (char === '[') {
      const scanned = scanBracket(pattern, index)

      if (scanned === null) {
        // git gives up on the whole pattern (`WM_ABORT_ALL`), so whatever
        //   follows can not make it match either.
        out += hold(NEVER_MATCH)
        index = length
      } else {
        out += hold(scanned.source)
        index = scanned.end + 1
      }
    } else {
      out += char
      index ++
    }
  }

  return {
    source: out,
    sources
  }
}

// A step of the chain below is normally a `[matcher, replacer]` pair handed
//   to `String.replace`. `DIRECT` marks the ones that are plain string work
//   instead, and take `(source, pattern)`.
//
// Anchoring the two ends is exactly that -- a test of one character and a
//   concatenation -- and putting it through the regular expression engine
//   cost a third of this chain for nothing: 167ns where 10ns does the same
//   job. The two are still steps in the same list, in the same places,
//   because their position in the order is part of what they mean.
const DIRECT = null

// A separator at the beginning or in the middle of a pattern, as opposed to
//   one at the very end.
const REGEX_INNER_SLASH = /\/(?!$)/
const WILDCARD = '[^\\/]*'

// > If the pattern ends with a slash,
// > it is removed for the purpose of the following description,
// > but it would only find a match with a directory.
// > In other words, foo/ will match a directory foo and paths underneath it,
// > but will not match a regular file or a symbolic link foo
// >  (this is consistent with the way how pathspec works in general in Git).
// '`foo/`' will not match regular file '`foo`' or symbolic link '`foo`'
// -> ignore-rules will not deal with it, because it costs extra `fs.stat` call
//      you could use option `mark: true` with `glob`

// '`foo/`' should not continue with the '`..`'
// The chain that turns one gitignore pattern into a regular expression
//   source, in order. A step is either
//
//   [matcher, replacer]            handed to `String.replace`
//   [matcher, replacer, required]  the same, but skipped outright unless
//                                    `required` appears in the string, which
//                                    the matcher cannot match without
//   [DIRECT, transform]            plain string work, taking (source, pattern)
//
// The `required` character is only ever a shortcut: finding it does not mean
//   the matcher will match, and not finding it means it cannot. It is there
//   because scanning for one character costs a fraction of running a matcher
//   that then finds nothing -- for the wildcard step, whose `[^\\]+`
//   backtracks its way through the whole string before giving up, 11ns
//   against 400ns.
const REPLACERS = [

  // Replace (\ ) with ' '
  // Only a space: an escaped tab or other whitespace is already a literal by
  //   the time it reaches here, and a bare tab must be left as one, not turned
  //   into a space.
  // (\ ) -> ' '
  // (\\ ) -> '\\ '
  // (\\\ ) -> '\\ '
  [
    // A run of backslashes is taken whole, from its first one, so no match
    //   ever starts again inside it -- `(\\+?) ` did, which made a long run
    //   quadratic.
    /(\\+)( ?)/g,
    (_, run, space) => space
      ? run.slice(0, run.length - run.length % 2) + SPACE
      : run,
    ESCAPE + SPACE
  ],

  // git's wildmatch() reads a run of two or more asterisks as one globstar
  //   whenever the run fills a path segment: it starts the pattern or follows
  //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
  //   already `**`; a longer one is folded into `**` here, so the steps
  //   below only ever have to know `**`.
  // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
  // git also takes a run beside a literal prefix (`a***/b`) or beside an
  //   escaped slash (`***\/b`) as a globstar, and this does not; the README
  //   lists both, under "A run of asterisks".
  [
    /(^|\/)\*{3,}(?=\/|$)/g,
    (_, start) => `${start}**`,
    '*'
  ],

  // Escape metacharacters
  // which is written down by users but means special for regular expressions.

  // > There are 12 characters with special meanings:
  // > - the backslash \,
  // > - the caret ^,
  // > - the dollar sign $,
  // > - the period or dot .,
  // > - the vertical bar or pipe symbol |,
  // > - the question mark ?,
  // > - the asterisk or star *,
  // > - the plus sign +,
  // > - the opening parenthesis (,
  // > - the closing parenthesis ),
  // > - and the opening square bracket [,
  // > - the opening curly brace {,
  // > These special characters are often called "metacharacters".
  [
    /[\\$.|*+(){^]/g,
    match => `\\${match}`
  ],

  [
    // > a question mark (?) matches a single character
    /(?!\\)\?/g,
    () => '[^/]',
    '?'
  ],

  // leading slash
  [

    // > A leading slash matches the beginning of the pathname.
    // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
    // A leading slash matches the beginning of the pathname
    /^\//,
    () => '^',
    SLASH
  ],

  // replace special metacharacter slash after the leading slash
  [
    /\//g,
    () => '\\/',
    SLASH
  ],

  [
    // > A leading "**" followed by a slash means match in all directories.
    // > For example, "**/foo" matches file or directory "foo" anywhere,
    // > the same as pattern "foo".
    // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
    // >   under directory "foo".
    // Notice that the '*'s have been replaced as '\\*'
    /^\^*(?:\\\*\\\*\\\/)+/,

    // '**/foo' <-> 'foo'
    () => '(?:^|\\/)',
    '*'
  ],

  // starting
  [
    // there will be no leading '/'
    //   (which has been replaced by section "leading slash")
    // If starts with '**', adding a '^' to the regular expression also works
    DIRECT,
    (source, pattern) => {
      // Nothing to anchor to, or already anchored (`^` or `(?:^|\/)`)
      if (!source || source[0] === '^' || source[0] === '(') {
        return source
      }

      // If has a slash `/` at the beginning or middle
      const anchor = !REGEX_INNER_SLASH.test(pattern)
        // > Prior to 2.22.1
        // > If the pattern does not contain a slash /,
        // >   Git treats it as a shell glob pattern
        // Actually, if there is only a trailing slash,
        //   git also treats it as a shell glob pattern

        // After 2.22.1 (compatible but clearer)
        // > If there is a separator at the beginning or middle (or both)
        // > of the pattern, then the pattern is relative to the directory
        // > level of the particular .gitignore file itself.
        // > Otherwise the pattern may also match at any level below
        // > the .gitignore level.
        ? '(?:^|\\/)'

        // > Otherwise, Git treats the pattern as a shell glob suitable for
        // >   consumption by fnmatch(3)
        : '^'

      return anchor + source
    }
  ],

  // two globstars
  [
    // Use lookahead assertions so that we could match more than one `'/**'`
    /\\\/\\\*\\\*(?=\\\/|$)/g,

    // Zero, one or several directories
    // should not use '*', or it will be replaced by the next replacer

    // Check if it is not the last `'/**'`
    (_, index, str) => index + 6 < str.length

      // case: /**/ at the end of the pattern, i.e. a trailing `'/**/'`
      // > A trailing `"/**/"` (a trailing `"/**"` restricted to directories)
      // >   matches everything inside, but it should not match the current
      // >   folder itself, so it requires at least one directory segment.
      // 'a/**/' matches 'a/b/', 'a/x/y/' but not 'a/'
      ? str.slice(index + 6) === '\\/'
        ? '(?:\\/[^\\/]+)+'

        // case: /**/
        // > A slash followed by two consecutive asterisks then a slash matches
        // >   zero or more directories.
        // > For example, "a/**/b" matches "a/b", "a/x/b", "a/x/y/b" and so on.
        // '/**/'
        : '(?:\\/[^\\/]+)*'

      // case: /**
      // > A trailing `"/**"` matches everything inside.

      // #21: everything inside but it should not include the current folder,
      //   resolved by `_make`
      : `\\/${TRAILING_DOUBLESTAR}`,
    '*'
  ],

  // normal intermediate wildcards
  [
    // Never replace escaped '*'
    // ignore rule '\*' will match the path '*'

    // 'abc.*/' -> go
    // 'abc.*'  -> skip this rule,
    //    coz trailing single wildcard will be handed by [trailing wildcard]
    /(^|[^\\])(?:\\\*)+(?!$)/g,

    // '*.js' matches '.js'
    // '*.js' doesn't match 'abc'
    // 1. An asterisk "*" matches anything except a slash.
    // 2. Other consecutive asterisks are considered regular asterisks
    //    and collapse into one non-slash wildcard run.
    (_, p1) => p1 + WILDCARD,
    '*'
  ],

  // trailing wildcard, held apart from a literal star
  [
    // The step above leaves a trailing `*` alone, so a single `\*` is all that
    //   can be left at the end here, and what stands in front of it says which
    //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
    //   nothing before it; a literal arrives as the user's own escape, which
    //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
    //   There is no third case: every backslash still reaching the chain is
    //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
    //   own character, so a longer run can never form. This runs while the
    //   two are still distinct, before the unescape steps below collapse the
    //   literal onto the very `\*` a wildcard leaves behind.
    /(^|[^\\])((?:\\\\)*)\\\*$/,

    (match, p1, p2) =>
      p2 === EMPTY
        // A real wildcard: carry it to `_make` as the marker, so the unescape
        //   steps and the trailing-wildcard rewrite can never mistake it for a
        //   literal `\*` (nor the reverse).
        ? p1 + TRAILING_WILDCARD
        // A literal star: leave it exactly as it stands for the unescape steps.
        : match,
    '*'
  ],

  [
    // unescape, revert step 3 except for back slash
    // For example, if a user escape a '\\*',
    // after step 3, the result will be '\\\\\\*'
    /\\\\\\(?=[$.|*+(){^])/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // '\\\\' -> '\\'
    /\\\\/g,
    () => ESCAPE,
    ESCAPE + ESCAPE
  ],

  [
    // Every real bracket expression -- POSIX classes included -- has already
    //   been held aside by `extractBrackets`, so the only `[` left in the
    //   pattern is an escaped, literal one.

    // A backslash could only stand at the end of the range if it quoted the
    //   `]`, and `\]` is held aside long before this.
    /\\\[([^\]/]*?)($|\])/g,

    // '\\[bar]' -> '\\\\[bar]'
    (match, range, close) => `\\[${range}${close}`,
    '['
  ],

  // ending
  [
    // 'js' will not match 'js.'
    // 'ab' will not match 'abc'
    DIRECT,

    // WTF!
    // https://git-scm.com/docs/gitignore
    // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
    // which re-fixes #24, #38

    // > If there is a separator at the end of the pattern then the pattern
    // > will only match directories, otherwise the pattern can match both
    // > files and directories.

    // 'js*' will not match 'a.js'
    // 'js/' will not match 'a.js'
    // 'js' will match 'a.js' and 'a.js/'
    source => {
      const last = source[source.length - 1]

      // The pattern is empty, or ends in a pending marker `_make` owns --
      //   the trailing wildcard, or a trailing "/**". A trailing `*` that is
      //   not the marker is a literal star, which anchors like any other
      //   final character.
      if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
        return source
      }

      return last === SLASH
        // foo/ will not match 'foo'
        ? `${source}$`
        // foo matches 'foo' and 'foo/'
        : `${source}(?=$|\\/$)`
    }
  ]
]

const REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/
const MODE_IGNORE = 'regex'
const MODE_CHECK_IGNORE = 'checkRegex'
const UNDERSCORE = '_'

const replaceTrailingWildcard = (_, p1) => {
  const prefix = p1
    // '\^':
    // '/*' does not match EMPTY
    // '/*' does not match everything

    // '\\\/':
    // 'abc/*' does not match 'abc/'
    ? `${p1}[^/]+`

    // 'a*' matches 'a'
    // 'a*' matches 'aa'
    : '[^/]*'

  return `${prefix}(?=$|\\/$)`
}

const REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/

// 'abc/**' matches everything under 'abc', but not 'abc/' itself (#21):
//   requiring one arbitrary character (line terminators included, #176)
//   after 'abc/' is necessary and sufficient for `.test(path)`.
const replaceTrailingDoublestar = () => '[\\s\\S]'

// The fixed piece between the wildcard at `at` and the next wildcard of the
//   run: the tokens that separate them, joined as they appear in the source.
//   A run never holds two wildcards in a row, so there is always at least one
//   token.
const separatorAfter = (run, at) => {
  let separator = EMPTY

  for (let index = at + 1; index < run.length && !run[index].wildcard; index ++) {
    separator += run[index].single
  }

  return separator
}

// Where a run of non-slash wildcards is split by fixed pieces --
//   `[^/]*ab[^/]*cd...` -- the engine has many equivalent ways to lay the
//   input across the wildcards, and on input that does not match it works
//   through all of them, so the time grows with the number of wildcards
//   rather than the length of the path. Every wildcard but the last in such a
//   run can be pinned to stop where the piece after it begins, which leaves
//   one way to lay out the input and no rewinding, without changing which
//   paths match: the fixed pieces still bound the count, and the last
//   wildcard still absorbs the rest.
//
// A wildcard is pinned to the whole piece, never to the piece's first
//   character. The pin leaves no way back, so a wildcard that stopped at that
//   first character would hand over wherever the character happens to turn
//   up, including the places the rest of the piece cannot follow -- which is
//   how `f*o/*/*` came to miss `foo/b/c`, the first `o` of `foo` not being
//   the one the `o/` after it needs. Every token of a piece matches exactly
//   one character, so the first place the whole piece fits is the leftmost
//   place it can sit, and whatever is left over goes to the wildcards that
//   follow.
//
// The source is read one token at a time -- a wildcard, a single-character
//   piece (a literal, an escape, a class), or a parenthesised group or anchor
//   that ends the run -- so only a genuine wildcard is touched.
const pinWildcards = source => {
  if (source.indexOf(WILDCARD) < 0) {
    return source
  }

  const tokens = []
  const {length} = source
  let index = 0

  while (index < length) {
    const char = source[index]

    if (source.startsWith(WILDCARD, index)) {
      tokens.push({wildcard: true})
      index += WILDCARD.length
    } else if (char === '[') {
      let end = index + 1

      if (source[end] === '^') {
        end ++
      }

      if (source[end] === ']') {
        end ++
      }

      while (end < length && source[end] !== ']') {
        end += source[end] === ESCAPE
          ? 2
          : 1
      }

      end ++
      tokens.push({single: source.slice(index, end)})
      index = end
    } else if (char === ESCAPE) {
      tokens.push({single: source.slice(index, index + 2)})
      index += 2
    } else if (char === '(') {
      let depth = 0
      let end = index

      do {
        if (source[end] === ESCAPE) {
          end ++
        } else if (source[end] === '(') {
          depth ++
        } else if (source[end] === ')') {
          depth --
        }

        end ++
      } while (end < length && depth > 0)

      if ('*+?'.indexOf(source[end]) >= 0) {
        end ++
      }

      tokens.push({boundary: source.slice(index, end)})
      index = end
    } else if (char === '^' || char === '$') {
      tokens.push({boundary: char})
      index ++
    } else {
      tokens.push({single: char})
      index ++
    }
  }

  let out = EMPTY
  let run = []

  const flush = () => {
    let lastWildcard

    run.forEach((token, at) => {
      if (token.wildcard) {
        lastWildcard = at
      }
    })

    run.forEach((token, at) => {
      if (!token.wildcard) {
        out += token.single
        return
      }

      // Every wildcard but the last is pinned to the whole piece that
      //   follows it, for the reason set out above this function. The last
      //   one stays as it is and takes up the rest.
      out += at === lastWildcard
        ? WILDCARD
        : `(?:(?!${separatorAfter(run, at)})[^\\/])*`
    })

    run = []
  }

  tokens.forEach(token => {
    if (token.boundary === undefined) {
      run.push(token)
      return
    }

    flush()
    out += token.boundary
  })

  flush()

  return out
}

// @param {pattern}
const makeRegexPrefix = pattern => {
  // `/**` matches every path, as `**` does. The translation below only finds
  //   a globstar beside a slash it keeps, and the leading one is turned into
  //   an anchor, so `/**` would come out as `/*` and match one level only.
  //   Here rather than in `createRule`, so that `checkSourceOf`, which
  //   compiles `/**/` again without its trailing slash, gets it too.
  if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
    pattern = '**'
  }

  const {source, sources} = extractBrackets(pattern)

  const replaced = REPLACERS.reduce(
    // A pass whose matcher finds nothing hands back the very string it was
    //   given, so asking first costs a search and saves a rewrite. Ten of the
    //   fifteen passes never fire for a typical .gitignore line, and between
    //   them they were 45% of this chain.
    (prev, [matcher, replacer, required]) => {
      if (matcher === DIRECT) {
        return replacer(prev, pattern)
      }

      if (required !== UNDEFINED && prev.indexOf(required) < 0) {
        return prev
      }

      // A pass whose matcher finds nothing hands back the very string it was
      //   given, so asking first costs a search and saves a rewrite.
      return matcher.test(prev)
        ? prev.replace(matcher, replacer.bind(pattern))
        : prev
    },
    source
  )

  // Most patterns hold no bracket expression at all, and then there is
  //   nothing to put back.
  return sources.length
    ? replaced.replace(
      REGEX_RESTORE_PLACEHOLDER,
      (match, index) => sources[index]
    )
    : replaced
}

// `checkRegex` tests a path with a trailing slash, 'abc/', the way
//   `git check-ignore` matches that literal string once the directory itself
//   is known not to be excluded (see `checkIgnore`): a trailing '/' of the
//   pattern is dropped, a basename pattern sees an empty basename, and only a
//   pattern whose last segment is a pending wildcard can match what is left
//   after the final slash -- 'abc/*' and 'abc/**' match 'abc/', and 'abc/**'
//   also matches 'abc/d/' (#77, #169).
const checkSourceOf = (body, prefix) => {
  if (body[body.length - 1] === SLASH) {
    prefix = makeRegexPrefix(body.slice(0, - 1))
  }

  const head = prefix.slice(0, - 1)
  const last = prefix[prefix.length - 1]

  return last === TRAILING_WILDCARD
    ? `${head}$`
    : last === TRAILING_DOUBLESTAR
      ? head
      : NEVER_MATCH
}

// A trailing slash does not stop a pattern being basename-only: it restricts
//   the match to a directory, it does not let the pattern reach across one.
//   Everything else a pattern can hold -- a wildcard, a character class, an
//   escape -- stays inside a single path segment too, so a pattern with no
//   separator in it can only ever describe the last one.
const matchesBasename = body => {
  const index = body.indexOf(SLASH)

  return index < 0 || index === body.length - 1
}

// The last segment of a path, keeping a trailing slash, because a pattern that
//   ends in one matches only a directory.
// 'a/b/c.js' -> 'c.js';  'a/b/' -> 'b/';  'c.js' -> 'c.js' (no copy made)
const basenameOf = path => {
  const end = path.length - 1

  const index = path.lastIndexOf(
    SLASH,
    path[end] === SLASH
      ? end - 1
      : end
  )

  return index < 0
    ? path
    : path.slice(index + 1)
}

// The parent directory of a path, with its trailing separator, or EMPTY when
//   the path has none.
// 'a/b/c' -> 'a/b/';  'a/b/' -> 'a/';  'a' -> EMPTY;  'a/' -> EMPTY
//
// A path holding an empty segment has to be taken apart, because its
//   ancestors are not prefixes of it: the parent of 'a//b' is 'a/', not
//   'a//', and the parent of '/a/' is nothing at all. Both shapes reach here
//   -- 'a//b' is accepted outright, and `checkIgnore` does not put the path
//   it is given through the relative-path check.
//
// Every other path is a prefix of itself, and cutting one costs a fraction of
//   splitting it into an array and joining that back at every level: 73ns
//   against 207ns.
const parentOf = path => {
  if (
    path.charCodeAt(0) === SLASH_CODE
    || path.indexOf(DOUBLE_SLASH) >= 0
  ) {
    const slices = path.split(SLASH).filter(Boolean)

    slices.pop()

    return slices.length
      ? slices.join(SLASH) + SLASH
      : EMPTY
  }

  const end = path.length - 1

  // Look back from before a trailing separator, since that one belongs to the
  //   path itself.
  //
  // A negative place to start would be a trap here: `lastIndexOf` clamps one
  //   to 0 and searches there rather than reporting no match, so '/' would
  //   come back as its own parent and the walk would never end. It cannot
  //   happen -- that is the only path short enough to produce one, and the
  //   test above has already sent it the other way.
  const cut = path.lastIndexOf(
    SLASH,
    path.charCodeAt(end) === SLASH_CODE
      ? end - 1
      : end
  )

  return cut < 0
    ? EMPTY
    : path.slice(0, cut + 1)
}

const isString = subject => typeof subject === 'string'

// Blank lines, comments and trailing lone backslashes are told by
//   `createRule`, once the pattern is normalized.
const checkPattern = pattern => pattern
  && isString(pattern)

// Git drops one CR before each LF, and one at the end of a final line that
//   has no LF after it.
const splitPattern = pattern => (
  pattern[pattern.length - 1] === '\r'
    ? pattern.slice(0, - 1)
    : pattern
)
.split(REGEX_SPLITALL_CRLF)
.filter(Boolean)

class IgnoreRule {
  constructor (
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    prefix
  ) {
    this.pattern = pattern
    this.mark = mark
    this.negative = negative

    define(this, 'body', body)
    define(this, 'ignoreCase', ignoreCase)
    define(this, 'regexPrefix', prefix)
  }

  // Worked out on first use and kept behind an own property, the way `regex`
  //   caches itself in `_regex`. Deciding it in the constructor instead would
  //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
  //   every compile -- including the compiles of rules that are never matched
  //   against anything.
  get _basenameOnly () {
    return define(this, '_basenameOnly', matchesBasename(this.body))
  }

  get regex () {
    const key = UNDERSCORE + MODE_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_IGNORE, key)
  }

  get checkRegex () {
    const key = UNDERSCORE + MODE_CHECK_IGNORE

    if (this[key]) {
      return this[key]
    }

    return this._make(MODE_CHECK_IGNORE, key)
  }

  _make (mode, key) {
    const str = pinWildcards(
      mode === MODE_IGNORE
        ? this.regexPrefix
        .replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard)
        .replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar)
        : checkSourceOf(this.body, this.regexPrefix)
    )

    const regex = this.ignoreCase
      ? new RegExp(str, 'i')
      : new RegExp(str)

    return define(this, key, regex)
  }
}

const hasTrailingBackslash = str => {
  let count = 0

  while (str[str.length - count - 1] === ESCAPE) {
    count ++
  }

  return count % 2 === 1
}

// Read a line the way git does: when `stripLineEnd` is set (an unsplit array
//   or object pattern), drop any trailing blank lines along with the LF
//   before each and at most one CR at the end of the line; then trim trailing
//   spaces in the same backward pass. Git trims spaces only, and a space
//   escaped by an odd run of backslashes stays, unescaped, as the last one.
// Scanned from the end: a regular expression can only try each start in
//   turn, which is quadratic over a long run of spaces or backslashes.
// 'a  ' -> 'a';  'a\ ' -> 'a ';  'a\\ ' -> 'a\\';  'a\t' -> 'a\t'
// 'a\r\n' -> 'a';  'a\r\r' -> 'a\r';  'a\n\r' -> 'a'
const trimEnd = (body, stripLineEnd) => {
  let lineEnd = body.length
  let end

  for (;;) {
    if (stripLineEnd && body[lineEnd - 1] === '\r') {
      lineEnd --
    }

    end = lineEnd

    while (body[end - 1] === SPACE) {
      end --
    }

    if (!stripLineEnd || body[end - 1] !== '\n') {
      break
    }

    lineEnd = end - 1
  }

  if (end === lineEnd) {
    return body.slice(0, lineEnd)
  }

  let backslashes = 0

  while (body[end - backslashes - 1] === ESCAPE) {
    backslashes ++
  }

  return backslashes % 2
    ? body.slice(0, end - 1) + SPACE
    : body.slice(0, end)
}

const createRule = (
  pattern,
  mark,
  ignoreCase,
  stripLineEnd,
  stripBOM
) => {
  // Git drops a BOM before it reads the first line, so before anything else.
  let body = stripBOM && pattern[0] === BOM
    ? pattern.slice(1)
    : pattern

  // > A line starting with # serves as a comment.
  if (body[0] === '#') {
    return
  }

  let negative = false

  // > An optional prefix "!" which negates the pattern;
  if (body[0] === '!') {
    negative = true
    body = body.slice(1)
  }

  // Normalize the body before checking which slashes anchor the pattern.
  //   Otherwise `bar/ ` is mistaken for a pattern containing an inner slash.
  //   A line from `splitPattern` has already lost its line ending, so only a
  //   trailing space remains to trim there.
  const last = body[body.length - 1]

  if (
    last === SPACE
    || stripLineEnd && (last === '\r' || last === '\n')
  ) {
    body = trimEnd(body, stripLineEnd)
  }

  // > A blank line matches no files, so it can serve as a separator for
  // >   readability.
  // Nor does a lone "!", a pattern ending on an unpaired backslash, or
  //   anything else left empty here: an empty pattern would compile to a
  //   regex matching every path.
  if (!body || hasTrailingBackslash(body)) {
    return
  }

  body = body
  // > Put a backslash ("\") in front of the first "!" for patterns that
  // >   begin with a literal "!", for example, `"\!important!.txt"`.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, '!')
  // > Put a backslash ("\") in front of the first hash for patterns that
  // >   begin with a hash.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, '#')

  const regexPrefix = makeRegexPrefix(body)

  return new IgnoreRule(
    pattern,
    mark,
    body,
    ignoreCase,
    negative,
    regexPrefix
  )
}

class RuleManager {
  constructor (ignoreCase) {
    this._ignoreCase = ignoreCase
    this._rules = []

    // How many of the rules git would tag `EXC_FLAG_NODIR`.
    //
    // The scan uses it to decide, once for the whole set, whether handing
    //   those rules the basename is worth what it costs the others. The
    //   shortcut saves a full-path scan on every rule it applies to and costs
    //   a check on every rule it does not, so a set where almost nothing is
    //   basename-only comes out behind -- a 955 pattern set with 44 of them
    //   measured 19% slower with the shortcut always on.
    //
    // Deciding this by measurement rather than by meaning is safe: a
    //   basename-only pattern gives the very same answer against the whole
    //   path, it just takes longer to say so. The choice can only change how
    //   fast the scan runs, never what it returns.
    this._basenameCount = 0
  }

  _add (pattern, index) {
    // #32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules._rules)
      this._basenameCount += pattern._rules._basenameCount
      this._added = true
      return
    }

    const isStr = isString(pattern)
    const raw = isStr
      ? pattern
      : pattern.pattern

    const rule = checkPattern(raw)
      && createRule(
        raw,
        isStr ? UNDEFINED : pattern.mark,
        this._ignoreCase,
        !this._split,
        this._stripBOM && !index
      )

    if (rule) {
      this._added = true
      this._rules.push(rule)

      // Deliberately not `rule._basenameOnly`: reading that would materialise
      //   the rule's own copy, and the whole point of leaving it lazy is that
      //   a rule which is compiled and never matched never pays for it.
      if (matchesBasename(rule.body)) {
        this._basenameCount ++
      }
    }
  }

  // @param {Array<string> | string | Ignore} pattern
  add (pattern) {
    this._added = false
    this._split = isString(pattern)
    this._stripBOM = !this._split || pattern[0] === BOM

    makeArray(
      this._split
        ? splitPattern(pattern)
        : pattern
    ).forEach(this._add, this)

    if (this._added) {
      this._literalRules = UNDEFINED
    }

    return this._added
  }

  // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
  //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
  //   are left out once, rather than tested or compiled for every path.
  testLiteral (path) {
    const rules = this._literalRules || (
      this._literalRules = this._rules.filter(
        ({body}) => body[body.length - (
          body[body.length - 1] === SLASH ? 2 : 1
        )] === '*'
      )
    )

    let ignored = false
    let unignored = false
    let matchedRule

    for (let index = rules.length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule.checkRegex.test(path)) {
        ignored = !rule.negative
        unignored = rule.negative
        matchedRule = rule.negative
          ? UNDEFINED
          : rule
        break
      }
    }

    const ret = {
      ignored,
      unignored
    }

    if (matchedRule) {
      ret.rule = matchedRule
    }

    return ret
  }

  // Test one single path without recursively checking parent directories
  //
  // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`

  // @returns {TestResult}
  test (path, mode) {
    // Most of a .gitignore is patterns with no slash in them, and running
    //   those against the whole path makes the regular expression engine walk
    //   every directory name on the way to the only segment that could match.
    //   Handing them the basename instead is what git does, and it is where
    //   the time in a directory walk goes: the rule scan was two thirds of it.
    const rules = this._rules
    const {length} = rules

    const shortcut = this._basenameCount * 2 >= length

    const basename = shortcut
      ? basenameOf(path)
      : path

    // The last rule to match decides, as in git, and it is the rule
    //   `git check-ignore -v` reports, so the scan runs from the end and stops
    //   at the first match.
    // A plain loop rather than `forEach`, so that `path`, `basename` and
    //   `shortcut` are locals. As a callback they became closure variables,
    //   and reaching for one of those once per rule cost 10% of a scan over a
    //   large rule set -- more than the shortcut they were there to serve.
    for (let index = length - 1; index >= 0; index --) {
      const rule = rules[index]

      if (rule[mode].test(
        shortcut && rule._basenameOnly
          ? basename
          : path
      )) {
        const {negative} = rule

        const ret = {
          ignored: !negative,
          unignored: negative
        }

        if (!negative) {
          ret.rule = rule
        }

        return ret
      }
    }

    return {
      ignored: false,
      unignored: false
    }
  }
}

const throwError = (message, Ctor) => {
  throw new Ctor(message)
}

const checkPath = (path, originalPath, doThrow) => {
  if (!isString(path)) {
    return doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    )
  }

  // We don't know if we should ignore EMPTY, so throw
  if (!path) {
    return doThrow(`path must not be empty`, TypeError)
  }

  // Check if it is a relative path
  if (checkPath.isNotRelative(path)) {
    const r = '`path.relative()`d'
    return doThrow(
      `path should be a ${r} string, but got "${originalPath}"`,
      RangeError
    )
  }

  return true
}

// > pathname should be a `path.relative()`d one
//
// The same thing `REGEX_TEST_INVALID_PATH` says, spelled out: a path is not
//   relative if it begins with a separator, or with `./` or `../`, or is
//   nothing but `.` or `..`. Every match is decided by the first three
//   characters, and this runs on every path handed to the library -- where it
//   was 55% of a cached lookup, more than the cache lookup itself.
const isNotRelative = path => {
  const first = path.charCodeAt(0)

  if (first === SLASH_CODE) {
    return true
  }

  if (first !== DOT_CODE) {
    return false
  }

  // '.'
  if (path.length === 1) {
    return true
  }

  const second = path.charCodeAt(1)

  // './'
  if (second === SLASH_CODE) {
    return true
  }

  if (second !== DOT_CODE) {
    return false
  }

  // '..' or '../'
  return path.length === 2 || path.charCodeAt(2) === SLASH_CODE
}

checkPath.isNotRelative = isNotRelative

// On windows, the following function will be replaced
/* istanbul ignore next */
checkPath.convert = p => p


const convertPath = target =>
  isString(target) && checkPath.convert(target)


class Ignore {
  constructor ({
    ignorecase = true,
    ignoreCase = ignorecase,
    allowRelativePaths = false
  } = {}) {
    define(this, KEY_IGNORE, true)

    this._rules = new RuleManager(ignoreCase)
    this._strictPathCheck = !allowRelativePaths
    this._initCache()
  }

  _initCache () {
    // A cache for the result of `.ignores()`
    this._ignoreCache = Object.create(null)

    // A cache for the result of `.test()`
    this._testCache = Object.create(null)
  }

  add (pattern) {
    if (this._rules.add(pattern)) {
      // Some rules have just added to the ignore,
      //   making the behavior changed,
      //   so we need to re-initialize the result cache
      this._initCache()
    }

    return this
  }

  // legacy
  addPattern (pattern) {
    return this.add(pattern)
  }

  // @returns {TestResult}
  _test (originalPath, cache, path) {
    checkPath(
      path,
      originalPath,
      this._strictPathCheck
        ? throwError
        : RETURN_FALSE
    )

    return path
      ? this._t(path, cache)
      : {
        ignored: false,
        unignored: false
      }
  }

  checkIgnore (target) {
    // A Windows path is converted first, so that a directory given with a
    //   trailing separator, `\` or `/`, is told the same way
    const path = convertPath(target)

    // If the path does not end with a slash, `.ignores()` is much equivalent
    //   to `git check-ignore`
    if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
      return this._test(target, this._testCache, path)
    }

    // Like `git check-ignore`: a directory excluded by itself or by an
    //   ancestor settles it, and only then is the literal 'abc/' matched
    //   against the rules (see `checkSourceOf`).
    const dir = this._t(path, this._testCache)

    if (dir.ignored) {
      return dir
    }

    const literal = this._rules.testLiteral(path)

    return literal.ignored || literal.unignored
      ? literal
      : dir
  }

  _t (
    // The path to be tested
    path,

    // The cache for the result of a certain checking
    cache
  ) {
    if (path in cache) {
      return cache[path]
    }

    const parentPath = parentOf(path)

    // If the path contains a parent directory, check the parent first
    const parent = parentPath
      ? this._t(parentPath, cache)
      : UNDEFINED

    return cache[path] = parent && parent.ignored
      // > It is not possible to re-include a file if a parent directory of
      // >   that file is excluded.
      ? parent
      : this._rules.test(path, MODE_IGNORE)
  }

  ignores (path) {
    return this._test(path, this._ignoreCache, convertPath(path)).ignored
  }

  createFilter () {
    return path => !this.ignores(path)
  }

  filter (paths) {
    return makeArray(paths).filter(this.createFilter())
  }

  // @returns {TestResult}
  test (path) {
    return this._test(path, this._testCache, convertPath(path))
  }
}

const factory = options => new Ignore(options)

const isPathValid = path =>
  checkPath(convertPath(path), path, RETURN_FALSE)

/* istanbul ignore next */
const setupWindows = () => {
  /* eslint no-control-regex: "off" */
  const makePosix = str => /^\\\\\?\\/.test(str)
  || /["<>|\u0000-\u001F]+/u.test(str)
    ? str
    : str.replace(/\\/g, '/')

  checkPath.convert = makePosix

  // 'C:\\foo'     <- 'C:\\foo' has been converted to 'C:/'
  // 'd:\\foo'
  const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i
  checkPath.isNotRelative = path =>
    REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path)
    || isNotRelative(path)
}


// Windows
// --------------------------------------------------------------
/* istanbul ignore next */
if (
  // Detect `process` so that it can run in browsers.
  typeof process !== 'undefined'
  && process.platform === 'win32'
) {
  setupWindows()
}

// COMMONJS_EXPORTS ////////////////////////////////////////////////////////////

module.exports = factory

// Although it is an anti-pattern,
//   it is still widely misused by a lot of libraries in github
// Ref: https://github.com/search?q=ignore.default%28%29&type=code
factory.default = factory

module.exports.isPathValid = isPathValid

// For testing purposes
define(module.exports, Symbol.for('setupWindows'), setupWindows)


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * A problem the user can fix: a bad input, a malformed file, a missing project.
 * Its message is one line naming the cause (input, file, line, entry) and is shown without a stack.
 */
class UserError extends Error {
    name = "UserError";
}
/** One line for a user error, the stack for anything else (a bug). */
function formatError(error) {
    if (error instanceof UserError)
        return error.message;
    if (error instanceof Error)
        return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
}
/** The message of any thrown value, without a stack: for warnings about recoverable failures. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
function assertNever(value) {
    throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

;// CONCATENATED MODULE: ./src/cache/cache-dir.ts


/**
 * Where the local cache lives by default: `$WHEEL_CACHE_DIR`, else the platform's user cache
 * directory (`$XDG_CACHE_HOME/wheel-cache` or `~/.cache/wheel-cache`; on macOS
 * `~/Library/Caches/wheel-cache`; on Windows `%LOCALAPPDATA%\wheel-cache\Cache`).
 * A pure function of its arguments; throws a UserError when no home directory is known.
 */
function defaultCacheDir(env, platform) {
    if (env.WHEEL_CACHE_DIR)
        return env.WHEEL_CACHE_DIR;
    const { HOME: home, XDG_CACHE_HOME: xdg } = env;
    if (platform === "win32") {
        const local = env.LOCALAPPDATA || (env.USERPROFILE && external_node_path_default().win32.join(env.USERPROFILE, "AppData", "Local"));
        if (local)
            return external_node_path_default().win32.join(local, "wheel-cache", "Cache");
    }
    else if (platform === "darwin") {
        if (home)
            return external_node_path_default().posix.join(home, "Library", "Caches", "wheel-cache");
    }
    else if (xdg && external_node_path_default().posix.isAbsolute(xdg)) {
        // The XDG spec says a relative value is invalid and must be ignored.
        return external_node_path_default().posix.join(xdg, "wheel-cache");
    }
    else if (home) {
        return external_node_path_default().posix.join(home, ".cache", "wheel-cache");
    }
    throw new UserError("cannot tell where to keep the local cache: set WHEEL_CACHE_DIR");
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/cache/local.ts




/** A tmp dir untouched for this long belongs to a save that was killed. */
const STALE_TMP_MS = 60 * 60 * 1000;
/**
 * A cache in a local directory, safe under concurrent use by several processes.
 *
 * Layout: `<cacheDir>/v1/entries/<sha256(key)>/` holds `entry.json` (`{ key, created }`) and
 * `data/` (a copy of the saved directory). A save copies into `<cacheDir>/v1/tmp/<random>/` and
 * then renames that onto the entry path, so an entry is only ever reachable complete, and of
 * several concurrent saves of one key exactly one wins. A restore touches `entry.json`, so its
 * modification time says when the entry was last used (what `cache prune` goes by).
 */
class LocalCache {
    cacheDir;
    kind = "local";
    entries;
    tmp;
    constructor(cacheDir) {
        this.cacheDir = cacheDir;
        this.entries = external_node_path_default().join(cacheDir, "v1", "entries");
        this.tmp = external_node_path_default().join(cacheDir, "v1", "tmp");
    }
    async restore(request) {
        let entry;
        try {
            entry = await this.find(request.key, request.restoreKeys ?? []);
        }
        catch (error) {
            const warning = `cannot read the cache directory ${this.cacheDir}: ${errorMessage(error)}`;
            return { status: "unavailable", warning };
        }
        if (!entry)
            return { status: "miss" };
        await touch(entry);
        if (!request.lookupOnly) {
            try {
                await (0,promises_namespaceObject.mkdir)(request.dir, { recursive: true });
                await (0,promises_namespaceObject.cp)(external_node_path_default().join(entry.path, "data"), request.dir, { recursive: true, force: true });
            }
            catch (error) {
                const warning = `could not restore cache entry ${entry.key} into ${request.dir} (it may hold a partial copy): ${errorMessage(error)}`;
                return { status: "unavailable", warning };
            }
        }
        return { status: "hit", matchedKey: entry.key };
    }
    async save(request) {
        const target = this.entryPath(request.key);
        let staging;
        try {
            await (0,promises_namespaceObject.mkdir)(this.entries, { recursive: true });
            await (0,promises_namespaceObject.mkdir)(this.tmp, { recursive: true });
            if (await readEntry(target))
                return { status: "exists" };
            await this.sweep();
            staging = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(this.tmp, "save-"));
        }
        catch (error) {
            const warning = `cannot write the cache directory ${this.cacheDir}: ${errorMessage(error)}`;
            return { status: "failed", warning };
        }
        try {
            await (0,promises_namespaceObject.cp)(request.dir, external_node_path_default().join(staging, "data"), { recursive: true });
            const entry = { key: request.key, created: Date.now() };
            await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(staging, "entry.json"), `${JSON.stringify(entry)}\n`);
            await this.place(staging, target, request.key);
            return { status: "saved" };
        }
        catch (error) {
            // Best effort: a leftover staging dir only costs space, and a later save sweeps it.
            await (0,promises_namespaceObject.rm)(staging, { recursive: true, force: true }).catch(() => undefined);
            // Losing the rename to a concurrent save (ENOTEMPTY, EEXIST, EPERM on Windows) is a success.
            if (await readEntry(target))
                return { status: "exists" };
            const warning = `could not save cache entry ${request.key} in ${this.cacheDir}: ${errorMessage(error)}`;
            return { status: "failed", warning };
        }
    }
    /**
     * Renames a complete staging dir onto the entry path. Entries appear whole, by rename, so a
     * directory already there without a valid entry.json is damaged (never a save in progress): it
     * is removed and the rename tried once more. A valid one is a concurrent save that won.
     */
    async place(staging, target, key) {
        try {
            await (0,promises_namespaceObject.rename)(staging, target);
        }
        catch (error) {
            if (await readEntry(target))
                throw error;
            await this.discard(key);
            await (0,promises_namespaceObject.rename)(staging, target);
        }
    }
    async discard(key) {
        // Renamed away first, so a reader never sees it half removed.
        const doomed = external_node_path_default().join(this.tmp, `discard-${Date.now()}-${process.pid}`);
        await (0,promises_namespaceObject.mkdir)(this.tmp, { recursive: true });
        await (0,promises_namespaceObject.rename)(this.entryPath(key), doomed).catch((error) => {
            if (error.code !== "ENOENT")
                throw error;
        });
        await (0,promises_namespaceObject.rm)(doomed, { recursive: true, force: true });
    }
    entryPath(key) {
        return external_node_path_default().join(this.entries, (0,external_node_crypto_namespaceObject.createHash)("sha256").update(key).digest("hex"));
    }
    /** The exact key, else for each prefix in order the newest entry (tiebreak: greatest key). */
    async find(key, prefixes) {
        const exact = await readEntry(this.entryPath(key));
        if (exact?.key === key)
            return exact;
        if (prefixes.length === 0)
            return undefined;
        const all = await this.scan();
        for (const prefix of prefixes) {
            const newest = all
                .filter((e) => e.key.startsWith(prefix))
                .sort((a, b) => b.created - a.created || (a.key < b.key ? 1 : -1))[0];
            if (newest)
                return newest;
        }
        return undefined;
    }
    /** Every complete entry (saves in progress are not entries yet); an absent cache is empty. */
    list() {
        return this.scan();
    }
    /** Every readable entry; an absent cache is empty, an unreadable one throws. */
    async scan() {
        let names;
        try {
            names = await (0,promises_namespaceObject.readdir)(this.entries);
        }
        catch (error) {
            if (error.code === "ENOENT")
                return [];
            throw error;
        }
        const found = await Promise.all(names.map((name) => readEntry(external_node_path_default().join(this.entries, name))));
        return found.filter((e) => e !== undefined);
    }
    /** Removes staging dirs left by killed saves and removals, so they cannot pile up. */
    async sweep() {
        const cutoff = Date.now() - STALE_TMP_MS;
        const names = await (0,promises_namespaceObject.readdir)(this.tmp).catch((error) => {
            if (error.code === "ENOENT")
                return [];
            throw error;
        });
        for (const name of names) {
            const stale = external_node_path_default().join(this.tmp, name);
            // Best effort: another process may be sweeping the same dir, and a dir that cannot be
            // removed now only costs space; neither is a reason to fail this save.
            await (0,promises_namespaceObject.stat)(stale)
                .then((s) => (s.mtimeMs < cutoff ? (0,promises_namespaceObject.rm)(stale, { recursive: true, force: true }) : undefined))
                .catch(() => undefined);
        }
    }
}
/**
 * Marks an entry used now. Best effort: a read-only cache is still read, and an entry a
 * concurrent prune just removed is simply not there to mark.
 */
async function touch(entry) {
    const now = new Date();
    await (0,promises_namespaceObject.utimes)(external_node_path_default().join(entry.path, "entry.json"), now, now).catch(() => undefined);
}
/** The entry at `dir`, or undefined if it is absent, partial or corrupt (a miss, not an error). */
async function readEntry(dir) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, "entry.json"), "utf8"));
    }
    catch {
        // Missing, unreadable or malformed: an entry we cannot trust is treated as absent.
        return undefined;
    }
    if (typeof parsed !== "object" || parsed === null)
        return undefined;
    const { key, created } = parsed;
    if (typeof key !== "string" || typeof created !== "number")
        return undefined;
    return { key, created, path: dir };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/shared/command-line.ts

/**
 * Splits a command line into argv the way a POSIX shell splits words, without expanding
 * anything: whitespace separates words, single quotes are literal, double quotes allow `\"` and
 * `\\`. No shell runs the result, so nothing in it can inject a command.
 */
function splitCommand(text, origin) {
    const words = [];
    let word;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote === "'") {
            if (c === "'")
                quote = undefined;
            else
                word += c;
        }
        else if (quote === '"') {
            if (c === '"')
                quote = undefined;
            else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\"))
                word += text[++i];
            else
                word += c;
        }
        else if (/\s/.test(c)) {
            if (word !== undefined)
                words.push(word);
            word = undefined;
        }
        else if (c === "'" || c === '"') {
            quote = c;
            word ??= "";
        }
        else if (c === "\\" && i + 1 < text.length) {
            word = (word ?? "") + text[++i];
        }
        else {
            word = (word ?? "") + c;
        }
    }
    if (quote)
        throw new UserError(`${origin}: unclosed ${quote} in ${JSON.stringify(text)}`);
    if (word !== undefined)
        words.push(word);
    return words;
}
/** argv back to one readable line, quoting words that need it. */
function joinCommand(argv) {
    return argv
        .map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`))
        .join(" ");
}
/**
 * Splits a build command for the platform it runs on. Elsewhere than Windows, as a POSIX shell
 * splits words, across lines too (a line break is a space, or part of a quoted word: `python -c
 * '...'` with a script of several lines). On Windows a command of several lines is one argument
 * per line, taken as written, and one line is split as the C runtime splits a command line:
 * backslashes are literal except before a double quote, so `C:\\Users\\me\\dist` stays one path.
 */
function splitCommandFor(text, origin, platform = process.platform) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    if (platform !== "win32")
        return splitCommand(text, origin);
    return lines.length > 1 ? lines : splitWindows(lines[0] ?? "", origin);
}
/** The Microsoft C runtime's rules (CommandLineToArgvW) for splitting one command line. */
function splitWindows(text, origin) {
    const words = [];
    let word;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "\\") {
            let slashes = 0;
            while (text[i] === "\\") {
                slashes++;
                i++;
            }
            if (text[i] === '"') {
                word = (word ?? "") + "\\".repeat(Math.floor(slashes / 2));
                if (slashes % 2 === 1)
                    word += '"';
                else
                    quoted = !quoted;
            }
            else {
                word = (word ?? "") + "\\".repeat(slashes);
                i--;
            }
        }
        else if (c === '"') {
            if (quoted && text[i + 1] === '"') {
                word = `${word ?? ""}"`;
                i++;
            }
            else {
                quoted = !quoted;
                word ??= "";
            }
        }
        else if (!quoted && /\s/.test(c)) {
            if (word !== undefined)
                words.push(word);
            word = undefined;
        }
        else {
            word = (word ?? "") + c;
        }
    }
    if (quoted)
        throw new UserError(`${origin}: unclosed " in ${JSON.stringify(text)}`);
    if (word !== undefined)
        words.push(word);
    return words;
}

;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/shared/interrupt.ts



/**
 * Signals that end a run (Ctrl-C, `kill`, a cancelled job) and the build's process group. A build
 * runs as a process group of its own (with its tracer, when traced), so that it can be ended
 * whole: a signal to the run is forwarded to it, and a time limit ends it the same way. What a
 * run must undo when it is interrupted (process groups to end, directories to remove) is tracked
 * here, per process, because a signal is.
 */
/** A run ended by a signal: where it surfaces, the entry point says nothing more (see below). */
class Interrupted extends Error {
    signal;
    name = "Interrupted";
    constructor(signal) {
        super(`interrupted by ${signal}`);
        this.signal = signal;
    }
}
/** The conventional exit status of a process ended by `signal`: 128 + its number. */
function signalStatus(signal) {
    return 128 + ((external_node_os_default()).constants.signals[signal] ?? 0);
}
/** How long a group has after a polite signal before it is killed. */
const GRACE_MS = 5_000;
/** How long a killed group may take to be gone; a process that outlives it is left to the OS. */
const KILL_WAIT_MS = 2_000;
const POLL_MS = 50;
const groups = new Set();
const dirs = new Set();
let received;
/** The signal that interrupts this run, once one has arrived. */
function interruption() {
    return received;
}
/** Ends the process group `pgid` when the run is interrupted; returns the undo. */
function trackGroup(pgid) {
    groups.add(pgid);
    return () => groups.delete(pgid);
}
/** Removes `dir` when the run is interrupted; returns the undo. */
function trackDir(dir) {
    dirs.add(dir);
    return () => dirs.delete(dir);
}
/**
 * Ends a process group: `signal` first, SIGKILL to what is left after a grace period. Resolves
 * once no process of the group runs (zombies aside), or when waiting longer would not help.
 */
async function endGroup(pgid, signal, graceMs = GRACE_MS) {
    send(pgid, signal);
    if (await gone(pgid, graceMs))
        return;
    send(pgid, "SIGKILL");
    await gone(pgid, KILL_WAIT_MS);
}
/**
 * Handles SIGINT, SIGTERM and SIGHUP for the rest of the process: the build's process group gets
 * the same signal (and SIGKILL if it lingers), the run's directories are removed, `say` tells the
 * user in one line, and `exit` ends the process with 128 + the signal's number. A second signal
 * kills the group at once.
 */
function handleInterrupts(say, exit) {
    const handle = (signal) => {
        if (received) {
            for (const pgid of groups)
                send(pgid, "SIGKILL");
            return;
        }
        received = signal;
        const building = groups.size > 0;
        void Promise.all([...groups].map((pgid) => endGroup(pgid, signal))).then(() => {
            for (const dir of dirs)
                (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true, maxRetries: 2 });
            say(`interrupted by ${signal}${building ? ": the build was ended" : ""}`);
            exit(signalStatus(signal));
        });
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
        process.on(signal, handle);
}
function send(pgid, signal) {
    try {
        process.kill(process.platform === "win32" ? pgid : -pgid, signal);
    }
    catch (error) {
        // ESRCH: the group is already gone, which is what was wanted.
        if (error.code !== "ESRCH")
            throw error;
    }
}
/** Waits (bounded) until no process of the group runs; whether it got there. */
async function gone(pgid, ms) {
    for (let waited = 0; waited < ms; waited += POLL_MS) {
        if (!groupRuns(pgid))
            return true;
        await (0,external_node_timers_promises_namespaceObject.setTimeout)(POLL_MS);
    }
    return !groupRuns(pgid);
}
/** Whether a process of the group still runs: zombies (exited, not yet reaped) do not count. */
function groupRuns(pgid) {
    if (process.platform === "linux") {
        return (0,external_node_fs_namespaceObject.readdirSync)("/proc").some((name) => /^\d+$/.test(name) && runsIn(name, pgid));
    }
    try {
        process.kill(process.platform === "win32" ? pgid : -pgid, 0);
        return true;
    }
    catch (error) {
        // ESRCH: no process of the group is left; EPERM: one is, but not ours to signal.
        const code = error.code;
        if (code === "ESRCH")
            return false;
        if (code === "EPERM")
            return true;
        throw error;
    }
}
/** Whether /proc/<pid> is a live process of group `pgid` (`stat`: pid (comm) state ppid pgrp). */
function runsIn(pid, pgid) {
    let stat;
    try {
        stat = (0,external_node_fs_namespaceObject.readFileSync)(`/proc/${pid}/stat`, "utf8");
    }
    catch (error) {
        // ENOENT/ESRCH: the process ended while the list was read.
        const code = error.code;
        if (code === "ENOENT" || code === "ESRCH")
            return false;
        throw error;
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(pgrp) === pgid && state !== "Z";
}

;// CONCATENATED MODULE: ./src/shared/which.ts


/** What Windows tries after a bare name when PATHEXT is unset. */
const DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";
/**
 * The full path of `name` on PATH, or undefined. On Windows as its command search does: each
 * PATHEXT extension in turn (a name that has one of them is tried as written first), so that
 * `npm` finds `npm.cmd`; a name with a directory in it is looked up there only.
 */
function which(name, env, platform = process.platform, isExecutable = isExecutableFile) {
    const windows = platform === "win32";
    const paths = windows ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const exts = windows ? extensionsFor(name, env) : [""];
    const hasDir = windows ? /[\\/]/.test(name) : name.includes("/");
    const dirs = hasDir ? [""] : (env.PATH ?? env.Path ?? "").split(paths.delimiter).filter(Boolean);
    for (const dir of dirs) {
        for (const ext of exts) {
            const candidate = dir ? paths.join(dir, name + ext) : name + ext;
            if (isExecutable(candidate))
                return candidate;
        }
    }
    return undefined;
}
/** The suffixes Windows tries for `name`: none first when it has a PATHEXT extension already. */
function extensionsFor(name, env) {
    const exts = (env.PATHEXT || DEFAULT_PATHEXT).split(";").filter(Boolean);
    const own = external_node_path_default().win32.extname(name).toLowerCase();
    return own && exts.some((e) => e.toLowerCase() === own) ? ["", ...exts] : exts;
}
function isExecutableFile(file) {
    try {
        if (!(0,external_node_fs_namespaceObject.statSync)(file).isFile())
            return false;
        (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        // Not there or not executable: not a match, the search goes on.
        return false;
    }
}
/**
 * The default interpreter name for a platform: Windows runners have `python` but no `python3`
 * (the `py` launcher only when `python` is not on PATH); elsewhere `python3`, which is there when `python` is Python 2 or
 * missing.
 */
function defaultPython(env, platform = process.platform, isExecutable = isExecutableFile) {
    const found = (name) => which(name, env, platform, isExecutable) !== undefined;
    if (platform === "win32")
        return !found("python") && found("py") ? "py" : "python";
    return found("python3") ? "python3" : "python";
}

;// CONCATENATED MODULE: ./src/shared/invocation.ts


/**
 * How to start `argv` without a shell on `platform`. Elsewhere than Windows, as written: the
 * spawn searches PATH itself. On Windows the spawn finds only `.exe` and `.com` programs, and
 * refuses batch files outright, yet npm's tools (and `pyenv-win`'s interpreters) are `.cmd` or
 * `.bat` shims: the program is looked up with PATHEXT as Windows would, and a batch file is run by
 * `cmd.exe /d /s /c` with every word quoted for it. A word that cmd.exe cannot pass through
 * unchanged is a problem, in one line naming the program: a line break ends the command, and a
 * double quote ends the quoting when the batch file hands its arguments on (`%*` is read by
 * cmd.exe again), which would expose `&` or `|` after it.
 */
function invocationOf(argv, env, platform = process.platform, lookup = (name, e) => which(name, e, platform)) {
    const [program, ...args] = argv;
    if (platform !== "win32")
        return { file: program, args, verbatim: false };
    const found = /[\\/]/.test(program) ? program : (lookup(program, env) ?? program);
    if (!/\.(?:cmd|bat)$/i.test(found))
        return { file: found, args, verbatim: false };
    if (args.some((a) => /["\r\n\0]/.test(a))) {
        const file = external_node_path_default().win32.basename(found);
        const name = file === program ? program : `${program} (${file})`;
        return {
            problem: `${name} is a batch file, which only cmd.exe runs, and cmd.exe cannot pass it an argument holding a double quote or a line break: run the program it wraps instead`,
        };
    }
    // The program in plain quotes: cmd.exe reads a quoted program name as it is (a path holds no
    // quote), spaces and `&` included; the arguments after it are escaped, quotes and all.
    const line = [`"${external_node_path_default().win32.normalize(found)}"`, ...args.map(cmdQuote)].join(" ");
    // /d: no AutoRun commands; /s /c "...": the outer quotes are removed and the rest run as is.
    return {
        file: env.ComSpec || env.COMSPEC || "cmd.exe",
        args: ["/d", "/s", "/c", `"${line}"`],
        verbatim: true,
    };
}
/** The characters cmd.exe gives a meaning to, each escaped with `^` so that it is taken as is. */
const CMD_SPECIAL = /([()[\]%!^"`<>&|;, *?])/g;
function cmdEscape(word) {
    return word.replace(CMD_SPECIAL, "^$1");
}
/**
 * One argument (without double quotes) for a program behind cmd.exe: quoted as the C runtime
 * reads a command line (backslashes at the end doubled, so they do not escape the closing quote),
 * then every character cmd reads escaped, so that cmd hands the batch file the quoted word
 * untouched; the batch file's own `%*` then sees it inside quotes (after qntm.org/cmd).
 */
function cmdQuote(word) {
    return cmdEscape(`"${word.replace(/(\\*)$/, "$1$1")}"`);
}

;// CONCATENATED MODULE: ./src/shared/read.ts


/** Error codes that mean "nothing is there". */
const ABSENT = new Set(["ENOENT", "ENOTDIR"]);
/**
 * Reads a project file as UTF-8 text. Only a file that does not exist is absent (undefined); any
 * other failure (permission denied, a directory where a file belongs, an I/O error) is a
 * UserError naming `display`, so that no input silently drops out of the fingerprint.
 */
async function readProjectFile(file, display = file) {
    try {
        return await (0,promises_namespaceObject.readFile)(file, "utf8");
    }
    catch (error) {
        if (ABSENT.has(codeOf(error)))
            return undefined;
        throw new UserError(`cannot read ${display}: ${describeFsError(error)}`);
    }
}
/** `stat` of a project path: undefined when nothing is there; other failures are UserErrors. */
async function statProjectPath(file, display = file) {
    try {
        return await (0,promises_namespaceObject.stat)(file);
    }
    catch (error) {
        if (ABSENT.has(codeOf(error)) || codeOf(error) === "ELOOP")
            return undefined;
        throw new UserError(`cannot read ${display}: ${describeFsError(error)}`);
    }
}
/** `EACCES (permission denied)`: the code and what it means, for one-line messages. */
function describeFsError(error) {
    const code = codeOf(error);
    const meaning = MEANINGS[code];
    if (meaning)
        return `${code} (${meaning})`;
    return code || (error instanceof Error ? error.message : String(error));
}
const MEANINGS = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "it is a directory",
    EIO: "input/output error",
    ELOOP: "too many symbolic links",
    EMFILE: "too many open files",
};
function codeOf(error) {
    return error?.code ?? "";
}

;// CONCATENATED MODULE: ./src/build/failure.ts

/**
 * A build command that could not run, failed, or wrote no wheel: a user error whose facts the
 * pipeline keeps, so that the report can say what changed and how the build ended.
 */
class BuildFailure extends UserError {
    failed;
    name = "BuildFailure";
    constructor(failed) {
        super(failed.message);
        this.failed = failed;
    }
}
/**
 * A failed build's facts with `values` taken out of its output (each replaced by `***`), longest
 * first so that a value containing another is taken out whole.
 */
function withoutValues(failed, values) {
    if (values.length === 0)
        return failed;
    const sorted = [...values].sort((a, b) => b.length - a.length);
    const redact = (line) => sorted.reduce((text, v) => text.replaceAll(v, "***"), line);
    return { ...failed, outputTail: failed.outputTail.map(redact) };
}

;// CONCATENATED MODULE: ./src/build/output-tail.ts
/** How much of a build's output is kept for the report, at most. */
const KEEP_BYTES = 64 * 1024;
/** How many of its last lines the report shows. */
const TAIL_LINES = 40;
/** Longest line kept; longer ones end in `…`. */
const LINE_CHARS = 400;
/** Terminal escape sequences (colours, cursor moves) that mean nothing outside a terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC and BEL are what it removes.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
/**
 * The end of a build's output while it streams: only the last `KEEP_BYTES` are held, so a build
 * that prints gigabytes costs no memory. `lines()` gives its last lines as plain text.
 */
class OutputTail {
    chunks = [];
    bytes = 0;
    dropped = false;
    push(chunk) {
        this.chunks.push(chunk);
        this.bytes += chunk.length;
        while (this.chunks.length > 1 && this.bytes - this.chunks[0].length >= KEEP_BYTES) {
            this.bytes -= this.chunks.shift().length;
            this.dropped = true;
        }
    }
    /** The last `max` lines, each as a terminal would leave it (after its last `\r`). */
    lines(max = TAIL_LINES) {
        let buffer = Buffer.concat(this.chunks);
        let cut = this.dropped;
        if (buffer.length > KEEP_BYTES) {
            buffer = buffer.subarray(buffer.length - KEEP_BYTES);
            cut = true;
        }
        const lines = buffer.toString("utf8").replace(ESCAPES, "").split("\n");
        // The first line of a cut buffer is only the end of a line.
        if (cut)
            lines.shift();
        if (lines.at(-1) === "")
            lines.pop();
        const shown = lines.slice(-max).map(shownLine);
        return { lines: shown, truncated: cut || lines.length > max };
    }
}
function shownLine(line) {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    const last = text.slice(text.lastIndexOf("\r") + 1);
    return last.length > LINE_CHARS ? `${last.slice(0, LINE_CHARS)}…` : last;
}

;// CONCATENATED MODULE: ./src/build/run.ts













async function snapshotWheels(dir) {
    const names = await wheelNames(dir);
    const entries = await Promise.all(names.map(async (name) => {
        const info = await (0,promises_namespaceObject.stat)(external_node_path_default().join(dir, name), { bigint: true });
        return [name, `${info.size}:${info.mtimeNs}`];
    }));
    return new Map(entries);
}
/**
 * Runs the build command without a shell in the project directory, as a process group of its
 * own (see shared/interrupt.ts), its output streamed to our stderr (so the CLI's --json stdout
 * stays clean) while its last lines are kept, and returns the wheels it produced: the `.whl`
 * files in `wheelDir` that are new or rewritten since `before`. A build past its time limit is
 * ended, group and all. A build that cannot run, fails, runs out of time or writes no wheel
 * throws a BuildFailure with the end of its output.
 */
async function runBuild(run) {
    const { argv, wheelDir, before } = run;
    await (0,promises_namespaceObject.mkdir)(wheelDir, { recursive: true });
    if (argv.length === 0)
        throw failure(argv, "the build command is empty");
    const started = invocationOf(run.spawned, run.env, run.platform);
    if ("problem" in started) {
        throw failure(argv, `cannot run the build command ${joinCommand(argv)}: ${started.problem}`);
    }
    const tail = new OutputTail();
    const exit = await spawnBuild(run, started, tail);
    const ended = { exitCode: exit.code ?? undefined, signal: exit.signal ?? undefined };
    if (exit.timedOut) {
        const limit = `its time limit of ${(run.timeoutMs ?? 0) / 1000} s (build-timeout)`;
        const message = `the build ran past ${limit} and was ended: ${joinCommand(argv)}`;
        throw failure(argv, message, ended, tail);
    }
    if (exit.signal) {
        const message = `the build was killed by ${exit.signal}: ${joinCommand(argv)}`;
        throw failure(argv, message, ended, tail);
    }
    if (exit.code !== 0) {
        const message = `the build failed with exit code ${exit.code}: ${joinCommand(argv)}`;
        throw failure(argv, message, ended, tail);
    }
    const after = await snapshotWheels(wheelDir);
    const produced = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
    if (produced.length === 0) {
        const message = `the build succeeded but wrote no new wheel to ${wheelDir}: ${joinCommand(argv)}`;
        throw failure(argv, message, ended, tail);
    }
    return produced.sort();
}
function failure(argv, message, ended = {}, tail) {
    const { lines, truncated } = tail?.lines() ?? { lines: [], truncated: false };
    return new BuildFailure({ message, argv, ...ended, outputTail: lines, truncated });
}
/**
 * The program of a build command as a path, found the way spawning it would find it (PATH for a
 * bare name, the project directory for a relative path): a tracer runs it by that path, and a
 * program that is missing or not a file is the same one-line error as without a tracer.
 */
function resolveProgram(argv, cwd, env) {
    const [command] = argv;
    if (!command)
        throw failure(argv, "the build command is empty");
    const candidate = /[\\/]/.test(command) ? external_node_path_default().resolve(cwd, command) : which(command, env);
    const info = candidate ? (0,external_node_fs_namespaceObject.statSync)(candidate, { throwIfNoEntry: false }) : undefined;
    if (!candidate || !info) {
        throw failure(argv, `build command not found: ${command} (in ${joinCommand(argv)})`);
    }
    if (!info.isFile()) {
        const message = `cannot run the build command ${joinCommand(argv)}: ${command} is not a file`;
        throw failure(argv, message);
    }
    return candidate;
}
/**
 * Runs the build without a shell, as the leader of a new process group (Windows has none: there
 * the build process alone is ended), its stdout and stderr sent to our stderr as they come and
 * kept in `tail`. Resolves when it has ended and its output is read and, after a time limit, when
 * its whole group has; rejects with `Interrupted` when the run was.
 */
function spawnBuild(run, started, tail) {
    const command = run.spawned[0];
    return new Promise((resolve, reject) => {
        const detached = run.platform !== "win32";
        const { cwd, env } = run;
        const child = (0,external_node_child_process_namespaceObject.spawn)(started.file, started.args, {
            cwd,
            env,
            stdio: ["ignore", "pipe", "pipe"],
            windowsHide: true,
            windowsVerbatimArguments: started.verbatim,
            detached,
        });
        for (const stream of [child.stdout, child.stderr]) {
            stream.on("data", (chunk) => {
                process.stderr.write(chunk);
                tail.push(chunk);
            });
        }
        const untrack = child.pid === undefined ? () => false : trackGroup(child.pid);
        let ended;
        const timer = run.timeoutMs === undefined || child.pid === undefined
            ? undefined
            : setTimeout(() => {
                ended = endGroup(child.pid, "SIGTERM");
            }, run.timeoutMs);
        child.on("error", (error) => {
            clearTimeout(timer);
            untrack();
            const shown = joinCommand(run.argv);
            reject(error.code === "ENOENT"
                ? failure(run.argv, `build command not found: ${command} (in ${shown})`)
                : failure(run.argv, `cannot run the build command ${shown}: ${error.message}`));
        });
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            const interrupted = interruption();
            if (interrupted) {
                // The interrupt handler ends the group and the process; this run stops here.
                reject(new Interrupted(interrupted));
                return;
            }
            // The group's leader is gone; wait for the rest of it before the wheels are looked at.
            void (ended ?? Promise.resolve()).then(() => {
                untrack();
                resolve({ code, signal, timedOut: ended !== undefined });
            }, reject);
        });
    });
}
/** Name, size and sha256 of a wheel file, streamed. */
async function wheelRecord(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    let size = 0;
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { name: external_node_path_default().basename(file), size, sha256: hash.digest("hex") };
}
async function wheelNames(dir) {
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        // A wheel directory that does not exist yet holds no wheels.
        if (error.code === "ENOENT")
            return [];
        throw new UserError(`cannot read the wheel directory ${dir}: ${describeFsError(error)}`);
    }
    return entries.filter((e) => e.isFile() && e.name.endsWith(".whl")).map((e) => e.name);
}

;// CONCATENATED MODULE: ./src/shared/digest.ts

/** Hex sha256 of the parts, each length-prefixed so that no two part lists collide. */
function digestOf(...parts) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    for (const part of parts) {
        const bytes = Buffer.from(part, "utf8");
        hash.update(`${bytes.length}:`).update(bytes);
    }
    return hash.digest("hex");
}
/** JSON with object keys sorted at every level: equal data, equal text. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
            const record = v;
            return Object.fromEntries(Object.keys(record)
                .sort()
                .map((k) => [k, record[k]]));
        }
        return v;
    });
}
/** Digest of a file-like key: its sorted (path, content digest or absent) pairs. */
function filesDigest(files) {
    const parts = Object.keys(files)
        .sort()
        .flatMap((p) => [p, files[p] ?? "absent"]);
    return digestOf("files", ...parts);
}
/** The first characters of a digest, for keys and tables. */
function digest_short(digest, length = 12) {
    return digest.slice(0, length);
}

;// CONCATENATED MODULE: ./src/fingerprint/manifest.ts

const MANIFEST_SCHEMA = 1;
/** The fingerprint: a digest over every key's id and digest, in id order. */
function fingerprintOf(keys) {
    const sorted = [...keys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return digestOf("wheel-cache-fingerprint", String(MANIFEST_SCHEMA), ...sorted.flatMap((k) => [k.id, k.digest]));
}
function makeManifest(project, keys) {
    return { schema: MANIFEST_SCHEMA, fingerprint: fingerprintOf(keys), project, keys };
}
/** Parses a stored manifest; undefined when it is not one this version understands. */
function parseManifest(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        // Not JSON: a corrupted entry, treated as having no manifest.
        return undefined;
    }
    const m = value;
    if (!m ||
        m.schema !== MANIFEST_SCHEMA ||
        typeof m.fingerprint !== "string" ||
        !Array.isArray(m.keys)) {
        return undefined;
    }
    return m;
}

;// CONCATENATED MODULE: ./src/cache/entry.ts




/**
 * A cache entry on disk: `manifest.json` and, for the wheels entry, `wheels/*.whl`. The same
 * layout is saved and restored by both backends.
 */
const MANIFEST = "manifest.json";
const WHEELS = "wheels";
/** Empties `dir` (restores extract into it, so nothing stale may be there). */
async function resetDir(dir) {
    await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
}
/** Writes an entry: the manifest, and copies of the wheels when given. */
async function writeEntry(dir, manifest, wheelPaths = []) {
    await resetDir(dir);
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    if (wheelPaths.length === 0)
        return;
    await (0,promises_namespaceObject.mkdir)(external_node_path_default().join(dir, WHEELS));
    for (const wheel of wheelPaths)
        await (0,promises_namespaceObject.copyFile)(wheel, external_node_path_default().join(dir, WHEELS, external_node_path_default().basename(wheel)));
}
/** The manifest of a restored entry, or undefined when it is missing or not valid. */
async function readEntryManifest(dir) {
    // A missing manifest file means a damaged entry: the caller treats it as having none.
    const text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(dir, MANIFEST), "utf8").catch(() => undefined);
    return text === undefined ? undefined : parseManifest(text);
}
/**
 * Checks a restored wheels entry: its own manifest must be readable and record the fingerprint
 * of `manifest` (the manifest entry that led here), and each wheel must match the sha256 that
 * manifest records. Returns the problem in one line, or undefined when the entry is sound.
 */
async function verifyEntry(dir, manifest) {
    const own = await readEntryManifest(dir);
    if (!own)
        return "the cached entry has no readable manifest";
    if (own.fingerprint !== manifest.fingerprint)
        return "the cached entry was built for another fingerprint";
    if (!manifest.wheels || manifest.wheels.length === 0)
        return "the cached entry lists no wheels";
    for (const wheel of manifest.wheels) {
        const file = external_node_path_default().join(dir, WHEELS, wheel.name);
        // A wheel that cannot be read is as bad as one that does not match.
        const actual = await wheelRecord(file).catch(() => undefined);
        if (!actual)
            return `the cached wheel ${wheel.name} is missing`;
        if (actual.sha256 !== wheel.sha256 || actual.size !== wheel.size) {
            return `the cached wheel ${wheel.name} does not match its recorded sha256`;
        }
    }
    return undefined;
}
/** Copies a verified entry's wheels into the wheel directory; returns their paths there. */
async function installWheels(dir, manifest, wheelDir) {
    await (0,promises_namespaceObject.mkdir)(wheelDir, { recursive: true });
    const paths = [];
    for (const wheel of manifest.wheels ?? []) {
        const target = external_node_path_default().join(wheelDir, wheel.name);
        await (0,promises_namespaceObject.copyFile)(external_node_path_default().join(dir, WHEELS, wheel.name), target);
        paths.push(target);
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/cache/local-builds.ts




/**
 * The local cache seen as builds: a build's wheels entry and the manifest entries saved beside it
 * (all record the wheels entry's key), listed and pruned together, least recently used first.
 * Never one without the other: a manifest entry kept without its wheels costs one rebuild, and
 * wheels kept without their manifest would never be found again.
 */
/** Entries used this recently are never pruned: a run may be restoring them right now. */
const IN_USE_MS = 60_000;
/** Every build in the cache, least recently used first. */
async function listBuilds(cache) {
    let entries;
    try {
        entries = await cache.list();
    }
    catch (error) {
        throw new UserError(`cannot read the cache directory ${cache.cacheDir}: ${errorMessage(error)}`);
    }
    const builds = new Map();
    for (const entry of entries) {
        const manifest = await readEntryManifest(external_node_path_default().join(entry.path, "data"));
        const info = await (0,promises_namespaceObject.stat)(external_node_path_default().join(entry.path, "entry.json")).catch(() => undefined);
        // Removed by a concurrent prune since it was listed: not there any more.
        if (!info)
            continue;
        const key = manifest?.wheelsKey ?? entry.key;
        const build = builds.get(key) ?? { entries: [], wheels: [] };
        build.entries.push({ ...entry, used: info.mtimeMs, bytes: await treeBytes(entry.path) });
        if (entry.key === key) {
            build.wheels.push(...(manifest?.wheels ?? []).map((w) => w.name));
            build.seconds = manifest?.build?.seconds;
        }
        builds.set(key, build);
    }
    return [...builds]
        .map(([key, b]) => {
        const ordered = [...b.entries].sort((x, y) => Number(y.key === key) - Number(x.key === key));
        return {
            key,
            entries: ordered,
            bytes: ordered.reduce((sum, e) => sum + e.bytes, 0),
            created: Math.min(...ordered.map((e) => e.created)),
            used: Math.max(...ordered.map((e) => e.used)),
            wheels: b.wheels,
            buildSeconds: b.seconds,
        };
    })
        .sort((a, b) => a.used - b.used || (a.key < b.key ? -1 : 1));
}
/**
 * Removes the builds not used for `maxAgeDays`, then the least recently used until the cache
 * holds at most `maxBytes`. Safe beside running builds and other prunes: an entry is renamed
 * away before it is deleted (a reader never sees half of one), a build's wheels go before its
 * manifests (a run in between rebuilds, and its save completes the pair), and builds used in the
 * last minute stay.
 */
async function pruneBuilds(cache, limits, now = Date.now()) {
    const builds = await listBuilds(cache);
    const removed = [];
    const inUse = [];
    let total = builds.reduce((sum, b) => sum + b.bytes, 0);
    const maxAgeMs = limits.maxAgeDays === undefined ? undefined : limits.maxAgeDays * 86_400_000;
    for (const build of builds) {
        const old = maxAgeMs !== undefined && now - build.used > maxAgeMs;
        const over = limits.maxBytes !== undefined && total > limits.maxBytes;
        if (!old && !over)
            continue;
        if (now - build.used < IN_USE_MS) {
            inUse.push(build);
            continue;
        }
        await remove(cache, build);
        removed.push(build);
        total -= build.bytes;
    }
    await cache.sweep().catch((error) => {
        throw new UserError(`cannot clean ${cache.cacheDir}: ${errorMessage(error)}`);
    });
    return { removed, kept: builds.filter((b) => !removed.includes(b)), inUse };
}
async function remove(cache, build) {
    for (const entry of build.entries) {
        try {
            await cache.discard(entry.key);
        }
        catch (error) {
            throw new UserError(`cannot remove ${entry.key} from ${cache.cacheDir}: ${errorMessage(error)}`);
        }
    }
}
/** Bytes of the files under `dir` (an entry is a small tree of regular files). */
async function treeBytes(dir) {
    const names = await (0,promises_namespaceObject.readdir)(dir, { recursive: true }).catch(() => []);
    const sizes = await Promise.all(names.map((name) => (0,promises_namespaceObject.lstat)(external_node_path_default().join(dir, name)).then((s) => (s.isFile() ? s.size : 0), 
    // Gone meanwhile (a concurrent prune): it holds nothing.
    () => 0)));
    return sizes.reduce((sum, n) => sum + n, 0);
}

;// CONCATENATED MODULE: ./src/shared/paths.ts

/** True when `child` is `parent` or lies below it (both absolute). */
function isInside(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === "" || (rel.split((external_node_path_default()).sep)[0] !== ".." && !external_node_path_default().isAbsolute(rel));
}
/** A native relative path in posix form. */
function toPosix(rel) {
    return rel.split((external_node_path_default()).sep).join("/");
}
/**
 * Whether file names on `platform` ignore case, as its default file systems do (APFS on macOS,
 * NTFS on Windows): `README.MD` opens `README.md` there, so a key written so means that file.
 */
function foldsCase(platform) {
    return platform === "darwin" || platform === "win32";
}
/** One code point with its case folded (simple lowercase), to compare names that ignore case. */
function foldCodePoint(codePoint) {
    return String.fromCodePoint(codePoint).toLowerCase().codePointAt(0) ?? codePoint;
}
/** A code point's lowercase and uppercase forms (simple mappings: one code point each). */
function caseForms(codePoint) {
    const text = String.fromCodePoint(codePoint);
    return [
        text.toLowerCase().codePointAt(0) ?? codePoint,
        text.toUpperCase().codePointAt(0) ?? codePoint,
    ];
}

;// CONCATENATED MODULE: ./src/files/automaton.ts
/**
 * A matcher for the small regular language globs compile to, in time linear in the pattern and
 * the name whatever the pattern (backtracking RegExps take exponential time on `*a*a*a…b`):
 * a Thompson NFA, run as a DFA built lazily one state per new set of NFA states (RE2's way). The
 * DFA's states are cached for the next names, at most `MAX_STATES` of them: a pattern whose DFA
 * would be larger costs at most the NFA's size per character, never more.
 */
const SLASH = 0x2f;
/** Accepts every code point; a `repeat` of it is recognised, so a match can end early. */
const ANY = () => true;
const IS_SLASH = (c) => c === SLASH;
/** DFA states kept per pattern before the cache starts over. */
const MAX_STATES = 4096;
/** Matches whole names against a pattern; see the module comment. */
class Automaton {
    #states = [];
    #cache = new Map();
    #start;
    constructor(pattern) {
        const accept = this.#add({ kind: "accept" });
        this.#start = this.#dfaState(this.#closure([this.#sequence(pattern, accept)]));
    }
    /** Whether the whole of `name` matches. */
    matches(name) {
        return this.#run(name, false);
    }
    /** Whether `path` or one of its directories (a prefix ending before a `/`) matches. */
    matchesSelfOrParent(path) {
        return this.#run(path, true);
    }
    #run(text, parents) {
        let state = this.#start;
        for (let i = 0; i < text.length; i++) {
            let c = text.charCodeAt(i);
            let next;
            if (c < 128) {
                if (parents && c === SLASH && state.accepting)
                    return true;
                next = state.ascii[c];
            }
            else {
                c = text.codePointAt(i);
                if (c > 0xffff)
                    i++;
                next = state.other.get(c);
            }
            state = next ?? this.#step(state, c);
            if (state.dead)
                return false;
            if (state.universal)
                return true;
        }
        return state.accepting;
    }
    #add(state) {
        this.#states.push(state);
        return this.#states.length - 1;
    }
    /** Compiles `nodes` so that a match of them continues at state `next`; returns the first state. */
    #sequence(nodes, next) {
        let start = next;
        for (let i = nodes.length - 1; i >= 0; i--)
            start = this.#node(nodes[i], start);
        return start;
    }
    #node(node, next) {
        switch (node.kind) {
            case "char":
                return this.#add({ kind: "step", test: node.test, next });
            case "repeat": {
                const loop = this.#add({ kind: "split", next: [] });
                const step = this.#add({ kind: "step", test: node.test, next: loop });
                this.#states[loop].next = [step, next];
                return loop;
            }
            case "any-dirs": {
                // (?:.*/)? : nothing, or any text then a slash.
                const loop = this.#add({ kind: "split", next: [] });
                const any = this.#add({ kind: "step", test: ANY, next: loop });
                const slash = this.#add({ kind: "step", test: IS_SLASH, next });
                this.#states[loop].next = [any, slash];
                return this.#add({ kind: "split", next: [next, loop] });
            }
            case "either":
                return this.#add({
                    kind: "split",
                    next: node.options.map((option) => this.#sequence(option, next)),
                });
        }
    }
    /** The step states reachable from `from` without consuming input, and whether one accepts. */
    #closure(from) {
        const seen = new Set();
        const stack = [...from];
        const steps = [];
        let accepting = false;
        while (stack.length > 0) {
            const id = stack.pop();
            if (seen.has(id))
                continue;
            seen.add(id);
            const state = this.#states[id];
            if (state.kind === "step")
                steps.push(id);
            else if (state.kind === "accept")
                accepting = true;
            else
                stack.push(...state.next);
        }
        return { steps: steps.sort((a, b) => a - b), accepting };
    }
    /** The state after `c`, computed and remembered. */
    #step(state, c) {
        const targets = [];
        for (const id of state.steps) {
            const step = this.#states[id];
            if (step.test(c))
                targets.push(step.next);
        }
        const next = this.#dfaState(this.#closure(targets));
        if (c < 128)
            state.ascii[c] = next;
        else
            state.other.set(c, next);
        return next;
    }
    /** The DFA state of a set of NFA states: the cached one, or a new one. */
    #dfaState(set) {
        const known = this.#cache.get(idOf(set));
        if (known)
            return known;
        if (this.#cache.size >= MAX_STATES) {
            // Start over: the states already handed out stay valid, they are just no longer shared.
            this.#cache = new Map();
            this.#start = this.#create(this.#start);
        }
        return this.#create(set);
    }
    #create({ steps, accepting }) {
        const dead = steps.length === 0 && !accepting;
        const state = { steps, accepting, dead, universal: false, ascii: [], other: new Map() };
        state.universal = this.#isUniversal(state);
        this.#cache.set(idOf(state), state);
        return state;
    }
    #isUniversal(state) {
        if (!state.accepting)
            return false;
        const steps = state.steps.map((id) => this.#states[id]);
        if (!steps.every((step) => step.test === ANY))
            return false;
        return idOf(this.#closure(steps.map((step) => step.next))) === idOf(state);
    }
}
function idOf(set) {
    return `${set.accepting ? "+" : "-"}${set.steps.join(",")}`;
}

;// CONCATENATED MODULE: ./src/files/glob.ts




const GLOB_CHAR = /[*?[{]/;
/** uv's `is_glob_like`: the characters that end the literal base of a glob (a superset of GLOB_CHAR). */
const GLOB_LIKE = /[*?[\]{}]/;
const glob_SLASH = 0x2f;
const NOT_SLASH = (c) => c !== glob_SLASH;
const ANY_DEPTH = { kind: "any-dirs" };
/** Whether a `file` entry is a glob rather than a literal path: it contains `*`, `?`, `[` or `{`. */
function isGlob(s) {
    return GLOB_CHAR.test(s);
}
/**
 * Compiles a glob written relative to the project directory into an automaton (automaton.ts), so
 * that matching takes time linear in the pattern and the path, whatever the pattern. Throws a `UserError` naming the
 * pattern and `origin` for an absolute pattern, an empty one, or bad syntax (unclosed `[`/`{`).
 * With `ignoreCase` (a file system that ignores case), letters match either case, in literals
 * and classes alike: `*.RS` matches `lib.rs` there, as opening `LIB.RS` would open it.
 */
function compileGlob(pattern, origin, ignoreCase = false) {
    const fail = (why) => new UserError(`${origin}: glob ${JSON.stringify(pattern)} ${why}`);
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
    while (split < parts.length - 1 && !GLOB_LIKE.test(parts[split]))
        split++;
    const rest = parts.slice(split).join("/");
    if (rest === "")
        throw fail("is empty");
    const normalized = external_node_path_namespaceObject.posix.normalize(parts.slice(0, split).join("/") || ".");
    const base = normalized === "." ? "" : normalized;
    const automaton = new Automaton([...glob_anchor(rest), ...translate(rest, fail, ignoreCase)]);
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
function patternMatcher(rest, fail) {
    const automaton = new Automaton([...glob_anchor(rest), ...translate(rest, fail)]);
    return (path) => automaton.matches(path);
}
/** Whether a path component would end uv's literal base of a glob (`*`, `?`, `[`, `]`, `{`, `}`). */
function isGlobLike(component) {
    return GLOB_LIKE.test(component);
}
/** gitignore: a pattern without `/` matches at any depth; globwalk makes a bare `*` top level only. */
function glob_anchor(rest) {
    return rest.includes("/") || rest === "*" || rest === "**" ? [] : [ANY_DEPTH];
}
/**
 * Translates glob syntax to automaton nodes (globset with `literal_separator`); with `ignoreCase`,
 * a literal or class accepts a code point when it accepts one of its case forms.
 */
function translate(source, fail, ignoreCase = false) {
    const chars = Array.from(source);
    let i = 0;
    // A class lists ranges of one case or the other (`[A-Z]`, `[a-z]`): try both forms of `x`.
    const folded = (test) => ignoreCase ? (x) => test(x) || caseForms(x).some(test) : test;
    const literal = (c) => {
        const code = c.codePointAt(0);
        const fold = ignoreCase ? foldCodePoint(code) : code;
        return {
            kind: "char",
            test: ignoreCase ? (x) => foldCodePoint(x) === fold : (x) => x === code,
        };
    };
    const sequence = (inBraces) => {
        const out = [];
        while (i < chars.length) {
            const c = chars[i];
            if (inBraces && (c === "," || c === "}"))
                return out;
            i++;
            if (c === "\\") {
                if (i >= chars.length)
                    throw fail("ends with a lone backslash");
                out.push(literal(chars[i++]));
            }
            else if (c === "?")
                out.push({ kind: "char", test: NOT_SLASH });
            else if (c === "*")
                out.push(star(inBraces));
            else if (c === "[")
                out.push(charClass());
            else if (c === "{")
                out.push(alternatives());
            else
                out.push(literal(c));
        }
        if (inBraces)
            throw fail('has an unclosed "{"');
        return out;
    };
    // `**` is recursive only as a whole component (`**/x`, `x/**`, `a/**/b`); elsewhere it is `*`.
    const star = (inBraces) => {
        const within = { kind: "repeat", test: NOT_SLASH };
        if (chars[i] !== "*")
            return within;
        const before = chars[i - 2];
        i++;
        const after = chars[i];
        const bounds = inBraces ? ["/", "{", ",", "}"] : ["/"];
        const whole = (before === undefined || bounds.includes(before)) &&
            (after === undefined || bounds.includes(after));
        if (!whole)
            return within;
        if (after !== "/")
            return { kind: "repeat", test: ANY };
        i++;
        return ANY_DEPTH;
    };
    // `[abc]`, `[a-z]`, `[!abc]`/`[^abc]`; a `]` first is literal. Negated classes never match `/`.
    const charClass = () => {
        const negated = chars[i] === "!" || chars[i] === "^";
        if (negated)
            i++;
        const ranges = [];
        for (let first = true; chars[i] !== "]" || first; first = false) {
            let c = chars[i++];
            if (c === "\\")
                c = chars[i++];
            if (c === undefined)
                throw fail('has an unclosed "["');
            const low = c.codePointAt(0);
            if (chars[i] === "-" && chars[i + 1] !== undefined && chars[i + 1] !== "]") {
                let end = chars[i + 1];
                i += 2;
                if (end === "\\")
                    end = chars[i++] ?? "";
                if (end === "" || end.codePointAt(0) < low) {
                    throw fail(`has an invalid range "${c}-${end}"`);
                }
                ranges.push([low, end.codePointAt(0)]);
            }
            else
                ranges.push([low, low]);
        }
        i++;
        const listed = (x) => ranges.some(([low, high]) => x >= low && x <= high);
        const inClass = folded(listed);
        return { kind: "char", test: negated ? (x) => x !== glob_SLASH && !inClass(x) : inClass };
    };
    // `{a,b}`, nested allowed.
    const alternatives = () => {
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

;// CONCATENATED MODULE: ./src/files/prune.ts

/** Directory names that never hold build inputs, pruned at any depth. */
const NEVER_INPUT_NAMES = new Set([
    ".git",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "build",
    "target",
    "_skbuild",
    "builddir",
    ".eggs",
    ".wheel-cache",
]);
/** Whether a directory name marks build output, caches or environments, never inputs. */
function isNeverInputName(name) {
    return NEVER_INPUT_NAMES.has(name) || name.endsWith(".egg-info") || name.startsWith(".mesonpy-");
}
/** The file whose presence makes a directory a virtual environment. */
const VENV_MARKER = "pyvenv.cfg";
/**
 * A pruner for a tree whose project directory is `projectDir` and whose explicitly excluded
 * directories (wheel output and such) are `excludeDirs`, all posix and relative to the root.
 */
function makePruner(projectDir, excludeDirs) {
    const mayPrune = (dir) => !(dir === "" || dir === projectDir || projectDir.startsWith(`${dir}/`));
    const excluded = new Set(excludeDirs.filter(mayPrune));
    const isExcluded = (dir) => excluded.has(dir);
    const isPruned = (dir) => {
        if (!mayPrune(dir))
            return false;
        const name = external_node_path_namespaceObject.posix.basename(dir);
        return NEVER_INPUT_NAMES.has(name) || name.endsWith(".egg-info") || excluded.has(dir);
    };
    // A name that is also a component of the project directory must not be pruned by name.
    const projectNames = new Set(projectDir.split("/"));
    const names = [...NEVER_INPUT_NAMES, "*.egg-info"].filter((name) => !projectNames.has(name));
    const gitPatterns = [
        ...names.map((name) => `${name}/`),
        ...[...excluded].map((dir) => `/${dir.replace(/[\\*?[ ]/g, "\\$&")}/`),
    ];
    return { isPruned, isExcluded, mayPrune, gitPatterns };
}
/** Whether any ancestor directory of the root-relative `path` satisfies `test`. */
function underDir(path, test) {
    for (let end = path.indexOf("/"); end !== -1; end = path.indexOf("/", end + 1)) {
        if (test(path.slice(0, end)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/files/uv-glob.ts




function components(path) {
    const out = path.startsWith("/") ? [{ kind: "root", text: "/" }] : [];
    path.split("/").forEach((text, i) => {
        if (text === "" || (text === "." && i > 0))
            return;
        const kind = text === "." ? "cur" : text === ".." ? "parent" : "normal";
        out.push({ kind, text });
    });
    return out;
}
function joinPath(parts) {
    if (parts[0] === "/")
        return `/${parts.slice(1).join("/")}`;
    return parts.join("/");
}
/** uv's `split_glob`: the longest base without glob-like components, and the rest. */
function splitUvGlob(glob) {
    const base = [];
    const pattern = [];
    let globbing = false;
    let last;
    for (const part of components(glob)) {
        if (last && last.kind !== "cur")
            (globbing ? pattern : base).push(last.text);
        if (!globbing)
            globbing = part.kind === "normal" && isGlobLike(part.text);
        last = part;
    }
    if (last)
        (globbing || last.kind === "normal" ? pattern : base).push(last.text);
    return { base: joinPath(base), pattern: pattern.join("/") };
}
class Trie {
    children = new Map();
    patterns = [];
    insert(parts, leaf) {
        const [part, ...rest] = parts;
        if (!part) {
            this.patterns.push(leaf);
            return;
        }
        let child = this.children.get(part.text);
        if (!child) {
            child = { kind: part.kind, node: new Trie() };
            this.children.set(part.text, child);
        }
        child.node.insert(rest, leaf);
    }
    /** Children in Rust's `Component` order: root, current, parent, then names by bytes. */
    ordered() {
        const rank = { root: 0, cur: 1, parent: 2, normal: 3 };
        return [...this.children].sort(([a, x], [b, y]) => rank[x.kind] !== rank[y.kind] ? rank[x.kind] - rank[y.kind] : a < b ? -1 : a > b ? 1 : 0);
    }
    collectGroups(prefix, groups) {
        if (this.patterns.length === 0) {
            for (const [text, { node }] of this.ordered())
                node.collectGroups([...prefix, text], groups);
            return;
        }
        const leaves = [];
        this.collectPatterns([], prefix, leaves, groups);
        groups.push({
            base: joinPath(prefix),
            patterns: leaves.map((l) => l.pattern),
            globs: leaves.map((l) => l.glob),
        });
    }
    /** Every pattern at and below this node through plain names, re-prefixed with the path there. */
    collectPatterns(patternPrefix, groupPrefix, leaves, groups) {
        for (const { pattern, glob } of this.patterns) {
            leaves.push({ pattern: [...patternPrefix, pattern].join("/"), glob });
        }
        for (const [text, { kind, node }] of this.ordered()) {
            if (kind === "normal") {
                node.collectPatterns([...patternPrefix, text], [...groupPrefix, text], leaves, groups);
            }
            else
                node.collectGroups([...groupPrefix, text], groups);
        }
    }
}
/**
 * uv's `cluster_globs`: one walk per group at the longest common base, so that a glob whose base
 * lies under another glob's base is matched, re-prefixed, in that shallower walk.
 */
function clusterGlobs(globs) {
    const trie = new Trie();
    for (const glob of globs) {
        const { base, pattern } = splitUvGlob(glob);
        trie.insert(components(base), { pattern, glob });
    }
    const groups = [];
    trie.collectGroups([], groups);
    return groups;
}
/**
 * The files a `cache-keys` list makes uv look at: literal `file` entries (followed to the file),
 * and every file its globs match, clustered as uv clusters them. `{ dir }`, `{ git }` and
 * `{ env }` entries cover no file. A pattern uv cannot parse throws a UserError naming `origin`.
 */
function uvCoverage(entries, projectDir, origin) {
    const rooted = (rel) => external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(projectDir, rel));
    const files = entries.flatMap((e) => (e.kind === "file" ? [e.pattern] : []));
    const literals = new Set(files.filter((f) => !isGlob(f)).map(rooted));
    const groups = clusterGlobs(files.filter(isGlob));
    const walks = groups.map((group) => groupMatcher(group, projectDir, origin));
    return { groups, covers: (file) => literals.has(file) || walks.some((covers) => covers(file)) };
}
/**
 * Whether one walk of uv's keys a root-relative file: under its base, matched by the last of its
 * patterns that matches (not an exclusion), in no directory an exclusion prunes.
 */
function groupMatcher(group, projectDir, origin) {
    const joined = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(projectDir, group.base));
    const outside = group.base.startsWith("/") || joined === ".." || joined.startsWith("../");
    const compiled = {
        base: outside ? undefined : joined === "." ? "" : joined,
        rules: group.patterns.map((pattern) => compileRule(pattern, origin)),
    };
    return (file) => groupCovers(compiled, file);
}
function compileRule(pattern, origin) {
    const negated = pattern.startsWith("!");
    const fail = (why) => new UserError(`${origin}: uv cannot parse the glob ${JSON.stringify(pattern)}: it ${why}`);
    return { negated, matches: patternMatcher(negated ? pattern.slice(1) : pattern, fail) };
}
function groupCovers({ base, rules }, file) {
    if (base === undefined)
        return false;
    if (base !== "" && !file.startsWith(`${base}/`))
        return false;
    const rel = base === "" ? file : file.slice(base.length + 1);
    const last = (path) => rules.findLast((rule) => rule.matches(path));
    // The walk does not descend into a directory an exclusion matches.
    if (underDir(rel, (dir) => last(dir)?.negated === true))
        return false;
    const rule = last(rel);
    return rule !== undefined && !rule.negated;
}

;// CONCATENATED MODULE: ./src/keys/env.ts


/** Variables that change what a build produces. Names ending in `_` are prefixes. */
const BUILD_ENV = [
    "CARGO_",
    "CMAKE_",
    "MATURIN_",
    "PYO3_",
    "SKBUILD_",
    "SETUPTOOLS_",
    "MESON_",
    "RUSTFLAGS",
    "RUSTC",
    "RUSTDOCFLAGS",
    "CC",
    "CXX",
    "CPP",
    "FC",
    "CFLAGS",
    "CXXFLAGS",
    "CPPFLAGS",
    "FFLAGS",
    "LDFLAGS",
    "LDSHARED",
    "AR",
    "ARCHFLAGS",
    "CUDAFLAGS",
    "NVCC_PREPEND_FLAGS",
    "MACOSX_DEPLOYMENT_TARGET",
    "_PYTHON_HOST_PLATFORM",
    // Where compilers and linkers search for headers, libraries and packages.
    "CPATH",
    "C_INCLUDE_PATH",
    "CPLUS_INCLUDE_PATH",
    "LIBRARY_PATH",
    "PKG_CONFIG_PATH",
    "PKG_CONFIG_LIBDIR",
    // The cc crate's per-target settings (CC_x86_64_unknown_linux_gnu, CFLAGS_..., TARGET_CC).
    "TARGET_CC",
    "TARGET_CXX",
    "TARGET_AR",
    "TARGET_CFLAGS",
    "TARGET_CXXFLAGS",
    "CC_",
    "CXX_",
    "AR_",
    "CFLAGS_",
    "CXXFLAGS_",
    // Libraries that -sys crates and setup scripts locate by environment.
    "OPENSSL_",
    "NPY_",
    "SCIPY_",
    // Build isolation and the constraints an isolated build environment is resolved with.
    "PIP_CONSTRAINT",
    "PIP_BUILD_CONSTRAINT",
    "UV_BUILD_CONSTRAINT",
    "UV_CONSTRAINT",
    "PIP_NO_BUILD_ISOLATION",
    "UV_NO_BUILD_ISOLATION",
    // cibuildwheel's configuration, when it builds.
    "CIBW_",
    // The MSVC developer environment: toolset, Windows SDK, target architecture.
    "VCToolsVersion",
    "VCToolsInstallDir",
    "WindowsSDKVersion",
    "WindowsSdkDir",
    "VSCMD_VER",
    "VSCMD_ARG_TGT_ARCH",
    "DISTUTILS_USE_SDK",
];
/** Matches of the prefixes above that only affect logging, networking or where caches live. */
const NOT_BUILD_ENV = ["CARGO_TERM_", "CARGO_HOME", "CARGO_HTTP_", "CARGO_NET_", "CARGO_REGISTR"];
/** A name pattern: an exact name, or a prefix when it ends in `_` or `*`. */
function matchesName(pattern, name) {
    if (pattern.endsWith("*"))
        return name.startsWith(pattern.slice(0, -1));
    if (pattern.endsWith("_"))
        return name.startsWith(pattern);
    return name === pattern;
}
/**
 * One key per build-affecting variable that is set, plus every exactly named user variable
 * (recorded as unset when it is). Values are hashed, never kept.
 */
function envKeys(env, extra) {
    const keys = new Map();
    for (const name of Object.keys(env).sort()) {
        if (NOT_BUILD_ENV.some((p) => name.startsWith(p)))
            continue;
        if (BUILD_ENV.some((p) => matchesName(p, name)))
            keys.set(name, envKey(name, env[name], "implicit"));
    }
    for (const pattern of extra) {
        for (const name of Object.keys(env).filter((n) => matchesName(pattern, n))) {
            keys.set(name, envKey(name, env[name], "input"));
        }
        if (!/[*_]$/.test(pattern) && !keys.has(pattern))
            keys.set(pattern, envKey(pattern, undefined, "input"));
    }
    return [...keys.values()];
}
/** The key for one variable: its value's digest, unset kept apart from empty. */
function envKey(name, value, source, group = "implicit") {
    const digest = value === undefined ? digestOf("env", name, "unset") : digestOf("env", name, "set", value);
    return {
        id: `env:${name}`,
        kind: "env",
        source,
        group,
        digest,
        detail: value === undefined ? "unset" : "set",
    };
}
/**
 * The variables a `cache-keys` list for uv names with `{ env = ... }` for a backend: the exact
 * names (uv has no prefixes) of the ones that change its builds, each also keyed above.
 */
function uvEnvNames(backend) {
    const rust = ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_TARGET"];
    const c = ["CC", "CXX", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "LDFLAGS"];
    switch (backend) {
        case "maturin":
            return [...rust, "MATURIN_PEP517_ARGS", "MACOSX_DEPLOYMENT_TARGET"];
        case "setuptools-rust":
            return [...rust, "MACOSX_DEPLOYMENT_TARGET"];
        case "scikit-build-core":
            return [...c, "CMAKE_ARGS", "SKBUILD_CMAKE_ARGS", "MACOSX_DEPLOYMENT_TARGET"];
        case "setuptools":
        case "meson-python":
            return [...c, "MACOSX_DEPLOYMENT_TARGET"];
        case "other":
            return [];
        default:
            return assertNever(backend);
    }
}

;// CONCATENATED MODULE: ./src/files/expand.ts


/**
 * Expands the non-negated globs of one list over `tree.files`: for each, the sorted
 * project-relative paths (posix, `../` allowed) of the files under its base that it matches and
 * that no negated glob of the list excludes. A negated glob excludes a file when it matches the
 * file's path relative to the negated glob's base, or one of its directories there (as uv prunes
 * excluded directories). Each glob is matched on its own, not clustered as uv does.
 * Throws a `UserError` when a base leaves the repository root.
 */
function expandGlobs(tree, globs) {
    const rooted = globs.map((glob) => rootBase(tree, glob));
    const exclusions = rooted.filter((r) => r.glob.negated);
    const fold = tree.caseInsensitive;
    const result = new Map();
    for (const { glob, base } of rooted) {
        if (glob.negated)
            continue;
        const matched = [];
        for (const file of filesUnder(tree.files, base, fold)) {
            if (glob.matches(below(base, file)) && !exclusions.some((n) => excludes(n, file, fold))) {
                matched.push(toProject(tree.projectDir, file));
            }
        }
        result.set(glob, matched.sort());
    }
    return result;
}
function rootBase(tree, glob) {
    const base = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(tree.projectDir, glob.base));
    if (base === ".." || base.startsWith("../")) {
        throw new UserError(`${glob.origin}: glob ${JSON.stringify(glob.pattern)} reaches outside the repository root`);
    }
    return { glob, base: base === "." ? "" : base };
}
function excludes({ glob, base }, file, fold) {
    if (base !== "" && !isUnder(file, base, fold))
        return false;
    return glob.matchesSelfOrParent(below(base, file));
}
/** Whether `file` lies under the directory `base`, whose case may differ when `fold`. */
function isUnder(file, base, fold) {
    const prefix = `${base}/`;
    if (file.startsWith(prefix))
        return true;
    return fold && file.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}
/**
 * The files under `base` ("" for all): a contiguous range of the sorted list, or, when case is
 * ignored (`fold`), the files whose directory is `base` in any case.
 */
function* filesUnder(files, base, fold) {
    if (base === "") {
        yield* files;
        return;
    }
    if (fold) {
        for (const file of files)
            if (isUnder(file, base, true))
                yield file;
        return;
    }
    const prefix = `${base}/`;
    for (let i = lowerBound(files, prefix); i < files.length && files[i].startsWith(prefix); i++) {
        yield files[i];
    }
}
function lowerBound(files, key) {
    let low = 0;
    let high = files.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (files[mid] < key)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
function below(base, file) {
    return base === "" ? file : file.slice(base.length + 1);
}
function toProject(projectDir, file) {
    if (projectDir === "")
        return file;
    if (file.startsWith(`${projectDir}/`))
        return file.slice(projectDir.length + 1);
    return external_node_path_namespaceObject.posix.relative(projectDir, file);
}

;// CONCATENATED MODULE: ./src/shared/probe.ts


/**
 * Runs a version probe (`rustc -vV`) without a shell, in `cwd` (where pyenv's `.python-version`
 * and `rust-toolchain.toml` apply, as for the build), and returns its stdout, or undefined when
 * the program is missing, fails, cannot be started (see invocationOf) or takes longer than
 * `timeoutMs`: an absent tool is a fact the key records, not an error.
 */
function probe(command, args, env, cwd, timeoutMs = 60_000) {
    const started = invocationOf([command, ...args], env);
    if ("problem" in started)
        return Promise.resolve(undefined);
    return new Promise((resolve) => {
        const options = {
            env,
            cwd,
            timeout: timeoutMs,
            windowsHide: true,
            windowsVerbatimArguments: started.verbatim,
        };
        (0,external_node_child_process_namespaceObject.execFile)(started.file, started.args, options, (error, stdout) => {
            resolve(error ? undefined : stdout.toString());
        });
    });
}

;// CONCATENATED MODULE: ./src/keys/git.ts



/** Keys for a `{ git = ... }` entry: `git:commit` and/or `git:tags`, with warnings. */
async function gitKeys(spec, root, isRepo, env) {
    const warnings = [];
    const keys = [];
    const git = (...args) => isRepo ? probe("git", ["-C", root, ...args], env) : Promise.resolve(undefined);
    if (!isRepo)
        warnings.push(`${spec.origin}: git key, but the project is not in a git repository`);
    const base = { kind: "git", source: spec.source, group: spec.group };
    if (spec.entry.commit) {
        const commit = (await git("rev-parse", "--verify", "-q", "HEAD"))?.trim() || null;
        keys.push({
            ...base,
            id: "git:commit",
            digest: digestOf("git:commit", commit ?? "none"),
            detail: commit?.slice(0, 12) ?? "none",
        });
    }
    if (spec.entry.tags) {
        const refs = (await git("for-each-ref", "--format=%(refname)%00%(objectname)", "refs/tags")) ?? "";
        const tags = refs.split("\n").filter(Boolean).sort();
        if (tags.length === 0 &&
            (await git("rev-parse", "--is-shallow-repository"))?.trim() === "true") {
            warnings.push(`${spec.origin}: tags are keyed, but this shallow checkout has no tags (actions/checkout: fetch-depth: 0 or fetch-tags: true)`);
        }
        keys.push({
            ...base,
            id: "git:tags",
            digest: digestOf("git:tags", ...tags),
            detail: `${tags.length} tags`,
        });
    }
    return { keys, warnings };
}
/**
 * Whether the work tree has changes to tracked files, and on which day: where the version comes
 * from git (setuptools-scm, hatch-vcs), a dirty tree builds another version (`1.0.1.dev0+g…`,
 * with the date) than the clean commit, so the wheel's metadata differs.
 */
async function gitDirtyKey(root, isRepo, env) {
    const status = isRepo
        ? await probe("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"], env)
        : undefined;
    const dirty = (status ?? "").trim() !== "";
    const detail = dirty ? `dirty on ${new Date().toISOString().slice(0, 10)}` : "clean";
    return {
        id: "git:dirty",
        kind: "git",
        source: "implicit",
        group: "implicit",
        digest: digestOf("git:dirty", detail),
        detail,
    };
}
/** At most this many repositories are probed (two git calls each). */
const MAX_REPOSITORIES = 50;
/**
 * Submodules and nested repositories inside the project: git lists none of their files, so
 * their checked-out commit and whether they have changes stand for their content (bumping a
 * vendored library's submodule changes the key). Undefined when there are none.
 */
async function repositoriesKey(tree, env) {
    const prefix = tree.projectDir === "" ? "" : `${tree.projectDir}/`;
    const inside = tree.repositories.filter((r) => r.startsWith(prefix)).slice(0, MAX_REPOSITORIES);
    if (inside.length === 0)
        return undefined;
    const states = await Promise.all(inside.map(async (repo) => {
        const dir = external_node_path_default().join(tree.root, repo);
        const [head, status] = await Promise.all([
            probe("git", ["-C", dir, "rev-parse", "--verify", "-q", "HEAD"], env),
            probe("git", ["-C", dir, "status", "--porcelain"], env),
        ]);
        return [repo.slice(prefix.length), head?.trim() ?? "none", digestOf(status ?? "")];
    }));
    return {
        id: "git:repositories",
        kind: "git",
        source: "implicit",
        group: "rebuild",
        digest: digestOf("git:repositories", ...states.flat()),
        detail: `${inside.length} repositor${inside.length === 1 ? "y" : "ies"} (submodules)`,
    };
}

;// CONCATENATED MODULE: ./src/keys/resolve.ts








/**
 * Resolves uv-style entries against the file tree and the environment, one resolver per kind.
 * A `!pattern` glob excludes what it matches from every glob entry. Duplicate ids keep the first.
 */
async function resolveSpecs(specs, tree, env) {
    const warnings = [];
    const globs = new Map();
    for (const spec of specs) {
        if (spec.entry.kind === "file" &&
            (isGlob(spec.entry.pattern) || spec.entry.pattern.startsWith("!"))) {
            globs.set(spec, compileGlob(spec.entry.pattern, spec.origin, tree.caseInsensitive));
        }
    }
    const matches = expandGlobs(tree, [...globs.values()]);
    const keys = [];
    for (const spec of specs) {
        const entry = spec.entry;
        switch (entry.kind) {
            case "file": {
                const glob = globs.get(spec);
                if (glob?.negated)
                    break;
                const paths = glob ? matches.get(glob) : [literalPath(spec, tree)];
                if (glob && paths.length === 0 && spec.source !== "inferred") {
                    warnings.push(`${spec.origin}: glob ${JSON.stringify(entry.pattern)} matches no file`);
                }
                keys.push(await fileKey(spec, paths, tree, warnings, !glob));
                break;
            }
            case "dir":
                keys.push(await dirKey(spec, tree, warnings));
                break;
            case "git": {
                const git = await gitKeys(spec, tree.root, tree.isGitRepo, env);
                keys.push(...git.keys);
                warnings.push(...git.warnings);
                break;
            }
            case "env":
                keys.push(envKey(entry.name, env[entry.name], spec.source, spec.group));
                break;
            default:
                assertNever(entry);
        }
    }
    return { keys: dedupe(keys), warnings };
}
async function fileKey(spec, paths, tree, warnings, literal) {
    const rooted = paths.map((p) => rootPath(tree, p, spec));
    const digests = await tree.digest(rooted);
    const files = {};
    for (const [i, p] of paths.entries())
        files[p] = digests.get(rooted[i]) ?? null;
    if (literal && files[paths[0]] === null && (await isDirectory(tree, rooted[0]))) {
        warnings.push(`${spec.origin}: ${paths[0]} is a directory; use { dir = ... } for its presence or a glob such as ${paths[0]}/** for its files`);
    }
    const pattern = spec.entry.kind === "file" ? spec.entry.pattern : "";
    return {
        id: `file:${pattern}`,
        kind: "file",
        source: spec.source,
        group: spec.group,
        digest: filesDigest(files),
        files,
    };
}
async function dirKey(spec, tree, warnings) {
    const rel = normalize(spec.entry.path);
    const rooted = casedDir(tree, rootPath(tree, rel, spec));
    const info = await statProjectPath(external_node_path_default().join(tree.root, rooted), rooted);
    if (info && !info.isDirectory())
        warnings.push(`${spec.origin}: ${rel} is not a directory`);
    const state = info?.isDirectory() ? "present" : "absent";
    return {
        id: `dir:${spec.entry.path}`,
        kind: "dir",
        source: spec.source,
        group: spec.group,
        digest: digestOf("dir", rel, state),
        detail: state,
    };
}
/**
 * The project-relative path a literal `file` entry names: as written, or, on a file system that
 * ignores case, as the listed file it opens is named (so that one file is one path in the report).
 */
/**
 * A root-relative directory as the file system names it: on one that ignores case, the directory
 * of a listed file whose path differs from it only in case (else as written).
 */
function casedDir(tree, rooted) {
    if (!tree.caseInsensitive || rooted === "")
        return rooted;
    const prefix = `${rooted.toLowerCase()}/`;
    const file = tree.files.find((f) => f.startsWith(`${rooted}/`) || f.slice(0, prefix.length).toLowerCase() === prefix);
    return file ? file.slice(0, rooted.length) : rooted;
}
function literalPath(spec, tree) {
    const rel = normalize(spec.entry.pattern);
    if (!tree.caseInsensitive || /^(?:[/\\]|[A-Za-z]:)/.test(rel))
        return rel;
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    const listed = tree.listed(joined);
    if (!listed || listed === joined)
        return rel;
    return tree.projectDir === "" ? listed : external_node_path_default().posix.relative(tree.projectDir, listed);
}
function normalize(p) {
    if (/^(?:[/\\]|[A-Za-z]:)/.test(p))
        return p;
    return external_node_path_default().posix.normalize(p.replaceAll("\\", "/")).replace(/\/$/, "");
}
/** A project-relative path as a root-relative one; leaving the repository is a user error. */
function rootPath(tree, rel, spec) {
    if (/^(?:[/\\]|[A-Za-z]:)/.test(rel)) {
        throw new UserError(`${spec.origin}: ${rel} is an absolute path; write it relative to the project directory`);
    }
    const joined = external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    if (joined === ".." || joined.startsWith("../")) {
        throw new UserError(`${spec.origin}: ${rel} is outside the repository root`);
    }
    return joined === "." ? "" : joined;
}
async function isDirectory(tree, rooted) {
    return (await statProjectPath(external_node_path_default().join(tree.root, rooted), rooted))?.isDirectory() ?? false;
}
function dedupe(keys) {
    const seen = new Set();
    return keys.filter((k) => !seen.has(k.id) && seen.add(k.id));
}
/**
 * The project-relative files that file entries would cover in `tree` (listed files only, no
 * digests): to tell what one list of entries leaves out that another covers.
 */
function matchedFiles(entries, tree, origin) {
    const patterns = entries.flatMap((e) => (e.kind === "file" ? [e.pattern] : []));
    const globs = patterns
        .filter((p) => isGlob(p) || p.startsWith("!"))
        .map((p) => compileGlob(p, origin));
    const listed = new Set(tree.files);
    const literal = patterns
        .filter((p) => !isGlob(p) && !p.startsWith("!"))
        .map(normalize)
        .filter((rel) => {
        const rooted = external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
        return listed.has(rooted);
    });
    return [...new Set([...literal, ...[...expandGlobs(tree, globs).values()].flat()])].sort();
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./src/shared/toml.ts


/** Parses TOML text (pyproject.toml, Cargo.toml); a syntax error is a UserError naming the file, line and column. */
function parseTomlContent(text, displayPath) {
    try {
        return parse(text);
    }
    catch (error) {
        if (error instanceof TomlError) {
            const reason = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "");
            throw new UserError(`${displayPath}:${error.line}:${error.column}: invalid TOML: ${reason}`);
        }
        throw error;
    }
}
/** `table[k1][k2]...` when every step is a table, else undefined. */
function lookup(table, ...keys) {
    let value = table;
    for (const key of keys) {
        if (!isTable(value))
            return undefined;
        value = value[key];
    }
    return value;
}
function isTable(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringList(value) {
    if (typeof value === "string")
        return [value];
    return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}

;// CONCATENATED MODULE: ./src/project/cargo.ts




const DEP_TABLES = ["dependencies", "build-dependencies"];
/**
 * Follows a crate's path dependencies (including `workspace = true` ones) inside `root`.
 * `manifest` is the absolute path of the top crate's Cargo.toml; a missing manifest gives a layout
 * with that crate alone, so the key records Cargo.toml as absent.
 */
async function readCargoLayout(manifest, root) {
    const workspaceRoot = await findWorkspaceRoot(external_node_path_default().dirname(manifest), root);
    const workspace = workspaceRoot
        ? await readToml(external_node_path_default().join(workspaceRoot, "Cargo.toml"), root)
        : undefined;
    // The workspace's own `[patch]` paths are followed like path dependencies.
    const pending = [external_node_path_default().dirname(manifest)];
    if (workspace && workspaceRoot) {
        for (const dep of dependencyTables({ patch: workspace.patch })) {
            const target = depPath(dep, workspaceRoot, workspace, workspaceRoot);
            if (target)
                pending.push(target);
        }
    }
    const crates = [];
    const extraSources = [];
    const outside = [];
    while (pending.length > 0) {
        const dir = pending.pop();
        if (crates.includes(dir))
            continue;
        if (!isInside(dir, root)) {
            outside.push(dir);
            continue;
        }
        crates.push(dir);
        const cargo = await readToml(external_node_path_default().join(dir, "Cargo.toml"), root);
        if (!cargo)
            continue;
        // `[package] build = "tools/build.rs"`: a build script outside the usual place.
        const build = lookup(cargo, "package", "build");
        if (typeof build === "string")
            extraSources.push(external_node_path_default().join(dir, build));
        for (const target of ["lib", "bin"]) {
            for (const table of [lookup(cargo, target)].flat()) {
                const file = isTable(table) ? table.path : undefined;
                if (typeof file === "string" && !isInside(external_node_path_default().join(dir, file), external_node_path_default().join(dir, "src"))) {
                    extraSources.push(external_node_path_default().join(dir, file));
                }
            }
        }
        for (const dep of dependencyTables(cargo)) {
            const target = depPath(dep, dir, workspace, workspaceRoot);
            if (target)
                pending.push(target);
        }
    }
    return {
        crates: crates.sort(),
        extraSources: extraSources.sort(),
        workspaceRoot: workspaceRoot ?? external_node_path_default().dirname(manifest),
        outside: outside.sort(),
    };
}
function dependencyTables(cargo) {
    const tables = DEP_TABLES.map((name) => cargo[name]);
    // `[patch.crates-io] foo = { path = "../foo" }` replaces a dependency with a local crate.
    if (isTable(cargo.patch))
        tables.push(...Object.values(cargo.patch));
    const targets = cargo.target;
    if (isTable(targets)) {
        for (const target of Object.values(targets)) {
            if (isTable(target))
                tables.push(...DEP_TABLES.map((name) => target[name]));
        }
    }
    return tables.filter(isTable).flatMap((table) => Object.entries(table));
}
function depPath([name, spec], dir, workspace, workspaceRoot) {
    if (!isTable(spec))
        return undefined;
    if (typeof spec.path === "string")
        return external_node_path_default().resolve(dir, spec.path);
    if (spec.workspace === true && workspace && workspaceRoot) {
        const inherited = lookup(workspace, "workspace", "dependencies", name);
        if (isTable(inherited) && typeof inherited.path === "string") {
            return external_node_path_default().resolve(workspaceRoot, inherited.path);
        }
    }
    return undefined;
}
async function findWorkspaceRoot(start, root) {
    for (let dir = start; isInside(dir, root); dir = external_node_path_default().dirname(dir)) {
        const cargo = await readToml(external_node_path_default().join(dir, "Cargo.toml"), root);
        if (cargo && isTable(cargo.workspace))
            return dir;
        if (dir === root || external_node_path_default().dirname(dir) === dir)
            break;
    }
    return undefined;
}
/** A Cargo manifest, or undefined when it does not exist: its key records it as absent. */
async function readToml(file, root) {
    const display = toPosix(external_node_path_default().relative(root, file)) || file;
    const text = await readProjectFile(file, display);
    return text === undefined ? undefined : parseTomlContent(text, display);
}

;// CONCATENATED MODULE: ./src/project/infer-native.ts


const file = (pattern) => ({ kind: "file", pattern });
/** At most this many build files are read, so a pathological tree cannot hold inference. */
const MAX_BUILD_FILES = 200;
/**
 * Directories setup.py names in `include_dirs=[...]` and `library_dirs=[...]` lists of string
 * literals. A list that computes its items (`os.path.join(...)`, `numpy.get_include()`) names
 * nothing a rule can follow: the trace sees what the build reads there.
 */
function setupPyDirs(setupPy) {
    const dirs = [];
    const lists = /\b(?:include_dirs|library_dirs)\s*=\s*\[([^\]]{0,2000})\]/g;
    for (const list of setupPy.matchAll(lists)) {
        const items = list[1];
        // Only string literals, separated by commas (unambiguous, so linear on any input).
        if (!/^\s*(?:(?:"[^"\n]*"|'[^'\n]*')\s*(?:,\s*)?)*$/.test(items))
            continue;
        dirs.push(...[...items.matchAll(/["']([^"'\n]{1,300})["']/g)].map((m) => m[1]));
    }
    return dirs;
}
/** Modules `setup.py` imports that live beside it (`import setup_helpers`, `from build_ext import x`). */
function setupPyImports(setupPy) {
    const names = new Set();
    for (const m of setupPy.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))/gm)) {
        const modules = m[1] ? [m[1]] : m[2].split(",").map((s) => s.trim().split(/\s+/)[0]);
        for (const module of modules)
            if (module)
                names.add(module.split(".")[0]);
    }
    return [...names];
}
/**
 * Variables a machine sets for every program, whatever it builds: keying them would make every
 * machine's fingerprint its own.
 */
const AMBIENT_ENV = new Set([
    "PATH",
    "HOME",
    "USER",
    "USERNAME",
    "LOGNAME",
    "SHELL",
    "PWD",
    "OLDPWD",
    "TERM",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_CTYPE",
    "TMPDIR",
    "TMP",
    "TEMP",
    "PYTHONPATH",
    "PYTHONHASHSEED",
    "VIRTUAL_ENV",
]);
/** Reading the environment by a name given in a literal or held in `(param)`'s parameter. */
const READ_ENV = String.raw `(?:\benviron\s*\.\s*(?:get|pop|setdefault)|\bgetenv)\s*\(\s*`;
/**
 * Environment variables a build script reads by name: `os.environ.get("X")`, `os.getenv("X")`,
 * `os.environ["X"]`, `"X" in os.environ`, `environ.pop("X")`, `environ.setdefault("X", ...)`;
 * and the names passed to a helper the script defines that reads the variable its first
 * parameter names (`def bool_from_environ(key): value = os.environ.get(key)`, called as
 * `bool_from_environ("USE_SYSTEM_BROTLI")`). `MSGPACK_PUREPYTHON=1` builds a pure-Python wheel:
 * a variable like it changes the wheel as much as a source does.
 */
function scriptEnvNames(script) {
    const code = script.replace(/^[ \t]*#[^\n]*/gm, "");
    const names = new Set();
    const literal = `["']([A-Za-z_][A-Za-z0-9_]{0,100})["']`;
    const direct = [
        new RegExp(`${READ_ENV}${literal}`, "g"),
        new RegExp(String.raw `\benviron\s*\[\s*${literal}\s*\]`, "g"),
        new RegExp(String.raw `${literal}\s+(?:not\s+)?in\s+(?:os\s*\.\s*)?environ\b`, "g"),
    ];
    for (const pattern of direct)
        for (const m of code.matchAll(pattern))
            names.add(m[1]);
    for (const helper of envHelpers(code)) {
        const calls = new RegExp(String.raw `\b${helper}\s*\(\s*${literal}\s*[,)]`, "g");
        for (const m of code.matchAll(calls))
            names.add(m[1]);
    }
    return [...names].filter((name) => !AMBIENT_ENV.has(name)).sort();
}
/** Functions of a script that read the environment variable their first parameter names. */
function envHelpers(code) {
    const helpers = [];
    const lines = code.split("\n");
    for (const [i, line] of lines.entries()) {
        const def = /^([ \t]*)def[ \t]+([A-Za-z_]\w{0,100})[ \t]*\([ \t]*([A-Za-z_]\w{0,100})/.exec(line);
        if (!def)
            continue;
        const [, indent, name, param] = def;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const next = lines[j];
            if (next.trim() !== "" && /^[ \t]*/.exec(next)[0].length <= indent.length)
                break;
            body.push(next);
        }
        const text = body.join("\n");
        const reads = new RegExp(`${READ_ENV}${param}\\b`).test(text) ||
            new RegExp(String.raw `\benviron\s*\[\s*${param}\s*\]`).test(text);
        if (reads)
            helpers.push(name);
    }
    return helpers;
}
/** Directories CMake adds: `include_directories`, `target_include_directories`, `add_subdirectory`. */
function cmakeDirs(text) {
    const dirs = [];
    const calls = /\b(include_directories|target_include_directories|add_subdirectory)\s*\(([^)]{0,2000})\)/gi;
    for (const call of text.matchAll(calls)) {
        const words = call[2].match(/"[^"]*"|[^\s"]+/g) ?? [];
        const args = words.map((w) => w.replace(/^"|"$/g, ""));
        const command = call[1].toLowerCase();
        const candidates = command === "add_subdirectory"
            ? args.slice(0, 1)
            : args.filter((a) => !/^(?:SYSTEM|BEFORE|AFTER|PUBLIC|PRIVATE|INTERFACE)$/.test(a));
        for (const arg of command === "target_include_directories" ? candidates.slice(1) : candidates) {
            const dir = arg.replace(/^\$\{(?:CMAKE_CURRENT_SOURCE_DIR|CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR)\}\/?/, "");
            if (!dir.includes("${") && !dir.includes("$<"))
                dirs.push(dir || ".");
        }
    }
    return dirs;
}
/** String literals of a meson.build, and the directories it descends into with `subdir()`. */
function mesonStrings(text) {
    const code = text.replace(/#[^\n]*/g, "");
    const strings = [...code.matchAll(/'((?:[^'\\\n]|\\.){1,300})'/g)].map((m) => m[1]);
    const subdirs = [...code.matchAll(/\bsubdir\s*\(\s*'([^']{1,300})'/g)].map((m) => m[1]);
    return { strings, subdirs };
}
/** The entries the build scripts name (see `Named`). */
async function inferNamed(project) {
    const entries = [];
    const warnings = [];
    const setupPy = project.setupPy ?? "";
    const name = project.backend.name;
    const native = ["setuptools", "setuptools-rust", "scikit-build-core", "meson-python"];
    if (native.includes(name) || project.setupPy !== undefined) {
        for (const dir of setupPyDirs(setupPy))
            addDir(project, dir, entries, warnings);
        const scripts = [setupPy];
        for (const module of setupPyImports(setupPy)) {
            for (const candidate of [`${module}.py`, `${module}/__init__.py`]) {
                if (!(await project.isFile(candidate)))
                    continue;
                entries.push(file(candidate));
                scripts.push((await project.read(candidate)) ?? "");
            }
        }
        // The variables setup.py and its helper modules read change the wheel as a source does.
        const names = new Set(scripts.flatMap(scriptEnvNames));
        for (const name of [...names].sort())
            entries.push({ kind: "env", name });
    }
    if (name === "scikit-build-core" || (await project.isFile("CMakeLists.txt"))) {
        for (const [dir, text] of await cmakeFiles(project)) {
            for (const named of cmakeDirs(text))
                addDir(project, external_node_path_default().posix.join(dir, named), entries, warnings);
        }
    }
    if (name === "meson-python")
        entries.push(...(await mesonFiles(project)));
    return { entries, warnings };
}
/** A directory the build searches or descends into: every file in it (extensionless headers too). */
function addDir(project, dir, entries, warnings) {
    const rel = toPosix(external_node_path_default().posix.normalize(dir.replaceAll("\\", "/"))).replace(/\/$/, "");
    if (external_node_path_default().isAbsolute(rel))
        return; // a system directory: the trace sees what the build reads there
    if (!isInside(external_node_path_default().resolve(project.dir, rel), project.root)) {
        warnings.push(`${rel} is outside the repository and is not fingerprinted (the build searches it)`);
        return;
    }
    // The project itself or a directory above it would key the whole tree: its sources are keyed
    // by their suffixes already.
    if (isInside(project.dir, external_node_path_default().resolve(project.dir, rel)))
        return;
    entries.push(file(`${rel}/**`));
}
/** CMakeLists.txt at the project root and in the directories it adds, as [dir, text]. */
async function cmakeFiles(project) {
    const found = [];
    const pending = ["."];
    while (pending.length > 0 && found.length < MAX_BUILD_FILES) {
        const dir = pending.shift();
        if (found.some(([d]) => d === dir))
            continue;
        const text = await project.read(external_node_path_default().posix.join(dir, "CMakeLists.txt"));
        if (text === undefined)
            continue;
        found.push([dir, text]);
        for (const sub of text.matchAll(/\badd_subdirectory\s*\(\s*"?([^\s")]+)/gi)) {
            const next = external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, sub[1]));
            if (!next.startsWith("..") && !sub[1].includes("${"))
                pending.push(next);
        }
    }
    return found;
}
/** Every file a meson.build names, relative to its own directory, at any depth of `subdir()`. */
async function mesonFiles(project) {
    const entries = [];
    const pending = ["."];
    const seen = new Set();
    while (pending.length > 0 && seen.size < MAX_BUILD_FILES) {
        const dir = pending.shift();
        if (seen.has(dir))
            continue;
        seen.add(dir);
        const text = await project.read(external_node_path_default().posix.join(dir, "meson.build"));
        if (text === undefined)
            continue;
        const { strings, subdirs } = mesonStrings(text);
        for (const s of strings) {
            const rel = external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, s));
            if (rel.startsWith("..") || rel === ".")
                continue;
            if (await project.isFile(rel))
                entries.push(file(rel));
        }
        for (const sub of subdirs)
            pending.push(external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, sub)));
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/project/backend.ts

const LEGACY = "setuptools.build_meta:__legacy__";
const GIT_VERSIONING = ["setuptools-scm", "setuptools_scm", "hatch-vcs", "versioningit"];
const GIT_VERSIONING_TOOLS = ["setuptools_scm", "setuptools-scm", "versioningit", "hatch-vcs"];
/** Detects the build backend from `[build-system]`; `setupPy` is the text of setup.py, if any. */
function detectBackend(pyproject, setupPy) {
    const module = String(lookup(pyproject, "build-system", "build-backend") ?? LEGACY);
    // Without a [build-system] table, PEP 517 frontends build with setuptools.
    const declared = lookup(pyproject, "build-system", "requires");
    const requires = (declared === undefined ? ["setuptools"] : stringList(declared)).map(requirementName);
    const backendPath = stringList(lookup(pyproject, "build-system", "backend-path"));
    const dynamic = stringList(lookup(pyproject, "project", "dynamic"));
    const versionFromGit = (dynamic.includes("version") || !lookup(pyproject, "project", "version")) &&
        (requires.some((r) => GIT_VERSIONING.includes(r)) ||
            GIT_VERSIONING_TOOLS.some((tool) => lookup(pyproject, "tool", tool) !== undefined) ||
            lookup(pyproject, "tool", "hatch", "version", "source") === "vcs" ||
            /\buse_scm_version\s*=/.test(setupPy ?? ""));
    return {
        name: backendName(module, requires, pyproject, setupPy),
        module,
        requires,
        backendPath,
        versionFromGit,
    };
}
function backendName(module, requires, pyproject, setupPy) {
    const root = module.split(/[.:]/)[0];
    if (root === "maturin")
        return "maturin";
    if (root === "scikit_build_core")
        return "scikit-build-core";
    if (root === "mesonpy")
        return "meson-python";
    if (root === "setuptools") {
        const rust = requires.includes("setuptools-rust") ||
            lookup(pyproject, "tool", "setuptools-rust") !== undefined ||
            /\bRustExtension\b/.test(setupPy ?? "");
        return rust ? "setuptools-rust" : "setuptools";
    }
    return "other";
}
/** `"setuptools-rust>=1.5; python_version>'3'"` → `setuptools-rust`. */
function requirementName(requirement) {
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement;
    return name.toLowerCase().replace(/[._]+/g, "-");
}

;// CONCATENATED MODULE: ./src/project/pyproject.ts



/**
 * Reads the pyproject.toml of the project at `dir` through `read` (project-relative, undefined
 * when absent). A project with neither pyproject.toml nor setup.py is a UserError, and so is a
 * pyproject.toml that Python's `tomllib` (what every build frontend reads it with) rejects.
 */
async function readPyproject(dir, displayDir, read) {
    const display = external_node_path_default().join(displayDir, "pyproject.toml");
    const text = await read("pyproject.toml");
    if (text !== undefined)
        return { dir, exists: true, data: parsePyprojectContent(text, display) };
    if ((await read("setup.py")) === undefined) {
        throw new UserError(`${displayDir} is not a Python project: it has neither pyproject.toml nor setup.py`);
    }
    return { dir, exists: false, data: {} };
}
/** Parses pyproject.toml text as `tomllib` would: a byte order mark is an error there too. */
function parsePyprojectContent(text, display) {
    if (text.startsWith("\uFEFF")) {
        throw new UserError(`${display}:1:1: invalid TOML: the file starts with a UTF-8 byte order mark, which Python's tomllib (and so every build frontend) rejects`);
    }
    return parseTomlContent(text, display);
}

;// CONCATENATED MODULE: ./src/project/model.ts






/** Reads pyproject.toml, setup.py and setup.cfg and detects the backend. */
async function loadProject(location, display) {
    const dir = location.projectDir;
    const shown = (rel) => external_node_path_default().join(display, rel);
    const read = (rel) => readProjectFile(external_node_path_default().resolve(dir, rel), shown(rel));
    const kind = (rel) => statProjectPath(external_node_path_default().resolve(dir, rel), shown(rel));
    const entries = async (rel) => {
        try {
            const found = await (0,promises_namespaceObject.readdir)(external_node_path_default().resolve(dir, rel), { withFileTypes: true });
            return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        }
        catch (error) {
            const code = error.code;
            if (code === "ENOENT" || code === "ENOTDIR")
                return [];
            throw new UserError(`cannot read ${shown(rel)}: ${describeFsError(error)}`);
        }
    };
    const pyproject = await readPyproject(dir, display, read);
    const setupPy = await read("setup.py");
    const setupCfg = await read("setup.cfg");
    return {
        dir,
        root: location.root,
        display,
        pyproject,
        backend: detectBackend(pyproject.data, setupPy),
        setupPy,
        setupCfg,
        read,
        isFile: async (rel) => (await kind(rel))?.isFile() ?? false,
        isDir: async (rel) => (await kind(rel))?.isDirectory() ?? false,
        subdirs: async (rel) => (await entries(rel)).filter((e) => e.isDirectory()).map((e) => e.name),
        files: async (rel) => (await entries(rel)).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name),
        shown,
    };
}
/** Project-relative posix path of an absolute path. */
function projectPath(project, absolute) {
    return external_node_path_default().relative(project.dir, absolute).split((external_node_path_default()).sep).join("/") || ".";
}

;// CONCATENATED MODULE: ./src/project/infer-rebuild.ts






/**
 * Sources a C, C++, CUDA, Cython or Fortran build compiles or includes, at any depth: the usual
 * suffixes, included fragments (`.inc`, `.tcc`, `.txx`), upper-case C++ (`.C`, `.H`) and the
 * templates NumPy and SciPy generate sources from (`.c.src`, `.pyx.in`).
 */
const NATIVE_SOURCES = "*.{c,cc,cpp,cxx,c++,C,h,hh,hpp,hxx,h++,H,inl,inc,ipp,tpp,tcc,txx,cu,cuh,pyx,pxd,pxi,f,for,f90,f95,F,F90,m,mm,s,S,asm,def,c.src,pyx.in}";
const infer_rebuild_file = (pattern) => ({ kind: "file", pattern });
/**
 * The rebuild keys wheel-cache uses when the project sets no `[tool.uv] cache-keys`: what its
 * backend compiles, configures and links, so that a source edit always rebuilds (uv's own
 * defaults would not). pyproject.toml itself is an implicit key for every project.
 */
async function inferRebuildKeys(project) {
    const entries = [{ kind: "dir", path: "src" }];
    const warnings = [];
    const { backend } = project;
    const named = await inferNamed(project);
    entries.push(...named.entries);
    warnings.push(...named.warnings);
    if (backend.name !== "maturin")
        entries.push(infer_rebuild_file("setup.py"), infer_rebuild_file("setup.cfg"));
    switch (backend.name) {
        case "maturin": {
            const manifest = lookup(project.pyproject.data, "tool", "maturin", "manifest-path");
            const layout = await cargoLayout(project, typeof manifest === "string" ? manifest : "Cargo.toml");
            entries.push(...rustKeys(project, layout, warnings));
            // maturin honours .gitignore files when it collects the python-source files.
            entries.push(infer_rebuild_file("**/.gitignore"));
            break;
        }
        case "setuptools-rust": {
            entries.push(infer_rebuild_file("MANIFEST.in"));
            for (const manifest of rustManifests(project)) {
                entries.push(...rustKeys(project, await cargoLayout(project, manifest), warnings));
            }
            break;
        }
        case "setuptools":
            entries.push(infer_rebuild_file("MANIFEST.in"), infer_rebuild_file(NATIVE_SOURCES));
            break;
        case "scikit-build-core":
            entries.push(infer_rebuild_file("**/CMakeLists.txt"), infer_rebuild_file("*.cmake"), infer_rebuild_file("*.in"), infer_rebuild_file("CMakePresets.json"), 
            // scikit-build-core reads .gitignore files to decide which package files the wheel leaves out.
            infer_rebuild_file("**/.gitignore"));
            entries.push(infer_rebuild_file(NATIVE_SOURCES));
            break;
        case "meson-python":
            entries.push(infer_rebuild_file("**/meson.build"), infer_rebuild_file("meson.options"), infer_rebuild_file("meson_options.txt"));
            entries.push(infer_rebuild_file("*.wrap"), infer_rebuild_file("*.in"), infer_rebuild_file(NATIVE_SOURCES));
            break;
        case "other":
            // An in-tree backend (`backend-path`) that hands the build to setuptools reads what
            // setuptools reads.
            if (await delegatesToSetuptools(project)) {
                entries.push(infer_rebuild_file("MANIFEST.in"), infer_rebuild_file(NATIVE_SOURCES));
            }
            break;
    }
    for (const dir of backend.backendPath)
        entries.push(infer_rebuild_file(`${trimSlash(dir)}/**/*.py`));
    if (backend.versionFromGit)
        entries.push({ kind: "git", commit: true, tags: true });
    return { entries, warnings };
}
/** Whether an in-tree backend's module imports setuptools (Pillow's, frozenlist's do). */
async function delegatesToSetuptools(project) {
    const { backend } = project;
    if (backend.backendPath.length === 0)
        return false;
    const module = backend.module.split(":")[0].replaceAll(".", "/");
    for (const dir of backend.backendPath) {
        for (const candidate of [
            `${trimSlash(dir)}/${module}.py`,
            `${trimSlash(dir)}/${module}/__init__.py`,
        ]) {
            const text = await project.read(candidate);
            if (text !== undefined && /\bsetuptools\b/.test(text))
                return true;
        }
    }
    return false;
}
async function cargoLayout(project, manifest) {
    return readCargoLayout(external_node_path_default().resolve(project.dir, manifest), project.root);
}
function rustKeys(project, layout, warnings) {
    const rel = (abs) => projectPath(project, abs);
    const under = (dir, name) => (rel(dir) === "." ? name : `${rel(dir)}/${name}`);
    const entries = [];
    for (const crate of layout.crates) {
        entries.push(infer_rebuild_file(under(crate, "Cargo.toml")), infer_rebuild_file(under(crate, "src/**")));
        entries.push(infer_rebuild_file(under(crate, "build.rs")));
    }
    for (const source of layout.extraSources)
        entries.push(infer_rebuild_file(rel(source)));
    entries.push(infer_rebuild_file(under(layout.workspaceRoot, "Cargo.toml")), infer_rebuild_file(under(layout.workspaceRoot, "Cargo.lock")));
    // Cargo and rustup read their configuration from the build directory and every ancestor.
    for (let dir = project.dir; isInside(dir, project.root); dir = external_node_path_default().dirname(dir)) {
        for (const name of [
            ".cargo/config.toml",
            ".cargo/config",
            "rust-toolchain",
            "rust-toolchain.toml",
        ]) {
            entries.push(infer_rebuild_file(under(dir, name)));
        }
        if (dir === project.root)
            break;
    }
    for (const dir of layout.outside) {
        warnings.push(`Rust path dependency ${rel(dir)} is outside the repository and is not fingerprinted`);
    }
    return entries;
}
/** Cargo manifests that setuptools-rust builds, from pyproject.toml or setup.py. */
function rustManifests(project) {
    const modules = lookup(project.pyproject.data, "tool", "setuptools-rust", "ext-modules");
    const fromToml = (Array.isArray(modules) ? modules : []).flatMap((m) => stringList(lookup(m, "path")));
    const fromSetupPy = [
        ...(project.setupPy ?? "").matchAll(/RustExtension\([^)]*?path\s*=\s*["']([^"']+)["']/gs),
    ].map((m) => m[1]);
    const manifests = [...fromToml, ...fromSetupPy];
    return manifests.length > 0 ? [...new Set(manifests)] : ["Cargo.toml"];
}
function trimSlash(dir) {
    return dir.replace(/\/+$/, "") || ".";
}

;// CONCATENATED MODULE: ./src/project/infer-shipped.ts

/** Top-level directories that are never packages in a flat layout (setuptools' own list, abridged). */
const NOT_PACKAGES = new Set([
    "tests",
    "test",
    "docs",
    "doc",
    "examples",
    "example",
    "benchmarks",
    "bench",
    "scripts",
    "tools",
    "tasks",
    "site",
    "build",
    "dist",
    "target",
    "python",
    "src",
    "include",
    "lib",
]);
/** Top-level modules a flat layout never ships (setuptools' FlatLayoutModuleFinder excludes them). */
const NOT_MODULES = /^(?:setup|conftest|tests?|examples?|build|toxfile|noxfile|pavement|dodo|tasks|fabfile|[Ss][Cc]onstruct|conanfile|manage|benchmarks?|exercises?|[._].*)\.pyi?$/;
/**
 * The packages and modules the wheel ships: what the backend is told (maturin's
 * `python-source`, scikit-build-core's `wheel.packages`, setuptools' `packages`, `package-dir`,
 * `py-modules` and `packages.find` in pyproject.toml, setup.cfg or setup.py), else the
 * conventional places of the package named after the project, else every top-level package.
 */
async function shippedFiles(project) {
    const data = project.pyproject.data;
    const dirs = [];
    const pythonSource = lookup(data, "tool", "maturin", "python-source");
    if (typeof pythonSource === "string")
        dirs.push(pythonSource);
    dirs.push(...stringList(lookup(data, "tool", "scikit-build", "wheel", "packages")));
    const setuptools = setuptoolsLayout(project);
    dirs.push(...setuptools.packages.map((p) => packageDir(p, setuptools.packageDir)));
    for (const where of setuptools.find)
        dirs.push(...(await packagesIn(project, where)));
    const modules = setuptools.modules.map((m) => packageDir(m, setuptools.packageDir));
    // A package directory that is the project itself ships its top-level packages, not the tree.
    const whole = dirs.some((d) => (d.replace(/\/+$/, "") || ".") === ".");
    const found = [
        ...(await existingDirs(project, dirs.filter((d) => (d.replace(/\/+$/, "") || ".") !== "."))),
        ...(whole ? await packagesIn(project, ".") : []),
    ];
    const shippedModules = await existingFiles(project, modules.flatMap((m) => [`${m}.py`, `${m}.pyi`]));
    if (found.length > 0 || shippedModules.length > 0) {
        return { dirs: found, modules: shippedModules };
    }
    const name = importName(project);
    const conventional = name
        ? await pythonDirs(project, [`src/${name}`, `python/${name}`, name])
        : [];
    if (conventional.length > 0)
        return { dirs: conventional, modules: await topModules(project, name) };
    return fallback(project);
}
/**
 * setup.py with the `setup()` arguments that name a module-level constant (brotli's
 * `package_dir=PACKAGE_DIR` where `PACKAGE_DIR = {"": "python"}`, `py_modules=PY_MODULES`,
 * `name=NAME`) replaced by the constant's literal, so that the rules below read them.
 */
function inlineSetupConstants(setupPy) {
    return setupPy.replace(/\b(name|packages|package_dir|py_modules)(\s*=\s*)([A-Za-z_]\w{0,100})(?=\s*[,)])/g, (whole, argument, equals, constant) => {
        const assigned = new RegExp(`^${constant}[ \\t]*=[ \\t]*(\\[[^\\]]{0,2000}\\]|\\{[^}]{0,2000}\\}|"[^"\\n]*"|'[^'\\n]*')`, "m").exec(setupPy);
        return assigned ? `${argument}${equals}${assigned[1]}` : whole;
    });
}
function setuptoolsLayout(project) {
    const data = project.pyproject.data;
    const setupPy = inlineSetupConstants(project.setupPy ?? "");
    const table = lookup(data, "tool", "setuptools");
    const packageDir = {};
    const pyprojectDirs = lookup(data, "tool", "setuptools", "package-dir");
    if (isTable(pyprojectDirs)) {
        for (const [name, dir] of Object.entries(pyprojectDirs)) {
            if (typeof dir === "string")
                packageDir[name] = dir;
        }
    }
    Object.assign(packageDir, setupCfgPackageDir(project.setupCfg ?? ""));
    Object.assign(packageDir, setupPyDict(setupPy, "package_dir"));
    const packagesValue = isTable(table) ? table.packages : undefined;
    const packages = [
        ...(Array.isArray(packagesValue) ? stringList(packagesValue) : []),
        ...setupPyList(setupPy, "packages"),
    ];
    const find = [];
    if (isTable(packagesValue) && isTable(packagesValue.find)) {
        const where = stringList(packagesValue.find.where);
        find.push(...(where.length > 0 ? where : ["."]));
    }
    find.push(...findPackagesCalls(setupPy));
    const modules = [
        ...stringList(isTable(table) ? table["py-modules"] : undefined),
        ...setupPyList(setupPy, "py_modules"),
    ];
    return { packages, packageDir, find, modules };
}
/** The directory of a package (or module) under setuptools' `package_dir` rules. */
function packageDir(name, mapping) {
    const parts = name.split(".");
    for (let i = parts.length; i >= 0; i--) {
        const prefix = parts.slice(0, i).join(".");
        const base = mapping[prefix];
        if (base !== undefined)
            return [base, ...parts.slice(i)].filter((p) => p && p !== ".").join("/") || ".";
    }
    return parts.join("/");
}
/** `package_dir = \n    = src` in setup.cfg's `[options]`. */
function setupCfgPackageDir(text) {
    const match = /^[ \t]*package_dir[ \t]*=[ \t]*\n?((?:[ \t]*[\w.]*[ \t]*=[ \t]*[\w./-]+[ \t]*\n?)+)/m.exec(text);
    const mapping = {};
    for (const line of match?.[1]?.split("\n") ?? []) {
        const pair = /^[ \t]*([\w.]*)[ \t]*=[ \t]*([\w./-]+)/.exec(line);
        if (pair)
            mapping[pair[1]] = pair[2];
    }
    return mapping;
}
/** A literal list argument of setup(): `packages=["a", "a.b"]`. */
function setupPyList(text, argument) {
    const match = new RegExp(`\\b${argument}\\s*=\\s*\\[([^\\]]{0,2000})\\]`).exec(text);
    return [...(match?.[1] ?? "").matchAll(/["']([\w.]+)["']/g)].map((m) => m[1]);
}
/** A literal dict argument of setup(): `package_dir={"": "src", "b": "lib/b"}`. */
function setupPyDict(text, argument) {
    const match = new RegExp(`\\b${argument}\\s*=\\s*\\{([^}]{0,2000})\\}`).exec(text);
    const mapping = {};
    for (const pair of (match?.[1] ?? "").matchAll(/["']([\w.]*)["']\s*:\s*["']([\w./-]+)["']/g)) {
        mapping[pair[1]] = pair[2];
    }
    return mapping;
}
/** Where `find_packages("src")`, `find_packages(where="lib")` or `find_namespace_packages(...)` look. */
function findPackagesCalls(text) {
    const dirs = [];
    for (const call of text.matchAll(/\bfind_(?:namespace_)?packages\(([^)]{0,500})\)/g)) {
        const where = /^\s*(?:where\s*=\s*)?["']([\w./-]+)["']/.exec(call[1]) ??
            /\bwhere\s*=\s*["']([\w./-]+)["']/.exec(call[1]);
        dirs.push(where?.[1] ?? ".");
    }
    return dirs;
}
/** The top-level packages in a directory (`.` for the project's own): those with Python files. */
async function packagesIn(project, where) {
    const base = where.replace(/\/+$/, "") || ".";
    if (base !== ".")
        return [base];
    const packages = [];
    for (const dir of await project.subdirs(".")) {
        if (NOT_PACKAGES.has(dir) || dir.startsWith("."))
            continue;
        if ((await pythonDirs(project, [dir])).length > 0)
            packages.push(dir);
    }
    return packages;
}
async function existingDirs(project, dirs) {
    const found = [];
    for (const dir of dirs) {
        const clean = dir.replace(/\/+$/, "") || ".";
        if (!found.includes(clean) && (await project.isDir(clean)))
            found.push(clean);
    }
    return found.sort();
}
async function existingFiles(project, files) {
    const found = [];
    for (const file of files)
        if (await project.isFile(file))
            found.push(file);
    return [...new Set(found)].sort();
}
/** The directories that are Python packages: they hold Python files (a guess must be one). */
async function pythonDirs(project, dirs) {
    const found = [];
    for (const dir of await existingDirs(project, dirs)) {
        if ((await project.files(dir)).some((f) => /\.pyi?$/.test(f)))
            found.push(dir);
    }
    return found;
}
/** The top-level module named after the project, its stub, and `py.typed`. */
async function topModules(project, name) {
    return existingFiles(project, [`${name}.py`, `${name}.pyi`, "py.typed"]);
}
/**
 * Nothing configured and nothing named after the project: the packages (directories holding
 * Python files) and modules a src layout or a flat layout would ship; nothing for a project
 * without Python of its own.
 */
async function fallback(project) {
    const base = (await project.isDir("src")) ? "src" : ".";
    const dirs = [];
    for (const dir of await project.subdirs(base)) {
        const rel = base === "." ? dir : `${base}/${dir}`;
        if ((base === "." && NOT_PACKAGES.has(dir)) || dir.startsWith("."))
            continue;
        if ((await pythonDirs(project, [rel])).length > 0)
            dirs.push(rel);
    }
    const modules = (await project.files(base))
        .filter((f) => /\.pyi?$/.test(f) && !NOT_MODULES.test(f))
        .map((f) => (base === "." ? f : `${base}/${f}`));
    return { dirs, modules: modules.sort() };
}
/** Entries for the shipped files: each package directory's whole content, and the modules. */
async function inferShippedKeys(project) {
    const { dirs, modules } = await shippedFiles(project);
    return [
        ...dirs.map((dir) => ({ kind: "file", pattern: `${dir}/**` })),
        ...modules.map((module) => ({ kind: "file", pattern: module })),
    ];
}
/** The import name: maturin's `module-name` package, else the normalized project name. */
function importName(project) {
    const data = project.pyproject.data;
    const moduleName = lookup(data, "tool", "maturin", "module-name");
    if (typeof moduleName === "string")
        return moduleName.split(".")[0];
    const name = lookup(data, "project", "name");
    const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(inlineSetupConstants(project.setupPy ?? ""))?.[1];
    return String(typeof name === "string" ? name : (fromSetup ?? ""))
        .toLowerCase()
        .replace(/[-.]+/g, "_");
}
/**
 * The distribution name the project's wheels carry: `[project].name`, else the `name` setup.py
 * or setup.cfg gives as a literal; undefined when none is written down (then it cannot be checked).
 */
function distributionName(project) {
    const name = lookup(project.pyproject.data, "project", "name");
    if (typeof name === "string")
        return name;
    const fromSetup = /\bname\s*=\s*["']([\w.-]+)["']/.exec(inlineSetupConstants(project.setupPy ?? ""))?.[1];
    const fromCfg = /^\s*name\s*=\s*([\w.-]+)\s*$/m.exec(metadataSection(project.setupCfg))?.[1];
    return fromSetup ?? fromCfg;
}
/** The lines of setup.cfg's `[metadata]` section. */
function metadataSection(setupCfg) {
    const lines = [];
    let inside = false;
    for (const line of (setupCfg ?? "").split("\n")) {
        if (line.startsWith("["))
            inside = line.trim() === "[metadata]";
        else if (inside)
            lines.push(line);
    }
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/fingerprint/uv-inputs.ts









const REASONS = ["pyproject", "rebuild", "declared", "metadata", "read"];
const PYTHON_SHIPPED = /(?:\.pyi?|\/py\.typed)$/;
/**
 * The inputs of a fingerprinted project that uv must see: wheel-cache's rebuild defaults for its
 * backend, extra entries, the metadata inputs and the files `observed` (a traced build) read;
 * with `declared`, also what the project's own `cache-keys` cover. The Python files the wheel
 * ships are left out unless a rule names them.
 */
async function uvInputs(fp, observed, declared) {
    const { project } = fp.request;
    const { tree } = fp;
    const defaults = await inferRebuildKeys(project);
    const extra = fp.specs.filter((s) => s.source === "input").map((s) => s.entry);
    const own = declared ? fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry) : [];
    const metadata = fp.specs.filter((s) => s.group === "metadata").map((s) => s.entry);
    const found = new Map();
    const add = (files, reason) => {
        for (const file of files) {
            const known = found.get(file);
            if (!known || REASONS.indexOf(reason) < REASONS.indexOf(known))
                found.set(file, reason);
        }
    };
    if (project.pyproject.exists)
        add(["pyproject.toml"], "pyproject");
    const rebuild = [...defaults.entries, ...extra];
    add(matchedFiles(rebuild, tree, `defaults for ${project.backend.name}`), "rebuild");
    add(ownFiles(fp, own), "declared");
    add(matchedFiles(metadata, tree, "metadata inputs"), "metadata");
    // Literal paths are keyed whether or not the listing has them (an ignored .cargo/config.toml).
    const literals = (entries) => entries.flatMap((e) => e.kind === "file" && !isGlob(e.pattern) && !e.pattern.startsWith("!")
        ? [external_node_path_default().posix.normalize(e.pattern)]
        : []);
    const isFile = (rel) => (0,external_node_fs_namespaceObject.statSync)(external_node_path_default().join(project.dir, rel), { throwIfNoEntry: false })?.isFile() ?? false;
    add(literals(rebuild).filter(isFile), "rebuild");
    add(literals(own).filter(isFile), "declared");
    const shipped = await shippedFiles(project);
    const shippedPython = (file) => shipped.modules.includes(file) ||
        (PYTHON_SHIPPED.test(`/${file}`) && shipped.dirs.some((dir) => file.startsWith(`${dir}/`)));
    if (observed)
        add(readFiles(observed, tree).filter((f) => !found.has(f) && !shippedPython(f)), "read");
    const listed = tree.files.map((f) => projectRelative(tree, f));
    const entries = [...rebuild, ...own];
    const git = entries.filter((e) => e.kind === "git");
    return {
        files: new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        avoid: new Set(listed.filter((f) => shippedPython(f) && !found.has(f))),
        absent: [...new Set(literals(entries))].filter((f) => !found.has(f) && !(0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(project.dir, f))),
        dirs: [...new Set(entries.flatMap((e) => (e.kind === "dir" ? [e.path] : [])))],
        git: { commit: git.some((e) => e.commit), tags: git.some((e) => e.tags) },
        env: [
            ...new Set([
                ...uvEnvNames(project.backend.name),
                ...entries.flatMap((e) => (e.kind === "env" ? [e.name] : [])),
                ...fp.request.envVars.filter((name) => !/[*_]$/.test(name)),
            ]),
        ],
        tracedOn: observed?.tracedOn,
    };
}
/** The files of the keys resolved from these entries (wheel-cache's meaning), present ones only. */
function ownFiles(fp, entries) {
    if (entries.length === 0)
        return [];
    const ids = new Set(entries.flatMap((e) => (e.kind === "file" ? [`file:${e.pattern}`] : [])));
    return fp.keys
        .filter((k) => ids.has(k.id) && (k.source === "pyproject" || k.source === "input"))
        .flatMap((k) => Object.entries(k.files ?? {}))
        .filter(([, digest]) => digest !== null)
        .map(([file]) => file);
}
/**
 * The files a traced build read that are inputs now: listed in the tree, or inside a nested
 * repository (a git submodule, whose files the listing leaves out). A file the build read that
 * is neither (ignored, build output) is no input.
 */
function readFiles(observed, tree) {
    const listed = new Set(tree.files);
    const rooted = (rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    return Object.entries(observed.files)
        .filter(([, digest]) => digest !== null)
        .map(([rel]) => rel)
        .filter((rel) => {
        const file = rooted(rel);
        if (listed.has(file))
            return true;
        return ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(tree.root, file)) &&
            underDir(file, (dir) => (0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(tree.root, dir, ".git"))));
    });
}
function projectRelative(tree, file) {
    if (tree.projectDir === "")
        return file;
    return external_node_path_default().posix.relative(tree.projectDir, file);
}
/** uv's own list when a project sets none (uv-cache-keys.md §3). */
const UV_DEFAULT_ENTRIES = [
    { kind: "file", pattern: "pyproject.toml" },
    { kind: "file", pattern: "setup.py" },
    { kind: "file", pattern: "setup.cfg" },
    { kind: "dir", path: "src" },
];
/**
 * What `entries` (undefined: uv's defaults) leave out of `inputs`, read as uv reads them,
 * clustering included. Throws a UserError for a glob uv cannot parse.
 */
function uvGap(entries, inputs, tree, pyproject) {
    const list = entries ?? UV_DEFAULT_ENTRIES;
    const coverage = uvCoverage(list, tree.projectDir, `${pyproject}: [tool.uv] cache-keys`);
    const rooted = (rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    const files = [...inputs.files]
        .filter(([file]) => !coverage.covers(rooted(file)))
        .map(([file, reason]) => ({ file, reason }));
    const gitCommit = inputs.git.commit && !list.some((e) => e.kind === "git" && e.commit);
    return { pyproject, files, gitCommit };
}
/** Whether a gap leaves anything out. */
function isGap(gap) {
    return gap.files.length > 0 || gap.gitCommit;
}
/**
 * For a project with its own `cache-keys`: what they leave out of its inputs (those `observed`
 * adds included), or undefined when they cover every one.
 */
async function declaredGap(fp, observed) {
    if (fp.keysFrom !== "pyproject")
        return undefined;
    const entries = fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry);
    const inputs = await uvInputs(fp, observed, false);
    const gap = uvGap(entries, inputs, fp.tree, fp.request.project.shown("pyproject.toml"));
    return isGap(gap) ? gap : undefined;
}

;// CONCATENATED MODULE: ./src/cache/store.ts


/**
 * Restores a manifest entry (exact `key`, or the newest under `restoreKeys`) into `dir` and reads
 * it; cache trouble comes back as a warning and no manifest.
 */
async function restoreManifest(deps, dir, key, restoreKeys) {
    await resetDir(dir);
    const restored = await deps.cache.restore({ dir, key, restoreKeys });
    // A cause already warned about is not warned about again: the lookup is a plain miss.
    if (restored.status === "unavailable")
        return restored.repeated ? {} : { warning: restored.warning };
    if (restored.status !== "hit")
        return {};
    const manifest = await readEntryManifest(dir);
    return manifest
        ? { found: { key: restored.matchedKey, manifest } }
        : { damaged: restored.matchedKey };
}
/** Saves the wheels entry (wheels and manifest), then the small manifest entry beside it. */
async function saveEntries(deps, keys, manifest, wheels) {
    const entryDir = external_node_path_default().join(deps.stagingDir, "entry");
    const manifestDir = external_node_path_default().join(deps.stagingDir, "manifest");
    await writeEntry(entryDir, manifest, wheels);
    const saved = await deps.cache.save({ dir: entryDir, key: keys.wheels });
    if (saved.status === "failed") {
        return {
            status: "failed",
            warning: saved.warning,
            wheelsSaved: false,
            repeated: saved.repeated,
        };
    }
    // Wheels another job already cached come with that job's manifest, which it may still be
    // uploading: saving ours too would race it and report a failure that is not one.
    if (saved.status === "exists")
        return { status: "exists" };
    await writeEntry(manifestDir, manifest);
    const manifestSaved = await deps.cache.save({ dir: manifestDir, key: keys.manifest });
    if (manifestSaved.status === "failed") {
        const { warning, repeated } = manifestSaved;
        return { status: "failed", warning, wheelsSaved: true, repeated };
    }
    return { status: saved.status };
}

;// CONCATENATED MODULE: ./src/files/dpkg.ts



const ADMIN = "/var/lib/dpkg";
/** Directories that merged-/usr systems (Debian 12, Ubuntu) make symlinks into /usr. */
const MERGED = ["/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"];
/** The installed packages' versions, from `status` alone: what validating a hit needs. */
async function readDpkgVersions(admin = ADMIN) {
    const text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(admin, "status"), "utf8").catch(() => "");
    const versions = new Map();
    for (const stanza of text.split(/\n\n+/)) {
        const field = (name) => new RegExp(`^${name}: (.*)$`, "m").exec(stanza)?.[1]?.trim();
        const pkg = field("Package");
        const version = field("Version");
        if (!pkg || !version || !/ installed$/.test(field("Status") ?? ""))
            continue;
        versions.set(pkg, version);
        const arch = field("Architecture");
        if (arch)
            versions.set(`${pkg}:${arch}`, version);
    }
    return versions;
}
/** How many `info/*.list` files are read at once. */
const LISTS_AT_ONCE = 64;
/** Changed whenever what is kept, or how an owner is found, changes. */
const FORMAT = "wheel-cache dpkg 2";
/** Answers kept per database state, at most: more are not written (builds of many projects). */
const MAX_KEPT_ANSWERS = 50_000;
/**
 * The package database for recording a traced build: the versions, and every `info/*.list` (a
 * batch at a time). Reading is I/O only, so it runs beside the build; `lookUp` then scans the
 * lists once for the few hundred files a build read outside the tree, where indexing every line
 * of them (over a hundred thousand) would cost more than the scan. Machines without dpkg get an
 * empty database.
 *
 * With `cacheDir`, what was read and found is kept there under the database's state (dpkg
 * replaces the status file, and a list by renaming it into `info/`, on every change): the lists as
 * one file, and the owners found ("" for a file no package owns). A later build on the machine
 * that reads the same system files then reads neither (a file not looked up before has the lists
 * read and scanned for it). The versions are always read from `status`, as validation reads them.
 */
async function readDpkg(admin = ADMIN, cacheDir) {
    const versions = readDpkgVersions(admin);
    const state = cacheDir ? await databaseState(admin) : undefined;
    const kept = state && cacheDir ? external_node_path_default().join(cacheDir, state) : undefined;
    const answers = kept ? await readAnswers(`${kept}.owners`) : undefined;
    const load = async () => {
        const cached = kept ? await readCached(`${kept}.lists`) : undefined;
        if (cached)
            return cached;
        const lists = await readLists(admin);
        if (kept)
            await writeKept(`${kept}.lists`, serializeLists(lists));
        return lists;
    };
    // With no answers kept, the lists will be needed: reading them starts now, beside the build.
    let lists = answers ? undefined : load();
    lists?.catch(() => undefined);
    return {
        async lookUp(files) {
            const wanted = new Set(files);
            const owners = new Map(answers);
            const unknown = [...wanted].filter((file) => !owners.has(file));
            if (unknown.length > 0) {
                lists ??= load();
                const found = scan(await lists, unknown);
                for (const file of unknown)
                    owners.set(file, found.get(file) ?? "");
                if (kept && owners.size <= MAX_KEPT_ANSWERS)
                    await writeKept(`${kept}.owners`, JSON.stringify(Object.fromEntries(owners)));
            }
            const known = await versions;
            return {
                owner: (file) => (wanted.has(file) && owners.get(file)) || undefined,
                version: (pkg) => known.get(pkg),
            };
        },
    };
}
/** The owners of these files, from the lists; a file no list names has none. */
function scan({ packages, texts }, files) {
    const owners = new Map();
    // A list names `/lib/x`; on merged-/usr systems the build may have read it as `/usr/lib/x`.
    const wanted = new Map();
    const want = (line, file) => wanted.set(line, [...(wanted.get(line) ?? []), file]);
    for (const file of files) {
        want(file, file);
        const alias = file.slice("/usr".length);
        if (file.startsWith("/usr/") && MERGED.some((dir) => alias.startsWith(dir)))
            want(alias, file);
    }
    // Only a line as long as a wanted one can be one: most are never cut out of their list.
    const lengths = new Set([...wanted.keys()].map((line) => line.length));
    for (const [i, text] of texts.entries()) {
        const pkg = packages[i];
        for (let at = 0; at < text.length;) {
            const found = text.indexOf("\n", at);
            const end = found < 0 ? text.length : found;
            if (lengths.has(end - at)) {
                for (const file of wanted.get(text.slice(at, end)) ?? [])
                    owners.set(file, pkg);
            }
            at = end + 1;
        }
    }
    return owners;
}
async function readLists(admin) {
    const info = external_node_path_default().join(admin, "info");
    const packages = (await (0,promises_namespaceObject.readdir)(info).catch(() => []))
        .filter((n) => n.endsWith(".list"))
        .map((n) => n.slice(0, -".list".length));
    const texts = [];
    for (let start = 0; start < packages.length; start += LISTS_AT_ONCE) {
        const batch = packages.slice(start, start + LISTS_AT_ONCE);
        texts.push(...(await Promise.all(batch.map((pkg) => (0,promises_namespaceObject.readFile)(external_node_path_default().join(info, `${pkg}.list`), "utf8").catch(() => "")))));
    }
    return { packages, texts };
}
/** A digest of the status file's and the `info/` directory's identity and times; none without dpkg. */
async function databaseState(admin) {
    const [status, info] = await Promise.all(["status", "info"].map((name) => (0,promises_namespaceObject.stat)(external_node_path_default().join(admin, name), { bigint: true }).catch(() => undefined)));
    if (!status || !info)
        return undefined;
    // The format of what is kept, and how owners are found, are part of the state too.
    const times = [status.ino, status.size, status.mtimeNs, info.ino, info.mtimeNs].map(String);
    return digest_short(digestOf(FORMAT, admin, ...times), 16);
}
/** The lists file: each package and its list between a header and an end, NUL-separated. */
function serializeLists({ packages, texts }) {
    return [FORMAT, ...packages.flatMap((pkg, i) => [pkg, texts[i]]), "end"].join("\0");
}
/** The lists file read back; undefined when it is missing or not whole. */
async function readCached(file) {
    const fields = (await (0,promises_namespaceObject.readFile)(file, "utf8").catch(() => undefined))?.split("\0");
    const whole = fields && fields.length % 2 === 0 && fields[0] === FORMAT && fields.at(-1) === "end";
    if (!whole)
        return undefined;
    const packages = [];
    const texts = [];
    for (let i = 1; i + 1 < fields.length; i += 2) {
        packages.push(fields[i]);
        texts.push(fields[i + 1]);
    }
    return { packages, texts };
}
/** The owners file read back (file → package, "" for none); undefined when missing or not whole. */
async function readAnswers(file) {
    const text = await (0,promises_namespaceObject.readFile)(file, "utf8").catch(() => undefined);
    if (text === undefined)
        return undefined;
    try {
        const data = JSON.parse(text);
        if (typeof data !== "object" || data === null || Array.isArray(data))
            return undefined;
        return new Map(Object.entries(data).filter(([, pkg]) => typeof pkg === "string"));
    }
    catch {
        return undefined;
    }
}
/**
 * Writes a kept file whole (a rename: builds may write at once), and removes those kept for
 * earlier states. Best effort: a cache that cannot be written only costs the next build time.
 */
async function writeKept(file, text) {
    const dir = external_node_path_default().dirname(file);
    const state = external_node_path_default().basename(file).split(".")[0];
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
        await (0,promises_namespaceObject.writeFile)(temporary, text);
        await (0,promises_namespaceObject.rename)(temporary, file);
        const stale = (await (0,promises_namespaceObject.readdir)(dir)).filter((n) => !n.startsWith(`${state}.`));
        await Promise.all(stale.map((n) => (0,promises_namespaceObject.rm)(external_node_path_default().join(dir, n), { force: true })));
    }
    catch {
        // A read-only home, a full disk: the next build reads the database again.
    }
    finally {
        await (0,promises_namespaceObject.rm)(temporary, { force: true }).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/files/blob-id.ts
/**
 * Makes a synchronous hasher that computes the git blob id of a file's content (SHA-1 of
 * `blob <size>\0` + bytes, hex), the same as `git hash-object --no-filters`. Symlinks are
 * followed. It returns null when the path is absent or not a regular file (directory, FIFO,
 * socket, device, dangling link), which is never opened. It reads through one `bufferSize`
 * buffer, so memory stays bounded whatever the file size, and retries a file that changes while
 * it is read. Other errors (permission denied, I/O) are thrown.
 *
 * With `clean` the id is that of the content as `core.autocrlf` stores it (convert.c's
 * `crlf_to_git` for `CRLF_AUTO`): a file git takes for text has each CRLF stored as LF. Text is
 * judged as git judges it over the whole file: no NUL, no CR that is not before an LF, and at
 * least 128 printable bytes per non-printable one (a final ^Z not counted). A binary file, or one
 * with no CRLF, is stored as it is. The first read gathers those counts and the raw id at once;
 * only a text file with CRLFs is read again, without its CRs (every CR is before an LF then).
 *
 * The function is self-contained (it uses only its parameters and globals): hash-pool.ts runs its
 * source text in worker threads, so the same code hashes in the main thread and in workers.
 */
function makeBlobHasher(fs, crypto, bufferSize) {
    const attempts = 3;
    // Never blocks on a FIFO swapped in between stat and open. Windows has no O_NONBLOCK.
    const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
    const buffer = Buffer.allocUnsafe(bufferSize);
    const isAbsent = (error) => {
        const code = error?.code;
        return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
    };
    /** Reads the whole file in chunks; false when it did not have `size` bytes (it changed). */
    const readAll = (fd, size, each) => {
        let position = 0;
        // A short read of a regular file is its end: a small file takes one read.
        for (let bytesRead = bufferSize; bytesRead === bufferSize && position <= size;) {
            bytesRead = fs.readSync(fd, buffer, 0, bufferSize, position);
            each(buffer.subarray(0, bytesRead));
            position += bytesRead;
        }
        return position === size;
    };
    const hashOpen = (fd, absPath, clean) => {
        for (let attempt = 0; attempt < attempts; attempt++) {
            const info = fs.fstatSync(fd);
            if (!info.isFile())
                return null;
            const hash = crypto.createHash("sha1").update(`blob ${info.size}\0`);
            // git's text statistics (convert.c's gather_stats), carried across chunks.
            let crlf = 0;
            let binary = false;
            let printable = 0;
            let nonprintable = 0;
            let pendingCR = false;
            let last = -1;
            const count = (chunk) => {
                hash.update(chunk);
                if (!clean || binary)
                    return;
                for (const c of chunk) {
                    if (pendingCR) {
                        pendingCR = false;
                        if (c === 10) {
                            crlf++;
                            continue;
                        }
                        binary = true; // a lone CR
                        return;
                    }
                    if (c === 13)
                        pendingCR = true;
                    else if (c === 0)
                        binary = true;
                    else if (c === 127 || (c < 32 && c !== 10 && c !== 8 && c !== 9 && c !== 27 && c !== 12))
                        nonprintable++;
                    else if (c !== 10)
                        printable++;
                    if (binary)
                        return;
                }
                if (chunk.length > 0)
                    last = chunk[chunk.length - 1];
            };
            // The size in the header must be the number of bytes hashed; otherwise the file changed.
            if (!readAll(fd, info.size, count))
                continue;
            if (last === 26)
                nonprintable--; // a DOS end-of-file mark is not counted
            const text = !binary && !pendingCR && printable >> 7 >= nonprintable;
            if (!clean || !text || crlf === 0)
                return hash.digest("hex");
            const stored = crypto.createHash("sha1").update(`blob ${info.size - crlf}\0`);
            let kept = 0;
            const same = readAll(fd, info.size, (chunk) => {
                let start = 0;
                for (let i = chunk.indexOf(13); i !== -1; i = chunk.indexOf(13, start)) {
                    stored.update(chunk.subarray(start, i));
                    kept += i - start;
                    start = i + 1;
                }
                stored.update(chunk.subarray(start));
                kept += chunk.length - start;
            });
            if (same && kept === info.size - crlf)
                return stored.digest("hex");
        }
        throw new Error(`${absPath} kept changing while it was being hashed`);
    };
    return (absPath, clean = false) => {
        try {
            const info = fs.statSync(absPath, { throwIfNoEntry: false });
            if (!info?.isFile())
                return null;
            const fd = fs.openSync(absPath, flags);
            try {
                return hashOpen(fd, absPath, clean);
            }
            finally {
                fs.closeSync(fd);
            }
        }
        catch (error) {
            // Removed meanwhile, or a path component is not a directory: the file is absent.
            if (isAbsent(error))
                return null;
            throw error;
        }
    };
}

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/files/hash-pool.ts


/** Paths sent to a worker at a time: large enough to amortize a message, small enough to balance. */
const BATCH = 64;
/** One read buffer per worker. */
const BUFFER_SIZE = 1024 * 1024;
// The worker: the same hasher as the main thread's (its source text), answering batches of paths.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const hash = (${makeBlobHasher.toString()})(require("node:fs"), require("node:crypto"), ${BUFFER_SIZE});
parentPort.on("message", ({ paths, clean }) => {
  try {
    parentPort.postMessage({ digests: paths.map((path) => hash(path, clean)) });
  } catch (error) {
    parentPort.postMessage({ failure: { message: String(error?.message ?? error), code: error?.code, path: error?.path } });
  }
});
`;
/** A worker that hashes one batch at a time; it holds the process open only while it works. */
class HashWorker {
    #worker = new external_node_worker_threads_namespaceObject.Worker(WORKER_SOURCE, { eval: true });
    #pending = null;
    dead = false;
    constructor() {
        this.#worker.unref();
        this.#worker.on("message", (reply) => {
            const pending = this.#settle();
            if ("failure" in reply) {
                const { message, code, path } = reply.failure;
                pending?.reject(Object.assign(new Error(message), code ? { code, path } : {}));
            }
            else
                pending?.resolve(reply.digests);
        });
        this.#worker.on("error", (error) => this.#die(error));
        this.#worker.on("exit", (code) => this.#die(new Error(`a hashing worker exited (${code})`)));
    }
    hash(paths, clean) {
        return new Promise((resolve, reject) => {
            this.#pending = { resolve, reject };
            this.#worker.ref();
            this.#worker.postMessage({ paths, clean });
        });
    }
    #settle() {
        const pending = this.#pending;
        this.#pending = null;
        this.#worker.unref();
        return pending;
    }
    #die(error) {
        this.dead = true;
        this.#settle()?.reject(error);
    }
}
const pool = [];
let queue = Promise.resolve();
/**
 * Blob ids of `paths` (see `makeBlobHasher`), in order, computed by up to `workers` worker
 * threads that read with synchronous calls: no per-call hop through libuv's thread pool, the
 * hashing spread over the CPUs, and `workers` reads in flight for a cold cache. Memory is
 * bounded: one buffer per worker and one batch of paths per message. The workers are started
 * once and kept for later calls (idle, they do not keep the process alive); calls run one after
 * another. Rejects with the first error a worker meets. `clean` as for `makeBlobHasher`.
 */
function hashInWorkers(paths, workers, clean = false) {
    const job = queue.then(() => runJob(paths, workers, clean));
    // The next job waits for this one to end, however it ends; its failure reaches its own caller.
    queue = job.catch(() => undefined);
    return job;
}
async function runJob(paths, workers, clean) {
    const digests = new Array(paths.length);
    if (paths.length === 0)
        return digests;
    const count = Math.max(1, Math.min(Math.floor(workers), Math.ceil(paths.length / BATCH)));
    for (let i = pool.length - 1; i >= 0; i--)
        if (pool[i].dead)
            pool.splice(i, 1);
    while (pool.length < count)
        pool.push(new HashWorker());
    let next = 0;
    let failed = false;
    const drive = async (worker) => {
        while (next < paths.length && !failed) {
            const start = next;
            next = Math.min(paths.length, next + BATCH);
            try {
                const batch = await worker.hash(paths.slice(start, next), clean);
                for (const [i, digest] of batch.entries())
                    digests[start + i] = digest;
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    // Every worker stops before the job ends, so the next job finds them idle.
    const results = await Promise.allSettled(pool.slice(0, count).map(drive));
    const failure = results.find((r) => r.status === "rejected");
    if (failure)
        throw failure.reason;
    return digests;
}

;// CONCATENATED MODULE: ./src/files/pool.ts

/** Default number of concurrent file operations: CPUs × 2, at most 16. */
function defaultConcurrency() {
    return Math.min(16, (0,external_node_os_namespaceObject.availableParallelism)() * 2);
}
/**
 * Default number of hashing worker threads: CPUs × 2 (reads in flight help a cold page cache even
 * when the CPUs are busy hashing), at most 4: each worker costs about 10 MB, and four already
 * hash faster than the disk or the page cache deliver on the machines measured (docs/benchmark.md).
 */
function hashWorkers() {
    return Math.min(4, defaultConcurrency());
}
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/files/hash.ts





/** Jobs up to this many files are hashed in the main thread: starting workers would cost more. */
const IN_THREAD_MAX = 256;
let inThread;
/** Error codes that mean "there is no file here": the digest is null. */
function isAbsentError(error) {
    const code = error?.code;
    return code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
}
/**
 * The git blob id of a file's content (SHA-1 of `blob <size>\0` + bytes, hex), the same as
 * `git hash-object --no-filters` prints. Symlinks are followed. Null when the path is absent or
 * not a regular file (directory, FIFO, socket, device, dangling link), which is never opened.
 * Reads in fixed-size chunks, so memory stays bounded whatever the file size; the reads are
 * synchronous, in the calling thread (a file at a time: per-call overhead, not I/O, is the cost).
 */
async function hashFile(absPath, clean = false) {
    inThread ??= makeBlobHasher(external_node_fs_namespaceObject, external_node_crypto_namespaceObject, BUFFER_SIZE);
    return inThread(absPath, clean);
}
/**
 * Blob ids of many files (see `hashFile`). Keys are the given absolute paths; values are null
 * for absent or non-regular files. A small job is hashed in the main thread; a larger one by
 * `workers` worker threads (see hash-pool.ts), so memory stays bounded whatever the file sizes.
 * With `clean`, text files' ids are those of the content `core.autocrlf` stores (CRLF as LF).
 */
async function hashFiles(absPaths, workers = hashWorkers(), clean = false) {
    const unique = [...new Set(absPaths)];
    let digests;
    if (unique.length <= IN_THREAD_MAX) {
        digests = [];
        for (const path of unique)
            digests.push(await hashFile(path, clean));
    }
    else {
        digests = await hashInWorkers(unique, workers, clean);
    }
    return new Map(unique.map((path, index) => [path, digests[index] ?? null]));
}

;// CONCATENATED MODULE: ./src/fingerprint/observed.ts






/**
 * Checks an observed set against the tree and the machine now: every file and directory the
 * build read in the repository (those the keys cover are equal already, the fingerprint being
 * equal), and, for a set traced on this platform, the programs, packages, distributions and
 * other files it used. Returns the differences, most telling first; empty when the set holds.
 */
async function validateObserved(observed, context) {
    const changes = [...(await repositoryChanges(observed, context))];
    if (observed.how === "traced" && observed.tracedOn === context.platform) {
        changes.push(...(await toolChanges(observed, context.env)));
        changes.push(...(await packageChanges(observed)));
        changes.push(...distributionChanges(observed));
        changes.push(...(await outsideChanges(observed)));
    }
    return changes;
}
async function repositoryChanges(observed, { tree, keys }) {
    const covered = coveredPaths(keys);
    const rooted = (rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    const paths = Object.keys(observed.files).filter((rel) => !covered.has(rel));
    const digests = await tree.digest(paths.map(rooted));
    const changes = [];
    for (const rel of paths) {
        const now = digests.get(rooted(rel)) ?? null;
        const was = observed.files[rel] ?? null;
        if (now !== was)
            changes.push({ kind: "file", what: rel, before: state(was), after: state(now) });
    }
    for (const [rel, was] of Object.entries(observed.dirs)) {
        const now = dirDigest(tree, rooted(rel));
        if (now !== was)
            changes.push({ kind: "dir", what: rel, before: "listed", after: "other entries" });
    }
    return changes;
}
function state(digest) {
    return digest === null ? "absent" : digest.slice(0, 12);
}
/** Project-relative paths the keys cover (present or absent). */
function coveredPaths(keys) {
    return new Set(keys.flatMap((k) => Object.keys(k.files ?? {})));
}
/**
 * The digest of a directory's input entries: the names of the tree's files and directories
 * directly in it (root-relative `dir`, "" for the root). Ignored and never-input entries (build
 * output, virtual environments) are not in the tree, so a build's own output never counts.
 */
function dirDigest(tree, dir) {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    const names = new Set();
    for (const file of observed_filesUnder(tree.files, prefix)) {
        names.add(file.slice(prefix.length).split("/")[0]);
    }
    return digestOf("dir", ...[...names].sort());
}
function* observed_filesUnder(files, prefix) {
    if (prefix === "") {
        yield* files;
        return;
    }
    let low = 0;
    let high = files.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (files[mid] < prefix)
            low = mid + 1;
        else
            high = mid;
    }
    for (let i = low; i < files.length && files[i].startsWith(prefix); i++)
        yield files[i];
}
/**
 * Programs found on PATH must be found at the same path (a compiler swapped in earlier on PATH is
 * another compiler); programs identified by their bytes must have the same bytes. Packaged ones
 * are checked with their package, the interpreter and the Rust toolchain by their own keys.
 */
async function toolChanges(observed, env) {
    const changes = [];
    for (const tool of observed.tools) {
        if (!tool.name)
            continue;
        const found = which(tool.name, env);
        if (found !== tool.path) {
            changes.push({
                kind: "tool",
                what: tool.name,
                before: tool.path,
                after: found ?? "not found",
            });
        }
    }
    const hashed = observed.tools.filter((t) => /^[0-9a-f]{40}$/.test(t.identity));
    const digests = await hashFiles(hashed.map((t) => t.path));
    for (const tool of hashed) {
        const now = digests.get(tool.path) ?? null;
        if (now !== tool.identity) {
            const what = tool.name ?? tool.path;
            changes.push({ kind: "tool", what, before: state(tool.identity), after: state(now) });
        }
    }
    return changes;
}
async function packageChanges(observed) {
    const packages = Object.entries(observed.packages);
    if (packages.length === 0)
        return [];
    const versions = await readDpkgVersions();
    return packages
        .filter(([pkg, version]) => versions.get(pkg) !== version)
        .map(([pkg, version]) => ({
        kind: "package",
        what: pkg,
        before: version,
        after: versions.get(pkg) ?? "not installed",
    }));
}
function distributionChanges(observed) {
    return observed.distributions
        .filter((d) => !(0,external_node_fs_namespaceObject.statSync)(external_node_path_default().join(d.site, d.distInfo), { throwIfNoEntry: false }))
        .map((d) => ({
        kind: "distribution",
        what: d.distInfo.replace(/\.dist-info$/, ""),
        before: `installed in ${d.site}`,
        after: "not installed there",
    }));
}
async function outsideChanges(observed) {
    const paths = Object.keys(observed.outside);
    if (paths.length === 0)
        return [];
    const digests = await hashFiles(paths);
    return paths
        .filter((p) => (digests.get(p) ?? null) !== (observed.outside[p] ?? null))
        .map((p) => ({
        kind: "outside",
        what: p,
        before: state(observed.outside[p] ?? null),
        after: state(digests.get(p) ?? null),
    }));
}
/**
 * Where no tracer runs: the repository paths a traced build of the same project read elsewhere,
 * digested in this tree, so that a later hit here is checked against them. What that build used
 * outside the repository says nothing about this machine and is left out.
 */
async function borrowObserved(source, tree) {
    const rooted = (rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    const paths = Object.keys(source.files);
    const digests = await tree.digest(paths.map(rooted));
    return {
        how: "borrowed",
        tracedOn: source.tracedOn,
        files: Object.fromEntries(paths.map((rel) => [rel, digests.get(rooted(rel)) ?? null])),
        dirs: Object.fromEntries(Object.keys(source.dirs).map((rel) => [rel, dirDigest(tree, rooted(rel))])),
        tools: [],
        packages: {},
        outside: {},
        distributions: [],
    };
}
/**
 * A set completed with the repository paths of an earlier one (digested in this tree): for a
 * build that reused an earlier build's output and so did not read all the inputs of that work.
 */
async function completeObserved(observed, earlier, tree) {
    const borrowed = await borrowObserved(earlier, tree);
    return {
        ...observed,
        files: sortedMerge(borrowed.files, observed.files),
        dirs: sortedMerge(borrowed.dirs, observed.dirs),
    };
}
function sortedMerge(a, b) {
    const merged = { ...a, ...b };
    return Object.fromEntries(Object.keys(merged)
        .sort()
        .map((k) => [k, merged[k]]));
}
/** The observed repository files no key covers: what a user could add to `cache-keys`. */
function unkeyedFiles(observed, keys) {
    const covered = coveredPaths(keys);
    return Object.entries(observed.files)
        .filter(([rel, digest]) => digest !== null && !covered.has(rel))
        .map(([rel]) => rel)
        .sort();
}

;// CONCATENATED MODULE: ./src/build/command.ts



/**
 * The command that builds the project's wheels into `wheelDir`, run from the project directory:
 * the user's, or a default by backend and what is on PATH — `uv build` when uv is there, then
 * `maturin build` for maturin projects, then `python -m build`, then `pip wheel`.
 */
function chooseBuildCommand(given, backend, python, info, projectDir, wheelDir, env) {
    const out = toPosix(external_node_path_default().relative(projectDir, wheelDir)) || ".";
    const keyed = (argv) => argv.map((a) => (a === python ? "<python>" : a));
    if (given)
        return { argv: given, keyed: keyed(given), origin: "input" };
    const pick = (argv, origin) => ({
        argv,
        keyed: keyed(argv),
        origin,
    });
    if (which("uv", env)) {
        return pick(["uv", "build", "--wheel", "--python", python, "--out-dir", out, "."], "uv is on PATH");
    }
    if (backend.name === "maturin" && which("maturin", env)) {
        return pick(["maturin", "build", "--release", "--interpreter", python, "--out", out], "maturin project, maturin on PATH");
    }
    if (info?.hasBuildModule) {
        return pick([python, "-m", "build", "--wheel", "--outdir", out, "."], "python -m build is installed");
    }
    return pick([python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", out, "."], "pip fallback");
}

;// CONCATENATED MODULE: ./src/build/script.ts


/** Build tools that read a file of their own by default. */
const TOOL_FILES = {
    make: ["GNUmakefile", "makefile", "Makefile"],
    gmake: ["GNUmakefile", "makefile", "Makefile"],
    nox: ["noxfile.py"],
    tox: ["tox.ini"],
    just: ["justfile", "Justfile", ".justfile"],
    invoke: ["tasks.py"],
    inv: ["tasks.py"],
};
const SHELLS = new Set(["bash", "sh", "dash", "zsh", "ksh"]);
const PYTHONS = /^(?:python|python3|python3\.\d+|py)(?:\.exe)?$/;
/** The flag of a tool that names its file instead (`make -f build.mk`, `nox -f ci.py`). */
const FILE_FLAGS = new Set(["-f", "--file", "--makefile", "--noxfile"]);
/**
 * The files a build command runs that are the project's own: the script of `bash ci/build.sh`,
 * `./build.sh` or `python tools/build.py`, the Makefile of `make wheel`, the noxfile of `nox -s
 * build`. Their content decides the build as much as the command line does. Paths are relative
 * to the project directory (where the build runs); files outside the repository are left out.
 */
function buildScriptEntries(argv, projectDir, root) {
    const [program, ...args] = argv;
    if (!program)
        return [];
    const name = external_node_path_default().basename(program);
    const candidates = [];
    if (program.includes("/") || program.includes("\\"))
        candidates.push(program);
    if (SHELLS.has(name) || PYTHONS.test(name)) {
        const script = args.find((a) => !a.startsWith("-"));
        const runsCode = args.some((a) => a === "-c" || a === "-m");
        if (script && !runsCode)
            candidates.push(script);
    }
    const own = TOOL_FILES[name];
    if (own) {
        const flag = args.findIndex((a) => FILE_FLAGS.has(a));
        candidates.push(...(flag >= 0 && args[flag + 1] ? [args[flag + 1]] : own));
    }
    return candidates
        .map((file) => external_node_path_default().resolve(projectDir, file))
        .filter((file) => isInside(file, root))
        .map((file) => {
        const entry = { kind: "file", pattern: toPosix(external_node_path_default().relative(projectDir, file)) };
        return { entry, origin: `the build command's own file (${argv.join(" ")})` };
    });
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/files/git-run.ts


const execFileAsync = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
const MAX_OUTPUT = 1024 * 1024 * 1024;
/** Runs git in `cwd` (with `input` on its stdin, if given) and returns its stdout. */
async function git(cwd, args, input) {
    const options = { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8" };
    const running = execFileAsync("git", args, options);
    if (input === undefined)
        return (await running).stdout;
    let inputError;
    running.child.stdin?.on("error", (error) => {
        // Kept for after git exits: a failing git's own error (its exit status) tells more.
        inputError = error;
    });
    running.child.stdin?.end(input);
    const { stdout } = await running;
    // git succeeded, but it may not have seen all of its input: its answer is incomplete.
    if (inputError)
        throw inputError;
    return stdout;
}
/** Runs git in `cwd` and returns its stdout and stderr (where it warns about what it skipped). */
async function gitWithWarnings(cwd, args) {
    const options = { cwd, maxBuffer: MAX_OUTPUT, encoding: "utf8" };
    const { stdout, stderr } = await execFileAsync("git", args, options);
    return { stdout, stderr };
}

;// CONCATENATED MODULE: ./src/files/git-index.ts

/** The attributes under which git's clean filter may change the bytes it stores (convert.c). */
const CONVERTING = new Set(["text", "eol", "crlf", "filter", "ident", "working-tree-encoding"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);
/** A tree that git does not convert, with no index ids: the state of a tree without git. */
const NO_TRUST = {
    usable: false,
    autocrlf: false,
    converted: new Set(),
    crlfInIndex: new Set(),
};
/**
 * Decides how the tracked regular files `paths` (root-relative) are digested and whether their
 * index blob ids are the digests (when git reports them unchanged). The index holds the id of the
 * *cleaned* content:
 * - the repository's object format must be SHA-1 (`git rev-parse --show-object-format`);
 * - with `core.autocrlf` true or input, text files are digested as git cleans them, so the index
 *   ids still agree (a file whose indexed content has CRLFs is left as it is: `indexedCrlf`);
 * - a path with a `text`, `eol`, `crlf`, `filter` (git LFS), `ident` or `working-tree-encoding`
 *   attribute other than unset (`git check-attr --all`, paths on stdin) is digested as it is on
 *   disk and never taken from the index.
 * Three git calls, run together.
 */
async function indexTrust(root, paths) {
    const [format, autocrlfValue, attributes] = await Promise.all([
        git(root, ["rev-parse", "--show-object-format"]),
        git(root, ["config", "--default=false", "--get", "core.autocrlf"]),
        paths.length > 0
            ? git(root, ["check-attr", "-z", "--stdin", "--all"], `${paths.join("\0")}\0`)
            : "",
    ]);
    const autocrlf = !FALSE_WORDS.has(autocrlfValue.trim().toLowerCase());
    const converted = new Set();
    // "<path>\0<attribute>\0<value>\0" for every attribute set on a path (--all omits unspecified).
    const fields = attributes.split("\0");
    for (let i = 0; i + 2 < fields.length; i += 3) {
        if (CONVERTING.has(fields[i + 1]) && fields[i + 2] !== "unset")
            converted.add(fields[i]);
    }
    const usable = format.trim() === "sha1" && paths.length > 0;
    return { usable, autocrlf, converted, crlfInIndex: new Set() };
}
/** Characters of paths given to one `git ls-files` call (Windows caps a command line at 32K). */
const ARGS_CHARS = 16_000;
/**
 * Which of the tracked `paths` have indexed content that is text with CRLFs (`git ls-files --eol`
 * says `i/crlf` or `i/mixed`). Only the files that are read are asked about: git reads each blob
 * to answer, and the files whose ids come from the index need no answer.
 */
async function indexedCrlf(root, paths) {
    const found = new Set();
    for (let start = 0; start < paths.length;) {
        let end = start;
        for (let chars = 0; end < paths.length && (end === start || chars < ARGS_CHARS); end++)
            chars += paths[end].length + 1;
        const args = [
            "--literal-pathspecs",
            "ls-files",
            "-z",
            "--eol",
            "--",
            ...paths.slice(start, end),
        ];
        // "i/<eol> w/<eol> attr/<attributes>\t<path>\0"
        for (const record of (await git(root, args)).split("\0")) {
            const tab = record.indexOf("\t");
            if (tab !== -1 && /^i\/(?:crlf|mixed)\s/.test(record))
                found.add(record.slice(tab + 1));
        }
        start = end;
    }
    return found;
}

// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __nccwpck_require__(298);
var ignore_default = /*#__PURE__*/__nccwpck_require__.n(ignore);
;// CONCATENATED MODULE: ./src/files/walk.ts







/**
 * Lists the files under `root` (or its subdirectory `start`) by walking the file system: posix
 * paths relative to `root`, unsorted. Directory symlinks are not descended; a symlink is listed when it resolves to a
 * regular file. Pruned directories are skipped, and so is what `.gitignore` files at any level
 * ignore, unless `includeIgnored`.
 */
async function walkFiles(root, pruner, includeIgnored, start = "") {
    const files = [];
    const visit = async (dir, inherited) => {
        const entries = await listDir(root, dir);
        if (entries.some((e) => e.name === VENV_MARKER) && pruner.mayPrune(dir))
            return;
        const rules = includeIgnored ? inherited : await withGitignore(root, dir, inherited, entries);
        const subdirs = [];
        for (const entry of entries) {
            if (entry.name === ".git")
                continue;
            const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
            if (entry.isDirectory()) {
                const skip = pruner.isPruned(path) || (pruner.mayPrune(path) && isIgnored(rules, path, true));
                if (!skip)
                    subdirs.push(path);
            }
            else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileTarget(root, path)))) {
                if (!isIgnored(rules, path, false))
                    files.push(path);
            }
        }
        await Promise.all(subdirs.map((sub) => visit(sub, rules)));
    };
    await visit(start, []);
    return files;
}
/** A directory's entries; one that cannot be read is a UserError naming it. */
async function listDir(root, dir) {
    try {
        return await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, dir), { withFileTypes: true });
    }
    catch (error) {
        throw cannotList(dir === "" ? root : dir, describeFsError(error));
    }
}
/**
 * The one-line error for a directory of the repository that cannot be listed (by the walk, or by
 * git, which warns and goes on): its files could be build inputs, so the fingerprint cannot be
 * known without them.
 */
function cannotList(dir, why) {
    return new UserError(`cannot list ${dir}: ${why}; make it readable, or move it out of the repository (its files could be build inputs)`);
}
async function withGitignore(root, dir, inherited, entries) {
    if (!entries.some((e) => e.name === ".gitignore" && e.isFile()))
        return inherited;
    const text = (await readProjectFile((0,external_node_path_namespaceObject.join)(root, dir, ".gitignore"), (0,external_node_path_namespaceObject.join)(dir, ".gitignore"))) ?? "";
    return [...inherited, { dir, matcher: ignore_default()({ ignorecase: false }).add(text) }];
}
/** gitignore precedence: the deepest `.gitignore` with a matching rule decides. */
function isIgnored(rules, path, isDir) {
    let ignored = false;
    for (const { dir, matcher } of rules) {
        const relative = dir === "" ? path : path.slice(dir.length + 1);
        const result = matcher.test(isDir ? `${relative}/` : relative);
        if (result.ignored)
            ignored = true;
        else if (result.unignored)
            ignored = false;
    }
    return ignored;
}
/** Whether a symlink resolves to a regular file. */
async function isFileTarget(root, path) {
    try {
        return (await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.join)(root, path))).isFile();
    }
    catch (error) {
        // A dangling link (or one removed meanwhile) is simply not a file.
        if (isAbsentError(error))
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/files/git-files.ts







const SUBMODULE = "160000";
const SYMLINK = "120000";
const REGULAR = new Set(["100644", "100755"]);
/**
 * The git work tree root containing `dir` (absolute); null when git is missing or `dir` is not in
 * a work tree, with what git said when it refused a repository it found (dubious ownership).
 */
async function gitToplevel(dir) {
    try {
        return { root: (0,external_node_path_namespaceObject.resolve)((await git(dir, ["rev-parse", "--show-toplevel"])).replace(/\n$/, "")) };
    }
    catch (error) {
        // git is not installed (ENOENT) or exited non-zero (not a work tree): there is no git root.
        const { code, stderr } = (error ?? {});
        if (code !== "ENOENT" && typeof code !== "number")
            throw error;
        const refused = /detected dubious ownership in repository at '(.*)'/.exec(String(stderr ?? ""));
        return refused ? { root: null, refused: refused[1] } : { root: null };
    }
}
/** Whether git ignores the root-relative `path` (itself or through a parent directory). */
async function gitIgnores(root, path) {
    try {
        await git(root, ["check-ignore", "--quiet", "--", path]);
        return true;
    }
    catch (error) {
        // Exit status 1 is git's answer "not ignored"; anything else is a failure.
        if (error?.code === 1)
            return false;
        throw error;
    }
}
/**
 * Lists the files of the work tree at `root` with git: tracked files that still exist and
 * untracked files (not ignored ones unless `includeIgnored`). Submodules and nested repositories
 * are skipped; symlinks (and skip-worktree entries) are kept when they resolve to a regular file.
 * Tracked files are only dropped under excluded directories: a tracked file is source, even in a
 * directory named `build`. Three git calls run together: `ls-files --stage` (mode, blob id and
 * path of every tracked file), `diff-files` (tracked files deleted or changed since the index
 * was written: lstat, and content for racily clean entries) and `ls-files --others`;
 * `indexTrust`'s calls start as soon as the tracked files are known (how git stores files
 * decides how they are digested even when the index ids are not used).
 */
async function gitFiles(root, pruner, includeIgnored, useIndex) {
    const others = ["ls-files", "-z", "--others", ...pruner.gitPatterns.map((p) => `--exclude=${p}`)];
    if (!includeIgnored)
        others.push("--exclude-standard");
    const staged = git(root, ["ls-files", "-z", "--stage", "-v"]).then(indexEntries);
    const regular = (all) => all.filter(isRegular).map((entry) => entry.path);
    const [entries, diff, listed, trust] = await Promise.all([
        staged,
        gitWithWarnings(root, ["diff-files", "-z", "--name-status", "--ignore-submodules=all"]),
        gitWithWarnings(root, others),
        staged.then((all) => indexTrust(root, regular(all))),
    ]);
    // git lists what it can read and only warns about the rest: that is an error here.
    const unreadable = unreadablePath(`${listed.stderr}\n${diff.stderr}`);
    if (unreadable)
        throw cannotList(unreadable.path, unreadable.why);
    const [changes, untracked] = [diff.stdout, listed.stdout];
    const { gone, changed } = changedPaths(changes);
    const tracked = new Set();
    const indexIds = new Map();
    const toCheck = [];
    for (const entry of entries) {
        const { tag, mode, path } = entry;
        if (mode === SUBMODULE || gone.has(path) || tracked.has(path))
            continue;
        tracked.add(path);
        if (mode === SYMLINK || tag === "S" || tag === "s" || entry.stage !== "0")
            toCheck.push(path);
        else if (useIndex &&
            trust.usable &&
            isRegular(entry) &&
            !changed.has(path) &&
            !trust.converted.has(path))
            indexIds.set(path, entry.id);
    }
    // Untracked entries ending in "/" are nested repositories.
    const nested = records(untracked)
        .filter((p) => p.endsWith("/"))
        .map((p) => p.slice(0, -1));
    const candidates = records(untracked).filter((p) => !p.endsWith("/") && !tracked.has(p));
    const venvs = new Set([...tracked, ...candidates]
        .filter((p) => p === VENV_MARKER || p.endsWith(`/${VENV_MARKER}`))
        .map((p) => p.slice(0, -VENV_MARKER.length - 1))
        .filter(pruner.mayPrune));
    const kept = candidates.filter((p) => !underDir(p, pruner.isPruned) && !underDir(p, (dir) => venvs.has(dir)));
    const notFiles = new Set(nonFiles(root, toCheck.concat(kept)));
    const files = [...tracked, ...kept].filter((p) => !notFiles.has(p) && !underDir(p, pruner.isExcluded));
    for (const path of indexIds.keys())
        if (underDir(path, pruner.isExcluded))
            indexIds.delete(path);
    const submodules = entries.filter((e) => e.mode === SUBMODULE).map((e) => e.path);
    const repositories = [...new Set([...submodules, ...nested])]
        .filter((p) => !underDir(`${p}/x`, pruner.isPruned))
        .sort();
    // Under autocrlf, the tracked files that are read need to know how git indexed them.
    const read = trust.autocrlf ? files.filter((p) => tracked.has(p) && !indexIds.has(p)) : [];
    const crlfInIndex = await indexedCrlf(root, read);
    return { files, indexIds, trust: { ...trust, crlfInIndex }, repositories };
}
/** What git says it could not read: `could not open directory 'x/': Permission denied`, `x: Permission denied`. */
const OPEN_DIR = /^warning: could not open directory '(.*)': (.+)$/m;
const STAT = /^(.+): (Permission denied|Input\/output error|Operation not permitted)$/m;
const ERRNO = {
    "Permission denied": "EACCES (permission denied)",
    "Operation not permitted": "EPERM (operation not permitted)",
    "Input/output error": "EIO (input/output error)",
};
/** The first path git reported it could not read while listing, and why. */
function unreadablePath(stderr) {
    const match = OPEN_DIR.exec(stderr) ?? STAT.exec(stderr);
    if (!match)
        return undefined;
    const [, path, why] = match;
    return { path: path.replace(/\/$/, ""), why: ERRNO[why] ?? why.toLowerCase() };
}
/**
 * Splits `git diff-files -z --name-status` output: deleted paths (D: gone, or replaced by a
 * directory) and every other reported path (modified, type change, intent-to-add, unmerged).
 */
function changedPaths(output) {
    const fields = records(output);
    const gone = new Set();
    const changed = new Set();
    for (let i = 0; i + 1 < fields.length; i += 2) {
        (fields[i] === "D" ? gone : changed).add(fields[i + 1]);
    }
    return { gone, changed };
}
/** Parses `git ls-files -z --stage -v`: "<tag> <mode> <object> <stage>\t<path>\0" records. */
function indexEntries(output) {
    const entries = [];
    for (let start = 0, end = output.indexOf("\0"); end !== -1; end = output.indexOf("\0", start)) {
        const tab = output.indexOf("\t", start);
        const [tag = "", mode = "", id = "", stage = ""] = output.slice(start, tab).split(" ");
        entries.push({ tag, mode, id, stage, path: output.slice(tab + 1, end) });
        start = end + 1;
    }
    return entries;
}
/** An entry git may vouch for: a cached (H) stage 0 regular file. */
function isRegular(entry) {
    return entry.tag === "H" && entry.stage === "0" && REGULAR.has(entry.mode);
}
function records(output) {
    return output.split("\0").filter((record) => record !== "");
}
/**
 * The paths that do not resolve to a regular file (symlinks to directories, dangling links).
 * Synchronous stats: tens of thousands of untracked files take a fraction of what as many
 * promise round trips would, and nothing else waits on the event loop meanwhile.
 */
function nonFiles(root, paths) {
    return paths.filter((path) => !isFileSync((0,external_node_path_namespaceObject.join)(root, path)));
}
function isFileSync(absPath) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(absPath, { throwIfNoEntry: false })?.isFile() ?? false;
    }
    catch (error) {
        // A dangling link, a loop or a path under a file is simply not a file.
        if (isAbsentError(error))
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/files/listed-tree.ts




/** A listed tree (see `openTree`), which digests its files once each. */
class ListedTree {
    repositories;
    root;
    projectDir;
    isGitRepo;
    caseInsensitive;
    files;
    /** Digests of the files that were hashed (git vouches for the others: `#sources.known`). */
    #hashed = new Map();
    #sources;
    #listed;
    /** Listed files by their lowercased names, made when first asked for (case ignored only). */
    #folded;
    constructor(tree, files, repositories, sources) {
        this.repositories = repositories;
        ({
            root: this.root,
            projectDir: this.projectDir,
            isGitRepo: this.isGitRepo,
            caseInsensitive: this.caseInsensitive,
        } = tree);
        this.files = Object.freeze(files);
        this.#listed = new Set(files);
        this.#sources = sources;
    }
    listed(path) {
        if (this.#listed.has(path))
            return path;
        if (!this.caseInsensitive)
            return undefined;
        if (!this.#folded) {
            this.#folded = new Map();
            // The first of two names that differ only in case (a checkout from a case-sensitive
            // system): the file system holds one of them.
            for (const file of this.files) {
                const key = file.toLowerCase();
                if (!this.#folded.has(key))
                    this.#folded.set(key, file);
            }
        }
        return this.#folded.get(path.toLowerCase());
    }
    async digest(paths) {
        const { known, hash, stored } = this.#sources;
        const toHash = [...new Set(paths)].filter((p) => !known.has(p) && !this.#hashed.has(p));
        for (const clean of [true, false]) {
            const group = toHash.filter((p) => stored(p) === clean);
            if (group.length === 0)
                continue;
            const absPaths = group.map((path) => (0,external_node_path_namespaceObject.join)(this.root, path));
            const digests = await hash(absPaths, clean).catch((error) => {
                throw unreadable(error, this.root);
            });
            for (const path of group)
                this.#hashed.set(path, digests.get((0,external_node_path_namespaceObject.join)(this.root, path)) ?? null);
        }
        return new Map(paths.map((p) => [p, known.get(p) ?? this.#hashed.get(p) ?? null]));
    }
}
/** Whether a path is digested as git stores it (CRLF as LF) rather than as it is on disk. */
function storedAs(trust) {
    if (!trust.autocrlf)
        return () => false;
    return (path) => !trust.converted.has(path) && !trust.crlfInIndex.has(path);
}
/**
 * A file that cannot be read (permissions, I/O) as a one-line error naming it: its digest, and so
 * the fingerprint, cannot be known. Errors without a file system code are bugs, rethrown.
 */
function unreadable(error, root) {
    const { code, path } = (error ?? {});
    if (typeof code !== "string" || typeof path !== "string")
        return error;
    return new UserError(`cannot read ${toPosix((0,external_node_path_namespaceObject.relative)(root, path))}: ${describeFsError(error)}; make it readable, or move it out of the repository (it could be a build input)`);
}

;// CONCATENATED MODULE: ./src/files/listing.ts










/**
 * Finds the root of the repository holding `projectDir`: the git work tree root (`git rev-parse
 * --show-toplevel`); without a usable git, the nearest ancestor holding `.git`, else the project
 * directory itself. A project directory that does not exist is a UserError naming `display`.
 */
async function locateProject(projectDir, display = projectDir) {
    const project = await projectRealpath(projectDir, display);
    const git = await gitToplevel(project);
    const root = git.root ?? (await dotGitAncestor(project)) ?? project;
    return { projectDir: project, root, isGitRepo: git.root !== null, gitRefused: git.refused };
}
/**
 * Lists the candidate input files of the repository at `location`: `git ls-files` in a work tree
 * and a directory walk otherwise; both prune never-input directories and honour `.gitignore`.
 */
async function openTree(location, options = {}) {
    const { root, isGitRepo } = location;
    const excluded = [];
    for (const dir of options.exclude ?? []) {
        const real = await existingRealpath(dir);
        if (real !== null && isInside(real, root))
            excluded.push(toPosix((0,external_node_path_namespaceObject.relative)(root, real)));
    }
    const projectDir = toPosix((0,external_node_path_namespaceObject.relative)(root, location.projectDir));
    const pruner = makePruner(projectDir, excluded);
    const includeIgnored = options.includeIgnored ?? false;
    const useIndex = options.useIndex ?? true;
    const listing = isGitRepo ? await gitFiles(root, pruner, includeIgnored, useIndex) : undefined;
    let files = listing?.files ?? (await walkFiles(root, pruner, includeIgnored));
    if (isGitRepo && projectDir !== "" && !includeIgnored && (await gitIgnores(root, projectDir))) {
        // A project inside an ignored directory (a scratch copy in a repository): git lists none of
        // its untracked files, so walk it, honouring the .gitignore files inside it.
        const walked = await walkFiles(root, pruner, false, projectDir);
        files = [...new Set([...files, ...walked])];
    }
    files.sort(); // plain UTF-16 code unit order
    const caseInsensitive = options.caseInsensitive ?? foldsCase(process.platform);
    const tree = { root, projectDir, isGitRepo, caseInsensitive };
    return new ListedTree(tree, files, listing?.repositories ?? [], {
        known: listing?.indexIds ?? new Map(),
        hash: options.hasher ?? ((paths, clean) => hashFiles(paths, undefined, clean)),
        stored: storedAs(listing?.trust ?? NO_TRUST),
    });
}
async function projectRealpath(dir, display) {
    const real = await existingRealpath(dir);
    if (real === null || !(await (0,promises_namespaceObject.stat)(real)).isDirectory()) {
        throw new UserError(`project directory ${display} does not exist or is not a directory`);
    }
    return real;
}
/** The real path of `path`, or null when it does not exist. */
async function existingRealpath(path) {
    try {
        return await (0,promises_namespaceObject.realpath)(path);
    }
    catch (error) {
        // A directory that does not exist holds no files: nothing to list or prune.
        if (isAbsentError(error))
            return null;
        throw error;
    }
}
async function dotGitAncestor(dir) {
    for (let current = dir;; current = (0,external_node_path_namespaceObject.dirname)(current)) {
        try {
            await (0,promises_namespaceObject.lstat)((0,external_node_path_namespaceObject.join)(current, ".git"));
            return current;
        }
        catch (error) {
            // No `.git` here: try the parent.
            if (!isAbsentError(error))
                throw error;
        }
        if ((0,external_node_path_namespaceObject.dirname)(current) === current)
            return null;
    }
}

;// CONCATENATED MODULE: ./src/keys/constraints.ts



/** Variables naming the constraint files an isolated build environment is resolved with. */
const CONSTRAINT_VARS = [
    "PIP_CONSTRAINT",
    "PIP_BUILD_CONSTRAINT",
    "UV_BUILD_CONSTRAINT",
    "UV_CONSTRAINT",
];
/**
 * The constraint files the variables name (paths separated by spaces; relative ones from the
 * project directory): their content decides the versions an isolated build installs. The
 * variables themselves are keyed with the environment; these keys add the files' bytes.
 */
function constraintKeys(env, cwd) {
    return CONSTRAINT_VARS.filter((name) => env[name]).map((name) => {
        const files = env[name].split(/\s+/).filter(Boolean);
        const digests = files.map((file) => {
            if (/^[a-z][\w+.-]*:\/\//i.test(file))
                return `${file}`; // a URL: its name is what we know
            const absolute = external_node_path_default().resolve(cwd, file);
            const info = (0,external_node_fs_namespaceObject.statSync)(absolute, { throwIfNoEntry: false });
            return info?.isFile() ? digestOf("file", (0,external_node_fs_namespaceObject.readFileSync)(absolute, "utf8")) : "absent";
        });
        return {
            id: `constraints:${name}`,
            kind: "env",
            source: "implicit",
            group: "implicit",
            digest: digestOf("constraints", name, ...digests),
            detail: `${files.length} file${files.length === 1 ? "" : "s"}`,
        };
    });
}

;// CONCATENATED MODULE: ./src/keys/implicit.ts



const PYTHON_PROBE = `import importlib.metadata, importlib.util, json, platform, sys, sysconfig
def version(name):
    try:
        return importlib.metadata.version(name)
    except Exception:
        return None
impl = sys.implementation.name
short = {"cpython": "cp", "pypy": "pp"}.get(impl, impl)
free = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
print(json.dumps({"version": platform.python_version(), "implementation": impl,
  "tag": f"{short}{sys.version_info[0]}{sys.version_info[1]}{free}",
  "soabi": str(sysconfig.get_config_var("SOABI") or sysconfig.get_config_var("EXT_SUFFIX") or ""),
  "platform": sysconfig.get_platform(),
  "hasBuildModule": importlib.util.find_spec("build") is not None,
  "prefixes": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}),
  "cc": sysconfig.get_config_var("CC"), "cxx": sysconfig.get_config_var("CXX"),
  "versions": {name: version(name) for name in sys.argv[1:]}}))`;
/** Asks `python` about itself; undefined when it cannot be run. */
async function probePython(python, env, cwd, distributions = []) {
    const out = await probe(python, ["-c", PYTHON_PROBE, ...distributions], env, cwd);
    if (out === undefined)
        return undefined;
    try {
        return JSON.parse(out);
    }
    catch {
        // An interpreter that printed something else (a wrapper's banner, nothing at all when it
        // could not start) is one that cannot be asked: the key records it as not found.
        return undefined;
    }
}
const implicit = (id, kind, value, detail) => ({
    id,
    kind,
    source: "implicit",
    group: "implicit",
    digest: digestOf(id, canonicalJson(value)),
    detail,
});
let platform;
/**
 * `linux-x64-glibc2.36`, `darwin-arm64-23`, `win32-x64`: what a built binary is tied to. Found
 * once a run: the C library's version comes from the process report, which takes a while.
 */
function platformId() {
    platform ??= findPlatformId();
    return platform;
}
function findPlatformId() {
    const base = `${process.platform}-${process.arch}`;
    if (process.platform === "linux") {
        const header = process.report?.getReport()
            ?.header;
        return `${base}-${header?.glibcVersionRuntime ? `glibc${header.glibcVersionRuntime}` : "musl"}`;
    }
    if (process.platform === "darwin")
        return `${base}-${external_node_os_default().release().split(".")[0]}`;
    return base;
}
function platformKey() {
    const id = platformId();
    return implicit("platform", "platform", id, id);
}
function pythonKey(info) {
    if (!info)
        return implicit("python", "python", null, "not found");
    const { hasBuildModule: _build, prefixes: _prefixes, cc: _cc, cxx: _cxx, versions: _versions, ...keyed } = info;
    const detail = `${info.implementation} ${info.version} ${info.soabi} ${info.platform}`;
    return implicit("python", "python", keyed, detail);
}
/** The toolchains a backend compiles with, probed in parallel; absent ones are recorded so. */
async function toolchainKeys(backend, env, cwd, python, platform = process.platform, run = probe) {
    const probes = [];
    const rust = backend.name === "maturin" || backend.name === "setuptools-rust";
    if (rust)
        probes.push(["rustc", env.RUSTC || "rustc", ["-vV"]]);
    if (!rust && backend.name !== "other" && platform === "win32" && !env.CC) {
        // setuptools and CMake build with MSVC on Windows: the toolset the developer environment
        // selects (`cl` says its version on stderr) and the Windows SDK decide the binary.
        probes.push(["msvc", "cmd.exe", ["/d", "/c", "cl 2>&1"]]);
    }
    else if (!rust && backend.name !== "other") {
        // setuptools compiles with the interpreter's sysconfig CC/CXX unless CC/CXX say otherwise.
        const setuptools = backend.name === "setuptools";
        const cc = env.CC || (setuptools ? python?.cc : undefined);
        const cxx = env.CXX || (setuptools ? python?.cxx : undefined);
        probes.push(["cc", compiler(cc, process.platform === "win32" ? "gcc" : "cc"), ["--version"]]);
        probes.push([
            "c++",
            compiler(cxx, process.platform === "win32" ? "g++" : "c++"),
            ["--version"],
        ]);
    }
    if (backend.name === "scikit-build-core")
        probes.push(["cmake", "cmake", ["--version"]]);
    if (backend.name === "meson-python")
        probes.push(["meson", "meson", ["--version"]], ["ninja", "ninja", ["--version"]]);
    return Promise.all(probes.map(async ([name, command, args]) => {
        const out = (await run(command, args, env, cwd))?.trim();
        const detail = out ? (out.split("\n")[0] ?? "").slice(0, 80) : "not found";
        return implicit(`toolchain:${name}`, "toolchain", out ?? null, detail);
    }));
}
const WRAPPERS = new Set(["ccache", "sccache", "distcc", "icecc"]);
/**
 * The compiler program in a `CC`/`CXX` value such as `ccache gcc -m64`: the first word that is not
 * a compiler cache (the flags are keyed with the variable itself).
 */
function compiler(value, fallback) {
    const words = (value ?? "").trim().split(/\s+/).filter(Boolean);
    const program = words.find((w) => !WRAPPERS.has(w.split(/[\\/]/).pop() ?? w));
    return program ?? fallback;
}
function buildSystemKey(pyproject) {
    const table = (pyproject["build-system"] ?? null);
    const requires = Array.isArray(table?.requires)
        ? [...table.requires].map(String).sort()
        : [];
    const normalized = table ? { ...table, requires } : null;
    return implicit("build-system", "build-system", normalized, table ? String(table["build-backend"] ?? "legacy setuptools") : "none");
}
/**
 * A builder whose environment is elsewhere (a manylinux container, cibuildwheel): its kind and
 * the settings that decide the wheels (target, manylinux policy or image, arguments), in place
 * of the host's interpreter and compilers, which say nothing about those wheels.
 */
function builderKey(builder) {
    return implicit("builder", "builder", builder, [builder.kind, ...builder.settings].join(" "));
}
function buildCommandKey(command) {
    return implicit("build-command", "build-command", command, command.join(" "));
}
/** Tool tables that configure linters and test runners: never part of a wheel. */
const NON_BUILD_TOOLS = [
    "pytest",
    "ruff",
    "black",
    "isort",
    "mypy",
    "pyright",
    "basedpyright",
    "coverage",
    "codespell",
    "tox",
    "pylint",
    "flake8",
    "bandit",
    "pydocstyle",
    "docformatter",
    "interrogate",
    "vulture",
    "typos",
    "towncrier",
    "commitizen",
    "pixi",
    "rye",
    "pdm-dev",
];
/**
 * pyproject.toml as the build sees it: without linter and test-runner tables, dependency groups
 * and uv's `cache-keys` (the keys themselves are fingerprinted), so editing those never rebuilds.
 * Each table is a decision of its own: `[tool.cibuildwheel]` configures wheel builds and stays;
 * `[tool.mypy]` stays for projects that compile with mypyc.
 */
function pyprojectKey(pyproject, exists) {
    const tool = { ...(pyproject.tool ?? {}) };
    const mypyc = JSON.stringify(pyproject["build-system"] ?? {}).includes("mypy");
    for (const name of NON_BUILD_TOOLS)
        if (!(name === "mypy" && mypyc))
            delete tool[name];
    if (tool.uv && typeof tool.uv === "object") {
        const { "cache-keys": _keys, "dev-dependencies": _dev, ...uv } = tool.uv;
        tool.uv = uv;
    }
    const { "dependency-groups": _groups, ...rest } = pyproject;
    const normalized = exists ? { ...rest, tool } : null;
    const key = implicit("pyproject", "pyproject", normalized, exists ? "pyproject.toml" : "absent");
    // The file it covers, with the normalized digest: a diff then names pyproject.toml itself.
    return { ...key, group: "rebuild", files: { "pyproject.toml": exists ? key.digest : null } };
}

;// CONCATENATED MODULE: ./src/config/uv-entries.ts



const FORMS = "expected a string or a table with exactly one of `file`, `dir`, `git`, `env`";
/**
 * Parses a `[tool.uv] cache-keys` value with uv's meaning, strictly: where uv silently falls back
 * to its defaults on an invalid entry, this throws a UserError naming the entry and the problem.
 * `{ git = false }` is accepted and contributes nothing, as in uv.
 */
function parseCacheKeys(value, where) {
    if (!Array.isArray(value)) {
        throw new UserError(`${where}: cache-keys must be a list, got ${describe(value)}`);
    }
    const entries = [];
    value.forEach((item, index) => {
        const origin = `${where} cache-keys[${index}]`;
        const entry = parseEntry(item, origin);
        if (entry)
            entries.push({ entry, origin });
    });
    return entries;
}
/**
 * Parses the action's `cache-keys` input: one entry per line, either a bare path or glob, or a
 * TOML inline table such as `{ env = "MY_FLAG" }`.
 */
function parseCacheKeyLines(lines, where) {
    const entries = [];
    lines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === "" || line.startsWith("#"))
            return;
        const origin = `${where} line ${index + 1}`;
        const entry = parseEntry(line.startsWith("{") ? parseInline(line, origin) : line, origin);
        if (entry)
            entries.push({ entry, origin });
    });
    return entries;
}
function parseInline(line, origin) {
    try {
        return parse(`entry = ${line}`).entry;
    }
    catch (error) {
        if (error instanceof TomlError) {
            throw new UserError(`${origin}: not a TOML inline table: ${line}`);
        }
        throw error;
    }
}
function parseEntry(item, origin) {
    if (typeof item === "string")
        return { kind: "file", pattern: nonEmpty(item, origin, "path") };
    if (!isTable(item))
        throw new UserError(`${origin}: ${FORMS}, got ${describe(item)}`);
    const fields = Object.keys(item);
    const unknown = fields.filter((f) => !["file", "dir", "git", "env"].includes(f));
    if (unknown.length > 0) {
        throw new UserError(`${origin}: unknown field \`${unknown[0]}\` (${FORMS})`);
    }
    if (fields.length !== 1) {
        const found = fields.length === 0 ? "none" : fields.map((f) => `\`${f}\``).join(" and ");
        throw new UserError(`${origin}: ${FORMS}, found ${found}`);
    }
    const field = fields[0];
    const value = item[field];
    switch (field) {
        case "file":
            return { kind: "file", pattern: uv_entries_text(value, origin, "file") };
        case "dir":
            return { kind: "dir", path: uv_entries_text(value, origin, "dir") };
        case "env":
            return { kind: "env", name: envName(uv_entries_text(value, origin, "env"), origin) };
        case "git":
            return parseGit(value, origin);
    }
}
function parseGit(value, origin) {
    if (value === false)
        return undefined;
    if (value === true)
        return { kind: "git", commit: true, tags: false };
    if (!isTable(value)) {
        throw new UserError(`${origin}: \`git\` must be true, false or { commit, tags }`);
    }
    for (const [field, flag] of Object.entries(value)) {
        if (field !== "commit" && field !== "tags") {
            throw new UserError(`${origin}: unknown field \`git.${field}\` (expected \`commit\`, \`tags\`)`);
        }
        if (typeof flag !== "boolean") {
            throw new UserError(`${origin}: \`git.${field}\` must be true or false, got ${describe(flag)}`);
        }
    }
    const commit = value.commit === true;
    const tags = value.tags === true;
    return commit || tags ? { kind: "git", commit, tags } : undefined;
}
function uv_entries_text(value, origin, field) {
    if (typeof value !== "string") {
        throw new UserError(`${origin}: \`${field}\` must be a string, got ${describe(value)}`);
    }
    return nonEmpty(value, origin, field);
}
function nonEmpty(value, origin, what) {
    if (value.trim() === "")
        throw new UserError(`${origin}: empty ${what}`);
    return value;
}
function envName(name, origin) {
    if (/[=\0]/.test(name))
        throw new UserError(`${origin}: invalid environment variable name`);
    return name;
}
function describe(value) {
    if (Array.isArray(value))
        return "a list";
    if (value === null || value === undefined)
        return "nothing";
    if (typeof value === "object")
        return "a table";
    return `${typeof value} ${JSON.stringify(value)}`;
}

;// CONCATENATED MODULE: ./src/project/declared.ts


/**
 * Reads `[tool.uv] cache-keys` from pyproject.toml, strictly. uv ignores `cache-keys` in uv.toml,
 * and so does wheel-cache, but it says so.
 */
async function readDeclaredKeys(project) {
    const where = project.shown("pyproject.toml");
    const value = lookup(project.pyproject.data, "tool", "uv", "cache-keys");
    const entries = value === undefined ? undefined : parseCacheKeys(value, `${where}: [tool.uv]`);
    const warnings = [];
    const uvToml = entries === undefined ? await project.read("uv.toml") : undefined;
    if (uvToml !== undefined) {
        const display = project.shown("uv.toml");
        if (lookup(parseTomlContent(uvToml, display), "cache-keys") !== undefined) {
            warnings.push(`${display}: cache-keys in uv.toml have no effect (uv reads them only from pyproject.toml's [tool.uv]); move them there`);
        }
    }
    return { entries, warnings };
}

;// CONCATENATED MODULE: ./src/project/infer-metadata.ts



/** License files every current backend picks up by itself when `license-files` is not set. */
const DEFAULT_LICENSE_FILES = "{LICEN[CS]E,COPYING,NOTICE,AUTHORS}*";
const infer_metadata_file = (pattern) => ({ kind: "file", pattern });
/**
 * Files the backend reads into the wheel's metadata: the readme, license files, files that
 * dynamic metadata is read from, and what a backend reads by itself (maturin's README.md and
 * Cargo's readme and license-file). A README that no backend reads is not an input.
 */
async function inferMetadataKeys(project) {
    const data = project.pyproject.data;
    const paths = [];
    const readme = lookup(data, "project", "readme");
    if (typeof readme === "string")
        paths.push(readme);
    else if (isTable(readme) && typeof readme.file === "string")
        paths.push(readme.file);
    const license = lookup(data, "project", "license");
    if (isTable(license) && typeof license.file === "string")
        paths.push(license.file);
    const licenseFiles = lookup(data, "project", "license-files");
    paths.push(...(licenseFiles === undefined ? [DEFAULT_LICENSE_FILES] : stringList(licenseFiles)));
    paths.push(...setuptoolsDynamicFiles(data), ...hatchRequirementFiles(data));
    paths.push(...setupCfgFiles(project.setupCfg ?? ""));
    if (project.backend.name === "maturin") {
        if (readme === undefined)
            paths.push("README.md");
        const manifest = lookup(data, "tool", "maturin", "manifest-path");
        const cargo = await readToml(external_node_path_default().resolve(project.dir, typeof manifest === "string" ? manifest : "Cargo.toml"), project.root);
        for (const field of ["readme", "license-file"]) {
            const value = cargo ? lookup(cargo, "package", field) : undefined;
            if (typeof value === "string")
                paths.push(value);
        }
    }
    paths.push(...(await setupPyFiles(project)));
    return [...new Set(paths.map((p) => external_node_path_default().posix.normalize(p.replaceAll("\\", "/"))))].map(infer_metadata_file);
}
/** `[tool.setuptools.dynamic]`: `{ file = ... }` values of version, dependencies, readme, ... */
function setuptoolsDynamicFiles(data) {
    const dynamic = lookup(data, "tool", "setuptools", "dynamic");
    if (!isTable(dynamic))
        return [];
    const values = Object.values(dynamic).flatMap((v) => isTable(v) && !("file" in v) ? Object.values(v) : [v]);
    return values.flatMap((v) => (isTable(v) ? stringList(v.file) : []));
}
function hatchRequirementFiles(data) {
    const hook = lookup(data, "tool", "hatch", "metadata", "hooks", "requirements_txt");
    if (!isTable(hook))
        return [];
    const optional = isTable(hook["optional-dependencies"])
        ? Object.values(hook["optional-dependencies"])
        : [];
    return [...stringList(hook.files), ...optional.flatMap(stringList)];
}
/** `setup.cfg` values of the form `file: a.txt, b.txt` and `license_files` globs. */
function setupCfgFiles(text) {
    const files = [];
    for (const match of text.matchAll(/^[ \t]*[\w.-]+[ \t]*=[ \t]*file:[ \t]*(.+)$/gm)) {
        files.push(...match[1]
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean));
    }
    const licenses = /^[ \t]*license_files[ \t]*=([^\n]*(?:\n[ \t]+[^\n]+)*)/m.exec(text);
    if (licenses)
        files.push(...licenses[1].split(/[\s,]+/).filter(Boolean));
    return files;
}
const SOURCE_SUFFIX = /\.(?:py|pyx|pxd|pxi|c|cc|cpp|cxx|h|hh|hpp|hxx|rs|f|f90|cu|m|mm|s)$/i;
/**
 * Files setup.py names in string literals (a readme it opens, a `VERSION` file with or without
 * an extension): read at build time.
 */
async function setupPyFiles(project) {
    const literals = [...(project.setupPy ?? "").matchAll(/["']([\w./-]{1,200})["']/g)];
    // Sources named in Extension(...) are rebuild keys already; what is left is what metadata reads.
    const candidates = [...new Set(literals.map((m) => m[1]))]
        .filter((c) => !SOURCE_SUFFIX.test(c))
        .slice(0, 100);
    const found = await Promise.all(candidates.map(async (c) => ((await project.isFile(c)) ? c : "")));
    return found.filter(Boolean);
}

;// CONCATENATED MODULE: ./src/fingerprint/index.ts












/**
 * Resolves every key of a project except the build command's. The probes (the interpreter, the
 * toolchains) run while the tree is listed and hashed. Pure of logging: it returns warnings.
 */
async function collectKeys(request) {
    const { project, env } = request;
    const python = request.pythonInfo;
    // setuptools calls the compiler the interpreter was built with: probe it, once the interpreter
    // has said which; other backends' toolchains are probed at once.
    const toolchains = project.backend.name === "setuptools"
        ? python.then((info) => toolchainKeys(project.backend, env, project.dir, info))
        : toolchainKeys(project.backend, env, project.dir);
    const dirty = project.backend.versionFromGit
        ? gitDirtyKey(request.location.root, request.location.isGitRepo, env)
        : undefined;
    const tree = openTree(request.location, {
        exclude: request.exclude,
        includeIgnored: request.includeIgnored,
        caseInsensitive: foldsCase(request.platform),
    });
    // Awaited below; a failure before then must not surface as an unhandled rejection.
    tree.catch(() => undefined);
    const declared = await readDeclaredKeys(project);
    const specs = [];
    const add = (entries, source, group, origin) => specs.push(...entries.map((entry) => ({ entry, source, group, origin })));
    for (const { entry, origin } of declared.entries ?? [])
        specs.push({ entry, source: "pyproject", group: "rebuild", origin });
    for (const { entry, origin } of request.extraKeys)
        specs.push({ entry, source: "input", group: "rebuild", origin });
    const inferred = declared.entries ? undefined : await inferRebuildKeys(project);
    if (inferred)
        add(inferred.entries, "inferred", "rebuild", `inferred for ${project.backend.name}`);
    add(await inferMetadataKeys(project), "inferred", "metadata", "metadata inputs");
    add(await inferShippedKeys(project), "inferred", "shipped", "shipped files");
    const resolved = await resolveSpecs(specs, await tree, env);
    const repositories = await repositoriesKey(await tree, env);
    const info = await python;
    const host = request.builder.kind === "host";
    const implicit = [
        pyprojectKey(project.pyproject.data, project.pyproject.exists),
        buildSystemKey(project.pyproject.data),
        platformKey(),
        ...(host ? [pythonKey(info), ...(await toolchains)] : [builderKey(request.builder)]),
        ...envKeys(env, request.envVars),
        ...constraintKeys(env, project.dir),
        ...(dirty ? [await dirty] : []),
        ...(repositories ? [repositories] : []),
    ];
    const seen = new Set(resolved.keys.map((k) => k.id));
    const warnings = [...declared.warnings, ...(inferred?.warnings ?? []), ...resolved.warnings];
    if (!info)
        warnings.push(`python: cannot run ${request.python}; the key records it as not found`);
    const refused = request.location.gitRefused;
    if (refused) {
        warnings.push(`git refuses the repository at ${refused} (dubious ownership: another user owns it), so its files are listed without git and git keys read nothing; \`git config --global --add safe.directory ${refused}\` lets git read it`);
    }
    return {
        request,
        keys: [...resolved.keys, ...implicit.filter((k) => !seen.has(k.id))],
        warnings,
        specs,
        tree: await tree,
        name: importName(project),
        python: info,
        keysFrom: declared.entries ? "pyproject" : "inferred",
    };
}
/**
 * Adds the build command's key (`argv` as keyed) and the keys that depend on the command (the
 * build requirements' versions), and seals every key into the fingerprint.
 */
function sealFingerprint(inputs, buildCommand, commandKeys = []) {
    const keys = [...inputs.keys, buildCommandKey(buildCommand), ...commandKeys];
    return { ...inputs, keys, manifest: makeManifest(inputs.tree.projectDir || ".", keys) };
}

;// CONCATENATED MODULE: ./src/keys/requirements.ts






/** How long resolving the build requirements may take before the key falls back to the specifiers. */
const RESOLVE_TIMEOUT_MS = 60_000;
/**
 * Whether the build installs its requirements into an isolated environment, and with what:
 * `uv build` (unless `--no-build-isolation`), `python -m build` and `pip wheel` (pip, unless
 * `--no-isolation`/`--no-build-isolation`). Other commands (maturin itself, scripts, make) use
 * what is installed.
 */
function isolationOf(argv, env) {
    const words = argv.map((w) => external_node_path_default().basename(w));
    const truthy = (v) => v !== undefined && /^(?:1|true|yes|on)$/i.test(v);
    if (words[0] === "uv" && words[1] === "build") {
        return argv.includes("--no-build-isolation") || truthy(env.UV_NO_BUILD_ISOLATION)
            ? "none"
            : "uv";
    }
    const module = argv[argv.indexOf("-m") + 1];
    if (argv.includes("-m") && module === "build") {
        return argv.includes("--no-isolation") || argv.includes("-n") ? "none" : "pip";
    }
    if (argv.includes("-m") && module === "pip" && argv.includes("wheel")) {
        // pip reads PIP_NO_BUILD_ISOLATION inverted: a false value turns isolation off.
        const off = env.PIP_NO_BUILD_ISOLATION !== undefined && !truthy(env.PIP_NO_BUILD_ISOLATION);
        return argv.includes("--no-build-isolation") || off ? "none" : "pip";
    }
    return "none";
}
/**
 * The versions of the build requirements as the build will use them: for a build without
 * isolation, the versions installed in the building interpreter; for an isolated one, the
 * versions a resolver picks now (uv or pip, bounded in time), so that a new release of an
 * unpinned requirement (setuptools, numpy, Cython) changes the key. Where resolving fails
 * (offline, no resolver), the key holds the specifiers alone and a warning says so.
 */
async function buildRequirementsKey(request) {
    const isolation = isolationOf(request.argv, request.env);
    if (isolation === "none") {
        const pins = Object.entries(request.installed)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([name, version]) => `${name}==${version ?? "not installed"}`);
        return { key: requirementsKey(pins, "installed") };
    }
    const resolved = await resolve(isolation, request);
    if (typeof resolved === "string") {
        return {
            key: requirementsKey([...request.requires].sort(), "unresolved"),
            warning: `the build requirements (${request.requires.join(", ") || "none"}) could not be resolved (${resolved}): their specifiers are keyed, so a new release of an unpinned one will not rebuild`,
        };
    }
    return { key: requirementsKey(resolved, `resolved by ${isolation}`) };
}
function requirementsKey(pins, how) {
    const shown = pins.length > 0 ? pins.join(", ") : "none";
    return {
        id: "build-requirements",
        kind: "build-system",
        source: "implicit",
        group: "implicit",
        digest: digestOf("build-requirements", how === "unresolved" ? how : "pins", ...pins),
        detail: `${shown} (${how})`.slice(0, 200),
    };
}
/** `name==version` lines a resolver picks for the requirements, or why it could not. */
async function resolve(isolation, request) {
    if (request.requires.length === 0)
        return [];
    const input = `${request.requires.join("\n")}\n`;
    const uv = which("uv", request.env);
    if (isolation === "uv" || uv) {
        if (!uv)
            return "uv is not on PATH";
        const args = [
            "pip",
            "compile",
            "--quiet",
            "--no-header",
            "--no-annotate",
            "--python",
            request.python,
            "-",
        ];
        const out = await run(uv, args, input, request);
        return typeof out === "string" ? pins(out) : out.error;
    }
    // pip reads requirements from a file (its stdin here is a socket, which it cannot open).
    const dir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), "wheel-cache-requires-"));
    const file = external_node_path_default().join(dir, "requirements.txt");
    let out;
    try {
        await (0,promises_namespaceObject.writeFile)(file, input);
        const args = ["-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"];
        out = await run(request.python, [...args, "--report", "-", "-r", file], "", request);
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
    if (typeof out !== "string")
        return out.error;
    try {
        const report = JSON.parse(out);
        return (report.install ?? [])
            .map((i) => `${(i.metadata?.name ?? "").toLowerCase()}==${i.metadata?.version ?? ""}`)
            .sort();
    }
    catch {
        // pip printed something other than its report: a resolver we cannot read is no resolver.
        return "pip's report could not be read";
    }
}
function pins(text) {
    return text
        .split("\n")
        .map((line) => line.replace(/\s*;.*$/, "").trim())
        .filter((line) => /^[\w.-]+==\S+$/.test(line))
        .map((line) => line.toLowerCase())
        .sort();
}
/** Runs a resolver with `input` on stdin; its stdout, or why it failed (one line). */
function run(command, args, input, request) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.execFile)(command, args, {
            env: request.env,
            cwd: request.cwd,
            timeout: RESOLVE_TIMEOUT_MS,
            maxBuffer: 16 << 20,
            windowsHide: true,
        }, (error, stdout, stderr) => {
            if (!error)
                resolve(stdout.toString());
            else if (error.killed)
                resolve({ error: `no answer within ${RESOLVE_TIMEOUT_MS / 1000} s` });
            else {
                const last = stderr.toString().trim().split("\n").filter(Boolean).at(-1);
                resolve({ error: last?.slice(0, 200) ?? `exit status ${String(error.code)}` });
            }
        });
        // A resolver that exits before reading its input says why on stderr; the write error adds nothing.
        child.stdin?.on("error", () => undefined);
        child.stdin?.end(input);
    });
}

;// CONCATENATED MODULE: ./src/pipeline/fingerprint.ts









/** cibuildwheel's own configuration file, when cibuildwheel builds (`[tool.cibuildwheel]` is in pyproject.toml's key). */
const CIBUILDWHEEL_CONFIG = {
    entry: { kind: "file", pattern: "cibuildwheel.toml" },
    origin: "cibuildwheel's configuration",
};
/**
 * Fingerprints the configured project: finds its repository, reads it, collects its keys, then
 * chooses the build command (from what the probes found) and seals it into the fingerprint.
 * `exclude` adds directories of the run's own. `requirements: false` leaves out the versions of the
 * build requirements (a resolver's round trip), for commands that only list files to uv.
 */
async function prepare(config, exclude = [], { requirements: resolveRequirements = true } = {}) {
    const python = config.python ?? defaultPython(config.env, config.platform);
    const location = await locateProject(config.projectDir, config.projectDisplay);
    const project = await loadProject(location, config.projectDisplay);
    const pythonInfo = probePython(python, config.env, project.dir, project.backend.requires);
    // The command and the versions of its build requirements are found while the tree is listed
    // and hashed: resolving them may take a round trip to the package index.
    const chosen = pythonInfo.then(async (info) => {
        const command = chooseBuildCommand(config.buildCommand, project.backend, python, info, project.dir, config.wheelDir, config.env);
        if (!resolveRequirements)
            return { command, requirements: undefined };
        const requirements = await buildRequirementsKey({
            requires: buildRequires(project.pyproject.data),
            argv: command.argv,
            python,
            installed: info?.versions ?? {},
            env: config.env,
            cwd: project.dir,
        });
        return { command, requirements };
    });
    // Awaited below; a failure before then must not surface as an unhandled rejection.
    chosen.catch(() => undefined);
    const inputs = await collectKeys({
        location,
        project,
        exclude: [config.wheelDir, ...exclude],
        includeIgnored: config.includeIgnored,
        extraKeys: [
            ...config.extraKeys,
            ...(config.builder.kind === "cibuildwheel" ? [CIBUILDWHEEL_CONFIG] : []),
            ...(config.buildCommand
                ? buildScriptEntries(config.buildCommand, location.projectDir, location.root)
                : []),
        ],
        envVars: config.envVars,
        builder: config.builder,
        python,
        pythonInfo,
        env: config.env,
        platform: config.platform,
    });
    const { command, requirements } = await chosen;
    const fp = sealFingerprint(inputs, command.keyed, requirements ? [requirements.key] : []);
    const warnings = requirements?.warning ? [...fp.warnings, requirements.warning] : fp.warnings;
    return { fp: { ...fp, warnings }, command };
}
/** `build-system.requires` as written; PEP 517's default for a project that has none. */
function buildRequires(pyproject) {
    const requires = lookup(pyproject, "build-system", "requires");
    return requires === undefined ? ["setuptools>=40.8.0"] : stringList(requires);
}

;// CONCATENATED MODULE: ./src/cache/entry-key.ts


/** Bumped when the entry layout or the fingerprint's meaning changes: old entries stop matching. */
const CACHE_VERSION = "v2";
const MAX_KEY = 512;
/**
 * Entry keys: `<prefix>-v2-<name>.<dir digest>-<platform>-<python>[~<suffix>]-fp-<fingerprint>-<variant>`,
 * and the same after `<prefix>-manifest-` for manifests. The user's suffix and the name are
 * percent-encoded with `-` encoded too, so `-fp-` marks the fingerprint unambiguously and a
 * prefix lookup for one slot never matches another slot's entries.
 */
function entryKeys(parts, fingerprint) {
    const project = `${CACHE_VERSION}-${encode(parts.name || "project")}.${digest_short(digestOf(parts.projectDir), 8)}-`;
    const suffix = parts.suffix ? `~${encode(parts.suffix)}` : "";
    const slot = `${project}${parts.platform}-${parts.python}${suffix}-fp-`;
    const fp = `${digest_short(fingerprint, 32)}-`;
    const keys = {
        wheels: (variant) => `${parts.prefix}-${slot}${fp}${variant}`,
        manifest: (variant) => `${parts.prefix}-manifest-${slot}${fp}${variant}`,
        wheelsPrefix: `${parts.prefix}-${slot}${fp}`,
        fingerprintManifests: `${parts.prefix}-manifest-${slot}${fp}`,
        slotManifests: `${parts.prefix}-manifest-${slot}`,
        projectManifests: `${parts.prefix}-manifest-${project}`,
        withFingerprint: (other) => entryKeys(parts, other),
    };
    const longest = keys.manifest("x".repeat(VARIANT_LENGTH));
    if (longest.length > MAX_KEY) {
        throw new UserError(`the cache key would be ${longest.length} characters, over the service's ${MAX_KEY}: shorten key-prefix or key-suffix`);
    }
    return keys;
}
/** Characters of a variant's digest in its keys. */
const VARIANT_LENGTH = 12;
/** Percent-encodes a user-supplied part, `-` included. */
function encode(part) {
    return encodeURIComponent(part).replaceAll("-", "%2D");
}

;// CONCATENATED MODULE: ./src/pipeline/slot.ts


/** The entry keys of a run's slot: project, platform, Python, suffix and fingerprint. */
function slotKeys(config, prepared) {
    const leg = legOf(config, prepared);
    const slot = {
        prefix: config.keyPrefix,
        name: leg.project,
        projectDir: leg.projectDir,
        platform: leg.platform,
        python: leg.python,
        suffix: leg.keySuffix,
    };
    return entryKeys(slot, prepared.fp.manifest.fingerprint);
}
/** The leg a run belongs to: what its slot is made of. */
function legOf(config, { fp }) {
    return {
        project: fp.name,
        projectDir: fp.manifest.project,
        platform: platformId(),
        // A builder elsewhere builds for Pythons the host's says nothing about.
        python: config.builder.kind === "host" ? (fp.python?.tag ?? "python") : config.builder.kind,
        pythonVersion: fp.python?.version,
        keySuffix: config.keySuffix,
    };
}

;// CONCATENATED MODULE: ./src/pipeline/keys.ts






/**
 * Fingerprints the project and compares the keys with the newest recorded build's reads.
 * `requirements: false` skips resolving the build requirements' versions, which no uv entry can
 * express (the slot, which finds the newest build, does not depend on them).
 */
async function describeKeys(config, deps, options = {}) {
    const prepared = await prepare(config, [deps.stagingDir], options);
    const { fp } = prepared;
    const keys = slotKeys(config, prepared);
    const lookup = await restoreManifest(deps, external_node_path_default().join(deps.stagingDir, "manifest"), `${keys.slotManifests}~newest`, [keys.slotManifests]);
    const observed = lookup.found?.key.startsWith(keys.slotManifests)
        ? lookup.found.manifest.observed
        : undefined;
    return {
        fp,
        unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
        tracedOn: observed?.tracedOn,
        observed,
        uvGap: await declaredGap(fp, observed),
        warnings: [...fp.warnings, ...(lookup.warning ? [lookup.warning] : [])],
    };
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping for text the user controls (file names, key ids, wheel names, warnings) in every
 * renderer. Each function keeps the text on one line: a newline becomes `␤`, any other control
 * character its Unicode control picture and a bidirectional override `\ufffd`, so a file name can
 * never end an HTML block, split a table row, start a workflow command in the log, send escape
 * sequences to a terminal or read as another name.
 */
const HTML = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
};
/**
 * Characters that mean something anywhere in a line of GitHub-flavoured Markdown (emphasis, code,
 * links, tables, strikethrough, emoji shortcodes, math, mentions): escaped with a backslash. `(`
 * and `)` only matter after `]`, which is escaped, so they stay readable.
 */
const MARKDOWN_PUNCTUATION = new Set("\\`*_[]|~:$@");
/** `␤` for a line break (CRLF counts once), a control picture for other control characters. */
function controlPicture(char) {
    const code = char.codePointAt(0);
    if (char === "\n" || char === "\r")
        return "␤";
    if (code < 0x20)
        return String.fromCodePoint(0x2400 + code);
    if (code === 0x7f)
        return "␡";
    if (code >= 0x80 && code < 0xa0)
        return "\ufffd";
    if (char === "\u2028" || char === "\u2029")
        return "␤";
    // Bidirectional overrides could make a file name read as another one.
    if (/[\u202a-\u202e\u2066-\u2069]/.test(char))
        return "\ufffd";
    return undefined;
}
function mapChars(text, map) {
    let out = "";
    for (const char of text.replaceAll("\r\n", "\n"))
        out += map(char) ?? char;
    return out;
}
/** One line of plain text: control characters made visible. For the log and the terminal. */
function escapeLine(text) {
    return mapChars(text, controlPicture);
}
/** Text for inside HTML (`<details>`, `<code>`, attributes): entities, on one line. */
function escapeHtml(text) {
    return mapChars(text, (char) => HTML[char] ?? controlPicture(char));
}
/**
 * Text for Markdown: HTML special characters as entities, Markdown punctuation behind a
 * backslash, on one line. Renders as the literal text: never HTML, emphasis, code, a link text,
 * a heading or list item, and never a cell break in a table.
 */
function escape_escapeMarkdown(text) {
    const body = mapChars(text, (char) => HTML[char] ??
        controlPicture(char) ??
        (MARKDOWN_PUNCTUATION.has(char) ? `\\${char}` : undefined));
    // What only means something at the start of a line: a heading, a list item, a setext underline.
    if (/^[#+\-=]/.test(body))
        return `\\${body}`;
    return body.replace(/^(\d+)([.)])/, "$1\\$2");
}
/**
 * Text for one table cell: as `escapeMarkdown` (which escapes `|`), and never empty, since an
 * empty cell at the end of a row is easy to lose.
 */
function escape_escapeCell(text) {
    return text === "" ? "—" : escape_escapeMarkdown(text);
}
/** Monospace in Markdown (a table cell, a paragraph): `<code>`, whose content GFM still parses. */
function escape_codeMarkdown(text) {
    return `<code>${escape_escapeMarkdown(text)}</code>`;
}
/** Inline monospace inside an HTML block, where Markdown is not parsed. */
function codeHtml(text) {
    return `<code>${escapeHtml(text)}</code>`;
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** The changed files of a key: modified, then added, then removed, each in path order. */
function fileEntries(files) {
    return [
        ...files.modified.map((path) => ({ mark: "~", verb: "modified", path })),
        ...files.added.map((path) => ({ mark: "+", verb: "added", path })),
        ...files.removed.map((path) => ({ mark: "-", verb: "removed", path })),
    ];
}
/** `linux-x64-glibc2.36 / cp311`: the platform and interpreter a build is cached for. */
function slotOf(manifest) {
    const platform = manifest.keys.find((k) => k.id === "platform")?.detail ?? "this platform";
    const python = manifest.keys.find((k) => k.id === "python")?.detail;
    return `${platform} / ${pythonTag(python)}`;
}
/** `cp311` from the python key's detail (`cpython 3.11.9 cpython-311-x86_64-linux-gnu ...`). */
function pythonTag(detail) {
    const words = detail?.split(" ") ?? [];
    const soabi = words[2] ?? "";
    const cpython = /^cpython-(\d)(\d+)(t?)/.exec(soabi);
    if (cpython)
        return `cp${cpython[1]}${cpython[2]}${cpython[3]}`;
    const pypy = /^(pypy\d+)/.exec(soabi);
    if (pypy)
        return pypy[1].replace("pypy", "pp");
    return words.slice(0, 2).join(" ") || "this Python";
}
/** `45 s`, `1 min 12 s`, `2 h 5 min`, `under 1 s`. */
function formatDuration(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0.5)
        return "under 1 s";
    const total = Math.round(seconds);
    const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
    if (h > 0)
        return m > 0 ? `${h} h ${m} min` : `${h} h`;
    if (m > 0)
        return s > 0 ? `${m} min ${s} s` : `${m} min`;
    return `${s} s`;
}
/** `812 B`, `1.2 MB`, `34 MB` (decimal units, as PyPI shows wheel sizes). */
function formatSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ["kB", "MB", "GB", "TB"];
    let value = bytes / 1000;
    let unit = 0;
    while (value >= 999.5 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
/** `1 wheel`, `2 wheels`. */
function format_plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
/** `just now`, `12 min ago`, `5 h ago`, `2 days ago`: how long before `now` a time was. */
function formatAge(then, now) {
    const ms = Date.parse(now) - Date.parse(then);
    if (!Number.isFinite(ms))
        return undefined;
    if (ms < 60_000)
        return "just now";
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60)
        return `${minutes} min ago`;
    const hours = Math.round(ms / 3_600_000);
    if (hours < 48)
        return `${hours} h ago`;
    return `${Math.round(ms / 86_400_000)} days ago`;
}
/** `12,345`: a count with thousands separators. */
function formatCount(count) {
    return count.toLocaleString("en-US");
}

;// CONCATENATED MODULE: ./src/shared/list.ts
/** How many items a one-line list shows before `and N more`. */
const LINE_CAP = 3;
/** The first `max` items and how many were left out. */
function list_cap(items, max) {
    return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
/** `a, b, c and 4 more`: a list capped for one line. */
function capLine(items, noun = "") {
    const { shown, more } = list_cap(items, LINE_CAP);
    return shown.join(", ") + (more > 0 ? ` and ${more} more${noun ? ` ${noun}` : ""}` : "");
}

;// CONCATENATED MODULE: ./src/report/uv-gap.ts

/** The command that writes a `cache-keys` list covering every input. */
const UV_KEYS_WRITE = "wheel-cache uv-keys --write";
/** What a gap leaves out, by name: files, then the git commit. */
function gapNames(gap) {
    const names = gap.files.map((f) => f.file);
    return gap.gitCommit ? [...names, "the git commit"] : names;
}
/**
 * The warning when a project's own `cache-keys` leave inputs out, plain text: the same in the
 * log, the summary, the terminal and `wheel-cache check`, with the command that fixes it.
 */
function uvGapWarning(gap) {
    const names = gapNames(gap);
    const one = names.length === 1;
    return `${gap.pyproject}: [tool.uv] cache-keys leave out ${capLine(names)}, ${one ? "an input" : "inputs"} of the build: uv will not rebuild when ${one ? "it changes" : "they change"}; ${UV_KEYS_WRITE} writes a list that covers ${one ? "it" : "them"}`;
}
/** Why a file is an input, in a few words. */
function reasonText(reason, backend, tracedOn) {
    switch (reason) {
        case "pyproject":
            return "the project's own settings: a list replaces uv's defaults, so it must name pyproject.toml";
        case "rebuild":
            return `a rebuild input of ${backend} builds`;
        case "declared":
            return "named by the project's own cache-keys";
        case "metadata":
            return "read into the wheel's metadata";
        case "read":
            return `read by the build traced on ${tracedOn ?? "this machine"}`;
    }
}

;// CONCATENATED MODULE: ./src/commands/check.ts











/**
 * `wheel-cache check`: lints a project's own `[tool.uv] cache-keys` as uv reads them. Inputs the
 * list leaves out (wheel-cache's defaults, the metadata inputs, what the newest traced build read)
 * are named file by file and make the exit status 1; globs that match nothing, entries whose
 * meaning changes under uv's clustering, entries uv reads otherwise than they look, and
 * `cache-keys` in uv.toml are reported too.
 */
async function check(config, deps) {
    const report = await describeKeys(config, deps, { requirements: false });
    const { fp, observed } = report;
    const project = fp.request.project;
    const display = project.shown("pyproject.toml");
    const declared = fp.keysFrom === "pyproject" ? fp.specs.filter((s) => s.source === "pyproject") : undefined;
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
    const why = (reason) => reasonText(reason, project.backend.name, observed?.tracedOn);
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
    const verdict = isGap(gap) ? `${format_plural(left, "input")} left out` : "every input is covered";
    const other = problems.length > 0 ? `, ${format_plural(problems.length, "other problem")}` : "";
    lines.push(`check: ${verdict}${other}; ${traced}`);
    const out = config.json
        ? `${JSON.stringify(checkJson(gap, problems, observed?.tracedOn))}\n`
        : `${lines.map(escapeLine).join("\n")}\n`;
    return { code: isGap(gap) ? 1 : 0, out, notes: [] };
}
function checkJson(gap, problems, tracedOn) {
    return {
        ok: !isGap(gap),
        leftOut: gap.files,
        gitCommit: gap.gitCommit,
        problems,
        tracedOn: tracedOn ?? null,
    };
}
/** What each entry of the list means to uv, where that differs from how it reads or from use. */
async function entryProblems(specs, tree, project) {
    const problems = [];
    const globs = specs.flatMap((s) => s.entry.kind === "file" && isGlob(s.entry.pattern) ? [s.entry.pattern] : []);
    const groups = clusterGlobs(globs);
    const match = (base, patterns) => {
        const covers = groupMatcher({ base, patterns }, tree.projectDir, "check");
        return tree.files.filter(covers);
    };
    const shown = (file) => check_toProject(tree, file);
    for (const spec of specs) {
        const { entry } = spec;
        if (entry.kind !== "file")
            continue;
        const say = (what) => problems.push(`${spec.origin}: ${JSON.stringify(entry.pattern)} ${what}`);
        if (!isGlob(entry.pattern)) {
            const info = await statProjectPath(external_node_path_default().join(project.dir, entry.pattern), entry.pattern);
            const dir = entry.pattern.replace(/\/$/, "");
            if (info?.isDirectory()) {
                say(`is a directory: uv skips it and covers nothing in it; write "${dir}/**" for its files, or { dir = ${JSON.stringify(dir)} } for its presence`);
            }
            continue;
        }
        const alone = splitUvGlob(entry.pattern);
        if (entry.pattern.startsWith("!")) {
            say(alone.base === ""
                ? "is an exclusion: uv has none, and reads this one with gitignore rules that make it walk the whole project directory (wheel-cache applies it to every glob)"
                : "is an exclusion: uv has none, and this one excludes nothing there (wheel-cache applies it to every glob)");
            continue;
        }
        const group = groups.find((g) => g.globs.includes(entry.pattern));
        const clustered = group.patterns[group.globs.indexOf(entry.pattern)];
        const before = match(alone.base, [alone.pattern]);
        const after = group.base === alone.base ? before : match(group.base, [clustered]);
        const lost = before.filter((f) => !after.includes(f));
        if (check_anchors(alone.pattern, clustered) || lost.length > 0) {
            const shallower = group.globs
                .filter((g) => g !== entry.pattern && splitUvGlob(g).base === group.base)
                .map((g) => JSON.stringify(g));
            say(`means something else to uv: with ${capLine(shallower)} in the list, uv matches it as ${JSON.stringify(clustered)} from ${group.base || "the project directory"}, so it no longer matches at any depth under ${alone.base}/${lost.length > 0 ? ` (it misses ${capLine(lost.map(shown))})` : ""}`);
        }
        else if (after.length === 0)
            say("matches no file");
        if (alone.base === "") {
            say("starts with a wildcard, so uv walks the whole project directory for it (.venv, target/, build/ and .git included): slow, and what a build writes there rebuilds on every run; start it with the directory its files are in");
        }
        else if (group.base === alone.base && !alone.pattern.includes("/") && alone.pattern !== "*") {
            const depth = alone.base.split("/").length + 1;
            const deep = before.map(shown).filter((f) => f.split("/").length > depth);
            if (deep.length > 0) {
                say(`matches at any depth under ${alone.base}/, not only directly in it (uv reads globs with gitignore rules): ${capLine(deep)}`);
            }
        }
    }
    return problems;
}
/** Whether re-prefixing made an any-depth pattern (no `/`) an anchored one. */
function check_anchors(alone, clustered) {
    return !alone.includes("/") && alone !== "*" && alone !== "**" && clustered.includes("/");
}
/** `cache-keys` in a uv.toml of the project or a directory above it: uv ignores them. */
async function uvTomlProblems(project, tree) {
    const problems = [];
    const levels = tree.projectDir === "" ? 0 : tree.projectDir.split("/").length;
    for (let up = 0; up <= levels; up++) {
        const rel = external_node_path_default().posix.join(...Array(up).fill(".."), "uv.toml");
        const text = await project.read(rel);
        if (text === undefined)
            continue;
        const shown = project.shown(rel);
        if (lookup(parseTomlContent(text, shown), "cache-keys") !== undefined) {
            problems.push(`${shown}: cache-keys in uv.toml have no effect: uv reads them only from pyproject.toml's [tool.uv]`);
        }
    }
    return problems;
}
function check_toProject(tree, file) {
    return tree.projectDir === "" ? file : external_node_path_default().posix.relative(tree.projectDir, file);
}

;// CONCATENATED MODULE: ./src/report/matrix.ts
const OUTCOMES = {
    hit: "restored",
    built: "built",
    "lookup-hit": "would-restore",
    "lookup-miss": "would-rebuild",
    miss: "missed",
    saved: "saved",
};
/** One report over the result files of many legs, rows in leg order. */
function aggregate(files) {
    const projects = new Set(files.map(({ result }) => `${result.project}\0${result.projectDir}`));
    const legs = files.map(({ file, result }) => legRow(file, result, projects.size > 1)).sort(byLeg);
    const hits = legs.filter((l) => l.cacheHit);
    const restored = legs.filter((l) => l.outcome === "restored");
    const built = legs.filter((l) => l.outcome === "built");
    const sum = (rows) => rows.reduce((total, l) => total + (l.buildSeconds ?? 0), 0);
    const groups = new Map();
    for (const leg of legs) {
        if (leg.cause !== null)
            groups.set(leg.cause, [...(groups.get(leg.cause) ?? []), leg.label]);
    }
    const causes = [...groups]
        .map(([cause, labels]) => ({ cause, legs: labels }))
        .sort((a, b) => b.legs.length - a.legs.length || (a.cause < b.cause ? -1 : 1));
    return {
        legs,
        totals: {
            legs: legs.length,
            hits: hits.length,
            restored: restored.length,
            built: built.length,
            hitRate: legs.length > 0 ? hits.length / legs.length : null,
            savedSeconds: sum(restored),
            buildingSeconds: sum(built),
        },
        causes,
    };
}
function legRow(file, result, withProject) {
    const label = [
        ...(withProject ? [result.project] : []),
        result.platform,
        result.python,
        ...(result.keySuffix ? [`~${result.keySuffix}`] : []),
    ].join(" · ");
    return {
        file,
        label,
        project: result.project,
        platform: result.platform,
        python: result.python,
        pythonVersion: result.pythonVersion,
        keySuffix: result.keySuffix,
        verdict: result.verdict,
        outcome: OUTCOMES[result.verdict] ?? "other",
        cacheHit: result.cacheHit,
        changes: changesOf(result.changed),
        runSeconds: result.runSeconds,
        buildSeconds: result.buildSeconds,
        wheels: result.wheels.map((w) => w.split(/[\\/]/).at(-1)),
        reason: result.reason,
        cause: result.cause,
    };
}
/** Each changed file once (a file often sits in several keys), then keys that cover no files. */
function changesOf(changed) {
    const files = new Map();
    const keys = [];
    for (const c of changed) {
        const verbs = ["modified", "added", "removed"];
        const entries = verbs.flatMap((verb) => c.files[verb].map((what) => ({ what, change: verb })));
        for (const entry of entries)
            if (!files.has(entry.what))
                files.set(entry.what, entry);
        if (entries.length === 0)
            keys.push({ what: c.id, change: "changed" });
    }
    return [...files.values(), ...keys];
}
const collator = new Intl.Collator("en", { numeric: true });
/** Project, platform, Python (cp39 before cp310), suffix, then file. */
function byLeg(a, b) {
    const order = ["project", "platform", "python", "keySuffix", "file"];
    for (const field of order) {
        const diff = collator.compare(a[field], b[field]);
        if (diff !== 0)
            return diff;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/pipeline/result.ts
/** Whether the wheels were (or, looking up only, would be) restored from an exact match. */
function isCacheHit(result) {
    return result.verdict === "hit" || result.verdict === "lookup-hit";
}

;// CONCATENATED MODULE: ./src/report/restore-off.ts

/** Why a run restored nothing, in a few words for a headline or a reason. */
function restoreOffShort(why) {
    switch (why.kind) {
        case "input":
            return "restoring is off (input restore: false)";
        case "event":
            return `a ${why.event} run, built from its sources`;
        case "tag":
            return "a tag push, built from its sources";
        default:
            return assertNever(why);
    }
}
/** The log's line: why this run restores nothing, and how to have it restore anyway. */
function restoreOffText(why) {
    const what = why.kind === "input"
        ? undefined
        : why.kind === "event"
            ? `a ${why.event} run`
            : `a tag push (${why.ref})`;
    if (!what)
        return "not restoring (input restore: false): building from the sources";
    return `not restoring: this is ${what}, which must be built from its sources, not taken from a cache entry another workflow may have written (restore: true restores anyway)`;
}

;// CONCATENATED MODULE: ./src/report/changes.ts



/** What changed: files first (modified, added, removed), then keys, then observed inputs. */
function changedItems(result) {
    const files = new Map();
    const keys = [];
    for (const change of result.changed) {
        // A key added or removed lists all its files; they did not change with it.
        const entries = change.files && change.status === "changed" ? fileEntries(change.files) : [];
        if (entries.length === 0)
            keys.push({ kind: "key", change });
        for (const entry of entries) {
            const known = files.get(entry.path);
            const groups = known?.groups.includes(change.group)
                ? known.groups
                : [...(known?.groups ?? []), change.group];
            files.set(entry.path, { kind: "file", path: entry.path, verb: entry.verb, groups });
        }
    }
    const order = { modified: 0, added: 1, removed: 2 };
    const sorted = [...files.values()].sort((a, b) => order[a.verb] - order[b.verb] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const observed = result.observedChanges.map((change) => ({ kind: "observed", what: change.what, change }));
    return [...sorted, ...keys, ...observed];
}
/**
 * The paths of the files that changed since the last cached build: those of the keys, and those
 * a traced build read that no key covers (the `changed-files` output).
 */
function changedFiles(result) {
    const paths = changedItems({ changed: result.changed, observedChanges: [] }).flatMap((item) => item.kind === "file" ? [item.path] : []);
    const observed = result.observedChanges.filter((c) => c.kind === "file").map((c) => c.what);
    return [...new Set([...paths, ...observed])];
}
const PLAIN = (text) => text;
/**
 * Why a run built (or would have, or tried to), in a few words: the file when one changed
 * (`src/lib.rs modified`), else how many (`3 files changed`), then a key that covers no file
 * (`toolchain:rustc changed`); an input the trace saw; why the cached wheels could not be used.
 * `ids` gives the key ids as the medium shows them; `esc` escapes each piece of user text.
 */
function missWhy(facts, ids = new Map(), esc = PLAIN) {
    if (facts.restoreOff)
        return esc(restoreOffShort(facts.restoreOff));
    if (facts.verifyProblem)
        return esc(facts.verifyProblem);
    const observed = facts.observedChanges;
    if (observed.length === 1)
        return esc(describeObservedChange(observed[0]));
    if (observed.length > 1)
        return `${observed.length} inputs the build read changed`;
    if (!facts.previous)
        return "no cached build yet";
    const items = changedItems(facts);
    const files = items.filter((i) => i.kind === "file");
    const keys = items.flatMap((i) => (i.kind === "key" ? [i.change] : []));
    const parts = [];
    if (files.length === 1)
        parts.push(`${esc(files[0].path)} ${files[0].verb}`);
    if (files.length > 1)
        parts.push(`${formatCount(files.length)} files changed`);
    if (keys.length === 1) {
        parts.push(`${esc(ids.get(keys[0].id) ?? keys[0].id)} ${keyVerb(keys[0])}`);
    }
    if (keys.length > 1)
        parts.push(`${formatCount(keys.length)} keys changed`);
    return parts.length > 0
        ? parts.join(", ")
        : "its cached wheels were gone (evicted or never saved)";
}
function keyVerb(change) {
    return change.status === "changed" ? "changed" : `${change.status} as a key`;
}
/** One observed difference in words: `csrc/table.inc, which the build read, changed`. */
function describeObservedChange(change) {
    switch (change.kind) {
        case "file":
            if (change.after === "absent")
                return `${change.what}, which the build read, is gone`;
            if (change.before === "absent")
                return `${change.what}, which the build looked for, exists now`;
            return `${change.what}, which the build read, changed`;
        case "dir":
            return `${change.what === "." ? "the project directory" : `${change.what}/`}, which the build listed, has other files`;
        case "tool":
            return change.before.startsWith("/")
                ? `${change.what} now runs ${change.after} instead of ${change.before}`
                : `the program ${change.what} changed`;
        case "package":
            return `the package ${change.what} changed (${change.before} → ${change.after})`;
        case "distribution":
            return `${change.what}, which the build imported, is no longer installed`;
        case "outside":
            return `${change.what}, which the build read, changed`;
        default:
            return assertNever(change.kind);
    }
}

;// CONCATENATED MODULE: ./src/report/reason.ts






/**
 * The one-line `reason` of a run, plain text (each renderer escapes it): why it was a hit, or why
 * it (would have) rebuilt. Why a restored entry was rejected (`the cached wheel x.whl does not
 * match its recorded sha256`) explains a rebuild before any key change does.
 */
function reasonOf(facts) {
    const verifyProblem = facts.verifyProblem;
    switch (facts.verdict) {
        case "hit":
            return explainHit(facts.wheels.length, facts.buildSeconds);
        case "lookup-hit":
            return `a build for this fingerprint is in the cache${withWheels(facts.manifest)} (lookup-only: nothing restored)`;
        case "built":
            return explainMiss(facts, "rebuilt", verifyProblem);
        case "failed":
            return `${facts.failure?.message ?? "the build failed"}; it ran because ${missCause(facts, verifyProblem)}`;
        case "lookup-miss":
            return `${explainMiss(facts, "would rebuild", verifyProblem)} (lookup-only: nothing built)`;
        case "miss":
            return `${explainMiss(facts, "to rebuild", verifyProblem)} (the build step builds, the save step saves)`;
        case "saved":
            return `saved ${format_plural(facts.wheels.length, "wheel")} the build step built`;
        default:
            return assertNever(facts.verdict);
    }
}
/** `restored 2 wheels built for this fingerprint (saved about 1 min 12 s of build)`. */
function explainHit(wheels, savedSeconds) {
    const saved = savedSeconds === undefined ? "" : ` (saved about ${formatDuration(savedSeconds)} of build)`;
    return `restored ${format_plural(wheels, "wheel")} built for this fingerprint${saved}`;
}
function withWheels(manifest) {
    return manifest.wheels ? ` with ${format_plural(manifest.wheels.length, "wheel")}` : "";
}
function explainMiss(facts, verb, verifyProblem) {
    const cause = missCause(facts, verifyProblem);
    return !verifyProblem && !facts.observedChanges?.length && !facts.previous && !facts.restoreOff
        ? cause
        : `${verb}: ${cause}`;
}
/** Why a run (would have) built, without a verb. */
function missCause(facts, verifyProblem) {
    if (facts.restoreOff)
        return restoreOffShort(facts.restoreOff);
    if (verifyProblem)
        return verifyProblem;
    const observed = facts.observedChanges ?? [];
    if (observed.length > 0)
        return describeObserved(observed);
    if (!facts.previous)
        return `no cached build of this project for ${slotOf(facts.manifest)} yet`;
    if (facts.changed.length === 0) {
        const why = "but its wheels were not in the cache (evicted or never saved)";
        return `no key changed since the last recorded build, ${why}`;
    }
    return describeChanges(facts.changed);
}
/**
 * `2 keys changed — file:src/** (src/lib.rs modified), toolchain:rustc`, or, when no key that
 * affects the compiled code changed, `only shipped Python files changed (python/pkg/__init__.py)`.
 */
function describeChanges(changed) {
    const compiled = changed.filter((c) => c.group === "rebuild" || c.group === "implicit");
    if (compiled.length === 0) {
        const paths = changed.flatMap((c) => {
            const entries = c.files ? fileEntries(c.files) : [];
            return entries.length > 0 ? entries.map((f) => f.path) : [c.id];
        });
        return `only ${onlyWhat(changed)} changed (${capLine(paths)})`;
    }
    const ordered = [...compiled, ...changed.filter((c) => !compiled.includes(c))];
    // One file often sits in several keys (a glob and its package directory): name it once.
    const parts = new Map();
    for (const change of ordered) {
        const entries = change.files && change.status === "changed" ? fileEntries(change.files) : [];
        for (const f of entries)
            parts.set(`file ${f.path}`, `${f.path} ${f.verb}`);
        if (entries.length === 0)
            parts.set(`key ${change.id}`, describeChange(change));
    }
    return `${format_plural(changed.length, "key")} changed — ${capLine([...parts.values()])}`;
}
function onlyWhat(changed) {
    const groups = new Set(changed.map((c) => c.group));
    if (groups.size > 1)
        return "shipped and metadata files";
    if (groups.has("metadata"))
        return "metadata inputs";
    const paths = changed.flatMap((c) => (c.files ? fileEntries(c.files) : []));
    const python = paths.length > 0 && paths.every((f) => /\.pyi?$/.test(f.path));
    return python ? "shipped Python files" : "shipped files";
}
/** `file:src/** (src/lib.rs modified, src/new.rs added and 3 more)`. */
function describeChange(change) {
    const id = change.id;
    if (change.status === "added")
        return `${id} (new key)`;
    if (change.status === "removed")
        return `${id} (key removed)`;
    const entries = change.files ? fileEntries(change.files) : [];
    if (entries.length === 0)
        return id;
    return `${id} (${capLine(entries.map((f) => `${f.path} ${f.verb}`))})`;
}
/**
 * `csrc/table.inc, which the build read, changed; no key covers it`: why a build of the same
 * fingerprint could not be used.
 */
function describeObserved(changes) {
    const text = capLine(changes.map(describeObservedChange));
    const inRepository = changes.some((c) => c.kind === "file" || c.kind === "dir");
    return inRepository ? `${text} (no key covers it: the build's trace saw it)` : text;
}
/** A progress event as plain lines. */
function progressLines(event) {
    switch (event.kind) {
        case "fingerprint":
            return event.restoreOff
                ? [`fingerprint ${digest_short(event.fingerprint)}`, restoreOffText(event.restoreOff)]
                : [`looking up fingerprint ${digest_short(event.fingerprint)} in the ${event.cache} cache`];
        case "build":
            return [
                event.restoreOff
                    ? `building: ${restoreOffShort(event.restoreOff)}`
                    : `cache miss: ${buildWhy(event)}`,
                `building with: ${event.argv.join(" ")}${event.traced ? " (traced)" : ""}`,
            ];
        case "build-done":
            return [];
        default:
            return assertNever(event);
    }
}
/** Why this run builds, in one line, shown before the build's own output. */
function buildWhy(event) {
    if (!event.previous && !event.verifyProblem && event.observedChanges.length === 0) {
        return "no earlier build of this project on this platform and Python is cached";
    }
    return missWhy(event);
}

;// CONCATENATED MODULE: ./src/report/cause.ts



/**
 * Why a run rebuilt (or, looking up only, would rebuild), in words that name no platform or
 * Python, so that legs which rebuilt for the same reason say the same thing and group together:
 * `1 key changed — src/lib.rs modified`, `no cached build yet`. Undefined for a hit and a save.
 */
function causeOf(facts) {
    // A save step saves what another step built: the restore step before it said why.
    if (isCacheHit(facts) || facts.verdict === "saved")
        return undefined;
    if (facts.restoreOff)
        return restoreOffShort(facts.restoreOff);
    if (facts.verifyProblem)
        return facts.verifyProblem;
    if (facts.observedChanges.length > 0)
        return describeObserved(facts.observedChanges);
    if (!facts.previous)
        return "no cached build yet";
    if (facts.changed.length === 0)
        return "no key changed, but the wheels were not in the cache";
    return describeChanges(facts.changed);
}

;// CONCATENATED MODULE: ./src/report/advice.ts




/**
 * Advice that follows from a run's facts, plain text: a key that changes on every commit, where
 * the rebuild keys come from (runs that rebuilt), and files the build itself changed.
 */
function adviceOf(result) {
    const advice = [];
    const commit = result.manifest.keys.find((k) => k.id === "git:commit");
    if (commit) {
        const why = commit.source === "inferred"
            ? "it is keyed because the version comes from git"
            : "key it only if the build really depends on the commit";
        advice.push(`git:commit changes with every commit, so every commit rebuilds: ${why}`);
    }
    if (!isCacheHit(result) && result.keysFrom === "inferred" && result.backend !== "other") {
        advice.push(`the rebuild keys are wheel-cache's defaults for ${result.backend}, which uv does not see: ${UV_KEYS_WRITE} writes them into pyproject.toml as [tool.uv] cache-keys, so that uv rebuilds when they change too`);
    }
    // A project's own list that leaves them out gets the warning that names them instead.
    if (result.unkeyed.length > 0 && !result.uvGap) {
        const them = result.unkeyed.length === 1 ? "it" : "them";
        advice.push(`the build read ${capLine(result.unkeyed)}, which no key covers: add ${suggestEntries(result.unkeyed)} to [tool.uv] cache-keys (${UV_KEYS_WRITE} writes a list that covers ${them}), so that the key itself (and uv) sees ${them}`);
    }
    return [...advice, ...result.buildChanges.flatMap(mutationAdvice)];
}
/** `"csrc/**"` when the files share a directory, else the first few paths, quoted for TOML. */
function suggestEntries(files) {
    const dirs = new Set(files.map((f) => f.split("/").slice(0, -1).join("/")));
    const [dir] = dirs;
    if (dirs.size === 1 && dir)
        return JSON.stringify(`${dir}/**`);
    return capLine(files.map((f) => JSON.stringify(f)));
}
/**
 * When the build rewrote files a key covers (a glob reaching into build output, a generated
 * source), the next run would otherwise miss for no reason of the user's.
 */
function mutationAdvice(change) {
    if (!change.files)
        return [];
    const files = fileEntries(change.files).map((f) => f.path);
    return [
        `the build itself changed files that ${change.id} covers (${capLine(files)}); exclude them (for example with a !pattern entry or .gitignore), or every fresh checkout that keeps them will rebuild`,
    ];
}

;// CONCATENATED MODULE: ./src/build/wheel-name.ts
/**
 * Whether a wheel a build wrote is the project's, for the Python and platform the fingerprint
 * keys, judged by its file name (`{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`,
 * each tag part possibly a `.`-separated set). A build that copies in an old wheel, another
 * project's or one for another interpreter must not have it cached under this key.
 */
/** The mismatch of a wheel's file name with `target`, or undefined when it fits. */
function wheelMismatch(fileName, target) {
    const parts = fileName.replace(/\.whl$/, "").split("-");
    if (parts.length !== 5 && parts.length !== 6) {
        return { part: "file name", found: fileName, wanted: "name-version-python-abi-platform.whl" };
    }
    const [name, , ...rest] = parts;
    const [pythonTags, abiTags, platformTags] = rest.slice(-3);
    if (target.distribution && normalizeName(name) !== normalizeName(target.distribution)) {
        return { part: "name", found: name, wanted: normalizeName(target.distribution) };
    }
    const python = target.python;
    if (!python)
        return undefined;
    const abi3 = abiTags.split(".").includes("abi3");
    if (!pythonTags.split(".").some((tag) => fitsPython(tag, python, abi3))) {
        return { part: "Python tag", found: pythonTags, wanted: python.tag };
    }
    if (!abiTags.split(".").some((tag) => fitsAbi(tag, python))) {
        return { part: "ABI tag", found: abiTags, wanted: python.tag };
    }
    const platform = platformTag(python.platform);
    if (!platformTags.split(".").some((tag) => fitsPlatform(tag, platform, target.libc))) {
        return { part: "platform tag", found: platformTags, wanted: platform };
    }
    return undefined;
}
/** `name other, not pkg`, `Python tag cp310, not cp311`: a mismatch in a few words. */
function mismatchText(mismatch) {
    return `${mismatch.part} ${mismatch.found}, not ${mismatch.wanted}`;
}
/** PEP 503's normal form, also what wheel file names escape names to: `foo_bar`. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, "_");
}
/** `linux-x86_64` → `linux_x86_64`, `macosx-11.0-arm64` → `macosx_11_0_arm64`. */
function platformTag(platform) {
    return platform.replace(/[-.]/g, "_").toLowerCase();
}
function fitsPython(tag, python, abi3) {
    // The interpreter's tag without its ABI flag: a free-threaded 3.13 is `cp313` (ABI `cp313t`).
    if (tag === python.tag.replace(/^([a-z]+\d+)[a-z]*$/, "$1"))
        return true;
    const [major = "", minor = ""] = python.version.split(".");
    const generic = /^py(\d)(\d*)$/.exec(tag);
    if (generic)
        return generic[1] === major && (generic[2] === "" || Number(generic[2]) <= Number(minor));
    // A stable-ABI wheel built for an older CPython 3 runs on this one.
    const stable = /^cp(\d)(\d+)$/.exec(tag);
    return (abi3 &&
        python.implementation === "cpython" &&
        stable !== null &&
        stable[1] === major &&
        Number(stable[2]) <= Number(minor));
}
function fitsAbi(tag, python) {
    if (tag === "none" || tag === python.tag)
        return true;
    if (tag === "abi3")
        return python.implementation === "cpython";
    // `cp311d` (debug), `cp37m` (pymalloc): the interpreter's own ABI with a flag.
    return tag.startsWith(python.tag) && /^[dmu]+$/.test(tag.slice(python.tag.length));
}
/** Whether a platform tag runs on the platform `ours` (a tag of `sysconfig.get_platform()`). */
function fitsPlatform(tag, ours, libc) {
    if (tag === "any" || tag === ours)
        return true;
    if (ours.startsWith("linux_")) {
        const arch = ours.slice("linux_".length);
        const family = /^(manylinux_\d+_\d+|musllinux_\d+_\d+|manylinux\d*)_(.+)$/.exec(tag);
        if (!family || family[2] !== arch)
            return false;
        return family[1].startsWith("musllinux") ? libc === "musl" : libc !== "musl";
    }
    if (ours.startsWith("macosx_")) {
        const arch = ours.split("_").at(-1);
        const macos = /^macosx_\d+_\d+_(.+)$/.exec(tag);
        const fits = arch === "arm64" ? ["arm64", "universal2"] : [arch, "universal2", "intel", "universal"];
        return macos !== null && fits.includes(macos[1]);
    }
    return false;
}

;// CONCATENATED MODULE: ./src/report/text.ts






/** Phrases every renderer shares, as plain text; `changeLines` is for the line-based media. */
/** The verdict in a few words, without an icon: `Restored 2 wheels`, `Built in 40 s: ...`. */
function verdictText(result) {
    const changed = result.changed.length;
    const because = changed > 0 ? ` because ${format_plural(changed, "key")} changed` : "";
    const took = result.buildSeconds === undefined ? "" : ` in ${formatDuration(result.buildSeconds)}`;
    switch (result.verdict) {
        case "hit":
            return `Restored ${format_plural(result.wheels.length, "wheel")}`;
        case "built":
            return result.previous ? `Rebuilt${took}${because}` : `Built${took}: no cached build yet`;
        case "failed":
            return `Build failed${result.buildSeconds === undefined ? "" : ` in ${formatDuration(result.buildSeconds)}`}`;
        case "lookup-hit":
            return "Found a cached build (lookup only)";
        case "lookup-miss":
            return `No cached build (lookup only)${because ? `: would rebuild${because}` : ""}`;
        case "miss":
            return `Nothing to restore${because ? `: rebuild${because}` : ""}`;
        case "saved":
            return `Saved ${format_plural(result.wheels.length, "wheel")}`;
        default:
            return assertNever(result.verdict);
    }
}
/** How the wheels were checked against what their build read, or how this build was recorded. */
function validationText(result) {
    const on = result.tracedOn ? ` on ${result.tracedOn}` : "";
    if (result.verdict === "failed")
        return "nothing recorded: the build failed";
    if (result.verdict === "built" || result.verdict === "saved") {
        switch (result.validation) {
            case "traced":
                return "traced: what the build read is recorded with its wheels, and every hit is checked against it";
            case "borrowed":
                return `untraced here (${result.traceNote ?? "no tracer"}); the files a build traced${on} read are recorded with these wheels instead`;
            case "none":
                return `untraced: ${result.traceNote ?? "tracing is off"}; later hits are checked by the fingerprint alone`;
        }
    }
    switch (result.validation) {
        case "traced":
            return `validated: what its build read is unchanged (traced${on})`;
        case "borrowed":
            return `validated against the files a build traced${on} read`;
        case "none":
            return "not validated: no traced build of this project is known (Linux builds with strace record what they read)";
    }
}
/** What became of the save: `saved to the local cache`, `skipped: saving is off (...)`, ... */
function saveText(save, cache) {
    switch (save.status) {
        case "saved":
            return `saved to the ${cache} cache`;
        case "exists":
            return "already cached by another job";
        case "skipped":
            return `skipped: ${skipText(save.why)}`;
        case "failed":
            return `failed: ${failText(save)}`;
        default:
            return assertNever(save);
    }
}
/** What a failed save did and why. */
function failText(save) {
    return save.wheelsSaved ? `wheels saved, but not their manifest: ${save.warning}` : save.warning;
}
/** Why nothing was saved, in a few words. */
function skipText(why) {
    switch (why.kind) {
        case "restored":
            return "restored from the cache";
        case "not-built":
            return "nothing was built";
        case "build-failed":
            return "the build failed";
        case "input":
            return `saving is off (${why.flag})`;
        case "pull-request-target":
            return "saving is off for pull_request_target runs, which build untrusted code with the base branch's cache scope";
        case "read-only":
            return `saving is off: this run's cache access is read-only (ACTIONS_CACHE_MODE=${why.mode})`;
        case "inputs-changed":
            return `not saved: inputs changed while the build ran (${capLine(why.files)}), so the wheels may not match the fingerprint taken before it`;
        case "fingerprint-moved":
            return `not saved: the inputs changed since the restore step (the fingerprint no longer yields ${why.cacheKey}), so the wheels may not match them`;
        case "reused-stale": {
            const unread = why.files.length > 0 ? `did not read ${capLine(why.files)}, which changed` : "";
            const keys = why.keys ?? [];
            const unfollowed = keys.length > 0
                ? `does not redo that work for ${capLine(keys)}, which changed since the cached build`
                : "";
            return `not saved: the build reused an earlier build's output and ${[unread, unfollowed].filter(Boolean).join(", and ")}, so its wheels may be stale; remove the build output (build/, target/) and build again`;
        }
        default:
            return assertNever(why);
    }
}
/**
 * The run's warnings, with a save the run had to skip for its own safety, the inputs the
 * project's own `cache-keys` leave out for uv, and the wheels that are not this run's: those the
 * wheel directory already held, those the build wrote for another project, Python or platform.
 */
function warningsOf(result) {
    const { save } = result;
    const skippedUnsafe = save.status === "skipped" &&
        ["inputs-changed", "reused-stale", "fingerprint-moved"].includes(save.why.kind);
    const warnings = [
        ...result.warnings,
        ...(skippedUnsafe ? [skipText(save.why)] : []),
        ...(result.uvGap ? [uvGapWarning(result.uvGap)] : []),
        ...result.rejectedWheels.map((r) => `the build wrote ${r.name}, which is not this project's wheel for this Python and platform (${mismatchText(r.mismatch)}): it is not cached, and not in the outputs`),
    ];
    const others = result.otherWheels;
    if (others.length > 0) {
        warnings.push(`${result.wheelDir} already held ${format_plural(others.length, "wheel")} this run did not make (${capLine(others)}): left there, and not in the outputs`);
    }
    return [...new Set(warnings)];
}
/** `file:src/** (changed)` then `  ~ src/lib.rs`, or `toolchain:rustc (changed): a → b`; escaped. */
function changeLines(change, fileCap) {
    const head = `${escapeLine(change.id)} (${change.status})`;
    if (!change.files) {
        const detail = change.before !== change.after
            ? `: ${escapeLine(change.before ?? "none")} → ${escapeLine(change.after ?? "none")}`
            : "";
        return [`${head}${detail}`];
    }
    const { shown, more } = list_cap(fileEntries(change.files), fileCap);
    const lines = [head, ...shown.map((f) => `  ${f.mark} ${escapeLine(f.path)}`)];
    if (more > 0)
        lines.push(`  … and ${more} more`);
    return lines;
}

;// CONCATENATED MODULE: ./src/report/terminal.ts








/** How many changed files of one key the terminal lists before `and N more`. */
const TERMINAL_FILE_CAP = 50;
/**
 * The CLI's human output for `build`: verdict, reason, changed keys with their files, wheels
 * with sizes, save, warnings and advice. Plain text without colour; user text on one line with
 * control characters made visible, so a file name cannot send escape sequences.
 */
function renderTerminal(result) {
    return renderLines(result, [
        `wheel-cache: ${verdictText(result)}`,
        `  ${escapeLine(reasonOf(result))}`,
        ...(result.verdict === "failed" ? [] : [`  ${escapeLine(validationText(result))}`]),
        `  fingerprint ${digest_short(result.manifest.fingerprint)}  cache key ${escapeLine(result.cacheKey)}`,
    ]);
}
/**
 * The CLI's human output for `diff`, in its own words: what changed since the newest cached
 * build, and what the next build would do; then the changed keys, warnings and advice.
 */
function renderDiff(result) {
    const compared = result.previous && !isCacheHit(result) ? result.previous.key : undefined;
    return renderLines(result, [
        `wheel-cache diff: ${escapeLine(diffReasonOf(result))}`,
        `  ${escapeLine(nextBuildText(result))}`,
        `  fingerprint ${digest_short(result.manifest.fingerprint)}  ${compared ? `compared with ${escapeLine(compared)}` : `cache key ${escapeLine(result.cacheKey)}`}`,
    ]);
}
function renderLines(result, head) {
    const lines = [...head];
    if (result.changed.length > 0) {
        lines.push("", "changed keys:");
        for (const change of result.changed) {
            lines.push(...changeLines(change, TERMINAL_FILE_CAP).map((line) => `  ${line}`));
        }
    }
    if (result.wheels.length > 0) {
        lines.push("", `wheels in ${escapeLine(result.wheelDir)}:`);
        const width = Math.max(...result.wheels.map((w) => escapeLine(w.name).length));
        for (const w of result.wheels) {
            lines.push(`  ${escapeLine(w.name).padEnd(width)}  ${formatSize(w.size)}`);
        }
    }
    if (result.verdict === "built")
        lines.push("", escapeLine(saveText(result.save, result.cache)));
    const notes = [
        ...warningsOf(result).map((w) => `warning: ${escapeLine(w)}`),
        ...adviceOf(result).map((a) => `advice: ${escapeLine(a)}`),
    ];
    if (notes.length > 0)
        lines.push("", ...notes);
    return `${lines.join("\n")}\n`;
}
/**
 * `diff`'s one line, plain text: `nothing changed since the cached build`, or what changed since
 * the last one (`1 key changed — src/lib.rs modified since the last cached build`), or why there
 * is none to compare with. Never the action's "lookup-only" words.
 */
function diffReasonOf(result) {
    if (isCacheHit(result))
        return "nothing changed since the cached build";
    const cause = causeOf(result) ?? "";
    if (result.verifyProblem || result.observedChanges.length > 0) {
        return `the cached build of this fingerprint cannot be used: ${cause}`;
    }
    if (!result.previous)
        return `no cached build of this project for ${slotOf(result.manifest)} yet`;
    if (result.changed.length === 0) {
        return "nothing changed since the last cached build, but its wheels are not in the cache";
    }
    return `${cause} since the last cached build`;
}
/** What `build` would do next: restore the cached wheels, or rebuild. */
function nextBuildText(result) {
    if (!isCacheHit(result))
        return "the next build rebuilds";
    const wheels = result.manifest.wheels?.length ?? result.wheels.length;
    const took = result.buildSeconds === undefined
        ? ""
        : ` (their build took ${formatDuration(result.buildSeconds)})`;
    return `the next build restores ${format_plural(wheels, "wheel")}${took}`;
}
/**
 * The CLI contract's JSON for `build` and `diff` (`reason` in `diff`'s words for `diff`). `files`
 * is included for every changed key, with empty arrays for keys that cover no files, so scripts
 * can read `.files.modified` without a check.
 */
function resultJson(result, reason = reasonOf(result)) {
    return {
        cacheHit: isCacheHit(result),
        built: result.verdict === "built",
        fingerprint: result.manifest.fingerprint,
        cacheKey: result.cacheKey,
        wheels: result.wheels.map((w) => w.path),
        changed: result.changed.map((c) => ({
            id: c.id,
            status: c.status,
            files: {
                added: [...(c.files?.added ?? [])],
                modified: [...(c.files?.modified ?? [])],
                removed: [...(c.files?.removed ?? [])],
            },
        })),
        reason,
        verdict: result.verdict,
        wheelDir: result.wheelDir,
        buildSeconds: result.buildSeconds ?? null,
        save: saveJson(result.save),
        warnings: warningsOf(result),
        advice: adviceOf(result),
        ...(result.failure ? { error: errorJson(result.failure) } : {}),
    };
}
function errorJson(failure) {
    return {
        message: failure.message,
        command: [...failure.argv],
        exitCode: failure.exitCode ?? null,
        signal: failure.signal ?? null,
        outputTail: [...failure.outputTail],
    };
}
function saveJson(save) {
    switch (save.status) {
        case "skipped":
            return { status: save.status, note: skipText(save.why) };
        case "failed":
            return { status: save.status, note: failText(save) };
        default:
            return { status: save.status };
    }
}

;// CONCATENATED MODULE: ./src/report/result-file.ts






/** Marks a result file, and its version, so a report can tell one from any other JSON. */
const RESULT_FORMAT = "wheel-cache-result/1";
/** The result file's object for a run. */
function resultFileOf(result, reason) {
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
function resultFileName(file) {
    const parts = [file.project, file.platform, file.python, file.keySuffix].filter(Boolean);
    const name = parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, "_")).join("-");
    return `wheel-cache-result-${name}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}.json`;
}
/**
 * Writes a run's result file where the config says (exactly `resultFile`, or a fresh name in
 * `resultDir`); returns its path, nothing when none was asked for, or the problem in one line: a
 * result file that cannot be written never fails the run.
 */
async function writeResultFile(config, file) {
    const where = config.resultFile ??
        (config.resultDir ? external_node_path_default().join(config.resultDir, resultFileName(file)) : undefined);
    if (!where)
        return {};
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(where), { recursive: true });
        await (0,promises_namespaceObject.writeFile)(where, `${JSON.stringify(file, null, 2)}\n`);
        return { path: where };
    }
    catch (error) {
        return { problem: `result file not written: ${where}: ${errorMessage(error)}` };
    }
}
/** A result file's content checked; a UserError naming the file when it is not one. */
function parseResultFile(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        // The parser's message quotes the text, which may be anything: the file is named instead.
        throw new UserError(`${file}: not a wheel-cache result file (not JSON)`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new UserError(`${file}: not a wheel-cache result file (not a JSON object)`);
    }
    const record = value;
    const format = record.format;
    if (typeof format !== "string" || !format.startsWith("wheel-cache-result/")) {
        throw new UserError(`${file}: not a wheel-cache result file (no "format" field)`);
    }
    if (format !== RESULT_FORMAT) {
        throw new UserError(`${file}: written in ${format}, which this wheel-cache does not read (it reads ${RESULT_FORMAT})`);
    }
    const problem = FIELDS.find(([name, ok]) => !ok(record[name]));
    if (problem) {
        throw new UserError(`${file}: not a valid wheel-cache result file (field "${problem[0]}")`);
    }
    return value;
}
const isString = (v) => typeof v === "string";
const isNumber = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const orNull = (ok) => (v) => v === null || ok(v);
const isStrings = (v) => Array.isArray(v) && v.every(isString);
const isChanged = (v) => Array.isArray(v) &&
    v.every((c) => {
        const files = c?.files;
        if (!files || typeof files !== "object")
            return false;
        const lists = [files.added, files.modified, files.removed];
        return isString(c.id) && isString(c.status) && lists.every(isStrings);
    });
/** The fields the report reads, each with its check. */
const FIELDS = [
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

;// CONCATENATED MODULE: ./src/commands/results.ts






/** Larger than any result file: refused rather than read into memory. */
const MAX_RESULT_BYTES = 16 * 1024 * 1024;
/**
 * Reads the result files that `paths` name into one report: each path a result file, or a
 * directory whose `*.json` files (at any depth, as download-artifact lays them out) are all
 * result files. A file named twice is read once. Anything else is a UserError naming the file.
 */
async function readReport(paths, cwd) {
    if (paths.length === 0)
        throw new UserError("no result files given");
    const seen = new Set();
    const files = [];
    for (const given of paths) {
        for (const file of await resultFilesAt(given, cwd)) {
            const absolute = external_node_path_default().resolve(cwd, file);
            if (seen.has(absolute))
                continue;
            seen.add(absolute);
            files.push({ file, result: await readResultFile(absolute, file) });
        }
    }
    return aggregate(files);
}
/** The result files a path names, as the user would write them (relative to what they gave). */
async function resultFilesAt(given, cwd) {
    const info = await statProjectPath(external_node_path_default().resolve(cwd, given), given);
    if (!info)
        throw new UserError(`${given}: no such file or directory`);
    if (!info.isDirectory())
        return [given];
    const dir = external_node_path_default().resolve(cwd, given);
    const names = (await (0,promises_namespaceObject.readdir)(dir, { recursive: true })).filter((n) => n.endsWith(".json"));
    const files = await Promise.all(names.map(async (n) => ((await statProjectPath(external_node_path_default().join(dir, n)))?.isFile() ? [n] : [])));
    const found = files
        .flat()
        .sort()
        .map((n) => external_node_path_default().join(given, n));
    if (found.length === 0)
        throw new UserError(`${given}: no result files (*.json) in this directory`);
    return found;
}
async function readResultFile(absolute, display) {
    const info = await statProjectPath(absolute, display);
    if (!info)
        throw new UserError(`${display}: no such file or directory`);
    if (info.size > MAX_RESULT_BYTES) {
        throw new UserError(`${display}: not a wheel-cache result file (${info.size} bytes)`);
    }
    const text = await readProjectFile(absolute, display);
    if (text === undefined)
        throw new UserError(`${display}: no such file or directory`);
    return parseResultFile(text, display);
}

;// CONCATENATED MODULE: ./src/cache/breaker.ts
const SKIPPED = "skipped: the cache service failed earlier in this run";
/**
 * Stops calling a cache that has already failed in this run: a service that is down or stopped
 * answering would otherwise cost every later call its own retries and deadline.
 */
function withBreaker(backend) {
    let down = false;
    return {
        kind: backend.kind,
        discard: backend.discard?.bind(backend),
        async restore(request) {
            if (down)
                return {
                    status: "unavailable",
                    warning: `cache restore of ${request.key} ${SKIPPED}`,
                    repeated: true,
                };
            const result = await backend.restore(request);
            down = result.status === "unavailable";
            return result;
        },
        async save(request) {
            if (down) {
                return {
                    status: "failed",
                    warning: `cache save of ${request.key} ${SKIPPED}`,
                    repeated: true,
                };
            }
            const result = await backend.save(request);
            down = result.status === "failed";
            return result;
        },
    };
}

;// CONCATENATED MODULE: ./src/fingerprint/diff.ts
/** The keys that differ between a previous and a current manifest, in id order. */
function diffManifests(previous, current) {
    const before = new Map(previous.keys.map((k) => [k.id, k]));
    const after = new Map(current.keys.map((k) => [k.id, k]));
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    const changes = [];
    for (const id of ids) {
        const old = before.get(id);
        const now = after.get(id);
        if (old && now && old.digest === now.digest)
            continue;
        const status = !old ? "added" : !now ? "removed" : "changed";
        const key = (now ?? old);
        const files = old?.files || now?.files ? diffFiles(old?.files ?? {}, now?.files ?? {}) : undefined;
        changes.push({ id, status, group: key.group, files, before: old?.detail, after: now?.detail });
    }
    return changes;
}
function diffFiles(old, now) {
    const changes = { added: [], modified: [], removed: [] };
    for (const path of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
        const a = old[path] ?? null;
        const b = now[path] ?? null;
        if (a === b)
            continue;
        if (a === null)
            changes.added.push(path);
        else if (b === null)
            changes.removed.push(path);
        else
            changes.modified.push(path);
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/build/observe.ts









/** System paths that say nothing about a wheel: kernel views, configuration, locales, caches. */
const SYSTEM_NOISE = [
    "/proc/",
    "/sys/",
    "/dev/",
    "/run/",
    "/etc/",
    "/var/",
    "/usr/share/locale/",
    "/usr/lib/locale/",
    "/usr/share/zoneinfo/",
    "/usr/share/i18n/",
];
/**
 * Turns a build's trace into the set recorded with its wheels. Repository files it read (or
 * looked for and missed) and directories it listed are recorded with digests, unless the build
 * wrote them, they sit in a directory it created, or in build output and caches (`target/`,
 * `build/`). Outside the repository: Debian packages stand for the system files they own, Python
 * distributions for their files, the interpreter's own files and the crates Cargo.lock pins are
 * keyed already; any other file is recorded with its digest.
 */
async function observe(trace, context) {
    const classify = classifier(trace, context);
    const files = {};
    const dirs = {};
    const packages = {};
    const outside = new Set();
    const distributions = new Map();
    const sites = new SiteIndex();
    const rel = (abs) => observe_projectRelative(context.tree, abs);
    const reused = [];
    const system = [];
    for (const [file, found] of trace.opened) {
        const where = classify(file);
        if (where === "reused" && found)
            reused.push(rel(file));
        if (where === "repository")
            files[rel(file)] = found ? "" : null;
        else if (where === "outside" && found) {
            const dist = sites.owner(file);
            if (dist)
                distributions.set(`${dist.site}\0${dist.distInfo}`, dist);
            else
                system.push(file);
        }
    }
    const database = await (context.dpkg ?? readDpkg());
    const dpkg = await database.lookUp([...system, ...trace.execs.keys()]);
    for (const file of system)
        if (!recordPackage(dpkg, file, packages))
            outside.add(file);
    for (const dir of trace.listed) {
        if (classify(dir) === "repository")
            dirs[rel(dir)] = dirDigest(context.tree, rootRel(context.tree, dir));
    }
    const tools = await recordTools(trace, context, classify, dpkg, packages, (file) => {
        const dist = sites.owner(file, { listed: true });
        if (dist)
            distributions.set(`${dist.site}\0${dist.distInfo}`, dist);
        return dist;
    });
    await digestRepositoryFiles(files, context.tree);
    const outsideDigests = await hashFiles([...outside]);
    return {
        observed: {
            how: "traced",
            tracedOn: context.platform,
            files: sortedRecord(files),
            dirs: sortedRecord(dirs),
            tools,
            packages: sortedRecord(packages),
            outside: sortedRecord(Object.fromEntries([...outside].map((f) => [f, outsideDigests.get(f) ?? null]))),
            distributions: [...distributions.values()].sort((a, b) => `${a.site}/${a.distInfo}` < `${b.site}/${b.distInfo}` ? -1 : 1),
        },
        changedDuringBuild: changedSince(files, context),
        reused: reused.sort(),
        compiled: [...(trace.compiled ?? [])]
            .filter((file) => classify(file) === "repository")
            .map(rel)
            .sort(),
    };
}
/** Decides where a path the build touched belongs. */
function classifier(trace, context) {
    const { root } = context.tree;
    const home = context.env.HOME || (0,external_node_os_namespaceObject.homedir)();
    const cargoHome = context.env.CARGO_HOME || external_node_path_default().join(home, ".cargo");
    const rustupHome = context.env.RUSTUP_HOME || external_node_path_default().join(home, ".rustup");
    const keyedElsewhere = [
        external_node_path_default().join(cargoHome, "registry"),
        external_node_path_default().join(cargoHome, "git"),
        external_node_path_default().join(rustupHome, "toolchains"),
        external_node_path_default().join(home, ".cache"),
    ];
    // The user's git configuration only changes how git runs (a version from git is keyed apart).
    const noise = [external_node_path_default().join(home, ".gitconfig"), external_node_path_default().join(home, ".config", "git")];
    const listed = new Set(context.tree.files);
    // Every path here is absolute and normalized (Linux): a prefix test says what is inside what.
    const within = (dirs) => {
        const prefixes = dirs.map((dir) => `${external_node_path_default().resolve(dir)}/`.replace(/\/+$/, "/"));
        return (file) => prefixes.some((p) => file.startsWith(p) || `${file}/` === p);
    };
    const inOwn = within(context.own);
    const inNoise = within(noise);
    const inPython = within(context.pythonPrefixes);
    const inKeyedElsewhere = within(keyedElsewhere);
    const inRoot = within([root]);
    // Whether a directory is one the build created or inside one, each directory decided once.
    const createdDirs = new Map();
    const inCreated = (dir) => {
        let known = createdDirs.get(dir);
        if (known === undefined) {
            const parent = external_node_path_default().dirname(dir);
            known = trace.created.has(dir) || (parent !== dir && inCreated(parent));
            createdDirs.set(dir, known);
        }
        return known;
    };
    const own = (file) => trace.written.has(file) ||
        trace.created.has(file) ||
        inOwn(file) ||
        inCreated(external_node_path_default().dirname(file));
    return (file) => {
        if (own(file))
            return "own";
        if (SYSTEM_NOISE.some((prefix) => file.startsWith(prefix)) || file.includes("/gconv/")) {
            return "noise";
        }
        if (inNoise(file))
            return "noise";
        if (isSitePackages(file))
            return "outside";
        if (inPython(file))
            return "keyed-elsewhere";
        if (inKeyedElsewhere(file))
            return "keyed-elsewhere";
        if (!inRoot(file))
            return "outside";
        const relative = rootRel(context.tree, file);
        if (relative === ".git" || relative.startsWith(".git/"))
            return "noise";
        const parts = relative.split("/");
        const inOutput = parts.slice(0, -1).some(isNeverInputName) ||
            (context.outputDirs ?? []).some((dir) => relative.startsWith(`${dir}/`));
        return inOutput && !listed.has(relative) ? "reused" : "repository";
    };
}
function isSitePackages(file) {
    return /\/(?:site|dist)-packages\//.test(file);
}
/** A Debian package owns the file: record the package's version instead of the file. */
function recordPackage(dpkg, file, packages) {
    const pkg = dpkg.owner(file);
    const version = pkg ? dpkg.version(pkg) : undefined;
    if (!pkg || !version)
        return false;
    packages[pkg] = version;
    return true;
}
async function recordTools(trace, context, classify, dpkg, packages, distribution) {
    const tools = [];
    const toHash = [];
    for (const [file, names] of [...trace.execs].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const where = classify(file);
        if (where === "own" || where === "noise" || where === "reused")
            continue;
        const name = [...names].sort().find((n) => !n.includes("/") && which(n, context.env) === file);
        const base = name ? { name, path: file } : { path: file };
        if (recordPackage(dpkg, file, packages)) {
            tools.push({ ...base, identity: `deb:${dpkg.owner(file)}` });
            continue;
        }
        if (where === "keyed-elsewhere") {
            tools.push({ ...base, identity: "keyed" });
            continue;
        }
        // A program a Python distribution's RECORD lists (cmake, ninja) is that distribution's
        // version, as the distributions the build imported are.
        const dist = where === "outside" ? distribution(file) : undefined;
        if (dist) {
            tools.push({ ...base, identity: `dist:${dist.distInfo.replace(/\.dist-info$/, "")}` });
        }
        else {
            tools.push({ ...base, identity: "" });
            toHash.push(file);
        }
    }
    const digests = await hashFiles(toHash);
    return tools.map((t) => t.identity === "" ? { ...t, identity: digests.get(t.path) ?? "absent" } : t);
}
/** Fills in the digests of the repository files the build read (absent ones stay null). */
async function digestRepositoryFiles(files, tree) {
    const present = Object.keys(files).filter((rel) => files[rel] !== null);
    const rooted = present.map((rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel)));
    const digests = await tree.digest(rooted);
    present.forEach((rel, i) => {
        files[rel] = digests.get(rooted[i]) ?? null;
    });
}
/** Repository files the build read that changed after it started (edited during the build). */
function changedSince(files, context) {
    const { tree, startedMs } = context;
    return Object.keys(files).filter((rel) => {
        const info = (0,external_node_fs_namespaceObject.statSync)(external_node_path_default().join(tree.root, tree.projectDir, rel), { throwIfNoEntry: false });
        return info !== undefined && Math.max(info.ctimeMs, info.mtimeMs) > startedMs;
    });
}
function rootRel(tree, file) {
    return relativeTo(tree.root, file);
}
function observe_projectRelative(tree, file) {
    return relativeTo(external_node_path_default().join(tree.root, tree.projectDir), file) || ".";
}
/**
 * `file` relative to `dir`, both absolute and normalized, as `path.relative` gives it (no
 * trailing slash: a directory opened as `sub/`): a slice when `file` is inside.
 */
function relativeTo(dir, file) {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    if (file.startsWith(prefix))
        return file.slice(prefix.length).replace(/\/+$/, "");
    return toPosix(external_node_path_default().relative(dir, file));
}
function sortedRecord(record) {
    return Object.fromEntries(Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]));
}
/**
 * Which distribution owns a file in a site-packages directory: the `*.dist-info` whose RECORD
 * names the file's top-level package or module. Each site is read once.
 */
class SiteIndex {
    #sites = new Map();
    /**
     * The owner: the one distribution naming the file's top-level package, or, where several share
     * it (namespace packages: `nvidia/`, `google/`), the one whose RECORD lists the file or another
     * in its directory. With `listed`, only a distribution whose RECORD lists the file itself.
     */
    owner(file, { listed = false } = {}) {
        const match = /^(.*\/(?:site|dist)-packages)\/([^/]+)/.exec(file);
        if (!match)
            return undefined;
        const [, site, top] = match;
        if (top.endsWith(".dist-info"))
            return { site, distInfo: top };
        const { owners, records } = this.#index(site);
        const candidates = owners.get(top) ?? owners.get(top.replace(/\.[^.]*$/, "")) ?? [];
        if (candidates.length === 1 && !listed)
            return { site, distInfo: candidates[0] };
        const relative = file.slice(site.length + 1);
        const naming = (start) => candidates.find((d) => {
            const record = records.get(d);
            return record.startsWith(start) || record.includes(`\n${start}`);
        });
        const distInfo = listed
            ? naming(`${relative},`)
            : (naming(`${relative},`) ?? naming(`${external_node_path_default().posix.dirname(relative)}/`));
        return distInfo ? { site, distInfo } : undefined;
    }
    #index(site) {
        let known = this.#sites.get(site);
        if (known)
            return known;
        known = { owners: new Map(), records: new Map() };
        for (const distInfo of observe_listDir(site).filter((e) => e.endsWith(".dist-info"))) {
            const record = readRecord(external_node_path_default().join(site, distInfo));
            known.records.set(distInfo, record);
            for (const top of topLevelNames(record)) {
                known.owners.set(top, [...(known.owners.get(top) ?? []), distInfo]);
            }
        }
        this.#sites.set(site, known);
        return known;
    }
}
/** A directory's names; one that is gone (an isolated build's environment) has none. */
function observe_listDir(dir) {
    try {
        return (0,external_node_fs_namespaceObject.readdirSync)(dir);
    }
    catch (error) {
        if (error.code === "ENOENT")
            return [];
        throw error;
    }
}
/** A distribution's RECORD; empty for one without (installed by hand: it owns nothing we can name). */
function readRecord(distInfo) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(external_node_path_default().join(distInfo, "RECORD"), "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT")
            return "";
        throw error;
    }
}
/** The top-level names a RECORD names (the first components of its paths). */
function topLevelNames(record) {
    const names = new Set();
    // A RECORD lists a package's files together (cmake's, thousands): a line under the previous
    // line's first component is skipped without being cut.
    let previous = "";
    for (let at = 0; at < record.length;) {
        const newline = record.indexOf("\n", at);
        const end = newline < 0 ? record.length : newline;
        if (!(previous && record.startsWith(previous, at))) {
            const line = record.slice(at, end);
            const first = line.split(",")[0].split("/")[0];
            previous = `${first}/`;
            if (first && !first.startsWith("..") && !first.endsWith(".dist-info")) {
                names.add(first.replace(/\.py$/, ""));
                names.add(first);
            }
        }
        at = end + 1;
    }
    return [...names];
}

;// CONCATENATED MODULE: ./src/shared/bounded.ts

/** Runs a command quietly within a time limit; says how it ended. */
function runBounded(command, args, env, timeoutMs) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)(command, args, { env, timeout: timeoutMs, windowsHide: true }, (error) => {
            if (!error)
                resolve("done");
            else if (error.killed)
                resolve(`no answer within ${timeoutMs / 1000} s`);
            else
                resolve(`${command} exited with ${String(error.code ?? error.message)}`);
        });
    });
}

;// CONCATENATED MODULE: ./src/build/seccomp-source.ts
/**
 * The C source of the seccomp tracer, compiled on the machine that runs it (see seccomp.ts).
 *
 * `wheel-cache-trace OUT -- argv...` runs argv with a seccomp filter that hands each file open,
 * program run, directory creation and rename to this process (a user notification) and lets the
 * call go on unchanged; nothing else stops. Each call is written to OUT as five NUL-terminated
 * fields: kind, thread id, a mark, the absolute path (resolved against the working directory or
 * the directory descriptor while the caller waits), and argv[0] for a program run. Kinds: `o`
 * opened to read, `w` opened to write, `d` opened as a directory, `x` program run (mark `E` when
 * it only preprocesses: `-E`, `-M`, `-MM`), `m` directory created (only when the path did not
 * exist), `r` path renamed or linked into place. Whether a call succeeded is not known here; the
 * reader decides from the files afterwards.
 *
 * It becomes the subreaper of the build, ends when every process of it has ended, and exits as
 * the build's first process did (the same signal, or its status). `wheel-cache-trace --probe`
 * exits 0 when this kernel supports it (user notifications that continue the call, Linux 5.5).
 */
const SECCOMP_TRACER_C = String.raw `#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "no seccomp tracer for this architecture"
#endif

/* Linux 6.6: the kernel switches straight from the caller to the tracer and back. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP 1UL
#endif

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

/* How the path (and the program's argv) of each traced call is found in its arguments. */
struct call { long nr; int dirfd; int path; int flags; char kind; int argv; };
static const struct call calls[] = {
#ifdef SYS_open
  {SYS_open, -1, 0, 1, 'o', -1},
#endif
#ifdef SYS_creat
  {SYS_creat, -1, 0, -1, 'w', -1},
#endif
  {SYS_openat, 0, 1, 2, 'o', -1},
  {SYS_openat2, 0, 1, -2, 'o', -1},
  {SYS_execve, -1, 0, -1, 'x', 1},
  {SYS_execveat, 0, 1, -1, 'x', 2},
#ifdef SYS_mkdir
  {SYS_mkdir, -1, 0, -1, 'm', -1},
#endif
  {SYS_mkdirat, 0, 1, -1, 'm', -1},
#ifdef SYS_rename
  {SYS_rename, -1, 1, -1, 'r', -1},
#endif
#ifdef SYS_renameat
  {SYS_renameat, 2, 3, -1, 'r', -1},
#endif
  {SYS_renameat2, 2, 3, -1, 'r', -1},
#ifdef SYS_link
  {SYS_link, -1, 1, -1, 'r', -1},
#endif
  {SYS_linkat, 2, 3, -1, 'r', -1},
#ifdef SYS_symlink
  {SYS_symlink, -1, 1, -1, 'r', -1},
#endif
  {SYS_symlinkat, 1, 2, -1, 'r', -1},
};
#define NCALLS (sizeof calls / sizeof calls[0])

#define MAX_ARGS 4096

static int wake[2];
static void on_child(int sig) {
  (void)sig;
  int saved = errno;
  if (write(wake[1], "", 1) < 0) {}
  errno = saved;
}

/* Reads up to cap bytes of the caller's memory at addr; returns how many were read. */
static ssize_t peek(pid_t pid, unsigned long addr, void *out, size_t cap) {
  struct iovec local = {out, cap}, remote = {(void *)addr, cap};
  return process_vm_readv(pid, &local, 1, &remote, 1, 0);
}

/* A NUL-terminated string of the caller's, a page at a time; -1 when it cannot be read. */
static int peek_string(pid_t pid, unsigned long addr, char *out, size_t cap) {
  size_t have = 0;
  while (have + 1 < cap) {
    size_t n = 4096 - (addr & 4095);
    if (n > cap - 1 - have) n = cap - 1 - have;
    ssize_t got = peek(pid, addr, out + have, n);
    if (got <= 0) return -1;
    char *end = memchr(out + have, 0, (size_t)got);
    if (end) return (int)(end - out);
    have += (size_t)got;
    addr += (unsigned long)got;
  }
  out[have] = 0;
  return (int)have;
}

static int install_filter(void) {
  struct sock_filter f[NCALLS + 5];
  unsigned n = 0;
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 0, NCALLS + 1);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  for (unsigned i = 0; i < NCALLS; i++)
    f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)calls[i].nr, (unsigned char)(NCALLS - i), 0);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF);
  struct sock_fprog prog = {(unsigned short)n, f};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
  return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

static int send_fd(int sock, int fd) {
  char byte = 'K';
  struct iovec iov = {&byte, 1};
  char control[CMSG_SPACE(sizeof(int))];
  memset(control, 0, sizeof control);
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof fd);
  return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int receive_fd(int sock) {
  char byte = 0;
  struct iovec iov = {&byte, 1};
  char control[CMSG_SPACE(sizeof(int))];
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  if (recvmsg(sock, &msg, 0) != 1 || byte != 'K') return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  return fd;
}

static const struct call *find_call(int nr) {
  for (unsigned i = 0; i < NCALLS; i++)
    if (calls[i].nr == nr) return &calls[i];
  return NULL;
}

static FILE *out;
static char path[8192], base[4096], arg[4096], argv0[4096];

static void field(const char *text) {
  fputs(text, out);
  fputc(0, out);
}

/* Whether a program run only preprocesses (-E, -M, -MM); reads argv[0] into argv0. */
static int preprocess_only(pid_t pid, unsigned long argv) {
  int only = 0;
  argv0[0] = 0;
  for (int i = 0; i < MAX_ARGS; i++) {
    unsigned long at = 0;
    if (peek(pid, argv + (unsigned long)i * sizeof at, &at, sizeof at) != (ssize_t)sizeof at || at == 0) break;
    if (peek_string(pid, at, arg, sizeof arg) < 0) break;
    if (i == 0) memcpy(argv0, arg, strlen(arg) + 1);
    else if (!strcmp(arg, "-E") || !strcmp(arg, "-M") || !strcmp(arg, "-MM")) only = 1;
  }
  return only;
}

/* Writes one traced call. The caller waits meanwhile, so its descriptors and directory hold. */
static void record(const struct seccomp_notif *n) {
  const struct call *c = find_call(n->data.nr);
  if (!c) return;
  pid_t pid = (pid_t)n->pid;
  const unsigned long long *a = n->data.args;
  int len = peek_string(pid, (unsigned long)a[c->path], path, 4096);
  if (len < 0) {
    /* The caller is gone, or its memory cannot be read: say so, the reader counts it. */
    fprintf(out, "?%c%d%c%c%c%c", 0, pid, 0, 0, 0, 0);
    return;
  }
  if (path[0] != '/') {
    char link[64];
    int dirfd = c->dirfd < 0 ? AT_FDCWD : (int)a[c->dirfd];
    if (dirfd == AT_FDCWD) snprintf(link, sizeof link, "/proc/%d/cwd", pid);
    else snprintf(link, sizeof link, "/proc/%d/fd/%d", pid, dirfd);
    ssize_t got = readlink(link, base, sizeof base - 1);
    if (got < 0) got = 0;
    base[got] = 0;
    memmove(path + got + 1, path, (size_t)len + 1);
    memcpy(path, base, (size_t)got);
    path[got] = '/';
  }
  char kind = c->kind;
  const char *mark = "";
  if (c->flags != -1) {
    unsigned long long flags = 0;
    if (c->flags == -2) {
      if (peek(pid, (unsigned long)a[2], &flags, sizeof flags) != (ssize_t)sizeof flags) flags = 0;
    } else {
      flags = a[c->flags];
    }
    if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC))) kind = 'w';
    else if (flags & O_DIRECTORY) kind = 'd';
  }
  if (kind == 'm') {
    struct stat st;
    if (lstat(path, &st) == 0) return;
  }
  if (kind == 'x' && preprocess_only(pid, (unsigned long)a[c->argv])) mark = "E";
  char tid[16];
  snprintf(tid, sizeof tid, "%d", pid);
  char k[2] = {kind, 0};
  field(k);
  field(tid);
  field(mark);
  field(path);
  field(kind == 'x' ? argv0 : "");
}

/* Answers every notification until no process of the build is left; returns its wait status. */
static int serve(int listener, pid_t first) {
  struct pollfd fds[2] = {{listener, POLLIN, 0}, {wake[0], POLLIN, 0}};
  int status = -1;
  /* Switch straight from the caller to this process and back; kernels before 6.6 refuse, and
     each call then costs a wake-up. */
  (void)ioctl(listener, SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP, 0);
  for (;;) {
    fds[0].revents = fds[1].revents = 0;
    if (poll(fds, 2, -1) < 0 && errno != EINTR) return -2;
    if (fds[1].revents & POLLIN) {
      char drain[64];
      while (read(wake[0], drain, sizeof drain) > 0) {}
    }
    if (fds[0].revents & POLLIN) {
      struct seccomp_notif n;
      memset(&n, 0, sizeof n);
      if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &n) == 0) {
        record(&n);
        struct seccomp_notif_resp r;
        memset(&r, 0, sizeof r);
        r.id = n.id;
        r.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
        /* ENOENT: the caller was interrupted meanwhile; nothing to answer. */
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &r) != 0 && errno != ENOENT) return -2;
      }
      continue;
    }
    for (;;) {
      int st;
      pid_t ended = waitpid(-1, &st, WNOHANG);
      if (ended == first) status = st;
      if (ended > 0) continue;
      if (ended < 0 && errno == ECHILD) return status;
      break;
    }
  }
}

static int probe(void) {
  int sock[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sock) != 0) return 1;
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    close(sock[0]);
    int fd = install_filter();
    if (fd < 0 || send_fd(sock[1], fd) != 0) _exit(1);
    close(fd);
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    _exit(dir >= 0 ? 0 : 1);
  }
  close(sock[1]);
  int listener = receive_fd(sock[0]);
  if (listener < 0) {
    waitpid(pid, NULL, 0);
    return 1;
  }
  out = fopen("/dev/null", "w");
  int status = serve(listener, pid);
  return status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) return 125;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_child;
  /* No SA_RESTART: a process ending wakes a wait for the next call (it may have been its last). */
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return 125;
  if (argc == 2 && !strcmp(argv[1], "--probe")) return probe();
  if (argc < 4 || strcmp(argv[2], "--")) {
    fputs("usage: wheel-cache-trace OUT -- COMMAND [ARG...]\n", stderr);
    return 125;
  }
  out = fopen(argv[1], "we");
  if (!out) {
    perror(argv[1]);
    return 125;
  }
  static char buffer[1 << 16];
  setvbuf(out, buffer, _IOFBF, sizeof buffer);
  int sock[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sock) != 0) return 125;
  pid_t pid = fork();
  if (pid < 0) return 125;
  if (pid == 0) {
    close(sock[0]);
    signal(SIGCHLD, SIG_DFL);
    int fd = install_filter();
    if (fd < 0 || send_fd(sock[1], fd) != 0) {
      perror("wheel-cache-trace: seccomp");
      _exit(125);
    }
    close(fd);
    execvp(argv[3], argv + 3);
    fprintf(stderr, "wheel-cache-trace: cannot run %s: %s\n", argv[3], strerror(errno));
    _exit(errno == ENOENT ? 127 : 126);
  }
  close(sock[1]);
  int listener = receive_fd(sock[0]);
  close(sock[0]);
  int status;
  if (listener < 0) {
    waitpid(pid, &status, 0);
  } else {
    status = serve(listener, pid);
    if (status == -2) fputs("wheel-cache-trace: cannot answer the traced calls\n", stderr);
    if (status < 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
  }
  if (fclose(out) != 0) return 125;
  if (WIFSIGNALED(status)) {
    signal(WTERMSIG(status), SIG_DFL);
    raise(WTERMSIG(status));
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}
`;

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/build/trace.ts






/** Programs that compile (or decide, as ccache does, whether to compile) what they read. */
const COMPILERS = /^(?:cc1|cc1plus|cc1obj|cc1objplus|f951|cpp|gcc|g\+\+|cc|c\+\+|clang|clang\+\+|clang-cl|cl|nvcc|cicc|cudafe\+\+|gfortran|ccache|sccache|icx|icpx|icc|icpc)(?:-[\d.]+)?(?:\.exe)?$/;
/** An argument that makes a compiler preprocess or list dependencies only. */
const PREPROCESS_ONLY = /, "-(?:E|M|MM)"[,\]]/;
/** Whether a program is a compiler (by its file name, any target prefix such as x86_64-linux-gnu-). */
function isCompiler(program) {
    const base = external_node_path_default().basename(program).replace(/^[\w.]+-[\w.]+-[\w.]+-/, "");
    return COMPILERS.test(base) || COMPILERS.test(external_node_path_default().basename(program));
}
/** The system calls traced: file opens, program runs, and what creates or moves paths. */
const SYSCALLS = "open,openat,openat2,creat,execve,execveat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,chdir,fchdir";
/** The strace binary, or undefined where none can run (not Linux, or not on PATH). */
function findStrace(env, platform = process.platform) {
    return platform === "linux" ? which("strace", env) : undefined;
}
/**
 * argv that runs `argv` under strace, writing one trace file per process into `traceDir`. Only
 * the calls above stop the build (`--seccomp-bpf`), and `-y` prints the path behind every file
 * descriptor, so relative paths resolve. strace exits with the build's status.
 */
function tracedArgv(strace, traceDir, argv) {
    return [
        strace,
        "-ff",
        "--seccomp-bpf",
        "-qq",
        "-y",
        "-s",
        "4096",
        "-e",
        `trace=${SYSCALLS}`,
        "-e",
        "signal=none",
        "-o",
        external_node_path_default().join(traceDir, "t"),
        "--",
        ...argv,
    ];
}
/** A trace with nothing in it yet, for a reader to fill. */
function emptyTrace() {
    return {
        opened: new Map(),
        listed: new Set(),
        written: new Set(),
        created: new Set(),
        execs: new Map(),
        compiled: new Set(),
    };
}
/**
 * Reads every trace file of a traced run. Calls without a directory descriptor (`mkdir`,
 * `rename`) name paths relative to the process's working directory, which strace does not print:
 * it is the one `-y` showed last for `AT_FDCWD` in that process, or `cwd` (the build's) before.
 */
async function readTrace(traceDir, cwd) {
    const trace = emptyTrace();
    for (const name of (await (0,promises_namespaceObject.readdir)(traceDir)).sort()) {
        const lines = (0,external_node_readline_namespaceObject.createInterface)({ input: (0,external_node_fs_namespaceObject.createReadStream)(external_node_path_default().join(traceDir, name)) });
        const state = { cwd };
        for await (const line of lines)
            parseLine(line, trace, state);
    }
    return trace;
}
const STRING = String.raw `"((?:[^"\\]|\\.)*)"`;
/** `AT_FDCWD</dir>` or `3</dir>`: a directory descriptor with the path -y printed. */
const DIRFD = String.raw `(?:AT_FDCWD|-?\d+)(?:<((?:[^>\\]|\\.)*)>)?`;
const OPEN = new RegExp(String.raw `^(open|creat)\(${STRING}, ?([^)]*?)\)\s+= (?:(\d+)<((?:[^>\\]|\\.)*)>|(-1 \w+))`);
const OPENAT = new RegExp(String.raw `^openat2?\(${DIRFD}, ${STRING}, ([^)]*?)\)\s+= (?:(\d+)<((?:[^>\\]|\\.)*)>|(-1 \w+))`);
const EXECVE = new RegExp(String.raw `^execve\(${STRING}, \[${STRING}`);
const EXECVEAT = new RegExp(String.raw `^execveat\(${DIRFD}, ${STRING}, \[${STRING}`);
const MKDIR = new RegExp(String.raw `^mkdir\(${STRING}, [^)]*\)\s+= 0`);
const MKDIRAT = new RegExp(String.raw `^mkdirat\(${DIRFD}, ${STRING}, [^)]*\)\s+= 0`);
const MOVED = new RegExp(String.raw `^(?:rename|link|symlink)\(${STRING}, ${STRING}\)\s+= 0`);
const MOVEDAT = new RegExp(String.raw `^(?:renameat2?|linkat|symlinkat)\((?:${DIRFD}, )?${STRING}, ${DIRFD}, ${STRING}(?:, [^)]*)?\)\s+= 0`);
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/;
const CWD = /AT_FDCWD<((?:[^>\\]|\\.)*)>/;
const CHDIR = new RegExp(String.raw `^chdir\(${STRING}\)\s+= 0`);
const FCHDIR = /^fchdir\(\d+<((?:[^>\\]|\\.)*)>\)\s+= 0/;
/** Adds what one line of a trace file says to `trace`; lines of other calls are ignored. */
function parseLine(line, trace, state) {
    const cwd = CWD.exec(line);
    if (cwd)
        state.cwd = unescapeC(cwd[1]);
    const chdir = CHDIR.exec(line) ?? FCHDIR.exec(line);
    if (chdir) {
        state.cwd = external_node_path_default().resolve(state.cwd, unescapeC(chdir[1]));
        return;
    }
    const absolute = (file, dir) => resolveIn(state.cwd, file, dir);
    const open = OPEN.exec(line);
    if (open) {
        const [, call, file, flags, , resolved, failed] = open;
        const mode = call === "creat" ? "O_CREAT" : flags;
        recordOpen(trace, absolute(unescapeC(file)), mode, resolved, failed, state.compiler);
        return;
    }
    const openat = OPENAT.exec(line);
    if (openat) {
        const [, dir, file, flags, , resolved, failed] = openat;
        recordOpen(trace, absolute(unescapeC(file), dir), flags, resolved, failed, state.compiler);
        return;
    }
    const exec = EXECVE.exec(line) ?? EXECVEAT.exec(line);
    if (exec && /\s= 0$/.test(line)) {
        const [file, argv0] = exec.length === 3 ? [exec[1], exec[2]] : [exec[2], exec[3]];
        const target = absolute(unescapeC(file), exec.length === 4 ? exec[1] : undefined);
        const names = trace.execs.get(target) ?? new Set();
        names.add(unescapeC(argv0));
        trace.execs.set(target, names);
        // A compiler run to preprocess only (`-E`, as cffi's generator runs it on zstd.h) or to list
        // dependencies compiles nothing.
        state.compiler = isCompiler(target) && !PREPROCESS_ONLY.test(line);
        return;
    }
    const mkdir = MKDIR.exec(line);
    if (mkdir) {
        trace.created.add(absolute(unescapeC(mkdir[1])));
        return;
    }
    const mkdirat = MKDIRAT.exec(line);
    if (mkdirat) {
        trace.created.add(absolute(unescapeC(mkdirat[2]), mkdirat[1]));
        return;
    }
    const moved = MOVED.exec(line);
    if (moved) {
        trace.written.add(absolute(unescapeC(moved[2])));
        return;
    }
    const movedAt = MOVEDAT.exec(line);
    if (movedAt)
        trace.written.add(absolute(unescapeC(movedAt[4]), movedAt[3]));
}
function recordOpen(trace, file, flags, resolved, failed, compiler = false) {
    const target = resolved !== undefined ? unescapeC(resolved) : file;
    if (WRITE_FLAGS.test(flags)) {
        if (!failed)
            trace.written.add(target);
    }
    else if (flags.includes("O_DIRECTORY")) {
        if (!failed)
            trace.listed.add(target);
    }
    else if (!failed) {
        trace.opened.set(target, true);
        if (compiler)
            trace.compiled?.add(target);
    }
    else if (failed.endsWith("ENOENT") && !trace.opened.has(target)) {
        trace.opened.set(target, false);
    }
}
/**
 * A path made absolute: against the directory a descriptor stood for (strace's -y), or the
 * process's working directory for calls that take none.
 */
function resolveIn(cwd, file, dir) {
    if (external_node_path_default().isAbsolute(file))
        return external_node_path_default().normalize(file);
    return external_node_path_default().join(dir === undefined ? cwd : unescapeC(dir), file);
}
/** Undoes strace's C-style escapes (`\"`, `\\`, `\n`, `\t`, octal and `\x` bytes). */
function unescapeC(text) {
    if (!text.includes("\\"))
        return text;
    const bytes = [];
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c !== "\\") {
            bytes.push(...Buffer.from(c, "utf8"));
            continue;
        }
        const next = text[++i] ?? "";
        const simple = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8 };
        if (next in simple)
            bytes.push(simple[next]);
        else if (next === "x") {
            bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
            i += 2;
        }
        else if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(text.slice(i))[0];
            bytes.push(Number.parseInt(octal, 8));
            i += octal.length - 1;
        }
        else
            bytes.push(...Buffer.from(next, "utf8"));
    }
    return Buffer.from(bytes).toString("utf8");
}
/** How long installing strace may take before the build goes on untraced. */
const INSTALL_TIMEOUT_MS = 180_000;
/**
 * strace for tracing the build: found on PATH, or, where `install` allows (GitHub-hosted Linux
 * runners, which have passwordless sudo and apt but no strace), installed within a time bound.
 * Undefined, with a note saying why, where no tracer can run.
 */
async function ensureStrace(env, install) {
    if (process.platform !== "linux") {
        return {
            note: `no tracer runs on ${process.platform}: hits are validated against the newest traced build of this project`,
        };
    }
    const found = findStrace(env);
    if (found)
        return { strace: found };
    if (!install)
        return { note: "strace is not on PATH: the build runs untraced" };
    const installed = await runBounded("sudo", ["-n", "apt-get", "install", "-y", "-q", "--no-install-recommends", "strace"], env, INSTALL_TIMEOUT_MS);
    const strace = findStrace(env);
    return strace
        ? { strace }
        : { note: `strace could not be installed (${installed}): the build runs untraced` };
}

;// CONCATENATED MODULE: ./src/build/seccomp.ts








/** How long compiling the tracer may take before the build goes on under strace or untraced. */
const COMPILE_TIMEOUT_MS = 60_000;
const PROBE_TIMEOUT_MS = 10_000;
/** The tracer's file name, under a directory named after its source's digest. */
const PROGRAM = "wheel-cache-trace";
/** Probed programs, by path: a run probes each one once. */
const probed = new Map();
/**
 * The seccomp tracer (seccomp-source.ts), compiled with the machine's C compiler into `dir` the
 * first time and kept there, and probed once: undefined, with why, where it cannot run (no C
 * compiler, an architecture other than x86_64 and aarch64, a kernel before 5.5, seccomp refused).
 */
async function ensureSeccompTracer(env, dir) {
    const digest = (0,external_node_crypto_namespaceObject.createHash)("sha256").update(SECCOMP_TRACER_C).digest("hex").slice(0, 16);
    const home = external_node_path_default().join(dir, digest);
    const program = external_node_path_default().join(home, PROGRAM);
    if (!(await isFile(program))) {
        const cc = which("cc", env) ?? which("gcc", env) ?? which("clang", env);
        if (!cc)
            return { note: "no C compiler (cc) to build the seccomp tracer with" };
        const built = await compile(cc, home, program, env);
        if (built)
            return { note: `the seccomp tracer could not be built: ${built}` };
    }
    let probe = probed.get(program);
    if (!probe) {
        probe = runBounded(program, ["--probe"], env, PROBE_TIMEOUT_MS).then((how) => how === "done" ? undefined : how);
        probed.set(program, probe);
    }
    const refused = await probe;
    return refused ? { note: `this kernel refuses the seccomp tracer (${refused})` } : { program };
}
/** Compiles the tracer into `program` (atomically: runs may compile at once); says why not. */
async function compile(cc, home, program, env) {
    const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    const source = external_node_path_default().join(home, `trace-${unique}.c`);
    const output = external_node_path_default().join(home, `${PROGRAM}-${unique}`);
    try {
        await (0,promises_namespaceObject.mkdir)(home, { recursive: true });
        await (0,promises_namespaceObject.writeFile)(source, SECCOMP_TRACER_C);
        const how = await runBounded(cc, ["-O2", "-o", output, source], env, COMPILE_TIMEOUT_MS);
        if (how !== "done")
            return how;
        await (0,promises_namespaceObject.rename)(output, program);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
    finally {
        await (0,promises_namespaceObject.rm)(source, { force: true });
        await (0,promises_namespaceObject.rm)(output, { force: true });
    }
}
async function isFile(file) {
    return (await (0,promises_namespaceObject.lstat)(file).catch(() => undefined))?.isFile() ?? false;
}
/** argv that runs `argv` under the seccomp tracer, writing what it saw to `traceFile`. */
function seccompArgv(program, traceFile, argv) {
    return [program, traceFile, "--", ...argv];
}
/**
 * How far before the build's start a file's change time may fall and still be the build's:
 * file times come from a clock that may lag the one `startedMs` was read from by a tick.
 */
const CLOCK_SLACK_MS = 100;
/**
 * Reads what the seccomp tracer wrote into a RawTrace, as strace's would read. The tracer sees
 * calls, not their results, so the files decide: a path opened to read that exists is a file read
 * (recorded by its real path, as strace's `-y` gives it) and one that does not is a lookup that
 * missed; a path opened to write, renamed or linked into place is the build's when it is gone or
 * changed since the build started (a write that failed changed nothing); a program run is one
 * that exists (a search along PATH tries others first). A call whose path could not be read (its
 * process was gone, or the pointer was bad and the call failed) is skipped.
 */
async function readSeccompTrace(traceFile, startedMs) {
    const fields = (await (0,promises_namespaceObject.readFile)(traceFile)).toString("utf8").split("\0");
    const reads = new Map();
    const dirs = new Set();
    const writes = new Set();
    const made = new Set();
    const runs = new Map();
    const compilerThreads = new Set();
    for (let i = 0; i + 4 < fields.length; i += 5) {
        const [kind, tid, mark, raw, argv0] = fields.slice(i, i + 5);
        if (kind === "?")
            continue;
        // The tracer joins a relative path to its directory as given: `.`, `..` and `//` may remain.
        const file = raw.includes("/.") || raw.includes("//") ? external_node_path_default().normalize(raw) : raw;
        if (kind === "o") {
            // The first reader decides: a compiler that reads a file compiles it.
            const byCompiler = compilerThreads.has(tid);
            reads.set(file, (reads.get(file) ?? false) || byCompiler);
        }
        else if (kind === "d")
            dirs.add(file);
        else if (kind === "w" || kind === "r")
            writes.add(file);
        else if (kind === "m")
            made.add(file);
        else if (kind === "x") {
            const names = runs.get(file) ?? new Set();
            names.add(argv0);
            runs.set(file, names);
            if (isCompiler(file) && mark !== "E")
                compilerThreads.add(tid);
            else
                compilerThreads.delete(tid);
        }
    }
    const trace = emptyTrace();
    const real = new RealPaths();
    for (const [file, byCompiler] of reads) {
        const resolved = real.of(file);
        if (resolved === MISSING) {
            if (!trace.opened.has(file))
                trace.opened.set(file, false);
        }
        else if (resolved !== undefined) {
            trace.opened.set(resolved, true);
            if (byCompiler)
                trace.compiled?.add(resolved);
        }
    }
    for (const dir of dirs) {
        const resolved = real.of(dir);
        if (resolved !== MISSING && resolved !== undefined)
            trace.listed.add(resolved);
    }
    for (const file of writes) {
        const info = (0,external_node_fs_namespaceObject.lstatSync)(file, { throwIfNoEntry: false });
        if (info && Math.max(info.ctimeMs, info.mtimeMs) < startedMs - CLOCK_SLACK_MS)
            continue;
        trace.written.add(real.inRealDir(file));
    }
    for (const dir of made)
        trace.created.add(real.inRealDir(dir));
    for (const [file, names] of runs) {
        if ((0,external_node_fs_namespaceObject.statSync)(file, { throwIfNoEntry: false })?.isFile())
            trace.execs.set(file, names);
    }
    return trace;
}
const MISSING = Symbol("missing");
/**
 * Real paths, as strace's `-y` shows them, each directory resolved once: a file's own lstat then
 * says whether it is a link to follow too. A build reads thousands of files in a few hundred
 * directories, so this is one call a file instead of one for each part of its path.
 */
class RealPaths {
    #dirs = new Map();
    /** The real path, MISSING when nothing is there, undefined when it cannot be told (EACCES). */
    of(file) {
        const dir = this.#dir(external_node_path_default().dirname(file));
        if (dir === MISSING || dir === undefined)
            return dir;
        const joined = external_node_path_default().join(dir, external_node_path_default().basename(file));
        const info = lstatOf(joined);
        if (info === MISSING || info === undefined)
            return info;
        return info.isSymbolicLink() ? seccomp_resolve(joined) : joined;
    }
    /** A path with its directory's symlinks resolved (the path itself may be a link, or gone). */
    inRealDir(file) {
        const dir = this.#dir(external_node_path_default().dirname(file));
        return external_node_path_default().join(typeof dir === "string" ? dir : external_node_path_default().dirname(file), external_node_path_default().basename(file));
    }
    #dir(dir) {
        if (!this.#dirs.has(dir))
            this.#dirs.set(dir, seccomp_resolve(dir));
        return this.#dirs.get(dir);
    }
}
/** lstat: MISSING when nothing is there (ENOENT, ENOTDIR), undefined on another error. */
function lstatOf(file) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(file, { throwIfNoEntry: false }) ?? MISSING;
    }
    catch (error) {
        return error.code === "ENOTDIR" ? MISSING : undefined;
    }
}
/** realpath: MISSING when nothing is there (ENOENT, ENOTDIR), undefined on another error. */
function seccomp_resolve(file) {
    try {
        return external_node_fs_namespaceObject.realpathSync.native(file);
    }
    catch (error) {
        const code = error.code;
        return code === "ENOENT" || code === "ENOTDIR" ? MISSING : undefined;
    }
}

;// CONCATENATED MODULE: ./src/build/tracer.ts




/**
 * The tracer for a build, or none with a note saying why. The seccomp tracer stops a build only
 * for the calls it records and costs a fraction of strace; strace is the fallback where it cannot
 * run (installed on GitHub-hosted runners when `install` allows). `WHEEL_CACHE_TRACER=strace` (or
 * `seccomp`) picks one. The seccomp tracer is compiled once into the user's cache directory.
 */
async function ensureTracer(env, install, platform = process.platform) {
    if (platform !== "linux") {
        return {
            note: `no tracer runs on ${platform}: hits are validated against the newest traced build of this project`,
        };
    }
    const wanted = env.WHEEL_CACHE_TRACER;
    const notes = [];
    if (wanted !== "strace") {
        const seccomp = await ensureSeccompTracer(env, tracerHome(env));
        if (seccomp.program)
            return { tracer: { kind: "seccomp", program: seccomp.program } };
        notes.push(seccomp.note);
        if (wanted === "seccomp")
            return { note: `${seccomp.note}: the build runs untraced` };
    }
    const strace = await ensureStrace(env, install);
    if (strace.strace)
        return { tracer: { kind: "strace", program: strace.strace } };
    return { note: [...notes, strace.note].join("; ") };
}
/**
 * Where the compiled tracer (and the package database as read for recording traces) is kept:
 * `$WHEEL_CACHE_TRACER_DIR`, else the user's cache directory (XDG), as the local cache.
 */
function tracerHome(env) {
    if (env.WHEEL_CACHE_TRACER_DIR)
        return external_node_path_default().resolve(env.WHEEL_CACHE_TRACER_DIR);
    const xdg = env.XDG_CACHE_HOME;
    const base = xdg && external_node_path_default().isAbsolute(xdg) ? xdg : external_node_path_default().join(env.HOME || (0,external_node_os_namespaceObject.homedir)(), ".cache");
    return external_node_path_default().join(base, "wheel-cache", "tracer");
}
/** argv that runs `argv` under `tracer`, its record going into `traceDir`. */
function tracedCommand(tracer, traceDir, argv) {
    return tracer.kind === "seccomp"
        ? seccompArgv(tracer.program, external_node_path_default().join(traceDir, "calls"), argv)
        : tracedArgv(tracer.program, traceDir, argv);
}
/** What a traced build did, from the record `tracedCommand` had written. */
async function readTraced(tracer, traceDir, cwd, startedMs) {
    return tracer.kind === "seccomp"
        ? readSeccompTrace(external_node_path_default().join(traceDir, "calls"), startedMs)
        : readTrace(traceDir, cwd);
}

;// CONCATENATED MODULE: ./src/fingerprint/redigest.ts




/**
 * The manifest as the files are after a build: the tree listed once more and the file keys
 * resolved again, so that files the build modified, removed or added where a glob reaches are
 * seen. Nothing else runs again: no project reads, no inference, no probes; keys of other kinds
 * keep their digests.
 */
async function redigest(fp) {
    const { request } = fp;
    const tree = await openTree(request.location, {
        exclude: request.exclude,
        includeIgnored: request.includeIgnored,
        caseInsensitive: foldsCase(request.platform),
    });
    const fileSpecs = fp.specs.filter((spec) => spec.entry.kind === "file");
    const again = await resolveSpecs(fileSpecs, tree, request.env);
    const now = new Map(again.keys.map((key) => [key.id, key]));
    const keys = fp.manifest.keys.map((key) => (key.files && now.get(key.id)) || key);
    return { manifest: { ...fp.manifest, ...makeManifest(fp.manifest.project, keys) }, tree };
}

;// CONCATENATED MODULE: ./src/project/build-output.ts


/** setuptools commands and the options that move their output away from `build/`. */
const OPTIONS = {
    build: ["build_base", "build_lib", "build_temp", "build_platlib", "build_purelib"],
    build_ext: ["build_lib", "build_temp"],
    build_py: ["build_lib"],
};
/**
 * Where setuptools writes its build output when the project moves it from `build/`: setup.cfg's
 * `[build] build_base = bin` (brotli), `[build_ext] build_temp`, and the same options under
 * pyproject.toml's `[tool.distutils.<command>]`. Project-relative directories; what a build reads
 * there without writing it is an earlier build's output, as under `build/`.
 */
function setuptoolsOutputDirs(project) {
    const dirs = new Set();
    const add = (value) => {
        if (typeof value !== "string" || value.trim() === "")
            return;
        const rel = external_node_path_default().posix.normalize(value.trim().replaceAll("\\", "/")).replace(/\/+$/, "");
        if (rel === "." || rel.startsWith("../") || rel === ".." || external_node_path_default().posix.isAbsolute(rel))
            return;
        dirs.add(rel);
    };
    const sections = iniSections(project.setupCfg ?? "");
    for (const [command, options] of Object.entries(OPTIONS)) {
        const table = lookup(project.pyproject.data, "tool", "distutils", command);
        for (const option of options) {
            add(sections.get(command)?.get(option));
            add(sections.get(command)?.get(option.replaceAll("_", "-")));
            if (isTable(table)) {
                add(table[option]);
                add(table[option.replaceAll("_", "-")]);
            }
        }
    }
    return [...dirs].sort();
}
/** An INI file's `key = value` lines by section (the last value of a key wins). */
function iniSections(text) {
    const sections = new Map();
    let current;
    for (const line of text.split("\n")) {
        const header = /^\s*\[([^\]\n]{1,100})\]\s*$/.exec(line);
        if (header) {
            const name = header[1].trim();
            current = sections.get(name) ?? new Map();
            sections.set(name, current);
            continue;
        }
        const pair = /^([\w.-]{1,100})[ \t]*[=:][ \t]*(.*)$/.exec(line);
        if (pair && current)
            current.set(pair[1], pair[2].trim());
    }
    return sections;
}

;// CONCATENATED MODULE: ./src/pipeline/build-step.ts



















/**
 * Runs the build (under a tracer where one runs), records its wheels and what it read in the
 * manifest, re-digests what the fingerprint covers to see what the build itself changed, and
 * saves the entry under a variant key of its own, unless an input changed while it ran (the
 * wheels might then match neither the fingerprint nor the observed set).
 */
async function buildWheels(deps, config, { fp, command }, keys, miss) {
    const { tracer, note: traceNote } = config.trace
        ? await ensureTracer(config.env, config.installTracer)
        : {};
    const traceDir = external_node_path_default().join(deps.stagingDir, "trace");
    if (tracer)
        await resetDir(traceDir);
    deps.progress({
        kind: "build",
        previous: miss.previous?.manifest,
        changed: miss.changed,
        verifyProblem: miss.verifyProblem,
        restoreOff: config.restoreOff,
        observedChanges: miss.observedChanges,
        argv: command.argv,
        traced: tracer !== undefined,
    });
    const dir = fp.request.project.dir;
    const before = await snapshotWheels(config.wheelDir);
    const started = Date.now();
    // Read while the build runs: a traced build's record needs it, and it takes a while.
    const dpkg = tracer ? readDpkg(undefined, external_node_path_default().join(tracerHome(config.env), "dpkg")) : undefined;
    // Awaited only when the build succeeds; a failure must not surface as an unhandled rejection.
    dpkg?.catch(() => undefined);
    let produced;
    try {
        const spawned = tracer
            ? tracedCommand(tracer, traceDir, [
                resolveProgram(command.argv, dir, config.env),
                ...command.argv.slice(1),
            ])
            : command.argv;
        produced = await runBuild({
            argv: command.argv,
            spawned,
            cwd: dir,
            env: config.env,
            wheelDir: config.wheelDir,
            before,
            timeoutMs: config.buildTimeoutMs,
            platform: config.platform,
        });
    }
    catch (error) {
        deps.progress({ kind: "build-done" });
        if (!(error instanceof BuildFailure))
            throw error;
        return {
            failure: redactKeyed(error.failed, fp.manifest.keys, config.env),
            buildSeconds: (Date.now() - started) / 1000,
            traceNote,
        };
    }
    deps.progress({ kind: "build-done" });
    const buildSeconds = (Date.now() - started) / 1000;
    const { ours, rejected } = sortWheels(produced, wheelTarget(fp), config.wheelDir);
    const otherWheels = [...before.keys()].filter((name) => !produced.includes(name)).sort();
    const paths = ours.map((name) => external_node_path_default().join(config.wheelDir, name));
    const records = await Promise.all(paths.map(wheelRecord));
    const wheels = records.map((r, i) => ({ ...r, path: paths[i] }));
    const after = await redigest(fp);
    const buildChanges = diffManifests(fp.manifest, after.manifest);
    const observation = tracer
        ? await observe(await readTraced(tracer, traceDir, dir, started), {
            tree: fp.tree,
            pythonPrefixes: fp.python?.prefixes ?? [],
            own: [config.wheelDir, deps.stagingDir],
            env: config.env,
            platform: platformId(),
            startedMs: started,
            outputDirs: setuptoolsOutputDirs(fp.request.project).map((d) => external_node_path_default().posix.join(fp.tree.projectDir, d)),
            dpkg,
        })
        : await borrow(deps, keys, fp);
    const completed = await completeReused(observation, miss.previous?.manifest.observed, fp);
    const observed = completed.observed;
    const variant = variantOf(miss.supersedes);
    const cacheKey = keys.wheels(variant);
    const manifest = {
        ...fp.manifest,
        wheels: records,
        build: { seconds: buildSeconds, command: command.keyed },
        createdAt: new Date().toISOString(),
        ...(Object.keys(config.origin).length > 0 ? { origin: config.origin } : {}),
        wheelsKey: cacheKey,
        observed,
    };
    const stale = unreadChanges(observation, miss);
    const unfollowed = unfollowedChanges(fp.request.project.backend.name, observation, miss);
    const save = stale.length > 0 || unfollowed.length > 0
        ? {
            status: "skipped",
            why: { kind: "reused-stale", files: stale, keys: unfollowed },
        }
        : await saveUnlessChanged(deps, config, keys, variant, manifest, paths, [
            ...changedInputs(buildChanges),
            ...(observation?.changedDuringBuild ?? []),
        ]);
    if (save.status === "saved" && deps.cache.kind === "local") {
        await saveAfterBuildState(deps, keys, manifest, after, buildChanges, paths);
    }
    return {
        manifest,
        cacheKey,
        wheels,
        buildSeconds,
        buildChanges,
        save,
        warnings: [...completed.warnings, ...saveWarnings(save)],
        validation: observed?.how ?? "none",
        tracedOn: observed?.tracedOn,
        unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
        traceNote,
        otherWheels,
        rejectedWheels: rejected,
    };
}
/** What the wheels of this build must be: the project's, for the keyed Python and platform. */
function wheelTarget(fp) {
    const platform = platformId();
    return {
        distribution: distributionName(fp.request.project),
        python: fp.python,
        libc: platform.includes("-musl") ? "musl" : platform.includes("-glibc") ? "glibc" : undefined,
    };
}
/**
 * Splits the wheels a build wrote into the project's own and the others (never cached); a build
 * that wrote none of its own fails, naming what it wrote instead.
 */
function sortWheels(produced, target, wheelDir) {
    const ours = [];
    const rejected = [];
    for (const name of produced) {
        const mismatch = wheelMismatch(name, target);
        if (mismatch)
            rejected.push({ name, mismatch });
        else
            ours.push(name);
    }
    if (ours.length === 0) {
        const what = target.distribution ? `of ${target.distribution} ` : "";
        const where = target.python ? `for ${target.python.tag} on ${target.python.platform} ` : "";
        const wrote = capLine(rejected.map((r) => `${r.name} (${mismatchText(r.mismatch)})`));
        throw new UserError(`the build wrote no wheel ${what}${where}to ${wheelDir}, only ${wrote}`);
    }
    return { ours, rejected };
}
/** Values shorter than this are not taken out of a failed build's output (`-O2`, `1`). */
const REDACT_MIN = 6;
/**
 * A failed build's output with the values of the keyed environment variables taken out: the
 * report never shows an environment value, even one the build printed.
 */
function redactKeyed(failed, keys, env) {
    const values = keys
        .filter((k) => k.kind === "env")
        .map((k) => env[k.id.slice("env:".length)])
        .filter((v) => v !== undefined && v.length >= REDACT_MIN);
    return withoutValues(failed, values);
}
/**
 * The variant key of a build: `0` for the first build of a fingerprint; a build that replaces a
 * rejected or damaged one (entries are immutable) gets a name derived from that one's key, the
 * same in every job that replaces it, so that concurrent jobs still save once.
 */
function variantOf(supersedes) {
    return supersedes ? digest_short(digestOf("supersedes", supersedes), VARIANT_LENGTH) : "0";
}
/** A compiled extension module among the files a build reused: that extension was not rebuilt. */
const EXTENSION_BINARY = /\.(?:so|pyd|dll|dylib)$|\.so\.\d/;
/**
 * What changed since the cached build that a setuptools build, reusing an extension it built
 * earlier, does not follow: build_ext skips an extension whose output is newer than its
 * `sources` and `depends`, so a header it does not list (python-zstandard's `zstd/zstd.h`,
 * brotli's `c/include/brotli/encode.h`), setup.py's own arguments, `CFLAGS`, the compiler, the
 * Python or a build requirement leave that extension as it was. A changed input counts as
 * followed only when a compiler read it this run (a header that cffi's generator or setup.py read
 * was not compiled). Cargo, Ninja and CMake track all this themselves. A key added as unset (one
 * a newer wheel-cache infers) changed nothing.
 */
function unfollowedChanges(backend, observation, miss) {
    if (backend !== "setuptools" || !observation)
        return [];
    if (!observation.reused.some((file) => EXTENSION_BINARY.test(file)))
        return [];
    const compiled = new Set(observation.compiled);
    const keys = miss.changed
        .filter((c) => !c.files && !(c.status === "added" && c.after === "unset"))
        .map((c) => c.id);
    const files = miss.changed
        .filter((c) => c.group === "rebuild" || c.id === "pyproject")
        .flatMap((c) => (c.files ? [...c.files.modified, ...c.files.added, ...c.files.removed] : []));
    const observed = miss.observedChanges.filter((c) => c.kind !== "dir").map((c) => c.what);
    return [...new Set([...keys, ...files, ...observed])]
        .filter((what) => !compiled.has(what))
        .sort();
}
/**
 * Files that changed since the cached build but that this build did not read, while it reused an
 * earlier build's output: an incremental build that missed a change (setuptools does not
 * recompile for a changed header), so its wheels may be stale.
 */
function unreadChanges(observation, miss) {
    if (!observation || observation.reused.length === 0)
        return [];
    const changed = [
        ...miss.changed.flatMap((c) => (c.files ? [...c.files.modified, ...c.files.added] : [])),
        ...miss.observedChanges.filter((c) => c.kind === "file").map((c) => c.what),
    ];
    const read = observation.observed.files;
    return [...new Set(changed)].filter((file) => !(file in read)).sort();
}
/**
 * A build that reused an earlier build's output (an incremental build in a tree that kept
 * `build/` or `target/`) did not read all the inputs of that work: its record is completed with
 * what the previous traced build of this slot read, and the user hears how to get a full one.
 */
async function completeReused(observation, earlier, fp) {
    if (!observation || observation.reused.length === 0)
        return { observed: observation?.observed, warnings: [] };
    const dirs = [...new Set(observation.reused.map((f) => f.split("/").slice(0, -1).join("/")))];
    const what = `the build reused ${observation.reused.length} files an earlier build left (in ${dirs.slice(0, 3).join(", ")}${dirs.length > 3 ? ", ..." : ""}), so its trace misses the inputs of that work`;
    if (earlier?.how === "traced") {
        return {
            observed: await completeObserved(observation.observed, earlier, fp.tree),
            warnings: [`${what}; the files the previous traced build read are recorded too`],
        };
    }
    return {
        observed: observation.observed,
        warnings: [`${what}; remove that output (or build in a fresh checkout) for a complete record`],
    };
}
/**
 * A local build that only added files a key covers (a first build writing an untracked
 * Cargo.lock, Cython's generated C) leaves a tree whose fingerprint is another: the same wheels
 * are saved under that one too, so that the next local run hits instead of rebuilding once more.
 * CI checkouts never hold such files, so the GitHub cache is spared the copy.
 */
async function saveAfterBuildState(deps, keys, manifest, after, changes, wheels) {
    if (changes.length === 0 || changedInputs(changes).length > 0)
        return;
    const alias = keys.withFingerprint(after.manifest.fingerprint);
    const variant = variantOf(undefined);
    const aliased = {
        ...manifest,
        keys: after.manifest.keys,
        fingerprint: after.manifest.fingerprint,
        wheelsKey: alias.wheels(variant),
        // The directories the build listed, as they are now that it added its files.
        observed: manifest.observed && relisted(manifest.observed, after.tree),
    };
    await saveEntries(deps, { wheels: alias.wheels(variant), manifest: alias.manifest(variant) }, aliased, wheels);
}
function relisted(observed, tree) {
    const rooted = (rel) => external_node_path_default().posix.normalize(external_node_path_default().posix.join(tree.projectDir, rel));
    const dirs = Object.keys(observed.dirs).map((rel) => [rel, dirDigest(tree, rooted(rel))]);
    return { ...observed, dirs: Object.fromEntries(dirs) };
}
/**
 * Where no tracer runs: the repository paths the newest traced build of this project read (on
 * any platform), digested in this tree. Nothing when no such build is known.
 */
async function borrow(deps, keys, fp) {
    const dir = external_node_path_default().join(deps.stagingDir, "manifest");
    const lookup = await restoreManifest(deps, dir, `${keys.projectManifests}~newest`, [
        keys.projectManifests,
    ]);
    const source = lookup.found?.key.startsWith(keys.projectManifests)
        ? lookup.found.manifest.observed
        : undefined;
    if (!source)
        return undefined;
    return {
        observed: await borrowObserved(source, fp.tree),
        changedDuringBuild: [],
        reused: [],
        compiled: [],
    };
}
async function saveUnlessChanged(deps, config, keys, variant, manifest, wheels, changed) {
    if (!config.save)
        return { status: "skipped", why: config.saveOff ?? { kind: "input", flag: "--no-save" } };
    if (changed.length > 0) {
        return { status: "skipped", why: { kind: "inputs-changed", files: [...new Set(changed)] } };
    }
    const entry = { wheels: keys.wheels(variant), manifest: keys.manifest(variant) };
    return saveEntries(deps, entry, manifest, wheels);
}
/**
 * Covered files that existed before the build and were modified or removed while it ran (an edit
 * during the build, or a build that rewrites its own sources). Files the build only added
 * (generated sources) do not matter: the next fresh checkout will not have them either.
 */
function changedInputs(changes) {
    return changes.flatMap((change) => change.files ? [...change.files.modified, ...change.files.removed] : [change.id]);
}
/** The warning of a save that failed, unless its cause was warned about earlier in the run. */
function saveWarnings(save) {
    return save.status === "failed" && !save.repeated ? [save.warning] : [];
}

;// CONCATENATED MODULE: ./src/pipeline/save-step.ts









/**
 * The save step: another step built the wheels (a builder in a container, cibuildwheel), under
 * the key the restore step gave. The fingerprint is taken again; only when it still yields that
 * key are the wheels in the wheel directory saved with their manifest (otherwise the inputs
 * changed while they were built, and the wheels may not match). No tracer saw that build, so
 * the repository files a traced build of the project read elsewhere are recorded with them.
 */
async function saveBuilt(config, deps, cacheKey) {
    const prepared = await prepare(config, [deps.stagingDir]);
    const { fp, command } = prepared;
    const keys = slotKeys(config, prepared);
    const names = (await wheelFiles(config.wheelDir)).sort();
    if (names.length === 0) {
        throw new UserError(`no wheel to save in ${config.wheelDir}: the build step wrote none there`);
    }
    const paths = names.map((name) => external_node_path_default().join(config.wheelDir, name));
    const records = await Promise.all(paths.map(wheelRecord));
    const borrowed = await borrow(deps, keys, fp);
    const observed = borrowed?.observed;
    const manifest = {
        ...fp.manifest,
        wheels: records,
        createdAt: new Date().toISOString(),
        wheelsKey: cacheKey,
        observed,
    };
    const same = cacheKey.startsWith(keys.wheelsPrefix);
    const variant = cacheKey.slice(keys.wheelsPrefix.length);
    const save = !config.save
        ? {
            status: "skipped",
            why: config.saveOff ?? { kind: "input", flag: "input save: false" },
        }
        : !same
            ? { status: "skipped", why: { kind: "fingerprint-moved", cacheKey } }
            : await saveEntries(deps, { wheels: cacheKey, manifest: keys.manifest(variant) }, manifest, paths);
    const warnings = [...fp.warnings, ...saveWarnings(save)];
    return {
        verdict: "saved",
        leg: legOf(config, prepared),
        cache: deps.cache.kind,
        cacheKey,
        manifest,
        changed: [],
        wheels: records.map((r, i) => ({ ...r, path: paths[i] })),
        wheelDir: config.wheelDir,
        buildCommand: command,
        save,
        warnings,
        keysFrom: fp.keysFrom,
        backend: fp.request.project.backend.name,
        buildChanges: [],
        observedChanges: [],
        // Another step's builder (cibuildwheel) may write wheels for many Pythons and platforms.
        otherWheels: [],
        rejectedWheels: [],
        validation: observed?.how ?? "none",
        tracedOn: observed?.tracedOn,
        unkeyed: observed ? unkeyedFiles(observed, fp.manifest.keys) : [],
    };
}
async function wheelFiles(dir) {
    try {
        return (await (0,promises_namespaceObject.readdir)(dir)).filter((name) => name.endsWith(".whl"));
    }
    catch (error) {
        if (error.code === "ENOENT")
            return [];
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/index.ts














/**
/**
 * The whole loop: fingerprint (unless `fingerprinted` is the project's, taken by the caller),
 * then find this fingerprint's newest build and validate what it read against the tree and
 * machine now, restore and verify its wheels (a hit ends there), look up the previous build (a
 * lookup-only run ends there), build and save. A build that fails is a result too (verdict
 * `failed`), with what changed and how the build ended; any other problem the user can fix
 * throws a UserError.
 */
async function runPipeline(config, deps, fingerprinted) {
    const started = new Date();
    const facts = await pipeline_run(config, deps, fingerprinted);
    return {
        ...facts,
        startedAt: started.toISOString(),
        seconds: (Date.now() - started.getTime()) / 1000,
    };
}
async function pipeline_run(config, given, fingerprinted) {
    const deps = { ...given, cache: withBreaker(given.cache) };
    if (config.step.kind === "save")
        return saveBuilt(config, deps, config.step.cacheKey);
    const prepared = fingerprinted ?? (await prepare(config, [deps.stagingDir]));
    const { fp, command } = prepared;
    const keys = slotKeys(config, prepared);
    const base = {
        leg: legOf(config, prepared),
        cache: deps.cache.kind,
        wheelDir: config.wheelDir,
        buildCommand: command,
        keysFrom: fp.keysFrom,
        backend: fp.request.project.backend.name,
        manifest: fp.manifest,
        restoreOff: config.restoreOff,
    };
    deps.progress({
        kind: "fingerprint",
        fingerprint: fp.manifest.fingerprint,
        cacheKey: keys.wheelsPrefix,
        cache: deps.cache.kind,
        restoreOff: config.restoreOff,
    });
    // A run that must build from its sources looks nothing up for this fingerprint: its build is a
    // miss by construction (the previous build is still looked up, to say what changed).
    const restored = config.restoreOff
        ? { kind: "miss", observedChanges: [], warnings: [] }
        : await restoreAndValidate(deps, keys, prepared, config);
    if (restored.kind === "hit") {
        const uvGap = await declaredGap(fp, restored.manifest.observed);
        return { ...hitResult(base, restored, fp.warnings), uvGap };
    }
    const warnings = [...fp.warnings, ...restored.warnings];
    const lookup = restored.rejected
        ? { previous: restored.rejected, changed: [], warnings: [] }
        : await lookUpPrevious(deps, keys, fp.manifest);
    warnings.push(...lookup.warnings);
    const missed = {
        ...base,
        previous: lookup.previous,
        changed: lookup.changed,
        verifyProblem: restored.problem,
        observedChanges: restored.observedChanges,
        buildChanges: [],
    };
    if (config.lookupOnly || config.step.kind === "restore") {
        const save = { status: "skipped", why: { kind: "not-built" } };
        const validation = restored.rejected?.manifest.observed;
        return {
            ...missed,
            verdict: config.lookupOnly ? "lookup-miss" : "miss",
            // The key the save step saves under: the same in every job that builds these inputs.
            cacheKey: config.lookupOnly ? keys.wheelsPrefix : keys.wheels(variantOf(restored.supersedes)),
            wheels: [],
            save,
            warnings,
            validation: validation?.how ?? "none",
            tracedOn: validation?.tracedOn,
            unkeyed: [],
            uvGap: await declaredGap(fp, (restored.rejected ?? lookup.previous)?.manifest.observed),
            otherWheels: [],
            rejectedWheels: [],
        };
    }
    const built = await buildWheels(deps, config, prepared, keys, {
        ...missed,
        supersedes: restored.supersedes,
    });
    if ("failure" in built) {
        return {
            ...missed,
            ...built,
            verdict: "failed",
            cacheKey: keys.wheelsPrefix,
            wheels: [],
            save: { status: "skipped", why: { kind: "build-failed" } },
            warnings,
            validation: "none",
            unkeyed: [],
            otherWheels: [],
            rejectedWheels: [],
        };
    }
    warnings.push(...built.warnings);
    const uvGap = await declaredGap(fp, built.manifest.observed);
    return { ...missed, ...built, verdict: "built", warnings, uvGap };
}
/**
 * Finds the newest build of this exact fingerprint by its small manifest entry, validates what
 * that build read against the tree and the machine now (no download of wheels needed), then
 * restores its wheels and verifies each against its recorded sha256. A lookup-only run stops
 * after the validation.
 */
async function restoreAndValidate(deps, keys, { fp }, config) {
    const manifestDir = external_node_path_default().join(deps.stagingDir, "manifest");
    const lookup = await restoreManifest(deps, manifestDir, `${keys.fingerprintManifests}~newest`, [
        keys.fingerprintManifests,
    ]);
    const warnings = lookup.warning ? [lookup.warning] : [];
    if (lookup.damaged?.startsWith(keys.fingerprintManifests)) {
        const problem = "the cached entry has no readable manifest";
        warnings.push(...(await discardDamaged(deps.cache, [lookup.damaged], problem)));
        return { kind: "miss", problem, observedChanges: [], warnings, supersedes: lookup.damaged };
    }
    const found = lookup.found;
    if (!found || !isBuildOf(found, keys.fingerprintManifests, fp.manifest.fingerprint)) {
        return { kind: "miss", observedChanges: [], warnings };
    }
    const cached = found.manifest;
    const observedChanges = cached.observed
        ? await validateObserved(cached.observed, {
            tree: fp.tree,
            keys: fp.manifest.keys,
            env: config.env,
            platform: platformId(),
        })
        : [];
    if (observedChanges.length > 0) {
        return { kind: "miss", rejected: found, observedChanges, warnings, supersedes: found.key };
    }
    const cacheKey = cached.wheelsKey ?? keys.wheelsPrefix;
    const unkeyed = cached.observed ? unkeyedFiles(cached.observed, fp.manifest.keys) : [];
    if (config.lookupOnly) {
        return {
            kind: "hit",
            verdict: "lookup-hit",
            manifest: cached,
            cacheKey,
            previous: found,
            wheels: [],
            otherWheels: [],
            warnings,
            unkeyed,
        };
    }
    const wheels = await restoreWheels(deps, cacheKey, cached, config.wheelDir);
    if ("problem" in wheels) {
        const { problem, damaged } = wheels;
        warnings.push(...(damaged ? await discardDamaged(deps.cache, [cacheKey, found.key], problem) : [problem]));
        return {
            kind: "miss",
            problem: damaged ? problem : undefined,
            observedChanges: [],
            warnings,
            // A new variant either way: its wheels and manifest must be saved as a pair.
            supersedes: found.key,
        };
    }
    return {
        kind: "hit",
        verdict: "hit",
        manifest: cached,
        cacheKey,
        wheels: wheels.wheels,
        otherWheels: wheels.others,
        warnings,
        unkeyed,
    };
}
/**
 * A manifest found by prefix belongs to this fingerprint only if its key has the prefix exactly
 * (some cache servers match prefixes ignoring case) and it records this fingerprint.
 */
function isBuildOf(found, prefix, fingerprint) {
    return found.key.startsWith(prefix) && found.manifest.fingerprint === fingerprint;
}
/**
 * Restores a wheels entry and verifies every wheel against the manifest's sha256; copies them to
 * the wheel directory, and names the wheels that were there already. Otherwise the problem, and
 * whether the entry itself is damaged.
 */
async function restoreWheels(deps, key, manifest, wheelDir) {
    const entryDir = external_node_path_default().join(deps.stagingDir, "entry");
    await resetDir(entryDir);
    const restored = await deps.cache.restore({ dir: entryDir, key });
    if (restored.status === "unavailable")
        return { problem: restored.warning, damaged: false };
    if (restored.status !== "hit" || restored.matchedKey !== key) {
        const problem = `the wheels entry ${key} is gone (evicted) though its manifest is there`;
        return { problem, damaged: false };
    }
    const problem = await verifyEntry(entryDir, manifest);
    if (problem)
        return { problem, damaged: true };
    const there = await snapshotWheels(wheelDir);
    const paths = await installWheels(entryDir, manifest, wheelDir);
    const names = new Set((manifest.wheels ?? []).map((w) => w.name));
    return {
        wheels: (manifest.wheels ?? []).map((w, i) => ({ ...w, path: paths[i] })),
        others: [...there.keys()].filter((name) => !names.has(name)).sort(),
    };
}
function hitResult(base, restored, fingerprintWarnings) {
    const { kind: _kind, warnings, ...facts } = restored;
    const observed = restored.manifest.observed;
    return {
        ...base,
        ...facts,
        changed: [],
        buildSeconds: restored.manifest.build?.seconds,
        save: {
            status: "skipped",
            why: { kind: restored.verdict === "hit" ? "restored" : "not-built" },
        },
        warnings: [...fingerprintWarnings, ...warnings],
        buildChanges: [],
        observedChanges: [],
        validation: observed?.how ?? "none",
        tracedOn: observed?.tracedOn,
        rejectedWheels: [],
    };
}
/** The newest previous manifest of this slot, and the keys that changed since. */
async function lookUpPrevious(deps, keys, current) {
    const manifestDir = external_node_path_default().join(deps.stagingDir, "manifest");
    const lookup = await restoreManifest(deps, manifestDir, `${keys.slotManifests}~newest`, [
        keys.slotManifests,
    ]);
    const warnings = lookup.warning ? [lookup.warning] : [];
    // A server that matches prefixes ignoring case can answer with another slot's manifest.
    const previous = lookup.found?.key.startsWith(keys.slotManifests) ? lookup.found : undefined;
    const changed = previous ? diffManifests(previous.manifest, current) : [];
    return { previous, changed, warnings };
}
/** Removes a damaged entry's keys where the backend can, so this run's save replaces them. */
async function discardDamaged(cache, keys, problem) {
    const warnings = [`${problem}: rebuilding`];
    if (!cache.discard)
        return warnings;
    for (const key of keys) {
        try {
            await cache.discard(key);
        }
        catch (error) {
            warnings.push(`the damaged cache entry ${key} could not be removed: ${errorMessage(error)}`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/shared/toml-edit.ts




/**
 * Sets one key of a TOML document by editing its text, so that every other byte stays as it was
 * (comments, order, formatting): the value of an existing key is replaced in place; a new key goes
 * after the last key of its table, or into a new table at the end. The result is parsed again and
 * must hold the same data but for that key; `display` names the file in the error when it does not.
 */
function setTomlValue(text, table, key, value, display) {
    const newline = text.includes("\r\n") ? "\r\n" : "\n";
    const valueText = value.replaceAll(/\r?\n/g, newline);
    let edited;
    try {
        edited = splice(text, toml_edit_scan(text), table, key, valueText, newline);
    }
    catch (error) {
        if (error instanceof ScanError) {
            throw new UserError(`${display}: cannot edit it safely (${error.message}); set the value by hand`);
        }
        throw error;
    }
    const path = [...table, key];
    if (!sameData(text, edited, path, parse(`v = ${valueText}`).v)) {
        throw new UserError(`${display}: cannot edit it safely; set the value by hand`);
    }
    return edited;
}
class ScanError extends Error {
}
function splice(text, doc, table, key, value, newline) {
    const path = [...table, key];
    const existing = doc.values.find((kv) => same(kv.path, path));
    if (existing)
        return text.slice(0, existing.valueStart) + value + text.slice(existing.valueEnd);
    const header = doc.headers.find((h) => !h.array && same(h.path, table));
    if (header) {
        const inTable = doc.values.filter((kv) => same(kv.table, table));
        return insertAt(text, inTable.at(-1)?.lineEnd ?? header.lineEnd, `${key} = ${value}`, newline);
    }
    // The table exists through dotted keys of an enclosing table (`[tool]` with `uv.package = ...`).
    const isPrefix = (a, b) => a.length <= b.length && same(a, b.slice(0, a.length));
    const last = doc.values.findLast((kv) => kv.table.length < table.length && isPrefix(kv.table, table) && isPrefix(table, kv.path));
    if (last && last.path.length > table.length) {
        const prefix = [...table.slice(last.table.length), key].map(bareKey).join(".");
        return insertAt(text, last.lineEnd, `${prefix} = ${value}`, newline);
    }
    if (doc.values.some((kv) => isPrefix(kv.path, table))) {
        throw new ScanError(`[${table.join(".")}] is an inline table`);
    }
    const ending = text === "" || text.endsWith("\n") ? "" : newline;
    const gap = text.trim() === "" ? "" : newline;
    return `${text}${ending}${gap}[${table.map(bareKey).join(".")}]${newline}${key} = ${value}${newline}`;
}
function insertAt(text, at, line, newline) {
    const before = text.slice(0, at);
    const lead = at > 0 && !before.endsWith("\n") ? newline : "";
    return `${before}${lead}${line}${newline}${text.slice(at)}`;
}
function bareKey(key) {
    return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
function same(a, b) {
    return a.length === b.length && a.every((part, i) => part === b[i]);
}
function valueAt(data, path) {
    let value = data;
    for (const part of path)
        value = isTable(value) ? value[part] : undefined;
    return value;
}
/**
 * Whether the edited text parses, holds `expected` at `path`, and the same data as the original
 * everywhere else (once `path`, and tables left empty by removing it, are taken out of both).
 */
function sameData(text, edited, path, expected) {
    let after;
    try {
        after = parse(edited);
    }
    catch {
        // The edit broke the document: the caller refuses it.
        return false;
    }
    const before = parse(text);
    const equal = (a, b) => (0,external_node_util_namespaceObject.isDeepStrictEqual)(plain(a), plain(b));
    return (equal(valueAt(after, path), expected) && equal(without(before, path), without(after, path)));
}
/** Tables as plain objects with sorted keys (the parser's own have no prototype). */
function plain(value) {
    if (Array.isArray(value))
        return value.map(plain);
    if (!isTable(value) || value instanceof Date)
        return value;
    return Object.fromEntries(Object.keys(value)
        .sort()
        .map((k) => [k, plain(value[k])]));
}
function without(data, path) {
    const [head, ...rest] = path;
    if (head === undefined || !(head in data))
        return data;
    const copy = { ...data };
    const value = copy[head];
    if (rest.length === 0)
        delete copy[head];
    else if (isTable(value)) {
        const inner = without(value, rest);
        if (Object.keys(inner).length === 0)
            delete copy[head];
        else
            copy[head] = inner;
    }
    return copy;
}
/** Scans TOML text for its table headers and key/value statements (values are skipped over). */
function toml_edit_scan(text) {
    const headers = [];
    const values = [];
    let table = [];
    let i = 0;
    const fail = (what) => {
        const line = text.slice(0, i).split("\n").length;
        throw new ScanError(`unexpected ${what} on line ${line}`);
    };
    const at = (s) => text.startsWith(s, i);
    const skipSpaces = () => {
        while (text[i] === " " || text[i] === "\t")
            i++;
    };
    /** Spaces, newlines and comments, as inside arrays and inline tables. */
    const skipBlank = () => {
        for (;;) {
            skipSpaces();
            if (text[i] === "#")
                while (i < text.length && text[i] !== "\n")
                    i++;
            else if (text[i] === "\n" || at("\r\n"))
                i += text[i] === "\n" ? 1 : 2;
            else
                return;
        }
    };
    /** The rest of a line after a statement: spaces and a comment. */
    const endOfLine = () => {
        skipSpaces();
        if (text[i] === "#")
            while (i < text.length && text[i] !== "\n")
                i++;
        if (at("\r\n"))
            i += 2;
        else if (text[i] === "\n")
            i++;
        else if (i < text.length)
            fail("text after a value");
        return i;
    };
    const quoted = (quote) => {
        const start = ++i;
        let out = "";
        while (text[i] !== quote) {
            if (i >= text.length || text[i] === "\n")
                fail("end of a string");
            if (quote === '"' && text[i] === "\\") {
                out += decodeEscape(text.slice(i, i + 10));
                i += escapeLength(text.slice(i, i + 10));
            }
            else
                out += text[i++];
        }
        i++;
        return quote === "'" ? text.slice(start, i - 1) : out;
    };
    const key = () => {
        const parts = [];
        for (;;) {
            skipSpaces();
            if (text[i] === '"' || text[i] === "'")
                parts.push(quoted(text[i]));
            else {
                const bare = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 200))?.[0];
                if (!bare)
                    return fail("character in a key");
                parts.push(bare);
                i += bare.length;
            }
            skipSpaces();
            if (text[i] !== ".")
                return parts;
            i++;
        }
    };
    const multiline = (quote) => {
        i += 3;
        for (;;) {
            if (i >= text.length)
                fail("end of a multi-line string");
            if (quote === '"' && text[i] === "\\")
                i += 2;
            else if (at(quote.repeat(3))) {
                let run = 0;
                while (text[i + run] === quote && run < 5)
                    run++;
                i += run;
                return;
            }
            else
                i++;
        }
    };
    const value = () => {
        if (at('"""') || at("'''")) {
            multiline(text[i]);
            return;
        }
        if (text[i] === '"' || text[i] === "'") {
            quoted(text[i]);
            return;
        }
        if (text[i] === "[") {
            i++;
            for (skipBlank(); text[i] !== "]"; skipBlank()) {
                value();
                skipBlank();
                if (text[i] === ",")
                    i++;
                else if (text[i] !== "]")
                    fail("character in an array");
            }
            i++;
            return;
        }
        if (text[i] === "{") {
            i++;
            for (skipBlank(); text[i] !== "}"; skipBlank()) {
                key();
                if (text[i] !== "=")
                    fail("character in an inline table");
                i++;
                skipBlank();
                value();
                skipBlank();
                if (text[i] === ",")
                    i++;
                else if (text[i] !== "}")
                    fail("character in an inline table");
            }
            i++;
            return;
        }
        const scalar = SCALAR.exec(text.slice(i, i + 200))?.[0] ?? fail("value");
        i += scalar.length;
    };
    while (i < text.length) {
        skipBlank();
        if (i >= text.length)
            break;
        if (text[i] === "[") {
            const array = at("[[");
            i += array ? 2 : 1;
            const path = key();
            if (!at(array ? "]]" : "]"))
                fail("character in a table header");
            i += array ? 2 : 1;
            table = path;
            headers.push({ path, array, lineEnd: endOfLine() });
            continue;
        }
        const path = [...table, ...key()];
        if (text[i] !== "=")
            fail("character after a key");
        i++;
        skipSpaces();
        const valueStart = i;
        value();
        const valueEnd = i;
        values.push({ path, table, valueStart, valueEnd, lineEnd: endOfLine() });
    }
    return { headers, values };
}
/** A date-time with a space (`1979-05-27 07:32:00`), or any other bare value up to a delimiter. */
const SCALAR = /^(?:\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?|[^\s,\]}#]+)/;
const toml_edit_ESCAPES = {
    b: "\b",
    t: "\t",
    n: "\n",
    f: "\f",
    r: "\r",
    e: "\x1b",
    '"': '"',
    "\\": "\\",
};
function escapeLength(s) {
    if (s[1] === "u")
        return 6;
    if (s[1] === "U")
        return 10;
    if (s[1] === "x")
        return 4;
    return 2;
}
function decodeEscape(s) {
    const c = s[1] ?? "";
    if (c in toml_edit_ESCAPES)
        return toml_edit_ESCAPES[c];
    const hex = { u: 4, U: 8, x: 2 }[c];
    const code = hex ? Number.parseInt(s.slice(2, 2 + hex), 16) : Number.NaN;
    if (Number.isNaN(code))
        throw new ScanError("invalid escape in a string");
    return String.fromCodePoint(code);
}

;// CONCATENATED MODULE: ./src/commands/uv-list.ts




/** Every entry of a list, in order. */
function listEntries(list) {
    return [...list.files, ...list.absent, ...list.others];
}
/** Headers that usually come with a source suffix: a new one is covered before it is written. */
const COMPANIONS = {
    c: ["h"],
    cc: ["h", "hh", "hpp"],
    cpp: ["h", "hpp"],
    cxx: ["h", "hpp", "hxx"],
    cu: ["cuh"],
    pyx: ["pxd"],
};
/** Files whose directory builds on its own (a crate, a Python project): output may land there. */
const PROJECT_FILES = new Set(["Cargo.toml", "pyproject.toml", "setup.py"]);
const NO_PRUNING = {
    isPruned: () => false,
    isExcluded: () => false,
    mayPrune: () => false,
    gitPatterns: [],
};
/**
 * The list that makes uv look at every input and at nothing the build writes: inputs directly
 * in the project directory (or an ancestor) by name, and each other directory's inputs by one
 * recursive glob of their suffixes (`src/**\/*.{c,h}`), anchored so that uv's clustering cannot
 * change its meaning. A directory whose glob would also match a file that is no input (ignored
 * or build output on disk, a Python file the wheel ships) or that may hold a build's output (a
 * crate or a Python project of its own) is split into its subdirectories. No glob walks the
 * project directory itself, where `.venv`, `target/` and `build/` are.
 */
async function makeUvList(inputs, tree) {
    const required = [...inputs.files.keys()];
    const listed = new Set(tree.files);
    const rooted = (rel) => {
        const joined = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(tree.projectDir, rel));
        return joined === "." ? "" : joined;
    };
    const homes = new Set([...tree.files.map((f) => uv_list_toProject(tree, f)), ...required]
        .filter((f) => PROJECT_FILES.has(external_node_path_namespaceObject.posix.basename(f)))
        .map((f) => external_node_path_namespaceObject.posix.dirname(f))
        .filter((dir) => dir !== "."));
    const avoidCache = new Map();
    /** Files under a base (root-relative) that no glob may match. */
    const avoidUnder = (base) => {
        let found = avoidCache.get(base);
        if (!found) {
            found = walkFiles(tree.root, NO_PRUNING, true, rooted(base)).then((all) => [
                ...all.filter((f) => !listed.has(f)),
                ...[...inputs.avoid].map(rooted).filter((f) => f.startsWith(`${rooted(base)}/`)),
            ]);
            avoidCache.set(base, found);
        }
        return found;
    };
    const cover = async (base, files) => {
        const canGlob = !base.split("/").some((part) => isGlobLike(part) || part.startsWith("!")) &&
            ![...homes].some((home) => home === base || home.startsWith(`${base}/`));
        const suffixed = files.filter((f) => suffixOf(f) !== undefined);
        if (canGlob && suffixed.length > 0) {
            const glob = globFor(base, suffixed);
            const coverage = uvCoverage([uv_list_file(glob)], tree.projectDir, "uv-keys");
            if (!(await avoidUnder(base)).some((f) => coverage.covers(f))) {
                return [uv_list_file(glob), ...files.filter((f) => suffixOf(f) === undefined).map(literal)];
            }
        }
        const direct = files.filter((f) => external_node_path_namespaceObject.posix.dirname(f) === base);
        const below = groupBy(files.filter((f) => external_node_path_namespaceObject.posix.dirname(f) !== base), (f) => `${base}/${f.slice(base.length + 1).split("/")[0]}`);
        const nested = await Promise.all([...below].map(([dir, sub]) => cover(dir, sub)));
        return [...direct.map(literal), ...nested.flat()];
    };
    const top = groupBy(required, topDir);
    const named = [...(top.get("") ?? [])].sort(compareBases).map(literal);
    const dirs = [...top].filter(([dir]) => dir !== "").sort(([a], [b]) => compareBases(a, b));
    const globbed = (await Promise.all(dirs.map(([dir, files]) => cover(dir, files)))).flat();
    const pyproject = named.filter((e) => e.kind === "file" && e.pattern === "pyproject.toml");
    const files = [...pyproject, ...named.filter((e) => !pyproject.includes(e)), ...globbed];
    // Whatever the globs left out (they never should), by name.
    const coverage = uvCoverage(files, tree.projectDir, "uv-keys");
    const missed = required.filter((f) => !coverage.covers(rooted(f))).map(literal);
    const others = [
        ...inputs.dirs.map((dir) => ({ kind: "dir", path: dir })),
        ...(inputs.git.commit || inputs.git.tags ? [{ kind: "git", ...inputs.git }] : []),
        ...inputs.env.map((name) => ({ kind: "env", name })),
    ];
    return { files: [...files, ...missed], absent: inputs.absent.map(literal), others };
}
function uv_list_file(pattern) {
    return { kind: "file", pattern };
}
/** A path as a `file` entry: literal, or a glob with its glob characters escaped. */
function literal(path) {
    if (!isGlob(path))
        return uv_list_file(path);
    const escaped = path.replaceAll(/[\\*?[\]{}]/g, "\\$&");
    return uv_list_file(escaped.startsWith("!") ? `\\${escaped}` : escaped);
}
/** `src/**\/*.c`, or `src/**\/*.{c,h}` for several suffixes (sources' usual headers added). */
function globFor(base, files) {
    const suffixes = new Set();
    for (const f of files) {
        const suffix = suffixOf(f);
        suffixes.add(suffix);
        for (const companion of COMPANIONS[suffix] ?? [])
            suffixes.add(companion);
    }
    const sorted = [...suffixes].sort();
    return `${base}/**/*.${sorted.length === 1 ? sorted[0] : `{${sorted.join(",")}}`}`;
}
/** A file name's suffix when it has a plain one (`c`, `rs`, `tar.gz` gives `gz`). */
function suffixOf(path) {
    return /^[^.].*\.([A-Za-z0-9_+~-]+)$/.exec(external_node_path_namespaceObject.posix.basename(path))?.[1];
}
/**
 * The directory a file is grouped under: its first directory below the project (`src`), or below
 * the ancestor a `../` path climbs to (`../common`); "" for a file directly in either.
 */
function topDir(path) {
    const parts = path.split("/");
    let up = 0;
    while (parts[up] === "..")
        up++;
    return parts.length - up > 1 ? parts.slice(0, up + 1).join("/") : "";
}
/** The project's own paths first, then those of its ancestors. */
function compareBases(a, b) {
    const upA = a.startsWith("../") ? 1 : 0;
    const upB = b.startsWith("../") ? 1 : 0;
    if (upA !== upB)
        return upA - upB;
    return a < b ? -1 : a > b ? 1 : 0;
}
function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        groups.set(k, [...(groups.get(k) ?? []), item]);
    }
    return groups;
}
function uv_list_toProject(tree, file) {
    return tree.projectDir === "" ? file : external_node_path_namespaceObject.posix.relative(tree.projectDir, file);
}

;// CONCATENATED MODULE: ./src/commands/list-text.ts


const INDENT = "    ";
/** Width of a line of `{ env = ... }` entries, indentation included. */
const WIDTH = 88;
/** One entry as TOML, in its shortest form: `"src/**\/*.rs"`, `{ env = "CC" }`. */
function entryText(entry) {
    switch (entry.kind) {
        case "file":
            return tomlString(entry.pattern);
        case "dir":
            return `{ dir = ${tomlString(entry.path)} }`;
        case "git": {
            const flags = [entry.commit && "commit = true", entry.tags && "tags = true"].filter(Boolean);
            return `{ git = { ${flags.join(", ")} } }`;
        }
        case "env":
            return `{ env = ${tomlString(entry.name)} }`;
        default:
            return assertNever(entry);
    }
}
/**
 * The list as a multi-line TOML array: one file entry a line, the absent paths after a comment
 * that says why they are there, and the `env` entries several to a line.
 */
function listText(list) {
    const lines = list.files.map(entryText);
    if (list.absent.length > 0) {
        lines.push("# absent now: creating one changes the build", ...list.absent.map(entryText));
    }
    lines.push(...list.others.filter((e) => e.kind !== "env").map(entryText));
    let line = [];
    for (const item of list.others.filter((e) => e.kind === "env").map(entryText)) {
        if (line.length > 0 && INDENT.length + [...line, item].join(", ").length + 1 > WIDTH) {
            lines.push(line.join(", "));
            line = [];
        }
        line.push(item);
    }
    if (line.length > 0)
        lines.push(line.join(", "));
    const body = lines.map((l) => `${INDENT}${l}${l.startsWith("#") ? "" : ","}`);
    return `[\n${body.join("\n")}\n]`;
}
/** The entries' TOML texts, for comparing two lists as uv reads them (order aside). */
function entryTexts(entries) {
    return [...new Set(entries.map(entryText))];
}
/** Whether two lists hold the same entries (uv's key does not depend on their order). */
function sameEntries(a, b) {
    const left = new Set(entryTexts(a));
    const right = new Set(entryTexts(listEntries(b)));
    return left.size === right.size && [...left].every((t) => right.has(t));
}
/**
 * A TOML string: a literal string (no escapes) when the text has backslashes (escaped globs) and
 * no quote or control character, else a basic string.
 */
function tomlString(text) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need escapes.
    const control = /[\u0000-\u001f\u007f]/;
    if (text.includes("\\") && !text.includes("'") && !control.test(text))
        return `'${text}'`;
    let out = '"';
    for (const ch of text) {
        const code = ch.codePointAt(0);
        if (ch === '"' || ch === "\\")
            out += `\\${ch}`;
        else if (code < 0x20 || code === 0x7f)
            out += `\\u${code.toString(16).padStart(4, "0")}`;
        else
            out += ch;
    }
    return `${out}"`;
}

;// CONCATENATED MODULE: ./src/commands/uv-keys.ts













const NO_OPTIONS = { write: false, force: false, trace: false };
/**
 * `wheel-cache uv-keys`: the `[tool.uv] cache-keys` that make uv rebuild when wheel-cache would,
 * from the project's inputs and what the newest traced build of it read (the local cache's, or
 * one it runs first with `--trace`); printed, or written into pyproject.toml with `--write`.
 */
async function uvKeys(config, deps) {
    const options = config.uvKeys ?? NO_OPTIONS;
    const notes = [];
    const { fp, observed } = options.trace
        ? await tracedBuild(config, deps, notes)
        : await describeKeys(config, deps, { requirements: false });
    const inputs = await uvInputs(fp, observed, true);
    const list = await makeUvList(inputs, fp.tree);
    const project = fp.request.project;
    const display = project.shown("pyproject.toml");
    notes.push(sourceNote(project.backend.name, inputs, observed));
    const existing = fp.keysFrom === "pyproject"
        ? fp.specs.filter((s) => s.source === "pyproject").map((s) => s.entry)
        : undefined;
    const same = existing !== undefined && sameEntries(existing, list);
    const value = listText(list);
    const output = (status, out, code = 0) => ({
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
        throw new UserError(`${project.display} has no pyproject.toml, the only file uv reads cache-keys from: create one with the [tool.uv] table uv-keys prints`);
    }
    if (same)
        return output("unchanged", `${display}: [tool.uv] cache-keys are up to date\n`);
    const diff = existing ? diffLines(existing, list) : [];
    if (existing && !options.force) {
        notes.push(`${display} already sets [tool.uv] cache-keys, which differ from what the build needs: run uv-keys --write --force to replace them`);
        const head = `${display}: [tool.uv] cache-keys now (-) and what uv-keys writes (+):`;
        return output("differs", `${[head, ...diff].join("\n")}\n`, 1);
    }
    const text = (await project.read("pyproject.toml")) ?? "";
    const edited = setTomlValue(text, ["tool", "uv"], "cache-keys", value, display);
    await (0,promises_namespaceObject.writeFile)(external_node_path_default().join(project.dir, "pyproject.toml"), edited);
    const count = entries(listEntries(list).length);
    const head = `${existing ? "replaced" : "wrote"} [tool.uv] cache-keys in ${display} (${count})`;
    return output("written", `${[head, ...diff].join("\n")}\n`);
}
/** Builds the project under the tracer (a hit is a build of the same inputs, traced before). */
async function tracedBuild(config, deps, notes) {
    const prepared = await prepare(config, [deps.stagingDir]);
    const result = await runPipeline(config, deps, prepared);
    notes.push(reasonOf(result));
    const observed = result.manifest.observed;
    if (!observed) {
        const why = result.verdict === "built"
            ? `the build ran untraced (${result.traceNote ?? "no tracer"})`
            : "the cached build of these inputs was not traced";
        throw new UserError(`--trace: ${why}, so what the build reads is not known; on Linux, install strace`);
    }
    return { fp: prepared.fp, observed };
}
function sourceNote(backend, inputs, observed) {
    const from = `from wheel-cache's rebuild and metadata inputs for ${backend}`;
    const reads = [...inputs.files.values()].filter((r) => r === "read").length;
    const traced = observed
        ? ` and what the build traced on ${observed.tracedOn} read (${format_plural(reads, "file")} no rule names)`
        : "; no traced build of this project is known, so what the build reads beyond the rules is not in it (--trace builds it under the tracer first)";
    const shipped = inputs.avoid.size > 0
        ? "; the Python files the wheel ships are left out (an editable install imports them from the tree)"
        : "";
    return `${from}${traced}${shipped}`;
}
/** `- "src/*.c"` for entries the new list drops, `+ ...` for those it adds. */
function diffLines(existing, list) {
    const before = entryTexts(existing);
    const after = entryTexts(listEntries(list));
    const kept = before.filter((t) => after.includes(t)).length;
    return [
        ...before.filter((t) => !after.includes(t)).map((t) => `  - ${escapeLine(t)}`),
        ...after.filter((t) => !before.includes(t)).map((t) => `  + ${escapeLine(t)}`),
        ...(kept > 0 ? [`    (${entries(kept)} kept)`] : []),
    ];
}
function entries(count) {
    return `${count} ${count === 1 ? "entry" : "entries"}`;
}
/** `uv-keys --json`: the entries as uv's TOML reads them, the inputs and what became of the file. */
function uvKeysJson(list, inputs, pyproject) {
    return {
        cacheKeys: listEntries(list).map(entryJson),
        toml: `cache-keys = ${listText(list)}`,
        inputs: Object.fromEntries(inputs.files),
        tracedOn: inputs.tracedOn ?? null,
        pyproject,
    };
}
function entryJson(entry) {
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

;// CONCATENATED MODULE: ./src/config/cli-commands.ts
/**
 * The CLI's commands and flags, and the help made from them: one table, so that the parser, each
 * command's `--help` and the general usage never disagree.
 */
const FLAGS = {
    project: { type: "string", value: "DIR", help: "the project directory (default: .)" },
    "cache-dir": {
        type: "string",
        value: "DIR",
        help: "the local cache directory (default: $WHEEL_CACHE_DIR, else the user cache directory)",
    },
    "build-command": {
        type: "string",
        value: "CMD",
        help: "the build command, split like a shell would, run without a shell",
    },
    "wheel-dir": {
        type: "string",
        value: "DIR",
        help: "where the wheels go, relative to the project (default: dist)",
    },
    python: {
        type: "string",
        value: "PATH",
        help: "the interpreter that builds (default: python3 on PATH, python on Windows)",
    },
    "cache-key": {
        type: "string",
        value: "ENTRY",
        multiple: true,
        help: "an extra uv-style key: a path, a glob or a TOML table (repeatable)",
    },
    "env-var": {
        type: "string",
        value: "NAME",
        multiple: true,
        help: "an extra environment variable, NAME or a prefix NAME_* (repeatable)",
    },
    "key-suffix": { type: "string", value: "TEXT", help: "appended to the cache key" },
    "include-ignored": { type: "boolean", help: "fingerprint files that .gitignore ignores too" },
    "no-save": { type: "boolean", help: "never save to the cache" },
    "no-trace": {
        type: "boolean",
        help: "do not trace the build (Linux), so later hits are not validated against it",
    },
    "build-timeout": {
        type: "string",
        value: "SECS",
        help: "end the build (its whole process group) and fail after this many seconds",
    },
    write: {
        type: "boolean",
        help: "write the list into pyproject.toml (--force replaces a different one)",
    },
    force: { type: "boolean", help: "with --write: replace the project's own list" },
    trace: {
        type: "boolean",
        help: "build under the tracer first, to include every file the build reads",
    },
    "max-cache-size": {
        type: "string",
        value: "SIZE",
        help: "after a save, prune the local cache to SIZE, least recently used first (default: $WHEEL_CACHE_MAX_SIZE, else no limit)",
    },
    "exit-code": { type: "boolean", help: "exit with status 1 when the next build would rebuild" },
    "result-file": {
        type: "string",
        value: "FILE",
        help: "also write the result as JSON to FILE, for wheel-cache report",
    },
    "max-size": {
        type: "string",
        value: "SIZE",
        help: "remove the least recently used builds until the cache holds at most SIZE (500M, 2G)",
    },
    "max-age": {
        type: "string",
        value: "DAYS",
        help: "remove the builds no run has used for more than DAYS days",
    },
    json: { type: "boolean", help: "print one JSON object on stdout" },
    help: { type: "boolean", help: "show this help" },
    version: { type: "boolean", help: "print wheel-cache's version" },
};
const PROJECT_FLAGS = [
    "project",
    "cache-dir",
    "build-command",
    "wheel-dir",
    "python",
    "cache-key",
    "env-var",
    "key-suffix",
    "include-ignored",
];
const COMMANDS = [
    {
        name: "build",
        synopsis: "[options]",
        summary: "restore the project's wheels from the cache, or build and save them",
        flags: [
            ...PROJECT_FLAGS,
            "no-save",
            "no-trace",
            "build-timeout",
            "max-cache-size",
            "result-file",
            "json",
        ],
    },
    {
        name: "keys",
        synopsis: "[options]",
        summary: "print every key, its files and digests, and the fingerprint; builds nothing",
        flags: [...PROJECT_FLAGS, "json"],
    },
    {
        name: "diff",
        synopsis: "[options]",
        summary: "what changed since the newest cached build of this project on this platform",
        flags: [...PROJECT_FLAGS, "exit-code", "result-file", "json"],
    },
    {
        name: "uv-keys",
        synopsis: "[--write [--force]] [--trace] [options]",
        summary: "the [tool.uv] cache-keys that make uv rebuild when wheel-cache would",
        flags: [...PROJECT_FLAGS, "write", "force", "trace", "no-trace", "build-timeout", "json"],
    },
    {
        name: "check",
        synopsis: "[options]",
        summary: "lint the project's own [tool.uv] cache-keys for uv; exit 1 when they miss an input",
        flags: [...PROJECT_FLAGS, "json"],
    },
    {
        name: "report",
        synopsis: "FILE_OR_DIR... [--json]",
        summary: "one summary over many runs' result files: a row per matrix leg, and the totals",
        flags: ["json"],
        operands: { name: "FILE_OR_DIR", min: 1 },
    },
    {
        name: "cache ls",
        synopsis: "[--cache-dir DIR] [--json]",
        summary: "list the builds in the local cache, least recently used first",
        flags: ["cache-dir", "json"],
    },
    {
        name: "cache prune",
        synopsis: "[--max-size SIZE] [--max-age DAYS] [--cache-dir DIR] [--json]",
        summary: "remove builds from the local cache, least recently used first (builds used in the last minute stay)",
        flags: ["max-size", "max-age", "cache-dir", "json"],
    },
];
function commandSpec(name) {
    return COMMANDS.find((c) => c.name === name);
}
const EXIT_STATUS = `exit status:
  0  success: built, restored, or (diff) looked up
  1  diff --exit-code: the next build would rebuild; check: the list leaves an input out
  2  a usage or input error (one line names the cause)
  3  the build failed
  4  an internal error in wheel-cache (please report it, with the stack trace)`;
/** The general help: every command, and where to read more. */
function usage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
    return [
        "usage: wheel-cache <command> [options]",
        "",
        "commands:",
        ...commands,
        `  ${"help".padEnd(width)}  show a command's flags: wheel-cache help build`,
        "",
        "options:",
        "  -h, --help  show this help, or with a command its own flags",
        "  --version   print wheel-cache's version",
        "",
        EXIT_STATUS,
    ].join("\n");
}
/** A command's help: its usage line, what it does, and its own flags. */
function commandHelp(spec) {
    const rows = [...spec.flags, "help"].map((name) => {
        const flag = FLAGS[name];
        const head = name === "help" ? "-h, --help" : `--${name}`;
        return [flag.value ? `${head} ${flag.value}` : head, flag.help];
    });
    const width = Math.max(...rows.map(([head]) => head.length));
    return [
        `usage: wheel-cache ${spec.name} ${spec.synopsis}`,
        "",
        `${spec.summary[0].toUpperCase()}${spec.summary.slice(1)}.`,
        "",
        "options:",
        ...rows.map(([head, help]) => `  ${head.padEnd(width)}  ${help}`),
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/config/index.ts


/** The whole loop, on this machine: what a run does unless told otherwise. */
const WHOLE_LOOP = { kind: "all" };
const HOST_BUILDER = { kind: "host", settings: [] };
/**
 * The origin of a run from GitHub's variables (GITHUB_SHA, GITHUB_RUN_ID, GITHUB_RUN_NUMBER,
 * GITHUB_SERVER_URL, GITHUB_REPOSITORY, RUNNER_OS). A value that does not have its variable's
 * form is left out, so a manifest only ever records a commit id, numbers, one URL and an OS name.
 */
function readOrigin(env) {
    const valid = (value, form) => {
        const text = value?.trim();
        return text && form.test(text) ? text : undefined;
    };
    const runId = valid(env.GITHUB_RUN_ID, /^\d{1,20}$/);
    const server = valid(env.GITHUB_SERVER_URL, /^https?:\/\/[\w.:-]+$/);
    const repository = valid(env.GITHUB_REPOSITORY, /^[\w.-]+\/[\w.-]+$/);
    const origin = {
        commit: valid(env.GITHUB_SHA, /^[0-9a-f]{7,64}$/),
        runId,
        runNumber: valid(env.GITHUB_RUN_NUMBER, /^\d{1,20}$/),
        runUrl: runId && server && repository ? `${server}/${repository}/actions/runs/${runId}` : undefined,
        runnerOs: valid(env.RUNNER_OS, /^[\w .-]{1,40}$/),
    };
    return Object.fromEntries(Object.entries(origin).filter(([, v]) => v !== undefined));
}
const DEFAULT_KEY_PREFIX = "wheel-cache";
/** A Config with defaults, for the CLI and for tests. */
function makeConfig(overrides) {
    const workspace = overrides.workspace ?? process.cwd();
    return Object.freeze({
        command: "build",
        projectDisplay: overrides.projectDir,
        workspace,
        wheelDir: external_node_path_default().resolve(overrides.projectDir, "dist"),
        extraKeys: [],
        envVars: [],
        keyPrefix: DEFAULT_KEY_PREFIX,
        keySuffix: "",
        save: true,
        lookupOnly: false,
        summary: true,
        includeIgnored: false,
        trace: true,
        installTracer: false,
        json: false,
        env: process.env,
        platform: process.platform,
        step: WHOLE_LOOP,
        builder: HOST_BUILDER,
        origin: {},
        ...overrides,
    });
}
/** Environment names from a multiline or comma-separated list. */
function names(lines) {
    // One per line, or separated by commas or spaces (`A B C`, as rust-cache accepts): no
    // environment variable name holds either.
    return lines
        .flatMap((l) => l.split(/[\s,]+/))
        .map((n) => n.trim())
        .filter(Boolean);
}
/** A user-supplied key part: commas are refused by the cache service, so they are refused here. */
function keyPart(value, input) {
    if (value.includes(","))
        throw new UserError(`input ${input}: cache keys cannot contain commas: ${value}`);
    if (value.length > 200)
        throw new UserError(`input ${input}: longer than 200 characters`);
    return value.trim();
}
/**
 * A time limit given in seconds (a positive number, fractions allowed) as milliseconds; undefined
 * when empty. `what` names the input, flag or variable in the error.
 */
function seconds(value, what) {
    if (value === undefined || value.trim() === "")
        return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) {
        const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
        throw new UserError(`${what}: expected a positive number of seconds, got ${shown}`);
    }
    return parsed * 1000;
}

;// CONCATENATED MODULE: ./src/config/size.ts

const UNITS = {
    "": 1,
    b: 1,
    k: 1e3,
    kb: 1e3,
    kib: 2 ** 10,
    m: 1e6,
    mb: 1e6,
    mib: 2 ** 20,
    g: 1e9,
    gb: 1e9,
    gib: 2 ** 30,
    t: 1e12,
    tb: 1e12,
    tib: 2 ** 40,
};
/**
 * A size in bytes from `500M`, `2GB`, `1.5G`, `800MiB` or `1000000`: decimal units as
 * `formatSize` prints them (k, M, G, T), binary ones with `i`; case does not matter.
 */
function parseSize(text, input) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
    const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
    if (!match || unit === undefined) {
        throw new UserError(`${input}: expected a size such as 500M, 2G or 800MiB, got ${JSON.stringify(text)}`);
    }
    return Math.floor(Number(match[1]) * unit);
}
/** A number of days, 0 or more (`7`, `0.5`). */
function parseDays(text, input) {
    const days = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(days)) {
        throw new UserError(`${input}: expected a number of days, got ${JSON.stringify(text)}`);
    }
    return days;
}

;// CONCATENATED MODULE: ./src/config/cli.ts








/** Parses the CLI's argv (without `node` and the script) into a request. */
function readCliConfig(argv, env, cwd, platform = process.platform) {
    const { tokens } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        // Every string flag of every command, so that a value is never taken for a command word;
        // which flags a command takes is checked below, in our own words.
        options: Object.fromEntries(Object.entries(FLAGS).map(([name, flag]) => [
            name,
            name === "help" ? { type: flag.type, short: "h" } : { type: flag.type },
        ])),
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const words = tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : []));
    const options = tokens.filter((t) => t.kind === "option");
    const asked = (name) => options.some((t) => t.name === name);
    const [first, ...rest] = words;
    if (asked("version"))
        return { kind: "version" };
    if (first === "help")
        return helpFor(rest);
    if (first === undefined)
        return { kind: "help", text: usage(), usage: !asked("help") };
    if (asked("help"))
        return helpFor(words);
    const { spec, operands } = commandOf(first, rest);
    const given = readFlags(spec, options);
    if (spec.operands) {
        if (operands.length < spec.operands.min) {
            throw usageError(spec, `${spec.name} needs a ${spec.operands.name}`);
        }
    }
    else if (operands.length > 0) {
        throw usageError(spec, `unexpected argument ${JSON.stringify(operands[0])}`);
    }
    if (spec.name === "report")
        return { kind: "report", paths: operands, json: given.has("json") };
    return request(spec.name, given, env, cwd, platform);
}
function helpFor(words) {
    if (words.length === 0)
        return { kind: "help", text: usage() };
    const spec = commandSpec(words.join(" ")) ?? commandSpec(words[0]);
    if (spec)
        return { kind: "help", text: commandHelp(spec) };
    if (words[0] === "cache") {
        const text = ["cache ls", "cache prune"].map((name) => commandHelp(commandSpec(name)));
        return { kind: "help", text: text.join("\n\n") };
    }
    throw new UserError(`no such command: ${words.join(" ")} (see wheel-cache --help)`);
}
/** The command the words name (`cache` takes a second word), and its operands. */
function commandOf(first, rest) {
    if (first === "cache") {
        const spec = commandSpec(`cache ${rest[0] ?? ""}`);
        if (!spec) {
            const got = rest[0] === undefined ? "nothing" : JSON.stringify(rest[0]);
            throw new UserError(`the cache command takes ls or prune, got ${got} (see wheel-cache help cache)`);
        }
        return { spec, operands: rest.slice(1) };
    }
    const spec = commandSpec(first);
    if (!spec || spec.name.includes(" ")) {
        const known = [...new Set(COMMANDS.map((c) => c.name.split(" ")[0]))].join(", ");
        throw new UserError(`unknown command ${JSON.stringify(first)}: the commands are ${known}`);
    }
    return { spec, operands: rest };
}
/** Each flag checked against the command's own: known, with a value exactly when it takes one. */
function readFlags(spec, options) {
    const given = new Map();
    for (const token of options) {
        const name = token.name;
        if (!spec.flags.includes(name))
            throw usageError(spec, unknownFlag(spec, token.rawName));
        const flag = FLAGS[name];
        if (flag.type === "boolean") {
            if (token.value !== undefined)
                throw usageError(spec, `${token.rawName} takes no value`);
            given.set(name, true);
            continue;
        }
        const value = token.value;
        if (value === undefined || (!token.inlineValue && /^-./.test(value))) {
            const hint = value === undefined ? "" : ` (to pass ${value} itself, write ${token.rawName}=${value})`;
            throw usageError(spec, `${token.rawName} needs a value: ${flag.value}${hint}`);
        }
        const previous = given.get(name);
        if (previous && !("multiple" in flag)) {
            throw usageError(spec, `${token.rawName} is given twice`);
        }
        given.set(name, [...(previous === true ? [] : (previous ?? [])), value]);
    }
    return given;
}
/** `unknown flag --projct: did you mean --project?`, or which command a flag belongs to. */
function unknownFlag(spec, raw) {
    const name = raw.replace(/^-+/, "");
    const near = spec.flags.find((f) => editDistance(f, name) <= 2);
    if (near)
        return `unknown flag ${raw}: did you mean --${near}?`;
    const owners = COMMANDS.filter((c) => c.flags.includes(name));
    if (owners.length > 0) {
        const where = owners.map((c) => `wheel-cache ${c.name}`).join(", ");
        return `${raw} is a flag of ${where}, not of wheel-cache ${spec.name}`;
    }
    return `unknown flag ${raw}`;
}
function usageError(spec, message) {
    return new UserError(`${message} (see wheel-cache ${spec.name} --help)`);
}
function request(command, given, env, cwd, platform) {
    const string = (name) => {
        const values = given.get(name);
        return values === true ? undefined : values?.at(-1);
    };
    const strings = (name) => {
        const values = given.get(name);
        return values === true ? [] : [...(values ?? [])];
    };
    const flag = (name) => given.has(name);
    const json = flag("json");
    const cacheDir = string("cache-dir") && external_node_path_default().resolve(cwd, string("cache-dir"));
    if (command === "cache ls")
        return { kind: "cache-ls", cacheDir, env, json };
    if (command === "cache prune") {
        const maxSize = string("max-size");
        const maxAge = string("max-age");
        if (maxSize === undefined && maxAge === undefined) {
            throw new UserError("cache prune needs --max-size SIZE, --max-age DAYS or both (see wheel-cache cache prune --help)");
        }
        return {
            kind: "cache-prune",
            cacheDir,
            env,
            maxBytes: maxSize === undefined ? undefined : parseSize(maxSize, "--max-size"),
            maxAgeDays: maxAge === undefined ? undefined : parseDays(maxAge, "--max-age"),
            json,
        };
    }
    const maxCacheFlag = string("max-cache-size");
    const maxCache = maxCacheFlag ?? (command === "build" ? env.WHEEL_CACHE_MAX_SIZE : undefined);
    if (flag("force") && !flag("write")) {
        throw new UserError("--force needs --write (see wheel-cache uv-keys --help)");
    }
    if (flag("trace") && flag("no-trace")) {
        throw new UserError("--trace and --no-trace exclude each other (see wheel-cache uv-keys --help)");
    }
    const project = string("project") ?? ".";
    const projectDir = external_node_path_default().resolve(cwd, project);
    const buildCommand = string("build-command");
    const config = makeConfig({
        command,
        projectDir,
        projectDisplay: project,
        workspace: cwd,
        buildCommand: buildCommand
            ? splitCommandFor(buildCommand, "--build-command", platform)
            : undefined,
        wheelDir: external_node_path_default().resolve(projectDir, string("wheel-dir") ?? "dist"),
        python: string("python"),
        extraKeys: parseCacheKeyLines(strings("cache-key"), "--cache-key"),
        envVars: names(strings("env-var")),
        keyPrefix: DEFAULT_KEY_PREFIX,
        keySuffix: keyPart(string("key-suffix") ?? "", "--key-suffix"),
        save: !flag("no-save"),
        saveOff: flag("no-save") ? { kind: "input", flag: "--no-save" } : undefined,
        lookupOnly: command === "diff",
        includeIgnored: flag("include-ignored"),
        trace: !flag("no-trace"),
        step: WHOLE_LOOP,
        builder: HOST_BUILDER,
        buildTimeoutMs: seconds(string("build-timeout"), "--build-timeout"),
        json,
        uvKeys: command === "uv-keys"
            ? { write: flag("write"), force: flag("force"), trace: flag("trace") }
            : undefined,
        cacheDir,
        resultFile: string("result-file") && external_node_path_default().resolve(cwd, string("result-file")),
        origin: readOrigin(env),
        env,
        platform,
    });
    return {
        kind: "pipeline",
        config,
        exitCode: flag("exit-code"),
        maxCacheBytes: maxCache
            ? parseSize(maxCache, maxCacheFlag ? "--max-cache-size" : "WHEEL_CACHE_MAX_SIZE")
            : undefined,
    };
}
/** Levenshtein distance, for `did you mean`. */
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        }
        row = next;
    }
    return row[b.length];
}

;// CONCATENATED MODULE: ./src/report/cache-text.ts


/** What `wheel-cache cache ls` and `cache prune` print: plain text, and their JSON. */
/** `3 min ago`, `2 days ago`. */
function cache_text_formatAge(ms) {
    const seconds = Math.max(0, ms / 1000);
    if (seconds < 60)
        return "just now";
    const days = Math.floor(seconds / 86_400);
    if (days >= 2)
        return `${days} days ago`;
    return `${formatDuration(seconds).replace(/ \d+ s$/, "")} ago`;
}
function totalBytes(builds) {
    return builds.reduce((sum, b) => sum + b.bytes, 0);
}
/** `cache ls`: the builds, least recently used first (what a prune removes first). */
function renderCacheList(cacheDir, builds, now) {
    const head = `wheel-cache cache: ${escapeLine(cacheDir)}: ${format_plural(builds.length, "build")}, ${formatSize(totalBytes(builds))}`;
    if (builds.length === 0)
        return `${head}\n`;
    const rows = [
        ["last used", "saved", "size", "wheels", "key"],
        ...builds.map((b) => [
            cache_text_formatAge(now - b.used),
            cache_text_formatAge(now - b.created),
            formatSize(b.bytes),
            b.wheels.map(escapeLine).join(", ") || "—",
            escapeLine(b.key),
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const lines = rows.map((r) => `  ${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join("  ")}`);
    return `${[head, "", ...lines].join("\n")}\n`;
}
function buildJson(build) {
    return {
        key: build.key,
        entries: build.entries.map((e) => e.key),
        bytes: build.bytes,
        saved: new Date(build.created).toISOString(),
        lastUsed: new Date(build.used).toISOString(),
        wheels: [...build.wheels],
        buildSeconds: build.buildSeconds ?? null,
    };
}
/** `cache ls --json`. */
function cacheListJson(cacheDir, builds) {
    return { cacheDir, bytes: totalBytes(builds), builds: builds.map(buildJson) };
}
/** `removed 2 builds (8.2 MB); 1 build left (4.1 MB)`, and why builds over a limit stayed. */
function pruneText(outcome, limits) {
    const left = `${format_plural(outcome.kept.length, "build")} left (${formatSize(totalBytes(outcome.kept))})`;
    const lines = [
        `removed ${format_plural(outcome.removed.length, "build")} (${formatSize(totalBytes(outcome.removed))}); ${left}`,
    ];
    if (outcome.inUse.length > 0) {
        const limit = limits.maxBytes === undefined ? "" : `, over the limit of ${formatSize(limits.maxBytes)}`;
        lines.push(`kept ${format_plural(outcome.inUse.length, "build")} (${formatSize(totalBytes(outcome.inUse))})${limit}: used in the last minute, a run may be restoring them`);
    }
    return lines;
}
/** `cache prune --json`. */
function pruneJson(cacheDir, outcome) {
    return {
        cacheDir,
        removed: outcome.removed.map(buildJson),
        kept: outcome.kept.map(buildJson),
        inUse: outcome.inUse.map((b) => b.key),
        bytes: totalBytes(outcome.kept),
    };
}

;// CONCATENATED MODULE: ./src/keys/types.ts
/** The groups in the order every report shows them. */
const KEY_GROUPS = ["rebuild", "metadata", "shipped", "implicit"];

;// CONCATENATED MODULE: ./src/report/keys-text.ts



const GROUP_TITLES = {
    rebuild: "Rebuild keys",
    metadata: "Metadata inputs",
    shipped: "Shipped files",
    implicit: "Environment",
};
/** The `keys` command's terminal table: keys by group with source, file count and digest. */
function renderKeysText(fingerprint, keys, warnings, unkeyed = { files: [] }) {
    const lines = [];
    for (const group of KEY_GROUPS) {
        const members = keys.filter((k) => k.group === group);
        if (members.length === 0)
            continue;
        lines.push(`${GROUP_TITLES[group]}:`);
        const rows = members.map((k) => [k.id, k.source, keys_text_describe(k), digest_short(k.digest)]);
        const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
        for (const row of rows) {
            lines.push(`  ${row
                .slice(0, 3)
                .map((cell, i) => cell.padEnd(widths[i]))
                .join("  ")}  ${row[3]}`);
        }
        lines.push("");
    }
    if (unkeyed.files.length > 0) {
        lines.push(`Read by the newest build (traced on ${unkeyed.tracedOn}), covered by no key:`);
        lines.push(...unkeyed.files.map((f) => `  ${escapeLine(f)}`), "");
    }
    lines.push(`fingerprint ${fingerprint}`);
    for (const warning of warnings)
        lines.push(`warning: ${warning}`);
    return `${lines.join("\n")}\n`;
}
/** `3 files`, `absent`, `rustc 1.95.0`: what a key covers, in a few words. */
function keys_text_describe(key) {
    if (key.files) {
        const paths = Object.keys(key.files);
        const present = paths.filter((p) => key.files[p] !== null).length;
        if (paths.length === 1 && present === 0)
            return "absent";
        return `${present} file${present === 1 ? "" : "s"}`;
    }
    return key.detail ?? "";
}
/** The `keys --json` object of the CLI contract. */
function keysJson(fingerprint, keys, warnings, unkeyed = { files: [] }) {
    return {
        fingerprint,
        keys: keys.map((k) => ({
            id: k.id,
            kind: k.kind,
            source: k.source,
            group: k.group,
            digest: k.digest,
            ...(k.files ? { files: k.files } : {}),
            ...(k.detail ? { detail: k.detail } : {}),
        })),
        warnings,
        unkeyed: unkeyed.files,
    };
}

;// CONCATENATED MODULE: ./src/report/matrix-render.ts



/** The matrix report's renderers: one summary for every leg, in Markdown and as plain text. */
/** How many changed files and wheels one cell lists before `and N more`. */
const CELL_CAP = 3;
const WORDS = {
    restored: "restored",
    built: "built",
    "would-restore": "would restore",
    "would-rebuild": "would rebuild",
    missed: "to rebuild",
    saved: "saved",
    other: "other",
};
const ICONS = {
    restored: "✅",
    built: "🔨",
    "would-restore": "🔎",
    "would-rebuild": "🔎",
    missed: "🔨",
    saved: "💾",
    other: "⚠️",
};
/**
 * The job summary of the report step, as GitHub-flavoured Markdown: a heading with the counts,
 * a row per leg (verdict, changed files, time, wheels), the totals, and the legs that rebuilt
 * grouped by cause. Every piece of text from a result file is escaped.
 */
function renderMatrixSummary(report) {
    const head = ["| leg | verdict | changed | time | wheels |", "|---|---|---|---|---|"];
    const rows = report.legs.map((leg) => {
        const cells = [
            escapeCell(leg.label),
            `${ICONS[leg.outcome]} ${escapeCell(verdictWord(leg))}`,
            changedCell(leg),
            timeText(leg).map(escapeMarkdown).join("<br>"),
            listCell(leg.wheels.map(codeMarkdown)),
        ];
        return `| ${cells.join(" | ")} |`;
    });
    const sections = [
        `### wheel-cache · ${escapeMarkdown(countsText(report))}`,
        [...head, ...rows].join("\n"),
        totals(report)
            .map(([label, value]) => `**${label[0].toUpperCase()}${label.slice(1)}** ${escapeMarkdown(value)}`)
            .join(" · "),
    ];
    if (report.causes.length > 0) {
        const items = report.causes.map(({ cause, legs }) => `- **${escapeMarkdown(cause)}** (${plural(legs.length, "leg")}): ${legs.map(escapeMarkdown).join(", ")}`);
        sections.push(`#### Legs that rebuilt, by cause\n\n${items.join("\n")}`);
    }
    return `${sections.join("\n\n")}\n`;
}
/** The CLI's `report`: the same as plain text, an aligned table, one line per leg. */
function renderMatrixText(report) {
    const table = [
        ["leg", "verdict", "time", "changed", "wheels"],
        ...report.legs.map((leg) => [
            leg.label,
            verdictWord(leg),
            timeText(leg).join(", "),
            changesText(leg),
            leg.wheels.join(", ") || "—",
        ]),
    ].map((row) => row.map(escapeLine));
    const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
    const lines = [
        `wheel-cache report: ${countsText(report)}`,
        "",
        ...table.map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i])).join("  ")}`.trimEnd()),
        "",
        totalsText(report),
    ];
    if (report.causes.length > 0) {
        lines.push("", "legs that rebuilt, by cause:");
        for (const { cause, legs } of report.causes) {
            lines.push(`  ${escapeLine(cause)} (${format_plural(legs.length, "leg")})`);
            lines.push(...legs.map((label) => `    ${escapeLine(label)}`));
        }
    }
    return `${lines.join("\n")}\n`;
}
/** `3 legs: 1 restored, 2 rebuilt`: the legs counted by the word their row shows. */
function countsText(report) {
    const words = report.legs.map(verdictWord);
    const order = [
        "restored",
        "built",
        "rebuilt",
        "to rebuild",
        "saved",
        "would restore",
        "would rebuild",
    ];
    const rank = (word) => (order.includes(word) ? order.indexOf(word) : order.length);
    const distinct = [...new Set(words)].sort((a, b) => rank(a) - rank(b));
    const counts = distinct.map((word) => `${words.filter((w) => w === word).length} ${word}`);
    const legs = format_plural(report.totals.legs, "leg");
    return counts.length > 0 ? `${legs}: ${counts.join(", ")}` : legs;
}
/** `hit rate 33% (1 of 3 legs) · time saved about 1 min 12 s · time spent building 1 min 22 s`. */
function totalsText(report) {
    return totals(report)
        .map(([label, value]) => `${label} ${value}`)
        .join(" · ");
}
/** The totals as label and value pairs. */
function totals(report) {
    const { totals } = report;
    const rate = totals.hitRate === null ? "—" : `${Math.round(totals.hitRate * 100)}%`;
    return [
        ["hit rate", `${rate} (${totals.hits} of ${format_plural(totals.legs, "leg")})`],
        ["time saved", `about ${formatDuration(totals.savedSeconds)}`],
        ["time spent building", formatDuration(totals.buildingSeconds)],
    ];
}
/** `rebuilt` for a build that replaced an earlier one, `built` for a first; else the outcome. */
function verdictWord(leg) {
    if (leg.outcome === "built")
        return leg.cause === "no cached build yet" ? "built" : "rebuilt";
    return leg.outcome === "other" ? leg.verdict : WORDS[leg.outcome];
}
/** `restored in 3 s`, `saved about 1 min 12 s`; `built in 41 s`; `looked up in 2 s`. */
function timeText(leg) {
    const run = formatDuration(leg.runSeconds);
    switch (leg.outcome) {
        case "restored":
            return leg.buildSeconds === null
                ? [`restored in ${run}`]
                : [`restored in ${run}`, `saved about ${formatDuration(leg.buildSeconds)}`];
        case "built":
            return [`built in ${formatDuration(leg.buildSeconds ?? leg.runSeconds)}`];
        case "would-restore":
        case "would-rebuild":
        case "missed":
            return [`looked up in ${run}`];
        case "saved":
            return [`saved in ${run}`];
        case "other":
            return [`ran ${run}`];
    }
}
function changeText(change) {
    return `${change.what} ${change.change}`;
}
/** The changed files, or when none changed the cause (`no cached build yet`), or a dash. */
function changesText(leg) {
    if (leg.changes.length > 0) {
        const { shown, more } = list_cap(leg.changes.map(changeText), CELL_CAP);
        return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(", ");
    }
    return leg.cause ?? "—";
}
function changedCell(leg) {
    if (leg.changes.length > 0) {
        return listCell(leg.changes.map((c) => `${codeMarkdown(c.what)} ${c.change}`));
    }
    return leg.cause ? `*${escapeMarkdown(leg.cause)}*` : "—";
}
/** Items of a table cell, one per line, capped. */
function listCell(items) {
    if (items.length === 0)
        return "—";
    const { shown, more } = cap(items, CELL_CAP);
    return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join("<br>");
}
/** The report step's outputs: how many legs, how many restored (or would), how many built. */
function matrixOutputs(report) {
    const { totals } = report;
    return { legs: String(totals.legs), hits: String(totals.hits), built: String(totals.built) };
}

;// CONCATENATED MODULE: ./src/shared/version.ts
/** wheel-cache's version, as package.json says (a unit test keeps the two equal). */
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/cli.ts
























/** The CLI's exit statuses (the README's table; `wheel-cache --help` lists them too). */
const EXIT = {
    ok: 0,
    /** `diff --exit-code`: the next build would rebuild; `check`: the list leaves an input out. */
    wouldRebuild: 1,
    /** A usage or input error: one line names the cause. */
    user: 2,
    /** The build command failed, was killed, ran out of time or wrote no wheel. */
    build: 3,
    /** A bug in wheel-cache: the stack trace follows. */
    internal: 4,
};
/** Runs one CLI command; returns the exit status. */
async function main(argv) {
    const request = readCliConfig(argv, process.env, process.cwd());
    switch (request.kind) {
        case "help":
            (request.usage ? process.stderr : process.stdout).write(`${request.text}\n`);
            return request.usage ? EXIT.user : EXIT.ok;
        case "version":
            process.stdout.write(`wheel-cache ${VERSION}\n`);
            return EXIT.ok;
        case "pipeline":
            if (request.config.command === "keys")
                return keys(request.config);
            if (request.config.command === "uv-keys")
                return command(request.config, uvKeys);
            if (request.config.command === "check")
                return command(request.config, check);
            return pipeline(request);
        case "report":
            return report(request);
        case "cache-ls":
            return cacheList(request);
        case "cache-prune":
            return cachePrune(request);
    }
}
/** `cache ls`: the local cache's builds, least recently used first. */
async function cacheList(request) {
    const cache = localCache(request);
    const builds = await listBuilds(cache);
    if (request.json) {
        process.stdout.write(`${JSON.stringify(cacheListJson(cache.cacheDir, builds))}\n`);
    }
    else
        process.stdout.write(renderCacheList(cache.cacheDir, builds, Date.now()));
    return EXIT.ok;
}
/** `cache prune`: removes the builds over the limits, least recently used first. */
async function cachePrune(request) {
    const cache = localCache(request);
    const limits = { maxBytes: request.maxBytes, maxAgeDays: request.maxAgeDays };
    const outcome = await pruneBuilds(cache, limits);
    if (request.json) {
        process.stdout.write(`${JSON.stringify(pruneJson(cache.cacheDir, outcome))}\n`);
    }
    else {
        const lines = pruneText(outcome, limits).map((line) => `wheel-cache cache prune: ${line}`);
        process.stdout.write(`${lines.join("\n")}\n`);
    }
    return EXIT.ok;
}
/** `report`: one summary over the result files of many runs. */
async function report(request) {
    const matrix = await readReport(request.paths, process.cwd());
    if (request.json)
        process.stdout.write(`${JSON.stringify(matrix)}\n`);
    else
        process.stdout.write(renderMatrixText(matrix));
    return EXIT.ok;
}
/** `build` and `diff`: the pipeline with the local cache. */
async function pipeline(request) {
    const { config } = request;
    return withStaging(async (stagingDir) => {
        const cache = localCache(config);
        const result = await runPipeline(config, {
            cache,
            stagingDir,
            progress,
        });
        const diff = config.command === "diff";
        const reason = diff ? diffReasonOf(result) : undefined;
        const written = await writeResultFile(config, resultFileOf(result, reason));
        if (written.problem)
            warn(written.problem);
        if (request.maxCacheBytes !== undefined && result.save.status === "saved") {
            await keepUnder(cache, request.maxCacheBytes);
        }
        if (config.json)
            process.stdout.write(`${JSON.stringify(resultJson(result, reason))}\n`);
        else
            process.stdout.write(diff ? renderDiff(result) : renderTerminal(result));
        // A failed build still printed its result (what changed, how it ended); it fails the command.
        if (result.failure) {
            process.stderr.write(`wheel-cache: ${escapeLine(result.failure.message)}\n`);
            return EXIT.build;
        }
        return request.exitCode && result.verdict === "lookup-miss" ? EXIT.wouldRebuild : EXIT.ok;
    });
}
/**
 * The size limit after a save (`--max-cache-size`, `WHEEL_CACHE_MAX_SIZE`): prunes the least
 * recently used builds. A prune that fails is a warning; the build it follows succeeded.
 */
async function keepUnder(cache, maxBytes) {
    try {
        const outcome = await pruneBuilds(cache, { maxBytes });
        if (outcome.removed.length > 0 || outcome.inUse.length > 0) {
            for (const line of pruneText(outcome, { maxBytes })) {
                process.stderr.write(`wheel-cache: cache size limit: ${line}\n`);
            }
        }
    }
    catch (error) {
        warn(`the local cache was not pruned to its size limit: ${errorMessage(error)}`);
    }
}
async function keys(config) {
    return withStaging(async (stagingDir) => {
        const report = await describeKeys(config, { cache: localCache(config), stagingDir });
        const { fingerprint, keys } = report.fp.manifest;
        const unkeyed = { files: report.unkeyed, tracedOn: report.tracedOn };
        const warnings = [...report.warnings, ...(report.uvGap ? [uvGapWarning(report.uvGap)] : [])];
        if (config.json) {
            process.stdout.write(`${JSON.stringify(keysJson(fingerprint, keys, warnings, unkeyed))}\n`);
        }
        else
            process.stdout.write(renderKeysText(fingerprint, keys, warnings, unkeyed));
        return EXIT.ok;
    });
}
function progress(event) {
    for (const line of progressLines(event)) {
        process.stderr.write(`wheel-cache: ${escapeLine(line)}\n`);
    }
}
/** Runs a command of commands/: its output on stdout, its notes on stderr. */
async function command(config, run) {
    return withStaging(async (stagingDir) => {
        const output = await run(config, { cache: localCache(config), stagingDir, progress });
        process.stdout.write(output.out);
        for (const note of output.notes)
            process.stderr.write(`wheel-cache: ${escapeLine(note)}\n`);
        return output.code;
    });
}
/** Runs `work` with a temporary directory of the run's own, removed afterwards or on a signal. */
async function withStaging(work) {
    const stagingDir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "wheel-cache-")).catch((error) => {
        throw new UserError(`cannot create a staging directory in ${external_node_os_default().tmpdir()}: ${describeFsError(error)}; set TMPDIR to a writable directory`);
    });
    const untrack = trackDir(stagingDir);
    try {
        return await work(stagingDir);
    }
    finally {
        await (0,promises_namespaceObject.rm)(stagingDir, { recursive: true, force: true });
        untrack();
    }
}
function localCache(config) {
    return new LocalCache(config.cacheDir ?? defaultCacheDir(config.env, process.platform));
}
function warn(message) {
    process.stderr.write(`wheel-cache: warning: ${escapeLine(message)}\n`);
}
/** The exit status of an error: a user error, or a bug. */
function exitStatusOf(error) {
    return error instanceof UserError ? EXIT.user : EXIT.internal;
}
// SIGINT, SIGTERM, SIGHUP: the build's process group is ended, the staging directory removed,
// and the exit status is 128 + the signal's number.
handleInterrupts((line) => process.stderr.write(`wheel-cache: ${line}\n`), (status) => process.exit(status));
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    // The interrupt handler says what happened and ends the process.
    if (error instanceof Interrupted)
        return;
    // A user error is one line, whatever file names it holds; a bug keeps its stack's lines.
    const message = error instanceof UserError
        ? escapeLine(formatError(error))
        : `internal error: ${formatError(error)}`;
    process.stderr.write(`wheel-cache: ${message}\n`);
    process.exitCode = exitStatusOf(error);
});

var __webpack_exports__main = __webpack_exports__.i;
export { __webpack_exports__main as main };
