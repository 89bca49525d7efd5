/**
 * Guest chunk `xhr`: `XMLHttpRequest` (and `ProgressEvent`) over the sandbox's `fetch`, so the
 * egress policy, timeouts and size caps apply unchanged. Browser builds of HTTP clients need it:
 * axios before 1.7 has no other adapter in its browser build (the action failed with "not a
 * function"), and superagent's browser build is XHR-only.
 *
 * Asynchronous requests only: the host does the I/O, so `open(method, url, false)` throws an
 * `InvalidAccessError`. The response body is read whole, then `progress` fires once. There is no
 * document, so no base URL (relative URLs are a `SyntaxError`), no cookies and `responseXML` is null.
 * A failed request logs its reason (an egress refusal, say) as a console warning, since the `error`
 * event has none. Events follow the XHR standard's order: readystatechange per state, then load/error/abort/timeout
 * and loadend, on the request and (when a body was sent) on `upload`.
 */
export const XHR_CHUNK = String.raw`(function (I) {
'use strict';
const ev = I.load('events'), net = I.load('fetch'), blob = () => I.load('blob');
const { Event, EventTarget, DOMException, AbortController } = ev;

class ProgressEvent extends Event {
  #computable; #loaded; #total;
  constructor(type, init = {}) {
    super(type, init);
    this.#computable = Boolean(init && init.lengthComputable);
    this.#loaded = Number(init && init.loaded) || 0;
    this.#total = Number(init && init.total) || 0;
  }
  get lengthComputable() { return this.#computable; }
  get loaded() { return this.#loaded; }
  get total() { return this.#total; }
}

// on<event> handler properties: one listener per target and event, added when first set.
const handlers = new WeakMap();
function defineHandlers(proto, names) {
  for (const name of names) {
    Object.defineProperty(proto, 'on' + name, {
      configurable: true, enumerable: true,
      get() { const h = handlers.get(this); return (h && h[name]) || null; },
      set(fn) {
        let h = handlers.get(this);
        if (h === undefined) handlers.set(this, (h = {}));
        if (!(name in h)) this.addEventListener(name, (e) => { if (typeof h[name] === 'function') h[name].call(this, e); });
        h[name] = typeof fn === 'function' ? fn : null;
      },
    });
  }
}
const PROGRESS_EVENTS = ['loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];
class XMLHttpRequestEventTarget extends EventTarget {}
defineHandlers(XMLHttpRequestEventTarget.prototype, PROGRESS_EVENTS);
class XMLHttpRequestUpload extends XMLHttpRequestEventTarget {}

const STANDARD_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
const TOKEN = /^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/;
function invalidState(what) { return new DOMException("Failed to execute '" + what + "' on 'XMLHttpRequest': the object's state must be OPENED.", 'InvalidStateError'); }
function fire(target, type, loaded = 0, total = 0, computable = false) {
  target.dispatchEvent(new ProgressEvent(type, { loaded, total, lengthComputable: computable }));
}

class XMLHttpRequest extends XMLHttpRequestEventTarget {
  #state = 0; #method = 'GET'; #url = null; #headers = []; #sent = false; #hasBody = false;
  #status = 0; #statusText = ''; #responseURL = ''; #responseHeaders = null; #bytes = null; #failed = false;
  #responseType = ''; #mime = null; #response = undefined; #timeout = 0; #credentials = false;
  #upload = new XMLHttpRequestUpload(); #generation = 0; #controller = null; #timer = null;

  get readyState() { return this.#state; }
  get status() { return this.#failed ? 0 : this.#status; }
  get statusText() { return this.#failed ? '' : this.#statusText; }
  get responseURL() { return this.#responseURL; }
  get upload() { return this.#upload; }
  get timeout() { return this.#timeout; }
  set timeout(v) { this.#timeout = Math.max(0, Math.trunc(Number(v)) || 0); }
  get withCredentials() { return this.#credentials; }
  set withCredentials(v) {
    if (this.#sent) throw new DOMException('withCredentials cannot change after send()', 'InvalidStateError');
    this.#credentials = Boolean(v);
  }
  get responseType() { return this.#responseType; }
  set responseType(v) {
    if (this.#state === 3 || this.#state === 4) throw new DOMException('responseType cannot change once loading', 'InvalidStateError');
    if (['', 'text', 'json', 'arraybuffer', 'blob', 'document'].indexOf(String(v)) !== -1) this.#responseType = String(v);
  }
  get responseXML() { return null; }

  open(method, url, async = true, user = null, password = null) {
    if (arguments.length < 2) throw new TypeError("Failed to execute 'open' on 'XMLHttpRequest': 2 arguments required, but only " + arguments.length + ' present.');
    method = String(method);
    if (!TOKEN.test(method)) throw new DOMException("'" + method + "' is not a valid HTTP method.", 'SyntaxError');
    const upper = method.toUpperCase();
    if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') throw new DOMException("'" + method + "' HTTP method is unsupported.", 'SecurityError');
    let parsed;
    try { parsed = new URL(String(url)); } catch (_) { throw new DOMException("Failed to execute 'open' on 'XMLHttpRequest': Invalid URL (the sandbox has no base URL: use an absolute one)", 'SyntaxError'); }
    if (arguments.length > 2 && !async) {
      throw new DOMException('Synchronous XMLHttpRequest is not supported in the sandbox (requests are made by the host, asynchronously)', 'InvalidAccessError');
    }
    if (user !== null && user !== undefined) parsed.username = String(user);
    if (password !== null && password !== undefined) parsed.password = String(password);
    this.#terminate();
    this.#method = STANDARD_METHODS.indexOf(upper) !== -1 ? upper : method;
    this.#url = parsed.href;
    this.#headers = []; this.#sent = false; this.#clearResponse();
    if (this.#state !== 1) { this.#state = 1; this.dispatchEvent(new Event('readystatechange')); }
  }

  setRequestHeader(name, value) {
    if (this.#state !== 1 || this.#sent) throw invalidState('setRequestHeader');
    name = String(name); value = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    if (!TOKEN.test(name)) throw new DOMException("'" + name + "' is not a valid HTTP header field name.", 'SyntaxError');
    if (/[\0\r\n]/.test(value)) throw new DOMException("'" + value + "' is not a valid HTTP header field value.", 'SyntaxError');
    const lower = name.toLowerCase();
    const existing = this.#headers.find((h) => h[0].toLowerCase() === lower);
    if (existing) existing[1] += ', ' + value; else this.#headers.push([name, value]);
  }

  send(body = null) {
    if (this.#state !== 1 || this.#sent) throw invalidState('send');
    if (this.#method === 'GET' || this.#method === 'HEAD') body = null;
    this.#sent = true;
    this.#hasBody = body !== null && body !== undefined;
    const generation = ++this.#generation;
    const controller = (this.#controller = new AbortController());
    let timedOut = false;
    fire(this, 'loadstart');
    if (this.#hasBody) fire(this.#upload, 'loadstart');
    if (generation !== this.#generation) return;
    if (this.#timeout > 0) this.#timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.#timeout);
    const init = { method: this.#method, headers: this.#headers, signal: controller.signal };
    if (this.#hasBody) init.body = body;
    net.fetch(this.#url, init).then(
      (res) => this.#received(generation, res),
      (e) => {
        if (generation !== this.#generation) return;
        // XHR's error event carries no reason; say it in the log, as a browser's console does.
        if (!timedOut) console.warn('XMLHttpRequest ' + this.#method + ' ' + this.#url + ' failed: ' + (e && e.message ? e.message : String(e)));
        this.#requestError(timedOut ? 'timeout' : 'error');
      },
    );
  }

  abort() {
    const active = (this.#state === 1 && this.#sent) || this.#state === 2 || this.#state === 3;
    this.#terminate();
    if (active) this.#requestError('abort');
    if (this.#state === 4) { this.#state = 0; this.#clearResponse(); }
  }

  getResponseHeader(name) {
    if (this.#responseHeaders === null || this.#failed) return null;
    const n = String(name).toLowerCase();
    return n === 'set-cookie' || n === 'set-cookie2' ? null : this.#responseHeaders.get(n);
  }
  getAllResponseHeaders() {
    if (this.#responseHeaders === null || this.#failed) return '';
    const lines = [];
    for (const [k, v] of this.#responseHeaders) if (k !== 'set-cookie' && k !== 'set-cookie2') lines.push(k + ': ' + v + '\r\n');
    return lines.join('');
  }
  overrideMimeType(mime) {
    if (this.#state === 3 || this.#state === 4) throw new DOMException('overrideMimeType cannot be called once loading', 'InvalidStateError');
    this.#mime = String(mime);
  }

  get responseText() {
    if (this.#responseType !== '' && this.#responseType !== 'text') throw new DOMException("The value is only accessible if responseType is '' or 'text' (was '" + this.#responseType + "').", 'InvalidStateError');
    return this.#state < 3 || this.#bytes === null ? '' : this.#text();
  }
  get response() {
    const t = this.#responseType;
    if (t === '' || t === 'text') return this.responseText;
    if (this.#state !== 4 || this.#bytes === null) return null;
    if (this.#response !== undefined) return this.#response;
    if (t === 'json') { try { this.#response = JSON.parse(this.#text()); } catch (_) { this.#response = null; } }
    else if (t === 'arraybuffer') this.#response = this.#bytes.slice().buffer;
    else if (t === 'blob') this.#response = new (blob().Blob)([this.#bytes], { type: this.#contentType() || '' });
    else this.#response = null;
    return this.#response;
  }

  #contentType() { return this.#mime !== null ? this.#mime : this.#responseHeaders !== null ? this.#responseHeaders.get('content-type') : null; }
  #text() {
    const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(this.#contentType() || '');
    let decoder;
    try { decoder = new TextDecoder(m ? m[1] : 'utf-8'); } catch (_) { decoder = new TextDecoder('utf-8'); }
    return decoder.decode(this.#bytes);
  }
  #clearResponse() {
    this.#status = 0; this.#statusText = ''; this.#responseURL = ''; this.#responseHeaders = null;
    this.#bytes = null; this.#failed = false; this.#response = undefined;
  }
  #terminate() {
    this.#generation++;
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    if (this.#controller !== null) { const c = this.#controller; this.#controller = null; c.abort(); }
  }
  #setState(s) { this.#state = s; this.dispatchEvent(new Event('readystatechange')); }
  #requestError(type) {
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    this.#controller = null;
    this.#sent = false;
    this.#failed = true;
    this.#bytes = null;
    this.#setState(4);
    if (this.#hasBody) { fire(this.#upload, type); fire(this.#upload, 'loadend'); }
    fire(this, type);
    fire(this, 'loadend');
  }
  async #received(generation, res) {
    if (generation !== this.#generation) return;
    this.#status = res.status; this.#statusText = res.statusText; this.#responseURL = res.url; this.#responseHeaders = res.headers;
    if (this.#hasBody) { fire(this.#upload, 'progress'); fire(this.#upload, 'load'); fire(this.#upload, 'loadend'); }
    if (generation !== this.#generation) return;
    this.#setState(2);
    if (generation !== this.#generation) return;
    let bytes;
    try { bytes = new Uint8Array(await res.arrayBuffer()); } catch (e) { if (generation === this.#generation) this.#requestError('error'); return; }
    if (generation !== this.#generation) return;
    this.#bytes = bytes;
    const declared = Number(res.headers.get('content-length'));
    const total = Number.isFinite(declared) && declared > 0 ? declared : bytes.length;
    this.#setState(3);
    if (generation !== this.#generation) return;
    fire(this, 'progress', bytes.length, total, true);
    if (generation !== this.#generation) return;
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    this.#controller = null;
    this.#sent = false;
    this.#setState(4);
    fire(this, 'load', bytes.length, total, true);
    fire(this, 'loadend', bytes.length, total, true);
  }
}
defineHandlers(XMLHttpRequest.prototype, ['readystatechange']);
['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE'].forEach((name, i) => {
  Object.defineProperty(XMLHttpRequest, name, { value: i, enumerable: true });
  Object.defineProperty(XMLHttpRequest.prototype, name, { value: i, enumerable: true });
});
return { XMLHttpRequest, XMLHttpRequestUpload, XMLHttpRequestEventTarget, ProgressEvent };
})`;
