import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { endGroup, groupRuns, signalStatus } from "../../../src/shared/interrupt.js";

/** A process group of a shell and two children that sleep; with `ignoreTerm`, all ignore SIGTERM. */
function sleepingGroup(ignoreTerm: boolean): number {
  const script = `${ignoreTerm ? "trap '' TERM; " : ""}sleep 1000 & sleep 1000 & wait`;
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  child.on("error", () => undefined);
  return child.pid!;
}

describe.skipIf(process.platform === "win32")("ending a process group", () => {
  test.each([false, true])(
    "ends every process of the group (SIGTERM ignored: %s)",
    async (ignoreTerm) => {
      const pgid = sleepingGroup(ignoreTerm);
      expect(groupRuns(pgid)).toBe(true);
      // A short grace: what is tested is that SIGKILL follows, not how long the wait is.
      await endGroup(pgid, "SIGTERM", 300);
      expect(groupRuns(pgid)).toBe(false);
    },
  );

  test("a group that is already gone is no error", async () => {
    const pgid = sleepingGroup(false);
    await endGroup(pgid, "SIGKILL");
    await endGroup(pgid, "SIGTERM");
    expect(groupRuns(pgid)).toBe(false);
  });
});

test("the exit status of a signal is 128 + its number", () => {
  expect(signalStatus("SIGINT")).toBe(130);
  expect(signalStatus("SIGTERM")).toBe(143);
  expect(signalStatus("SIGHUP")).toBe(129);
});
