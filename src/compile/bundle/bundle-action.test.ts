import { describe, expect, test } from 'vitest';
import { loadBundle } from '../../../test/helpers/quickjs-bundle.ts';
import { SANDBOX_BUILTINS, bundleAction } from './index.ts';
import type { BundleResult } from './types.ts';

type Ok = Extract<BundleResult, { ok: true }>;

async function bundle(files: Record<string, string>, entry = 'actions/a/index.ts', extra: { warnBytes?: number } = {}): Promise<BundleResult> {
  return bundleAction({ name: 'a', files: new Map(Object.entries(files)), entry, dependencies: {}, deps: undefined, ...extra });
}

async function ok(files: Record<string, string>, entry?: string): Promise<Ok> {
  const result = await bundle(files, entry);
  if (!result.ok) throw new Error(`bundle failed: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result;
}

describe('entry styles', () => {
  test('an ES module entry in TypeScript with sibling imports exposes its exports', async () => {
    const result = await ok({
      'actions/a/index.ts': [
        "import { greet } from './greet';",
        "import { double } from './lib';",
        "import { triple } from './math.js';",
        "import config from './config.json';",
        'export const onExecutePostLogin = async (event: { user: { name: string } }, api: unknown): Promise<string> => {',
        '  return `${greet(event.user.name)} ${double(2)} ${triple(2)} ${config.region}`;',
        '};',
        'export const version: number = 3;',
      ].join('\n'),
      'actions/a/greet.ts': 'export function greet(name: string): string { return `hi ${name}`; }\n',
      'actions/a/lib/index.ts': 'export const double = (x: number): number => x * 2;\n',
      'actions/a/math.ts': 'export const triple = (x: number): number => x * 3;\n',
      'actions/a/config.json': '{ "region": "eu" }\n',
    });
    const vm = await loadBundle(result.code);
    try {
      expect(vm.exports).toEqual(['onExecutePostLogin', 'version']);
      expect(await vm.call('onExecutePostLogin', { user: { name: 'ada' } }, {})).toBe('hi ada 4 6 eu');
      expect(vm.evaluate('__actuate_action.version')).toBe(3);
    } finally {
      vm.dispose();
    }
  });

  test('a CommonJS entry in JavaScript (as written for Auth0) exposes module.exports', async () => {
    const result = await ok(
      {
        'actions/a/index.js': [
          "const { roles } = require('./roles');",
          'exports.onExecutePostLogin = async (event, api) => roles(event.user.email);',
          'exports.onContinuePostLogin = async () => "continued";',
        ].join('\n'),
        'actions/a/roles.js': "module.exports.roles = (email) => email.endsWith('@example.com') ? ['admin'] : [];\n",
      },
      'actions/a/index.js',
    );
    const vm = await loadBundle(result.code);
    try {
      expect(vm.exports).toEqual(['onContinuePostLogin', 'onExecutePostLogin']);
      expect(await vm.call('onExecutePostLogin', { user: { email: 'x@example.com' } }, {})).toEqual(['admin']);
      expect(await vm.call('onContinuePostLogin')).toBe('continued');
    } finally {
      vm.dispose();
    }
  });

  test('the bundle is a script that only adds __actuate_action to the global scope', async () => {
    const result = await ok({ 'actions/a/index.ts': 'const secret = 1;\nexport const onExecutePostLogin = async () => secret;\n' });
    expect(result.code.startsWith('var __actuate_action=')).toBe(true);
    const vm = await loadBundle(result.code);
    try {
      expect(vm.evaluate('typeof secret')).toBe('undefined');
      expect(vm.evaluate('Object.keys(globalThis).filter((k) => k.startsWith("__actuate"))')).toEqual(['__actuate_builtins', '__actuate_action']);
    } finally {
      vm.dispose();
    }
  });
});

describe('problems are diagnostics at the import', () => {
  test('an undeclared package is E_UNDECLARED_PACKAGE at file:line:column', async () => {
    const result = await bundle({ 'actions/a/index.ts': "// roles\nimport axios from 'axios';\nexport const onExecutePostLogin = async () => axios;\n" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E_UNDECLARED_PACKAGE',
        severity: 'error',
        file: 'actions/a/index.ts',
        line: 2,
        column: 19,
        message: '"axios" is imported by actions/a/index.ts but not declared in actions/a/action.json',
        hint: expect.stringContaining('"dependencies": { "axios": "<exact version>" }'),
      }),
    ]);
  });

  test('a direct import of fs is E_UNSUPPORTED_BUILTIN naming the chain', async () => {
    const result = await bundle({
      'actions/a/index.js': "const helper = require('./helper');\nexports.onExecutePostLogin = async () => helper();\n",
      'actions/a/helper.js': "const é = 1;\nconst { readFileSync } = require('node:fs');\nmodule.exports = () => readFileSync;\n",
    }, 'actions/a/index.js');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'E_UNSUPPORTED_BUILTIN',
      file: 'actions/a/helper.js',
      line: 2,
      column: 34,
      message: expect.stringContaining('actions/a/index.js -> actions/a/helper.js -> node:fs'),
      hint: expect.stringContaining('no file system'),
    });
  });

  test('every unsupported built-in of a file is reported, http with a hint to use fetch', async () => {
    const result = await bundle({ 'actions/a/index.ts': "import http from 'http';\nimport net from 'node:net';\nexport const x = [http, net];\n" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['E_UNSUPPORTED_BUILTIN', 1],
      ['E_UNSUPPORTED_BUILTIN', 2],
    ]);
    expect(result.diagnostics[0]!.hint).toContain('fetch()');
  });

  test('a missing relative import is E_IMPORT_NOT_FOUND with its position', async () => {
    const result = await bundle({ 'actions/a/index.ts': "import { x } from './nope';\nexport const y = x;\n" });
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'E_IMPORT_NOT_FOUND', file: 'actions/a/index.ts', line: 1, column: 19, message: 'cannot find "./nope" imported by actions/a/index.ts' }],
    });
  });

  test('a syntax error is E_BUNDLE at its position', async () => {
    const result = await bundle({ 'actions/a/index.ts': 'export const x = ;\n' });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'E_BUNDLE', file: 'actions/a/index.ts', line: 1, column: 18 }] });
  });

  test('a missing entry is E_ENTRY_NOT_FOUND', async () => {
    const result = await bundle({ 'actions/a/other.ts': '' });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'E_ENTRY_NOT_FOUND', file: 'actions/a/index.ts' }] });
  });
});

describe('Node.js built-ins from the compatibility layer', () => {
  test('Buffer, events, util, url, querystring, string_decoder, path, assert and punycode work in QuickJS', async () => {
    const result = await ok({
      'actions/a/index.ts': [
        "import { EventEmitter } from 'events';",
        "import util from 'node:util';",
        "import * as url from 'url';",
        "import querystring from 'querystring';",
        "import { StringDecoder } from 'string_decoder';",
        "import path from 'path';",
        "import assert from 'assert';",
        "import punycode from 'punycode';",
        "import { Buffer as B } from 'node:buffer';",
        'export const onExecutePostLogin = async () => {',
        '  const e = new EventEmitter();',
        '  const seen: string[] = [];',
        "  e.on('x', (v: string) => seen.push(v));",
        "  e.emit('x', 'one');",
        "  assert.strictEqual(seen.length, 1, 'one event');",
        '  const wait = util.promisify((cb: (err: null, v: string) => void) => cb(null, "promised"));',
        '  return {',
        '    events: seen,',
        "    format: util.format('%s=%d %j', 'n', 5, { a: 1 }),",
        '    inspect: util.inspect({ deep: { er: [1] } }),',
        '    promised: await wait(),',
        "    base64: Buffer.from('héllo').toString('base64'),",
        "    same: B === Buffer,",
        "    parsed: url.parse('https://user@example.com:8080/p/a?x=1#h').pathname,",
        "    query: querystring.stringify({ a: [1, 2], b: 'x y' }),",
        "    decoded: new StringDecoder('utf8').write(Buffer.from([0xe2, 0x82, 0xac])),",
        "    joined: path.join('/a/b', '../c', 'd.txt'),",
        "    ascii: punycode.toASCII('münchen.de'),",
        '  };',
        '};',
      ].join('\n'),
    });
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual({
        events: ['one'],
        format: 'n=5 {"a":1}',
        inspect: '{ deep: { er: [ 1 ] } }',
        promised: 'promised',
        base64: 'aMOpbGxv',
        same: true,
        parsed: '/p/a',
        query: 'a=1&a=2&b=x%20y',
        decoded: '€',
        joined: '/a/c/d.txt',
        ascii: 'xn--mnchen-3ya.de',
      });
      expect(vm.logs).toEqual([]);
    } finally {
      vm.dispose();
    }
  });

  test('every provided built-in loads in QuickJS, with and without node:', async () => {
    const names = [...SANDBOX_BUILTINS].sort();
    const result = await ok(
      {
        'actions/a/index.js': `exports.onExecutePostLogin = async () => [${names.map((n) => `[typeof require('${n}'), require('${n}') === require('node:${n}')]`).join(', ')}];\n`,
      },
      'actions/a/index.js',
    );
    const vm = await loadBundle(result.code);
    try {
      const kinds = (await vm.call('onExecutePostLogin')) as [string, boolean][];
      expect(Object.fromEntries(names.map((n, i) => [n, kinds[i]]))).toEqual(
        Object.fromEntries(names.map((n) => [n, [['assert', 'assert/strict', 'events', 'stream'].includes(n) || n.startsWith('_stream_') ? 'function' : 'object', true]])),
      );
    } finally {
      vm.dispose();
    }
  });

  test('CommonJS require of the layer gets what Node.js returns (a constructor for events)', async () => {
    const result = await ok(
      {
        'actions/a/index.js': [
          "const EventEmitter = require('events');",
          "const util = require('util');",
          'function Ticker() { EventEmitter.call(this); }',
          'util.inherits(Ticker, EventEmitter);',
          "exports.onExecutePostLogin = async () => { const t = new Ticker(); let n = 0; t.on('t', () => n++); t.emit('t'); t.emit('t'); return [n, t instanceof EventEmitter, typeof require('url').parse, typeof require('path').join]; };",
        ].join('\n'),
      },
      'actions/a/index.js',
    );
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual([2, true, 'function', 'function']);
    } finally {
      vm.dispose();
    }
  });

  test('stream gives a real Stream to inherit from (as jws needs), with pipeline working', async () => {
    const result = await ok(
      {
        'actions/a/index.js': [
          "const stream = require('stream');",
          "const util = require('util');",
          'function Upper() { stream.Transform.call(this); }',
          'util.inherits(Upper, stream.Transform);',
          'Upper.prototype._transform = function (chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); };',
          'function Legacy() { stream.Stream.call(this); this.readable = true; }',
          'util.inherits(Legacy, stream.Stream);',
          'exports.onExecutePostLogin = () => new Promise((resolve, reject) => {',
          '  const source = new stream.Readable({ read() {} });',
          '  const out = [];',
          '  const upper = new Upper();',
          "  upper.on('data', (d) => out.push(String(d)));",
          '  stream.pipeline(source, upper, (err) => (err ? reject(err) : resolve([out.join(""), typeof new Legacy().pipe])));',
          "  source.push('ab');",
          "  source.push('cd');",
          '  source.push(null);',
          '});',
        ].join('\n'),
      },
      'actions/a/index.js',
    );
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual(['ABCD', 'function']);
    } finally {
      vm.dispose();
    }
  });

  test('crypto is the object the runtime provides', async () => {
    const result = await ok({
      'actions/a/index.ts': "import crypto from 'node:crypto';\nimport { randomUUID } from 'crypto';\nexport const onExecutePostLogin = async () => [(crypto as unknown as { stub: string }).stub, randomUUID()];\n",
    });
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual(['host-crypto', '00000000-0000-4000-8000-000000000000']);
    } finally {
      vm.dispose();
    }
    const bare = await loadBundle(result.code, { builtins: false }).catch((e: Error) => e);
    expect(String(bare)).toContain('node:crypto is provided by the Actuate runtime');
  });

  test('process is a small shim; NODE_ENV is "production"; global is globalThis', async () => {
    const result = await ok({
      'actions/a/index.ts': [
        'export const onExecutePostLogin = async () => {',
        '  const order: string[] = [];',
        "  process.nextTick(() => order.push('tick'));",
        "  order.push('sync');",
        '  await null;',
        "  return [order, process.env.NODE_ENV, process.env.OTHER ?? 'unset', process.browser, global === globalThis];",
        '};',
      ].join('\n'),
    });
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual([['sync', 'tick'], 'production', 'unset', true, true]);
    } finally {
      vm.dispose();
    }
  });

  test('Buffer and process are added only to bundles that use them', async () => {
    const sources = (r: Ok) => (JSON.parse(r.map) as { sources: string[] }).sources;
    const plain = await ok({ 'actions/a/index.ts': 'export const x = process.env.NODE_ENV;\n' });
    expect(sources(plain)).toEqual(['actions/a/index.ts']);
    expect(plain.size).toBeLessThan(600);
    const withBuffer = await ok({ 'actions/a/index.ts': "export const x = Buffer.from('a').length;\n" });
    expect(sources(withBuffer)).toContain('actuate-builtin:npm/buffer@6.0.3/index.js');
    expect(sources(withBuffer).some((s) => s.includes('process'))).toBe(false);
  });
});

describe('output', () => {
  test('the source map names repo-relative sources and carries their content', async () => {
    const files = { 'actions/a/index.ts': "import { b } from './b';\nexport const a = () => b(2);\n", 'actions/a/b.ts': 'export function b(x: number): number { return x + 1; }\n' };
    const result = await ok(files);
    const map = JSON.parse(result.map) as { sources: string[]; sourcesContent: string[] };
    expect([...map.sources].sort()).toEqual(['actions/a/b.ts', 'actions/a/index.ts']);
    expect(map.sourcesContent).toEqual(map.sources.map((s) => files[s as keyof typeof files]));
  });

  test("esbuild's warnings about the action's own code are W_BUNDLE diagnostics", async () => {
    const result = await bundle({ 'actions/a/index.ts': "export const f = (x: unknown) => typeof x === 'strng';\n" });
    expect(result).toMatchObject({
      ok: true,
      diagnostics: [{ code: 'W_BUNDLE', severity: 'warning', file: 'actions/a/index.ts', line: 1, column: 47, message: expect.stringContaining('"strng"') }],
    });
  });

  test('the same files give the same bytes', async () => {
    const files = { 'actions/a/index.ts': "import { EventEmitter } from 'events';\nexport const e = new EventEmitter();\nexport const b = Buffer.alloc(1);\n" };
    const [one, two] = await Promise.all([ok(files), ok(files)]);
    expect(two.code).toBe(one.code);
    expect(two.map).toBe(one.map);
  });

  test('size is reported, with a warning above the budget naming the largest parts', async () => {
    const files = { 'actions/a/index.ts': "import util from 'util';\nexport const f = util.format;\n" };
    const quiet = await ok(files);
    expect(quiet.size).toBe(Buffer.byteLength(quiet.code));
    expect(quiet.diagnostics).toEqual([]);
    const loud = await bundle(files, undefined, { warnBytes: 10_000 });
    expect(loud.ok).toBe(true);
    expect(loud.diagnostics).toEqual([
      expect.objectContaining({
        code: 'W_BUNDLE_SIZE',
        severity: 'warning',
        file: 'actions/a/index.ts',
        message: expect.stringMatching(/^the bundle of action "a" is \d+\.\d kB, above the 10\.0 kB budget$/),
        hint: expect.stringMatching(/^Largest parts: util@0\.12\.5 \(Node\.js compatibility layer\) \d+\.\d kB, /),
      }),
    ]);
  });
});
