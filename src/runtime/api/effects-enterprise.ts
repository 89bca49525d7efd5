import { API_LIMITS } from './limits.ts';
import { fail, stopFlow } from './effect.ts';
import type { EffectContext, MethodEffect } from './effect.ts';
import { tallyOf } from './tally.ts';
import { describeValue, isRecord, jsonBytes, utf8Bytes } from './values.ts';

/**
 * Effects of post-login's protocol-level namespaces: SAML response overrides and the Enterprise
 * session and refresh-token controls. All are recorded and merged (mergeCommands); the revocations
 * also stop the flow, and metadata changes show at once in `event.session.metadata` /
 * `event.refresh_token.metadata` (Auth0 offers session metadata to "share state between Actions").
 */

const samlSetting: MethodEffect = {
  command: true,
  run(ctx, [value]) {
    const strings = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
    for (const s of strings) {
      if (utf8Bytes(s) > API_LIMITS.samlSettingBytes) {
        fail(ctx, `${ctx.method.params[0]!.name} is ${utf8Bytes(s)} bytes; the limit is ${API_LIMITS.samlSettingBytes}`);
      }
    }
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value > 0)) {
      fail(ctx, `${ctx.method.params[0]!.name} must be a positive whole number of seconds, got ${describeValue(value)}`);
    }
  },
};

const SAML_SETTINGS = [
  'setAudience', 'setRecipient', 'setCreateUpnClaim', 'setPassthroughClaimsWithNoMapping', 'setMapUnknownClaimsAsIs',
  'setMapIdentities', 'setSignatureAlgorithm', 'setDigestAlgorithm', 'setDestination', 'setLifetimeInSeconds',
  'setSignResponse', 'setNameIdentifierFormat', 'setNameIdentifierProbes', 'setAuthnContextClassRef', 'setSigningCert',
  'setIncludeAttributeNameFormat', 'setTypedAttributes', 'setEncryptionCert', 'setEncryptionPublicKey', 'setCert', 'setKey',
  'setRelayState', 'setIssuer', 'setEncryptionAlgorithm',
];

const expiry: MethodEffect = {
  command: true,
  run(ctx, [at]) {
    if (!((at as number) > 0)) fail(ctx, `${ctx.method.params[0]!.name} must be a positive time in epoch milliseconds, got ${describeValue(at)}`);
  },
};

const setMetadata: MethodEffect = { command: true, run: (ctx, [key, value]) => checkEntityMetadata(ctx, key as string, value) };
const deleteMetadata: MethodEffect = { command: true, run: (ctx, [key]) => checkEntityKey(ctx, key as string) };

export const ENTERPRISE_EFFECTS: Readonly<Record<string, MethodEffect>> = {
  'samlResponse.setAttribute': { command: true, run: (ctx, [name, value]) => checkSamlAttribute(ctx, name as string, value) },
  ...Object.fromEntries(SAML_SETTINGS.map((m) => [`samlResponse.${m}`, samlSetting])),

  'session.revoke': {
    command: true,
    run(ctx, [reason, options]) {
      const preserve = isRecord(options) && options['preserveRefreshTokens'] === true;
      stopFlow(ctx, { action: ctx.options.action, kind: 'session-revoked', reason: reason as string, preserveRefreshTokens: preserve });
    },
  },
  'session.setExpiresAt': expiry,
  'session.setIdleExpiresAt': expiry,
  'session.setCookieMode': { command: true },
  'session.setMetadata': setMetadata,
  'session.deleteMetadata': deleteMetadata,
  'session.evictMetadata': { command: true },

  'refreshToken.revoke': {
    command: true,
    run(ctx, [reason]) {
      const transaction = ctx.state.event['transaction'];
      const protocol = isRecord(transaction) ? transaction['protocol'] : undefined;
      if (protocol !== 'oauth2-refresh-token') {
        fail(ctx, `only possible in a refresh-token exchange (event.transaction.protocol "oauth2-refresh-token"), not ${describeValue(protocol)}`);
      }
      stopFlow(ctx, { action: ctx.options.action, kind: 'refresh-token-revoked', reason: reason as string });
    },
  },
  'refreshToken.setExpiresAt': expiry,
  'refreshToken.setIdleExpiresAt': expiry,
  'refreshToken.setMetadata': setMetadata,
  'refreshToken.deleteMetadata': deleteMetadata,
  'refreshToken.evictMetadata': { command: true },
};

// --- internal ---

function checkSamlAttribute(ctx: EffectContext, name: string, value: unknown): void {
  const L = API_LIMITS;
  if (name === '') fail(ctx, 'attribute must not be empty');
  if (utf8Bytes(name) > L.samlAttributeNameBytes) fail(ctx, `attribute is ${utf8Bytes(name)} bytes; the limit is ${L.samlAttributeNameBytes}`);
  const bytes = jsonBytes(value);
  if (bytes > L.samlAttributeValueBytes) fail(ctx, `the value of ${JSON.stringify(name)} is ${bytes} bytes as JSON; the limit is ${L.samlAttributeValueBytes}`);
  const seen = tallyOf(ctx.state).samlAttributes;
  if (!seen.has(name) && seen.size >= L.samlAttributes) {
    fail(ctx, `at most ${L.samlAttributes} attributes may be changed or added per login`);
  }
}

function checkEntityKey(ctx: EffectContext, key: string): void {
  const max = API_LIMITS.sessionMetadataChars;
  if (key === '') fail(ctx, 'key must not be empty');
  if (key.length > max) fail(ctx, `key is ${key.length} characters long; the limit is ${max}`);
}

function checkEntityMetadata(ctx: EffectContext, key: string, value: unknown): void {
  checkEntityKey(ctx, key);
  const max = API_LIMITS.sessionMetadataChars;
  if (typeof value === 'string' && value.length > max) fail(ctx, `value is ${value.length} characters long; the limit is ${max}`);
  if (value === null) return;
  const keys = entityMetadataKeys(ctx);
  if (!keys.has(key) && keys.size >= API_LIMITS.sessionMetadataKeys) {
    fail(ctx, `the metadata would have more than ${API_LIMITS.sessionMetadataKeys} keys`);
  }
}

/**
 * Keys of the session's (or refresh token's) metadata after the calls so far: the reflected event
 * when it has the entity, otherwise the calls of this flow alone.
 */
function entityMetadataKeys(ctx: EffectContext): Set<string> {
  const ns = ctx.namespace;
  const owner = ctx.state.event[ns === 'session' ? 'session' : 'refresh_token'];
  if (isRecord(owner)) return new Set(isRecord(owner['metadata']) ? Object.keys(owner['metadata']) : []);
  const keys = new Set<string>();
  for (const cmd of ctx.state.commands) {
    if (cmd.namespace !== ns) continue;
    if (cmd.method === 'evictMetadata') keys.clear();
    else if (cmd.method === 'deleteMetadata' || (cmd.method === 'setMetadata' && cmd.args[1] === null)) keys.delete(cmd.args[0] as string);
    else if (cmd.method === 'setMetadata') keys.add(cmd.args[0] as string);
  }
  return keys;
}
