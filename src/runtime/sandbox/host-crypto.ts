import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  getHashes,
  pbkdf2Sync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomUUID,
  sign,
  verify,
  webcrypto,
} from 'node:crypto';
import type { KeyObject, SignKeyObjectInput } from 'node:crypto';
import { CIPHER_OPS } from './host-cipher.ts';
import { expectArray, expectInteger, expectItems, expectString, fromB64, toB64 } from './op-args.ts';

/**
 * Host implementations of the guest's crypto (ops `sys.crypto.*`, `sys.subtle`). All stateless:
 * the guest sends key material with each call (see guest/chunks/webcrypto.ts), so nothing here
 * outlives a call and nothing needs disposing with a context.
 */

const HASHES = getHashes().map((h) => h.toLowerCase());
/** Random bytes per call: getRandomValues allows 64 KiB; randomBytes callers rarely need more than this. */
const MAX_RANDOM_BYTES = 1024 * 1024;
const MAX_PBKDF2_ITERATIONS = 1_000_000;

/** The text encoding a digest crosses in: hex and base64url when the guest asks for them, else base64. */
function digestEncoding(v: unknown): 'base64' | 'hex' | 'base64url' {
  return v === 'hex' || v === 'base64url' ? v : 'base64';
}

const RSA: Readonly<Record<string, (key: SignKeyObjectInput & { oaepHash?: string }, data: Buffer) => Buffer>> = { publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt };

/** Sync crypto ops by name; each takes the parsed guest arguments and returns JSON-able data. */
export const CRYPTO_OPS: Readonly<Record<string, (args: unknown) => unknown>> = {
  ...CIPHER_OPS,
  'sys.crypto.hashes': () => HASHES,
  'sys.crypto.uuid': () => randomUUID(),
  'sys.crypto.random': (args) => toB64(randomBytes(expectInteger(args, 'size', 0, MAX_RANDOM_BYTES))),
  /** `[alg, data, encoding?]`: the digest as base64, or as hex or base64url when asked (the guest's own encoding costs more than the hash). */
  'sys.crypto.hash': (args) => {
    const [alg, data, encoding] = expectItems(args, 2, 3, 'hash arguments');
    return createHash(expectString(alg, 'algorithm')).update(fromB64(data, 'data')).digest(digestEncoding(encoding));
  },
  /** `[alg, key, data, encoding?]`, encoded as for `sys.crypto.hash`. */
  'sys.crypto.hmac': (args) => {
    const [alg, key, data, encoding] = expectItems(args, 3, 4, 'hmac arguments');
    return createHmac(expectString(alg, 'algorithm'), fromB64(key, 'key')).update(fromB64(data, 'data')).digest(digestEncoding(encoding));
  },
  'sys.crypto.sign': (args) => {
    const [alg, data, key] = expectArray(args, 3, 'sign arguments');
    const algorithm = alg === null ? null : expectString(alg, 'algorithm');
    return toB64(sign(algorithm, fromB64(data, 'data'), keyInput(key, 'private')));
  },
  'sys.crypto.verify': (args) => {
    const [alg, data, key, signature] = expectArray(args, 4, 'verify arguments');
    const algorithm = alg === null ? null : expectString(alg, 'algorithm');
    return verify(algorithm, fromB64(data, 'data'), keyInput(key, 'public'), fromB64(signature, 'signature'));
  },
  /** RSA encryption: `[fn, key, data]`, fn one of publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt. */
  'sys.crypto.rsa': (args) => {
    const [fn, key, data] = expectArray(args, 3, 'RSA arguments');
    const name = expectString(fn, 'RSA function');
    const f = Object.hasOwn(RSA, name) ? RSA[name] : undefined;
    if (f === undefined) throw new TypeError(`crypto has no function ${name}`);
    const input = keyInput(key, name.startsWith('public') ? 'public' : 'private');
    const oaepHash = (key as { oaepHash?: unknown }).oaepHash;
    const withKey = typeof (input as KeyObject).export === 'function' ? { key: input as KeyObject } : (input as SignKeyObjectInput);
    return toB64(f(typeof oaepHash === 'string' ? { ...withKey, oaepHash } : withKey, fromB64(data, 'data')));
  },
  /** Parses an asymmetric key (PEM/DER, optionally encrypted) into the PEM the guest's KeyObject keeps. */
  'sys.crypto.key': (args) => {
    const [kind, spec] = expectArray(args, 2, 'key arguments');
    const k = expectString(kind, 'key kind');
    if (k !== 'private' && k !== 'public') throw new TypeError('key kind must be "private" or "public"');
    const input = keyInput(spec, k);
    const key = typeof (input as KeyObject).export === 'function' ? (input as KeyObject) : ((input as SignKeyObjectInput).key as KeyObject);
    const pem = k === 'private' ? key.export({ format: 'pem', type: 'pkcs8' }) : key.export({ format: 'pem', type: 'spki' });
    const d = key.asymmetricKeyDetails;
    return { type: key.type, asymmetricKeyType: key.asymmetricKeyType ?? null, pem: String(pem), details: { modulusLength: d?.modulusLength ?? null, namedCurve: d?.namedCurve ?? null } };
  },
  'sys.crypto.pbkdf2': (args) => {
    const [password, salt, iterations, keylen, digest] = expectArray(args, 5, 'pbkdf2 arguments');
    return toB64(
      pbkdf2Sync(
        fromB64(password, 'password'),
        fromB64(salt, 'salt'),
        expectInteger(iterations, 'iterations', 1, MAX_PBKDF2_ITERATIONS),
        expectInteger(keylen, 'keylen', 0, 4096),
        expectString(digest, 'digest'),
      ),
    );
  },
};

