// Usage: node counting-build.mjs <marker-file> <command> [args...]
//
// Appends one line to the marker file, so that a test can count how many builds really ran, then
// runs the real build command with inherited stdio and passes its exit status through.
import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";

const [marker, command, ...args] = process.argv.slice(2);
if (!marker || !command) {
  process.stderr.write("usage: node counting-build.mjs <marker-file> <command> [args...]\n");
  process.exit(2);
}
appendFileSync(marker, `${[command, ...args].join(" ")}\n`);
const result = spawnSync(command, args, { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`counting-build: cannot run ${command}: ${result.error.message}\n`);
  process.exit(127);
}
process.exit(result.status ?? 128);
