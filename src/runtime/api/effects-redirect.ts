import { InternalError } from '../../core/index.ts';
import { API_LIMITS } from './limits.ts';
import { canRedirect, fail, stopFlow, whyNoRedirect } from './effect.ts';
import type { EffectContext, MethodEffect } from './effect.ts';
import { signHs256, verifyHs256 } from './hs256.ts';
import type { RedirectOptions } from './types.ts';
import { describeValue, isHttpUrl, isRecord, jsonBytes } from './values.ts';

/**
 * `api.redirect` (post-login, password-reset-post-challenge): suspending the flow, and the HS256
 * tokens that carry data to the redirect target and back (reference §2.1a).
 *
 * - `sendUserTo` sets `state.redirect` (last call wins); the orchestrator suspends after the action
 *   and adds `state=<continuation>` to the URL. Where no redirect is possible it stops the flow with
 *   `interaction-required`, which Auth0 answers with `error=interaction_required`.
 * - `encodeToken` signs `{ ...payload, iss, sub, iat, exp, ip, state }`; the claims Actuate sets win
 *   over payload keys of the same name, so a payload cannot forge them. `state` is included only when
 *   the orchestrator knows the transaction state.
 * - `validateToken` reads the token from the resumed request's query, then its body; checks HS256,
 *   expiry and that its `state` claim equals the transaction state; returns all its claims. Failures
 *   throw an `Error` (as Auth0 does) saying what was wrong.
 */
export const REDIRECT_EFFECTS: Readonly<Record<string, MethodEffect>> = {
  'redirect.sendUserTo': {
    command: true,
    run(ctx, [url, options]) {
      if (!isHttpUrl(url as string)) fail(ctx, `url must be an absolute http(s) URL, got ${describeValue(url)}`);
      const query = (isRecord(options) && isRecord(options['query']) ? options['query'] : {}) as Record<string, string>;
      if (Object.hasOwn(query, 'state')) fail(ctx, 'options.query must not set "state": it carries the continuation state, which Actuate adds');
      if (!canRedirect(ctx.state)) {
        stopFlow(ctx, { action: ctx.options.action, kind: 'interaction-required', reason: whyNoRedirect(ctx.state) });
        return;
      }
      ctx.state.redirect = { action: ctx.options.action, url: url as string, query: { ...query } };
      delete ctx.state.prompt;
    },
  },

  'redirect.encodeToken': {
    command: false,
    run(ctx, [options]) {
      const { payload, secret, expiresInSeconds = 900 } = options as { payload: Record<string, unknown>; secret: string; expiresInSeconds?: number };
      if (secret === '') fail(ctx, 'options.secret must not be empty');
      if (!(expiresInSeconds > 0 && expiresInSeconds <= API_LIMITS.tokenMaxLifetimeSeconds)) {
        fail(ctx, `options.expiresInSeconds must be between 1 and ${API_LIMITS.tokenMaxLifetimeSeconds}, got ${describeValue(expiresInSeconds)}`);
      }
      const bytes = jsonBytes(payload);
      if (bytes > API_LIMITS.tokenPayloadBytes) fail(ctx, `options.payload is ${bytes} bytes as JSON; the limit is ${API_LIMITS.tokenPayloadBytes}`);
      const r = redirectOptions(ctx);
      const iat = Math.floor((r.now ?? Date.now)() / 1000);
      const sub = r.subject ?? stringAt(ctx.state.event, 'user', 'user_id');
      const ip = r.ip ?? stringAt(ctx.state.event, 'request', 'ip');
      return signHs256(
        {
          ...payload,
          iss: r.issuer,
          ...(sub === undefined ? {} : { sub }),
          iat,
          exp: iat + Math.ceil(expiresInSeconds),
          ...(ip === undefined ? {} : { ip }),
          ...(r.transactionState === undefined ? {} : { state: r.transactionState }),
        },
        secret,
      );
    },
  },

  'redirect.validateToken': {
    command: false,
    run(ctx, [options]) {
      const { secret, tokenParameterName = 'session_token' } = options as { secret: string; tokenParameterName?: string };
      const r = redirectOptions(ctx);
      const token = stringAt(ctx.state.event, 'request', 'query', tokenParameterName) ?? stringAt(ctx.state.event, 'request', 'body', tokenParameterName);
      if (token === undefined) {
        invalid(ctx, `the request that resumed the flow has no "${tokenParameterName}" parameter in its query or body`);
      }
      if (r.transactionState === undefined) {
        invalid(ctx, 'there is no transaction state to check the token against: call it in the onContinue handler after a redirect');
      }
      const v = verifyHs256(token, secret, (r.now ?? Date.now)());
      if (!v.ok) invalid(ctx, `the token in "${tokenParameterName}" was refused: ${v.reason}`);
      if (v.claims['state'] !== r.transactionState) {
        invalid(ctx, `the token in "${tokenParameterName}" was refused: its "state" claim does not match this transaction (it was issued for another one, or lacks "state")`);
      }
      return v.claims;
    },
  },

  'redirect.canRedirect': { command: false, run: (ctx) => canRedirect(ctx.state) },
};

// --- internal ---

function redirectOptions(ctx: EffectContext): RedirectOptions {
  if (ctx.options.redirect === undefined) throw new InternalError(`${ctx.label}: createApiHandler was called without redirect options`);
  return ctx.options.redirect;
}

/** Token problems are `Error`s, not `TypeError`s: the arguments were fine, the token was not. */
function invalid(ctx: EffectContext, message: string): never {
  throw new Error(`${ctx.label}: ${message}`);
}

function stringAt(root: Record<string, unknown>, ...path: string[]): string | undefined {
  let v: unknown = root;
  for (const key of path) {
    if (!isRecord(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return typeof v === 'string' ? v : undefined;
}
