import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRecord } from './values.ts';

/**
 * Compact HS256 JWTs, synchronously. `redirect.encodeToken` and `validateToken` return values
 * synchronously in the guest (they are `value` methods, as in Auth0), while jose's sign and verify
 * are async; HS256 is small and fully specified (RFC 7515/7519: base64url header and payload,
 * HMAC-SHA256 over `header.payload`), so it is done here with node:crypto and a constant-time
 * comparison. Tests cross-check both directions against jose.
 */

/** Signs `claims` with the UTF-8 bytes of `secret`. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  return `${header}.${payload}.${mac(`${header}.${payload}`, secret)}`;
}

/** Why a token was refused, worded for the action's error message. */
export type Hs256Failure = { readonly ok: false; readonly reason: string };

/** Verification result: the claims, or why the token is not acceptable. */
export type Hs256Result = { readonly ok: true; readonly claims: Record<string, unknown> } | Hs256Failure;

/**
 * Verifies signature and algorithm, then the time claims at `nowMs`: `exp` is required (a redirect
 * token must expire) and must be in the future; `nbf`, when present, must have passed. No leeway.
 */
export function verifyHs256(token: string, secret: string, nowMs: number): Hs256Result {
  const parts = token.split('.');
  if (parts.length !== 3) return fail('it is not a JWT (expected three dot-separated parts)');
  const [h, p, s] = parts as [string, string, string];
  const header = parseSegment(h);
  if (header === undefined) return fail('its header is not base64url-encoded JSON');
  if (header['alg'] !== 'HS256') return fail(`it is signed with ${JSON.stringify(header['alg'])}, not HS256`);
  if (header['crit'] !== undefined) return fail('it has critical header parameters, which are not supported');
  const expected = Buffer.from(mac(`${h}.${p}`, secret));
  const actual = Buffer.from(s);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return fail('its signature does not match (wrong secret, or the token was changed)');
  }
  const claims = parseSegment(p);
  if (claims === undefined) return fail('its payload is not base64url-encoded JSON');
  const nowS = nowMs / 1000;
  const exp = claims['exp'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return fail('it has no numeric `exp` claim; redirect tokens must expire');
  if (nowS >= exp) return fail(`it expired at ${new Date(exp * 1000).toISOString()}`);
  const nbf = claims['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || nowS < nbf)) return fail('it is not valid yet (`nbf`)');
  return { ok: true, claims };
}

// --- internal ---

function mac(input: string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(input).digest('base64url');
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function fail(reason: string): Hs256Failure {
  return { ok: false, reason };
}
