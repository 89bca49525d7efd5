import { createCipheriv, createDecipheriv, generateKeyPairSync, getCiphers, hkdfSync, scryptSync } from 'node:crypto';
import type { CipherGCM, DecipherGCM } from 'node:crypto';
import { expectArray, expectInteger, expectObject, expectString, fromB64, toB64 } from './op-args.ts';

/**
 * Host side of the guest's Node ciphers, scrypt, HKDF and key pairs (ops `sys.crypto.cipher`,
 * `.ciphers`, `.scrypt`, `.hkdf`, `.keypair`; guest chunk `nodecipher`). Stateless like the rest of host-crypto.ts: the
 * guest sends the key, the IV and every byte given to `update()` so far, and each call runs a fresh
 * cipher over them. A cipher's output after N bytes does not depend on how they were split, so
 * the guest hands out the new part of it: Node's answers, chunk by chunk, with nothing held on the
 * host between calls (the cost is quadratic in the number of updates; actions encrypt tokens, not streams).
 */

/** Node's errors cross as values, so the guest rethrows them with their class and code. */
type Failure = { readonly error: { readonly name: string; readonly message: string; readonly code: string | null } };

const failure = (e: unknown): Failure => {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return { error: { name: err.name, message: err.message, code: typeof code === 'string' ? code : null } };
};

/** scrypt's memory (128 · N · r bytes) is capped as Node caps it by default (`maxmem`, 32 MiB), and no higher. */
const MAX_SCRYPT_MEM = 32 * 1024 * 1024;
const MAX_DERIVED_BYTES = 1024 * 1024;
/**
 * Key pairs the sandbox generates, and the largest RSA modulus: generation runs on the host's thread
 * (a daemon's, or a pool worker's) where the watchdog cannot stop it; 4096 bits takes up to a
 * second or so. DSA and DH parameters can take far longer and are not offered.
 */
const KEY_PAIR_TYPES = new Set(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'x25519', 'x448']);
const MAX_MODULUS_BITS = 4096;

/** A generated key as it crosses: PEM text, DER bytes (base64) or a JWK. */
const crossingKey = (k: unknown) => (typeof k === 'string' ? { pem: k } : Buffer.isBuffer(k) ? { der: toB64(k) } : { jwk: k });

