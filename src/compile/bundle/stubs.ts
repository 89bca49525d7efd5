/**
 * Stand-ins for Node.js built-ins the sandbox cannot provide, given to npm packages only (an
 * action's own import of one stays `E_UNSUPPORTED_BUILTIN`). Many packages import `fs`, `os` or
 * `https` for a path an action never takes: twilio builds an `https.Agent` and reads `os.platform()`
 * for its user agent, @sendgrid/mail imports `fs` for attachments read from disk. With a stand-in
 * they load and work (`http`/`https` as clients over `fetch`, http-over-fetch.ts); the build warns
 * (`W_BUILTIN_STUBBED`, with the import chain), and calling what cannot work throws an error that
 * names the module and the function.
 *
 * Each stand-in is a small CommonJS module like the compatibility layer's (polyfills.ts).
 */
import { httpOverFetch } from './http-over-fetch.ts';

/**
 * A module whose functions cannot work: each throws an error naming the call (in modules whose
 * functions take Node's error-first callbacks, such a callback gets it instead). The common names
 * are own properties, so `import { readFileSync } from 'fs'` in an ES module package binds them;
 * any other name works through a Proxy.
 */
const unavailable = (name: string, why: string, functions: readonly string[], extra = '', errorFirstCallbacks = false) => `var why = ${JSON.stringify(why)};
var callbacks = ${errorFirstCallbacks};
function fail(fn) {
  var e = new Error("${name}." + fn + "() is not available in the sandbox: " + why);
  e.code = "ERR_ACTUATE_UNAVAILABLE";
  return e;
}
function stand(key) {
  return function () {
    var cb = arguments[arguments.length - 1];
    if (callbacks && typeof cb === "function" && !/Sync$/.test(key)) { var e = fail(key); Promise.resolve().then(function () { cb(e); }); return; }
    throw fail(key);
  };
}
var known = {${extra}};
${JSON.stringify(functions)}.forEach(function (key) { if (!(key in known)) known[key] = stand(key); });
module.exports = new Proxy(known, {
  get: function (target, key) {
    if (typeof key !== "string" || key in target) return target[key];
    if (key === "then" || key === "__esModule" || key === "default") return undefined;
    return stand(key);
  }
});
`;

const NO_FS = 'actions have no file system; import JSON data from the repository, or fetch it';
const NO_SOCKETS = 'actions have no sockets; HTTP goes through the global fetch()';
const NO_PROCESSES = 'actions cannot start processes';
const NO_THREADS = 'actions cannot start threads';
const NO_TERMINAL = 'actions have no terminal or files to read lines from';
const WORKER_EXTRA = `
  isMainThread: true, parentPort: null, threadId: 0, workerData: null, resourceLimits: {}, SHARE_ENV: Symbol("SHARE_ENV")
`;
// http2-wrapper (got) reads the constants when it loads; the names it reads exist, with Node's values.
const HTTP2_EXTRA = `
  constants: { NGHTTP2_CANCEL: 8, HTTP2_HEADER_STATUS: ":status", HTTP2_HEADER_METHOD: ":method", HTTP2_HEADER_AUTHORITY: ":authority",
    HTTP2_HEADER_SCHEME: ":scheme", HTTP2_HEADER_PATH: ":path", HTTP2_METHOD_CONNECT: "CONNECT" },
  sensitiveHeaders: Symbol("nodejs.http2.sensitiveHeaders")
`;

const FS_FUNCTIONS = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'stat', 'statSync', 'lstat', 'lstatSync',
  'readdir', 'readdirSync', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'access', 'accessSync', 'realpath', 'realpathSync',
  'open', 'openSync', 'close', 'closeSync', 'read', 'readSync', 'write', 'writeSync', 'createReadStream', 'createWriteStream', 'watch', 'watchFile', 'exists',
];
const FS_EXTRA = `
  existsSync: function () { return false; },
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 },
  promises: new Proxy({}, { get: function (t, key) {
    if (typeof key !== "string" || key === "then") return undefined;
    return function () { return Promise.reject(fail("promises." + key)); };
  } })
`;


