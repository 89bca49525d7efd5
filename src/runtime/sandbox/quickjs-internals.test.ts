import { RELEASE_SYNC, newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten';
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callFunctionFast, fastPathsSupported, newFastHostFunction, newStringFast, type FastHostImpl } from './quickjs-internals.ts';

let qjs: QuickJSWASMModule;
let ctx: QuickJSContext;
beforeAll(async () => {
  qjs = await newQuickJSWASMModuleFromVariant(RELEASE_SYNC);
  ctx = qjs.newContext();
});
afterAll(() => ctx.dispose());

/** What the guest sees: its length, its code units, and the string itself. */
function guestView(s: string, make: (v: string) => ReturnType<QuickJSContext['newString']>): unknown {
  const h = make(s);
  const fn = ctx.evalCode('(s) => JSON.stringify([s.length, Array.from(s, (c) => c.codePointAt(0)), s])').unwrap();
  const r = ctx.callFunction(fn, ctx.undefined, h).unwrap();
  const out = JSON.parse(ctx.getString(r));
  r.dispose();
  fn.dispose();
  h.dispose();
  return out;
}

describe('newStringFast', () => {
  test('the pinned quickjs-emscripten exposes the internals the fast paths need (else every call falls back)', () => {
    expect(fastPathsSupported(ctx)).toBe(true);
  });

  const event = JSON.stringify({ user: { email: 'ana@example.com', name: 'Ana Lúcia 😀 Ωμέγα 中文', app_metadata: { plan: 'pro' } }, pad: 'x'.repeat(5000) });
  test.each([
    ['short ASCII (library path)', 'abc'],
    ['empty', ''],
    ['a 5 KB event with accents, emoji and CJK', event],
    ['a lone surrogate (library path)', `${'y'.repeat(100)}\ud800${'z'.repeat(10)}`],
    ['an embedded NUL (library path: both stop there)', `${'a'.repeat(100)}\0tail`],
    ['only multi-byte characters', '€'.repeat(3000)],
  ])('gives the guest exactly what ctx.newString gives: %s', (_name, s) => {
    expect(guestView(s, (v) => newStringFast(ctx, v))).toEqual(guestView(s, (v) => ctx.newString(v)));
  });

  test('survives the WASM heap growing between calls', () => {
    const big = 'q'.repeat(4 * 1024 * 1024);
    for (let i = 0; i < 3; i++) {
      const h = newStringFast(ctx, big + i);
      expect(ctx.getString(h)).toHaveLength(big.length + 1);
      h.dispose();
    }
  });
});

