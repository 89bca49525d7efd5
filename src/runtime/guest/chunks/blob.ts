/**
 * Guest chunk `blob`: `Blob`, `File` and `FormData` as Node 20 has them (WHATWG File API and XHR
 * FormData), held in memory. SDKs test request bodies against them (the `auth0` SDK's request
 * builder reads `body instanceof FormData` on every call), and `fetch` sends them: a Blob as its
 * bytes and type, a FormData as `multipart/form-data` (encoded as undici encodes it). `Response.
 * formData()` reads both url-encoded and multipart bodies through {@link parseFormData}.
 */
export const BLOB_CHUNK = String.raw`(function (I) {
'use strict';
const enc = I.load('encoding');
const bytesOf = new WeakMap(); // Blob -> Uint8Array (never handed out: slices and reads copy)

function partBytes(part) {
  if (part instanceof Blob) return bytesOf.get(part);
  if (part instanceof ArrayBuffer || ArrayBuffer.isView(part)) return I.toBytes(part).slice();
  return enc.utf8encode(String(part));
}
function normalizeType(type) {
  type = type === undefined ? '' : String(type);
  return /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
}
class Blob {
  #type;
  constructor(parts = [], options = undefined) {
    if (parts === null || typeof parts !== 'object' || typeof parts[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to construct 'Blob': The provided value cannot be converted to a sequence.");
    }
    const chunks = [];
    for (const p of parts) chunks.push(partBytes(p));
    bytesOf.set(this, enc.concatBytes(chunks));
    this.#type = normalizeType(options && options.type);
  }
  get size() { return bytesOf.get(this).length; }
  get type() { return this.#type; }
  slice(start = 0, end = undefined, contentType = '') {
    const bytes = bytesOf.get(this), size = bytes.length;
    const clamp = (v, d) => { v = v === undefined ? d : Math.trunc(Number(v)) || 0; return v < 0 ? Math.max(size + v, 0) : Math.min(v, size); };
    const from = clamp(start, 0), to = clamp(end, size);
    const b = new Blob([], { type: contentType });
    bytesOf.set(b, bytes.slice(from, Math.max(from, to)));
    return b;
  }
  text() { return Promise.resolve(enc.utf8decode(bytesOf.get(this), false)); }
  arrayBuffer() { const u = bytesOf.get(this); return Promise.resolve(u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength)); }
  bytes() { return Promise.resolve(bytesOf.get(this).slice()); }
  stream() { return I.load('streams').bytesStream(bytesOf.get(this)); }
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const fields = this instanceof File ? { size: this.size, type: this.type, name: this.name, lastModified: this.lastModified } : { size: this.size, type: this.type };
    const opts = Object.assign({}, options, { depth: !options || options.depth == null ? null : options.depth - 1 });
    return (this instanceof File ? 'File ' : 'Blob ') + (typeof inspect === 'function' ? inspect : I.load('inspect').inspect)(fields, opts);
  }
  get [Symbol.toStringTag]() { return 'Blob'; }
}
class File extends Blob {
  #name;
  #lastModified;
  constructor(bits, name, options = undefined) {
    if (arguments.length < 2) throw new TypeError("Failed to construct 'File': 2 arguments required, but only " + arguments.length + ' present.');
    super(bits, options);
    this.#name = String(name);
    const lm = options && options.lastModified;
    this.#lastModified = lm === undefined ? Date.now() : Math.trunc(Number(lm)) || 0;
  }
  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  get webkitRelativePath() { return ''; }
  get [Symbol.toStringTag]() { return 'File'; }
}

/** A FormData entry's value: a string, or a File (a Blob becomes one named "blob", or the filename given). */
function entryValue(value, filename, argc) {
  if (value instanceof Blob) {
    if (!(value instanceof File) || argc > 2) {
      const f = new File([], argc > 2 ? String(filename) : value instanceof File ? value.name : 'blob', { type: value.type, lastModified: value instanceof File ? value.lastModified : undefined });
      bytesOf.set(f, bytesOf.get(value));
      return f;
    }
    return value;
  }
  if (argc > 2) throw new TypeError("Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'.");
  return String(value);
}
class FormData {
  #entries = [];
  constructor(form = undefined) {
    if (form !== undefined) throw new TypeError("Failed to construct 'FormData': there are no HTML forms in the sandbox");
  }
  append(name, value, filename) { this.#entries.push([String(name), entryValue(value, filename, arguments.length)]); }
  set(name, value, filename) {
    name = String(name);
    const entry = [name, entryValue(value, filename, arguments.length)];
    const i = this.#entries.findIndex((e) => e[0] === name);
    if (i === -1) { this.#entries.push(entry); return; }
    this.#entries = this.#entries.filter((e, k) => k === i || e[0] !== name);
    this.#entries[i] = entry;
  }
  get(name) { name = String(name); const e = this.#entries.find((x) => x[0] === name); return e === undefined ? null : e[1]; }
  getAll(name) { name = String(name); return this.#entries.filter((x) => x[0] === name).map((x) => x[1]); }
  has(name) { name = String(name); return this.#entries.some((x) => x[0] === name); }
  delete(name) { name = String(name); this.#entries = this.#entries.filter((x) => x[0] !== name); }
  forEach(fn, thisArg) { for (const [k, v] of this.#entries.slice()) fn.call(thisArg, v, k, this); }
  *entries() { for (let i = 0; i < this.#entries.length; i++) yield [this.#entries[i][0], this.#entries[i][1]]; }
  *keys() { for (const e of this.entries()) yield e[0]; }
  *values() { for (const e of this.entries()) yield e[1]; }
  [Symbol.iterator]() { return this.entries(); }
  // As Node prints it: FormData { name: value, repeated: [ a, b ] }.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const state = {};
    for (const [k, v] of this.#entries) state[k] = Object.prototype.hasOwnProperty.call(state, k) ? (Array.isArray(state[k]) ? state[k].concat([v]) : [state[k], v]) : v;
    return 'FormData ' + (typeof inspect === 'function' ? inspect : I.load('inspect').inspect)(state, Object.assign({}, options, { depth: options && options.depth != null ? options.depth : depth }));
  }
  get [Symbol.toStringTag]() { return 'FormData'; }
}

// ---- multipart/form-data ----------------------------------------------------------------------
const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
/** A boundary RFC 2046 allows: what a form's own \`getBoundary()\` (the form-data package's API) may give. */
const BOUNDARY = /^[0-9A-Za-z'()+_,.\/:=? -]{0,69}[0-9A-Za-z'()+_,.\/:=?-]$/;
/**
 * A FormData as a request body: its bytes and content type (boundary as undici makes them, or the
 * form's own when it has \`getBoundary()\`, so \`headers: form.getHeaders()\` matches the body).
 */
function encodeMultipart(form) {
  const own = typeof form.getBoundary === 'function' ? String(form.getBoundary()) : '';
  let boundary = own;
  if (!BOUNDARY.test(own)) {
    boundary = '----formdata-undici-0';
    for (let i = 0; i < 11; i++) boundary += Math.floor(Math.random() * 10);
  }
  const chunks = [];
  for (const [name, value] of form) {
    let head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + escapeName(name) + '"';
    if (typeof value === 'string') {
      chunks.push(enc.utf8encode(head + '\r\n\r\n' + value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n') + '\r\n'));
    } else {
      head += '; filename="' + escapeName(value.name) + '"\r\nContent-Type: ' + (value.type || 'application/octet-stream') + '\r\n\r\n';
      chunks.push(enc.utf8encode(head), bytesOf.get(value), enc.utf8encode('\r\n'));
    }
  }
  chunks.push(enc.utf8encode('--' + boundary + '--\r\n'));
  return { bytes: enc.concatBytes(chunks), type: 'multipart/form-data; boundary=' + boundary };
}
function indexOf(bytes, pattern, from) {
  outer: for (let i = from; i <= bytes.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}
/** \`Body.formData()\`: a url-encoded or multipart body as a FormData, or a TypeError as undici throws. */
function parseFormData(bytes, contentType) {
  const type = String(contentType || '').toLowerCase();
  const form = new FormData();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(enc.utf8decode(bytes, false))) form.append(k, v);
    return form;
  }
  const m = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(String(contentType || ''));
  if (!m) throw new TypeError('Response.formData: Could not parse content as FormData.');
  const delimiter = enc.utf8encode('--' + (m[1] || m[2]));
  let at = indexOf(bytes, delimiter, 0);
  if (at === -1) throw new TypeError('Response.formData: Could not parse content as FormData.');
  for (;;) {
    at += delimiter.length;
    if (bytes[at] === 45 && bytes[at + 1] === 45) return form; // "--": the closing delimiter
    const headEnd = indexOf(bytes, [13, 10, 13, 10], at);
    const next = indexOf(bytes, enc.utf8encode('\r\n--' + (m[1] || m[2])), headEnd);
    if (headEnd === -1 || next === -1) throw new TypeError('Response.formData: Could not parse content as FormData.');
    const head = enc.utf8decode(bytes.subarray(at, headEnd), false);
    const name = /;\s*name="([^"]*)"/i.exec(head), filename = /;\s*filename="([^"]*)"/i.exec(head), ctype = /^content-type:\s*(.*)$/im.exec(head);
    if (!name) throw new TypeError('Response.formData: a part has no name');
    const body = bytes.slice(headEnd + 4, next);
    if (filename) form.append(name[1], new File([body], filename[1], { type: ctype ? ctype[1].trim() : '' }));
    else form.append(name[1], enc.utf8decode(body, false));
    at = next + 2;
  }
}
return { Blob, File, FormData, blobBytes: (b) => bytesOf.get(b), encodeMultipart, parseFormData };
})`;
