/**
 * Node.js built-ins an action may import: the sandbox provides them (crypto host-backed, the rest as
 * pure-JS polyfills bundled in). Anything else from Node is a check and build error.
 */
export const SANDBOX_BUILTINS: ReadonlySet<string> = new Set([
  'assert', 'buffer', 'crypto', 'events', 'path', 'punycode', 'querystring', 'string_decoder', 'url', 'util',
]);
