import { format, inspect } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSandboxModule, loadSandboxContext } from './index.ts';
import type { SandboxModule } from './index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/** What `console.log(...args)` printed in the sandbox, for each argument list (JS source). */
async function guestLines(argLists: readonly string[]): Promise<string[]> {
  const body = argLists.map((a) => `console.log(${a});`).join('\n');
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async () => {\n${body}\n} };`,
    limits: { consoleMaxEntries: 1000, consoleMaxChars: 10_000_000, consoleEntryChars: 1_000_000 },
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    const result = await r.context.invoke('h', '{}');
    if (!result.ok) throw new Error(`${result.kind}: ${result.error.stack}`);
    return result.logs.map((l) => l.message);
  } finally {
    r.context.dispose();
  }
}

/** What Node prints for the same arguments: the reference. */
function nodeLine(args: string): string {
  return format(...(new Function(`return [${args}];`)() as unknown[]));
}

/** Values real actions log: events, users, tokens, API responses, errors' companions. */
const USER = `{ user_id: 'auth0|5f7c8ec7c33c6c004bbafe82', email: 'j+smith@example.com', email_verified: true, name: 'Jane Smith',
  app_metadata: { roles: ['admin', 'user'], plan: { tier: 'gold', since: '2021-01-01' } }, user_metadata: { locale: 'en-GB', tz: 'Europe/London' },
  identities: [{ provider: 'auth0', user_id: '5f7c8ec7c33c6c004bbafe82', connection: 'Username-Password-Authentication', isSocial: false }],
  created_at: '2020-10-06T15:23:19.873Z', logins_count: 42 }`;

const CASES = [
  // primitives and strings, nested or not
  `'plain'`, `1, -0, 0.1, NaN, -Infinity`, `10n, true, null, undefined`, `Symbol('s'), Symbol(), Symbol.iterator`,
  `['a', "it's", 'say "hi"', 'both \\' and "', 'all \\' " \`', 'tab\\tnew\\nline', '\\u0001\\u007f']`,
  `{ s: 'x'.repeat(120) }`, `{ s: 'line one is here\\nline two is here\\nline three is much longer than the others', n: 1 }`,
  `['${'y'.repeat(70)}', 'z']`,
  // objects: keys, nesting, line breaking, depth
  `{}`, `{ a: 1 }`, `{ 'b-c': 1, 1: 'one', _ok: 2, $no: 3, 'with space': 4, ['__proto__']: 5 }`,
  `{ a: { b: { c: { d: 1 } } } }`, `{ a: { b: { c: {} } } }`, `[[1, [2, [3, [4]]]]]`, `{ a: [{ b: [{ c: 1 }] }] }`,
  USER, `{ event: { user: ${USER}, request: { ip: '203.0.113.7', geoip: { countryCode: 'GB', cityName: 'London' } } } }`,
  `{ access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig', token_type: 'Bearer', expires_in: 86400, scope: 'openid profile email' }`,
  `{ a: 1, b: 'two', c: [1, 2, 3], d: { e: null, f: undefined }, g: true }`,
  `{ k1: 'value number one', k2: 'value number two', k3: 'value number three', k4: 4 }`,
  // arrays: empty, short, long, grouped in columns, holes, extra keys, over 100 items
  `[]`, `[1, 2, 3]`, `Array.from({ length: 7 }, (_, i) => i)`, `Array.from({ length: 30 }, (_, i) => i * 37)`,
  `Array.from({ length: 26 }, (_, i) => 'item' + i)`, `Array.from({ length: 120 }, (_, i) => i)`,
  `Array.from({ length: 10 }, (_, i) => ({ id: i, name: 'user' + i }))`, `[1, , 3, , , 6]`, `new Array(5)`,
  `Object.assign([1, 2], { extra: true })`, `['admin', 'user', 'billing', 'support', 'readonly', 'auditor', 'owner']`,
  `[1.5, -2, 300, 4000, 50000, 6, 7, 8n]`, `[true, false, null, undefined, 1, 'a', {}]`,
  // collections, typed arrays, buffers
  `new Map([['a', 1], ['b', { c: 2 }]])`, `new Map()`, `new Set([1, 'two', [3]])`, `new Set()`,
  `new Map([[{ k: 1 }, new Set([1])]])`, `new Uint8Array([1, 2, 3])`, `new Float64Array(2)`, `new Uint8Array(0)`,
  `new ArrayBuffer(4)`, `new WeakMap(), new WeakSet()`,
  // functions and classes
  `function named() {}, () => 1, async function af() {}, function* gen() {}, async () => {}`,
  `{ fn() {}, arrow: () => 1, anon: function () {} }`, `class Foo {}, class extends Array {}`,
  `Object.assign(function withProps() {}, { a: 1 })`,
  `(() => { class Point { constructor() { this.x = 1; this.y = 2; } } return new Point(); })()`,
  `(() => { class Empty {} return new Empty(); })()`,
  `(() => { class Tagged { get [Symbol.toStringTag]() { return 'Tg'; } } return new Tagged(); })()`,
  // special objects
  `new Date(0)`, `new Date(NaN)`, `/ab+c/gi`, `Object.create(null)`, `Object.assign(Object.create(null), { a: 1 })`,
  `{ get x() { return 1; }, set y(v) {}, get z() { return 1; }, set z(v) {} }`,
  `(() => { const o = { a: 1 }; o.self = o; return o; })()`,
  `(() => { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; return [a, b]; })()`,
  `{ [Symbol('k')]: 1, s: 2 }`, `new String('abc'), new Number(-0), new Boolean(false)`,
  `{ [Symbol.for('nodejs.util.inspect.custom')]() { return 'custom!'; } }`,
  `{ nested: { [Symbol.for('nodejs.util.inspect.custom')](depth) { return { depth }; } } }`,
  `(function () { return arguments; })(1, 'a')`,
  // the sandbox's web classes, as Node's print
  `new URL('https://a.com/x?y=1&z=2#h')`, `{ u: new URL('https://user:pw@a.com:8443/') }`, `new URLSearchParams('a=1&b=2')`, `new URLSearchParams()`,
  `new URLSearchParams({ long_parameter_name_one: 'value number one', long_parameter_name_two: 'value number two' })`,
  `new Blob(['abc'], { type: 'text/plain' })`, `new File(['z'], 'z.txt', { lastModified: 5 })`, `{ file: new File([], 'a') , n: 1 }`.replace('new File([], \'a\')', "new File([], 'a', { lastModified: 7 })"),
  `new Headers({ a: '1', 'Content-Type': 'application/json' })`, `new Headers()`,
  `(() => { const f = new FormData(); f.append('a', '1'); f.append('b', '2'); f.append('a', '3'); return f; })()`, `new FormData()`,
  // format strings
  `'%s is %d years and %i days, %f', 'Ann', 42.5, 7.9, '1.5'`, `'%s', { a: { b: 1 } }`, `'%s', [1, [2, [3]]]`,
  `'%s %s', -0, 5n`, `'%s', { toString() { return 'mine'; } }`, `'%s', (() => { class P { toString() { return 'P!'; } } return new P(); })()`,
  `'%j and %j', { a: [1] }, 'str'`, `'%o', [1, { a: 2 }]`, `'%o', { f() {}, s: 'str' }`, `'%o', (x) => x`, `'%o', 'str'`, `'%O', { a: { b: { c: { d: 1 } } } }`,
  `'100%% sure', 'extra', 3`, `'%s'`, `'%d', '42abc'`, `'%c styled', 'color: red'`, `'%x unknown', 1`,
  `'login of', 'auth0|123', 'from', { country: 'GB' }`, `{ a: 1 }, 'then a string', 2`,
];

