/**
 * The compatibility layer: what each provided built-in is made of inside a bundle.
 *
 * Each built-in is a CommonJS module whose `module.exports` is what `require('x')` returns in
 * Node.js, so both `require('events')` (a constructor) and `import { EventEmitter } from 'events'`
 * work. Choices, measured as minified bundles using only that module (see sandbox-compat.md for the traps):
 * - `buffer@6`, `events@3`, `string_decoder@1`, `punycode@2`: the classic CommonJS polyfills,
 *   complete and small (buffer 28 kB, events 6 kB, punycode 3 kB).
 * - `stream-browserify@3` (readable-stream 3, 47 kB with events and string_decoder): a real
 *   `Stream` to inherit from, which the classic JWT libraries (jws) need; unenv's is a stub.
 * - `util@0.12`: complete (`inherits`, `inspect`, `format`, `promisify`, `callbackify`, `types`),
 *   36 kB; unenv's util is 7 kB but its `inspect` is `JSON.stringify` and `callbackify` throws.
 *   Its `inspect`, `format` and `formatWithOptions` are replaced by the runtime's, which print as
 *   Node 20 does (guest chunk `inspect`).
 * - unenv v2 for `url` (28 kB, Node's own legacy parser; the `url` package drags in `qs`, 65 kB),
 *   `querystring` (7 kB), `path` (pathe, 5 kB) and `assert` (11 kB; its JSON-based deep equality is
 *   replaced by Node's, deep-equal.ts; the `assert` package costs 69 kB). unenv modules are ES modules with a default export, so
 *   small wrappers turn them into the CommonJS shape above (the v2 interop trap).
 * - `process`: a minimal shim; `crypto`: the host-backed object the runtime defines; `zlib`:
 *   Node's API over the host's zlib (zlib-layer.ts).
 */
import { createRequire } from 'node:module';
import { assertLayer } from './assert-layer.ts';
import { DEEP_EQUAL_SOURCE } from './deep-equal.ts';
import { ZLIB_LAYER } from './zlib-layer.ts';

const requireFromHere = createRequire(import.meta.url);

/** Prefix of specifiers, used only inside the layer's own modules, that name a polyfill package file. */
export const POLYFILL_PREFIX = 'actuate-polyfill:';

/** Absolute path of a polyfill package file, resolved from Actuate's own dependencies. */
export function resolvePolyfill(specifier: string): string {
  return requireFromHere.resolve(specifier);
}

const unenvDefault = (name: string) => `module.exports = require("${POLYFILL_PREFIX}unenv/node/${name}").default;\n`;

/**
 * One provided built-in: either a polyfill package file used as is, or a small virtual
 * CommonJS module.
 */
export type BuiltinSource = { readonly file: string } | { readonly code: string };

const PROCESS_SHIM = `var noop = function () {};
var start = Date.now();
function nextTick(fn) {
  var args = Array.prototype.slice.call(arguments, 1);
  var run = function () { fn.apply(undefined, args); };
  if (typeof queueMicrotask === "function") queueMicrotask(run); else Promise.resolve().then(run);
}
function hrtime(previous) {
  var ms = Date.now() - start, s = Math.floor(ms / 1000), ns = (ms % 1000) * 1e6;
  if (previous) { s -= previous[0]; ns -= previous[1]; if (ns < 0) { s -= 1; ns += 1e9; } }
  return [s, ns];
}
hrtime.bigint = function () { return BigInt(Date.now() - start) * 1000000n; };
// stdout and stderr write to the action's console (its logs), a line per write, as Auth0's
// real-time logs show what a Node action writes there; they are never terminals.
function output(fd, level) {
  return {
    fd: fd, isTTY: false, writable: true, columns: 80,
    write: function (chunk, encoding, callback) {
      var text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      if (typeof console !== "undefined") console[level](text.charAt(text.length - 1) === "\\n" ? text.slice(0, -1) : text);
      var done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") nextTick(done);
      return true;
    },
    end: function () {}, cork: noop, uncork: noop, getColorDepth: function () { return 1; }, hasColors: function () { return false; },
    on: function () { return this; }, once: function () { return this; }, off: function () { return this; },
    removeListener: function () { return this; }, emit: function () { return false; }
  };
}
module.exports = {
  stdout: output(1, "log"), stderr: output(2, "error"),
  title: "actuate", browser: true, env: {}, argv: [], execArgv: [], version: "", versions: {},
  platform: "browser", release: { name: "actuate" }, pid: 1, ppid: 0, exitCode: undefined,
  nextTick: nextTick, hrtime: hrtime, cwd: function () { return "/"; }, umask: function () { return 0; },
  uptime: function () { return (Date.now() - start) / 1000; },
  chdir: function () { throw new Error("process.chdir() is not available in an action"); },
  exit: function () { throw new Error("process.exit() is not available in an action"); },
  abort: function () { throw new Error("process.abort() is not available in an action"); },
  binding: function (name) { throw new Error("process.binding(" + name + ") is not available in an action"); },
  emitWarning: noop, on: noop, once: noop, off: noop, addListener: noop, removeListener: noop,
  removeAllListeners: noop, prependListener: noop, prependOnceListener: noop, emit: function () { return false; },
  listeners: function () { return []; }, listenerCount: function () { return 0; }
};
`;

