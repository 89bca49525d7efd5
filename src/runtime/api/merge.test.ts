import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TRIGGERS, getTrigger, triggerKey } from '../../triggers/index.ts';
import { createApiCache, createApiHandler, createFlowState, mergeableTriggers, mergeCommands, replayCommands } from './index.ts';
import type { CredentialsExchangeCommands, FlowState, PasswordResetPostChallengeCommands, PostLoginCommands } from './index.ts';

/** mergeCommands per trigger, determinism, enterprise namespaces, and replay after a redirect. */

function flow(id: string, patch: (event: Record<string, unknown>) => void = () => {}) {
  const def = getTrigger(id)!;
  const event = JSON.parse(readFileSync(new URL(`../../triggers/fixtures/${triggerKey(def)}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  patch(event);
  const state = createFlowState(def, event);
  const action = (name: string, handler: 'execute' | 'continue' = 'execute', s: FlowState = state) => {
    const h = createApiHandler({ state: s, action: name, handler, cache: createApiCache(), redirect: { transactionState: undefined, issuer: 'acme.example' } });
    return (path: string, ...args: unknown[]) => {
      const [namespace, method] = path.split('.') as [string, string];
      return h({ namespace, method, args });
    };
  };
  return { def, event, state, action };
}

test('every registered trigger has a merger, and cache-only triggers merge to nothing', () => {
  expect(mergeableTriggers()).toEqual(TRIGGERS.map(triggerKey));
  for (const id of ['post-user-registration', 'post-change-password', 'send-phone-message']) {
    const { def, state, action } = flow(id);
    action('a')('cache.set', 'k', 'v');
    expect(state.commands).toEqual([]);
    expect(mergeCommands(state)).toEqual({ trigger: triggerKey(def) });
  }
});

describe('post-login', () => {
  function login() {
    const f = flow('post-login');
    const a = f.action('a');
    a('accessToken.setCustomClaim', 'https://x/z', 1);
    a('accessToken.setCustomClaim', 'https://x/a', { n: 1 });
    a('accessToken.addScope', 'write');
    a('accessToken.removeScope', 'offline_access');
    a('idToken.setCustomClaim', 'name', 'Ada');
    a('authentication.challengeWith', { type: 'otp' }, { additionalFactors: [{ type: 'email' }] });
    a('multifactor.enable', 'any');
    const b = f.action('b');
    b('accessToken.setCustomClaim', 'https://x/z', 2);
    b('accessToken.removeScope', 'write');
    b('accessToken.addScope', 'offline_access');
    b('authentication.enrollWithAny', [{ type: 'otp' }, { type: 'phone' }]);
    b('multifactor.enable', 'guardian', { allowRememberBrowser: true });
    b('transaction.setMetadata', 'step', 'b');
    return f;
  }

  test('claims: last write wins, sorted keys; scopes: later add/remove cancels, sorted; MFA in call order, last enable wins', () => {
    const merged = mergeCommands(login().state) as PostLoginCommands;
    expect(merged).toEqual({
      trigger: 'post-login@v3',
      accessToken: { customClaims: { 'https://x/a': { n: 1 }, 'https://x/z': 2 }, addedScopes: ['offline_access'], removedScopes: ['write'] },
      idToken: { customClaims: { name: 'Ada' } },
      user: { appMetadata: {}, userMetadata: {} },
      authentication: {
        challenges: [{ action: 'a', factors: [{ type: 'otp' }, { type: 'email' }], picker: false }],
        enrollments: [{ action: 'b', factors: [{ type: 'otp' }, { type: 'phone' }], picker: true }],
        recordedMethods: [],
      },
      transactionMetadata: { step: 'b' },
      multifactor: { provider: 'guardian', allowRememberBrowser: true },
    });
    expect(Object.keys(merged.accessToken.customClaims)).toEqual(['https://x/a', 'https://x/z']);
  });

  test('the same calls give the same JSON bytes', () => {
    expect(JSON.stringify(mergeCommands(login().state))).toBe(JSON.stringify(mergeCommands(login().state)));
  });

  test('SAML overrides: attributes and settings keyed by parameter name, at most 100 attributes', () => {
    const { state, action } = flow('post-login');
    const a = action('saml');
    a('samlResponse.setAttribute', 'role', ['a', 1, true]);
    a('samlResponse.setAttribute', 'gone', null);
    a('samlResponse.setAudience', 'urn:one');
    a('samlResponse.setAudience', 'urn:two');
    a('samlResponse.setLifetimeInSeconds', 120);
    expect((mergeCommands(state) as PostLoginCommands).samlResponse).toEqual({
      attributes: { gone: null, role: ['a', 1, true] },
      settings: { audience: 'urn:two', lifetimeInSeconds: 120 },
    });
    for (let i = 0; i < 98; i++) a('samlResponse.setAttribute', `attr${i}`, i);
    a('samlResponse.setAttribute', 'role', 'again'); // an attribute already set does not count again
    expect(() => a('samlResponse.setAttribute', 'one-too-many', 1)).toThrow('api.samlResponse.setAttribute: at most 100 attributes may be changed or added per login');
    expect(() => a('samlResponse.setAttribute', 'obj', [{ x: 1 }])).toThrow('api.samlResponse.setAttribute: value[0] must be a string, a number or a boolean, got an object');
    expect(() => a('samlResponse.setLifetimeInSeconds', 0)).toThrow('lifetimeInSeconds must be a positive whole number of seconds, got 0');
    expect(() => a('samlResponse.setSignatureAlgorithm', 'rsa-md5')).toThrow('signatureAlgorithm must be one of "rsa-sha256", "rsa-sha1", got "rsa-md5"');
  });

  test('session: revoke stops the flow; earliest expiry wins; metadata reflected at once and merged; 25 keys at most', () => {
    const { state, action } = flow('post-login');
    const a = action('s');
    a('session.setExpiresAt', 2_000);
    a('session.setExpiresAt', 1_000);
    a('session.setCookieMode', 'persistent');
    a('session.setCookieMode', 'non-persistent');
    a('session.evictMetadata');
    a('session.setMetadata', 'tos', 'v3');
    a('session.setMetadata', 'old', null);
    expect((state.event['session'] as Record<string, unknown>)['metadata']).toEqual({ tos: 'v3' });
    a('session.revoke', 'stolen');
    a('session.revoke', 'again', { preserveRefreshTokens: true });
    expect(state.stop).toEqual({ action: 's', kind: 'session-revoked', reason: 'stolen', preserveRefreshTokens: false });
    expect((mergeCommands(state) as PostLoginCommands).session).toEqual({
      revoked: { reason: 'stolen', preserveRefreshTokens: false },
      cookieMode: 'non-persistent',
      expiresAt: 1_000,
      metadata: { evicted: true, patch: { old: null, tos: 'v3' } },
    });
    for (let i = 1; i < 25; i++) a('session.setMetadata', `k${i}`, 'v');
    expect(() => a('session.setMetadata', 'k25', 'v')).toThrow('api.session.setMetadata: the metadata would have more than 25 keys');
    a('session.setMetadata', 'k1', 'replaced');
    expect(() => a('session.setMetadata', 'k', 'x'.repeat(256))).toThrow('value is 256 characters long; the limit is 255');
    expect(() => a('session.setExpiresAt', -5)).toThrow('absolute must be a positive time in epoch milliseconds, got -5');
  });

  test('refreshToken: revoke only in a refresh-token exchange; metadata merged even without event.refresh_token', () => {
    const browser = flow('post-login');
    expect(() => browser.action('r')('refreshToken.revoke', 'x')).toThrow(
      'api.refreshToken.revoke: only possible in a refresh-token exchange (event.transaction.protocol "oauth2-refresh-token"), not "oidc-basic-profile"',
    );
    const { state, action } = flow('post-login', (e) => ((e['transaction'] as Record<string, unknown>)['protocol'] = 'oauth2-refresh-token'));
    const a = action('r');
    a('refreshToken.setMetadata', 'device', 'laptop');
    a('refreshToken.deleteMetadata', 'old');
    a('refreshToken.setIdleExpiresAt', 5_000);
    a('refreshToken.revoke', 'lost device');
    expect(state.stop).toEqual({ action: 'r', kind: 'refresh-token-revoked', reason: 'lost device' });
    expect((mergeCommands(state) as PostLoginCommands).refreshToken).toEqual({
      revoked: { reason: 'lost device' },
      idleExpiresAt: 5_000,
      metadata: { evicted: false, patch: { device: 'laptop', old: null } },
    });
  });
});

test('credentials-exchange: claims and target scopes, reflected into event.transaction.target_scopes', () => {
  const { state, action } = flow('credentials-exchange');
  const a = action('m2m');
  a('accessToken.setCustomClaim', 'tier', 'gold');
  a('transaction.addTargetScope', 'write:reports');
  a('transaction.removeTargetScope', 'read:reports');
  expect((state.event['transaction'] as Record<string, unknown>)['target_scopes']).toEqual(['write:reports']);
  expect(mergeCommands(state)).toEqual({
    trigger: 'credentials-exchange@v2',
    accessToken: { customClaims: { tier: 'gold' } },
    targetScopes: { added: ['write:reports'], removed: ['read:reports'] },
  });
  a('transaction.clearTargetScopes');
  a('transaction.addTargetScope', 'admin');
  expect((state.event['transaction'] as Record<string, unknown>)['target_scopes']).toEqual(['admin']);
  expect((mergeCommands(state) as CredentialsExchangeCommands).targetScopes).toEqual({ replacedWith: ['admin'], added: [], removed: [] });
  expect(() => a('transaction.setTargetScopes', ['ok', 'not ok'])).toThrow('api.transaction.setTargetScopes: scopes[1] must be one scope');
});

test('password-reset-post-challenge: challenges and the last result URL', () => {
  const { state, action } = flow('password-reset-post-challenge');
  const a = action('pr');
  a('authentication.challengeWithAny', [{ type: 'otp' }, { type: 'email' }]);
  a('transaction.setResultUrl', 'https://acme.example/first');
  a('transaction.setResultUrl', 'https://acme.example/done', { query: { z: '1', a: '2' } });
  a('access.deny', 'too many resets');
  expect(state.stop).toEqual({ action: 'pr', kind: 'deny', reason: 'too many resets' });
  const merged = mergeCommands(state) as PasswordResetPostChallengeCommands;
  expect(merged).toEqual({
    trigger: 'password-reset-post-challenge@v1',
    authentication: { challenges: [{ action: 'pr', factors: [{ type: 'otp' }, { type: 'email' }], picker: true }] },
    resultUrl: { url: 'https://acme.example/done', query: { a: '2', z: '1' } },
  });
  expect(() => a('transaction.setResultUrl', 'ftp://x')).toThrow('api.transaction.setResultUrl: url must be an absolute http(s) URL, got "ftp://x"');
  expect(() => a('authentication.challengeWith', { type: 'sms' })).toThrow(
    'api.authentication.challengeWith: factor.type must be one of "otp", "email", "webauthn-platform", "webauthn-roaming", "recovery-code", "phone", "push", "push-notification", got "sms"',
  );
  expect(() => a('authentication.challengeWith', { type: 'phone', options: { preferredMethod: 'fax' } })).toThrow(
    'api.authentication.challengeWith: factor.options.preferredMethod must be one of "sms", "voice", "both", got "fax"',
  );
});

describe('replayCommands', () => {
  test('a resumed flow reports and shows what was set before the redirect, and continues from there', () => {
    const before = flow('post-login');
    const a = before.action('consent');
    a('user.setAppMetadata', 'consented', true);
    a('transaction.setMetadata', 'step', 1);
    a('idToken.setCustomClaim', 'c', 1);
    a('redirect.sendUserTo', 'https://consent.example');
    const carried = JSON.parse(JSON.stringify(before.state.commands)) as typeof before.state.commands; // through the continuation

    const after = flow('post-login'); // a fresh event for the resumed request
    replayCommands(after.state, carried);
    expect(after.state.redirect).toBeUndefined();
    expect((after.state.event['user'] as Record<string, Record<string, unknown>>)['app_metadata']).toMatchObject({ consented: true });
    expect((after.state.event['transaction'] as Record<string, Record<string, unknown>>)['metadata']).toMatchObject({ step: 1 });
    after.action('consent', 'continue')('authentication.recordMethod', 'https://consent.example');
    after.action('next')('idToken.setCustomClaim', 'd', 2);
    const merged = mergeCommands(after.state) as PostLoginCommands;
    expect(merged.user.appMetadata).toEqual({ consented: true });
    expect(merged.idToken.customClaims).toEqual({ c: 1, d: 2 });
    expect(merged.authentication.recordedMethods).toEqual(['https://consent.example']);
    // Replayed commands count towards flow-wide limits.
    after.action('x')('authentication.setPrimaryUser', 'auth0|p');
    const third = flow('post-login');
    replayCommands(third.state, after.state.commands);
    expect(() => third.action('y')('authentication.setPrimaryUser', 'auth0|q')).toThrow('once per transaction');
  });
});
