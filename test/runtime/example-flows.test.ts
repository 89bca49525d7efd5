import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow, type FlowResult } from '../../src/runtime/index.ts';
import type { HostFetch } from '../../src/runtime/sandbox/index.ts';
import { deployDir } from '../helpers/deploy.ts';
import type { LocalRegistry } from '../helpers/local-registry.ts';
import { registryFromNodeModules } from '../helpers/node-modules-registry.ts';

const EXAMPLE = fileURLToPath(new URL('../../actions-example/', import.meta.url));
const read = (rel: string) => JSON.parse(readFileSync(new URL(rel, `file://${EXAMPLE}`), 'utf8')) as Record<string, unknown>;

/** What each sample event must produce (actions-example/README.md describes the same). */
const EXPECTED: Record<string, FlowResult['outcome']> = {
  'credentials-exchange/default.json': 'success',
  'credentials-exchange/free-plan-admin-scope.json': 'denied',
  'password-reset-post-challenge/admin-without-mfa.json': 'denied',
  'password-reset-post-challenge/default.json': 'success',
  'post-change-password/default.json': 'success',
  'post-login/admin-after-mfa.json': 'success',
  'post-login/admin.json': 'success',
  'post-login/default.json': 'success',
  'post-login/terms-outdated.json': 'redirect',
  'post-login/unverified-email.json': 'denied',
  'post-user-registration/default.json': 'success',
  'pre-user-registration/default.json': 'success',
  'pre-user-registration/disposable-email.json': 'denied',
  'send-phone-message/default.json': 'success',
  'send-phone-message/voice-challenge.json': 'success',
};

describe('actions-example flows in the sandbox', () => {
  // The example declares ms@2.1.3; serve it from this project's node_modules, not the public registry.
  let registry: LocalRegistry;
  beforeAll(async () => {
    ({ registry } = await registryFromNodeModules(['ms']));
  });
  afterAll(() => registry?.close());

  it('gives the documented outcome for every sample event, calling the providers it should', async () => {
    const calls: string[] = [];
    const stub: HostFetch = async (req) => {
      calls.push(`${req.method} ${new URL(req.url).hostname}`);
      return { url: req.url, status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{"sid":"SM1"}'), redirected: false };
    };
    const d = await deployDir(EXAMPLE, { secrets: { file: read('secrets.example.json') }, fetch: stub }, { registry: registry.url });
    const seen: string[] = [];
    for (const trigger of readdirSync(`${EXAMPLE}events`)) {
      for (const file of readdirSync(`${EXAMPLE}events/${trigger}`)) {
        const key = `${trigger}/${file}`;
        seen.push(key);
        const r = await runFlow(d, trigger, read(`events/${key}`));
        expect({ key, outcome: r.outcome, error: r.error?.message }).toEqual({ key, outcome: EXPECTED[key], error: undefined });
      }
    }
    expect(seen.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(calls).toContain('POST crm.example.com');
    expect(calls).toContain('POST notify.example.com');
    expect(calls).toContain('POST sms.example.com');
  });
});
