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

/**
 * The `define(` call that opens a file, read at `index` (after comments and "use strict"), with its
 * optional module id and literal dependency array (group 2). Sticky, and applied where
 * {@link skipPrologue} stopped: one regex over the whole prologue (`(?:\s+|comment)*` twice)
 * backtracked exponentially on a file that opens with a long run of blank space and is not AMD
 * (a firebase-admin build hung for 15 minutes).
 */
const DEFINE_CALL = /define\s*\(\s*(?:(['"])[^'"\n]*\1\s*,\s*)?(\[[^\]]*\])?/y;
const USE_STRICT = /(['"])use strict\1;?/y;

/** Where the first statement starts: past whitespace, comments and a "use strict" directive. */
function skipPrologue(text: string): number {
  let i = skipBlank(text, 0);
  USE_STRICT.lastIndex = i;
  if (USE_STRICT.test(text)) i = skipBlank(text, USE_STRICT.lastIndex);
  return i;
}

/** Past whitespace and comments from `i`; an unterminated comment ends the text. */
function skipBlank(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i + 2);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

/** The opening `define(` call of `head`, or null: linear in the length of `head`. */
function amdStart(head: string): RegExpExecArray | null {
  DEFINE_CALL.lastIndex = skipPrologue(head);
  return DEFINE_CALL.exec(head);
}
/** Module ids the AMD loader itself provides. */
const SPECIAL = new Set(['require', 'exports', 'module']);

/** Whether `head` (a file's first few KB) starts with an AMD `define(` call. */
export function isAmdModule(head: string): boolean {
  return amdStart(head) !== null;
}

/**
 * The CommonJS form of an AMD module, or undefined when `source` is not one. The prefix keeps the
 * file's first line as line 1 (it is added on the same line), so source maps stay right.
 */
export function amdAsCommonJs(source: string): string | undefined {
  const m = amdStart(source.slice(0, 4096));
  if (m === null) return undefined;
  const deps = m[2] === undefined ? [] : [...m[2].matchAll(/(['"])([^'"\n]+)\1/g)].map((d) => d[2]!).filter((d) => !SPECIAL.has(d));
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
