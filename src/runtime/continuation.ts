import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { EncryptJWT, errors, jwtDecrypt } from 'jose';
import type { Digest } from '../core/index.ts';
import type { RecordedCommand } from './api/index.ts';

/** Where a suspended flow stands: enough for any replica to resume it, with no server-side storage. */
export interface Continuation {
  readonly executionId: string;
  readonly trigger: string;
  readonly version: string;
  /** The manifest the flow started on, and the action that redirected (name, position and bundle). */
  readonly manifest: Digest;
  readonly action: string;
  readonly index: number;
  readonly bundle: Digest;
  /** The api commands recorded before the redirect; replayed onto the resumed event. */
  readonly commands: readonly RecordedCommand[];
}

export type ReadContinuation = { readonly ok: true; readonly value: Continuation } | { readonly ok: false; readonly reason: string };

const ISSUER = 'actuate';
const AUDIENCE = 'actuate:continue';

/**
 * Seals a continuation as a compact encrypted JWT (JWE, `dir` + A256GCM, the commands deflated
 * inside), valid `ttlSeconds`. Encrypted, not only signed: recorded commands can carry provider
 * secrets (a Duo key, a SAML signing key) and the state travels in URLs. Only a runner holding the
 * same secret can read or forge one.
 */
export async function createContinuationToken(c: Continuation, secret: Uint8Array, ttlSeconds: number, nowMs = Date.now()): Promise<string> {
  const body = deflateRawSync(Buffer.from(JSON.stringify(c.commands))).toString('base64url');
  const nowS = Math.floor(nowMs / 1000);
  return new EncryptJWT({ t: c.trigger, v: c.version, m: c.manifest, a: c.action, i: c.index, b: c.bundle, c: body })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(c.executionId)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + ttlSeconds)
    .encrypt(keyOf(secret));
}

/** Verifies and decodes a continuation; a tampered, expired or foreign token is a value with the reason. */
export async function readContinuationToken(token: string, secret: Uint8Array, nowMs = Date.now()): Promise<ReadContinuation> {
  try {
    const { payload: p } = await jwtDecrypt(token, keyOf(secret), { issuer: ISSUER, audience: AUDIENCE, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'], currentDate: new Date(nowMs) });
    const commands = JSON.parse(inflateRawSync(Buffer.from(String(p['c']), 'base64url')).toString('utf8')) as RecordedCommand[];
    return {
      ok: true,
      value: { executionId: String(p.jti), trigger: String(p['t']), version: String(p['v']), manifest: String(p['m']) as Digest, action: String(p['a']), index: Number(p['i']), bundle: String(p['b']) as Digest, commands },
    };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { ok: false, reason: 'the continuation state has expired; the user must start again' };
    if (e instanceof errors.JWEDecryptionFailed || e instanceof errors.JWEInvalid) return { ok: false, reason: 'the continuation state was not signed by this runner (tampered, or a different secret)' };
    return { ok: false, reason: `the continuation state is not valid: ${(e as Error).message}` };
  }
}

/** A 256-bit key for A256GCM from a secret of any length. */
function keyOf(secret: Uint8Array): Uint8Array {
  return createHash('sha256').update(secret).digest();
}
