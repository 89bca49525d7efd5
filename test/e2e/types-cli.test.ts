import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { action, flow } from '../helpers/actions.ts';
import { runCli } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git-repo.ts';

const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

describe('actuate types (CLI)', () => {
  it('writes declarations and editor configs that tsc accepts, and that catch mistakes', () => {
    const repo = gitRepo({
      ...action('ok', { trigger: 'post-login' }, `/**\n * @param {Actuate.PostLogin.Event} event\n * @param {Actuate.PostLogin.API} api\n */\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('x', event.user.email);\n};\n`),
      ...action('typed', { trigger: 'credentials-exchange' }, `import type { Event, CredentialsExchangeAPI } from '@auth0/actions/credentials-exchange/v2';\nexport const onExecuteCredentialsExchange = async (event: Event, api: CredentialsExchangeAPI) => {\n  api.access.deny('invalid_scope', event.client.name);\n};\n`, 'index.ts'),
      ...flow('post-login', ['ok']),
    });
    const r = runCli(['types', repo.dir]);
    expect(r.status).toBe(0);
    for (const f of ['.actuate/types/triggers.d.ts', '.actuate/types/globals.d.ts', 'tsconfig.json', 'jsconfig.json']) expect(existsSync(path.join(repo.dir, f))).toBe(true);
    const clean = spawnSync(process.execPath, [TSC, '-p', path.join(repo.dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(clean.stdout).toBe('');
    expect(clean.status).toBe(0);

    repo.write({ 'actions/ok/index.js': `/** @param {Actuate.PostLogin.Event} event @param {Actuate.PostLogin.API} api */\nexports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClam('x', 1); };\n` });
    const broken = spawnSync(process.execPath, [TSC, '-p', path.join(repo.dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toContain("Property 'setCustomClam' does not exist");
  });

  it('refuses a directory that is not an actions repository', () => {
    const repo = gitRepo({ 'README.md': 'hi\n' });
    const r = runCli(['types', repo.dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not look like an actions repository');
  });
});
