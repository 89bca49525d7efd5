import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import type { HostFetch } from '../../src/runtime/sandbox/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import type { LocalRegistry } from '../helpers/local-registry.ts';
import { registryFromNodeModules } from '../helpers/node-modules-registry.ts';

const PACKAGES = ['lodash', 'uuid', 'jose', 'jsonwebtoken', 'axios', 'dayjs', 'validator', 'libphonenumber-js'] as const;
const require = createRequire(import.meta.url);

/** One Auth0-style action per popular package, each making a basic call and reporting it as a claim. */
const ACTIONS: Record<(typeof PACKAGES)[number], { file: string; code: string }> = {
  lodash: { file: 'index.js', code: `const _ = require('lodash');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('lodash', { chunks: _.chunk([1, 2, 3, 4], 2), email: _.get(event, 'user.email'), kebab: _.kebabCase('Hello World') });\n};\n` },
  uuid: { file: 'index.ts', code: `import { v4, v5, validate } from 'uuid';\nexport const onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('uuid', { v4valid: validate(v4()), v5: v5('actuate', v5.URL) });\n};\n` },
  jose: { file: 'index.ts', code: `import { SignJWT, jwtVerify } from 'jose';\nexport const onExecutePostLogin = async (event, api) => {\n  const key = new TextEncoder().encode('a-very-long-shared-secret-for-hs256');\n  const token = await new SignJWT({ sub: event.user.user_id }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1700000000).sign(key);\n  const { payload } = await jwtVerify(token, key);\n  api.idToken.setCustomClaim('jose', { token, sub: payload.sub });\n};\n` },
  jsonwebtoken: { file: 'index.js', code: `const jwt = require('jsonwebtoken');\nexports.onExecutePostLogin = async (event, api) => {\n  const token = jwt.sign({ sub: event.user.user_id }, 'shared-secret', { algorithm: 'HS256', noTimestamp: true });\n  const decoded = jwt.verify(token, 'shared-secret');\n  api.idToken.setCustomClaim('jsonwebtoken', { token, sub: decoded.sub });\n};\n` },
  // Both adapters of axios's browser build: fetch, and XMLHttpRequest (the only one before axios 1.7).
  axios: { file: 'index.js', code: `const axios = require('axios');\nexports.onExecutePostLogin = async (event, api) => {\n  const res = await axios.post('https://api.example.com/users', { id: event.user.user_id }, { adapter: 'fetch', timeout: 5000 });\n  const xhr = await axios.post('https://api.example.com/users', { id: 'xhr' }, { adapter: 'xhr', timeout: 5000 });\n  api.idToken.setCustomClaim('axios', { status: res.status, data: res.data, xhr: [xhr.status, xhr.data, xhr.headers['content-type']] });\n};\n` },
  dayjs: { file: 'index.js', code: `const dayjs = require('dayjs');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('dayjs', dayjs('2026-01-31T12:00:00Z').add(1, 'day').format('YYYY-MM-DD'));\n};\n` },
  validator: { file: 'index.js', code: `const validator = require('validator');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('validator', { email: validator.isEmail(event.user.email), bad: validator.isEmail('nope@'), uuid: validator.isUUID('6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b') });\n};\n` },
  'libphonenumber-js': { file: 'index.js', code: `const { parsePhoneNumberFromString } = require('libphonenumber-js');\nexports.onExecutePostLogin = async (event, api) => {\n  const n = parsePhoneNumberFromString('+12133734253');\n  api.idToken.setCustomClaim('phone', { intl: n.formatInternational(), country: n.country, valid: n.isValid() });\n};\n` },
};

