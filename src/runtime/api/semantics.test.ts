import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getTrigger, triggerKey } from '../../triggers/index.ts';
import { API_LIMITS, createApiCache, createApiHandler, createFlowState, mergeCommands } from './index.ts';
import type { FlowState, PostLoginCommands, PreUserRegistrationCommands } from './index.ts';

/** Flow semantics of the handler with the real definitions and sample events (reference §2, §3). */

function flow(id: string, patch: (event: Record<string, unknown>) => void = () => {}) {
  const def = getTrigger(id)!;
  const event = JSON.parse(readFileSync(new URL(`../../triggers/fixtures/${triggerKey(def)}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  patch(event);
  const state = createFlowState(def, event);
  const cache = createApiCache();
  /** The api of one action invocation: `api('user.setAppMetadata', 'k', 'v')`. */
  const action = (name: string, handler: 'execute' | 'continue' = 'execute', maxCalls?: number) => {
    const h = createApiHandler({ state, action: name, handler, cache, redirect: { transactionState: undefined, issuer: 'acme.example' }, ...(maxCalls ? { maxCalls } : {}) });
    return (path: string, ...args: unknown[]) => {
      const [namespace, method] = path.split('.') as [string, string];
      return h({ namespace, method, args: JSON.parse(JSON.stringify(args)) as unknown[] });
    };
  };
  return { state, action, event };
}

const user = (s: FlowState) => s.event['user'] as Record<string, Record<string, unknown>>;

describe('access.deny and validation.error', () => {
  test('deny sets the stop; the denying action keeps running and its later calls are recorded and merged', () => {
    const { state, action } = flow('post-login');
    action('first')('user.setAppMetadata', 'seen', true);
    const second = action('second');
    second('access.deny', 'blocked');
    second('user.setUserMetadata', 'note', 'after deny');
    second('access.deny', 'second reason');
    expect(state.stop).toEqual({ action: 'second', kind: 'deny', reason: 'blocked' });
    const merged = mergeCommands(state) as PostLoginCommands;
    expect(merged.user).toEqual({ appMetadata: { seen: true }, userMetadata: { note: 'after deny' } });
  });

  test('the first stop wins across kinds', () => {
    const { state, action } = flow('pre-user-registration');
    const api = action('a');
    api('validation.error', 'E_DOMAIN', 'Use your work email.');
    api('access.deny', 'later', 'ignored');
    expect(state.stop).toEqual({ action: 'a', kind: 'validation', errorCode: 'E_DOMAIN', errorMessage: 'Use your work email.' });
  });

  test('credentials-exchange deny takes an OAuth code from a fixed set and an optional reason', () => {
    const { state, action } = flow('credentials-exchange');
    const api = action('m2m');
    expect(() => api('access.deny', 'access_denied', 'x')).toThrow(
      new TypeError('api.access.deny: code must be one of "invalid_scope", "invalid_request", "server_error", got "access_denied"'),
    );
    expect(state.stop).toBeUndefined();
    api('access.deny', 'invalid_request');
    expect(state.stop).toEqual({ action: 'm2m', kind: 'deny', code: 'invalid_request' });
    expect(() => action('x')('access.deny', 'server_error', 42)).toThrow('api.access.deny: reason must be a string, got 42');
  });

  test('pre-user-registration deny needs both the log reason and the user message', () => {
    const { state, action } = flow('pre-user-registration');
    expect(() => action('a')('access.deny', 'only reason')).toThrow('api.access.deny: userMessage must be a string, got undefined');
    action('a')('access.deny', 'disposable email', 'Please use a permanent address.');
    expect(state.stop).toEqual({ action: 'a', kind: 'deny', reason: 'disposable email', userMessage: 'Please use a permanent address.' });
  });
});

describe('user metadata', () => {
  test('is reflected in state.event at once, null deletes, and merges into one patch per kind', () => {
    const { state, action, event } = flow('post-login');
    const a = action('a');
    a('user.setAppMetadata', 'plan', 'enterprise');
    a('user.setUserMetadata', 'theme', null);
    expect(user(state)['app_metadata']).toEqual({ plan: 'enterprise', roles: ['editor'] });
    expect(user(state)['user_metadata']).toEqual({});
    expect((event['user'] as Record<string, unknown>)['app_metadata']).toEqual({ plan: 'pro', roles: ['editor'] }); // caller's copy untouched
    const b = action('b');
    b('user.setAppMetadata', 'plan', 'free');
    b('user.setAppMetadata', 'roles', null);
    b('user.setUserMetadata', 'lang', { primary: 'en' });
    expect(user(state)['app_metadata']).toEqual({ plan: 'free' });
    const merged = mergeCommands(state) as PostLoginCommands;
    expect(merged.user).toEqual({ appMetadata: { plan: 'free', roles: null }, userMetadata: { lang: { primary: 'en' }, theme: null } });
    expect(Object.keys(merged.user.appMetadata)).toEqual(['plan', 'roles']);
  });

  test('pre-user-registration reflects into the would-be user and merges the same way', () => {
    const { state, action } = flow('pre-user-registration');
    action('a')('user.setAppMetadata', 'source', 'signup-form');
    expect(user(state)['app_metadata']).toMatchObject({ source: 'signup-form' });
    expect((mergeCommands(state) as PreUserRegistrationCommands).user.appMetadata).toEqual({ source: 'signup-form' });
  });

  test('field names with "." or "$" are refused, at any depth; a "__proto__" key is an ordinary key', () => {
    const { state, action } = flow('post-login');
    const a = action('a');
    expect(() => a('user.setAppMetadata', 'a.b', 1)).toThrow('api.user.setAppMetadata: metadata field names must not contain "." or "$", got "a.b"');
    expect(() => a('user.setUserMetadata', 'prefs', { $set: 1 })).toThrow('got "prefs.$set"');
    a('user.setAppMetadata', '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(user(state)['app_metadata'])).toBe(Object.prototype);
    expect(Object.hasOwn(user(state)['app_metadata']!, '__proto__')).toBe(true);
  });

  test('the merged patch of one kind is capped at 32 kB', () => {
    const { action } = flow('post-login');
    const a = action('a');
    const big = 'x'.repeat(10_000);
    a('user.setAppMetadata', 'a', big);
    a('user.setAppMetadata', 'b', big);
    a('user.setAppMetadata', 'c', big);
    a('user.setAppMetadata', 'a', big); // overwriting does not grow the patch
    expect(() => a('user.setAppMetadata', 'd', big)).toThrow(/app_metadata changes of this flow would be \d+ bytes as JSON; the limit is 32768/);
    a('user.setUserMetadata', 'd', big); // the other kind has its own budget
  });

  test('setPrimaryUser: once per transaction, at most 128 characters, and user_metadata of the same action is dropped', () => {
    const { state, action } = flow('post-login');
    action('before')('user.setUserMetadata', 'kept', 1);
    const linker = action('linker');
    linker('user.setUserMetadata', 'dropped', 1);
    expect(() => linker('authentication.setPrimaryUser', 'x'.repeat(129))).toThrow('primary_user_id is 129 characters long; the limit is 128');
    linker('authentication.setPrimaryUser', 'auth0|primary');
    linker('user.setAppMetadata', 'app', 'kept');
    expect(() => action('later')('authentication.setPrimaryUser', 'auth0|other')).toThrow(
      new TypeError('api.authentication.setPrimaryUser: can only be called once per transaction'),
    );
    const merged = mergeCommands(state) as PostLoginCommands;
    expect(merged.user).toEqual({ appMetadata: { app: 'kept' }, userMetadata: { kept: 1 } });
    expect(merged.authentication.primaryUserId).toBe('auth0|primary');
  });
});

describe('transaction.setMetadata', () => {
  const metadata = (s: FlowState) => (s.event['transaction'] as Record<string, unknown>)['metadata'];

  test('is reflected at once; null removes; the patch is merged', () => {
    const { state, action } = flow('post-login');
    action('a')('transaction.setMetadata', 'score', 3);
    action('b')('transaction.setMetadata', 'riskChecked', null);
    action('b')('transaction.setMetadata', 'tier', 'gold');
    expect(metadata(state)).toEqual({ score: 3, tier: 'gold' });
    expect((mergeCommands(state) as PostLoginCommands).transactionMetadata).toEqual({ riskChecked: null, score: 3, tier: 'gold' });
  });

  test('accepts strings, safe integers and booleans only, within Auth0 limits', () => {
    const { state, action } = flow('post-login');
    const a = action('a');
    expect(() => a('transaction.setMetadata', 'k', { nested: 1 })).toThrow(
      'api.transaction.setMetadata: value must be a string, a number, a boolean or null, got an object',
    );
    expect(() => a('transaction.setMetadata', 'k', 1.5)).toThrow('numbers must be safe integers, got 1.5');
    expect(() => a('transaction.setMetadata', 'k', 2 ** 53)).toThrow('numbers must be safe integers');
    expect(() => a('transaction.setMetadata', 'k'.repeat(65), 'v')).toThrow('key is 65 characters long; the limit is 64');
    a('transaction.setMetadata', 'k'.repeat(64), true);
    expect(() => a('transaction.setMetadata', 'big', 'é'.repeat(4097))).toThrow('value is 8194 bytes; the limit is 8192');
    a('transaction.setMetadata', 'big1', 'x'.repeat(8192));
    expect(() => a('transaction.setMetadata', 'big2', 'x'.repeat(8192))).toThrow(/event\.transaction\.metadata would be \d+ bytes as JSON; the limit is 16384/);
    expect(Object.keys(metadata(state) as object)).not.toContain('big2');
  });

  test('creates event.transaction.metadata when the event has none', () => {
    const { state, action } = flow('post-login', (e) => delete e['transaction']);
    action('a')('transaction.setMetadata', 'k', 'v');
    expect(state.event['transaction']).toEqual({ metadata: { k: 'v' } });
  });
});

describe("the caller's event", () => {
  const deepFreeze = (v: unknown): void => {
    if (v !== null && typeof v === 'object') {
      Object.freeze(v);
      for (const x of Object.values(v)) deepFreeze(x);
    }
  };
  test('is never changed: reflecting copies only the path it changes, and later reflections reuse the copies', () => {
    const { state, action, event } = flow('post-login', (e) => {
      e['session'] = { id: 's1', metadata: { tos: 'v1' } };
      e['refresh_token'] = { id: 'r1', metadata: { keep: 'yes' } };
    });
    const before = JSON.stringify(event);
    deepFreeze(event); // a write to any object shared with the caller now throws
    const a = action('a');
    a('user.setAppMetadata', 'plan', 'gold');
    a('user.setUserMetadata', 'theme', 'dark');
    a('transaction.setMetadata', 'k', 'v');
    a('session.setMetadata', 'tos', 'v2');
    a('refreshToken.evictMetadata');
    a('user.setAppMetadata', 'plan', 'platinum');
    expect(JSON.stringify(event)).toBe(before);
    expect(user(state)['app_metadata']).toMatchObject({ plan: 'platinum' });
    expect(user(state)['user_metadata']).toMatchObject({ theme: 'dark' });
    expect(state.event['session']).toEqual({ id: 's1', metadata: { tos: 'v2' } });
    expect(state.event['refresh_token']).toEqual({ id: 'r1', metadata: {} });
    expect(state.event['client']).toBe(event['client']); // untouched sections stay shared
  });

  test("credentials-exchange target scopes are reflected without changing the caller's arrays", () => {
    const { state, action, event } = flow('credentials-exchange');
    deepFreeze(event);
    const a = action('a');
    a('transaction.setTargetScopes', ['read:reports', 'write:reports']);
    a('transaction.removeTargetScope', 'write:reports');
    a('transaction.addTargetScope', 'admin');
    expect((state.event['transaction'] as Record<string, unknown>)['target_scopes']).toEqual(['read:reports', 'admin']);
  });
});

describe('calls the handler refuses', () => {
  test('recordMethod only in onContinuePostLogin, with an http(s) URL', () => {
    const { state, action } = flow('post-login');
    expect(() => action('a', 'execute')('authentication.recordMethod', 'https://m.example')).toThrow(
      new TypeError('api.authentication.recordMethod can only be called from onContinuePostLogin'),
    );
    expect(() => action('a', 'continue')('authentication.recordMethod', 'otp')).toThrow('provider_url must be an absolute http(s) URL, got "otp"');
    action('a', 'continue')('authentication.recordMethod', 'https://m.example');
    action('a', 'continue')('authentication.recordMethod', 'https://m.example');
    expect((mergeCommands(state) as PostLoginCommands).authentication.recordedMethods).toEqual(['https://m.example']);
  });

  test('methods the trigger does not have', () => {
    const { action } = flow('credentials-exchange');
    expect(() => action('a')('user.setAppMetadata', 'k', 'v')).toThrow(new TypeError('api.user.setAppMetadata is not part of the credentials-exchange@v2 api'));
    expect(() => action('a')('accessToken.constructor')).toThrow('is not part of');
  });

  test('more calls than the per-invocation budget', () => {
    const { state, action } = flow('post-login');
    const a = action('looper', 'execute', 3);
    for (let i = 0; i < 3; i++) a('idToken.setCustomClaim', `c${i}`, i);
    expect(() => a('idToken.setCustomClaim', 'c3', 3)).toThrow(
      new TypeError('api.idToken.setCustomClaim: too many api calls in one run of action "looper" (the limit is 3)'),
    );
    expect(state.commands).toHaveLength(3);
    expect(API_LIMITS.maxCallsPerInvocation).toBe(1000);
    action('next')('idToken.setCustomClaim', 'c3', 3); // the budget is per invocation
  });

  test('claims: a non-empty name and a bounded value', () => {
    const { action } = flow('post-login');
    expect(() => action('a')('accessToken.setCustomClaim', '', 1)).toThrow('api.accessToken.setCustomClaim: key must not be empty');
    expect(() => action('a')('idToken.setCustomClaim', 'big', 'x'.repeat(API_LIMITS.claimValueBytes))).toThrow(
      `the value of claim "big" is ${API_LIMITS.claimValueBytes + 2} bytes as JSON; the limit is ${API_LIMITS.claimValueBytes}`,
    );
  });

  test('scopes must be single scope tokens', () => {
    const { action } = flow('post-login');
    expect(() => action('a')('accessToken.addScope', 'read write')).toThrow(
      'api.accessToken.addScope: scope must be one scope (printable ASCII without spaces, quotes or backslashes), got "read write"',
    );
    expect(() => action('a')('accessToken.removeScope', '')).toThrow('must be one scope');
  });

  test('challengeWithAny and enrollWithAny need at least one factor; duo needs its provider options', () => {
    const { action } = flow('post-login');
    expect(() => action('a')('authentication.challengeWithAny', [])).toThrow('factors must list at least one factor');
    expect(() => action('a')('authentication.enrollWithAny', [])).toThrow('factors must list at least one factor');
    expect(() => action('a')('multifactor.enable', 'duo')).toThrow('the duo provider needs options.providerOptions with host, ikey and skey');
    expect(() => action('a')('multifactor.enable', 'sms')).toThrow('provider must be one of "any", "none", "guardian", "google-authenticator", "duo", got "sms"');
  });
});
