/**
 * The guest prelude: JavaScript that runs INSIDE QuickJS, evaluated once per context before the
 * action bundle. It is source text (the runner never loads a bundler) and deliberately tiny:
 * QuickJS compiles eagerly at about 100 µs per KB on this kind of machine, and every cold context
 * pays for the prelude. So it only holds the host channel, the invocation entry points and lazy
 * accessors; every global (console, timers, URL, fetch, crypto, …) lives in a chunk
 * (./chunks) compiled on first use and cached for the context's life.
 *
 * Shape: one function expression `(hostSync, hostAsync, config) => control`. The host calls it with
 * its two host functions, so they never appear on `globalThis`; only closures here can reach them.
 * `control` holds the entry points the host keeps handles to: `bind` (capture the action's exports
 * after the bundle ran), `run` (one invocation) and `describe` (read a thrown value safely).
 *
 * Channel contract (host side: src/runtime/sandbox/host-channel.ts):
 *  - `hostSync(op, argsJson) -> resultJson | undefined` (`''` means no arguments); a host error
 *    arrives as a thrown guest Error carrying the host error's name and message, rebuilt here into
 *    the matching class.
 *  - `hostAsync(op, argsJson, callId) -> Promise<resultJson | undefined>`; `callId` is chosen here
 *    so `sys.cancel` can abort the host work (fetch abort, clearTimeout).
 *
 * Chunk contract: a chunk is `(internals) => exports`; `internals` (frozen) gives it the channel,
 * `load(name)` for other chunks, `onRun(fn)` for per-invocation resets, and `config`.
 */
