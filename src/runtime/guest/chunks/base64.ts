/**
 * Guest chunk `base64`: `atob`/`btoa` and the base64 and BufferSource helpers that every chunk
 * moving binary data across the channel uses (binary crosses as base64 strings).
 */
export const BASE64_CHUNK = String.raw`(function (I) {
'use strict';
const fromCharCode = String.fromCharCode;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;
B64_INDEX[45] = 62; B64_INDEX[95] = 63; // base64url - _
function b64encode(bytes, url) {
  const n = bytes.length, parts = [];
  let out = '';
  const alphabet = url ? B64.slice(0, 62) + '-_' : B64;
  for (let i = 0; i < n; i += 3) {
    const a = bytes[i], b = i + 1 < n ? bytes[i + 1] : 0, c = i + 2 < n ? bytes[i + 2] : 0;
    out += alphabet[a >> 2] + alphabet[((a & 3) << 4) | (b >> 4)] +
      (i + 1 < n ? alphabet[((b & 15) << 2) | (c >> 6)] : url ? '' : '=') +
      (i + 2 < n ? alphabet[c & 63] : url ? '' : '=');
    if (out.length > 8192) { parts.push(out); out = ''; }
  }
  parts.push(out);
  return parts.join('');
}
/** Lenient decoder (standard or url alphabet, padding optional); returns null on bad input. */
function b64decode(s) {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  if (len % 4 === 1) return null;
  const out = new Uint8Array((len * 3) >> 2);
  let j = 0, acc = 0, bits = 0;
  for (let i = 0; i < len; i++) {
    const v = B64_INDEX[s.charCodeAt(i) & 255];
    if (v < 0 || s.charCodeAt(i) > 255) return null;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out[j++] = (acc >> bits) & 255; }
  }
  return out;
}
function invalidCharacter(message) { return new (I.load('events').DOMException)(message, 'InvalidCharacterError'); }
function atob(data) {
  if (arguments.length === 0) throw new TypeError('atob requires 1 argument');
  // WHATWG forgiving-base64 decode: drop ASCII whitespace and up to two '=' of padding.
  let s = String(data).replace(/[\t\n\f\r ]+/g, '');
  if (s.length % 4 === 0) s = s.replace(/={1,2}$/, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  const bytes = b64decode(s);
  if (bytes === null) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += fromCharCode.apply(null, bytes.subarray(i, i + 4096));
  return out;
}
function btoa(data) {
  if (arguments.length === 0) throw new TypeError('btoa requires 1 argument');
  const s = String(data), bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw invalidCharacter('Invalid character');
    bytes[i] = c;
  }
  return b64encode(bytes, false);
}
/** Any BufferSource as a Uint8Array view (no copy). */
function toBytes(v, what) {
  if (v instanceof Uint8Array) return v;
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer)) return new Uint8Array(v);
  throw new TypeError((what || 'argument') + ' must be an ArrayBuffer or an ArrayBufferView');
}
return { atob, btoa, b64encode, b64decode, toBytes };
})`;
