/**
 * Guest chunk `url`: `URL` backed by the host's WHATWG parser (one sync host call per parse or
 * setter, op `sys.url`), and `URLSearchParams` in guest JavaScript. A full guest URL parser is
 * 15–20 KB of source; sandbox-compat.md measured a core-js URL at 22 ms per context, while this
 * chunk compiles in well under a millisecond and is exactly as correct as Node's own URL.
 */
export const URL_CHUNK = String.raw`(function (I) {
'use strict';
const enc = I.load('encoding');
function decodeComponent(s) {
  s = s.replace(/\+/g, ' ');
  if (s.indexOf('%') === -1) return s;
  try { return decodeURIComponent(s); } catch (_) {}
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) { bytes.push(parseInt(s.slice(i + 1, i + 3), 16)); i += 2; }
    else if (c < 128) bytes.push(c);
    else { const b = enc.utf8encode(s[i]); for (let k = 0; k < b.length; k++) bytes.push(b[k]); }
  }
  return enc.utf8decode(new Uint8Array(bytes), false);
}
function encodeComponent(s) {
  return encodeURIComponent(String(s).toWellFormed()).replace(/[!'()~]|%20/g, (c) => (c === '%20' ? '+' : '%' + c.charCodeAt(0).toString(16).toUpperCase()));
}
function parsePairs(s) {
  const list = [];
  if (s.charCodeAt(0) === 63) s = s.slice(1);
  for (const part of s.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    list.push(eq === -1 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))]);
  }
  return list;
}
let setList, attach, urlSetSearch;
class URLSearchParams {
  #list = [];
  #url = null;
  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (init instanceof URLSearchParams) { this.#list = init.#list.map((p) => [p[0], p[1]]); return; }
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple');
          this.#list.push([String(p[0]), String(p[1])]);
        }
        return;
      }
      for (const k of Object.keys(init)) this.#list.push([k, String(init[k])]);
      return;
    }
    this.#list = parsePairs(String(init));
  }
  #update() { if (this.#url !== null) urlSetSearch(this.#url, this.toString()); }
  get size() { return this.#list.length; }
  append(name, value) { this.#list.push([String(name), String(value)]); this.#update(); }
  delete(name, value) {
    name = String(name);
    this.#list = this.#list.filter((p) => p[0] !== name || (value !== undefined && p[1] !== String(value)));
    this.#update();
  }
  get(name) { name = String(name); const p = this.#list.find((x) => x[0] === name); return p ? p[1] : null; }
  getAll(name) { name = String(name); return this.#list.filter((x) => x[0] === name).map((x) => x[1]); }
  has(name, value) { name = String(name); return this.#list.some((x) => x[0] === name && (value === undefined || x[1] === String(value))); }
  set(name, value) {
    name = String(name); value = String(value);
    const i = this.#list.findIndex((x) => x[0] === name);
    if (i === -1) this.#list.push([name, value]);
    else { this.#list[i][1] = value; this.#list = this.#list.filter((x, k) => k <= i || x[0] !== name); }
    this.#update();
  }
  sort() {
    this.#list = this.#list.map((p, i) => [p, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map((x) => x[0]);
    this.#update();
  }
  forEach(fn, thisArg) { for (const p of this.#list.slice()) fn.call(thisArg, p[1], p[0], this); }
  *keys() { for (const p of this.#list.slice()) yield p[0]; }
  *values() { for (const p of this.#list.slice()) yield p[1]; }
  *entries() { for (const p of this.#list.slice()) yield [p[0], p[1]]; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this.#list.map((p) => encodeComponent(p[0]) + '=' + encodeComponent(p[1])).join('&'); }
  // As Node prints it: URLSearchParams { 'a' => '1' }.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const inner = Object.assign({}, options, { depth: depth === null || depth === undefined ? null : depth - 1 });
    const show = (v) => (typeof inspect === 'function' ? inspect : I.load('inspect').inspect)(v, inner);
    const output = this.#list.map((p) => show(p[0]) + ' => ' + show(p[1]));
    const length = output.reduce((n, s) => n + s.length + 2, -2);
    if (length > ((options && options.breakLength) || 80)) return 'URLSearchParams {\n  ' + output.join(',\n  ') + ' }';
    return output.length > 0 ? 'URLSearchParams { ' + output.join(', ') + ' }' : 'URLSearchParams {}';
  }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  static {
    setList = (sp, search) => { sp.#list = parsePairs(search); };
    attach = (sp, url) => { sp.#url = url; };
  }
}

function parse(args) { return I.call('sys.url', args); }
class URL {
  #r;
  #sp = null;
  constructor(url, base = undefined) {
    if (arguments.length === 0) throw new TypeError('The "url" argument must be specified');
    this.#r = parse(base === undefined ? [String(url)] : [String(url), String(base)]);
  }
  #set(part, value) {
    this.#r = parse([this.#r.href, null, part, String(value)]);
    if (this.#sp !== null && (part === 'search' || part === 'href')) setList(this.#sp, this.#r.search);
  }
  get href() { return this.#r.href; }
  set href(v) { this.#set('href', v); }
  get origin() { return this.#r.origin; }
  get protocol() { return this.#r.protocol; }
  set protocol(v) { this.#set('protocol', v); }
  get username() { return this.#r.username; }
  set username(v) { this.#set('username', v); }
  get password() { return this.#r.password; }
  set password(v) { this.#set('password', v); }
  get host() { return this.#r.host; }
  set host(v) { this.#set('host', v); }
  get hostname() { return this.#r.hostname; }
  set hostname(v) { this.#set('hostname', v); }
  get port() { return this.#r.port; }
  set port(v) { this.#set('port', v); }
  get pathname() { return this.#r.pathname; }
  set pathname(v) { this.#set('pathname', v); }
  get search() { return this.#r.search; }
  set search(v) { this.#set('search', v); }
  get hash() { return this.#r.hash; }
  set hash(v) { this.#set('hash', v); }
  get searchParams() {
    if (this.#sp === null) { this.#sp = new URLSearchParams(this.#r.search); attach(this.#sp, this); }
    return this.#sp;
  }
  toString() { return this.#r.href; }
  toJSON() { return this.#r.href; }
  // As Node prints it: URL { href, origin, …, searchParams, hash }.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const r = this.#r;
    const obj = { href: r.href, origin: r.origin, protocol: r.protocol, username: r.username, password: r.password, host: r.host, hostname: r.hostname, port: r.port, pathname: r.pathname, search: r.search, searchParams: this.searchParams, hash: r.hash };
    return 'URL ' + (typeof inspect === 'function' ? inspect : I.load('inspect').inspect)(obj, options);
  }
  get [Symbol.toStringTag]() { return 'URL'; }
  static canParse(url, base = undefined) { try { new URL(url, base); return true; } catch (_) { return false; } }
  static parse(url, base = undefined) { try { return new URL(url, base); } catch (_) { return null; } }
  static { urlSetSearch = (u, search) => { u.#r = parse([u.#r.href, null, 'search', search]); }; }
}
return { URL, URLSearchParams, encodeComponent, decodeComponent };
})`;
