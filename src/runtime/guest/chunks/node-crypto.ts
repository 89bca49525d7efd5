/**
 * Guest chunk `nodecrypto`: the Node-`crypto`-compatible subset that bundles get for
 * `require('crypto')` (the bundler aliases it to `globalThis.__actuate_builtins.crypto`). Each
 * digest, HMAC, signature or random draw is one sync host call (ops `sys.crypto.*`) computed by
 * node:crypto; `update()` only buffers bytes in the guest.
 *
 * Outputs without an encoding are "buffer-like": a real `Buffer` when the bundle installed one on
 * `globalThis`, otherwise a Uint8Array subclass with Node's `toString(encoding)` and `equals`.
 */
export const NODE_CRYPTO_CHUNK = String.raw`(function (I) {
'use strict';
const enc = I.load('encoding');
const web = I.load('webcrypto');
const HEX = '0123456789abcdef';
class Bytes extends Uint8Array {
  toString(encoding = 'utf8', start = 0, end = this.length) { return encodeBytes(this.subarray(start, end), encoding); }
  equals(other) { if (this.length !== other.length) return false; for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false; return true; }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
}
function out(u8, encoding) {
  if (encoding !== undefined && encoding !== 'buffer') return encodeBytes(u8, encoding);
  const B = globalThis.Buffer;
  if (typeof B === 'function' && typeof B.from === 'function') return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
  return new Bytes(u8.buffer, u8.byteOffset, u8.byteLength);
}
function encodeBytes(u8, encoding) {
  switch (String(encoding).toLowerCase()) {
    case 'hex': { let s = ''; for (let i = 0; i < u8.length; i++) s += HEX[u8[i] >> 4] + HEX[u8[i] & 15]; return s; }
    case 'base64': return I.b64encode(u8, false);
    case 'base64url': return I.b64encode(u8, true);
    case 'latin1': case 'binary': { let s = ''; for (let i = 0; i < u8.length; i += 4096) s += String.fromCharCode.apply(null, u8.subarray(i, i + 4096)); return s; }
    case 'ascii': { let s = ''; for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i] & 127); return s; }
    case 'utf8': case 'utf-8': return enc.utf8decode(u8, false);
    default: throw new TypeError('Unknown encoding: ' + encoding);
  }
}
function decodeString(s, encoding) {
  switch (String(encoding || 'utf8').toLowerCase()) {
    case 'utf8': case 'utf-8': return enc.utf8encode(s);
    case 'hex': {
      const n = s.length >> 1, u = new Uint8Array(n);
      for (let i = 0; i < n; i++) { const v = parseInt(s.substr(i * 2, 2), 16); if (v !== v) return u.slice(0, i); u[i] = v; }
      return u;
    }
    case 'base64': case 'base64url': return I.b64decode(s.replace(/[^A-Za-z0-9+/\-_]/g, '')) || new Uint8Array(0);
    case 'latin1': case 'binary': case 'ascii': { const u = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i) & 255; return u; }
    default: throw new TypeError('Unknown encoding: ' + encoding);
  }
}
function toData(data, encoding, what) {
  if (typeof data === 'string') return decodeString(data, encoding);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return I.toBytes(data);
  throw new TypeError('The "' + what + '" argument must be of type string or an instance of Buffer, TypedArray, or DataView');
}
let hashes;
function hashNames() { return hashes || (hashes = I.call('sys.crypto.hashes')); }
function checkHash(alg) {
  alg = String(alg);
  if (hashNames().indexOf(alg.toLowerCase()) === -1) throw new Error('Digest method not supported');
  return alg;
}
class Hash {
  #alg; #chunks = []; #done = false; #key;
  constructor(alg, key) { this.#alg = checkHash(alg); this.#key = key; }
  update(data, encoding) {
    if (this.#done) throw new Error('Digest already called');
    this.#chunks.push(toData(data, encoding, 'data').slice());
    return this;
  }
  digest(encoding) {
    if (this.#done) throw new Error('Digest already called');
    this.#done = true;
    const data = I.b64encode(enc.concatBytes(this.#chunks), false);
    // Text the host can give as is (hex, base64, base64url) crosses in that encoding, not re-encoded here.
    const e = typeof encoding === 'string' ? encoding.toLowerCase() : '';
    const as = e === 'hex' || e === 'base64url' ? e : 'base64';
    const r = this.#key === undefined ? I.call('sys.crypto.hash', [this.#alg, data, as]) : I.call('sys.crypto.hmac', [this.#alg, I.b64encode(this.#key, false), data, as]);
    if (e === as) return r;
    return out(I.b64decode(r), encoding);
  }
  copy() {
    if (this.#done) throw new Error('Digest already called');
    const h = new Hash(this.#alg, this.#key);
    for (const c of this.#chunks) h.update(c);
    return h;
  }
}
class KeyObject {
  #type; #secret; #pem; #asym; #details;
  constructor(type, secret, pem, asym, details) { this.#type = type; this.#secret = secret; this.#pem = pem; this.#asym = asym; this.#details = details; }
  get type() { return this.#type; }
  get symmetricKeySize() { return this.#type === 'secret' ? this.#secret.length : undefined; }
  get asymmetricKeyType() { return this.#type === 'secret' ? undefined : (this.#asym || undefined); }
  get asymmetricKeyDetails() {
    if (this.#type === 'secret' || !this.#details) return undefined;
    const d = {};
    if (this.#details.modulusLength !== null) d.modulusLength = this.#details.modulusLength;
    if (this.#details.namedCurve !== null) d.namedCurve = this.#details.namedCurve;
    return d;
  }
  export(options) {
    if (this.#type === 'secret') {
      const f = options && options.format;
      if (f === 'jwk') return { kty: 'oct', k: I.b64encode(this.#secret, true) };
      return out(this.#secret.slice());
    }
    const f = (options && options.format) || 'pem';
    if (f !== 'pem') throw new TypeError('only PEM export of asymmetric keys is supported in the sandbox');
    return this.#pem;
  }
  equals(other) {
    if (!(other instanceof KeyObject) || other.type !== this.#type) return false;
    return this.#type === 'secret' ? timingSafeEqual(this.#secret, other.export()) : this.#pem === other.export();
  }
  static from() { throw new TypeError('KeyObject.from(CryptoKey) is not supported in the sandbox'); }
}
const keyMaterialOf = new WeakMap();
function makeKey(type, secret, pem, asym, details) { const k = new KeyObject(type, secret, pem, asym, details); keyMaterialOf.set(k, { secret, pem }); return k; }
function createSecretKey(key, encoding) { return makeKey('secret', toData(key, encoding, 'key').slice(), undefined); }
function createAsymmetricKey(kind, key) {
  if (key instanceof KeyObject) {
    if (kind === 'public' && key.type === 'private') return createAsymmetricKey('public', key.export());
    if (key.type !== kind) throw new TypeError('Invalid key object type ' + key.type + ', expected ' + kind + '.');
    return key;
  }
  const r = I.call('sys.crypto.key', [kind, keyMaterial(key)]);
  return makeKey(r.type, undefined, r.pem, r.asymmetricKeyType, r.details);
}
function keyMaterial(key) {
  if (key instanceof KeyObject) {
    const m = keyMaterialOf.get(key);
    if (key.type === 'secret') return { key: I.b64encode(m.secret, false), binary: true };
    return { key: m.pem, binary: false };
  }
  if (key !== null && typeof key === 'object' && key.key instanceof KeyObject) {
    const inner = keyMaterial(key.key);
    return Object.assign(inner, { padding: key.padding, saltLength: key.saltLength, dsaEncoding: key.dsaEncoding, oaepHash: key.oaepHash });
  }
  if (key !== null && typeof key === 'object' && !(key instanceof ArrayBuffer) && !ArrayBuffer.isView(key) && 'key' in key) {
    return { key: typeof key.key === 'string' ? key.key : I.b64encode(toData(key.key, undefined, 'key'), false), binary: typeof key.key !== 'string',
      passphrase: key.passphrase === undefined ? undefined : String(key.passphrase), padding: key.padding, saltLength: key.saltLength, dsaEncoding: key.dsaEncoding,
      oaepHash: key.oaepHash === undefined ? undefined : String(key.oaepHash) };
  }
  if (typeof key === 'string') return { key, binary: false };
  return { key: I.b64encode(toData(key, undefined, 'key'), false), binary: true };
}
class Sign {
  #alg; #chunks = [];
  constructor(alg) { this.#alg = alg === null || alg === undefined ? null : String(alg); }
  update(data, encoding) { this.#chunks.push(toData(data, encoding, 'data').slice()); return this; }
  sign(key, encoding) {
    const r = I.call('sys.crypto.sign', [this.#alg, I.b64encode(enc.concatBytes(this.#chunks), false), keyMaterial(key)]);
    return out(I.b64decode(r), encoding);
  }
  verify(key, signature, encoding) {
    return I.call('sys.crypto.verify', [this.#alg, I.b64encode(enc.concatBytes(this.#chunks), false), keyMaterial(key), I.b64encode(toData(signature, encoding, 'signature'), false)]);
  }
}
function randomBytes(size, cb) {
  size = Number(size);
  if (!(size >= 0 && size <= 2147483647) || Math.floor(size) !== size) throw new RangeError('The value of "size" is out of range. Received ' + size);
  const u = size === 0 ? new Uint8Array(0) : I.b64decode(I.call('sys.crypto.random', size));
  const r = out(u);
  if (typeof cb === 'function') { queueMicrotask(() => cb(null, r)); return undefined; }
  return r;
}
function timingSafeEqual(a, b) {
  const x = toData(a, undefined, 'buf1'), y = toData(b, undefined, 'buf2');
  if (x.length !== y.length) throw new RangeError('Input buffers must have the same byte length');
  let d = 0;
  for (let i = 0; i < x.length; i++) d |= x[i] ^ y[i];
  return d === 0;
}
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const r = I.call('sys.crypto.pbkdf2', [I.b64encode(toData(password, undefined, 'password'), false), I.b64encode(toData(salt, undefined, 'salt'), false), Number(iterations), Number(keylen), String(digest)]);
  return out(I.b64decode(r));
}
function rsa(fn) {
  return function (key, buffer) { return out(I.b64decode(I.call('sys.crypto.rsa', [fn, keyMaterial(key), I.b64encode(toData(buffer, undefined, 'buffer'), false)]))); };
}
/** Node's crypto.constants (the padding and salt-length values jws/jsonwebtoken pass for PS256). */
const constants = Object.freeze({ RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
  TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771, TLS1_3_VERSION: 772, POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6 });
/** A secret key's bytes: a secret KeyObject's, or the data itself. */
function secretBytes(key, what) {
  if (key instanceof KeyObject) {
    if (key.type !== 'secret') throw new TypeError('Invalid key object type ' + key.type + ', expected secret.');
    return keyMaterialOf.get(key).secret;
  }
  return toData(key, undefined, what);
}
let cipherChunk;
/** Ciphers, scrypt and HKDF live in their own chunk, compiled when an action first uses one. */
function ciphers() { return cipherChunk || (cipherChunk = I.load('nodecipher')); }
const crypto = {
  constants,
  createCipheriv(algorithm, key, iv, options) { return ciphers().createCipheriv(algorithm, key, iv, options); },
  createDecipheriv(algorithm, key, iv, options) { return ciphers().createDecipheriv(algorithm, key, iv, options); },
  getCiphers() { return ciphers().getCiphers(); },
  scrypt(password, salt, keylen, options, cb) { return ciphers().scrypt(password, salt, keylen, options, cb); },
  scryptSync(password, salt, keylen, options) { return ciphers().scryptSync(password, salt, keylen, options); },
  hkdf(digest, ikm, salt, info, keylen, cb) { return ciphers().hkdf(digest, ikm, salt, info, keylen, cb); },
  hkdfSync(digest, ikm, salt, info, keylen) { return ciphers().hkdfSync(digest, ikm, salt, info, keylen); },
  generateKeyPairSync(type, options) { return ciphers().generateKeyPairSync(type, options); },
  generateKeyPair(type, options, cb) { return ciphers().generateKeyPair(type, options, cb); },
  publicEncrypt: rsa('publicEncrypt'),
  privateDecrypt: rsa('privateDecrypt'),
  privateEncrypt: rsa('privateEncrypt'),
  publicDecrypt: rsa('publicDecrypt'),
  createHash(alg) { return new Hash(alg, undefined); },
  createHmac(alg, key) {
    if (key instanceof KeyObject) {
      if (key.type !== 'secret') throw new TypeError('Invalid key object type ' + key.type + ', expected secret.');
      return new Hash(alg, keyMaterialOf.get(key).secret.slice());
    }
    return new Hash(alg, toData(key, undefined, 'key').slice());
  },
  KeyObject,
  createSecretKey,
  createPrivateKey(key) { return createAsymmetricKey('private', key); },
  createPublicKey(key) { return createAsymmetricKey('public', key); },
  createSign(alg) { return new Sign(String(alg)); },
  createVerify(alg) { return new Sign(String(alg)); },
  sign(alg, data, key) { return new Sign(alg).update(data).sign(key); },
  verify(alg, data, key, signature) { return new Sign(alg).update(data).verify(key, signature); },
  randomBytes,
  pseudoRandomBytes: randomBytes,
  randomUUID() { return web.crypto.randomUUID(); },
  randomInt(min, max, cb) {
    if (max === undefined || typeof max === 'function') { cb = max; max = min; min = 0; }
    const range = max - min;
    if (!(range > 0) || range > 281474976710655) throw new RangeError('The value of "max" is out of range');
    const b = randomBytes(6); let v = 0;
    for (let i = 0; i < 6; i++) v = v * 256 + b[i];
    const r = min + (v % range);
    if (typeof cb === 'function') { queueMicrotask(() => cb(null, r)); return undefined; }
    return r;
  },
  getRandomValues(a) { return web.crypto.getRandomValues(a); },
  timingSafeEqual,
  pbkdf2Sync,
  pbkdf2(password, salt, iterations, keylen, digest, cb) {
    let r, e = null;
    try { r = pbkdf2Sync(password, salt, iterations, keylen, digest); } catch (x) { e = x; }
    queueMicrotask(() => cb(e, r));
  },
  getHashes() { return hashNames().slice(); },
  webcrypto: web.crypto,
  subtle: web.crypto.subtle,
};
return { crypto: Object.freeze(crypto), helpers: Object.freeze({ toData, out, encodeBytes, secretBytes }) };
})`;