const NET_EXTRA = `
  isIPv4: function (s) { return /^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$/.test(String(s)); },
  isIPv6: function (s) {
    s = String(s);
    if (s.indexOf("%") !== -1) s = s.slice(0, s.indexOf("%"));
    var v4 = /:(\\d+\\.\\d+\\.\\d+\\.\\d+)$/.exec(s);
    if (v4) { if (!module.exports.isIPv4(v4[1])) return false; s = s.slice(0, -v4[1].length) + "0:0"; }
    var halves = s.split("::"), hex = /^[0-9a-fA-F]{1,4}$/;
    if (halves.length > 2) return false;
    var groups = halves.map(function (h) { return h === "" ? [] : h.split(":"); });
    if (!groups.every(function (g) { return g.every(function (x) { return hex.test(x); }); })) return false;
    return halves.length === 2 ? groups[0].length + groups[1].length < 8 : groups[0].length === 8;
  },
  isIP: function (s) { return module.exports.isIPv4(s) ? 4 : module.exports.isIPv6(s) ? 6 : 0; }
`;

const OS = `var start = Date.now();
module.exports = {
  EOL: "\\n", devNull: "/dev/null", constants: { signals: {}, errno: {}, priority: {} },
  platform: function () { return "browser"; }, type: function () { return "Actuate"; }, release: function () { return ""; },
  version: function () { return ""; }, machine: function () { return "wasm32"; }, arch: function () { return "wasm32"; },
  endianness: function () { return "LE"; }, hostname: function () { return "localhost"; }, homedir: function () { return "/"; },
  tmpdir: function () { return "/tmp"; }, uptime: function () { return (Date.now() - start) / 1000; }, loadavg: function () { return [0, 0, 0]; },
  totalmem: function () { return 0; }, freemem: function () { return 0; }, availableParallelism: function () { return 1; },
  cpus: function () { return []; }, networkInterfaces: function () { return {}; },
  userInfo: function () { return { uid: -1, gid: -1, username: "actuate", homedir: "/", shell: null }; },
  getPriority: function () { return 0; }, setPriority: function () {}
};
`;

/**
 * Node's diagnostics_channel, whole: named channels with subscribers, within the action (undici,
 * fastify and tracing libraries publish on them at every request and test \`hasSubscribers\` first).
 */