export const CIPHER_OPS: Readonly<Record<string, (args: unknown) => unknown>> = {
  'sys.crypto.ciphers': () => getCiphers(),
  /**
   * `[decipher, algorithm, key, iv | null, options, data, final]` → `{ out, tag? }` or a failure:
   * `out` is everything the cipher produced for `data` (and its final block when `final`).
   */
  'sys.crypto.cipher': (args) => {
    const [decipher, alg, key, iv, opts, data, final] = expectArray(args, 7, 'cipher arguments');
    const o = expectObject(opts, 'cipher options');
    const algorithm = expectString(alg, 'algorithm');
    const keyBytes = fromB64(key, 'key');
    const ivBytes = iv === null ? null : fromB64(iv, 'iv');
    const input = fromB64(data, 'data');
    const authTagLength = o['authTagLength'] === undefined ? undefined : expectInteger(o['authTagLength'], 'authTagLength', 1, 64);
    const options = authTagLength === undefined ? undefined : { authTagLength };
    try {
      // The option types of Node's overloads differ by mode; the runtime checks them all alike.
      const c = (decipher === true ? createDecipheriv(algorithm, keyBytes, ivBytes, options as never) : createCipheriv(algorithm, keyBytes, ivBytes, options as never)) as CipherGCM & DecipherGCM;
      if (o['autoPadding'] === false) c.setAutoPadding(false);
      if (o['aad'] !== undefined) {
        const plaintextLength = o['plaintextLength'] === undefined ? undefined : expectInteger(o['plaintextLength'], 'plaintextLength', 0, Number.MAX_SAFE_INTEGER);
        c.setAAD(fromB64(o['aad'], 'aad'), plaintextLength === undefined ? undefined : { plaintextLength });
      }
      if (decipher === true && o['authTag'] !== undefined) c.setAuthTag(fromB64(o['authTag'], 'authTag'));
      const parts = [c.update(input)];
      if (final === true) parts.push(c.final());
      const tag = decipher !== true && final === true && typeof c.getAuthTag === 'function' ? authTag(c) : undefined;
      return tag === undefined ? { out: toB64(Buffer.concat(parts)) } : { out: toB64(Buffer.concat(parts)), tag: toB64(tag) };
    } catch (e) {
      return failure(e);
    }
  },
  /** `[password, salt, keylen, { N, r, p }]` → the derived key, or a failure. */
  'sys.crypto.scrypt': (args) => {
    const [password, salt, keylen, opts] = expectArray(args, 4, 'scrypt arguments');
    const o = expectObject(opts, 'scrypt options');
    const n = (name: string, fallback: number) => (o[name] === undefined ? fallback : expectInteger(o[name], name, 1, 2 ** 30));
    try {
      const [N, r, p, maxmem] = [n('N', 16384), n('r', 8), n('p', 1), Math.min(n('maxmem', MAX_SCRYPT_MEM), MAX_SCRYPT_MEM)];
      // OpenSSL's own memory check leaves its error on the thread's queue (Node 20), and the next
      // key parse on this thread, in any action, then fails with it. So it is checked here first,
      // with OpenSSL's formula and Node's error.
      if (128 * p * r + 128 * r * (N + 2) > maxmem) {
        throw Object.assign(new RangeError('Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded'), { code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS' });
      }
      return toB64(scryptSync(fromB64(password, 'password'), fromB64(salt, 'salt'), expectInteger(keylen, 'keylen', 0, MAX_DERIVED_BYTES), { N, r, p, maxmem }));
    } catch (e) {
      return failure(e);
    }
  },
  /**
   * `[type, options, publicKeyEncoding | null, privateKeyEncoding | null]` → `{ publicKey, privateKey }`
   * (see crossingKey; PEM SPKI and PKCS#8 when no encoding is given, for the guest's KeyObjects), or a failure.
   */
  'sys.crypto.keypair': (args) => {
    const [type, opts, pub, priv] = expectArray(args, 4, 'key pair arguments');
    const t = expectString(type, 'type');
    const o = expectObject(opts, 'key pair options');
    try {
      if (!KEY_PAIR_TYPES.has(t)) throw new TypeError(`The argument 'type' must be one of ${[...KEY_PAIR_TYPES].join(', ')} in the sandbox. Received '${t}'`);
      if (typeof o['modulusLength'] === 'number' && o['modulusLength'] > MAX_MODULUS_BITS) {
        throw new RangeError(`modulusLength above ${MAX_MODULUS_BITS} is not available in the sandbox: key generation runs on the host's thread`);
      }
      const publicKeyEncoding = pub === null ? { type: 'spki', format: 'pem' } : expectObject(pub, 'publicKeyEncoding');
      const privateKeyEncoding = priv === null ? { type: 'pkcs8', format: 'pem' } : expectObject(priv, 'privateKeyEncoding');
      // Node's overloads are per type and format; its runtime checks the options alike.
      const pair = (generateKeyPairSync as (t: string, o: object) => { publicKey: unknown; privateKey: unknown })(t, { ...o, publicKeyEncoding, privateKeyEncoding });
      return { publicKey: crossingKey(pair.publicKey), privateKey: crossingKey(pair.privateKey) };
    } catch (e) {
      return failure(e);
    }
  },
  /** `[digest, ikm, salt, info, keylen]` → the derived key, or a failure. */
  'sys.crypto.hkdf': (args) => {
    const [digest, ikm, salt, info, keylen] = expectArray(args, 5, 'hkdf arguments');
    try {
      return toB64(new Uint8Array(hkdfSync(expectString(digest, 'digest'), fromB64(ikm, 'ikm'), fromB64(salt, 'salt'), fromB64(info, 'info'), expectInteger(keylen, 'keylen', 0, MAX_DERIVED_BYTES))));
    } catch (e) {
      return failure(e);
    }
  },
};

/** The tag of an AEAD cipher; undefined for other modes, whose getAuthTag throws. */
function authTag(c: CipherGCM): Buffer | undefined {
  try {
    return c.getAuthTag();
  } catch {
    return undefined;
  }
}
