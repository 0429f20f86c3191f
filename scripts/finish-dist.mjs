// Moves the CLI bundle to dist/cli.js beside the action's dist/index.js, and the separate steps'
// to dist/<step>/index.js, so all run with no node_modules: `node dist/index.js` (the action),
// `node dist/cli.js` (the CLI), and `../dist/<step>/index.js` from restore/, save/ and report/
// action.yml; puts the problem matchers beside the action.
import { chmod, copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";

await rm("dist/index.js", { force: true });
await rename("dist/action/index.js", "dist/index.js");
await rename("dist/cli-bundle/index.js", "dist/cli.js");
for (const step of ["report", "restore", "save"]) {
  await rm(`dist/${step}`, { recursive: true, force: true });
  await mkdir(`dist/${step}`);
  await rename(`dist/${step}-bundle/index.js`, `dist/${step}/index.js`);
  await rm(`dist/${step}-bundle`, { recursive: true });
}
await chmod("dist/cli.js", 0o755);
for (const extra of await readdir("dist/action")) {
  if (extra.endsWith(".txt")) await copyFile(`dist/action/${extra}`, `dist/${extra}`);
}
// The problem matchers the action registers around the build (::add-matcher::).
await copyFile("src/report/problem-matchers.json", "dist/problem-matchers.json");
await rm("dist/action", { recursive: true });
await rm("dist/cli-bundle", { recursive: true });
await writeFile("dist/package.json", `${JSON.stringify({ type: "module" }, null, 2)}\n`);