describe('popular npm packages run unchanged in the sandbox', () => {
  let registry: LocalRegistry;
  let versions: Record<string, string>;
  beforeAll(async () => {
    ({ registry, versions } = await registryFromNodeModules([...PACKAGES, 'auth0', 'twilio']));
  }, 120_000);
  afterAll(() => registry?.close());

  it('bundles and runs a basic call of each, with the same results as Node', async () => {
    const files: Record<string, string> = {};
    for (const name of PACKAGES) {
      const dir = name.replace(/[^a-z]/g, '-');
      Object.assign(files, action(dir, { trigger: 'post-login', dependencies: { [name]: versions[name]! } }, ACTIONS[name].code, ACTIONS[name].file));
    }
    Object.assign(files, flow('post-login', PACKAGES.map((n) => n.replace(/[^a-z]/g, '-'))));
    const posted: unknown[] = [];
    const stub: HostFetch = async (req) => {
      posted.push(JSON.parse(new TextDecoder().decode(req.body!)));
      return { url: req.url, status: 201, statusText: 'Created', headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{"created":true}'), redirected: false };
    };
    const d = await deployFiles(files, { fetch: stub }, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    const user = event.user as { user_id: string; email: string };
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.filter((a) => a.status !== 'success').map((a) => `${a.name}: ${a.error?.stack}`)).toEqual([]);
    const claims = (r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;

    const _ = require('lodash');
    expect(claims['lodash']).toEqual({ chunks: [[1, 2], [3, 4]], email: user.email, kebab: _.kebabCase('Hello World') });
    const { v5 } = await import('uuid');
    expect(claims['uuid']).toEqual({ v4valid: true, v5: v5('actuate', v5.URL) });
    const { SignJWT } = await import('jose');
    const joseToken = await new SignJWT({ sub: user.user_id }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1700000000).sign(new TextEncoder().encode('a-very-long-shared-secret-for-hs256'));
    expect(claims['jose']).toEqual({ token: joseToken, sub: user.user_id });
    const jwt = require('jsonwebtoken');
    expect(claims['jsonwebtoken']).toEqual({ token: jwt.sign({ sub: user.user_id }, 'shared-secret', { algorithm: 'HS256', noTimestamp: true }), sub: user.user_id });
    expect(claims['axios']).toEqual({ status: 201, data: { created: true }, xhr: [201, { created: true }, 'application/json'] });
    expect(posted).toEqual([{ id: user.user_id }, { id: 'xhr' }]);
    expect(claims['dayjs']).toBe('2026-02-01');
    expect(claims['validator']).toEqual({ email: true, bad: false, uuid: true });
    expect(claims['phone']).toEqual({ intl: '+1 213 373 4253', country: 'US', valid: true });
  });

  it("runs Auth0's own management SDK (auth0@4: token exchange, then a user update) against a stubbed tenant", async () => {
    const code = `const { ManagementClient } = require('auth0');
exports.onExecutePostLogin = async (event, api) => {
  const management = new ManagementClient({ domain: 'tenant.example.com', clientId: 'client-1', clientSecret: event.secrets.CLIENT_SECRET });
  const res = await management.users.update({ id: event.user.user_id }, { app_metadata: { last_login_country: event.request.geoip.countryCode } });
  api.idToken.setCustomClaim('auth0', { status: res.status, email: res.data.email });
};
`;
    const files = {
      ...action('mgmt', { trigger: 'post-login', dependencies: { auth0: versions['auth0']! }, secrets: ['CLIENT_SECRET'] }, code),
      ...flow('post-login', ['mgmt']),
    };
    const requests: { method: string; url: string; auth: string | undefined; body: unknown }[] = [];
    const stub: HostFetch = async (req) => {
      const text = req.body === null ? '' : new TextDecoder().decode(req.body);
      const auth = req.headers.find(([k]) => k.toLowerCase() === 'authorization')?.[1];
      requests.push({ method: req.method, url: req.url, auth, body: text === '' ? null : text.startsWith('{') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text)) });
      const reply = req.url.endsWith('/oauth/token') ? { access_token: 'mgmt-token', token_type: 'Bearer', expires_in: 86400 } : { user_id: 'auth0|1', email: 'j@example.com' };
      return { url: req.url, status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body: new TextEncoder().encode(JSON.stringify(reply)), redirected: false };
    };
    const d = await deployFiles(files, { fetch: stub, secrets: { file: { mgmt: { CLIENT_SECRET: 'shh' } } } }, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims['auth0']).toEqual({ status: 200, email: 'j@example.com' });
    const userId = (event.user as { user_id: string }).user_id;
    expect(requests).toEqual([
      { method: 'POST', url: 'https://tenant.example.com/oauth/token', auth: undefined, body: expect.objectContaining({ grant_type: 'client_credentials', client_id: 'client-1', client_secret: 'shh', audience: 'https://tenant.example.com/api/v2/' }) },
      {
        method: 'PATCH', url: `https://tenant.example.com/api/v2/users/${encodeURIComponent(userId)}`, auth: 'Bearer mgmt-token',
        body: { app_metadata: { last_login_country: (event.request as { geoip: { countryCode: string } }).geoip.countryCode } },
      },
    ]);
  });

  it('sends an SMS with twilio from a send-phone-message action, as in Auth0\'s custom provider guide', async () => {
    const code = `exports.onExecuteSendPhoneMessage = async (event, api) => {
  const { recipient, text } = event.message_options;
  const client = require('twilio')(event.secrets.TWILIO_ACCOUNT_SID, event.secrets.TWILIO_AUTH_TOKEN);
  const message = await client.messages.create({ body: text, from: event.secrets.TWILIO_FROM, to: recipient });
  console.log('sent', message.sid, message.status);
};
`;
    const sid = 'AC' + '0123456789abcdef'.repeat(2);
    const files = {
      ...action('sms', { trigger: 'send-phone-message', dependencies: { twilio: versions['twilio']! }, secrets: ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] }, code),
      ...flow('send-phone-message', ['sms']),
    };
    const requests: { method: string; url: string; auth: string | undefined; type: string | undefined; body: Record<string, string> }[] = [];
    const stub: HostFetch = async (req) => {
      const header = (name: string) => req.headers.find(([k]) => k.toLowerCase() === name)?.[1];
      requests.push({ method: req.method, url: req.url, auth: header('authorization'), type: header('content-type'), body: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(req.body!))) });
      const reply = { sid: 'SM' + 'f'.repeat(32), status: 'queued', to: '+4915112345678' };
      return { url: req.url, status: 201, statusText: 'Created', headers: [['content-type', 'application/json']], body: new TextEncoder().encode(JSON.stringify(reply)), redirected: false };
    };
    const secrets = { sms: { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'token-1', TWILIO_FROM: '+15005550006' } };
    const d = await deployFiles(files, { fetch: stub, secrets: { file: secrets } }, { registry: registry.url });
    const event = sampleEvent('send-phone-message@v2');
    const r = await runFlow(d, 'send-phone-message', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect(r.actions[0]!.logs.map((l) => l.message)).toEqual([`sent SM${'f'.repeat(32)} queued`]);
    const { recipient, text } = event.message_options as { recipient: string; text: string };
    expect(requests).toEqual([{
      method: 'POST', url: `https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`,
      auth: `Basic ${Buffer.from(`${sid}:token-1`).toString('base64')}`, type: expect.stringMatching(/^application\/x-www-form-urlencoded/),
      body: { Body: text, From: '+15005550006', To: recipient },
    }]);
  });
  it('formats dates in other time zones and locales (dayjs timezone plugin, toLocaleString, Intl) as Node does, at the event\'s time', async () => {
    // A business-hours rule as Auth0 users write it: the local hour of a fixed office time zone.
    const code = `const dayjs = require('dayjs');
dayjs.extend(require('dayjs/plugin/utc'));
dayjs.extend(require('dayjs/plugin/timezone'));
exports.onExecutePostLogin = async (event, api) => {
  const at = new Date(event.stats ? '2024-03-10T14:30:00Z' : 0);
  const hourInNewYork = Number(at.toLocaleString('en-US', { timeZone: 'America/New_York', hour: 'numeric', hour12: false }));
  if (hourInNewYork < 9 || hourInNewYork >= 17) api.access.deny('Outside office hours');
  api.idToken.setCustomClaim('time', {
    dayjs: dayjs(at).tz('Asia/Kolkata').format('YYYY-MM-DD HH:mm Z'),
    berlin: at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'short' }),
    price: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.5),
    hourInNewYork,
    local: [at.getHours(), at.toLocaleString()],
  });
};
`;
    const files = { ...action('office-hours', { trigger: 'post-login', dependencies: { dayjs: versions['dayjs']! } }, code), ...flow('post-login', ['office-hours']) };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => `${a.name}: ${a.status} ${a.error?.stack ?? ''}`)).toEqual(['office-hours: success ']);
    const claims = (r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;
    const at = new Date('2024-03-10T14:30:00Z');
    expect(claims['time']).toEqual({
      dayjs: '2024-03-10 20:00 +05:30',
      berlin: at.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'short' }),
      price: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.5),
      hourInNewYork: 10,
      local: [14, '3/10/2024, 2:30:00 PM'],
    });
  });
});
