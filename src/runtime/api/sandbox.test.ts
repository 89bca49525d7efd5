import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getTrigger } from '../../triggers/index.ts';
import { createApiOp, createSandboxModule, loadSandboxContext, toGuestApiShape } from '../sandbox/index.ts';
import type { SandboxContext, SandboxModule } from '../sandbox/index.ts';
import { createApiCache, createApiHandler, createFlowState, mergeCommands } from './index.ts';
import type { PostLoginCommands } from './index.ts';

/**
 * The api handler behind a real QuickJS sandbox: chaining, value returns, async methods, a bad
 * argument arriving in the action as a TypeError it can catch, and what later actions see.
 */

const def = getTrigger('post-login')!;
const event = JSON.parse(readFileSync(new URL('../../triggers/fixtures/post-login@v3.json', import.meta.url), 'utf8')) as Record<string, unknown>;
let module: SandboxModule;
let ctx: SandboxContext;

beforeAll(async () => {
  module = await createSandboxModule();
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = (function () { var exports = {};
      exports.onExecutePostLogin = async (event, api) => {
        if (event.user.app_metadata.step === 'second') {
          console.log('plan seen by the second action:', event.user.app_metadata.plan);
          return;
        }
        api.accessToken.setCustomClaim('https://acme.example/plan', 'pro').user.setAppMetadata('plan', 'enterprise');
        api.user.setAppMetadata('step', 'second');
        console.log('own event unchanged:', event.user.app_metadata.plan);
        console.log('canRedirect:', api.redirect.canRedirect());
        console.log('cache:', JSON.stringify(api.cache.set('k', 'v', { ttl: 1000 }).type), JSON.stringify(api.cache.get('k').value));
        console.log('groups:', JSON.stringify(await api.groups.getUserGroups()));
        try {
          api.access.deny(42);
        } catch (e) {
          console.log('caught', e instanceof TypeError, e.message);
        }
        try {
          api.authentication.recordMethod('https://m.example');
        } catch (e) {
          console.log('caught', e.name, e.message);
        }
        try {
          api.redirect.validateToken({ secret: 's' });
        } catch (e) {
          console.log('caught', e.name, e.message);
        }
      };
      return exports; })();`,
  });
  if (!r.ok) throw new Error(r.error.stack);
  ctx = r.context;
});

afterAll(() => ctx?.dispose());

test('an action calls the api through the sandbox; a later action sees the metadata it set', async () => {
  const state = createFlowState(def, event);
  const cache = createApiCache();
  const spec = { key: 'post-login@v3#execute', shape: toGuestApiShape(def.api) };
  const run = (action: string) =>
    ctx.invoke(def.handlers.execute, JSON.stringify(state.event), {
      api: spec,
      ops: { api: createApiOp(createApiHandler({ state, action, handler: 'execute', cache, redirect: { transactionState: undefined, issuer: 'acme.example' } })) },
    });
  const first = await run('first');
  expect(first.ok).toBe(true);
  expect(first.logs.map((l) => l.message)).toEqual([
    'own event unchanged: pro',
    'canRedirect: true',
    'cache: "success" "v"',
    'groups: {"groups":[]}',
    'caught true api.access.deny: reason must be a string, got 42',
    'caught TypeError api.authentication.recordMethod can only be called from onContinuePostLogin',
    'caught Error api.redirect.validateToken: the request that resumed the flow has no "session_token" parameter in its query or body',
  ]);
  expect(state.stop).toBeUndefined(); // the refused deny recorded nothing
  const second = await run('second');
  expect(second.logs.map((l) => l.message)).toEqual(['plan seen by the second action: enterprise']);
  const merged = mergeCommands(state) as PostLoginCommands;
  expect(merged.accessToken.customClaims).toEqual({ 'https://acme.example/plan': 'pro' });
  expect(merged.user.appMetadata).toEqual({ plan: 'enterprise', step: 'second' });
});