export const PRELUDE_SOURCE = String.raw`(function (hostSync, hostAsync, config) {
'use strict';
const G = globalThis, defineProperty = Object.defineProperty, freeze = Object.freeze;
const JSONparse = JSON.parse, JSONstringify = JSON.stringify, indirectEval = G.eval;
const promiseThen = Promise.prototype.then, promiseResolve = Promise.resolve.bind(Promise);
const ERROR_CLASSES = { Error, TypeError, RangeError, SyntaxError, ReferenceError, URIError, EvalError };
const DOM_ERRORS = ['AbortError', 'TimeoutError', 'NotSupportedError', 'InvalidCharacterError', 'DataError', 'OperationError',
  'InvalidAccessError', 'QuotaExceededError', 'NotFoundError', 'InvalidStateError', 'DataCloneError', 'NetworkError'];
/** A host error crosses as a plain Error with name and message; give it back its real class. */
function fromHost(e) {
  if (e === null || typeof e !== 'object') return e;
  const name = e.name, message = e.message;
  if (DOM_ERRORS.indexOf(name) !== -1) return new (load('events').DOMException)(message, name);
  const C = ERROR_CLASSES[name];
  return C !== undefined && !(e instanceof C) ? new C(message) : e;
}
function errorInfo(e) {
  let name = 'Error', message = '', stack = '';
  if (e !== null && typeof e === 'object') {
    try { if (e.name !== undefined) name = String(e.name); } catch (_) {}
    try { if (e.message !== undefined) message = String(e.message); } catch (_) {}
    try { if (typeof e.stack === 'string') stack = e.stack; } catch (_) {}
    if (e instanceof Error || message !== '') return { name, message, stack };
  }
  try { message = 'Uncaught ' + (typeof e === 'object' && e !== null ? JSONstringify(e) : typeof e === 'string' ? JSONstringify(e) : String(e)); } catch (_) { message = 'Uncaught ' + typeof e; }
  return { name, message, stack };
}
function call(op, args) {
  let json;
  try { json = args === undefined ? '' : JSONstringify(args); } catch (e) { throw fromHost(e); }
  return callJson(op, json);
}
/** A sync host call whose arguments are already JSON text. */
function callJson(op, json) {
  let r;
  try { r = hostSync(op, json); } catch (e) { throw fromHost(e); }
  return r === undefined ? undefined : JSONparse(r);
}
let callSeq = 0;
/** Starts an async host call; returns [promise, callId] so the caller can cancel it. */
function callAsyncWithId(op, args) {
  const id = ++callSeq;
  let p;
  try { p = hostAsync(op, args === undefined ? '' : JSONstringify(args), id); } catch (e) { return [Promise.reject(fromHost(e)), id]; }
  return [promiseThen.call(p, (r) => (r === undefined ? undefined : JSONparse(r)), (e) => { throw fromHost(e); }), id];
}
function callAsync(op, args) { return callAsyncWithId(op, args)[0]; }
function cancel(id) { hostSync('sys.cancel', '' + id); }
function reportUncaught(e) { try { hostSync('sys.uncaught', JSONstringify(errorInfo(e))); } catch (_) {} }

// ---- lazily compiled chunks ----
const chunks = Object.create(null), runHooks = [];
function load(name) {
  let c = chunks[name];
  if (c === undefined) c = chunks[name] = freeze(indirectEval(call('sys.chunk', name))(internals));
  return c;
}
const internals = freeze({
  call, callAsync, callAsyncWithId, cancel, reportUncaught, fromHost, errorInfo, load, config,
  onRun(fn) { runHooks.push(fn); },
  b64encode(bytes, url) { return load('base64').b64encode(bytes, url); },
  b64decode(text) { return load('base64').b64decode(text); },
  toBytes(v, what) { return load('base64').toBytes(v, what); },
});
function setGlobal(name, value) { defineProperty(G, name, { value, writable: true, configurable: true, enumerable: false }); }
function lazyGlobals(chunk, names) {
  for (const name of names) {
    defineProperty(G, name, {
      configurable: true, enumerable: false,
      get() { const v = load(chunk)[name]; setGlobal(name, v); return v; },
      set(v) { setGlobal(name, v); },
    });
  }
}
lazyGlobals('console', ['console']);
lazyGlobals('timers', ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask']);
lazyGlobals('base64', ['atob', 'btoa']);
lazyGlobals('encoding', ['TextEncoder', 'TextDecoder']);
lazyGlobals('url', ['URL', 'URLSearchParams']);
lazyGlobals('events', ['Event', 'EventTarget', 'CustomEvent', 'AbortController', 'AbortSignal', 'DOMException']);
lazyGlobals('fetch', ['fetch', 'Headers', 'Request', 'Response']);
lazyGlobals('xhr', ['XMLHttpRequest', 'XMLHttpRequestUpload', 'XMLHttpRequestEventTarget', 'ProgressEvent']);
// WHATWG streams: the chunk costs ~12 ms to compile, so until a stream is made the three classes
// packages feature-test are stand-ins (typeof and instanceof cost nothing); constructing one loads it.
lazyGlobals('streams', ['ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
  'ReadableStreamBYOBRequest', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream']);
for (const name of ['ReadableStream', 'WritableStream', 'TransformStream']) {
  const real = () => load('streams')[name];
  const shell = { [name]: function (...args) {
    if (new.target === undefined) throw new TypeError("Class constructor " + name + " cannot be invoked without 'new'");
    const C = real();
    if (Object.getPrototypeOf(early) !== C.prototype) Object.setPrototypeOf(early, C.prototype);
    return Reflect.construct(C, args, new.target === shell ? C : new.target);
  } }[name];
  const early = shell.prototype;
  defineProperty(shell, Symbol.hasInstance, { value(x) { const c = chunks.streams; return c !== undefined && x instanceof c[name]; } });
  if (name === 'ReadableStream') defineProperty(shell, 'from', { value(x) { return real().from(x); }, writable: true, configurable: true });
  setGlobal(name, shell);
}
lazyGlobals('blob', ['Blob', 'File', 'FormData']);
lazyGlobals('webcrypto', ['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto']);
lazyGlobals('clone', ['structuredClone']);
lazyGlobals('intl', ['Intl']);
// QuickJS's locale methods ignore locales and time zones (no ICU); these answer through the host's.
for (const m of ['Date.toLocaleString', 'Date.toLocaleDateString', 'Date.toLocaleTimeString', 'Number.toLocaleString', 'BigInt.toLocaleString',
  'String.localeCompare', 'String.toLocaleUpperCase', 'String.toLocaleLowerCase', 'Array.toLocaleString']) {
  const dot = m.indexOf('.'), name = m.slice(dot + 1);
  const f = { [name](a, b, c) { return load('intl').builtin(m, this, a, b, c); } }[name];
  defineProperty(f, 'length', { value: name === 'localeCompare' ? 1 : 0 });
  defineProperty(G[m.slice(0, dot)].prototype, name, { value: f });
}
// Local time is UTC (sandbox/utc-local-time.ts); Node names the zone after the offset.
for (const [name, f] of [['toString', Date.prototype.toString], ['toTimeString', Date.prototype.toTimeString]]) {
  defineProperty(Date.prototype, name, { value: { [name]() { const s = f.call(this); return s === 'Invalid Date' ? s : s + ' (Coordinated Universal Time)'; } }[name] });
}
const timeOrigin = Date.now();
setGlobal('performance', { timeOrigin, now() { return Date.now() - timeOrigin; } });
// The global object by its web-worker name: the browser builds of packages read globals through it
// (form-data's is \`self.FormData\`), as in Cloudflare Workers and Deno.
setGlobal('self', G);
if (typeof Error.captureStackTrace !== 'function') {
  defineProperty(Error, 'captureStackTrace', { writable: true, configurable: true, value: function captureStackTrace(target) {
    if (target !== null && typeof target === 'object') defineProperty(target, 'stack', { value: new Error().stack, writable: true, configurable: true });
  } });
}
// What bundles get for require('crypto'): the bundler aliases it to __actuate_builtins.crypto.
let nodeCrypto;
// And for require('util'): Node's inspect and format (the bundled util polyfill takes these); zlib's engine.
// \`multipart\`: the encoding fetch gives a FormData body, for form-data's \`getBuffer()\` (bundle/form-data-compat.ts).
setGlobal('__actuate_builtins', freeze({ get crypto() { return nodeCrypto || (nodeCrypto = load('nodecrypto').crypto); }, get util() { return load('format'); }, get zlib() { return load('zlib'); }, get multipart() { return load('blob').encodeMultipart; } }));

// ---- invocation ----
let actionExports = null;
const apis = new Map(), hostFacade = freeze({ call, callAsync });
function bind() {
  const a = G.__actuate_action;
  if (a === null || (typeof a !== 'object' && typeof a !== 'function')) {
    throw new TypeError('the action bundle did not define __actuate_action (the object of its exports); got ' + (a === null ? 'null' : typeof a));
  }
  actionExports = a;
}
function method(api, ns, name, returns) {
  // The envelope [ns, name, args] as text, with its constant head serialised once: stringifying
  // in QuickJS is most of what a call costs in the guest.
  const head = JSONstringify([ns, name]).slice(0, -1) + ',';
  const f = returns === 'promise'
    ? function (...args) { return callAsync('api', [ns, name, args]); }
    : function (...args) {
      let json;
      try { json = head + JSONstringify(args) + ']'; } catch (e) { throw fromHost(e); }
      const r = callJson('api', json);
      return returns === 'api' ? api : returns === 'void' ? undefined : r;
    };
  defineProperty(f, 'name', { value: name });
  return f;
}
function buildApi(spec) {
  if (typeof spec.factory === 'string') return freeze(indirectEval('(' + spec.factory + '\n)')(hostFacade, spec.shape));
  const api = {};
  for (const ns of spec.shape.namespaces) {
    const o = {};
    for (const m of ns.methods) o[m.name] = method(api, ns.name, m.name, m.returns);
    api[ns.name] = freeze(o);
  }
  return freeze(api);
}
/**
 * One invocation: returns the handler's promise (a plain function, not an async one: that would
 * add a promise and a job to every invocation). A synchronous throw here reaches the host as the
 * call's error, a rejection as the promise's.
 */
function run(handler, eventJson, apiKey, apiSpecJson) {
  for (let i = 0; i < runHooks.length; i++) runHooks[i]();
  const fn = actionExports === null ? undefined : actionExports[handler];
  if (typeof fn !== 'function') {
    throw new TypeError('the action does not export a function named ' + handler + ' (its exports: ' +
      ((actionExports === null ? [] : Object.keys(actionExports)).join(', ') || 'none') + ')');
  }
  const event = JSONparse(eventJson);
  let api;
  if (apiKey !== undefined) {
    api = apis.get(apiKey);
    if (api === undefined) { api = buildApi(JSONparse(apiSpecJson)); apis.set(apiKey, api); }
  }
  return promiseResolve(fn.call(actionExports, event, api));
}
/** Host helper: any thrown value as JSON {name, message, stack}, read with the guest's own try/catch. */
function describe(e) { return JSONstringify(errorInfo(e)); }
return freeze({ bind, run, describe });
})`;
