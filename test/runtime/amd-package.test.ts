import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import { useFixtureRegistry } from '../helpers/fixture-registry.ts';

const registry = useFixtureRegistry('amd-browser-build');

describe('a package whose browser build is AMD (as mailgun.js is)', () => {
  it('runs its AMD file as CommonJS for require(), and its ES module for import', async () => {
    const cjs = `const lib = require('amd-browser-build');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('cjs', [lib.format, lib.greet(event.user.name)]);\n};\n`;
    const esm = `import { format, greet } from 'amd-browser-build';\nexport const onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('esm', [format, greet('x')]);\n};\n`;
    const deps = { dependencies: { 'amd-browser-build': '1.0.0' } };
    const files = {
      ...action('with-require', { trigger: 'post-login', ...deps }, cjs),
      ...action('with-import', { trigger: 'post-login', ...deps }, esm, 'index.mjs'),
      ...flow('post-login', ['with-require', 'with-import']),
    };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success', 'success']);
    const claims = (r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;
    expect(claims).toEqual({ cjs: ['amd', `HELLO ${(event.user as { name: string }).name.toUpperCase()}!`], esm: ['esm', 'hello x'] });
  });
});
