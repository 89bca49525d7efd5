import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.ts';
import { auditAction, bareRepo, fakeGitServer, project, pullRequestEvent, pushEvent, sharedCacheDir } from './fixtures.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.ts';
import { runAction, type ActionRun } from './run-action.ts';

const TOKEN = 'ghs_test-token';
const MARKER = '<!-- actuate-plan -->';
const cache = sharedCacheDir();
afterAll(() => cache.remove());

describe('the Action in plan mode, against a GitHub API stand-in', () => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn({ token: TOKEN, owner: 'acme', repo: 'auth-actions' });
  });
  afterEach(() => api.close());

  const plan = (workspace: string, base: string, head: string, extra: { with?: Record<string, string>; number?: number } = {}): Promise<ActionRun> =>
    runAction({
      with: { mode: 'plan', directory: 'auth', ...extra.with },
      eventName: 'pull_request',
      event: pullRequestEvent(extra.number ?? 7, base, head),
      sha: head,
      ref: `refs/pull/${extra.number ?? 7}/merge`,
      workspace,
      apiUrl: api.url,
      token: TOKEN,
      serverUrl: fakeGitServer().url,
      env: { ACTUATE_CACHE_DIR: cache.dir },
    });
  const planComments = (n = 7) => (api.comments.get(n) ?? []).filter((c) => c.body.includes(MARKER));

  it('creates one sticky comment, then updates the same one in place, paging through other comments', async () => {
    const repo = gitRepo(project('auth/', 'hello'));
    const base = repo.git('rev-parse', 'HEAD');
    const head = repo.commit({ ...project('auth/', 'hi there'), ...auditAction('auth/') }, 'greet differently and audit');
    api.comments.set(7, Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `review comment ${i + 1}`, user: { login: 'reviewer' } })));

    const first = await plan(repo.dir, base, head);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.annotations).toEqual([]);
    expect(planComments()).toHaveLength(1);
    const comment = planComments()[0]!;
    expect(comment.id).toBeGreaterThan(120);
    expect(comment.body.startsWith(MARKER)).toBe(true);
    expect(comment.body).toContain('~ post-login: 1 added, 1 changed');
    expect(comment.body).toContain('secret added: `AUDIT_KEY` (audit)');
    expect(comment.body).toContain('✓ Type-check and bundle passed for 2 actions in flows.');
    expect(comment.body).toContain(`head \`${head.slice(0, 12)}\` · manifest \`${first.outputs['manifest']}\``);
    expect(comment.body).toMatch(/· \[workflow run\]\(file:\/\/\S+\/acme\/auth-actions\/actions\/runs\/4242\)<\/sub>/);
    expect(first.outputs).toMatchObject({ conclusion: 'success', changes: 'true', 'comment-url': expect.stringContaining('#issuecomment-') });
    expect(first.summary).toContain('~ post-login: 1 added, 1 changed');
    expect(api.checkRuns).toHaveLength(1);
    expect(api.checkRuns[0]).toMatchObject({ name: 'Actuate plan', head_sha: head, status: 'completed', conclusion: 'success', annotations: [] });
    expect(api.calls.every((c) => c.authorization === `token ${TOKEN}`)).toBe(true);

    // The second run cannot read its store: a warning, and the plan goes on.
    const second = await plan(repo.dir, base, head, { with: { store: 'git+file:///nonexistent/store.git' } });
    expect(second.status).toBe(0);
    expect(second.annotations).toEqual([
      { level: 'warning', props: { title: 'Actuate plan' }, message: expect.stringMatching(/^cannot read git store file:\/\/\/nonexistent\/store\.git#actuate-store .* to find an earlier build this one restores: git ls-remote failed/) },
    ]);
    expect(planComments()).toEqual([{ ...comment, body: expect.any(String) }]);
    expect(api.comments.get(7)).toHaveLength(121);
    const patches = api.calls.filter((c) => c.method === 'PATCH' && c.path === `/repos/acme/auth-actions/issues/comments/${comment.id}`);
    expect(patches).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === 'GET' && c.query['page'] === '2')).toHaveLength(2);
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('annotates every diagnostic at its file and line, 50 per request, and fails the check', async () => {
    const repo = gitRepo(project('auth/', 'hello'));
    const base = repo.git('rev-parse', 'HEAD');
    const body = ['export const onExecutePostLogin = async (event, api) => {', ...Array.from({ length: 55 }, (_, i) => `  api.idToken.setCustomClaim('c${i}');`), '};', ''];
    const head = repo.commit({ 'auth/actions/greet/index.ts': body.join('\n') }, 'break it');

    const run = await plan(repo.dir, base, head);
    expect(run.status).toBe(1);
    expect(api.checkRuns).toHaveLength(1);
    const check = api.checkRuns[0]!;
    expect(check.conclusion).toBe('failure');
    expect(check.annotations).toHaveLength(55);
    const perRequest = api.calls.filter((c) => c.path.includes('/check-runs')).map((c) => ((c.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length);
    expect(perRequest).toEqual([50, 5]);
    expect(check.annotations[0]).toEqual({
      path: 'auth/actions/greet/index.ts', start_line: 2, end_line: 2, start_column: 15, end_column: 29,
      annotation_level: 'failure', title: 'E_TYPECHECK', message: 'Expected 2 arguments, but got 1.', raw_details: 'How to fix: TypeScript TS2554.',
    });
    expect(check.annotations.map((a) => a['start_line'])).toEqual(Array.from({ length: 55 }, (_, i) => i + 2));
    const comment = planComments()[0]!.body;
    expect(comment).toContain(`**✗ The head commit \`${head.slice(0, 12)}\` does not build: 55 errors.**`);
    expect(comment).toContain('- ❌ `E_TYPECHECK` `auth/actions/greet/index.ts:2`: Expected 2 arguments, but got 1.');
    expect(comment).toContain('- … and 25 more: see the check run\'s annotations');
    expect(run.outputs['conclusion']).toBe('failure');
    expect(run.annotations.some((a) => a.level === 'error' && /does not build: 55 errors/.test(a.message))).toBe(true);
  });

  it('says in one line that a pull request changes nothing', async () => {
    const repo = gitRepo({ ...project('auth/', 'hello'), 'README.md': '# auth actions\n' });
    const base = repo.git('rev-parse', 'HEAD');
    const head = repo.commit({ 'README.md': '# Auth actions\n\nNow with docs.\n' }, 'docs only');

    const run = await plan(repo.dir, base, head);
    expect(run.status).toBe(0);
    const lines = planComments()[0]!.body.trim().split('\n');
    expect(lines).toEqual([MARKER, expect.stringMatching(/^\*\*Actuate plan:\*\* no changes: the head builds the same manifest as the base \(`[0-9a-f]{12}`\)\.$/)]);
    expect(run.outputs['changes']).toBe('false');
    expect(api.checkRuns[0]).toMatchObject({ conclusion: 'success', output: { title: 'No changes' } });
  });

  it('names the earlier commit whose build a revert restores, from the published store', async () => {
    const store = bareRepo();
    const repo = gitRepo(project('auth/', 'hello'));
    const first = repo.git('rev-parse', 'HEAD');
    const second = repo.commit(project('auth/', 'bonjour'), 'French greeting');
    const storeSpec = `git+${store.url}#actuate-store`;
    const publish = (sha: string, before: string) =>
      runAction({
        with: { mode: 'publish', directory: 'auth', store: storeSpec },
        eventName: 'push', event: pushEvent(before, sha), sha, ref: 'refs/heads/main', workspace: repo.dir, apiUrl: api.url, token: TOKEN,
        env: { ACTUATE_CACHE_DIR: cache.dir },
      });
    const published = await publish(first, '0'.repeat(40));
    expect(published.status).toBe(0);
    expect((await publish(second, first)).status).toBe(0);
    repo.git('checkout', '-q', '-b', 'revert-french');
    repo.git('-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', 'revert', '--no-edit', second);
    const revert = repo.git('rev-parse', 'HEAD');
    rmSync(path.join(repo.dir, 'auth', '.actuate'), { recursive: true, force: true }); // a fresh job: only the published store knows the first commit

    const run = await plan(repo.dir, second, revert, { with: { store: storeSpec }, number: 8 });
    expect(run.status).toBe(0);
    const comment = planComments(8)[0]!.body;
    expect(comment).toContain(
      `↩️ This restores the build of commit \`${first.slice(0, 12)}\` (manifest \`${published.outputs['manifest']!.slice(7, 19)}\`)`,
    );
    expect(comment).toContain('~ post-login: 1 changed');
    expect(run.outputs['manifest']).toBe(published.outputs['manifest']);
  });

  it('names the permission a token lacks, and still writes the job summary and annotations', async () => {
    const repo = gitRepo(project('auth/', 'hello'));
    const base = repo.git('rev-parse', 'HEAD');
    const head = repo.commit({ 'auth/actions/greet/index.ts': "export const onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim(1);\n};\n" }, 'oops');
    api.deny('checks');
    api.deny('pull_requests');

    const run = await plan(repo.dir, base, head);
    expect(run.status).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toContainEqual(expect.stringMatching(/cannot create the "Actuate plan" check run: GitHub answered 403 "Resource not accessible by integration"\. The token needs the `checks: write` permission \(GitHub accepts: checks=write\)/));
    expect(errors).toContainEqual(expect.stringMatching(/cannot comment on pull request #7: GitHub answered 403 .*The token needs the `pull-requests: write` permission/));
    expect(errors.join('\n')).toMatch(/How to fix: add `permissions:` with `checks: write` to the workflow job/);
    expect(run.annotations).toContainEqual({ level: 'error', props: { title: 'E_TYPECHECK', file: 'auth/actions/greet/index.ts', line: '2', endLine: '2', col: '15', endColumn: '29' }, message: 'Expected 2 arguments, but got 1.' });
    expect(run.summary).toContain('does not build: 1 error');
    expect(api.comments.get(7) ?? []).toEqual([]);
  });

  it('refuses to run on an event that is not a pull request, saying what to do', async () => {
    const repo = gitRepo(project('', 'hello'));
    const sha = repo.git('rev-parse', 'HEAD');
    const run = await runAction({
      with: { mode: 'plan' }, eventName: 'push', event: pushEvent('0'.repeat(40), sha), sha, ref: 'refs/heads/main',
      workspace: repo.dir, apiUrl: api.url, token: TOKEN,
    });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([
      { level: 'error', props: { title: 'Actuate' }, message: 'mode: plan needs a pull_request event, but this run is for "push"\nHow to fix: run the plan step `on: pull_request`, and the publish step (mode: publish) on pushes' },
    ]);
    expect(api.calls).toEqual([]);
  });
});
