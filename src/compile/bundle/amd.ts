/**
 * AMD modules in npm packages, run as CommonJS. Some packages point their "browser" build at an
 * AMD file (mailgun.js: `define(function () { … })`), which esbuild leaves as a call to a global
 * `define` that no sandbox has: the action failed at load with `'define' is not defined`. A file
 * that *starts* with a `define(` call gets a one-line `define` of its own, in front, that runs the
 * factory with its dependencies and makes the result `module.exports` (as RequireJS's amdefine
 * does in Node). Dependencies named in the call's literal array become static `require()`s, so
 * esbuild bundles them.
 *
 * Only files whose first statement is `define(` are touched: UMD wrappers test for
 * `module.exports` first and never reach their AMD branch.
 */

/** The first statement of the file is a `define(` call (after comments and "use strict"). */
const AMD_START = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*(?:(['"])use strict\1;?)?(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*define\s*\(\s*(?:(['"])[^'"\n]*\2\s*,\s*)?(\[[^\]]*\])?/;
/** Module ids the AMD loader itself provides. */
const SPECIAL = new Set(['require', 'exports', 'module']);

/** Whether `head` (a file's first few KB) starts with an AMD `define(` call. */
export function isAmdModule(head: string): boolean {
  return AMD_START.test(head);
}

/**
 * The CommonJS form of an AMD module, or undefined when `source` is not one. The prefix keeps the
 * file's first line as line 1 (it is added on the same line), so source maps stay right.
 */
export function amdAsCommonJs(source: string): string | undefined {
  const m = AMD_START.exec(source.slice(0, 4096));
  if (m === null) return undefined;
  const deps = m[3] === undefined ? [] : [...m[3].matchAll(/(['"])([^'"\n]+)\1/g)].map((d) => d[2]!).filter((d) => !SPECIAL.has(d));
  const table = [...new Set(deps)].sort().map((d) => `${JSON.stringify(d)}: function () { return require(${JSON.stringify(d)}); }`).join(', ');
  return `${amdDefine(table)}${source}`;
}

/** The `define` prepended to an AMD file; `table` maps its literal dependencies to requires. */
export function amdDefine(table: string): string {
  return (
    `var define = (function (deps) { function define(id, list, factory) { ` +
    `if (typeof id !== 'string') { factory = list; list = id; } ` +
    `if (!Array.isArray(list)) { factory = list; list = ['require', 'exports', 'module']; } ` +
    `var args = list.map(function (d) { if (d === 'require') return require; if (d === 'exports') return module.exports; if (d === 'module') return module; ` +
    `if (!Object.prototype.hasOwnProperty.call(deps, d)) throw new Error('AMD module dependency ' + d + ' was not bundled'); return deps[d](); }); ` +
    `var r = typeof factory === 'function' ? factory.apply(module.exports, args) : factory; if (r !== undefined) module.exports = r; } ` +
    `define.amd = {}; return define; })({ ${table} }); `
  );
}
