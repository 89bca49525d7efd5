import assert from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../../test/helpers/quickjs-bundle.ts';
import { createSandboxModule, loadSandboxContext } from '../../runtime/sandbox/index.ts';
import { bundleAction } from './index.ts';

/** Pairs of values (JS source) on which Node's deep equality is decided, strict and loose. */
const PAIRS: [string, string][] = [
  ['1', '1'], ['0', '-0'], ['NaN', 'NaN'], ['1', "'1'"], ['null', 'undefined'], ['{ a: 1 }', '{ a: 1 }'], ['{ a: 1 }', '{ a: 2 }'],
  ['{ a: 1, b: 2 }', '{ b: 2, a: 1 }'], ['{ a: 1 }', '{ a: 1, b: undefined }'], ['[1, 2]', '[1, 2]'], ['[1, 2]', '[2, 1]'], ['[1, , 3]', '[1, undefined, 3]'],
  ['new Map([[1, 2]])', 'new Map([[1, 3]])'], ['new Map([[1, { x: 1 }]])', 'new Map([[1, { x: 1 }]])'], ["new Map([[{ k: 1 }, 'v']])", "new Map([[{ k: 1 }, 'v']])"],
  ["new Set([1, 'a'])", "new Set(['a', 1])"], ['new Set([{ a: 1 }])', 'new Set([{ a: 1 }])'], ['new Set([{ a: 1 }])', 'new Set([{ a: 2 }])'], ['new Set([1])', "new Set(['1'])"],
  ['new Date(0)', 'new Date(0)'], ['new Date(0)', 'new Date(1)'], ['/a/g', '/a/g'], ['/a/g', '/a/i'], ['new Error("x")', 'new Error("x")'], ['new Error("x")', 'new TypeError("x")'],
  ['new Uint8Array([1, 2])', 'new Uint8Array([1, 2])'], ['new Uint8Array([1, 2])', 'new Uint8Array([1, 3])'], ['new Float64Array([0])', 'new Float64Array([-0])'],
  ["new String('a')", "new String('a')"], ['new Number(1)', 'new Number(2)'], ['Object.create(null)', '{}'], ['[]', '{}'],
  ['(() => { const a = { x: 1 }; a.self = a; return a; })()', '(() => { const b = { x: 1 }; b.self = b; return b; })()'],
  ["{ [Symbol.for('s')]: 1 }", "{ [Symbol.for('s')]: 2 }"], ['{ user: { roles: ["admin"], meta: { n: 1 } } }', '{ user: { roles: ["admin"], meta: { n: 1 } } }'],
];

