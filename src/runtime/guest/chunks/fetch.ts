/**
 * Guest chunk `fetch`: `Headers`, `Request`, `Response` and `fetch`, bridged to the host's fetch
 * (async op `sys.fetch`; host side: src/runtime/sandbox/host-fetch.ts, which applies the egress
 * policy, the timeout and the response size cap). Bodies are buffered, not streamed: a request body
 * (a string, bytes, URLSearchParams, a Blob or a multipart FormData) crosses as base64, the response
 * comes back whole. `response.body` is a minimal one-chunk reader so
 * clients that call `getReader()` still work. Aborting a request's signal cancels the host request.
 */
export const FETCH_CHUNK = String.raw`(function (I) {
'use strict';
const enc = I.load('encoding');
const ev = I.load('events');
const TOKEN = /^[!#$%&'*+\-.^_\x60|~0-9A-Za-z]+$/;
function headerName(name) {
  name = String(name);
  if (!TOKEN.test(name)) throw new TypeError('Header name must be a valid HTTP token ["' + name + '"]');
  return name.toLowerCase();
}
function headerValue(value) {
  value = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (/[\0\r\n]/.test(value)) throw new TypeError('Invalid header value');
  return value;
}
class Headers {
  #list = [];
  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (init instanceof Headers) { this.#list = init.#list.map((p) => [p[0], p[1], p[2]]); return; }
    if (typeof init !== 'object' && typeof init !== 'function') throw new TypeError('Headers init must be an object, an array of pairs or a Headers');
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = Array.from(pair);
        if (p.length !== 2) throw new TypeError('Header pairs must contain exactly two items');
        this.append(p[0], p[1]);
      }
    } else {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
  }
  append(name, value) { this.#list.push([headerName(name), headerValue(value), String(name)]); }
  delete(name) { name = headerName(name); this.#list = this.#list.filter((p) => p[0] !== name); }
  get(name) {
    name = headerName(name);
    const v = this.#list.filter((p) => p[0] === name).map((p) => p[1]);
    return v.length === 0 ? null : v.join(', ');
  }
  getSetCookie() { return this.#list.filter((p) => p[0] === 'set-cookie').map((p) => p[1]); }
  has(name) { name = headerName(name); return this.#list.some((p) => p[0] === name); }
  set(name, value) {
    const given = String(name);
    name = headerName(name); value = headerValue(value);
    const i = this.#list.findIndex((p) => p[0] === name);
    if (i === -1) this.#list.push([name, value, given]);
    else { this.#list[i][1] = value; this.#list = this.#list.filter((p, k) => k <= i || p[0] !== name); }
  }
  forEach(fn, thisArg) { for (const p of this.entries()) fn.call(thisArg, p[1], p[0], this); }
  *entries() {
    const names = Array.from(new Set(this.#list.map((p) => p[0]))).sort();
    for (const n of names) {
      if (n === 'set-cookie') { for (const v of this.getSetCookie()) yield [n, v]; } else yield [n, this.get(n)];
    }
  }
  *keys() { for (const p of this.entries()) yield p[0]; }
  *values() { for (const p of this.entries()) yield p[1]; }
  [Symbol.iterator]() { return this.entries(); }
  // As Node prints it: Headers { name: 'value' }.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const state = {};
    // Keyed by the name as first given (Node keeps its case here), values of one name joined.
    const names = new Map();
    for (const [k, v, given] of this.#list) {
      if (!names.has(k)) names.set(k, given || k);
      const key = names.get(k);
      state[key] = Object.prototype.hasOwnProperty.call(state, key) ? state[key] + ', ' + v : v;
    }
    return 'Headers ' + (typeof inspect === 'function' ? inspect : I.load('inspect').inspect)(state, Object.assign({}, options, { depth: options && options.depth != null ? options.depth : depth }));
  }
  get [Symbol.toStringTag]() { return 'Headers'; }
}

// ---- bodies ------------------------------------------------------------------------------------
const bodies = new WeakMap(); // Request/Response -> { bytes: Uint8Array | null, used: boolean, stream }
function extractBody(body) {
  if (body === undefined || body === null) return { bytes: null, type: null };
  if (typeof body === 'string') return { bytes: enc.utf8encode(body), type: 'text/plain;charset=UTF-8' };
  if (typeof URLSearchParams === 'function' && body instanceof URLSearchParams) return { bytes: enc.utf8encode(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { bytes: I.toBytes(body).slice(), type: null };
  if (typeof body === 'object') {
    const b = I.load('blob');
    if (body instanceof b.Blob) return { bytes: b.blobBytes(body).slice(), type: body.type || null };
    if (body instanceof b.FormData) return Object.assign(b.encodeMultipart(body), { form: true });
    // A ReadableStream: read whole when the body is consumed or sent (the host sends bodies whole).
    if (typeof body.getReader === 'function') return { bytes: null, type: null, source: body };
  }
  return { bytes: enc.utf8encode(String(body)), type: 'text/plain;charset=UTF-8' };
}
function consume(self) {
  const b = bodies.get(self);
  if (b.used) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  b.used = true;
  if (b.source !== null) return I.load('streams').readAll(b.source);
  return Promise.resolve(b.bytes === null ? new Uint8Array(0) : b.bytes);
}
class Body {
  get bodyUsed() { return bodies.get(this).used; }
  get body() {
    const b = bodies.get(this);
    if (b.source !== null) return b.source;
    if (b.bytes === null) return null;
    if (b.stream === undefined) b.stream = I.load('streams').bytesStream(b.bytes, () => { b.used = true; });
    return b.stream;
  }
  arrayBuffer() { return consume(this).then((u) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength)); }
  bytes() { return consume(this).then((u) => u.slice()); }
  text() { return consume(this).then((u) => enc.utf8decode(u, false)); }
  json() { return this.text().then((t) => JSON.parse(t)); }
  blob() {
    const type = this.headers.get('content-type') || '';
    return consume(this).then((u) => new (I.load('blob').Blob)([u], { type }));
  }
  formData() {
    const type = this.headers.get('content-type');
    return consume(this).then((u) => I.load('blob').parseFormData(u, type));
  }
}
function initBody(self, body, headers) {
  const x = extractBody(body);
  bodies.set(self, { bytes: x.bytes, used: false, stream: undefined, source: x.source || null });
  // A form's content type must name its boundary. A header without one is replaced: axios's browser
  // build labels every POST \`application/x-www-form-urlencoded\` unless told otherwise (its Node
  // build, which Auth0 runs, sends multipart), and a bare \`multipart/form-data\` cannot be parsed.
  if (x.type !== null && (!headers.has('content-type') || (x.form === true && !/;\s*boundary=/i.test(headers.get('content-type'))))) headers.set('content-type', x.type);
  return x.bytes;
}
function cloneBody(from, to) {
  const b = bodies.get(from);
  if (b.used) throw new TypeError('Body has already been consumed');
  let source = null;
  if (b.source !== null) { const pair = b.source.tee(); b.source = pair[0]; source = pair[1]; }
  bodies.set(to, { bytes: b.bytes, used: false, stream: undefined, source });
}

// ---- Request -----------------------------------------------------------------------------------
const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
function normalizeMethod(m) {
  m = String(m);
  if (!TOKEN.test(m)) throw new TypeError('"' + m + '" is not a valid HTTP method');
  const up = m.toUpperCase();
  if (up === 'CONNECT' || up === 'TRACE' || up === 'TRACK') throw new TypeError('"' + m + '" HTTP method is unsupported');
  return METHODS.indexOf(up) !== -1 ? up : m;
}
function parseUrl(input) {
  try { return new URL(input).href; } catch (_) { throw new TypeError('Failed to parse URL from ' + input); }
}
class Request extends Body {
  #url; #method; #headers; #signal; #redirect;
  constructor(input, init = {}) {
    super();
    init = init === null || init === undefined ? {} : init;
    const src = input instanceof Request ? input : null;
    this.#url = src !== null ? src.url : parseUrl(typeof URL === 'function' && input instanceof URL ? input.href : String(input));
    this.#method = init.method !== undefined ? normalizeMethod(init.method) : src !== null ? src.method : 'GET';
    this.#headers = new Headers(init.headers !== undefined ? init.headers : src !== null ? src.headers : undefined);
    const redirect = init.redirect !== undefined ? String(init.redirect) : src !== null ? src.redirect : 'follow';
    if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') throw new TypeError('redirect must be "follow", "manual" or "error"');
    this.#redirect = redirect;
    const signal = init.signal !== undefined ? init.signal : src !== null ? src.signal : null;
    if (signal !== null && !(signal instanceof ev.AbortSignal)) throw new TypeError('signal must be an AbortSignal');
    this.#signal = signal !== null ? signal : new ev.AbortController().signal;
    if (init.body !== undefined && init.body !== null) {
      if (this.#method === 'GET' || this.#method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      if (typeof init.body === 'object' && typeof init.body.getReader === 'function' && init.duplex !== 'half') {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      initBody(this, init.body, this.#headers);
    } else if (src !== null) cloneBody(src, this);
    else initBody(this, null, this.#headers);
  }
  get url() { return this.#url; }
  get method() { return this.#method; }
  get headers() { return this.#headers; }
  get signal() { return this.#signal; }
  get redirect() { return this.#redirect; }
  get credentials() { return 'same-origin'; }
  get mode() { return 'cors'; }
  get cache() { return 'default'; }
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return ''; }
  get integrity() { return ''; }
  get keepalive() { return false; }
  get destination() { return ''; }
  get duplex() { return 'half'; }
  clone() { return new Request(this); }
  get [Symbol.toStringTag]() { return 'Request'; }
}

// ---- Response ----------------------------------------------------------------------------------
let fromHost;
class Response extends Body {
  #status; #statusText; #headers; #type = 'default'; #url = ''; #redirected = false;
  constructor(body = null, init = {}) {
    super();
    init = init === null || init === undefined ? {} : init;
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!(status >= 200 && status <= 599) || Math.floor(status) !== status) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    this.#status = status;
    this.#statusText = init.statusText === undefined ? '' : String(init.statusText);
    this.#headers = new Headers(init.headers);
    if (body !== null && body !== undefined && (status === 204 || status === 205 || status === 304)) throw new TypeError('Response with null body status cannot have body');
    initBody(this, body, this.#headers);
  }
  get status() { return this.#status; }
  get statusText() { return this.#statusText; }
  get ok() { return this.#status >= 200 && this.#status <= 299; }
  get headers() { return this.#headers; }
  get type() { return this.#type; }
  get url() { return this.#url; }
  get redirected() { return this.#redirected; }
  clone() {
    const r = new Response(null, { status: this.#status === 0 ? 200 : this.#status, statusText: this.#statusText, headers: this.#headers });
    r.#status = this.#status; r.#type = this.#type; r.#url = this.#url; r.#redirected = this.#redirected;
    cloneBody(this, r);
    return r;
  }
  static error() { const r = new Response(null, { status: 200 }); r.#status = 0; r.#type = 'error'; return r; }
  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init && init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, Object.assign({}, init, { headers }));
  }
  static redirect(url, status = 302) {
    if ([301, 302, 303, 307, 308].indexOf(status) === -1) throw new RangeError('Invalid status code ' + status);
    return new Response(null, { status, headers: { location: parseUrl(String(url)) } });
  }
  get [Symbol.toStringTag]() { return 'Response'; }
  static {
    fromHost = (r) => {
      const res = new Response(null, { status: 200, statusText: r.statusText, headers: r.headers });
      res.#status = r.status; res.#url = r.url; res.#redirected = r.redirected; res.#type = 'basic';
      bodies.get(res).bytes = r.body === null ? null : I.b64decode(r.body);
      return res;
    };
  }
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let req;
    try { req = new Request(input, init); } catch (e) { reject(e); return; }
    const signal = req.signal;
    if (signal.aborted) { reject(signal.reason); return; }
    const b = bodies.get(req);
    let settled = false, started = null;
    const onAbort = () => { if (!settled) { settled = true; if (started !== null) I.cancel(started[1]); reject(signal.reason); } };
    signal.addEventListener('abort', onAbort);
    const send = (bytes) => {
      if (settled) return;
      started = I.callAsyncWithId('sys.fetch', {
        url: req.url, method: req.method, headers: Array.from(req.headers),
        body: bytes === null ? null : I.b64encode(bytes, false), redirect: req.redirect,
      });
      started[0].then(
        (r) => { if (!settled) { settled = true; signal.removeEventListener('abort', onAbort); resolve(fromHost(r)); } },
        (e) => { if (!settled) { settled = true; signal.removeEventListener('abort', onAbort); reject(e); } },
      );
    };
    if (b.source === null) { send(b.bytes); return; }
    // A streamed request body is read whole first: the host sends bodies whole.
    b.used = true;
    I.load('streams').readAll(b.source).then(send, (e) => { if (!settled) { settled = true; signal.removeEventListener('abort', onAbort); reject(e); } });
  });
}
return { fetch, Headers, Request, Response };
})`;
