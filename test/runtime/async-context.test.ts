import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import { useFixtureRegistry } from '../helpers/fixture-registry.ts';

const registry = useFixtureRegistry('uses-async-context');

describe('a package that imports async_hooks and diagnostics_channel (as undici, and so hibp, do)', () => {
  it('gets a working diagnostics_channel, and an async_hooks whose AsyncLocalStorage holds a store for the synchronous part of run()', async () => {
    const code = `const lib = require('uses-async-context');
exports.onExecutePostLogin = async (event, api) => {
  const seen = [];
  const onRequest = (message, name) => seen.push([name, message.url]);
  new lib.Request('https://before.example');
  lib.dc.subscribe('uses-async-context:request', onRequest);
  const r = new lib.Request('https://during.example');
  const unsubscribed = lib.channel.unsubscribe(onRequest);
  new lib.Request('https://after.example');
  const traced = [];
  const tracing = lib.dc.tracingChannel('login');
  tracing.subscribe({ start: (c) => traced.push('start ' + c.user), end: (c) => traced.push('end ' + c.result), asyncEnd: (c) => traced.push('asyncEnd ' + c.result) });
  const sum = tracing.traceSync((a, b) => a + b, { user: 'u1' }, undefined, 1, 2);
  await tracing.tracePromise(async () => 'ok', { user: 'u2' });
  const inside = lib.storage.run({ id: 7 }, () => lib.storage.getStore().id);
  const afterAwait = await lib.storage.run({ id: 8 }, async () => { await null; return lib.storage.getStore(); });
  api.idToken.setCustomClaim('ctx', {
    seen, unsubscribed, hasSubscribers: lib.channel.hasSubscribers, traced, sum,
    inScope: r.runInAsyncScope((x) => x * 2, null, 21), inside, afterAwait: afterAwait === undefined ? 'undefined' : afterAwait, outside: lib.storage.getStore() === undefined,
  });
};
`;
    const files = { ...action('ctx', { trigger: 'post-login', dependencies: { 'uses-async-context': '1.0.0' } }, code), ...flow('post-login', ['ctx']) };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims['ctx']).toEqual({
      seen: [['uses-async-context:request', 'https://during.example']],
      unsubscribed: true,
      hasSubscribers: false,
      traced: ['start u1', 'end 3', 'start u2', 'end undefined', 'asyncEnd ok'],
      sum: 3,
      inScope: 42,
      inside: 7,
      // Node keeps { id: 8 } across the await; the stand-in cannot (the build's warning says so).
      afterAwait: 'undefined',
      outside: true,
    });
  });
});
