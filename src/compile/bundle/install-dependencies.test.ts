import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from '../../../test/helpers/local-registry.ts';
import { loadBundle } from '../../../test/helpers/quickjs-bundle.ts';
import { bundleAction, installDependencies, isExactVersion } from './index.ts';
import { tempDir } from '../../../test/helpers/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/npm/', import.meta.url));

let registry: LocalRegistry;
beforeAll(async () => {
  registry = await startLocalRegistry(['greet-cjs', 'shout-cjs'].map((p) => path.join(FIXTURES, p)));
});
afterAll(async () => {
  await registry?.close();
});

const tempCache = () => tempDir('actuate-deps-');

describe('installDependencies', () => {
  test('installs exact versions with their own dependencies, then reuses the cached install', async () => {
    const cacheDir = tempCache();
    const first = await installDependencies({ 'shout-cjs': '1.0.0' }, { cacheDir, registry: registry.url });
    if (!first.ok) throw new Error(JSON.stringify(first.diagnostics));
    expect(first.value.resolved).toEqual([
      { name: 'greet-cjs', version: '1.0.0', integrity: expect.stringMatching(/^sha512-/) },
      { name: 'shout-cjs', version: '1.0.0', integrity: expect.stringMatching(/^sha512-/) },
    ]);
    expect(path.dirname(first.value.dir)).toBe(cacheDir);
    expect(path.basename(first.value.dir)).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(path.join(first.value.dir, 'node_modules')).filter((f) => !f.startsWith('.')).sort()).toEqual(['greet-cjs', 'shout-cjs']);

    const served = registry.requests();
    const again = await installDependencies({ 'shout-cjs': '1.0.0' }, { cacheDir, registry: registry.url });
    expect(again).toEqual(first);
    expect(registry.requests()).toBe(served);
    expect(readdirSync(cacheDir)).toEqual([path.basename(first.value.dir)]);
  });

  test('two installs racing for the same dependencies end with one shared install', async () => {
    const cacheDir = tempCache();
    const results = await Promise.all([1, 2].map(() => installDependencies({ 'greet-cjs': '1.0.0' }, { cacheDir, registry: registry.url })));
    expect(results[0]!.ok && results[1]!.ok).toBe(true);
    expect(results[1]).toEqual(results[0]);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  test('different dependency sets get different directories', async () => {
    const cacheDir = tempCache();
    const a = await installDependencies({ 'greet-cjs': '1.0.0' }, { cacheDir, registry: registry.url });
    const b = await installDependencies({ 'shout-cjs': '1.0.0' }, { cacheDir, registry: registry.url });
    expect(a.ok && b.ok && a.value.dir !== b.value.dir).toBe(true);
  });

  test('ranges, tags and bad names are rejected before npm runs', async () => {
    const result = await installDependencies({ lodash: '^4.17.21', ms: 'latest', 'Bad Name': '1.0.0', axios: '1.6.0' }, { cacheDir: tempCache() });
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({ code: 'E_DEPENDENCY_NAME', pointer: '/dependencies/Bad Name' }),
        expect.objectContaining({
          code: 'E_DEPENDENCY_VERSION',
          pointer: '/dependencies/lodash',
          message: '"lodash": "^4.17.21" is not an exact version; exact versions are required',
          hint: expect.stringMatching(/^Use "4\.17\.21"\./),
        }),
        expect.objectContaining({ code: 'E_DEPENDENCY_VERSION', pointer: '/dependencies/ms', hint: expect.stringContaining('such as "1.2.3"') }),
      ],
    });
  });

  test('an unknown package or version is a diagnostic carrying npm\'s message', async () => {
    const cacheDir = tempCache();
    const unknown = await installDependencies({ 'no-such-package': '1.0.0' }, { cacheDir, registry: registry.url });
    expect(unknown).toMatchObject({ ok: false, diagnostics: [{ code: 'E_DEPENDENCY_INSTALL', severity: 'error', message: expect.stringContaining("'no-such-package@1.0.0' could not be found") }] });
    const badVersion = await installDependencies({ 'greet-cjs': '9.9.9' }, { cacheDir, registry: registry.url });
    expect(badVersion).toMatchObject({ ok: false, diagnostics: [{ code: 'E_DEPENDENCY_INSTALL', message: expect.stringContaining('greet-cjs@9.9.9') }] });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  test('isExactVersion accepts only exact semver', () => {
    expect(['1.2.3', '0.0.1', '2.0.0-rc.25', '1.0.0+build.5'].every(isExactVersion)).toBe(true);
    expect(['^1.2.3', '~1.2.3', '1.2', '1.2.x', '>=1.0.0', 'latest', '01.2.3', 'v1.2.3', 'git+https://x/y.git', 'npm:ms@2.1.3'].some(isExactVersion)).toBe(false);
  });
});

describe.skipIf(process.env.ACTUATE_TEST_NPM !== '1')('the public npm registry (ACTUATE_TEST_NPM=1)', () => {
  test('installs ms@2.1.3, bundles it and runs it in QuickJS', async () => {
    const installed = await installDependencies({ ms: '2.1.3' }, { cacheDir: tempCache() });
    if (!installed.ok) throw new Error(JSON.stringify(installed.diagnostics));
    expect(installed.value.resolved).toEqual([
      { name: 'ms', version: '2.1.3', integrity: 'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==' },
    ]);
    const result = await bundleAction({
      name: 'ms',
      files: new Map([['actions/ms/index.js', "const ms = require('ms');\nexports.onExecutePostLogin = async () => [ms('2 days'), ms(60000)];\n"]]),
      entry: 'actions/ms/index.js',
      dependencies: { ms: '2.1.3' },
      deps: installed.value,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const vm = await loadBundle(result.code);
    try {
      expect(await vm.call('onExecutePostLogin')).toEqual([172800000, '1m']);
    } finally {
      vm.dispose();
    }
  });
});
