/**
 * Guest chunk `nodecipher`: Node's `createCipheriv`/`createDecipheriv` (AES in every mode, GCM,
 * CCM and OCB with their tags and AAD, ChaCha20-Poly1305…), `getCiphers`, `scrypt`, `hkdf` and
 * `generateKeyPair(Sync)` (RSA up to 4096 bits, EC, Ed25519/448, X25519/448),
 * loaded on first use by the `nodecrypto` chunk. Each `update()` and `final()` is one sync host
 * call over all the bytes given so far (host-cipher.ts says why that gives Node's answers);
 * string outputs go through a decoder as in Node, so `update(…, 'base64') + final('base64')` is
 * the base64 of the whole ciphertext, and UTF-8 characters split across blocks come out whole.
 */
export const NODE_CIPHER_CHUNK = String.raw`(function (I) {
'use strict';
const enc = I.load('encoding');
const { helpers } = I.load('nodecrypto');
const { toData, out, encodeBytes, secretBytes } = helpers;
function fail(r) {
  if (!r || !r.error) return r;
  const C = r.error.name === 'RangeError' ? RangeError : r.error.name === 'TypeError' ? TypeError : Error;
  const e = new C(r.error.message);
  if (r.error.code) e.code = r.error.code;
  throw e;
}
const b64 = (u8) => I.b64encode(u8, false);
class Cipheriv {
  #decipher; #alg; #key; #iv; #opts = {}; #chunks = []; #emitted = 0; #done = false; #tag; #utf8; #carry = new Uint8Array(0);
  constructor(decipher, algorithm, key, iv, options) {
    this.#decipher = decipher;
    this.#alg = String(algorithm);
    this.#key = b64(secretBytes(key, 'key'));
    this.#iv = iv === null || iv === undefined ? null : b64(toData(iv, undefined, 'iv'));
    if (options && options.authTagLength !== undefined) this.#opts.authTagLength = options.authTagLength;
    this.#run(false); // Node's errors for an unknown cipher, a key or IV of the wrong length, at construction
  }
  #run(final) {
    const r = fail(I.call('sys.crypto.cipher', [this.#decipher, this.#alg, this.#key, this.#iv, this.#opts, b64(enc.concatBytes(this.#chunks)), final]));
    const bytes = I.b64decode(r.out);
    if (r.tag !== undefined) this.#tag = I.b64decode(r.tag);
    const fresh = bytes.slice(this.#emitted);
    this.#emitted = bytes.length;
    return fresh;
  }
  /** Node's errors for a call after final(). */
  #state(op) {
    if (!this.#done) return;
    if (op === 'update') throw new Error('Trying to add data in unsupported state');
    const e = new Error(op === 'final' ? 'Invalid state' : 'Invalid state for operation ' + op);
    e.code = 'ERR_CRYPTO_INVALID_STATE';
    throw e;
  }
  #encode(bytes, encoding, end) {
    if (encoding === undefined || encoding === null || encoding === 'buffer') return out(bytes);
    const e = String(encoding).toLowerCase();
    if (e === 'utf8' || e === 'utf-8') { this.#utf8 = this.#utf8 || new TextDecoder('utf-8'); return this.#utf8.decode(bytes, { stream: !end }); }
    if (e === 'base64' || e === 'base64url') {
      const all = enc.concatBytes([this.#carry, bytes]);
      const n = end ? all.length : all.length - (all.length % 3);
      this.#carry = all.slice(n);
      return encodeBytes(all.subarray(0, n), e);
    }
    return encodeBytes(bytes, e);
  }
  update(data, inputEncoding, outputEncoding) {
    this.#state('update');
    this.#chunks.push(toData(data, inputEncoding, 'data').slice());
    return this.#encode(this.#run(false), outputEncoding, false);
  }
  final(outputEncoding) {
    this.#state('final');
    const bytes = this.#run(true);
    this.#done = true;
    return this.#encode(bytes, outputEncoding, true);
  }
  setAAD(buffer, options) {
    this.#state('setAAD');
    this.#opts.aad = b64(toData(buffer, undefined, 'buffer'));
    if (options && options.plaintextLength !== undefined) this.#opts.plaintextLength = options.plaintextLength;
    return this;
  }
  setAutoPadding(autoPadding) { this.#state('setAutoPadding'); this.#opts.autoPadding = autoPadding !== false; return this; }
  getAuthTag() {
    if (this.#decipher || !this.#done || this.#tag === undefined) { const e = new Error('Invalid state for operation getAuthTag'); e.code = 'ERR_CRYPTO_INVALID_STATE'; throw e; }
    return out(this.#tag.slice());
  }
  setAuthTag(tag, encoding) {
    if (!this.#decipher || this.#done) { const e = new Error('Invalid state for operation setAuthTag'); e.code = 'ERR_CRYPTO_INVALID_STATE'; throw e; }
    this.#opts.authTag = b64(toData(tag, encoding, 'buffer'));
    return this;
  }
}
class Cipher extends Cipheriv { constructor(algorithm, key, iv, options) { super(false, algorithm, key, iv, options); } }
class Decipher extends Cipheriv { constructor(algorithm, key, iv, options) { super(true, algorithm, key, iv, options); } }
// As in Node, a cipher has no setAuthTag and a decipher no getAuthTag.
Object.defineProperty(Cipher.prototype, 'setAuthTag', { value: undefined });
Object.defineProperty(Decipher.prototype, 'getAuthTag', { value: undefined });
function callback(cb) {
  if (typeof cb !== 'function') { const e = new TypeError('The "callback" argument must be of type function. Received ' + typeof cb); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  return cb;
}
function later(cb, fn) { let r, e = null; try { r = fn(); } catch (x) { e = x; } queueMicrotask(() => cb(e, r)); }
function scryptSync(password, salt, keylen, options) {
  const o = {};
  if (options) for (const [k, alias] of [['N', 'cost'], ['r', 'blockSize'], ['p', 'parallelization'], ['maxmem']]) {
    const v = options[k] !== undefined ? options[k] : alias && options[alias];
    if (v !== undefined) o[k] = v;
  }
  return out(I.b64decode(fail(I.call('sys.crypto.scrypt', [b64(toData(password, undefined, 'password')), b64(toData(salt, undefined, 'salt')), Number(keylen), o]))));
}
function hkdfSync(digest, ikm, salt, info, keylen) {
  const r = fail(I.call('sys.crypto.hkdf', [String(digest), b64(secretBytes(ikm, 'ikm')), b64(toData(salt, undefined, 'salt')), b64(toData(info, undefined, 'info')), Number(keylen)]));
  return I.b64decode(r).buffer;
}
/** Node's generateKeyPairSync: encoded keys when encodings are given, else KeyObjects. */
function generateKeyPairSync(type, options) {
  const o = Object.assign({}, options);
  const pub = o.publicKeyEncoding, priv = o.privateKeyEncoding;
  delete o.publicKeyEncoding; delete o.privateKeyEncoding;
  if (typeof o.publicExponent === 'bigint') o.publicExponent = Number(o.publicExponent);
  const r = fail(I.call('sys.crypto.keypair', [String(type), o, pub ? Object.assign({}, pub) : null, priv ? Object.assign({}, priv) : null]));
  const crypto = I.load('nodecrypto').crypto;
  const decode = (k, encoding, kind) => {
    if (!encoding) return kind === 'public' ? crypto.createPublicKey(k.pem) : crypto.createPrivateKey(k.pem);
    if (k.der !== undefined) return out(I.b64decode(k.der));
    return k.jwk !== undefined ? k.jwk : k.pem;
  };
  return { publicKey: decode(r.publicKey, pub, 'public'), privateKey: decode(r.privateKey, priv, 'private') };
}
let ciphers;
return {
  generateKeyPairSync,
  generateKeyPair(type, options, cb) {
    if (typeof options === 'function') { cb = options; options = undefined; }
    callback(cb);
    let r, e = null;
    try { r = generateKeyPairSync(type, options); } catch (x) { e = x; }
    queueMicrotask(() => (e ? cb(e) : cb(null, r.publicKey, r.privateKey)));
  },
  createCipheriv(algorithm, key, iv, options) { return new Cipher(algorithm, key, iv, options); },
  createDecipheriv(algorithm, key, iv, options) { return new Decipher(algorithm, key, iv, options); },
  Cipher, Decipher, Cipheriv: Cipher, Decipheriv: Decipher,
  getCiphers() { return (ciphers || (ciphers = I.call('sys.crypto.ciphers'))).slice(); },
  scryptSync,
  scrypt(password, salt, keylen, options, cb) { if (typeof options === 'function') { cb = options; options = undefined; } callback(cb); later(cb, () => scryptSync(password, salt, keylen, options)); },
  hkdfSync,
  hkdf(digest, ikm, salt, info, keylen, cb) { callback(cb); later(cb, () => hkdfSync(digest, ikm, salt, info, keylen)); },
};
})`;
