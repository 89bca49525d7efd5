import { builtinModules } from 'node:module';
import { describe, expect, test } from 'vitest';
import { SANDBOX_BUILTINS, UNSUPPORTED_BUILTINS, builtinName, unsupportedBuiltinHint } from './builtins.ts';
import { BUILTIN_SOURCES } from './polyfills.ts';

describe('built-in lists', () => {
  test('every built-in of this Node.js is either provided or rejected, never both', () => {
    const unclassified = builtinModules.filter((m) => !SANDBOX_BUILTINS.has(m) && !UNSUPPORTED_BUILTINS.has(m));
    expect(unclassified).toEqual([]);
    expect([...SANDBOX_BUILTINS].filter((m) => UNSUPPORTED_BUILTINS.has(m))).toEqual([]);
  });

  test('every provided built-in has a compatibility module, and nothing else has one', () => {
    expect(Object.keys(BUILTIN_SOURCES).sort()).toEqual([...SANDBOX_BUILTINS].sort());
  });

  test('every rejected built-in has a specific hint', () => {
    const generic = [...UNSUPPORTED_BUILTINS].filter((m) => unsupportedBuiltinHint(m).includes('not a Node.js built-in the sandbox knows'));
    expect(generic).toEqual([]);
  });
});

describe('builtinName', () => {
  test.each([
    ['fs', 'fs'],
    ['node:fs', 'fs'],
    ['fs/promises', 'fs/promises'],
    ['node:util/types', 'util/types'],
    ['buffer', 'buffer'],
    ['buffer/', undefined],
    ['lodash', undefined],
    ['test', undefined],
    ['node:test', 'test'],
    ['node:made-up', 'made-up'],
  ])('%s -> %s', (specifier, expected) => {
    expect(builtinName(specifier)).toBe(expected);
  });
});

describe('bundlerFingerprint', () => {
  test('bundles every provided built-in together into a digest', async () => {
    const { bundlerFingerprint } = await import('./index.ts');
    expect(await bundlerFingerprint()).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
