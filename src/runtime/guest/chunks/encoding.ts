/**
 * Guest chunk `encoding`: UTF-8 helpers plus `TextEncoder`/`TextDecoder`, all in guest JavaScript.
 * Kept in the guest because encoding is called often and a host round trip per string (≈3.5 µs plus
 * base64) would cost more than encoding in QuickJS. Other chunks (url, fetch, crypto) reuse
 * `utf8encode`/`utf8decode` through `internals.load('encoding')`.
 *
 * TextDecoder supports utf-8 (with `fatal`, `ignoreBOM` and `stream`), utf-16le and the
 * latin1/ascii/windows-1252 labels (decoded as latin1, as Node 20 does); other labels throw a
 * RangeError, as Node does.
 */
export const ENCODING_CHUNK = String.raw`(function (I) {
'use strict';
const fromCharCode = String.fromCharCode;
function utf8encode(s) {
  const n = s.length, out = new Uint8Array(n * 3);
  let j = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out[j++] = c; continue; }
    if (c < 0x800) { out[j++] = 0xc0 | (c >> 6); out[j++] = 0x80 | (c & 63); continue; }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++;
        out[j++] = 0xf0 | (c >> 18); out[j++] = 0x80 | ((c >> 12) & 63);
        out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63);
        continue;
      }
      c = 0xfffd; // lone surrogate
    }
    out[j++] = 0xe0 | (c >> 12); out[j++] = 0x80 | ((c >> 6) & 63); out[j++] = 0x80 | (c & 63);
  }
  return out.slice(0, j);
}
function flush(units, parts) { parts.push(fromCharCode.apply(null, units)); units.length = 0; }
/** WHATWG UTF-8 decode (replacement per maximal subpart); throws a TypeError when fatal. */
function utf8decode(b, fatal) {
  const parts = [], units = [];
  let need = 0, cp = 0, lower = 0x80, upper = 0xbf;
  const bad = () => { if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8'); units.push(0xfffd); };
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (need === 0) {
      if (x < 0x80) units.push(x);
      else if (x >= 0xc2 && x <= 0xdf) { need = 1; cp = x & 0x1f; }
      else if (x >= 0xe0 && x <= 0xef) { if (x === 0xe0) lower = 0xa0; if (x === 0xed) upper = 0x9f; need = 2; cp = x & 0xf; }
      else if (x >= 0xf0 && x <= 0xf4) { if (x === 0xf0) lower = 0x90; if (x === 0xf4) upper = 0x8f; need = 3; cp = x & 7; }
      else bad();
    } else if (x < lower || x > upper) {
      need = 0; lower = 0x80; upper = 0xbf; bad(); i--;
    } else {
      lower = 0x80; upper = 0xbf; cp = (cp << 6) | (x & 63);
      if (--need === 0) {
        if (cp > 0xffff) { cp -= 0x10000; units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); } else units.push(cp);
      }
    }
    if (units.length >= 4096) flush(units, parts);
  }
  if (need !== 0) bad();
  flush(units, parts);
  return parts.join('');
}
/** Length of an incomplete UTF-8 sequence at the end of b (kept for the next streaming call). */
function incompleteTail(b) {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const x = b[b.length - k];
    if ((x & 0xc0) === 0x80) continue; // continuation byte: look further back
    const len = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return len > k ? k : 0;
  }
  return 0;
}
const LABELS = { 'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', ascii: 'windows-1252', 'us-ascii': 'windows-1252', 'windows-1252': 'windows-1252' };
class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return utf8encode(String(input)); }
  encodeInto(source, dest) {
    const s = String(source);
    let read = 0, written = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.codePointAt(i), units = c > 0xffff ? 2 : 1;
      const bytes = utf8encode(s.slice(i, i + units));
      if (written + bytes.length > dest.length) break;
      dest.set(bytes, written); written += bytes.length; read += units; i += units - 1;
    }
    return { read, written };
  }
}
class TextDecoder {
  #encoding; #fatal; #ignoreBOM; #pending = null; #bomSeen = false;
  constructor(label = 'utf-8', options = {}) {
    const enc = LABELS[String(label).trim().toLowerCase()];
    if (enc === undefined) throw new RangeError('The "' + label + '" encoding is not supported');
    this.#encoding = enc;
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input, options) {
    const stream = Boolean(options && options.stream);
    let b = input === undefined ? new Uint8Array(0) : I.toBytes(input, 'input');
    if (this.#pending !== null) { const m = new Uint8Array(this.#pending.length + b.length); m.set(this.#pending); m.set(b, this.#pending.length); b = m; this.#pending = null; }
    let out;
    if (this.#encoding === 'utf-8') {
      const keep = stream ? incompleteTail(b) : 0;
      if (keep) { this.#pending = b.slice(b.length - keep); b = b.subarray(0, b.length - keep); }
      out = utf8decode(b, this.#fatal);
    } else if (this.#encoding === 'utf-16le') {
      const even = b.length & ~1;
      if (stream && even !== b.length) { this.#pending = b.slice(even); b = b.subarray(0, even); }
      const units = [];
      for (let i = 0; i + 1 < b.length; i += 2) units.push(b[i] | (b[i + 1] << 8));
      if (b.length & 1) { if (this.#fatal) throw new TypeError('The encoded data was not valid for encoding utf-16le'); units.push(0xfffd); }
      out = '';
      for (let i = 0; i < units.length; i += 4096) out += fromCharCode.apply(null, units.slice(i, i + 4096));
      out = out.toWellFormed();
    } else {
      // Node decodes its "windows-1252" labels as plain latin1 (byte = code point); so do we.
      out = '';
      for (let i = 0; i < b.length; i += 4096) out += fromCharCode.apply(null, b.subarray(i, i + 4096));
    }
    if (!this.#ignoreBOM && !this.#bomSeen && out.length > 0) {
      this.#bomSeen = true;
      if (this.#encoding !== 'windows-1252' && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    }
    if (!stream) this.#bomSeen = false;
    return out;
  }
}
/** One Uint8Array holding the given Uint8Arrays one after another. */
function concatBytes(chunks) {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
return { TextEncoder, TextDecoder, utf8encode, utf8decode, concatBytes };
})`;
