import { describe, expect, test } from "vitest";
import {
  codeHtml,
  codeMarkdown,
  escapeCell,
  escapeHtml,
  escapeLine,
  escapeMarkdown,
} from "../../../src/report/escape.js";

describe("escapeMarkdown", () => {
  test.each([
    ["plain.c", "plain.c"],
    ["a|b.c", "a\\|b.c"],
    ["x`y.c", "x\\`y.c"],
    ["<script>alert(1)</script>.c", "&lt;script&gt;alert(1)&lt;/script&gt;.c"],
    ["new\nline.c", "new␤line.c"],
    ["crlf\r\nline.c", "crlf␤line.c"],
    ["ünï.c", "ünï.c"],
    ["*bold* _em_ ~~s~~", "\\*bold\\* \\_em\\_ \\~\\~s\\~\\~"],
    ["[link](http://x)", "\\[link\\](http\\://x)"],
    ["back\\slash", "back\\\\slash"],
    ["a & b \"q\" 'q'", "a &amp; b &quot;q&quot; &#39;q&#39;"],
    [":rocket: $x$ @user", "\\:rocket\\: \\$x\\$ \\@user"],
    ["# heading", "\\# heading"],
    ["- item", "\\- item"],
    ["1. item", "1\\. item"],
    ["tab\there", "tab␉here"],
    ["esc\u001b[31m", "esc␛\\[31m"],
    ["bidi\u202Etxt.c", "bidi\ufffdtxt.c"],
  ])("%j → %j", (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  test("a cell is never empty", () => {
    expect(escapeCell("")).toBe("—");
    expect(escapeCell("a|b")).toBe("a\\|b");
  });
});

describe("escapeHtml and escapeLine", () => {
  test.each([
    ["<b>&'\"", "&lt;b&gt;&amp;&#39;&quot;"],
    ["x`y *z* a|b", "x`y *z* a|b"],
    ["two\n\nlines", "two␤␤lines"],
  ])("escapeHtml(%j) = %j", (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  test.each([
    ["new\nline", "new␤line"],
    ["\u001b[2J", "␛[2J"],
    ["<script>", "<script>"],
    ["nul\u0000del\u007f", "nul␀del␡"],
  ])("escapeLine(%j) = %j", (input, output) => {
    expect(escapeLine(input)).toBe(output);
  });

  test("code helpers escape for their context", () => {
    expect(codeMarkdown("a|*b*")).toBe("<code>a\\|\\*b\\*</code>");
    expect(codeHtml("a|*b*<")).toBe("<code>a|*b*&lt;</code>");
  });
});
