import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { action, flow, minimalRepo } from '../helpers/actions.ts';
import { runCli } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git-repo.ts';

describe('actuate build / diff / store verify (CLI)', () => {
  it('builds a commit, then shows the plan of a change, and verify catches tampering', () => {
    const repo = gitRepo(minimalRepo());
    const first = runCli(['build', '--json'], { cwd: repo.dir });
    expect(first.status).toBe(0);
    const built = JSON.parse(first.stdout);
    expect(built).toMatchObject({ version: 1, type: 'build', ok: true, commit: repo.git('rev-parse', 'HEAD') });
    expect(built.manifest).toMatch(/^sha256:[0-9a-f]{64}$/);

    repo.commit({
      ...action('deny', { trigger: 'post-login', secrets: ['TOKEN'] }, 'exports.onExecutePostLogin = async (event, api) => { if (!event.user.email_verified) api.access.deny("verify"); };\n'),
      ...flow('post-login', ['deny', 'add-claim']),
    });
    const diff = runCli(['diff', 'HEAD~1', 'HEAD'], { cwd: repo.dir });
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('1 trigger changes, 0 unchanged.');
    expect(diff.stdout).toContain('~ post-login: 1 added\n');
    expect(diff.stdout).toContain('secret added: TOKEN (deny)');

    const store = path.join(repo.dir, '.actuate/store');
    expect(runCli(['store', 'verify', '--store', store]).status).toBe(0);
    const bundleHex = built.actions[0].bundle.slice('sha256:'.length);
    const file = path.join(store, 'objects/sha256', bundleHex.slice(0, 2), bundleHex.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'tampered');
    const verify = runCli(['store', 'verify', '--store', store]);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('E_STORE_TAMPERED');
  });

  it('exits 1 with diagnostics and writes no manifest when the commit has errors', () => {
    const repo = gitRepo({ ...minimalRepo(), 'flows/post-login.json': '{ "actions": ["missing"] }\n' });
    const r = runCli(['build'], { cwd: repo.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('flows/post-login.json:1:15 - error E_FLOW_MISSING_ACTION');
    expect(r.stdout).toContain('no manifest written');
  });
});
