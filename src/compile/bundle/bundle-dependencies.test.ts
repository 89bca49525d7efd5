import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from '../../../test/helpers/local-registry.ts';
import { loadBundle } from '../../../test/helpers/quickjs-bundle.ts';
import { bundleAction, installDependencies } from './index.ts';
import type { BundleResult, InstalledDependencies } from './types.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/npm/', import.meta.url));
const DEPENDENCIES = { 'browser-safe': '1.0.0', 'emitter-cjs': '1.0.0', 'esm-only': '1.0.0', 'needs-peer': '1.0.0', 'shout-cjs': '1.0.0', 'uses-fs': '1.0.0', 'wasm-build': '1.0.0' };

let registry: LocalRegistry;
const cacheDirs: string[] = [];
let deps: InstalledDependencies;

async function install(): Promise<InstalledDependencies> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'actuate-deps-'));
  cacheDirs.push(cacheDir);
  const result = await installDependencies(DEPENDENCIES, { cacheDir, registry: registry.url });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

beforeAll(async () => {
  registry = await startLocalRegistry(['greet-cjs', 'shout-cjs', 'esm-only', 'uses-fs', 'browser-safe', 'emitter-cjs', 'needs-peer', 'wasm-build'].map((p) => path.join(FIXTURES, p)));
  deps = await install();
});
afterAll(async () => {
  await registry?.close();
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
});

function bundle(files: Record<string, string>, entry: string, installed = deps): Promise<BundleResult> {
  return bundleAction({ name: 'a', files: new Map(Object.entries(files)), entry, dependencies: DEPENDENCIES, deps: installed });
}

async function run(files: Record<string, string>, entry: string, ...args: unknown[]): Promise<unknown> {
  const result = await bundle(files, entry);
  if (!result.ok) throw new Error(`bundle failed: ${JSON.stringify(result.diagnostics, null, 2)}`);
  const vm = await loadBundle(result.code);
  try {
    return await vm.call('onExecutePostLogin', ...args);
  } finally {
    vm.dispose();
  }
}

const TS_ENTRY = {
  'actions/a/index.ts': [
    "import shout from 'shout-cjs';",
    "import triple, { double } from 'esm-only';",
    'export const onExecutePostLogin = async (event: { name: string }) => [shout(event.name), double(2), triple(2)];',
  ].join('\n'),
};

describe('declared npm packages', () => {
  test('a CommonJS package with its own dependency and an ES module package bundle and run in QuickJS', async () => {
    expect(await run(TS_ENTRY, 'actions/a/index.ts', { name: 'ada' })).toEqual(['HELLO ADA!', 4, 6]);
  });

  test('require() from a CommonJS entry works as in Node.js', async () => {
    const files = { 'actions/a/index.js': "const shout = require('shout-cjs');\nexports.onExecutePostLogin = async (event) => shout(event.name);\n" };
    expect(await run(files, 'actions/a/index.js', { name: 'bob' })).toBe('HELLO BOB!');
  });

  test('a package using events, util.inherits and the Buffer global gets them from the compatibility layer', async () => {
    const files = {
      'actions/a/index.js': [
        "const Ticker = require('emitter-cjs');",
        'exports.onExecutePostLogin = async () => { const t = new Ticker(); const seen = []; t.on("tick", (h) => seen.push(h)); t.tick(42); return seen; };',
      ].join('\n'),
    };
    expect(await run(files, 'actions/a/index.js')).toEqual(['3432']);
  });

  test('a package that maps fs away in its "browser" field bundles (and sees no fs)', async () => {
    const files = { 'actions/a/index.js': "const hasFs = require('browser-safe');\nexports.onExecutePostLogin = async () => hasFs();\n" };
    expect(await run(files, 'actions/a/index.js')).toBe(false);
  });

  test('source map sources are repo-relative and node_modules/<pkg>/<file>, never machine paths', async () => {
    const result = await bundle(TS_ENTRY, 'actions/a/index.ts');
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const map = JSON.parse(result.map) as { sources: string[] };
    expect([...map.sources].sort()).toEqual(['actions/a/index.ts', 'node_modules/esm-only/index.js', 'node_modules/greet-cjs/index.js', 'node_modules/shout-cjs/index.js']);
    expect(result.code).not.toContain(deps.dir);
    expect(result.map).not.toContain(deps.dir);
  });

  test('the same files and dependencies give identical bytes from two different cache directories', async () => {
    const other = await install();
    expect(other.dir).not.toBe(deps.dir);
    expect(other.resolved).toEqual(deps.resolved);
    const files = { ...TS_ENTRY, 'actions/a/extra.js': "module.exports = require('emitter-cjs');\n" };
    const [one, two] = await Promise.all([bundle(files, 'actions/a/index.ts'), bundle(files, 'actions/a/index.ts', other)]);
    if (!one.ok || !two.ok) throw new Error('bundle failed');
    expect(two.code).toBe(one.code);
    expect(two.map).toBe(one.map);
  });
});

