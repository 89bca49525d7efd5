import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Action's entry (`runs.main` in action.yml). The bundle in dist/action holds Actuate's own code,
 * but the compiler needs real packages at run time: esbuild ships a native binary per platform,
 * TypeScript reads its lib files, and the sandbox polyfills are read from disk when bundling. So
 * the first run on a runner installs the production dependencies from the committed lockfile
 * (`npm ci --omit=dev`, exact versions, no install scripts) next to action.yml, then loads the
 * bundle. This file imports nothing but Node built-ins, so it runs before anything is installed.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

if (!existsSync(join(root, 'node_modules', 'esbuild', 'package.json')) || !existsSync(join(root, 'node_modules', '@octokit', 'rest', 'package.json'))) {
  process.stdout.write('::group::Install Actuate dependencies (npm ci --omit=dev)\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.stdout.write('::endgroup::\n');
  if (result.status !== 0) {
    process.stdout.write(`::error title=Actuate::could not install the Action's dependencies in ${root} (npm ci exited with ${result.status ?? result.error?.message}); the runner needs npm and access to the npm registry\n`);
    process.exitCode = 1;
  }
}

if (process.exitCode === undefined || process.exitCode === 0) {
  const entry = new URL('./main.mjs', import.meta.url).href;
  const mod = (await import(entry)) as { main(): Promise<void> };
  await mod.main();
}
