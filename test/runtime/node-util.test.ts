import { Buffer } from 'node:buffer';
import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';

describe("require('util') and console in a built action", () => {
  it('inspect, format and console.log print as Node 20 does, Buffers included', async () => {
    const code = `const util = require('util');
exports.onExecutePostLogin = async (event, api) => {
  const user = { id: event.user.user_id, roles: ['admin', 'user'], nested: { a: { b: { c: 1 } } } };
  console.log('user %s logged in', event.user.email, user);
  console.log(Buffer.from('hi'));
  api.idToken.setCustomClaim('inspect', util.inspect(user, { depth: null }));
  api.idToken.setCustomClaim('format', util.format('%s has %d roles: %O', user.id, user.roles.length, user.roles));
  api.idToken.setCustomClaim('custom', typeof util.inspect.custom === 'symbol' && util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
};
`;
    const d = await deployFiles({ ...action('util-user', { trigger: 'post-login' }, code), ...flow('post-login', ['util-user']) });
    const event = sampleEvent('post-login@v3');
    const { user_id: id, email } = event.user as { user_id: string; email: string };
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    const user = { id, roles: ['admin', 'user'], nested: { a: { b: { c: 1 } } } };
    expect((r.commands as { idToken: { customClaims: unknown } }).idToken.customClaims).toEqual({
      inspect: inspect(user, { depth: null }),
      format: format('%s has %d roles: %O', id, 2, user.roles),
      custom: true,
    });
    expect(r.actions[0]!.logs.map((l) => l.message)).toEqual([format('user %s logged in', email, user), format(Buffer.from('hi'))]);
  });

  it('process.stdout and process.stderr write to the action\'s logs, and are not terminals (google-logging-utils reads isTTY at load)', async () => {
    const code = `exports.onExecutePostLogin = async (event, api) => {
  process.stdout.write('plain line\\n');
  process.stderr.write(new TextEncoder().encode('bytes without newline'));
  await new Promise((resolve) => process.stdout.write('with callback\\n', 'utf8', resolve));
  api.idToken.setCustomClaim('tty', [process.stdout.isTTY, process.stderr.isTTY, process.stdout.fd, process.stderr.fd]);
};
`;
    const d = await deployFiles({ ...action('stdout-user', { trigger: 'post-login' }, code), ...flow('post-login', ['stdout-user']) });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as { idToken: { customClaims: unknown } }).idToken.customClaims).toEqual({ tty: [false, false, 1, 2] });
    expect(r.actions[0]!.logs.map((l) => [l.level, l.message])).toEqual([['log', 'plain line'], ['error', 'bytes without newline'], ['log', 'with callback']]);
  });
});