describe('import errors', () => {
  test('a package installed only as a dependency of another is still undeclared for the action', async () => {
    const result = await bundle({ 'actions/a/index.ts': "import { greet } from 'greet-cjs';\nexport const x = greet;\n" }, 'actions/a/index.ts');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'E_UNDECLARED_PACKAGE', file: 'actions/a/index.ts', line: 1, column: 23 }] });
  });

  test('built-ins a dependency imports but the sandbox lacks get stand-ins and a warning with the chain, at the action\'s own import', async () => {
    const files = {
      'actions/a/index.js': "const helper = require('./helper');\nexports.onExecutePostLogin = async () => {\n  try { helper('/etc/hosts'); return 'read'; } catch (e) { return [e.code, e.message, helper.env()]; }\n};\n",
      'actions/a/helper.js': "// reads files\nmodule.exports = require('uses-fs');\n",
    };
    const result = await bundle(files, 'actions/a/index.js');
    expect(result.ok).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.code === 'W_BUILTIN_STUBBED');
    expect(warnings.map((d) => d.message.match(/imports "(\w+)"/)![1]).sort()).toEqual(['fs', 'http2', 'https', 'net', 'os', 'readline', 'worker_threads']);
    expect(warnings.find((d) => d.message.includes('"fs"'))).toEqual({
      code: 'W_BUILTIN_STUBBED',
      severity: 'warning',
      message:
        'the package "uses-fs" imports "fs", which the sandbox does not provide: it gets a stand-in whose functions throw when called (imported through actions/a/index.js -> actions/a/helper.js -> node_modules/uses-fs/index.js -> node_modules/uses-fs/lib/read.js -> fs)',
      file: 'actions/a/helper.js',
      line: 2,
      column: 27,
      endLine: 2,
      endColumn: 34,
      hint: expect.stringContaining('Actions have no file system'),
    });
    expect(warnings.find((d) => d.message.includes('"os"'))!.message).toContain('a stand-in with neutral answers');
    expect(await run(files, 'actions/a/index.js')).toEqual([
      'ERR_ACTUATE_UNAVAILABLE',
      'fs.readFileSync() is not available in the sandbox: actions have no file system; import JSON data from the repository, or fetch it',
      { platform: 'browser', eol: '\n', keepAlive: true, ip4: 4, ip6: 6, notIp: 0, mainThread: true, readline: 'function', status: ':status' },
    ]);
  });

  test("the action's own import of a built-in the sandbox lacks still fails the build", async () => {
    const result = await bundle({ 'actions/a/index.js': "const fs = require('fs');\nexports.onExecutePostLogin = async () => fs.readFileSync('/etc/hosts');\n" }, 'actions/a/index.js');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'E_UNSUPPORTED_BUILTIN', file: 'actions/a/index.js', line: 1, column: 20 }] });
  });

  test('a static import that fails inside a package is reported at the action\'s import, with where it failed', async () => {
    const result = await bundle({ 'actions/a/index.ts': "// peer\nimport peer from 'needs-peer/esm.mjs';\nexport const x = peer;\n" }, 'actions/a/index.ts');
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'E_IMPORT_NOT_FOUND',
          severity: 'error',
          message: 'Could not resolve "missing-peer" (in node_modules/needs-peer/esm.mjs:1:18, imported through actions/a/index.ts -> node_modules/needs-peer/esm.mjs)',
          file: 'actions/a/index.ts',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 37,
          hint: expect.stringContaining('declare it in the action\'s dependencies'),
        },
      ],
    });
  });

  test('a require() of a module that is not installed builds with a warning, and throws only when it runs (as in Node)', async () => {
    const result = await bundle({ 'actions/a/index.ts': "// peer\nimport peer from 'needs-peer';\nexport const x = peer;\n" }, 'actions/a/index.ts');
    expect(result).toMatchObject({
      ok: true,
      diagnostics: [
        {
          code: 'W_MISSING_MODULE',
          severity: 'warning',
          message: 'the package "needs-peer" requires "missing-peer", which is not installed: that require() throws "Cannot find module" if the action reaches it (imported through actions/a/index.ts -> node_modules/needs-peer/index.js -> missing-peer)',
          file: 'actions/a/index.ts',
          line: 2,
          column: 19,
          hint: expect.stringContaining('"dependencies": { "missing-peer": "<exact version>" }'),
        },
      ],
    });
    expect(result.ok && result.code).toContain("Cannot find module 'missing-peer'");
  });

  test('a package importing its WebAssembly file builds with a warning: its JavaScript runs, a call into the wasm throws naming the file', async () => {
    const files = {
      'actions/a/index.js': "const { greet, hash } = require('wasm-build');\nexports.onExecutePostLogin = async () => {\n  let error;\n  try { hash('x'); } catch (e) { error = [e.code, e.message]; }\n  return [greet('ada'), error];\n};\n",
    };
    const result = await bundle(files, 'actions/a/index.js');
    expect(result).toMatchObject({
      ok: true,
      diagnostics: [
        {
          code: 'W_WASM_UNAVAILABLE',
          severity: 'warning',
          message: 'the package "wasm-build" imports the WebAssembly module node_modules/wasm-build/hash_bg.wasm, which the sandbox cannot run: its functions throw if the action reaches them (imported through actions/a/index.js -> node_modules/wasm-build/index.js -> node_modules/wasm-build/hash_bg.wasm)',
          file: 'actions/a/index.js',
          line: 1,
          column: 34,
          hint: expect.stringContaining('JavaScript only'),
        },
      ],
    });
    expect(await run(files, 'actions/a/index.js')).toEqual([
      'hello ada',
      ['ERR_ACTUATE_UNAVAILABLE', 'WebAssembly is not available in the sandbox: node_modules/wasm-build/hash_bg.wasm cannot run'],
    ]);
  });
});
