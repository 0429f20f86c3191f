import { describe, expect, test } from "vitest";
import { warningsOf } from "../../../src/report/text.js";
import { makeResult } from "../../support/result.js";

describe("warnings about wheels that are not the run's", () => {
  test("wheels the directory already held are named, and left out of the outputs", () => {
    const warnings = warningsOf(
      makeResult({ wheelDir: "/w/dist", otherWheels: ["old-0.9-py3-none-any.whl"] }),
    );
    expect(warnings).toContain(
      "/w/dist already held 1 wheel this run did not make (old-0.9-py3-none-any.whl): left there, and not in the outputs",
    );
  });

  test("a wheel the build wrote for another Python is not cached, and says why", () => {
    const warnings = warningsOf(
      makeResult({
        rejectedWheels: [
          {
            name: "pkg-1.0-cp310-cp310-linux_x86_64.whl",
            mismatch: { part: "Python tag", found: "cp310", wanted: "cp311" },
          },
        ],
      }),
    );
    expect(warnings).toContain(
      "the build wrote pkg-1.0-cp310-cp310-linux_x86_64.whl, which is not this project's wheel for this Python and platform (Python tag cp310, not cp311): it is not cached, and not in the outputs",
    );
  });

  test("none when every wheel is the run's", () => {
    expect(warningsOf(makeResult())).toEqual([]);
  });
});
