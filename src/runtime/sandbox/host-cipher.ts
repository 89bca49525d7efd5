import { createCipheriv, createDecipheriv, getCiphers, hkdfSync, scryptSync } from 'node:crypto';
import type { CipherGCM, DecipherGCM } from 'node:crypto';
import { expectArray, expectInteger, expectObject, expectString, fromB64, toB64 } from './op-args.ts';

/**
 * Host side of the guest's Node ciphers, scrypt and HKDF (ops `sys.crypto.cipher`, `.ciphers`,
 * `.scrypt`, `.hkdf`; guest chunk `nodecipher`). Stateless like the rest of host-crypto.ts: the
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
      return toB64(scryptSync(fromB64(password, 'password'), fromB64(salt, 'salt'), expectInteger(keylen, 'keylen', 0, MAX_DERIVED_BYTES), { N: n('N', 16384), r: n('r', 8), p: n('p', 1), maxmem: Math.min(n('maxmem', MAX_SCRYPT_MEM), MAX_SCRYPT_MEM) }));
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
