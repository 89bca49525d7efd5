import { action, flow } from './actions.ts';
import { sampleEvent } from './deploy.ts';

/**
 * A repo with a flow for every seed trigger, each action doing ordinary work (api calls, cache,
 * console, timers, URL, crypto), for long-running pool tests. Post-login has a second action that
 * redirects when `event.user.app_metadata.redirect` is set; `app_metadata.fail` makes the first
 * action throw (its context is discarded and reloaded).
 */
export function seedTriggerRepo(): Record<string, string> {
  const js = (body: string) => `// @ts-nocheck\n${body}`;
  return {
    ...action('login-claims', { trigger: 'post-login' }, js(`
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.fail) throw new Error('asked to fail');
  const seen = api.cache.get('seen');
  api.cache.set('seen', String(Number(seen?.value ?? 0) + 1));
  api.idToken.setCustomClaim('https://x/id', crypto.randomUUID());
  api.accessToken.setCustomClaim('https://x/host', new URL(event.request.query.redirect_uri).host);
  api.user.setAppMetadata('last_login', event.user.user_id);
  console.log('login', event.user.email);
  if (event.user.user_id.length % 2 === 0) await new Promise((r) => setTimeout(r, 0));
};
`)),
    ...action('login-consent', { trigger: 'post-login' }, js(`
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.redirect) api.redirect.sendUserTo('https://consent.example.com/', { query: { u: event.user.user_id } });
};
exports.onContinuePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x/consented', true);
};
`)),
    ...flow('post-login', ['login-claims', 'login-consent']),
    ...action('m2m', { trigger: 'credentials-exchange' }, js(`
exports.onExecuteCredentialsExchange = async (event, api) => {
  api.accessToken.setCustomClaim('https://x/client', event.client.client_id);
  api.cache.set('client', event.client.client_id);
};
`)),
    ...flow('credentials-exchange', ['m2m']),
    ...action('pre-reg', { trigger: 'pre-user-registration' }, js(`
exports.onExecutePreUserRegistration = async (event, api) => {
  api.user.setUserMetadata('signup_ip', event.request.ip);
};
`)),
    ...flow('pre-user-registration', ['pre-reg']),
    ...action('post-reg', { trigger: 'post-user-registration' }, js(`
exports.onExecutePostUserRegistration = async (event, api) => {
  api.cache.set('last_signup', event.user.user_id);
  console.log('registered', event.user.user_id);
};
`)),
    ...flow('post-user-registration', ['post-reg']),
    ...action('pw-changed', { trigger: 'post-change-password' }, js(`
exports.onExecutePostChangePassword = async (event) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(event.user.email));
  console.log('password changed', new Uint8Array(digest).length);
};
`)),
    ...flow('post-change-password', ['pw-changed']),
    ...action('sms', { trigger: 'send-phone-message' }, js(`
exports.onExecuteSendPhoneMessage = async (event) => {
  console.log('send', event.message_options.message_type, event.message_options.recipient.length);
};
`)),
    ...flow('send-phone-message', ['sms']),
    ...action('reset', { trigger: 'password-reset-post-challenge' }, js(`
exports.onExecutePostChallenge = async (event) => {
  console.log('reset', event.user.user_id, btoa(event.user.email));
};
`)),
    ...flow('password-reset-post-challenge', ['reset']),
  };
}

/** One execution of the mix: which trigger, its event, and the outcome it must have. */
export interface SeedCase {
  readonly trigger: string;
  readonly event: Record<string, unknown>;
  readonly expect: 'success' | 'error' | 'redirect';
}

const SAMPLES: Record<string, string> = {
  'post-login': 'post-login@v3', 'credentials-exchange': 'credentials-exchange@v2', 'pre-user-registration': 'pre-user-registration@v2',
  'post-user-registration': 'post-user-registration@v2', 'post-change-password': 'post-change-password@v2',
  'send-phone-message': 'send-phone-message@v2', 'password-reset-post-challenge': 'password-reset-post-challenge@v1',
};

/** The i-th execution of a deterministic mix over every seed trigger (1 in 25 logins fails, 1 in 10 redirects). */
export function seedCase(i: number): SeedCase {
  const triggers = Object.keys(SAMPLES);
  const trigger = triggers[i % triggers.length]!;
  const event = sampleEvent(SAMPLES[trigger]!);
  const user = event['user'] as Record<string, unknown> | undefined;
  if (user) event['user'] = { ...user, user_id: `auth0|leak${i}`, email: `leak${i}@acme.example` };
  if (trigger !== 'post-login') return { trigger, event, expect: 'success' };
  const fail = i % 25 === 0;
  const redirect = !fail && i % 10 === 0;
  event['user'] = { ...(event['user'] as object), app_metadata: { fail, redirect } };
  return { trigger, event, expect: fail ? 'error' : redirect ? 'redirect' : 'success' };
}
