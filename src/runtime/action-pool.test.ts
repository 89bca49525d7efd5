import { beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import type { ManifestAction } from '../manifest/index.ts';
import { ActionPool } from './action-pool.ts';
import { createSandboxModule, type LoadResult, type SandboxContext, type SandboxModule } from './sandbox/index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/** A guest that counts its invocations in module scope: a fresh context starts again at 1. */
const BUNDLE = 'var n = 0; var __actuate_action = { h: async () => { n++; console.log(String(n)); } };';

function pool(maxInvocations: number, isolation: 'warm' | 'execution' = 'warm'): ActionPool {
  return new ActionPool({ module, action: { isolation } as ManifestAction, bundle: BUNDLE, filename: 'count.js', egress: {}, fetch: undefined, limits: {}, maxInvocations });
}

function context(r: LoadResult): SandboxContext {
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  return r.context;
}

/** The replacement of a retired context arrives in the background, and the next execution takes it warm and fresh. */
async function takesFreshReplacement(p: ActionPool): Promise<void> {
  await vi.waitFor(() => expect(p.warmContexts).toBe(1), { timeout: 5000 });
  expect((await once(p, { warm: true })).count).toBe(1);
}

/** Acquires (a warm context must come synchronously), invokes once, releases; the count the guest printed. */
async function once(p: ActionPool, options: { warm: boolean }): Promise<{ count: number; ctx: SandboxContext }> {
  const acquired = p.acquire();
  expect(acquired instanceof Promise).toBe(!options.warm);
  const ctx = context(await acquired);
  const r = await ctx.invoke('h', '{}');
  if (!r.ok) throw new Error(r.error.stack);
  p.release(ctx);
  return { count: Number(r.logs[0]!.message), ctx };
}

describe('ActionPool', () => {
  test('a warm context is retired after between half and all of maxInvocations, and its replacement loads after the turn that retired it', async () => {
    const p = pool(10);
    context(await p.preload());
    let retiredAfter = 0;
    for (let i = 1; i <= 10 && retiredAfter === 0; i++) {
      const { count, ctx } = await once(p, { warm: true });
      expect(count).toBe(i);
      if (ctx.disposed) retiredAfter = i;
    }
    expect(retiredAfter).toBeGreaterThanOrEqual(5);
    expect(retiredAfter).toBeLessThanOrEqual(10);
    // Nothing was loaded on the retiring execution's path: the replacement comes after this turn.
    expect(p.warmContexts).toBe(0);
    await takesFreshReplacement(p);
    p.close();
  });

  test('an execution that comes before the replacement is ready takes it as it loads', async () => {
    const p = pool(1);
    context(await p.preload());
    expect((await once(p, { warm: true })).ctx.disposed).toBe(true);
    // Same turn: the replacement has not started; this acquire takes it as it loads.
    expect((await once(p, { warm: false })).count).toBe(1);
    await takesFreshReplacement(p);
    p.close();
  });

  test('retirement counts are spread, so the actions of one flow do not all reload in the same execution', async () => {
    const counts = new Set<number>();
    for (let k = 0; k < 8; k++) {
      const p = pool(40);
      context(await p.preload());
      for (let i = 1; i <= 40; i++) {
        const { ctx } = await once(p, { warm: true });
        if (ctx.disposed) {
          expect(i).toBeGreaterThanOrEqual(20);
          counts.add(i);
          break;
        }
      }
      p.close();
    }
    // Eight draws from 21 values all equal: a chance of 21^-7.
    expect(counts.size).toBeGreaterThan(1);
  });

  test('a context whose module scope keeps growing is retired before it reaches its memory limit', async () => {
    // About 100 KB kept per invocation in a runtime limited to 8 MB. QuickJS's own limit does not
    // count bytes in the WASM builds (runtime.md §2), so nothing would stop this context short of
    // the worker's memory; the pool retires it once half its headroom is gone.
    const p = new ActionPool({
      module, action: { isolation: 'warm' } as ManifestAction, filename: 'leak.js', egress: {}, fetch: undefined,
      limits: { memoryBytes: 8 * 1024 * 1024 }, maxInvocations: 10_000,
      bundle: 'var kept = []; var __actuate_action = { h: async () => { kept.push(new Array(12500).fill(kept.length)); console.log(String(kept.length)); } };',
    });
    context(await p.preload());
    const retiredAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      const acquired = p.acquire();
      const ctx = context(await acquired);
      const r = await ctx.invoke('h', '{}');
      if (!r.ok) throw new Error(`invocation ${i + 1} failed: ${r.error.stack}`);
      p.release(ctx);
      expect(ctx.disposed).toBe(false); // the check runs after this turn, never on the execution's path
      await new Promise((resolve) => setImmediate(resolve)); // the next request comes in a later turn
      if (ctx.disposed) retiredAt.push(Number(r.logs[0]!.message));
    }
    expect(retiredAt.length).toBeGreaterThanOrEqual(2);
    // Retired once it held about 4 MB (half of 8 MB), well before the limit, and not long after it got there.
    for (const n of retiredAt) {
      expect(n).toBeGreaterThan(25);
      expect(n).toBeLessThan(60);
    }
    p.close();
  });

  test('a context that does not grow is not retired before its count', async () => {
    const p = pool(10_000);
    context(await p.preload());
    const first = await once(p, { warm: true });
    for (let i = 2; i <= 600; i++) {
      expect((await once(p, { warm: true })).ctx).toBe(first.ctx);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(first.ctx.memoryUsedBytes()).toBeLessThan(first.ctx.memoryLimitBytes / 4);
    p.close();
  });

  test('a context that failed is replaced in the background too', async () => {
    const p = new ActionPool({
      module, action: { isolation: 'warm' } as ManifestAction, filename: 'fail.js', egress: {}, fetch: undefined, limits: {}, maxInvocations: 1000,
      bundle: 'var n = 0; var __actuate_action = { h: async (e) => { n++; if (e.fail) throw new Error("no"); console.log(String(n)); } };',
    });
    await p.preload();
    const first = context(await p.acquire());
    const r = await first.invoke('h', '{"fail":true}');
    expect(r.ok).toBe(false);
    p.release(first);
    expect(first.disposed).toBe(true);
    expect(p.warmContexts).toBe(0);
    await takesFreshReplacement(p);
    p.close();
  });

  test('with "isolation": "execution" every execution gets a never-used context, loaded ahead', async () => {
    const p = pool(1000, 'execution');
    context(await p.preload());
    expect((await once(p, { warm: true })).count).toBe(1);
    await takesFreshReplacement(p);
    p.close();
  });

  test('close() disposes what is idle and loads nothing afterwards', async () => {
    const p = pool(1);
    context(await p.preload());
    const runtimes = vi.spyOn(module, 'newRuntime');
    onTestFinished(() => runtimes.mockRestore());
    await once(p, { warm: true }); // retires the context; its replacement is due after this turn
    p.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(runtimes).not.toHaveBeenCalled();
    expect(p.warmContexts).toBe(0);
  });

  test('no replacement loads in a poisoned module, and one that fails to load is no unhandled rejection', async () => {
    // A module of its own: poisoning is for good.
    const own = await createSandboxModule();
    const make = () => new ActionPool({ module: own, action: { isolation: 'warm' } as ManifestAction, bundle: BUNDLE, filename: 'count.js', egress: {}, fetch: undefined, limits: {}, maxInvocations: 1 });
    const p = make();
    context(await p.preload());
    // The host aborts when a runtime is created (as emscripten does after an abort in a dispose).
    let runtimes = 0;
    own.newRuntime = () => {
      runtimes++;
      throw new Error('Aborted()');
    };
    await once(p, { warm: true }); // retires the context; its replacement fails to load after this turn
    await new Promise((r) => setTimeout(r, 50));
    expect(p.warmContexts).toBe(0);
    await expect(p.acquire()).rejects.toThrow(/Aborted/); // the caller that needs a context sees why
    own.poison(new Error('Aborted()'));
    const q = make();
    const before = runtimes;
    expect(() => q.release(context({ ok: true, context: { disposed: false, reusable: false, invocations: 1, dispose() {} } as unknown as SandboxContext, logs: [], droppedEntries: 0, cpuMs: 0, wallMs: 0 }))).not.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(runtimes).toBe(before); // no replacement was even attempted
    expect(q.warmContexts).toBe(0);
  });
});
