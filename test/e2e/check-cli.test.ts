import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { action, flow, minimalRepo } from '../helpers/actions.ts';
import { runCli } from '../helpers/cli.ts';
import { gitRepo } from '../helpers/git-repo.ts';

const EXAMPLE = fileURLToPath(new URL('../../actions-example', import.meta.url));

describe('actuate check (CLI)', () => {
  it('exits 0 on the example repository', () => {
    const r = runCli(['check', EXAMPLE]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/✓ checked \d+ files at working tree \(not a commit\): no problems/);
    expect(r.status).toBe(0);
  });

  it('exits 1 with a code frame and a hint on a type error', () => {
    const repo = gitRepo({
      ...action('a', { trigger: 'post-login' }, 'exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClam("x", 1);\n};\n'),
      ...flow('post-login', ['a']),
    });
    const r = runCli(['check', '.', '--commit', 'HEAD'], { cwd: repo.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('actions/a/index.js:2:15 - error E_TYPECHECK:');
    expect(r.stdout).toContain("  2 |   api.idToken.setCustomClam(\"x\", 1);\n    |               ^^^^^^^^^^^^^");
    expect(r.stdout).toMatch(/Did you mean 'setCustomClaim'\?/);
    expect(r.stdout).toMatch(/✗ checked 3 files at commit [0-9a-f]{12}: 1 error/);
  });

  it('prints one versioned JSON envelope with --json', () => {
    const repo = gitRepo(minimalRepo());
    const r = runCli(['check', repo.dir, '--json', '--commit', 'main']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ version: 1, type: 'check', ok: true, workingTree: false, diagnostics: [] });
    expect(out.commit).toBe(repo.git('rev-parse', 'HEAD'));
  });

  it('exits 2 on bad usage', () => {
    const repo = gitRepo(minimalRepo());
    const unknownRev = runCli(['check', repo.dir, '--commit', 'does-not-exist']);
    expect(unknownRev.status).toBe(2);
    expect(unknownRev.stderr).toContain('unknown revision "does-not-exist"');
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['check', path.join(repo.dir, 'nope')]).status).toBe(2);
  });
});