/** The sandbox's WHATWG streams (guest globals), as Node's \`stream/web\` exports them. */
const STREAM_WEB = `var g = globalThis;
["ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest", "ReadableByteStreamController",
 "ReadableStreamDefaultController", "TransformStream", "TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
 "WritableStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream"].forEach(function (name) {
  Object.defineProperty(exports, name, { enumerable: true, get: function () { return g[name]; } });
});
`;

/**
 * Node's \`stream/promises\`: \`pipeline\` and \`finished\` of the \`stream\` layer as promises. A
 * trailing options object (\`{ signal, end }\`) is taken off; an aborted signal destroys the streams.
 */
const STREAM_PROMISES = `var stream = require("stream");
function abortError() { var e = new Error("The operation was aborted"); e.name = "AbortError"; e.code = "ABORT_ERR"; return e; }
function isOptions(v) { return v !== null && typeof v === "object" && typeof v.pipe !== "function" && typeof v.on !== "function" && typeof v[Symbol.asyncIterator] !== "function" && !Array.isArray(v); }
exports.pipeline = function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0].slice();
  var options = streams.length > 2 && isOptions(streams[streams.length - 1]) ? streams.pop() : undefined;
  return new Promise(function (resolve, reject) {
    var signal = options && options.signal;
    if (signal && signal.aborted) return reject(abortError());
    var last = stream.pipeline.apply(stream, streams.concat(function (err, value) { if (err) reject(err); else resolve(value); }));
    if (signal) signal.addEventListener("abort", function () { var e = abortError(); if (last && typeof last.destroy === "function") last.destroy(e); reject(e); }, { once: true });
  });
};
exports.finished = function finished(s, options) {
  return new Promise(function (resolve, reject) {
    stream.finished(s, options || {}, function (err) { if (err) reject(err); else resolve(); });
  });
};
`;

/** Node's \`stream/consumers\`: a Node stream, a WHATWG stream or any async iterable read whole. */
const STREAM_CONSUMERS = `var Buffer = require("buffer").Buffer;
async function bytes(source) {
  var chunks = [], size = 0;
  for await (var chunk of source) {
    var b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk);
    chunks.push(b); size += b.length;
  }
  return Buffer.concat(chunks, size);
}
exports.buffer = bytes;
exports.arrayBuffer = async function (s) { var b = await bytes(s); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };
exports.text = async function (s) { return new TextDecoder().decode(await bytes(s)); };
exports.json = async function (s) { return JSON.parse(await exports.text(s)); };
exports.blob = async function (s) { return new Blob([await bytes(s)]); };
`;

/** readable-stream's classes under Node's old internal names (\`require('_stream_transform')\`). */
const streamClass = (name: string) => `module.exports = require("stream").${name};\n`;

const CRYPTO_HOST = `var builtins = globalThis.__actuate_builtins;
if (!builtins || !builtins.crypto) throw new Error("node:crypto is provided by the Actuate runtime, which is not present (globalThis.__actuate_builtins.crypto is missing)");
module.exports = builtins.crypto;
`;

const TIMERS = `var g = globalThis;
exports.setTimeout = function () { return g.setTimeout.apply(g, arguments); };
exports.clearTimeout = function (id) { return g.clearTimeout(id); };
exports.setInterval = function () { return g.setInterval.apply(g, arguments); };
exports.clearInterval = function (id) { return g.clearInterval(id); };
exports.setImmediate = function (fn) {
  if (typeof g.setImmediate === "function") return g.setImmediate.apply(g, arguments);
  var args = Array.prototype.slice.call(arguments, 1);
  return g.setTimeout(function () { fn.apply(undefined, args); }, 0);
};
exports.clearImmediate = function (id) { return (typeof g.clearImmediate === "function" ? g.clearImmediate : g.clearTimeout)(id); };
`;

