import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { onTestFinished } from 'vitest';
import { compileCommit } from '../../src/compile/index.ts';
import { readRepo } from '../../src/repo/index.ts';
import type { WorkerPoolOptions } from '../../src/runtime/index.ts';
import { createFsStore, type StoreReader } from '../../src/store/index.ts';
import { gitRepo } from './git-repo.ts';

/**
 * Options that let pool workers run the current TypeScript sources under vitest. Plain Node 20
 * cannot load `.ts`, so the worker entry is bundled once per test process with esbuild (the
 * project's own code inlined, npm packages left external) into node_modules/.cache. Measured on
 * this machine: a worker starts in ≈180 ms from the bundle, ≈200 ms from dist/, ≈390 ms through a
 * `--import` loader that transpiles each `.ts` module (cached), so the bundle keeps the suites fast
 * and never runs a stale dist/.
 */
export function testPoolOptions(over: WorkerPoolOptions = {}): WorkerPoolOptions {
  // Workers at the main thread's priority (the default, said again so that it holds if it changes):
  // the suite runs test files side by side on few cores, and a worker 10 nice steps down gets a
  // tenth of a core against them, so a guest's budget (counted in time inside QuickJS) ran out on
  // work that takes a twentieth of it (a memory bomb then "timed out").
  return { workerUrl: bundledWorker(), workerNice: 0, ...over };
}

let bundled: URL | undefined;

function bundledWorker(): URL {
  if (bundled !== undefined) return bundled;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const out = buildSync({
    entryPoints: [path.join(root, 'src/runtime/pool/worker-entry.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, sourcemap: 'inline', logLevel: 'error',
  });
  const code = out.outputFiles[0]!.text;
  const dir = path.join(root, 'node_modules/.cache/actuate-pool-worker');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  bundled = pathToFileURL(file);
  return bundled;
}

/** A fixture repo built for real into an fs store: the store and the commit, for `executor.load`. */
export interface BuiltRepo {
  readonly store: StoreReader;
  readonly commit: string;
}

/**
 * Builds a fixture repo (git commit, type-check, esbuild, store) like `deployFiles`, but returns the
 * store and commit instead of an in-thread Deployment. With `scope: 'file'` the temp dirs live until
 * the process exits (for `beforeAll`), otherwise until the test ends.
 */
export async function buildFiles(files: Record<string, string>, scope: 'test' | 'file' = 'test'): Promise<BuiltRepo> {
  const repo = gitRepo(files, { keep: scope === 'file' });
  const state = mkdtempSync(path.join(tmpdir(), 'actuate-pool-'));
  const cleanup = () => {
    rmSync(state, { recursive: true, force: true });
    if (scope === 'file') rmSync(repo.dir, { recursive: true, force: true });
  };
  if (scope === 'test') onTestFinished(cleanup);
  else process.once('exit', cleanup);
  const store = createFsStore(path.join(state, 'store'));
  const snapshot = await readRepo({ dir: repo.dir, commit: 'HEAD' });
  const built = await compileCommit({ snapshot: snapshot as Parameters<typeof compileCommit>[0]['snapshot'], store, cacheDir: path.join(state, 'cache') });
  if (!built.ok) throw new Error(`fixture does not build:\n${JSON.stringify(built.diagnostics, null, 2)}`);
  return { store, commit: built.commit };
}
