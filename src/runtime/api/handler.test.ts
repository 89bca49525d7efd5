import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, test } from 'vitest';
import { TRIGGERS, triggerKey } from '../../triggers/index.ts';
import type { ApiMethod, TriggerDefinition } from '../../triggers/index.ts';
import { createApiCache, createApiHandler, createFlowState, METHOD_EFFECTS } from './index.ts';
import type { ApiHandlerOptions, FlowState } from './index.ts';

/**
 * Every method of every seed trigger goes through createApiHandler with the real definitions: a
 * valid call is accepted (recorded when it is a command, with a result matching the declared return
 * schema when it returns a value) and a call without its required arguments is a TypeError naming
 * the method and the parameter. A method without a case here fails the test.
 */

function fixture(def: TriggerDefinition): Record<string, unknown> {
  const url = new URL(`../../triggers/fixtures/${triggerKey(def)}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

function kindFor(method: ApiMethod): 'execute' | 'continue' {
  return method.onlyIn?.includes('execute') === false ? 'continue' : 'execute';
}

function handlerFor(state: FlowState, method: ApiMethod, extra: Partial<ApiHandlerOptions> = {}) {
  return createApiHandler({
    state,
    action: 'a1',
    handler: kindFor(method),
    cache: createApiCache({ now: () => 1_000_000 }),
    redirect: { transactionState: 'st-1', now: () => 1_000_000, issuer: 'acme.example' },
    ...extra,
  });
}

const factor = { type: 'otp' };
const VALID: Record<string, readonly unknown[]> = {
  'access.deny': ['no entry'],
  'credentials-exchange@v2 access.deny': ['invalid_scope', 'scope not granted'],
  'pre-user-registration@v2 access.deny': ['blocked domain', 'Please use your work email.'],
  'validation.error': ['E_INVITE', 'An invitation is required.'],
  'accessToken.setCustomClaim': ['https://acme.example/roles', ['editor']],
  'accessToken.addScope': ['read:reports'],
  'accessToken.removeScope': ['offline_access'],
  'idToken.setCustomClaim': ['https://acme.example/plan', 'pro'],
  'authentication.challengeWith': [factor, { additionalFactors: [{ type: 'phone', options: { preferredMethod: 'sms' } }] }],
  'authentication.challengeWithAny': [[factor, { type: 'push-notification', options: { otpFallback: false } }]],
  'authentication.enrollWith': [{ type: 'webauthn-roaming' }],
  'authentication.enrollWithAny': [[factor, { type: 'recovery-code' }]],
  'authentication.recordMethod': ['https://mfa.acme.example/totp'],
  'authentication.setPrimaryUser': ['auth0|primary'],
  'multifactor.enable': ['duo', { allowRememberBrowser: true, providerOptions: { host: 'api-x.duosecurity.com', ikey: 'i', skey: 's' } }],
  'redirect.sendUserTo': ['https://consent.acme.example/terms', { query: { lang: 'en' } }],
  'redirect.encodeToken': [{ payload: { step: 'terms' }, secret: 'shh', expiresInSeconds: 60 }],
  'redirect.validateToken': [{ secret: 'shh' }],
  'redirect.canRedirect': [],
  'user.setAppMetadata': ['plan', 'enterprise'],
  'user.setUserMetadata': ['theme', null],
  'cache.get': ['k'],
  'cache.set': ['k', 'v', { ttl: 1000 }],
  'cache.delete': ['k'],
  'samlResponse.setAttribute': ['http://schemas.acme.example/claims/role', ['a', 'b']],
  'samlResponse.setAudience': ['urn:sp'],
  'samlResponse.setRecipient': ['https://sp.example/acs'],
  'samlResponse.setCreateUpnClaim': [false],
  'samlResponse.setPassthroughClaimsWithNoMapping': [false],
  'samlResponse.setMapUnknownClaimsAsIs': [true],
  'samlResponse.setMapIdentities': [false],
  'samlResponse.setSignatureAlgorithm': ['rsa-sha256'],
  'samlResponse.setDigestAlgorithm': ['sha256'],
  'samlResponse.setDestination': ['https://sp.example/acs'],
  'samlResponse.setLifetimeInSeconds': [600],
  'samlResponse.setSignResponse': [true],
  'samlResponse.setNameIdentifierFormat': ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  'samlResponse.setNameIdentifierProbes': [['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress']],
  'samlResponse.setAuthnContextClassRef': ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'],
  'samlResponse.setSigningCert': ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
  'samlResponse.setIncludeAttributeNameFormat': [false],
  'samlResponse.setTypedAttributes': [false],
  'samlResponse.setEncryptionCert': ['-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----'],
  'samlResponse.setEncryptionPublicKey': ['-----BEGIN PUBLIC KEY-----\nMIID\n-----END PUBLIC KEY-----'],
  'samlResponse.setCert': ['-----BEGIN CERTIFICATE-----\nMIIE\n-----END CERTIFICATE-----'],
  'samlResponse.setKey': ['-----BEGIN PRIVATE KEY-----\nMIIF\n-----END PRIVATE KEY-----'],
  'samlResponse.setRelayState': ['relay-1'],
  'samlResponse.setIssuer': ['urn:acme'],
  'samlResponse.setEncryptionAlgorithm': ['aes256-gcm'],
  'rules.wasExecuted': ['rul_123'],
  'prompt.render': ['ap_terms', { fields: { accepted: false }, vars: { version: 3 } }],
  'transaction.setMetadata': ['riskScore', 7],
  'transaction.setResultUrl': ['https://acme.example/after-reset', { query: { done: '1' } }],
  'transaction.addTargetScope': ['write:reports'],
  'transaction.removeTargetScope': ['read:reports'],
  'transaction.setTargetScopes': [['read:reports']],
  'transaction.clearTargetScopes': [],
  'refreshToken.revoke': ['stolen device'],
  'refreshToken.setExpiresAt': [2_000_000_000_000],
  'refreshToken.setIdleExpiresAt': [1_900_000_000_000],
  'refreshToken.setMetadata': ['device', 'laptop'],
  'refreshToken.deleteMetadata': ['device'],
  'refreshToken.evictMetadata': [],
  'session.revoke': ['suspicious', { preserveRefreshTokens: true }],
  'session.setExpiresAt': [2_000_000_000_000],
  'session.setIdleExpiresAt': [1_900_000_000_000],
  'session.setCookieMode': ['non-persistent'],
  'session.setMetadata': ['tos', 'v3'],
  'session.deleteMetadata': ['tos'],
  'session.evictMetadata': [],
  'groups.getUserGroups': [{ take: 10 }],
  'groups.hasGroupMembership': [['admins', 'grp_123']],
  'roles.getUserEffectiveRoles': [{ take: 50, from: 'cursor' }],
  'roles.getUserEffectiveRolesByIds': [['rol_1']],
  'roles.getUserEffectiveRolesByNames': [['admin']],
};

/** Event adjustments some methods need to be callable (a token to validate, a refresh-token exchange). */
function prepare(key: string, event: Record<string, unknown>): void {
  if (key === 'redirect.validateToken') {
    // A token the redirect target signed with the shared secret and the transaction state.
    const handler = createApiHandler({
      state: createFlowState(TRIGGERS[0]!, event), action: 'x', handler: 'execute', cache: createApiCache(),
      redirect: { transactionState: 'st-1', now: () => 1_000_000, issuer: 'acme.example' },
    });
    const token = handler({ namespace: 'redirect', method: 'encodeToken', args: [{ payload: { ok: true }, secret: 'shh' }] });
    (event['request'] as Record<string, unknown>)['query'] = { session_token: token };
  }
  if (key === 'refreshToken.revoke') (event['transaction'] as Record<string, unknown>)['protocol'] = 'oauth2-refresh-token';
}

const cases = TRIGGERS.flatMap((def) => def.api.flatMap((ns) => ns.methods.map((m) => ({ def, ns: ns.name, method: m }))));

describe.each(cases.map((c) => [`${triggerKey(c.def)} api.${c.ns}.${c.method.name}`, c] as const))('%s', (_name, { def, ns, method }) => {
  const key = `${ns}.${method.name}`;
  const args = VALID[`${triggerKey(def)} ${key}`] ?? VALID[key];

  test('has a valid-call case and a host effect', () => {
    expect(args, `add a case for ${key} to VALID`).toBeDefined();
    expect(Object.hasOwn(METHOD_EFFECTS, key)).toBe(true);
  });

  test('a valid call is accepted, recorded if it is a command, and returns what the definition declares', () => {
    const event = fixture(def);
    prepare(key, event);
    const state = createFlowState(def, event);
    const result = handlerFor(state, method)({ namespace: ns, method: method.name, args: args ?? [] });
    const isCommand = METHOD_EFFECTS[key]!.command;
    expect(state.commands).toEqual(isCommand ? [{ action: 'a1', handler: kindFor(method), namespace: ns, method: method.name, args }] : []);
    if (method.returns.kind === 'value') {
      expect(Value.Check(method.returns.schema, result), `result ${JSON.stringify(result)}`).toBe(true);
    } else expect(result).toBeUndefined();
  });

  const firstRequired = method.params.findIndex((p) => p.optional !== true);
  if (firstRequired === 0) {
    test('a call without arguments is a TypeError naming the method and the parameter', () => {
      const state = createFlowState(def, fixture(def));
      const call = () => handlerFor(state, method)({ namespace: ns, method: method.name, args: [] });
      expect(call).toThrow(TypeError);
      expect(call).toThrow(new RegExp(`^api\\.${ns}\\.${method.name}: ${method.params[0]!.name} must be `));
      expect(state.commands).toEqual([]);
    });
  }
});

test('every method effect is used by some seed trigger (no dead entries)', () => {
  const used = new Set(cases.map((c) => `${c.ns}.${c.method.name}`));
  expect(Object.keys(METHOD_EFFECTS).filter((k) => !used.has(k))).toEqual([]);
});