const DIAGNOSTICS_CHANNEL = `var channels = new Map();
function Channel(name) { this.name = name; this._subscribers = []; this._stores = new Map(); }
Object.defineProperty(Channel.prototype, "hasSubscribers", { get: function () { return this._subscribers.length > 0 || this._stores.size > 0; } });
Channel.prototype.subscribe = function (fn) { this._subscribers = this._subscribers.concat([fn]); };
Channel.prototype.unsubscribe = function (fn) { var i = this._subscribers.indexOf(fn); if (i < 0) return false; this._subscribers = this._subscribers.slice(0, i).concat(this._subscribers.slice(i + 1)); return true; };
Channel.prototype.publish = function (message) {
  var subs = this._subscribers;
  for (var i = 0; i < subs.length; i++) {
    try { subs[i](message, this.name); } catch (e) { setTimeout(function () { throw e; }, 0); }
  }
};
Channel.prototype.bindStore = function (store, transform) { this._stores.set(store, transform); };
Channel.prototype.unbindStore = function (store) { return this._stores.delete(store); };
Channel.prototype.runStores = function (message, fn, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3), self = this, run = function () { self.publish(message); return fn.apply(thisArg, args); };
  this._stores.forEach(function (transform, store) { var inner = run; run = function () { return store.run(transform ? transform(message) : message, inner); }; });
  return run();
};
function channel(name) { var c = channels.get(name); if (!c) { c = new Channel(name); channels.set(name, c); } return c; }
function tracingChannel(name) {
  var t = typeof name === "string"
    ? { start: channel("tracing:" + name + ":start"), end: channel("tracing:" + name + ":end"), asyncStart: channel("tracing:" + name + ":asyncStart"), asyncEnd: channel("tracing:" + name + ":asyncEnd"), error: channel("tracing:" + name + ":error") }
    : name;
  Object.defineProperty(t, "hasSubscribers", { get: function () { return t.start.hasSubscribers || t.end.hasSubscribers || t.asyncStart.hasSubscribers || t.asyncEnd.hasSubscribers || t.error.hasSubscribers; } });
  t.subscribe = function (h) { ["start", "end", "asyncStart", "asyncEnd", "error"].forEach(function (k) { if (h[k]) t[k].subscribe(h[k]); }); };
  t.unsubscribe = function (h) { var ok = true; ["start", "end", "asyncStart", "asyncEnd", "error"].forEach(function (k) { if (h[k]) ok = t[k].unsubscribe(h[k]) && ok; }); return ok; };
  t.traceSync = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try { context.result = fn.apply(thisArg, args); return context.result; } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.tracePromise = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try {
      return Promise.resolve(fn.apply(thisArg, args)).then(
        function (r) { context.result = r; t.asyncStart.publish(context); t.asyncEnd.publish(context); return r; },
        function (e) { context.error = e; t.error.publish(context); t.asyncStart.publish(context); t.asyncEnd.publish(context); throw e; });
    } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.traceCallback = function (fn, position, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 4); context = context || {};
    var at = position < 0 ? args.length + position : position, callback = args[at];
    args[at] = function (err, res) {
      if (err) { context.error = err; t.error.publish(context); } else context.result = res;
      t.asyncStart.publish(context);
      try { return callback.apply(this, arguments); } finally { t.asyncEnd.publish(context); }
    };
    return t.traceSync.apply(null, [fn, context, thisArg].concat(args));
  };
  return t;
}
module.exports = {
  channel: channel, hasSubscribers: function (name) { var c = channels.get(name); return !!c && c.hasSubscribers; },
  subscribe: function (name, fn) { channel(name).subscribe(fn); }, unsubscribe: function (name, fn) { return channel(name).unsubscribe(fn); },
  tracingChannel: tracingChannel, Channel: Channel
};
`;

/**
 * async_hooks without the engine's async context: \`AsyncResource\` runs functions as Node's does, and
 * \`AsyncLocalStorage\` holds its store while the function given to \`run()\` runs synchronously
 * (not after an \`await\` inside it; the build's warning says so). Hooks never fire.
 */
const ASYNC_HOOKS = `function AsyncResource(type) { this.type = type; }
AsyncResource.prototype.runInAsyncScope = function (fn, thisArg) { return fn.apply(thisArg, Array.prototype.slice.call(arguments, 2)); };
AsyncResource.prototype.bind = function (fn, thisArg) { var self = this; return function () { return self.runInAsyncScope.apply(self, [fn, thisArg === undefined ? this : thisArg].concat(Array.prototype.slice.call(arguments))); }; };
AsyncResource.prototype.emitDestroy = function () { return this; };
AsyncResource.prototype.asyncId = function () { return 1; };
AsyncResource.prototype.triggerAsyncId = function () { return 0; };
AsyncResource.bind = function (fn, type, thisArg) { return new AsyncResource(type || "bound-anonymous-fn").bind(fn, thisArg); };
function AsyncLocalStorage() { this._enabled = false; this._store = undefined; }
AsyncLocalStorage.prototype.getStore = function () { return this._enabled ? this._store : undefined; };
AsyncLocalStorage.prototype.run = function (store, fn) {
  var args = Array.prototype.slice.call(arguments, 2), prev = this._store, wasEnabled = this._enabled;
  this._enabled = true; this._store = store;
  try { return fn.apply(undefined, args); } finally { this._store = prev; this._enabled = wasEnabled; }
};
AsyncLocalStorage.prototype.exit = function (fn) {
  var args = Array.prototype.slice.call(arguments, 1), prev = this._enabled;
  this._enabled = false;
  try { return fn.apply(undefined, args); } finally { this._enabled = prev; }
};
AsyncLocalStorage.prototype.enterWith = function (store) { this._enabled = true; this._store = store; };
AsyncLocalStorage.prototype.disable = function () { this._enabled = false; this._store = undefined; };
AsyncLocalStorage.bind = function (fn) { return fn; };
AsyncLocalStorage.snapshot = function () { return function (fn) { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); }; };
function createHook() { return { enable: function () { return this; }, disable: function () { return this; } }; }
module.exports = {
  AsyncResource: AsyncResource, AsyncLocalStorage: AsyncLocalStorage, createHook: createHook,
  executionAsyncId: function () { return 1; }, triggerAsyncId: function () { return 0; }, executionAsyncResource: function () { return {}; },
  asyncWrapProviders: {}
};
`;

