import { run } from "./main.js";

await run();
// Abandoned cache requests (a service that stopped answering) can keep sockets open; the step is
// done, so leave now rather than wait for them.
process.exit();
