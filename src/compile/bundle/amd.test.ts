import { describe, expect, test } from 'vitest';
import { amdAsCommonJs, isAmdModule } from './amd.ts';

/** Runs the CommonJS form of an AMD file with a require() that knows `modules`. */
function load(source: string, modules: Record<string, unknown> = {}): unknown {
  const cjs = amdAsCommonJs(source);
  if (cjs === undefined) throw new Error('not AMD');
  const module = { exports: {} as unknown };
  const require = (id: string) => {
    if (!Object.hasOwn(modules, id)) throw new Error(`unexpected require(${id})`);
    return modules[id];
  };
  new Function('require', 'module', 'exports', cjs)(require, module, module.exports);
  return module.exports;
}

describe('telling AMD files apart', () => {
  test('comments, blank space and "use strict" may come first; anything else means not AMD', () => {
    expect(isAmdModule('// lead\n/* block\n */\n\n  "use strict";\n// more\ndefine(["a"], function (a) {});')).toBe(true);
    expect(isAmdModule("'use strict'\n  define  (  'id' , [], f)")).toBe(true);
    expect(isAmdModule('module.exports = define(1);')).toBe(false);
    expect(isAmdModule('/* unterminated comment define(')).toBe(false);
    expect(isAmdModule('"use strict"; "use strict"; define(f)')).toBe(false);
  });

  test('a file opening with a long run of blank space is read in linear time (the old pattern backtracked exponentially and hung the build)', () => {
    expect(isAmdModule(`${' \n\t'.repeat(1300)}module.exports = 1;`)).toBe(false);
    expect(isAmdModule(`${'\n'.repeat(4000)}/* x */ define(function () {});`)).toBe(true);
    expect(isAmdModule(`${'// c\n   \n'.repeat(400)}"use strict";${' '.repeat(1000)}exports.x = 1;`)).toBe(false);
  });
});

describe('AMD files as CommonJS', () => {
  test('a factory without dependencies returns the exports (mailgun.js browser build)', () => {
    expect(load('define(function () { return { a: 1 }; });')).toEqual({ a: 1 });
    expect(load('/*! banner */\n"use strict";\ndefine((function(){"use strict";return 42}));')).toBe(42);
  });

  test('named modules, literal dependencies and the require/exports/module ids', () => {
    const src = `define("x", ["require", "exports", "module", "./dep", "pkg"], function (require, exports, module, dep, pkg) { exports.sum = dep + pkg; });`;
    expect(load(src, { './dep': 1, pkg: 2 })).toEqual({ sum: 3 });
    expect(load(`define(['exports'], function (exports) { exports.v = 'e'; });`)).toEqual({ v: 'e' });
    expect(load(`define(function (require, exports, module) { module.exports = 'cjs-style'; });`)).toBe('cjs-style');
    expect(load(`define({ plain: true });`)).toEqual({ plain: true });
  });

  test('only files that start with define( are touched (UMD wrappers and calls later in a file are not)', () => {
    expect(amdAsCommonJs(`(function (root, factory) { if (typeof define === 'function' && define.amd) define([], factory); else module.exports = factory(); })(this, function () {});`)).toBeUndefined();
    expect(amdAsCommonJs(`var x = 1;\ndefine(function () {});`)).toBeUndefined();
    expect(amdAsCommonJs(`module.exports = { define() {} };`)).toBeUndefined();
  });

  test('the prefix stays on the first line, so source maps keep their lines', () => {
    expect(amdAsCommonJs('define(function () {\n  return 1;\n});')!.split('\n')).toHaveLength(3);
  });
});
