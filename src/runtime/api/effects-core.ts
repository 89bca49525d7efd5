import type { FlowStop } from './types.ts';
import { API_LIMITS } from './limits.ts';
import { RECORD, canRedirect, fail, namedArgs, stopFlow, whyNoRedirect } from './effect.ts';
import type { EffectContext, MethodEffect } from './effect.ts';
import { patchBytes, patchEntryBytes, tallyOf } from './tally.ts';
import { badMetadataFieldName, describeValue, isHttpUrl, isRecord, isScopeToken, jsonBytes, utf8Bytes } from './values.ts';

/**
 * Effects of the methods that decide the login itself: deny and validation errors, token claims and
 * scopes, user and transaction metadata, MFA and linking, prompts, the password-reset result URL,
 * credentials-exchange target scopes and the Rules helper. Keys are `namespace.method`; a method
 * with different parameters per trigger (`access.deny`) reads them by name from its definition.
 */
export const CORE_EFFECTS: Readonly<Record<string, MethodEffect>> = {
  'access.deny': {
    command: true,
    run: (ctx, args) => stopFlow(ctx, { action: ctx.options.action, kind: 'deny', ...namedArgs(ctx, args) } as FlowStop),
  },
  'validation.error': {
    command: true,
    run(ctx, [errorCode, errorMessage]) {
      stopFlow(ctx, { action: ctx.options.action, kind: 'validation', errorCode: errorCode as string, errorMessage: errorMessage as string });
    },
  },

  'accessToken.setCustomClaim': { command: true, run: (ctx, [key, value]) => checkClaim(ctx, key as string, value) },
  'idToken.setCustomClaim': { command: true, run: (ctx, [key, value]) => checkClaim(ctx, key as string, value) },
  'accessToken.addScope': { command: true, run: (ctx, [scope]) => checkScope(ctx, 'scope', scope as string) },
  'accessToken.removeScope': { command: true, run: (ctx, [scope]) => checkScope(ctx, 'scope', scope as string) },

  'user.setAppMetadata': { command: true, run: (ctx, [key, value]) => checkUserMetadata(ctx, 'appMetadata', key as string, value) },
  'user.setUserMetadata': { command: true, run: (ctx, [key, value]) => checkUserMetadata(ctx, 'userMetadata', key as string, value) },

  'transaction.setMetadata': { command: true, run: (ctx, [key, value]) => checkTransactionMetadata(ctx, key as string, value) },
  'transaction.setResultUrl': { command: true, run: (ctx, [url]) => checkUrl(ctx, url as string) },
  'transaction.addTargetScope': { command: true, run: (ctx, [scope]) => checkScope(ctx, 'scope', scope as string) },
  'transaction.removeTargetScope': { command: true, run: (ctx, [scope]) => checkScope(ctx, 'scope', scope as string) },
  'transaction.setTargetScopes': {
    command: true,
    run: (ctx, [scopes]) => (scopes as string[]).forEach((s, i) => checkScope(ctx, `scopes[${i}]`, s)),
  },
  'transaction.clearTargetScopes': RECORD,

  'authentication.challengeWith': RECORD,
  'authentication.challengeWithAny': { command: true, run: (ctx, [factors]) => checkNotEmpty(ctx, 'factors', factors as unknown[]) },
  'authentication.enrollWith': RECORD,
  'authentication.enrollWithAny': { command: true, run: (ctx, [factors]) => checkNotEmpty(ctx, 'factors', factors as unknown[]) },
  'authentication.recordMethod': { command: true, run: (ctx, [url]) => checkUrl(ctx, url as string, 'provider_url') },
  'authentication.setPrimaryUser': { command: true, run: (ctx, [id]) => checkPrimaryUser(ctx, id as string) },

  'multifactor.enable': {
    command: true,
    run(ctx, [provider, options]) {
      if (provider === 'duo' && !(isRecord(options) && isRecord(options['providerOptions']))) {
        fail(ctx, 'the duo provider needs options.providerOptions with host, ikey and skey');
      }
    },
  },

  'prompt.render': {
    command: true,
    run(ctx, [promptId, options]) {
      if (promptId === '') fail(ctx, 'promptId must not be empty');
      if (!canRedirect(ctx.state)) {
        stopFlow(ctx, { action: ctx.options.action, kind: 'interaction-required', reason: whyNoRedirect(ctx.state) });
        return;
      }
      const o = (options ?? {}) as { fields?: Record<string, unknown>; vars?: Record<string, unknown> };
      ctx.state.prompt = { action: ctx.options.action, promptId: promptId as string, fields: o.fields ?? {}, vars: o.vars ?? {} };
      delete ctx.state.redirect;
    },
  },

  'rules.wasExecuted': { command: false, run: () => false },
};

