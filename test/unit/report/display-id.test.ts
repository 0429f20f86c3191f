import { describe, expect, it, test } from "vitest";
import { NATIVE_SOURCES } from "../../../src/project/infer-rebuild.js";
import { DISPLAY_ID_CHARS, displayIds, shortId } from "../../../src/report/display-id.js";

describe("shortId", () => {
  test.each([
    [`file:${NATIVE_SOURCES}`, "file:*.{c,cc,cpp,…}"],
    ["file:src/**", "file:src/**"],
    ["file:*.{c,h}", "file:*.{c,h}"],
    ["file:{LICEN[CS]E,COPYING,NOTICE,AUTHORS}*", "file:{LICEN[CS]E,COPYING,NOTICE,AUTHORS}*"],
    ["file:**/*.{c,h,cpp,hpp}", "file:**/*.{c,h,cpp,hpp}"],
    [
      "file:crates/some-long-crate-name/and-more/deeply/nested/src/**",
      "file:crates/some-long-cr…re/deeply/nested/src/**",
    ],
  ])("%s → %s", (id, shown) => {
    expect(shortId(id)).toBe(shown);
    expect(shortId(id).length).toBeLessThanOrEqual(DISPLAY_ID_CHARS);
  });
});

describe("displayIds", () => {
  it("shortens less, or not at all, the ids that would look the same shortened", () => {
    const a = "file:*.{c,cc,cpp,cxx,h}";
    const b = "file:*.{c,cc,cpp,hxx,h}";
    const ids = displayIds([a, b, `file:${NATIVE_SOURCES}`, "platform"]);
    expect(ids.get(a)).toBe(a);
    expect(ids.get(b)).toBe(b);
    expect(ids.get(`file:${NATIVE_SOURCES}`)).toBe("file:*.{c,cc,cpp,cxx,…}");
    expect(ids.get("platform")).toBe("platform");
    expect(new Set(ids.values()).size).toBe(4);
  });
});