/** What a stand-in is and what reaching it means, for the build's warning. */
export interface StubBehaviour {
  readonly gets: string;
  readonly consequence: string;
}

const THROWS: StubBehaviour = {
  gets: 'a stand-in whose functions throw when called',
  consequence: 'it fails with an error naming the call',
};
const BEHAVIOURS: Readonly<Record<string, StubBehaviour>> = {
  http: { gets: 'a client over fetch (requests only, under the egress policy; no servers or sockets)', consequence: 'its requests go through fetch, and a server or socket fails with an error naming the call' },
  os: { gets: 'a stand-in with neutral answers (platform "browser", hostname "localhost", no CPUs or network interfaces)', consequence: 'it sees those answers' },
  async_hooks: {
    gets: 'a stand-in without async context: AsyncResource works, AsyncLocalStorage holds a store only while the function given to run() runs synchronously',
    consequence: 'a store read after an await in that function is undefined',
  },
};

/** What the stand-in of `name` does; `undefined` for one that fully works (`perf_hooks`, `constants`, `diagnostics_channel`: no warning). */
export function stubBehaviour(name: string): StubBehaviour | undefined {
  if (name === 'perf_hooks' || name === 'constants' || name === 'diagnostics_channel') return undefined;
  return BEHAVIOURS[name === 'https' ? 'http' : name] ?? THROWS;
}

/** The stand-in of each built-in that has one. */
export const BUILTIN_STUBS: Readonly<Record<string, string>> = {
  fs: unavailable('fs', NO_FS, FS_FUNCTIONS, FS_EXTRA, true),
  'fs/promises': `module.exports = require("fs").promises;\n`,
  os: OS,
  http: httpOverFetch('http:'),
  https: httpOverFetch('https:'),
  net: unavailable('net', NO_SOCKETS, ['connect', 'createConnection', 'createServer', 'Socket', 'Server'], NET_EXTRA),
  tls: unavailable('tls', NO_SOCKETS, ['connect', 'createSecureContext', 'createServer', 'TLSSocket', 'checkServerIdentity']),
  dns: unavailable('dns', NO_SOCKETS, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveTxt', 'resolveMx', 'reverse'], '', true),
  child_process: unavailable('child_process', NO_PROCESSES, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], '', true),
  perf_hooks: `module.exports = { performance: globalThis.performance };\n`,
  // The deprecated \`constants\` module: fs's and crypto's (node-rsa reads the RSA paddings).
  constants: `module.exports = Object.assign({}, require("fs").constants, require("crypto").constants);\n`,
  readline: unavailable('readline', NO_TERMINAL, ['createInterface', 'clearLine', 'clearScreenDown', 'cursorTo', 'moveCursor', 'emitKeypressEvents', 'Interface']),
  'readline/promises': unavailable('readline/promises', NO_TERMINAL, ['createInterface', 'Interface', 'Readline']),
  worker_threads: unavailable('worker_threads', NO_THREADS, ['Worker', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'receiveMessageOnPort', 'markAsUntransferable', 'moveMessagePortToContext', 'getEnvironmentData', 'setEnvironmentData'], WORKER_EXTRA),
  async_hooks: ASYNC_HOOKS,
  diagnostics_channel: DIAGNOSTICS_CHANNEL,
  http2: unavailable('http2', NO_SOCKETS, ['connect', 'createServer', 'createSecureServer', 'getDefaultSettings', 'getPackedSettings', 'getUnpackedSettings'], HTTP2_EXTRA),
};
