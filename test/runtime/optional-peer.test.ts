import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import { useFixtureRegistry } from '../helpers/fixture-registry.ts';

const registry = useFixtureRegistry('needs-peer');

describe('a package that requires an optional peer that is not installed (as auth0@2 and 3 do)', () => {
  it('runs the paths that do not need it; the one that does throws Node\'s "Cannot find module"', async () => {
    const code = `const connect = require('needs-peer/optional.js');
exports.onExecutePostLogin = async (event, api) => {
  let proxied;
  try { connect(true); } catch (e) { proxied = [e.message, e.code]; }
  api.idToken.setCustomClaim('peer', { direct: connect(false), proxied });
};
`;
    const files = { ...action('peer', { trigger: 'post-login', dependencies: { 'needs-peer': '1.0.0' } }, code), ...flow('post-login', ['peer']) };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as { idToken: { customClaims: unknown } }).idToken.customClaims).toEqual({
      peer: { direct: 'direct', proxied: ["Cannot find module 'missing-peer' (it is not in the action's dependencies)", 'MODULE_NOT_FOUND'] },
    });
  });
});
