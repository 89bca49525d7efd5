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
import { ASYNC_HOOKS, DIAGNOSTICS_CHANNEL } from './async-context-stubs.ts';
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
