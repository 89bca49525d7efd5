import { readFileSync } from 'node:fs';
import { SignJWT, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { getTrigger, triggerKey } from '../../triggers/index.ts';
import { createApiCache, createApiHandler, createFlowState, redirectUrl, signHs256, verifyHs256 } from './index.ts';
import type { FlowState, RedirectOptions } from './index.ts';

/** `api.redirect` and `api.prompt`: suspension, `canRedirect`, and HS256 tokens checked against jose. */

const NOW = 1_800_000_000_000; // epoch ms
const SECRET = 'shared-secret-with-the-redirect-target';

function flow(id: string, patch: (event: Record<string, unknown>) => void = () => {}) {
  const def = getTrigger(id)!;
  const event = JSON.parse(readFileSync(new URL(`../../triggers/fixtures/${triggerKey(def)}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  patch(event);
  const state = createFlowState(def, event);
  const api = (redirect: Partial<RedirectOptions> = {}, handler: 'execute' | 'continue' = 'execute') => {
    const h = createApiHandler({
      state, action: 'redirector', handler, cache: createApiCache(),
      redirect: { transactionState: undefined, now: () => NOW, issuer: 'login.acme.example', ...redirect },
    });
    return (path: string, ...args: unknown[]) => {
      const [namespace, method] = path.split('.') as [string, string];
      return h({ namespace, method, args });
    };
  };
  return { state, api };
}

/** Puts a token where the resumed request carries it (query by default). */
function resumeWith(state: FlowState, token: string, where: 'query' | 'body' = 'query', name = 'session_token'): void {
  (state.event['request'] as Record<string, unknown>)[where] = { [name]: token };
}

describe('sendUserTo, prompt.render and canRedirect', () => {
  test('sendUserTo sets the redirect (last call wins) and is recorded', () => {
    const { state, api } = flow('post-login');
    const a = api();
    a('redirect.sendUserTo', 'https://a.example/one');
    a('redirect.sendUserTo', 'https://a.example/two?x=1', { query: { lang: 'en' } });
    expect(state.redirect).toEqual({ action: 'redirector', url: 'https://a.example/two?x=1', query: { lang: 'en' } });
    expect(state.commands.map((c) => c.method)).toEqual(['sendUserTo', 'sendUserTo']);
    expect(redirectUrl(state.redirect!, 'CONT')).toBe('https://a.example/two?x=1&lang=en&state=CONT');
  });

  test('sendUserTo needs an absolute http(s) URL and leaves `state` to Actuate', () => {
    const { state, api } = flow('password-reset-post-challenge');
    expect(() => api()('redirect.sendUserTo', '/relative')).toThrow(new TypeError('api.redirect.sendUserTo: url must be an absolute http(s) URL, got "/relative"'));
    expect(() => api()('redirect.sendUserTo', 'javascript:alert(1)')).toThrow('must be an absolute http(s) URL');
    expect(() => api()('redirect.sendUserTo', 'https://a.example', { query: { state: 'x' } })).toThrow('options.query must not set "state"');
    expect(() => api()('redirect.sendUserTo', 'https://a.example', { query: { n: 1 } })).toThrow('api.redirect.sendUserTo: options.query.n must be a string, got 1');
    expect(state.redirect).toBeUndefined();
    expect(state.commands).toEqual([]);
  });

  test.each([
    ['oauth2-refresh-token', undefined, 'the oauth2-refresh-token protocol cannot redirect the user'],
    ['oauth2-resource-owner', undefined, 'the oauth2-resource-owner protocol cannot redirect the user'],
    ['oidc-basic-profile', ['none'], 'the request used prompt=none, so the user cannot be redirected'],
  ])('where no redirect is possible (%s, prompt %j) canRedirect is false and sendUserTo stops the flow', (protocol, prompt, reason) => {
    const { state, api } = flow('post-login', (e) => {
      const t = e['transaction'] as Record<string, unknown>;
      t['protocol'] = protocol;
      if (prompt) t['prompt'] = prompt;
    });
    expect(api()('redirect.canRedirect')).toBe(false);
    api()('redirect.sendUserTo', 'https://a.example');
    expect(state.redirect).toBeUndefined();
    expect(state.stop).toEqual({ action: 'redirector', kind: 'interaction-required', reason });
  });

  test('canRedirect is true for a browser login', () => {
    expect(flow('post-login').api()('redirect.canRedirect')).toBe(true);
  });

  test('prompt.render suspends like a redirect; the later of the two wins', () => {
    const { state, api } = flow('post-login');
    const a = api();
    a('redirect.sendUserTo', 'https://a.example');
    a('prompt.render', 'ap_terms', { vars: { v: 2 } });
    expect(state.redirect).toBeUndefined();
    expect(state.prompt).toEqual({ action: 'redirector', promptId: 'ap_terms', fields: {}, vars: { v: 2 } });
    a('redirect.sendUserTo', 'https://b.example');
    expect(state.prompt).toBeUndefined();
    expect(state.redirect?.url).toBe('https://b.example');
  });
});

describe('encodeToken', () => {
  test('signs the payload with iss, sub, iat, exp, ip and state; jose verifies it', async () => {
    const { api } = flow('post-login');
    const token = api({ transactionState: 'tx-state' })('redirect.encodeToken', { payload: { step: 'terms', sub: 'forged', iss: 'forged' }, secret: SECRET }) as string;
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'], issuer: 'login.acme.example', currentDate: new Date(NOW),
    });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = NOW / 1000;
    expect(payload).toEqual({ step: 'terms', iss: 'login.acme.example', sub: 'auth0|6543a1b2c3d4e5f6a7b8c9d0', iat, exp: iat + 900, ip: '203.0.113.42', state: 'tx-state' });
  });

  test('expiresInSeconds sets exp; no state claim before the orchestrator knows one; subject and ip overrides', () => {
    const { api } = flow('post-login');
    const token = api({ subject: 'sub-x', ip: '192.0.2.1' })('redirect.encodeToken', { payload: {}, secret: SECRET, expiresInSeconds: 60 }) as string;
    expect(decodeJwt(token)).toEqual({ iss: 'login.acme.example', sub: 'sub-x', iat: NOW / 1000, exp: NOW / 1000 + 60, ip: '192.0.2.1' });
  });

  test('bad options are TypeErrors', () => {
    const a = flow('post-login').api();
    expect(() => a('redirect.encodeToken', { payload: {}, secret: '' })).toThrow('api.redirect.encodeToken: options.secret must not be empty');
    expect(() => a('redirect.encodeToken', { payload: {}, secret: 's', expiresInSeconds: 0 })).toThrow('options.expiresInSeconds must be between 1 and 86400, got 0');
    expect(() => a('redirect.encodeToken', { secret: 's' })).toThrow('api.redirect.encodeToken: options.payload must be an object, got undefined');
    expect(() => a('redirect.encodeToken', { payload: { big: 'x'.repeat(9000) }, secret: 's' })).toThrow('options.payload is 9010 bytes as JSON; the limit is 8192');
  });
});

describe('validateToken', () => {
  /** What the redirect target sends back: a token with the state it received. */
  const targetToken = (claims: Record<string, unknown>, secret = SECRET) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(NOW / 1000).setExpirationTime(NOW / 1000 + 300).sign(new TextEncoder().encode(secret));

  test('accepts a jose-signed token with the transaction state, from the query or the body, and returns its claims', async () => {
    const { state, api } = flow('post-login');
    resumeWith(state, await targetToken({ state: 'CONT', accepted: true }));
    const claims = api({ transactionState: 'CONT' }, 'continue')('redirect.validateToken', { secret: SECRET });
    expect(claims).toEqual({ state: 'CONT', accepted: true, iat: NOW / 1000, exp: NOW / 1000 + 300 });
    resumeWith(state, await targetToken({ state: 'CONT', n: 2 }), 'body', 'token');
    expect(api({ transactionState: 'CONT' })('redirect.validateToken', { secret: SECRET, tokenParameterName: 'token' })).toMatchObject({ n: 2 });
  });

  test('round trip: encodeToken output validates when it carries the state', () => {
    const { state, api } = flow('password-reset-post-challenge');
    const a = api({ transactionState: 'CONT' });
    resumeWith(state, a('redirect.encodeToken', { payload: { ok: 1 }, secret: SECRET }) as string);
    expect(a('redirect.validateToken', { secret: SECRET })).toMatchObject({ ok: 1, state: 'CONT', iss: 'login.acme.example' });
  });

  test.each([
    ['a wrong secret', async () => targetToken({ state: 'CONT' }, 'other-secret'), 'its signature does not match (wrong secret, or the token was changed)'],
    ['a tampered payload', async () => tamper(await targetToken({ state: 'CONT', role: 'user' })), 'its signature does not match'],
    ['another state', async () => targetToken({ state: 'OTHER' }), 'its "state" claim does not match this transaction'],
    ['no state', async () => targetToken({}), 'its "state" claim does not match this transaction'],
    ['an expired token', async () => new SignJWT({ state: 'CONT' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(NOW / 1000 - 1).sign(new TextEncoder().encode(SECRET)), 'it expired at'],
    ['no exp', async () => new SignJWT({ state: 'CONT' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET)), 'it has no numeric `exp` claim'],
    ['another algorithm', async () => new SignJWT({ state: 'CONT' }).setProtectedHeader({ alg: 'HS512' }).setExpirationTime(NOW / 1000 + 60).sign(new TextEncoder().encode(SECRET)), 'it is signed with "HS512", not HS256'],
    ['an unsigned token', async () => `${b64({ alg: 'none' })}.${b64({ state: 'CONT', exp: NOW / 1000 + 60 })}.`, 'it is signed with "none", not HS256'],
    ['garbage', async () => 'not-a-jwt', 'it is not a JWT'],
  ])('refuses %s with an Error saying why', async (_name, make, reason) => {
    const { state, api } = flow('post-login');
    resumeWith(state, await make());
    const call = () => api({ transactionState: 'CONT' }, 'continue')('redirect.validateToken', { secret: SECRET });
    expect(call).toThrow(reason);
    expect(call).toThrow(/^api\.redirect\.validateToken: the token in "session_token" was refused: /);
    try {
      call();
    } catch (e) {
      expect((e as Error).constructor).toBe(Error);
    }
  });

  test('without a token or without a transaction state it throws a clear Error', async () => {
    const { state, api } = flow('post-login');
    expect(() => api({ transactionState: 'CONT' })('redirect.validateToken', { secret: SECRET })).toThrow(
      'api.redirect.validateToken: the request that resumed the flow has no "session_token" parameter in its query or body',
    );
    resumeWith(state, await targetToken({ state: 'CONT' }));
    expect(() => api()('redirect.validateToken', { secret: SECRET })).toThrow('there is no transaction state to check the token against');
  });
});

describe('hs256', () => {
  test('signHs256 output is what jose produces for the same header and claims', async () => {
    const claims = { a: 1, b: 'é', exp: NOW / 1000 + 10 };
    const ours = signHs256(claims, SECRET);
    const theirs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET));
    expect(ours).toBe(theirs);
    expect(decodeProtectedHeader(ours)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(verifyHs256(ours, SECRET, NOW)).toEqual({ ok: true, claims });
    expect(verifyHs256(ours, SECRET, NOW + 10_000)).toMatchObject({ ok: false });
  });
});

function b64(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function tamper(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${h}.${b64({ ...claims, role: 'admin' })}.${s}`;
}
