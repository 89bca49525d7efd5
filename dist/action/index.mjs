// Generated from src/github by esbuild; do not edit. Rebuild: UPDATE_DIST=1 npx vitest run test/github/dist.test.ts

// src/github/bootstrap.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var here = dirname(fileURLToPath(import.meta.url));
var root = join(here, "..", "..");
if (!existsSync(join(root, "node_modules", "esbuild", "package.json")) || !existsSync(join(root, "node_modules", "@octokit", "rest", "package.json"))) {
  process.stdout.write("::group::Install Actuate dependencies (npm ci --omit=dev)\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.stdout.write("::endgroup::\n");
  if (result.status !== 0) {
    process.stdout.write(`::error title=Actuate::could not install the Action's dependencies in ${root} (npm ci exited with ${result.status ?? result.error?.message}); the runner needs npm and access to the npm registry
`);
    process.exitCode = 1;
  }
}
if (process.exitCode === void 0 || process.exitCode === 0) {
  const entry = new URL("./main.mjs", import.meta.url).href;
  const mod = await import(entry);
  await mod.main();
}
