import { SANDBOX_NODE_MODULES } from './sandbox-node-modules.ts';
import { SANDBOX_STREAM_APIS } from './sandbox-stream-apis.ts';
import { SANDBOX_WEB_APIS } from './sandbox-web-apis.ts';

/**
 * Declarations of what exists inside Actuate's QuickJS sandbox beyond ES2023: the web APIs the host
 * bridges (fetch, URL, TextEncoder, crypto, timers, AbortController), a usable `Buffer`, the
 * CommonJS `require` / `module` / `exports` that Auth0-style actions use, and the Node built-in
 * modules the compatibility layer provides. Type-checking against these (and no DOM or @types/node)
 * means an action that compiles only uses what the sandbox really has.
 *
 * The text is a global script meant to be loaded as a `.d.ts` next to the trigger declarations, with
 * `lib: ["ES2023"]` and `types: []` (see {@link SANDBOX_TSCONFIG}).
 */

/** Node built-in modules the sandbox supports, each also importable with the `node:` prefix. */
export const SANDBOX_BUILTIN_MODULES: readonly string[] = ['buffer', 'crypto', 'events', 'querystring', 'url', 'util'];

const COMMONJS = `declare namespace Actuate {
  /**
   * What \`exports\` / \`module.exports\` hold. Open on purpose; a type-checker may merge handler
   * signatures into it so \`exports.onExecutePostLogin = async (event, api) => {}\` is typed.
   */
  interface ModuleExports {
    [name: string]: any;
  }
  /** \`require\` of the sandbox: declared npm packages and the built-in modules below. */
  interface Require {
${requireOverloads()}
    (id: string): any;
  }
}
declare var require: Actuate.Require;
declare var module: { exports: Actuate.ModuleExports; readonly id: string };
declare var exports: Actuate.ModuleExports;
`;

/**
 * Compiler options (tsconfig JSON form) the declarations are written for: ES2023 without DOM or
 * Node types, CommonJS-or-ESM actions, every file a module (so `const crypto = require('crypto')`
 * does not clash with the global `crypto`). `actuate types` can write these into a user's tsconfig.
 */
export const SANDBOX_TSCONFIG = Object.freeze({
  target: 'ES2022',
  lib: ['ES2023'],
  types: [] as string[],
  module: 'preserve',
  moduleResolution: 'bundler',
  moduleDetection: 'force',
  esModuleInterop: true,
  allowJs: true,
  checkJs: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});

/** The sandbox's global and module declarations as one `.d.ts` text. */
export function generateSandboxGlobals(): string {
  return `${SANDBOX_WEB_APIS}\n${SANDBOX_STREAM_APIS}\n${COMMONJS}\n${SANDBOX_NODE_MODULES}`;
}

function requireOverloads(): string {
  return SANDBOX_BUILTIN_MODULES.map(
    (m) => `    (id: '${m}' | 'node:${m}'): typeof import('${m}');`,
  ).join('\n');
}
