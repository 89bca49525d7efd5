/**
 * `http` and `https` for npm packages, as clients over the sandbox's `fetch` (so the egress policy,
 * timeouts and size caps apply). Packages written against Node's client API (`https.request(options,
 * cb)`, `res.on('data')`; jwks-rsa's key fetcher is one) work unchanged: a `ClientRequest` that
 * buffers what is written and sends it on `end()`, and an `IncomingMessage` that is a Readable of
 * the whole body as one chunk. Redirects are not followed, as in Node. Servers and raw sockets do not exist.
 *
 * A CommonJS module of the compatibility layer (stubs.ts), given to packages only.
 */
export function httpOverFetch(protocol: 'http:' | 'https:'): string {
  return `var EventEmitter = require("events");
var Readable = require("stream").Readable;
var Buffer = require("buffer").Buffer;
var PROTOCOL = ${JSON.stringify(protocol)};
function unavailable(fn) {
  var e = new Error("${protocol.slice(0, -1)}." + fn + "() is not available in the sandbox: actions have no sockets; HTTP goes through the global fetch()");
  e.code = "ERR_ACTUATE_UNAVAILABLE";
  return e;
}
function inherit(C, P) { C.prototype = Object.create(P.prototype, { constructor: { value: C, writable: true, configurable: true } }); }

// A Readable of the whole body (one chunk), so pipe(), pipeline(), async iteration and read() work
// as on Node's. fetch has already decoded a gzip/deflate/br body, so its content-encoding is
// dropped and content-length is the decoded length: a Node client must not decode it again.
function IncomingMessage(response, body) {
  Readable.call(this);
  var headers = {}, raw = [], decoded = response.headers.has("content-encoding");
  response.headers.forEach(function (value, name) {
    if (decoded && (name === "content-encoding" || name === "content-length")) return;
    raw.push(name, value);
    if (name === "set-cookie") (headers[name] = headers[name] || []).push(value);
    else headers[name] = name in headers ? headers[name] + ", " + value : value;
  });
  if (decoded) { headers["content-length"] = String(body.length); raw.push("content-length", String(body.length)); }
  this.statusCode = response.status;
  this.statusMessage = response.statusText;
  this.headers = headers;
  this.rawHeaders = raw;
  this.trailers = {};
  this.rawTrailers = [];
  this.httpVersion = "1.1";
  this.httpVersionMajor = 1;
  this.httpVersionMinor = 1;
  this.url = "";
  this.complete = false;
  this._body = body;
}
inherit(IncomingMessage, Readable);
IncomingMessage.prototype._read = function () {
  var body = this._body;
  if (body === null) return;
  this._body = null;
  if (body.length > 0) this.push(body);
  this.complete = true;
  this.push(null);
};
IncomingMessage.prototype.setTimeout = function (ms, cb) { if (cb) this.once("timeout", cb); return this; };

function ClientRequest(url, options, callback) {
  EventEmitter.call(this);
  this.method = String(options.method || "GET").toUpperCase();
  this.path = url.pathname + url.search;
  this.host = url.hostname;
  this.protocol = url.protocol;
  this._url = url;
  this._headers = {};
  this._chunks = [];
  this._ended = false;
  this._controller = new AbortController();
  this._timeoutMs = options.timeout > 0 ? options.timeout : 0;
  this.destroyed = false;
  var h = options.headers || {};
  if (Array.isArray(h)) for (var i = 0; i + 1 < h.length; i += 2) this.setHeader(h[i], h[i + 1]);
  else for (var k in h) if (Object.prototype.hasOwnProperty.call(h, k) && h[k] !== undefined) this.setHeader(k, h[k]);
  var auth = options.auth || (url.username ? decodeURIComponent(url.username) + ":" + decodeURIComponent(url.password) : "");
  if (auth && !this.getHeader("authorization")) this.setHeader("Authorization", "Basic " + Buffer.from(auth).toString("base64"));
  if (options.signal) { var self = this; options.signal.addEventListener("abort", function () { self.destroy(new Error("The operation was aborted")); }); }
  if (callback) this.once("response", callback);
}
inherit(ClientRequest, EventEmitter);
ClientRequest.prototype.setHeader = function (name, value) { this._headers[String(name).toLowerCase()] = [String(name), value]; return this; };
ClientRequest.prototype.getHeader = function (name) { var h = this._headers[String(name).toLowerCase()]; return h ? h[1] : undefined; };
ClientRequest.prototype.removeHeader = function (name) { delete this._headers[String(name).toLowerCase()]; };
ClientRequest.prototype.getHeaders = function () { var out = {}; for (var k in this._headers) out[k] = this._headers[k][1]; return out; };
ClientRequest.prototype.setTimeout = function (ms, cb) { this._timeoutMs = ms; if (cb) this.once("timeout", cb); return this; };
ClientRequest.prototype.setNoDelay = function () { return this; };
ClientRequest.prototype.setSocketKeepAlive = function () { return this; };
ClientRequest.prototype.flushHeaders = function () {};
ClientRequest.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
  if (chunk !== undefined && chunk !== null) this._chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding || "utf8") : Buffer.from(chunk));
  if (cb) Promise.resolve().then(cb);
  return true;
};
ClientRequest.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
  else if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
  if (this._ended) return this;
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  this._ended = true;
  if (cb) this.once("finish", cb);
  this._send();
  return this;
};
ClientRequest.prototype.abort = function () { this.destroy(); };
ClientRequest.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this._controller.abort();
  var self = this;
  Promise.resolve().then(function () { if (err) self.emit("error", err); self.emit("close"); });
  return this;
};
ClientRequest.prototype._send = function () {
  var self = this, headers = [];
  for (var k in this._headers) {
    var v = this._headers[k][1];
    if (Array.isArray(v)) v.forEach(function (x) { headers.push([k, String(x)]); }); else headers.push([k, String(v)]);
  }
  var body = this._chunks.length > 0 ? Buffer.concat(this._chunks) : undefined;
  var timer;
  if (this._timeoutMs > 0) timer = setTimeout(function () { self.emit("timeout"); }, this._timeoutMs);
  Promise.resolve().then(function () { self.emit("finish"); });
  fetch(this._url.href, { method: this.method, headers: headers, body: this.method === "GET" || this.method === "HEAD" ? undefined : body, redirect: "manual", signal: this._controller.signal })
    .then(function (response) {
      return response.arrayBuffer().then(function (bytes) {
        if (timer !== undefined) clearTimeout(timer);
        if (self.destroyed) return;
        var res = new IncomingMessage(response, Buffer.from(bytes));
        self.res = res;
        // As in Node: a response nobody listens for is drained.
        if (self.listenerCount("response") === 0) { res.resume(); return; }
        self.emit("response", res);
      });
    })
    .catch(function (e) {
      if (timer !== undefined) clearTimeout(timer);
      if (self.destroyed) return;
      var err = e instanceof Error ? e : new Error(String(e));
      if (!err.code) err.code = "ECONNREFUSED";
      self.destroyed = true;
      self.emit("error", err);
      self.emit("close");
    });
};

/** Node's request options as a URL: protocol, hostname (or host), port and path. */
function toUrl(o) {
  var protocol = o.protocol || PROTOCOL;
  var host = o.hostname || (o.host ? String(o.host).replace(/:\\d+$/, "") : "localhost");
  if (host.indexOf(":") !== -1 && host[0] !== "[") host = "[" + host + "]";
  return new URL(protocol + "//" + host + (o.port ? ":" + o.port : "") + (o.path || "/"));
}
function request(input, options, callback) {
  if (typeof options === "function") { callback = options; options = undefined; }
  var opts, url;
  if (typeof input === "string" || input instanceof URL) {
    opts = Object.assign({}, options);
    url = new URL(String(input));
    // Options given with a URL override its parts, as in Node.
    if (opts.protocol || opts.hostname || opts.host || opts.port || opts.path) url = toUrl(Object.assign({ protocol: url.protocol, hostname: url.hostname, port: url.port, path: url.pathname + url.search }, opts));
  } else {
    opts = Object.assign({}, input);
    url = toUrl(opts);
  }
  return new ClientRequest(url, opts, callback);
}
function get(input, options, callback) { var req = request(input, options, callback); req.end(); return req; }
function Agent(options) { EventEmitter.call(this); this.options = Object.assign({}, options); this.keepAlive = !!(options && options.keepAlive); }
inherit(Agent, EventEmitter);
Agent.prototype.destroy = function () {};
module.exports = {
  request: request, get: get, Agent: Agent, globalAgent: new Agent(), ClientRequest: ClientRequest, IncomingMessage: IncomingMessage,
  METHODS: ["ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE"],
  STATUS_CODES: { 100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" },
  createServer: function () { throw unavailable("createServer"); },
  Server: function () { throw unavailable("Server"); }
};
`;
}
