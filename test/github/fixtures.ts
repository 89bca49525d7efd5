import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Files of a small actions project living in `<prefix>` of the repository. */
export function project(prefix: string, claim: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    [`${prefix}actions/greet/action.json`]: JSON.stringify({ trigger: 'post-login' }) + '\n',
    [`${prefix}actions/greet/index.ts`]: [
      'export const onExecutePostLogin = async (event, api) => {',
      `  api.idToken.setCustomClaim('https://example.com/greeting', '${claim}');`,
      '};',
      '',
    ].join('\n'),
    [`${prefix}flows/post-login.json`]: JSON.stringify({ actions: ['greet'] }) + '\n',
    ...extra,
  };
}

/** A second action with a secret, to make plans show added actions and secret names. */
export function auditAction(prefix: string): Record<string, string> {
  return {
    [`${prefix}actions/audit/action.json`]: JSON.stringify({ trigger: 'post-login', secrets: ['AUDIT_KEY'] }) + '\n',
    [`${prefix}actions/audit/index.ts`]: 'export const onExecutePostLogin = async (event, api) => {\n  console.log(event.user.user_id, event.secrets.AUDIT_KEY.length);\n};\n',
    [`${prefix}flows/post-login.json`]: JSON.stringify({ actions: ['audit', 'greet'] }) + '\n',
  };
}

/** A `pull_request` payload as GitHub sends it (the fields the Action reads, and a few more). */
export function pullRequestEvent(number: number, base: string, head: string): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, state: 'open', base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } },
    repository: { full_name: 'acme/auth-actions' },
  };
}

/** A `push` payload. */
export function pushEvent(before: string, after: string): unknown {
  return { ref: 'refs/heads/main', before, after, repository: { full_name: 'acme/auth-actions' } };
}

/** An empty bare repository (a stand-in for the GitHub repository the store branch lives in). */
export function bareRepo(): { dir: string; url: string; git(...args: string[]): string } {
  const root = mkdtempSync(path.join(tmpdir(), 'actuate-bare-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, 'store.git');
  execFileSync('git', ['init', '-q', '--bare', dir]);
  return { dir, url: `file://${dir}`, git: (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim() };
}

/** A shared build cache for one test file (unchanged actions are not rebuilt between runs). */
export function sharedCacheDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-action-cache-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A stand-in for the GitHub server's git side (`GITHUB_SERVER_URL=file://…`): repositories are
 * bare repos at `<dir>/<owner>/<repo>.git`, so the Action's default store (the `actuate-store`
 * branch of the repository) works without the network.
 */
export function fakeGitServer(owner = 'acme', repo = 'auth-actions'): { url: string; repoDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-server-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const repoDir = path.join(dir, owner, `${repo}.git`);
  execFileSync('git', ['init', '-q', '--bare', repoDir]);
  return { url: `file://${dir}`, repoDir };
}