const TIMERS_PROMISES = `var g = globalThis;
exports.setTimeout = function (ms, value) { return new Promise(function (resolve) { g.setTimeout(function () { resolve(value); }, ms); }); };
exports.setImmediate = function (value) { return new Promise(function (resolve) { (typeof g.setImmediate === "function" ? g.setImmediate : g.setTimeout)(function () { resolve(value); }); }); };
`;


/** What each entry of `SANDBOX_BUILTINS` is made of. */
export const BUILTIN_SOURCES: Readonly<Record<string, BuiltinSource>> = {
  assert: { code: assertLayer(POLYFILL_PREFIX) },
  'assert/strict': { code: 'module.exports = require("assert").strict;\n' },
  buffer: { file: 'buffer/' },
  console: { code: 'module.exports = globalThis.console;\n' },
  crypto: { code: CRYPTO_HOST },
  events: { file: 'events/' },
  path: { code: unenvDefault('path') },
  'path/posix': { code: 'module.exports = require("path").posix;\n' },
  process: { code: PROCESS_SHIM },
  punycode: { file: 'punycode/' },
  querystring: { code: unenvDefault('querystring') },
  // readable-stream 3 (stream-browserify), with Node's \`stream.promises\`.
  stream: {
    code: `var stream = require("${POLYFILL_PREFIX}stream-browserify/");
if (!Object.prototype.hasOwnProperty.call(stream, "promises")) Object.defineProperty(stream, "promises", { configurable: true, enumerable: true, get: function () { return require("stream/promises"); } });
module.exports = stream;
`,
  },
  string_decoder: { file: 'string_decoder/' },
  sys: { code: 'module.exports = require("util");\n' },
  timers: { code: TIMERS },
  'timers/promises': { code: TIMERS_PROMISES },
  url: {
    // unenv's url.parse() warns once (DEP0169) through console.warn; Node.js 20 and 22 stay silent,
    // and a warning in every fresh context would only be noise in action logs. Spend it here, muted.
    code: `var url = require("${POLYFILL_PREFIX}unenv/node/url").default;
var g = globalThis, hadConsole = "console" in g, saved = g.console;
g.console = { warn: function () {} };
try { url.parse(""); } finally { if (hadConsole) g.console = saved; else delete g.console; }
module.exports = url;
`,
  },
  util: {
    code: `var util = require("${POLYFILL_PREFIX}util/");
if (!util.TextEncoder) util.TextEncoder = globalThis.TextEncoder;
if (!util.TextDecoder) util.TextDecoder = globalThis.TextDecoder;
// Node 20's inspect and format from the runtime (the polyfill's are Node 0.x's: other quotes, 60 columns).
var host = globalThis.__actuate_builtins && globalThis.__actuate_builtins.util;
if (host) { util.inspect = host.inspect; util.format = host.format; util.formatWithOptions = host.formatWithOptions; }
${DEEP_EQUAL_SOURCE}
util.isDeepStrictEqual = function isDeepStrictEqual(a, b) { return actuateDeepEqual(a, b, true); };
module.exports = util;
`,
  },
  'util/types': { code: 'module.exports = require("util").types;\n' },
  'stream/web': { code: STREAM_WEB },
  'stream/promises': { code: STREAM_PROMISES },
  'stream/consumers': { code: STREAM_CONSUMERS },
  _stream_duplex: { code: streamClass('Duplex') },
  _stream_passthrough: { code: streamClass('PassThrough') },
  _stream_readable: { code: streamClass('Readable') },
  _stream_transform: { code: streamClass('Transform') },
  _stream_writable: { code: streamClass('Writable') },
  zlib: { code: ZLIB_LAYER },
};

/**
 * Globals that Node.js code uses without importing, and the module that provides each. They are
 * added only to bundles whose code references them (see bundle-action.ts). `global` needs no
 * module: it is defined as `globalThis`.
 */
export const INJECTED_GLOBALS: Readonly<Record<string, string>> = {
  Buffer: 'import { Buffer } from "buffer";\nexport { Buffer };\n',
  process: 'import process from "process";\nexport { process };\n',
};
