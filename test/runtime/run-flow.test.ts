import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { continueFlow, runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';

const login = (over: Record<string, unknown> = {}) => sampleEvent('post-login@v3', over);

describe('runFlow', () => {
  it('runs actions in order, merges their commands and reflects metadata for later actions', async () => {
    const d = await deployFiles({
      ...action('first', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {\n  api.user.setAppMetadata('plan', 'gold');\n  api.transaction.setMetadata('step', 1);\n  api.idToken.setCustomClaim('https://x/first', true);\n  console.log('hello from first', event.user.email);\n};\n`),
      ...action('second', { trigger: 'post-login' }, `export const onExecutePostLogin = async (event, api) => {\n  api.accessToken.setCustomClaim('https://x/plan', event.user.app_metadata.plan);\n  api.accessToken.setCustomClaim('https://x/step', event.transaction?.metadata?.step);\n};\n`, 'index.ts'),
      ...flow('post-login', ['first', 'second']),
    });
    const r = await runFlow(d, 'post-login', login());
    expect(r.outcome).toBe('success');
    expect(r.actions.map((a) => [a.name, a.status])).toEqual([['first', 'success'], ['second', 'success']]);
    expect(r.actions[0]!.logs.map((l) => l.message)).toEqual([`hello from first ${login().user && (login().user as { email: string }).email}`]);
    expect(JSON.stringify(r.commands)).toContain('"https://x/plan":"gold"');
    expect(JSON.stringify(r.commands)).toContain('"https://x/step":1');
    expect(JSON.stringify(r.commands)).toContain('"plan":"gold"');
  });

  it('stops after access.deny, keeps earlier metadata, and skips later actions', async () => {
    const d = await deployFiles({
      ...action('meta', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.user.setUserMetadata('seen', true); };\n`),
      ...action('deny', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.access.deny('not today'); };\n`),
      ...action('never', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('x', 1); };\n`),
      ...flow('post-login', ['meta', 'deny', 'never']),
    });
    const r = await runFlow(d, 'post-login', login());
    expect(r.outcome).toBe('denied');
    expect(r.denied).toMatchObject({ action: 'deny' });
    expect(JSON.stringify(r.denied)).toContain('not today');
    expect(r.actions.map((a) => a.status)).toEqual(['success', 'denied', 'skipped']);
    expect(JSON.stringify(r.commands)).toContain('"seen":true');
    expect(JSON.stringify(r.commands)).not.toContain('"x":1');
  });

  it('suspends on redirect and resumes the same action with a valid state; refuses tampered and expired states', async () => {
    const d = await deployFiles({
      ...action('before', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.user.setAppMetadata('before', 1); };\n`),
      ...action('consent', { trigger: 'post-login', secrets: ['SIGNING'] }, `exports.onExecutePostLogin = async (event, api) => {
  const token = api.redirect.encodeToken({ secret: event.secrets.SIGNING, payload: { ask: 'terms' } });
  api.redirect.sendUserTo('https://consent.example.com/terms', { query: { session_token: token } });
};
exports.onContinuePostLogin = async (event, api) => {
  const payload = api.redirect.validateToken({ secret: event.secrets.SIGNING, tokenParameterName: 'consent' });
  api.user.setAppMetadata('accepted', payload.accepted);
};
`),
      ...action('after', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('after', event.user.app_metadata.accepted === true); };\n`),
      ...flow('post-login', ['before', 'consent', 'after']),
    }, { secrets: { file: { consent: { SIGNING: 'a-long-signing-secret-value' } } } });
    const first = await runFlow(d, 'post-login', login());
    expect(first.outcome).toBe('redirect');
    expect(first.actions.map((a) => a.status)).toEqual(['success', 'redirect', 'skipped']);
    const url = new URL(first.redirect!.url);
    expect(url.origin + url.pathname).toBe('https://consent.example.com/terms');
    expect(url.searchParams.get('state')).toBe(first.redirect!.state);
    expect(url.searchParams.get('session_token')).toMatch(/^ey/);

    // The consent site answers with its own HS256 token carrying the state, as Auth0 requires.
    const { SignJWT } = await import('jose');
    const consent = await new SignJWT({ accepted: true, state: first.redirect!.state })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('auth0|user').setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-long-signing-secret-value'));
    const resumedEvent = login({ request: { ...(login().request as object), body: { consent } } });
    const resumed = await continueFlow(d, 'post-login', first.redirect!.state, resumedEvent);
    expect(resumed.executionId).toBe(first.executionId);
    expect(resumed.outcome).toBe('success');
    expect(resumed.actions.map((a) => [a.name, a.handler, a.status])).toEqual([['consent', 'onContinuePostLogin', 'success'], ['after', 'onExecutePostLogin', 'success']]);
    expect(JSON.stringify(resumed.commands)).toContain('"before":1');
    expect(JSON.stringify(resumed.commands)).toContain('"accepted":true');
    expect(JSON.stringify(resumed.commands)).toContain('"after":true');

    const tampered = first.redirect!.state.slice(0, -4) + 'AAAA';
    const bad = await continueFlow(d, 'post-login', tampered, resumedEvent);
    expect(bad.outcome).toBe('rejected');
    expect(bad.problems![0]!.message).toMatch(/not signed by this runner|not valid/);
    const late = await continueFlow(d, 'post-login', first.redirect!.state, resumedEvent, { now: () => Date.now() + 3600_000 });
    expect(late.outcome).toBe('rejected');
    expect(late.problems![0]!.message).toContain('expired');
  });

  it('fails the flow on an uncaught error with a stack mapped to the user\'s TypeScript file', async () => {
    const d = await deployFiles({
      ...action('boom', { trigger: 'post-login' }, `import { check } from './check.ts';\n\nexport const onExecutePostLogin = async (event, api) => {\n  check(event.user.email ?? '');\n};\n`, 'index.ts'),
      'actions/boom/check.ts': `export function check(email: string): void {\n  if (email.length > 0) {\n    throw new Error('bad email ' + email);\n  }\n}\n`,
      ...flow('post-login', ['boom']),
    });
    const r = await runFlow(d, 'post-login', login());
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ action: 'boom', kind: 'error', name: 'Error' });
    expect(r.error!.message).toContain('bad email');
    expect(r.error!.stack).toContain('actions/boom/check.ts:3:');
  });

  it('maps the stack of an error the action logs, as it maps a thrown one', async () => {
    const d = await deployFiles({
      ...action('logs-error', { trigger: 'post-login' }, `import { check } from './check.ts';\n\nexport const onExecutePostLogin = async () => {\n  try {\n    check();\n  } catch (err) {\n    console.error('check failed:', err);\n  }\n};\n`, 'index.ts'),
      'actions/logs-error/check.ts': `export function check(): void {\n  throw new TypeError('not today');\n}\n`,
      ...flow('post-login', ['logs-error']),
    });
    const r = await runFlow(d, 'post-login', login());
    expect(r.outcome).toBe('success');
    const [line] = r.actions[0]!.logs.map((l) => l.message);
    expect(line).toMatch(/^check failed: TypeError: not today\n {4}at \S+ \(actions\/logs-error\/check\.ts:2:\d+\)\n {4}at .*actions\/logs-error\/index\.ts:5:\d+/);
    expect(line).not.toContain('bundle:');
  });

  it('gives each action only its own secrets and redacts them from logs and errors', async () => {
    const d = await deployFiles({
      ...action('a', { trigger: 'post-login', secrets: ['API_KEY'] }, `exports.onExecutePostLogin = async (event) => { console.log('key is', event.secrets.API_KEY, Object.keys(event.secrets)); };\n`),
      ...action('b', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event) => { console.log(JSON.stringify(event.secrets)); throw new Error('no ' + event.secrets.API_KEY); };\n`),
      ...flow('post-login', ['a', 'b']),
    }, { secrets: { file: { a: { API_KEY: 'sk_live_abcdef123456' } } } });
    const r = await runFlow(d, 'post-login', login({ secrets: { API_KEY: 'injected-by-caller' } }));
    expect(r.actions[0]!.logs[0]!.message).toMatch(/^key is \[REDACTED:API_KEY\] \[ .API_KEY. \]$/);
    expect(r.actions[1]!.logs[0]!.message).toBe('{}');
    expect(r.error!.message).toBe('no undefined');
    expect(JSON.stringify(r)).not.toContain('sk_live_abcdef123456');
  });

  it('refuses to load when a declared secret has no value', async () => {
    await expect(deployFiles({
      ...action('a', { trigger: 'post-login', secrets: ['MISSING'] }, `exports.onExecutePostLogin = async () => {};\n`),
      ...flow('post-login', ['a']),
    })).rejects.toThrow(/E_SECRET_MISSING[\s\S]*ACTUATE_SECRET_A_MISSING/);
  });

  it('ends an infinite loop and deep recursion with clear errors, and the next execution works', async () => {
    const d = await deployFiles({
      ...action('spin', { trigger: 'post-login', limits: { timeoutMs: 200 } }, `exports.onExecutePostLogin = async (event, api) => {\n  if (event.user.name === 'loop') { await null; for (;;) {} }\n  if (event.user.name === 'deep') { const f = (n) => f(n + 1) + 1; f(0); }\n  api.idToken.setCustomClaim('ok', true);\n};\n`),
      ...flow('post-login', ['spin']),
    });
    const user = login().user as Record<string, unknown>;
    const loop = await runFlow(d, 'post-login', login({ user: { ...user, name: 'loop' } }));
    expect(loop.outcome).toBe('error');
    expect(loop.error!.kind).toBe('timeout');
    const deep = await runFlow(d, 'post-login', login({ user: { ...user, name: 'deep' } }));
    expect(deep.outcome).toBe('error');
    expect(deep.error!.kind).toBe('stack');
    const fine = await runFlow(d, 'post-login', login());
    expect(fine.outcome).toBe('success');
  });

  it('refuses fetch outside the egress allow-list and to private addresses', async () => {
    const server = createServer((_req, res) => res.end('{"ok":true}')).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const d = await deployFiles({
        'actuate.json': JSON.stringify({ egress: { allow: ['api.example.com'] } }),
        ...action('net', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {\n  await fetch('http://127.0.0.1:${port}/');\n};\n`),
        ...flow('post-login', ['net']),
      });
      const r = await runFlow(d, 'post-login', login());
      expect(r.outcome).toBe('error');
      expect(r.error!.message).toMatch(/refused/);
    } finally {
      server.close();
    }
  });

  it('rejects an event that does not match the trigger schema, naming the fields', async () => {
    const d = await deployFiles({ ...action('a', { trigger: 'post-login' }, `exports.onExecutePostLogin = async () => {};\n`), ...flow('post-login', ['a']) });
    const user = login().user as Record<string, unknown>;
    const r = await runFlow(d, 'post-login', login({ user: { ...user, email_verified: 'yes' } }));
    expect(r.outcome).toBe('rejected');
    expect(r.problems).toContainEqual(expect.objectContaining({ pointer: '/user/email_verified' }));
    expect(r.actions).toEqual([]);
  });

  it('sends each action only the event sections its handlers read, when the build could tell; the whole event otherwise', async () => {
    const d = await deployFiles({
      // Reads user.email, request (destructured whole), transaction.id and its secrets: gets exactly those.
      ...action('sliced', { trigger: 'post-login', secrets: ['K'] }, `exports.onExecutePostLogin = async (event, api) => {
  const { request } = event;
  api.idToken.setCustomClaim('https://x/seen', Object.keys(globalThis.__seen = { user: event.user.email, ip: request.ip, k: event.secrets.K }));
};
exports.onContinuePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://x/tx', event.transaction.id); };
`),
      // Enumerates the event: the analysis cannot tell, so it gets everything.
      ...action('whole', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x/keys', Object.keys(event).sort());
};
`),
      // Sees metadata reflected by the first action although it reads only user.
      ...action('reader', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x/plan', event.user.app_metadata.plan);
};
`),
      ...action('writer', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => { api.user.setAppMetadata('plan', 'gold'); };\n`),
      ...flow('post-login', ['writer', 'sliced', 'whole', 'reader']),
    }, { secrets: { file: { sliced: { K: 'secret-value-1234' } } } });
    const reads = Object.fromEntries(d.manifest.flows['post-login']!.actions.map((a) => [a.name, a.eventReads]));
    expect(reads).toEqual({ writer: [], sliced: ['request', 'secrets', 'transaction.id', 'user.email'], whole: undefined, reader: ['user.app_metadata'] });
    const event = login();
    const r = await runFlow(d, 'post-login', event);
    expect(r.outcome).toBe('success');
    const claims = (r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;
    expect(claims['https://x/seen']).toEqual(['user', 'ip', 'k']);
    expect(claims['https://x/keys']).toEqual([...Object.keys(event), 'secrets'].sort());
    expect(claims['https://x/plan']).toBe('gold');
  });
});
