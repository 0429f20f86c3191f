import { describe, expect, it } from "vitest";
import { readOrigin } from "../../../src/config/index.js";

describe("readOrigin", () => {
  it("reads the commit, the run and the runner's OS from GitHub's variables", () => {
    const env = {
      GITHUB_SHA: "3f2a9c1e0b7d4f6a8c2e1d3b5a7f9e0c1d2b3a4f",
      GITHUB_RUN_ID: "9876543210",
      GITHUB_RUN_NUMBER: "41",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "octo/wheels",
      RUNNER_OS: "Linux",
    };
    expect(readOrigin(env)).toEqual({
      commit: env.GITHUB_SHA,
      runId: "9876543210",
      runNumber: "41",
      runUrl: "https://github.com/octo/wheels/actions/runs/9876543210",
      runnerOs: "Linux",
    });
  });

  it("is empty outside a workflow, and leaves out values not of their variable's form", () => {
    expect(readOrigin({})).toEqual({});
    expect(
      readOrigin({
        GITHUB_SHA: "not a sha",
        GITHUB_RUN_ID: "12; rm -rf /",
        GITHUB_RUN_NUMBER: "7",
        GITHUB_SERVER_URL: "javascript:alert(1)",
        GITHUB_REPOSITORY: "octo/wheels",
        RUNNER_OS: "Linux\n::error::x",
      }),
    ).toEqual({ runNumber: "7" });
  });
});