/** `sys.subtle`: `[method, ...args]` forwarded to the host's WebCrypto with keys re-imported. */
export async function subtleOp(args: unknown): Promise<unknown> {
  const [method, ...rest] = expectArray(args, -1, 'subtle arguments');
  const subtle = webcrypto.subtle;
  switch (method) {
    case 'digest':
      return toB64(await subtle.digest(await decode(rest[0]) as webcrypto.AlgorithmIdentifier, fromB64Field(rest[1])));
    case 'importKey': {
      const format = expectString(rest[0], 'format') as 'raw' | 'spki' | 'pkcs8' | 'jwk';
      const algorithm = (await decode(rest[2])) as webcrypto.AlgorithmIdentifier;
      const usages = expectUsages(rest[4]);
      const extractable = rest[3] === true;
      if (format === 'jwk') {
        const jwk = rest[1] as webcrypto.JsonWebKey;
        if (jwk === null || typeof jwk !== 'object') throw new TypeError('keyData must be a JsonWebKey object');
        return describeKey(await importExportable('jwk', jwk, algorithm, usages), extractable);
      }
      return describeKey(await importExportable(format, fromB64Field(rest[1]), algorithm, usages), extractable, {
        format: 'raw',
        data: (rest[1] as { $b64: string }).$b64,
      });
    }
    case 'exportKey': {
      const format = expectString(rest[0], 'format') as 'raw' | 'spki' | 'pkcs8' | 'jwk';
      const key = await importRecord(rest[1]);
      return format === 'jwk' ? subtle.exportKey('jwk', key) : toB64(await subtle.exportKey(format, key));
    }
    case 'generateKey': {
      const algorithm = (await decode(rest[0])) as webcrypto.RsaHashedKeyGenParams;
      const out = await subtle.generateKey(algorithm, true, expectUsages(rest[2]));
      const extractable = rest[1] === true;
      if ('publicKey' in out) {
        return { publicKey: await describeKey(out.publicKey, true), privateKey: await describeKey(out.privateKey, extractable) };
      }
      return describeKey(out, extractable);
    }
    case 'sign':
      return toB64(await subtle.sign(await decode(rest[0]) as webcrypto.AlgorithmIdentifier, await importRecord(rest[1]), fromB64Field(rest[2])));
    case 'verify':
      return subtle.verify(await decode(rest[0]) as webcrypto.AlgorithmIdentifier, await importRecord(rest[1]), fromB64Field(rest[2]), fromB64Field(rest[3]));
    case 'encrypt':
      return toB64(await subtle.encrypt(await decode(rest[0]) as webcrypto.AlgorithmIdentifier, await importRecord(rest[1]), fromB64Field(rest[2])));
    case 'decrypt':
      return toB64(await subtle.decrypt(await decode(rest[0]) as webcrypto.AlgorithmIdentifier, await importRecord(rest[1]), fromB64Field(rest[2])));
    case 'deriveBits': {
      const length = rest[2] === null ? null : expectInteger(rest[2], 'length', 0, 65536);
      return toB64(await subtle.deriveBits(await decode(rest[0]) as webcrypto.EcdhKeyDeriveParams, await importRecord(rest[1]), length as number));
    }
    case 'deriveKey': {
      const derived = await subtle.deriveKey(
        await decode(rest[0]) as webcrypto.EcdhKeyDeriveParams,
        await importRecord(rest[1]),
        await decode(rest[2]) as webcrypto.AesDerivedKeyParams,
        true,
        expectUsages(rest[4]),
      );
      return describeKey(derived, rest[3] === true);
    }
    default:
      throw new TypeError(`crypto.subtle.${String(method)} is not supported in the sandbox`);
  }
}

