import * as core from "@actions/core";
import { run } from "./main.js";
import { handleInterrupts, interruption } from "./shared/interrupt.js";

// A cancelled job (SIGINT, then SIGTERM) ends the build's process group, removes the run's
// staging directory and exits with 128 + the signal's number.
handleInterrupts(
  (line) => core.setFailed(line),
  (status) => process.exit(status),
);
await run();
// Abandoned cache requests (a service that stopped answering) can keep sockets open; the step is
// done, so leave now rather than wait for them. An interrupted run leaves when its handler is done.
if (!interruption()) process.exit();