describe("the compatibility layer's deep equality", () => {
  it("util.isDeepStrictEqual, assert.deepStrictEqual and assert.deepEqual decide as Node's do", async () => {
    const code = `import util from 'util';
import assert from 'assert';
import strict from 'assert/strict';
const passes = (fn, a, b) => { try { fn(a, b); return true; } catch (e) { if (e.name !== 'AssertionError') throw e; return false; } };
export const run = () => [${PAIRS.map(([a, b]) => `[util.isDeepStrictEqual(${a}, ${b}), passes(assert.deepStrictEqual, ${a}, ${b}), passes(assert.deepEqual, ${a}, ${b}), passes(strict.deepEqual, ${a}, ${b}), passes(assert.notDeepStrictEqual, ${a}, ${b})]`).join(',\n')}];
`;
    const result = await bundleAction({ name: 'a', files: new Map([['actions/a/index.js', code]]), entry: 'actions/a/index.js', dependencies: {}, deps: undefined, warnBytes: Infinity });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const vm = await loadBundle(result.code);
    let got: unknown;
    try {
      got = await vm.call('run');
    } finally {
      vm.dispose();
    }
    const passes = (fn: (a: unknown, b: unknown) => void, a: unknown, b: unknown) => {
      try {
        fn(a, b);
        return true;
      } catch {
        return false;
      }
    };
    const want = PAIRS.map(([a, b]) => {
      const [x, y] = new Function(`return [${a}, ${b}];`)() as [unknown, unknown];
      return [isDeepStrictEqual(x, y), passes(assert.deepStrictEqual, x, y), passes(assert.deepEqual, x, y), passes(assert.strict.deepEqual, x, y), passes(assert.notDeepStrictEqual, x, y)];
    });
    expect((got as boolean[][]).map((r, i) => ({ pair: PAIRS[i], r }))).toEqual(want.map((r, i) => ({ pair: PAIRS[i], r })));
  });

  it('a failed deep assertion is an AssertionError with its message, generated or given', async () => {
    const code = `import assert from 'assert';
const error = (fn) => { try { fn(); return null; } catch (e) { return [e.name, e.code, e.message, e.generatedMessage, e instanceof assert.AssertionError]; } };
export const run = () => [error(() => assert.deepStrictEqual({ a: 1 }, { a: 2 })), error(() => assert.deepStrictEqual([1], [2], 'roles differ')), error(() => assert.notDeepStrictEqual([1], [1]))];
`;
    const result = await bundleAction({ name: 'a', files: new Map([['actions/a/index.js', code]]), entry: 'actions/a/index.js', dependencies: {}, deps: undefined, warnBytes: Infinity });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('run')).toEqual([
        ['AssertionError', 'ERR_ASSERTION', 'Expected values to be strictly deep-equal:\n\n{"a":1}\n\nshould equal\n\n{"a":2}\n', true, true],
        ['AssertionError', 'ERR_ASSERTION', 'roles differ', false, true],
        ['AssertionError', 'ERR_ASSERTION', 'Expected "actual" not to be strictly deep-equal to:\n\n[1]\n', true, true],
      ]);
    } finally {
      vm.dispose();
    }
  });

  it("every assertion fails as Node's does, with the same name, code and message (run in the real sandbox)", async () => {
    const cases = [
      `assert.strictEqual(1, 2)`, `assert.strictEqual('a', 'b', 'm')`, `assert.equal(1, 2)`, `assert.notEqual(1, 1)`, `assert.notStrictEqual(1, 1)`,
      `assert.fail()`, `assert.fail('boom')`, `assert.match('abc', /x/)`, `assert.match('abc', /b/)`, `assert.doesNotMatch('abc', /b/)`, `assert.match(1, /b/)`,
      `assert.throws(() => {})`, `assert.throws(() => {}, TypeError)`, `assert.throws(() => {}, 'needs')`, `assert.doesNotThrow(() => { throw new Error('boom'); })`,
      `assert.doesNotThrow(() => { throw new Error('boom'); }, 'msg')`, `assert.ifError(new Error('e'))`, `assert.ok(0, 'zero')`, `assert(0, 'zero')`,
      `assert.strict(0, 'z')`, `assert.strict.equal(1, 2)`, `assert.ok(true)`, `assert.deepStrictEqual({ a: 1 }, { a: 1 })`, `assert.notDeepStrictEqual([1], [1])`,
    ];
    const code = `const assert = require('assert');
const r = (fn) => { try { fn(); return 'passed'; } catch (e) { return [e.name, e.code, e.message, e instanceof assert.AssertionError]; } };
exports.run = async () => JSON.stringify([${cases.map((c) => `r(() => ${c})`).join(', ')}]);
`;
    const result = await bundleAction({ name: 'a', files: new Map([['actions/a/index.js', code]]), entry: 'actions/a/index.js', dependencies: {}, deps: undefined, warnBytes: Infinity });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const module = await createSandboxModule();
    const loaded = await loadSandboxContext(module, { bundle: result.code.replace(/;?\s*$/, ';') + 'var __out; var __run = __actuate_action.run; __actuate_action = { run: async () => console.log(await __run()) };' });
    if (!loaded.ok) throw new Error(loaded.error.stack);
    const invoked = await loaded.context.invoke('run', '{}');
    loaded.context.dispose();
    if (!invoked.ok) throw new Error(invoked.error.stack);
    const got = JSON.parse(invoked.logs[0]!.message) as unknown[];
    const want = cases.map((c) => {
      try {
        new Function('assert', c)(assert);
        return 'passed';
      } catch (e) {
        const err = e as Error & { code?: string };
        return [err.name, err.code, err.message, err instanceof assert.AssertionError];
      }
    });
    expect(got.map((g, i) => ({ c: cases[i], g }))).toEqual(want.map((g, i) => ({ c: cases[i], g })));
  });
});
