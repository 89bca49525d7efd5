import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createWorkerPoolExecutor, type DeploymentHandle, type FlowResult, type WorkerPoolExecutor } from '../../src/runtime/index.ts';
import { buildFiles, testPoolOptions } from '../helpers/pool.ts';
import { seedCase, seedTriggerRepo } from '../helpers/seed-actions.ts';

/**
 * Executions across every seed trigger must keep memory flat. 10,000 executions take ≈9 s through
 * the pool on this 2-core machine, so `npm test` runs all of them. The bound: after a warm-up of 500
 * executions, the process RSS (main thread and every worker: one process) grows by less than
 * 48 MiB, the main heap by less than 8 MiB, every worker's heap by less than 8 MiB (measured after a
 * gc: ≈1 MiB, ≈0.1 MiB and ≈1.6 MiB), and no worker's WASM memory grows past its 16 MiB start
 * (none is recycled).
 */
const TOTAL = 10_000;
const WARMUP = 500;
const MIB = 1024 * 1024;

// Exposes gc() to the main thread and to workers started from now on (V8 flags are per process).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function runMix(pool: WorkerPoolExecutor, handle: DeploymentHandle, from: number, to: number, callers = 2): Promise<void> {
  let next = from;
  const wrong: string[] = [];
  const one = async (i: number) => {
    const c = seedCase(i);
    let r: FlowResult = await pool.run(handle, c.trigger, c.event);
    if (r.outcome === 'redirect') {
      if (c.expect !== 'redirect') wrong.push(`#${i} ${c.trigger}: unexpected redirect`);
      r = await pool.continue(handle, c.trigger, r.redirect!.state, c.event);
      if (r.outcome !== 'success') wrong.push(`#${i} continue: ${r.outcome} ${JSON.stringify(r.error ?? r.problems)}`);
    } else if (r.outcome !== c.expect) wrong.push(`#${i} ${c.trigger}: ${r.outcome} ${JSON.stringify(r.error ?? r.problems)}`);
  };
  await Promise.all(Array.from({ length: callers }, async () => {
    while (next < to) await one(next++);
  }));
  expect(wrong.slice(0, 5)).toEqual([]);
}

async function sample(pool: WorkerPoolExecutor) {
  gc();
  const workers = await pool.workerStats();
  return { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, workers };
}

describe('pool leak test', () => {
  it(`keeps memory flat over ${TOTAL} executions across all seed triggers`, async () => {
    const built = await buildFiles(seedTriggerRepo());
    const pool = createWorkerPoolExecutor(testPoolOptions({ workers: 2, spares: 1 }));
    onTestFinished(() => pool.close());
    const loaded = await pool.load(built.store, { commit: built.commit });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    await runMix(pool, loaded.handle, 0, WARMUP);
    const before = await sample(pool);
    await runMix(pool, loaded.handle, WARMUP, TOTAL);
    const after = await sample(pool);
    const m = pool.metrics();
    const grew = {
      rssMiB: (after.rss - before.rss) / MIB,
      heapMiB: (after.heap - before.heap) / MIB,
      workerHeapMiB: after.workers.map((w, i) => (w.heapUsedBytes - (before.workers[i]?.heapUsedBytes ?? 0)) / MIB),
      wasmMiB: after.workers.map((w) => w.wasmBytes / MIB),
    };
    console.log(`leak test, ${TOTAL} executions:`, JSON.stringify(grew), JSON.stringify(m));
    expect(m).toMatchObject({ recycled: 0, terminated: 0, crashed: 0, workers: 3 });
    expect(grew.rssMiB).toBeLessThan(48);
    expect(grew.heapMiB).toBeLessThan(8);
    for (const w of grew.workerHeapMiB) expect(w).toBeLessThan(8);
    for (const w of after.workers) expect(w.wasmBytes).toBe(16 * MIB);
  });

  it('leaves no QuickJS handle, context or runtime behind (DEBUG_SYNC leak check)', async () => {
    const built = await buildFiles(seedTriggerRepo());
    const pool = createWorkerPoolExecutor(testPoolOptions({ workers: 1, spares: 0, debug: true }));
    onTestFinished(() => pool.close());
    const loaded = await pool.load(built.store, { commit: built.commit });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    // Every trigger, failures (discarded contexts) and redirects with their continuation included.
    await runMix(pool, loaded.handle, 0, 100, 1);
    expect(await pool.leakCheck()).toEqual(['1 deployment(s) are still loaded; unload them first']);
    pool.unload(loaded.handle);
    expect(await pool.leakCheck()).toEqual([]);
  });
});
