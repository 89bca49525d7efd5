// Benchmark: a cold `actuate build` of a generated 100-action repo against plain esbuild bundling the
// same entry points (one process each), a no-op rebuild, and a rebuild after one action changed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, ROOT, generateActions, makeRepo, report, timeCommand } from './lib.mjs';

export async function benchBuild({ runs = 5 } = {}) {
  const { dir, git } = makeRepo(generateActions(100));
  const entries = Array.from({ length: 100 }, (_, i) => `actions/action-${String(i).padStart(3, '0')}/index.${i % 2 === 0 ? 'ts' : 'js'}`);
  const esbuildScript = path.join(mkdtempSync(path.join(tmpdir(), 'actuate-bench-esb-')), 'esbuild.mjs');
  writeFileSync(esbuildScript, `import esbuild from ${JSON.stringify(path.join(ROOT, 'node_modules/esbuild/lib/main.js'))};
await esbuild.build({ absWorkingDir: ${JSON.stringify(dir)}, entryPoints: ${JSON.stringify(entries)}, bundle: true, write: false,
  outdir: 'out', format: 'iife', platform: 'neutral', target: 'es2023', minify: true, sourcemap: 'external', logLevel: 'silent' });
`);
  const cold = [];
  const plain = [];
  const noop = [];
  const oneChanged = [];
  for (let i = 0; i < runs; i++) {
    const state = mkdtempSync(path.join(tmpdir(), 'actuate-bench-state-'));
    const args = [CLI, 'build', dir, '--store', path.join(state, 'store')];
    const env = { ...process.env, ACTUATE_CACHE_DIR: path.join(state, 'cache') };
    plain.push(timeCommand(process.execPath, [esbuildScript], { expectStatus: 0 }));
    cold.push(timeCommand(process.execPath, args, { expectStatus: 0, env }));
    noop.push(timeCommand(process.execPath, args, { expectStatus: 0, env }));
    writeFileSync(path.join(dir, 'actions/action-001/index.js'), `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('run', ${i}); };\n`);
    git('commit', '-qam', `change ${i}`);
    oneChanged.push(timeCommand(process.execPath, args, { expectStatus: 0, env }));
    rmSync(state, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.dirname(esbuildScript), { recursive: true, force: true });
  report('build: 100 actions, whole process', [
    ['plain esbuild, same 100 entries (no type-check, no store)', plain],
    ['actuate build, cold (empty store and cache)', cold],
    ['actuate build, no-op rebuild', noop],
    ['actuate build, one action changed', oneChanged],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBuild();
