import { createHash, timingSafeEqual } from 'node:crypto';

/** Who may call a route: anyone (health), a caller with a token, or a caller with an admin token. */
export type Access = 'public' | 'user' | 'admin';

/** The bearer tokens the daemon accepts. Several per kind allow rotation without downtime. */
export interface AuthTokens {
  readonly tokens: readonly string[];
  readonly adminTokens: readonly string[];
}

export type AuthDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly code: string; readonly message: string; readonly hint: string };

/** Shortest token accepted: 16 characters leave no room for guessing over HTTP. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Checks `Authorization: Bearer <token>` against the configured tokens in constant time: each
 * candidate is hashed (SHA-256, so lengths never differ) and compared with every configured token
 * with `timingSafeEqual`, with no early exit, so the time taken says nothing about how close a
 * guess was or which token matched. Admin tokens also grant user access; user tokens never grant admin.
 */
export class BearerAuth {
  #user: Buffer[] = [];
  #admin: Buffer[] = [];
  #open: boolean;

  /** `open`: no token needed anywhere (`--insecure-no-auth`, loopback only). */
  constructor(tokens: AuthTokens | 'open') {
    this.#open = tokens === 'open';
    if (tokens !== 'open') this.update(tokens);
  }

  /** Replaces the tokens (a reload re-reads the token files). */
  update(tokens: AuthTokens): void {
    this.#user = tokens.tokens.map(hash);
    this.#admin = tokens.adminTokens.map(hash);
  }

  get open(): boolean {
    return this.#open;
  }

  check(authorization: string | undefined, access: Access): AuthDecision {
    if (access === 'public' || this.#open) return { ok: true };
    const presented = bearer(authorization);
    if (presented === undefined) {
      return { ok: false, status: 401, code: 'E_UNAUTHORIZED', message: 'this route needs a bearer token', hint: 'send `Authorization: Bearer <token>` with a token from the daemon\'s --token-file' };
    }
    const h = hash(presented);
    const admin = matchesAny(h, this.#admin);
    if (access === 'admin') {
      if (admin) return { ok: true };
      if (this.#admin.length === 0) return { ok: false, status: 403, code: 'E_ADMIN_DISABLED', message: 'the admin API is disabled', hint: 'start the daemon with --admin-token-file (or ACTUATE_ADMIN_TOKEN) to enable it' };
      if (matchesAny(h, this.#user)) return { ok: false, status: 403, code: 'E_FORBIDDEN', message: 'this route needs an admin token; the token sent is a user token', hint: 'use a token from the daemon\'s --admin-token-file' };
      return invalid();
    }
    return admin || matchesAny(h, this.#user) ? { ok: true } : invalid();
  }
}

function invalid(): AuthDecision {
  return { ok: false, status: 401, code: 'E_UNAUTHORIZED', message: 'the bearer token is not valid', hint: 'check the token against the daemon\'s --token-file' };
}

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m?.[1];
}

function hash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function matchesAny(candidate: Buffer, known: readonly Buffer[]): boolean {
  let match = false;
  for (const k of known) match = timingSafeEqual(candidate, k) || match;
  return match;
}
