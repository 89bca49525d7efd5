/**
 * Node.js built-in modules, split into those the sandbox provides (from the compatibility layer
 * bundled into the action, or host-backed like `crypto`) and those it cannot provide. Kept as data
 * so the type-checker and the bundler accept and reject exactly the same imports.
 *
 * The lists are written out rather than read from `module.builtinModules`, so a bundle does not
 * change with the Node.js version that happens to run the compiler.
 */

/**
 * Built-ins an action may import (with or without `node:`). Subpaths are listed separately:
 * `util/types` is provided, `fs/promises` is not.
 */
export const SANDBOX_BUILTINS: ReadonlySet<string> = new Set([
  'assert',
  'assert/strict',
  'buffer',
  'console',
  'crypto',
  'events',
  'path',
  'path/posix',
  'process',
  'punycode',
  'querystring',
  'stream',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  '_stream_duplex',
  '_stream_passthrough',
  '_stream_readable',
  '_stream_transform',
  '_stream_writable',
  'string_decoder',
  'sys',
  'timers',
  'timers/promises',
  'url',
  'util',
  'util/types',
  'zlib',
]);

/** Why each group of built-ins is missing, and what to use instead. */
const UNSUPPORTED_HINTS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['fs', 'fs/promises'], 'Actions have no file system: import JSON data from the repository, or fetch it.'],
  [
    ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises', '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server', '_tls_common', '_tls_wrap'],
    'Actions have no sockets: use the global fetch() for HTTP, or a package (or package version) built on fetch.',
  ],
  [['child_process', 'cluster', 'worker_threads'], 'Actions cannot start processes or threads.'],
  [['os', 'tty', 'readline', 'readline/promises', 'repl', 'constants'], 'Actions do not see the host machine or a terminal.'],
  [['vm', 'v8', 'inspector', 'inspector/promises', 'module', 'wasi', 'trace_events', 'sea', 'sqlite', 'test', 'test/reporters'], 'The sandbox does not expose the engine, the module loader or the host runtime.'],
  [
    ['_stream_wrap', 'async_hooks', 'diagnostics_channel', 'domain', 'perf_hooks', 'path/win32'],
    'The sandbox does not provide this module yet; many packages have a browser or edge build that avoids it.',
  ],
];

/** Built-ins that cannot work in the sandbox: importing one is `E_UNSUPPORTED_BUILTIN`. */
export const UNSUPPORTED_BUILTINS: ReadonlySet<string> = new Set(UNSUPPORTED_HINTS.flatMap(([names]) => names));

/** Built-ins that only exist with the `node:` prefix (a bare `test` is an npm package). */
const PREFIX_ONLY = new Set(['sea', 'sqlite', 'test', 'test/reporters']);

/**
 * The built-in a specifier names, without `node:`, or undefined when it is not a built-in
 * (`buffer/` with a trailing slash is the npm package, as in Node.js). An unknown `node:x` is still
 * returned, so the caller reports it instead of looking for an npm package.
 */
export function builtinName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier.slice(5);
  if (PREFIX_ONLY.has(specifier)) return undefined;
  return SANDBOX_BUILTINS.has(specifier) || UNSUPPORTED_BUILTINS.has(specifier) ? specifier : undefined;
}

/** How to work around a built-in the sandbox lacks. */
export function unsupportedBuiltinHint(name: string): string {
  for (const [names, hint] of UNSUPPORTED_HINTS) if (names.includes(name)) return hint;
  return `"${name}" is not a Node.js built-in the sandbox knows; provided built-ins: ${[...SANDBOX_BUILTINS].join(', ')}.`;
}