describe('newFastHostFunction', () => {
  /** Calls `fn` from the guest with `args` (a guest expression) and returns what the guest saw, as JSON. */
  function callFromGuest(fn: ReturnType<typeof newFastHostFunction>, args: string): unknown {
    const probe = ctx.evalCode(`(f) => { try { const r = f(${args}); return JSON.stringify({ type: typeof r, r }); } catch (e) { return JSON.stringify({ threw: e.name + ': ' + e.message, isError: e instanceof Error }); } }`).unwrap();
    const r = ctx.callFunction(probe, ctx.undefined, fn).unwrap();
    const out = JSON.parse(ctx.getString(r));
    r.dispose();
    probe.dispose();
    return out;
  }
  const unicode = `Ana Lúcia 😀 中文 ${'x'.repeat(200)}`;
  const behaviours: [string, FastHostImpl, string][] = [
    ['echoes both string arguments (short and long, with non-ASCII)', (a) => `${a.string(0)}|${a.string(1)}`, `'op', ${JSON.stringify(unicode)}`],
    ['returns undefined', () => undefined, `'x'`],
    ['reads a missing argument as undefined / NaN', (a) => JSON.stringify([a.count, a.string(3) ?? null, String(a.number(3))]), `'x'`],
    ['reads numbers', (a) => String(a.number(0) + a.number(1)), `40, 2`],
    ['throws a TypeError with its message', () => { throw new TypeError('bad call'); }, `'x'`],
    ['throws a RangeError with a long non-ASCII message', () => { throw new RangeError(unicode); }, `'x'`],
  ];
  test.each(behaviours)('the fast path behaves like the library path: %s', (_name, impl) => {
    const slow = ctx.newFunction('h', (...hs) => {
      const a = { count: hs.length, string: (i: number) => (hs[i] ? ctx.getString(hs[i]!) : undefined), number: (i: number) => (hs[i] ? ctx.getNumber(hs[i]!) : NaN) };
      const r = impl(a);
      return r === undefined ? undefined : typeof r === 'string' ? ctx.newString(r) : r.handle.dup();
    });
    const fast = newFastHostFunction(ctx, 'h', (...hs) => {
      const a = { count: hs.length, string: (i: number) => (hs[i] ? ctx.getString(hs[i]!) : undefined), number: (i: number) => (hs[i] ? ctx.getNumber(hs[i]!) : NaN) };
      const r = impl(a);
      return r === undefined ? undefined : typeof r === 'string' ? ctx.newString(r) : r.handle.dup();
    }, (a) => {
      fastCalls++;
      return impl(a);
    });
    let fastCalls = 0;
    const args = behaviours.find(([n]) => n === _name)![2];
    try {
      expect(callFromGuest(fast, args)).toEqual(callFromGuest(slow, args));
      expect(fastCalls).toBe(1);
    } finally {
      slow.dispose();
      fast.dispose();
    }
  });

  test('hands back a handle, consuming it as newFunction does (a promise the host resolves later)', () => {
    const deferred = ctx.newPromise();
    const fn = newFastHostFunction(ctx, 'p', () => undefined, () => ({ handle: deferred.handle }));
    const start = ctx.evalCode('(f) => { globalThis.__seen = "pending"; f().then((v) => { globalThis.__seen = v; }); }').unwrap();
    ctx.callFunction(start, ctx.undefined, fn).unwrap().dispose();
    expect(deferred.handle.alive).toBe(false);
    const v = ctx.newString('settled');
    deferred.resolve(v);
    v.dispose();
    ctx.runtime.executePendingJobs().unwrap();
    const seen = ctx.getProp(ctx.global, '__seen');
    expect(ctx.getString(seen)).toBe('settled');
    seen.dispose();
    start.dispose();
    fn.dispose();
    deferred.dispose();
  });

  test('functions without a fast implementation still take the library path', () => {
    const plain = ctx.newFunction('plain', (h) => ctx.newString(`plain:${ctx.getString(h!)}`));
    newFastHostFunction(ctx, 'installs-the-dispatcher', () => undefined, () => undefined).dispose();
    expect(callFromGuest(plain, `'a'`)).toEqual({ type: 'string', r: 'plain:a' });
    plain.dispose();
  });
});

describe('callFunctionFast', () => {
  test('returns what ctx.callFunction returns: values, thrown errors, any number of arguments', () => {
    const fn = ctx.evalCode('(...a) => { if (a[0] === "throw") throw new RangeError("no " + a.length); return a.join("|") + ":" + a.length; }').unwrap();
    const strings = ['x', 'throw', 'ü😀', 'long'.repeat(100), 'e'].map((v) => ctx.newString(v));
    const view = (r: { value?: QuickJSHandle; error?: QuickJSHandle }) => {
      const h = (r.value ?? r.error)!;
      const out = { ok: r.error === undefined, v: ctx.dump(h) as unknown };
      h.dispose();
      return out;
    };
    try {
      for (const args of [[], [strings[0]!], [strings[1]!, strings[0]!], strings, [strings[2]!, strings[3]!]]) {
        const slow = ctx.callFunction(fn, ctx.undefined, ...args);
        expect(view(callFunctionFast(ctx, fn, args))).toEqual(view(slow.error ? { error: slow.error } : { value: slow.value }));
      }
    } finally {
      for (const s of strings) s.dispose();
      fn.dispose();
    }
  });
});