describe('console output matches Node', () => {
  test('every value prints exactly as Node 20 prints it', async () => {
    const got = await guestLines(CASES);
    const mismatches = CASES.map((c, i) => ({ args: c, node: nodeLine(c), guest: got[i] })).filter((m) => m.node !== m.guest);
    expect(mismatches).toEqual([]);
  });

  test('random JSON-shaped values (what actions mostly log) print as Node prints them', async () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = ['a', 'id', 'user_id', 'email', 'x-y', 'roles', 'app_metadata', 'createdAt', 'it\'s', 'a "q"', '1', 'long_key_name_here', ''];
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 4 || r < 0.45) {
        return pick<() => unknown>([() => Math.floor(rand() * 100000) - 500, () => rand() * 1000, () => pick(words), () => pick(words).repeat(1 + Math.floor(rand() * 12)), () => true, () => null, () => 'line\nbreak'])();
      }
      if (r < 0.72) return Array.from({ length: Math.floor(rand() * (rand() < 0.2 ? 40 : 8)) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 9) }, (_, i) => [pick(words) + (rand() < 0.5 ? i : ''), value(depth + 1)]));
    };
    const cases = Array.from({ length: 300 }, () => JSON.stringify(value(0)));
    const got = await guestLines(cases);
    const mismatches = cases.map((c, i) => ({ args: c, node: nodeLine(c), guest: got[i] })).filter((m) => m.node !== m.guest);
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  test("util.inspect's options (what require('util') gets) work as in Node", async () => {
    const cases: [string, string][] = [
      [USER, '{ depth: 0 }'], [USER, '{ depth: null }'], [`{ a: { b: { c: { d: { e: 1 } } } } }`, '{ depth: Infinity }'],
      [USER, '{ compact: false }'], [USER, '{ compact: true }'], [USER, '{ compact: 1 }'], [`{ a: [{ b: { c: 1 } }] }`, '{ compact: 1, breakLength: 40 }'],
      [USER, '{ breakLength: Infinity }'], [USER, '{ breakLength: 40 }'], [USER, '{ sorted: true }'],
      [`Array.from({ length: 30 }, (_, i) => i)`, '{ maxArrayLength: 5 }'], [`Array.from({ length: 30 }, (_, i) => i)`, '{ maxArrayLength: null }'],
      [`Object.assign(['b', 'a'], { z: 1, y: 2 })`, '{ sorted: true }'], [`new Set(['b', 'a'])`, '{ sorted: true }'],
      [`'x'.repeat(50)`, '{ maxStringLength: 10 }'], [`[1, [2]]`, 'true'], [`{ [Symbol.for('nodejs.util.inspect.custom')]() { return 'c'; } }`, '{ customInspect: false }'],
    ];
    const got = await guestLines(cases.map(([v, o]) => `__actuate_builtins.util.inspect(${v}, ${o})`));
    const want = cases.map(([v, o]) => inspect(...(new Function(`return [${v}, ${o}];`)() as [unknown, object])));
    expect(got.map((g, i) => ({ g, case: cases[i] }))).toEqual(want.map((g, i) => ({ g, case: cases[i] })));
    const [formatted] = await guestLines([`__actuate_builtins.util.formatWithOptions({ depth: 0 }, 'user %s', 'x', { a: { b: 1 } })`]);
    expect(formatted).toBe(format('user %s', 'x', { a: '[Object]' }).replace(`'[Object]'`, '[Object]'));
  });

  test('errors print their stack with the name and message first, and their own properties and cause after', async () => {
    const [plain, withProps, withCause, nested] = await guestLines([
      `new TypeError('bad input')`,
      `Object.assign(new Error('request failed'), { status: 503, code: 'E_UNAVAILABLE' })`,
      `new Error('outer', { cause: new RangeError('inner') })`,
      `{ error: new Error('deep') }`,
    ]);
    expect(plain).toMatch(/^TypeError: bad input\n {4}at /);
    expect(withProps).toMatch(/^Error: request failed\n {4}at [^]*\{\n {2}status: 503,\n {2}code: 'E_UNAVAILABLE'\n\}$/);
    expect(withCause).toMatch(/^Error: outer\n {4}at [^]*\{\n {2}\[cause\]: RangeError: inner\n {6}at [^]*\n\}$/);
    expect(nested).toMatch(/^\{\n {2}error: Error: deep\n {6}at [^]*\n\}$/);
  });

  test('console.dir inspects strings too, assert warns like Node, groups indent every line, and a huge object is bounded', async () => {
    const r = await loadSandboxContext(module, {
      bundle: `var __actuate_action = { h: async () => {
        console.dir('quoted'); console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
        console.assert(false, 'expected %d', 1); console.assert(true, 'never');
        console.group('G'); console.log({ a: 'x'.repeat(50), b: 'y'.repeat(50) }); console.groupEnd(); console.log('out');
        const wide = {}; for (let i = 0; i < 100000; i++) wide['key' + i] = i;
        console.log(wide);
      } };`,
      limits: { consoleEntryChars: 1000 },
    });
    if (!r.ok) throw new Error('load');
    const result = await r.context.invoke('h', '{}');
    r.context.dispose();
    if (!result.ok) throw new Error(result.error.stack);
    const lines = result.logs.map((l) => `${l.level} ${l.message}`);
    expect(lines.slice(0, 6)).toEqual([
      `log 'quoted'`,
      'log { a: [Object] }',
      'warn Assertion failed: expected 1',
      'log G',
      `log   {\n    a: '${'x'.repeat(50)}',\n    b: '${'y'.repeat(50)}'\n  }`,
      'log out',
    ]);
    expect(lines[6]).toMatch(/^log \{\n {2}key0: 0,\n {2}key1: 1,[^]*… \[\d+ more characters truncated\]$/);
  });
});
