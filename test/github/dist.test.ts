import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { bundleActionDist, readActionDist, writeActionDist } from '../../src/github/dist-bundle.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Action runs the committed dist/action (GitHub does not build it), so CI fails when the bundle
 * is older than src/. Rebuild with `UPDATE_DIST=1 npx vitest run test/github/dist.test.ts`.
 */
it('dist/action is the current bundle of src/github/main.ts', async () => {
  const fresh = await bundleActionDist(ROOT);
  if (process.env['UPDATE_DIST'] === '1') await writeActionDist(ROOT, fresh);
  const committed = await readActionDist(ROOT);
  expect(committed.map((f) => f.path)).toEqual(['dist/action/index.mjs', 'dist/action/main.mjs']);
  for (const file of fresh) {
    const current = committed.find((f) => f.path === file.path)?.text;
    expect(current === file.text, `${file.path} is stale: run UPDATE_DIST=1 npx vitest run test/github/dist.test.ts and commit dist/action`).toBe(true);
  }
});

it('the bootstrap runs npm ci when dependencies are missing, and explains a failed install', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-action-copy-'));
  try {
    mkdirSync(path.join(dir, 'dist', 'action'), { recursive: true });
    for (const f of ['index.mjs', 'main.mjs']) copyFileSync(path.join(ROOT, 'dist', 'action', f), path.join(dir, 'dist', 'action', f));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'copy', type: 'module', dependencies: { esbuild: '0.28.2' } }));
    // No package-lock.json: `npm ci` refuses at once, without touching the network.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'action', 'index.mjs')], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
    expect(r.stdout).toContain('::group::Install Actuate dependencies (npm ci --omit=dev)');
    expect(r.stdout).toMatch(/::error title=Actuate::could not install the Action's dependencies in .*actuate-action-copy-.* \(npm ci exited with \d+\); the runner needs npm and access to the npm registry/);
    expect(r.status).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
