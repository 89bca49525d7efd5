import { DEBUG_SYNC, TestQuickJSWASMModule, newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten';
import { beforeAll, describe, expect, test } from 'vitest';
import { InternalError, UsageError } from '../../core/errors.ts';
import { SandboxModule, createApiOp, createSandboxModule, loadSandboxContext } from './index.ts';
import type { InvokeResult, LoadResult, SandboxContext, SandboxContextOptions } from './index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/** A bundle as the bundler emits it: a script defining the global `__actuate_action`. */
function bundleOf(exportsSource: string): string {
  return `var __actuate_action = (function () { var exports = {};\n${exportsSource}\nreturn exports; })();`;
}

async function load(exportsSource: string, options: Partial<SandboxContextOptions> = {}, mod = module): Promise<SandboxContext> {
  const r = await loadSandboxContext(mod, { bundle: bundleOf(exportsSource), ...options });
  if (!r.ok) throw new Error(`load failed: ${r.kind} ${r.error.stack}`);
  return r.context;
}

function failure(r: InvokeResult | LoadResult): { kind: string; name: string; message: string; stack: string } {
  if (r.ok) throw new Error(`expected a failure, got ok`);
  return { kind: r.kind, ...r.error };
}

const POST_LOGIN_API = {
  key: 'post-login@v3#execute',
  shape: {
    namespaces: [
      { name: 'accessToken', methods: [{ name: 'setCustomClaim', returns: 'api' as const }] },
      { name: 'access', methods: [{ name: 'deny', returns: 'api' as const }] },
    ],
  },
};

describe('warm invocations', () => {
  test('one context serves many invocations, each with its own event, api commands and logs', async () => {
    const ctx = await load(`
      let calls = 0;
      exports.onExecutePostLogin = async (event, api) => {
        calls++;
        console.log('login', event.user.email, 'call', calls);
        api.accessToken.setCustomClaim('https://example.com/email', event.user.email).access.deny('no ' + event.user.email);
      };`);
    for (let i = 1; i <= 5; i++) {
      const commands: unknown[] = [];
      const r = await ctx.invoke('onExecutePostLogin', JSON.stringify({ user: { email: `u${i}@example.com` } }), {
        ops: { api: createApiOp((c) => void commands.push([c.namespace, c.method, ...c.args])) },
        api: POST_LOGIN_API,
      });
      expect(r.ok).toBe(true);
      expect(commands).toEqual([
        ['accessToken', 'setCustomClaim', 'https://example.com/email', `u${i}@example.com`],
        ['access', 'deny', `no u${i}@example.com`],
      ]);
      // Module scope persists across warm invocations (documented, like Auth0 and Lambda).
      expect(r.logs.map((l) => l.message)).toEqual([`login u${i}@example.com call ${i}`]);
    }
    expect(ctx.invocations).toBe(5);
    expect(ctx.reusable).toBe(true);
    ctx.dispose();
    expect(ctx.disposed).toBe(true);
  });

  test('the handler is called with exports as `this`, and without api when none is given', async () => {
    const ctx = await load(`exports.name = 'x'; exports.h = async function (event, api) { console.log(this.name, typeof api, event.n); };`);
    const r = await ctx.invoke('h', '{"n":3}');
    expect(r.logs.map((l) => l.message)).toEqual(['x undefined 3']);
    ctx.dispose();
  });

  test('a missing handler is an error naming the exports', async () => {
    const ctx = await load(`exports.onExecutePostLogin = async () => {}; exports.helper = 1;`);
    const f = failure(await ctx.invoke('onContinuePostLogin', '{}'));
    expect(f).toMatchObject({ kind: 'error', name: 'TypeError' });
    expect(f.message).toContain('does not export a function named onContinuePostLogin (its exports: onExecutePostLogin, helper)');
    expect(ctx.reusable).toBe(false);
    await expect(ctx.invoke('onExecutePostLogin', '{}')).rejects.toThrow(InternalError);
    ctx.dispose();
  });

  test('a thrown error keeps its class, message and source frames; the context is then not reusable', async () => {
    const ctx = await load(`
      function check(user) {
        if (!user.email) throw new TypeError('user has no email');
      }
      exports.h = async (event) => { check(event.user); };`);
    const f = failure(await ctx.invoke('h', '{"user":{}}'));
    expect(f).toMatchObject({ kind: 'error', name: 'TypeError', message: 'user has no email' });
    expect(f.stack.split('\n')[0]).toBe('TypeError: user has no email');
    expect(f.stack).toMatch(/at check \(action\.js:4:\d+\)/); // line 1 is the bundle wrapper
    expect(f.stack).not.toContain('prelude');
    expect(ctx.reusable).toBe(false);
    ctx.dispose();
  });

  test('non-Error throws are reported readably', async () => {
    const ctx1 = await load(`exports.h = async () => { throw 'plain string'; };`);
    expect(failure(await ctx1.invoke('h', '{}')).message).toBe('Uncaught "plain string"');
    ctx1.dispose();
    const ctx2 = await load(`exports.h = async () => { throw { code: 42 }; };`);
    expect(failure(await ctx2.invoke('h', '{}')).message).toBe('Uncaught {"code":42}');
    ctx2.dispose();
  });

  test('an event that is not JSON fails in the guest; an oversized event is refused before it crosses', async () => {
    const ctx = await load(`exports.h = async () => {};`, { limits: { maxEventChars: 100 } });
    const big = await ctx.invoke('h', JSON.stringify({ pad: 'x'.repeat(200) }));
    expect(failure(big).message).toMatch(/event is too large: 210 characters \(the limit is 100\)/);
    expect(ctx.reusable).toBe(true);
    expect(failure(await ctx.invoke('h', '{not json')).name).toBe('SyntaxError');
    ctx.dispose();
  });
});

describe('loading', () => {
  test('a bundle that throws at the top level fails to load, with its console output', async () => {
    const r = await loadSandboxContext(module, { bundle: `console.log('starting'); var __actuate_action = {}; undefinedThing();` });
    expect(failure(r)).toMatchObject({ kind: 'error', name: 'ReferenceError' });
    expect(r.logs.map((l) => l.message)).toEqual(['starting']);
  });

  test('a bundle with a syntax error fails to load', async () => {
    const r = await loadSandboxContext(module, { bundle: `var __actuate_action = {;` });
    expect(failure(r)).toMatchObject({ kind: 'error', name: 'SyntaxError' });
  });

  test('a bundle that does not define __actuate_action fails to load with a clear message', async () => {
    const r = await loadSandboxContext(module, { bundle: `var exports = {};` });
    expect(failure(r).message).toContain('did not define __actuate_action');
  });

  test('an infinite loop at the top level hits the load CPU budget', async () => {
    const r = await loadSandboxContext(module, { bundle: `var __actuate_action = {}; while (true) {}`, limits: { loadCpuMs: 50 } });
    expect(failure(r)).toMatchObject({ kind: 'timeout', name: 'TimeoutError' });
  });

  test('async work started at load is awaited; timers started at load never fire', async () => {
    const ctx = await load(`
      let ready = false;
      crypto.subtle.digest('SHA-256', new Uint8Array(1)).then(() => { ready = true; });
      setInterval(() => console.log('tick'), 1);
      exports.h = async () => { console.log('ready', ready); };`);
    const r = await ctx.invoke('h', '{}');
    expect(r.logs.map((l) => l.message)).toEqual(['ready true']);
    ctx.dispose();
  });

  test('bad limits are usage errors', async () => {
    await expect(loadSandboxContext(module, { bundle: '', limits: { cpuMs: -1 } })).rejects.toThrow(UsageError);
    await expect(loadSandboxContext(module, { bundle: '', limits: { cpuMz: 1 } as never })).rejects.toThrow(/unknown sandbox limit "cpuMz"/);
  });
});

describe('budgets and limits', () => {
  const loops: [string, string][] = [
    ['a plain infinite loop', `while (true) {}`],
    ['a loop that catches the interrupt', `for (;;) { try { while (true) {} } catch (e) {} }`],
    ['a loop after an await (inside a job)', `await null; while (true) {}`],
    ['a loop in a timer callback', `await new Promise((r) => setTimeout(() => { while (true) {} }, 1));`],
    ['catastrophic regex backtracking', `/(a+)+$/.test('a'.repeat(40) + '!');`],
  ];
  for (const [what, body] of loops) {
    test(`${what} ends as a timeout, and the next invocation on a fresh context works`, async () => {
      const ctx = await load(`exports.h = async () => { ${body} };`, { limits: { cpuMs: 100 } });
      const f = failure(await ctx.invoke('h', '{}'));
      expect(f).toMatchObject({ kind: 'timeout', name: 'TimeoutError', message: 'the action exceeded its CPU budget of 100 ms' });
      expect(ctx.reusable).toBe(false);
      ctx.dispose();
      const fresh = await load(`exports.h = async (e) => { console.log('fine', e.n); };`);
      const ok = await fresh.invoke('h', '{"n":2}');
      expect(ok.ok).toBe(true);
      expect(ok.logs[0]?.message).toBe('fine 2');
      fresh.dispose();
      expect(module.poisoned).toBe(false);
    });
  }

  test('time spent awaiting the host does not count against the CPU budget, but the wall clock does', async () => {
    const ctx = await load(`exports.h = async (e) => { await new Promise((r) => setTimeout(r, e.ms)); };`, { limits: { cpuMs: 50, wallMs: 400 } });
    expect((await ctx.invoke('h', '{"ms":150}')).ok).toBe(true); // 150 ms asleep > 50 ms of CPU budget
    const f = failure(await ctx.invoke('h', '{"ms":5000}'));
    expect(f).toMatchObject({ kind: 'timeout', message: 'the action exceeded its time budget of 400 ms' });
    ctx.dispose();
  });

  test('per-invocation budgets override the context defaults', async () => {
    const ctx = await load(`exports.h = async () => { while (true) {} };`);
    const f = failure(await ctx.invoke('h', '{}', { cpuMs: 30 }));
    expect(f.message).toBe('the action exceeded its CPU budget of 30 ms');
    ctx.dispose();
  });

  test('deep recursion ends as a stack error, not a host crash', async () => {
    const ctx = await load(`function down(n) { return down(n + 1) + 1; } exports.h = async () => { down(0); };`);
    const f = failure(await ctx.invoke('h', '{}'));
    expect(f).toMatchObject({ kind: 'stack', name: 'InternalError', message: 'stack overflow' });
    expect(f.stack.split('\n').length).toBeLessThanOrEqual(52);
    ctx.dispose();
    expect(module.poisoned).toBe(false);
  });

  test('a huge allocation ends as a memory error', async () => {
    const ctx = await load(`exports.h = async () => { new ArrayBuffer(512 * 1024 * 1024); };`);
    expect(failure(await ctx.invoke('h', '{}'))).toMatchObject({ kind: 'memory', message: 'out of memory' });
    ctx.dispose();
  });

  test('a capped WebAssembly.Memory stops a slow leak that setMemoryLimit does not see', async () => {
    const capped = await createSandboxModule({ maxMemoryBytes: 32 * 1024 * 1024 });
    const ctx = await load(`exports.h = async () => { const keep = []; for (;;) keep.push('x'.repeat(1024) + keep.length); };`, {
      limits: { memoryBytes: 1024 * 1024 * 1024, cpuMs: 10_000 },
    }, capped);
    expect(failure(await ctx.invoke('h', '{}')).kind).toBe('memory');
    expect(capped.memoryBytes).toBeLessThanOrEqual(32 * 1024 * 1024);
    ctx.dispose();
    expect(capped.poisoned).toBe(false);
  });

  test('a handler that awaits something that never resolves fails at once', async () => {
    const ctx = await load(`exports.h = async () => { await new Promise(() => {}); };`);
    expect(failure(await ctx.invoke('h', '{}')).message).toContain('can never settle');
    ctx.dispose();
  });

  test('an exception in a timer callback fails the invocation like a Node crash', async () => {
    const ctx = await load(`exports.h = async () => {
      setTimeout(() => { throw new RangeError('in timer'); }, 1);
      await new Promise((r) => setTimeout(r, 200));
    };`);
    expect(failure(await ctx.invoke('h', '{}'))).toMatchObject({ kind: 'error', name: 'RangeError', message: 'in timer' });
    ctx.dispose();
  });
});

describe('lifecycle', () => {
  test('one invocation at a time per context', async () => {
    const ctx = await load(`exports.h = async () => { await new Promise((r) => setTimeout(r, 20)); };`);
    const first = ctx.invoke('h', '{}');
    await expect(ctx.invoke('h', '{}')).rejects.toThrow(/one invocation at a time/);
    expect((await first).ok).toBe(true);
    ctx.dispose();
  });

  test('dispose during an invocation cancels its host work and frees the context when it returns', async () => {
    const ctx = await load(`exports.h = async () => { await new Promise((r) => setTimeout(r, 10_000)); };`);
    const running = ctx.invoke('h', '{}');
    await new Promise((r) => setTimeout(r, 20));
    ctx.dispose();
    const r = await running;
    expect(failure(r).message).toContain('disposed while the action was running');
    expect(ctx.disposed).toBe(true);
    expect(module.poisoned).toBe(false);
  });

  test('dispose is idempotent and invoke after dispose is a bug', async () => {
    const ctx = await load(`exports.h = async () => {};`);
    ctx.dispose();
    ctx.dispose();
    await expect(ctx.invoke('h', '{}')).rejects.toThrow(InternalError);
  });

  test('a stack limit too large for the host thread overflows the host stack: a stack failure that poisons the module', async () => {
    // runtime.md §2: on Node's main thread 448 KiB works and 512 KiB overflows V8 first (vitest's
    // default `forks` pool runs this file on a child process's main thread).
    const m = await createSandboxModule();
    const ctx = await load(`function down(n) { return down(n + 1) + 1; } exports.h = async () => { down(0); };`, { limits: { stackBytes: 1024 * 1024 } }, m);
    const f = failure(await ctx.invoke('h', '{}'));
    expect(f).toMatchObject({ kind: 'stack', name: 'RangeError' });
    expect(f.message).toContain('overflowed the host stack');
    expect(m.poisoned).toBe(true);
    expect(ctx.reusable).toBe(false);
    ctx.dispose();
    await expect(loadSandboxContext(m, { bundle: bundleOf('') })).rejects.toThrow(/poisoned/);
  });

  test('a poisoned module refuses new contexts', async () => {
    const m = await createSandboxModule();
    m.poison(new Error('simulated abort'));
    expect(m.poisoned).toBe(true);
    await expect(loadSandboxContext(m, { bundle: bundleOf('') })).rejects.toThrow(/poisoned/);
  });
});

describe('handles', () => {
  test('every path disposes every handle (DEBUG_SYNC leak check)', async () => {
    const quickjs = new TestQuickJSWASMModule(await newQuickJSWASMModuleFromVariant(DEBUG_SYNC));
    const mod = new SandboxModule(quickjs);
    const source = `
      exports.ok = async (event, api) => {
        console.log('hi', { deep: [1, { x: 2 }] });
        api.accessToken.setCustomClaim('k', event.v);
        await new Promise((r) => setTimeout(r, 1));
        const h = __actuate_builtins.crypto.createHash('sha256').update('x').digest('hex');
        const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(h));
        new URL('https://example.com/?a=1').searchParams.get('a');
        structuredClone({ d: new Date(0), m: new Map([[1, new Uint8Array(d)]]) });
      };
      exports.pending = async () => { setTimeout(() => {}, 100_000); await new Promise((r) => setTimeout(r, 100_000)); };
      exports.throws = async () => { await null; throw new Error('nope'); };
      exports.loops = async () => { await null; for (;;) {} };`;
    const ops = { api: createApiOp(() => undefined) };
    // The debug build is slow: budgets are generous except where a budget is the point.
    for (const handler of ['ok', 'throws', 'loops']) {
      const ctx = await load(source, { limits: { cpuMs: 10_000, wallMs: 10_000, loadCpuMs: 10_000 } }, mod);
      const r = await ctx.invoke(handler, '{"v":1}', { ops, api: POST_LOGIN_API, ...(handler === 'loops' ? { cpuMs: 100 } : {}) });
      expect(r.ok, JSON.stringify(r)).toBe(handler === 'ok');
      ctx.dispose();
    }
    // Abandoned with a timer and a pending promise capability outstanding.
    const ctx = await load(source, { limits: { cpuMs: 10_000, wallMs: 10_000, loadCpuMs: 10_000 } }, mod);
    const running = ctx.invoke('pending', '{}');
    await new Promise((r) => setTimeout(r, 50));
    ctx.dispose();
    expect((await running).ok).toBe(false);
    const bad = await loadSandboxContext(mod, { bundle: 'throw new Error("at load")' });
    expect(bad.ok).toBe(false);
    // A leaked handle makes JS_FreeRuntime assert, which dispose() turns into a poisoned module.
    expect(mod.poisoned).toBe(false);
    // quickjs-emscripten 0.32's newRuntime() drops `ownedLifetimes`, so TestQuickJSWASMModule cannot
    // untrack disposed runtimes by itself: check they are dead, then run its leak sanitizer check.
    expect(quickjs.runtimes.size).toBe(5);
    for (const rt of quickjs.runtimes) expect(rt.alive).toBe(false);
    quickjs.runtimes.clear();
    quickjs.assertNoMemoryAllocated();
  });
});