// --- internal ---

function checkClaim(ctx: EffectContext, key: string, value: unknown): void {
  if (key === '') fail(ctx, 'key must not be empty');
  if (key.length > API_LIMITS.claimKeyChars) fail(ctx, `key is ${key.length} characters long; the limit is ${API_LIMITS.claimKeyChars}`);
  const bytes = jsonBytes(value);
  if (bytes > API_LIMITS.claimValueBytes) {
    fail(ctx, `the value of claim ${JSON.stringify(key)} is ${bytes} bytes as JSON; the limit is ${API_LIMITS.claimValueBytes}`);
  }
}

function checkScope(ctx: EffectContext, what: string, scope: string): void {
  if (scope.length > API_LIMITS.scopeChars) fail(ctx, `${what} is ${scope.length} characters long; the limit is ${API_LIMITS.scopeChars}`);
  if (!isScopeToken(scope)) {
    fail(ctx, `${what} must be one scope (printable ASCII without spaces, quotes or backslashes), got ${describeValue(scope)}`);
  }
}

function checkUrl(ctx: EffectContext, url: string, what = 'url'): void {
  if (!isHttpUrl(url)) fail(ctx, `${what} must be an absolute http(s) URL, got ${describeValue(url)}`);
}

function checkNotEmpty(ctx: EffectContext, what: string, list: readonly unknown[]): void {
  if (list.length === 0) fail(ctx, `${what} must list at least one factor`);
}

function checkUserMetadata(ctx: EffectContext, kind: 'appMetadata' | 'userMetadata', key: string, value: unknown): void {
  if (key === '') fail(ctx, 'key must not be empty');
  if (key.length > API_LIMITS.metadataKeyChars) fail(ctx, `key is ${key.length} characters long; the limit is ${API_LIMITS.metadataKeyChars}`);
  const bad = badMetadataFieldName(key, value);
  if (bad !== undefined) fail(ctx, `metadata field names must not contain "." or "$", got ${describeValue(bad)}`);
  const entries = tallyOf(ctx.state)[kind];
  const total = patchBytes(entries, { key, bytes: patchEntryBytes(key, value ?? null) });
  if (total > API_LIMITS.metadataPatchBytes) {
    const name = kind === 'appMetadata' ? 'app_metadata' : 'user_metadata';
    fail(ctx, `the ${name} changes of this flow would be ${total} bytes as JSON; the limit is ${API_LIMITS.metadataPatchBytes}`);
  }
}

function checkTransactionMetadata(ctx: EffectContext, key: string, value: unknown): void {
  const L = API_LIMITS;
  if (key === '') fail(ctx, 'key must not be empty');
  if (key.length > L.transactionMetadataKeyChars) fail(ctx, `key is ${key.length} characters long; the limit is ${L.transactionMetadataKeyChars}`);
  if (typeof value === 'number' && !Number.isSafeInteger(value)) fail(ctx, `numbers must be safe integers, got ${value}`);
  if (typeof value === 'string' && utf8Bytes(value) > L.transactionMetadataValueBytes) {
    fail(ctx, `value is ${utf8Bytes(value)} bytes; the limit is ${L.transactionMetadataValueBytes}`);
  }
  const transaction = ctx.state.event['transaction'];
  const current = isRecord(transaction) && isRecord(transaction['metadata']) ? transaction['metadata'] : {};
  const next: Record<string, unknown> = { ...current };
  if (value === null) delete next[key];
  else Object.defineProperty(next, key, { value, enumerable: true });
  const total = jsonBytes(next);
  if (total > L.transactionMetadataTotalBytes) {
    fail(ctx, `event.transaction.metadata would be ${total} bytes as JSON; the limit is ${L.transactionMetadataTotalBytes}`);
  }
}

function checkPrimaryUser(ctx: EffectContext, id: string): void {
  if (id === '') fail(ctx, 'primary_user_id must not be empty');
  if (id.length > API_LIMITS.primaryUserIdChars) {
    fail(ctx, `primary_user_id is ${id.length} characters long; the limit is ${API_LIMITS.primaryUserIdChars}`);
  }
  if (tallyOf(ctx.state).primaryUser) fail(ctx, 'can only be called once per transaction');
}
