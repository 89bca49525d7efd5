/**
 * Guest chunk `webcrypto`: `crypto.getRandomValues`, `crypto.randomUUID` and `crypto.subtle`,
 * backed by the host's node:crypto webcrypto (ops `sys.crypto.*` and `sys.subtle`).
 *
 * The host keeps no key state: a guest `CryptoKey` holds its key material (as JWK, or raw bytes for
 * PBKDF2/HKDF, which cannot be exported) in a WeakMap only this chunk can read, and every operation
 * sends it along; the host re-imports it with the key's own usages, so usage rules are still
 * enforced by the host's WebCrypto. This keeps the host side free of per-context lifetimes.
 */
export const WEBCRYPTO_CHUNK = String.raw`(function (I) {
'use strict';
const ev = I.load('events');
const material = new WeakMap(); // CryptoKey -> { format: 'jwk' | 'raw', data }
const privateKey = {};
class CryptoKey {
  #type; #extractable; #algorithm; #usages;
  constructor(key, init) {
    if (key !== privateKey) throw new TypeError('Illegal constructor');
    this.#type = init.type; this.#extractable = init.extractable;
    this.#algorithm = Object.freeze(init.algorithm); this.#usages = Object.freeze(init.usages.slice());
    material.set(this, init.material);
  }
  get type() { return this.#type; }
  get extractable() { return this.#extractable; }
  get algorithm() { return this.#algorithm; }
  get usages() { return this.#usages; }
  get [Symbol.toStringTag]() { return 'CryptoKey'; }
}
function bytesToBuffer(b64) { const u = I.b64decode(b64); return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength); }
/** Encodes an algorithm/params object for the host: BufferSources as {$b64}, keys as {$key}. */
function encode(v) {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof CryptoKey) return { $key: keyRecord(v) };
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return { $b64: I.b64encode(I.toBytes(v), false) };
  if (Array.isArray(v)) return v.map(encode);
  const o = {};
  for (const k of Object.keys(v)) o[k] = encode(v[k]);
  return o;
}
function keyRecord(k) {
  return { material: material.get(k), algorithm: encode(k.algorithm), usages: k.usages.slice(), type: k.type, extractable: k.extractable };
}
function makeKey(r) {
  return new CryptoKey(privateKey, { type: r.type, extractable: r.extractable, algorithm: decodeAlgorithm(r.algorithm), usages: r.usages, material: r.material });
}
function decodeAlgorithm(a) {
  const o = {};
  for (const k of Object.keys(a)) {
    const v = a[k];
    o[k] = v !== null && typeof v === 'object' && typeof v.$b64 === 'string' ? I.b64decode(v.$b64)
      : v !== null && typeof v === 'object' && !Array.isArray(v) ? decodeAlgorithm(v) : v;
  }
  return o;
}
function requireKey(k, what) {
  if (!(k instanceof CryptoKey)) throw new TypeError(what + ' must be a CryptoKey');
  return keyRecord(k);
}
function subtleCall(args) { return I.callAsync('sys.subtle', args); }
function keyResult(r) { return r.publicKey !== undefined ? { publicKey: makeKey(r.publicKey), privateKey: makeKey(r.privateKey) } : makeKey(r); }
class SubtleCrypto {
  constructor(key) { if (key !== privateKey) throw new TypeError('Illegal constructor'); }
  digest(algorithm, data) {
    return tryAsync(() => subtleCall(['digest', encode(algorithm), encode(I.toBytes(data, 'data'))]).then(bytesToBuffer));
  }
  importKey(format, keyData, algorithm, extractable, usages) {
    return tryAsync(() => subtleCall(['importKey', String(format), format === 'jwk' ? keyData : encode(I.toBytes(keyData, 'keyData')), encode(algorithm), Boolean(extractable), Array.from(usages)]).then(makeKey));
  }
  exportKey(format, key) {
    return tryAsync(() => {
      const r = requireKey(key, 'key');
      if (!key.extractable) throw new (ev.DOMException)('key is not extractable', 'InvalidAccessError');
      return subtleCall(['exportKey', String(format), r]).then((x) => (format === 'jwk' ? x : bytesToBuffer(x)));
    });
  }
  generateKey(algorithm, extractable, usages) {
    return tryAsync(() => subtleCall(['generateKey', encode(algorithm), Boolean(extractable), Array.from(usages)]).then(keyResult));
  }
  sign(algorithm, key, data) {
    return tryAsync(() => subtleCall(['sign', encode(algorithm), requireKey(key, 'key'), encode(I.toBytes(data, 'data'))]).then(bytesToBuffer));
  }
  verify(algorithm, key, signature, data) {
    return tryAsync(() => subtleCall(['verify', encode(algorithm), requireKey(key, 'key'), encode(I.toBytes(signature, 'signature')), encode(I.toBytes(data, 'data'))]));
  }
  encrypt(algorithm, key, data) {
    return tryAsync(() => subtleCall(['encrypt', encode(algorithm), requireKey(key, 'key'), encode(I.toBytes(data, 'data'))]).then(bytesToBuffer));
  }
  decrypt(algorithm, key, data) {
    return tryAsync(() => subtleCall(['decrypt', encode(algorithm), requireKey(key, 'key'), encode(I.toBytes(data, 'data'))]).then(bytesToBuffer));
  }
  deriveBits(algorithm, baseKey, length) {
    return tryAsync(() => subtleCall(['deriveBits', encode(algorithm), requireKey(baseKey, 'baseKey'), length === undefined ? null : length]).then(bytesToBuffer));
  }
  deriveKey(algorithm, baseKey, derivedKeyType, extractable, usages) {
    return tryAsync(() => subtleCall(['deriveKey', encode(algorithm), requireKey(baseKey, 'baseKey'), encode(derivedKeyType), Boolean(extractable), Array.from(usages)]).then(makeKey));
  }
  get [Symbol.toStringTag]() { return 'SubtleCrypto'; }
}
function tryAsync(fn) { try { return Promise.resolve(fn()); } catch (e) { return Promise.reject(e); } }
const subtle = new SubtleCrypto(privateKey);
const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];
function randomBytes(n) { return I.b64decode(I.call('sys.crypto.random', n)); }
class Crypto {
  constructor(key) { if (key !== privateKey) throw new TypeError('Illegal constructor'); }
  get subtle() { return subtle; }
  getRandomValues(array) {
    if (!ArrayBuffer.isView(array) || !INTEGER_ARRAYS.some((C) => array instanceof C)) {
      throw new (ev.DOMException)('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (array.byteLength > 65536) throw new (ev.DOMException)('The ArrayBufferView\'s byte length (' + array.byteLength + ') exceeds the number of bytes of entropy available via this API (65536)', 'QuotaExceededError');
    if (array.byteLength > 0) new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(randomBytes(array.byteLength));
    return array;
  }
  randomUUID() { return I.call('sys.crypto.uuid'); }
  get [Symbol.toStringTag]() { return 'Crypto'; }
}
const crypto = new Crypto(privateKey);
return { crypto, Crypto, CryptoKey, SubtleCrypto, randomBytes };
})`;
