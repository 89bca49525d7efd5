import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import type { QuickJSContext, QuickJSWASMModule } from 'quickjs-emscripten';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fastStringSupported, newStringFast } from './fast-string.ts';

let qjs: QuickJSWASMModule;
let ctx: QuickJSContext;
beforeAll(async () => {
  const variant = (await import('@jitl/quickjs-wasmfile-release-sync')).default;
  qjs = await newQuickJSWASMModuleFromVariant(variant);
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
  test('the pinned quickjs-emscripten exposes the internals it needs (else every call falls back)', () => {
    expect(fastStringSupported(ctx)).toBe(true);
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