// --- internal ---

type KeyMaterial = { format: 'jwk'; data: webcrypto.JsonWebKey } | { format: 'raw'; data: string };

/** Algorithms whose keys cannot be exported; their raw bytes travel instead. */
const RAW_ONLY = new Set(['PBKDF2', 'HKDF']);

async function importExportable(
  format: 'raw' | 'spki' | 'pkcs8' | 'jwk',
  data: webcrypto.JsonWebKey | Buffer,
  algorithm: webcrypto.AlgorithmIdentifier,
  usages: webcrypto.KeyUsage[],
): Promise<webcrypto.CryptoKey> {
  const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
  const extractable = !RAW_ONLY.has(name.toUpperCase());
  return format === 'jwk'
    ? webcrypto.subtle.importKey('jwk', data as webcrypto.JsonWebKey, algorithm, extractable, usages)
    : webcrypto.subtle.importKey(format, data as Buffer, algorithm, extractable, usages);
}

async function describeKey(key: webcrypto.CryptoKey, extractable: boolean, raw?: KeyMaterial): Promise<unknown> {
  const material: KeyMaterial = key.extractable ? { format: 'jwk', data: await webcrypto.subtle.exportKey('jwk', key) } : raw ?? { format: 'raw', data: '' };
  return { type: key.type, extractable, algorithm: encode(key.algorithm), usages: key.usages, material };
}

async function importRecord(record: unknown): Promise<webcrypto.CryptoKey> {
  const r = record as { material?: KeyMaterial; algorithm?: unknown; usages?: unknown };
  if (r === null || typeof r !== 'object' || r.material === undefined || typeof r.material !== 'object') throw new TypeError('key must be a CryptoKey');
  const algorithm = (await decode(r.algorithm)) as webcrypto.AlgorithmIdentifier;
  const usages = expectUsages(r.usages);
  if (r.material.format === 'jwk') return webcrypto.subtle.importKey('jwk', r.material.data, algorithm, true, usages);
  return webcrypto.subtle.importKey('raw', fromB64(r.material.data, 'key'), algorithm, false, usages);
}

/** Guest → host: `{$b64}` → Buffer, `{$key}` → CryptoKey, recursively. */
async function decode(v: unknown): Promise<unknown> {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return Promise.all(v.map(decode));
  const o = v as Record<string, unknown>;
  if (typeof o.$b64 === 'string') return fromB64(o.$b64, 'data');
  if (o.$key !== undefined) return importRecord(o.$key);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = await decode(x);
  return out;
}

/** Host → guest: binary members as `{$b64}`. */
function encode(v: unknown): unknown {
  if (v instanceof Uint8Array || v instanceof ArrayBuffer) return { $b64: toB64(v) };
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = encode(x);
  return out;
}

function fromB64Field(v: unknown): Buffer {
  if (v === null || typeof v !== 'object' || typeof (v as { $b64?: unknown }).$b64 !== 'string') {
    throw new TypeError('expected binary data (an ArrayBuffer or a view)');
  }
  return fromB64((v as { $b64: string }).$b64, 'data');
}

function expectUsages(v: unknown): webcrypto.KeyUsage[] {
  return expectArray(v, -1, 'keyUsages').map((u) => expectString(u, 'key usage') as webcrypto.KeyUsage);
}

function keyInput(spec: unknown, kind: 'private' | 'public'): KeyObject | SignKeyObjectInput {
  const s = spec as { key?: unknown; binary?: unknown; passphrase?: unknown; padding?: unknown; saltLength?: unknown; dsaEncoding?: unknown };
  if (s === null || typeof s !== 'object' || typeof s.key !== 'string') throw new TypeError('key must be a PEM string, a Buffer or { key, passphrase }');
  const passphrase = typeof s.passphrase === 'string' ? { passphrase: s.passphrase } : {};
  let key: KeyObject;
  if (s.binary === true) {
    const der = fromB64(s.key, 'key');
    key = kind === 'private' ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8', ...passphrase }) : createPublicKey({ key: der, format: 'der', type: 'spki' });
  } else {
    key = kind === 'private' ? createPrivateKey({ key: s.key, ...passphrase }) : createPublicKey({ key: s.key });
  }
  if (s.padding === undefined && s.saltLength === undefined && s.dsaEncoding === undefined) return key;
  return {
    key,
    ...(typeof s.padding === 'number' ? { padding: s.padding } : {}),
    ...(typeof s.saltLength === 'number' ? { saltLength: s.saltLength } : {}),
    ...(s.dsaEncoding === 'der' || s.dsaEncoding === 'ieee-p1363' ? { dsaEncoding: s.dsaEncoding } : {}),
  };
}
