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
  axios: { file: 'index.js', code: `const axios = require('axios');\nexports.onExecutePostLogin = async (event, api) => {\n  const res = await axios.post('https://api.example.com/users', { id: event.user.user_id }, { adapter: 'fetch', timeout: 5000 });\n  api.idToken.setCustomClaim('axios', { status: res.status, data: res.data });\n};\n` },
  dayjs: { file: 'index.js', code: `const dayjs = require('dayjs');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('dayjs', dayjs('2026-01-31T12:00:00Z').add(1, 'day').format('YYYY-MM-DD'));\n};\n` },
  validator: { file: 'index.js', code: `const validator = require('validator');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('validator', { email: validator.isEmail(event.user.email), bad: validator.isEmail('nope@'), uuid: validator.isUUID('6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b') });\n};\n` },
  'libphonenumber-js': { file: 'index.js', code: `const { parsePhoneNumberFromString } = require('libphonenumber-js');\nexports.onExecutePostLogin = async (event, api) => {\n  const n = parsePhoneNumberFromString('+12133734253');\n  api.idToken.setCustomClaim('phone', { intl: n.formatInternational(), country: n.country, valid: n.isValid() });\n};\n` },
};

describe('popular npm packages run unchanged in the sandbox', () => {
  let registry: LocalRegistry;
  let versions: Record<string, string>;
  beforeAll(async () => {
    ({ registry, versions } = await registryFromNodeModules(PACKAGES));
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
    expect(claims['axios']).toEqual({ status: 201, data: { created: true } });
    expect(posted).toEqual([{ id: user.user_id }]);
    expect(claims['dayjs']).toBe('2026-02-01');
    expect(claims['validator']).toEqual({ email: true, bad: false, uuid: true });
    expect(claims['phone']).toEqual({ intl: '+1 213 373 4253', country: 'US', valid: true });
  });
});
