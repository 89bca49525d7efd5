import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseCommitSha, parseDigest } from '../../src/core/index.ts';
import { readManifest } from '../../src/manifest/index.ts';
import { createGitStore, objectKey, openStore, verifyStore } from '../../src/store/index.ts';
import { gitRepo } from '../helpers/git-repo.ts';
import { auditAction, bareRepo, project, pushEvent, sharedCacheDir } from './fixtures.ts';
import { runAction } from './run-action.ts';
import { staticServer } from './static-server.ts';

const cache = sharedCacheDir();
afterAll(() => cache.remove());
const ZERO = '0'.repeat(40);

describe('the Action in publish mode', () => {
  const publish = (workspace: string, sha: string, store: string, extra: Record<string, string> = {}) =>
    runAction({
      with: { mode: 'publish', directory: 'auth', store, ...extra },
      eventName: 'push',
      event: pushEvent(ZERO, sha),
      sha,
      ref: 'refs/heads/main',
      workspace,
      apiUrl: 'http://127.0.0.1:9', // publish never calls the API
      token: 'ghs_unused',
      env: { ACTUATE_CACHE_DIR: cache.dir },
    });

  it('publishes to a git branch store, re-runs idempotently, and moves the ref for a revert without uploading', async () => {
    const remote = bareRepo();
    const spec = `git+${remote.url}#actuate-store`;
    const repo = gitRepo(project('auth/', 'hello'));
    const first = repo.git('rev-parse', 'HEAD');
    const second = repo.commit({ ...project('auth/', 'bonjour'), ...auditAction('auth/') }, 'more actions');
    const reverted = (repo.git('revert', '--no-edit', second), repo.git('rev-parse', 'HEAD'));
    const daemonView = createGitStore({ url: remote.url, cacheDir: path.join(remote.dir, '..', 'daemon'), fetchIntervalMs: 0 });
    const branchCommits = () => remote.git('rev-list', '--count', 'actuate-store');

    const one = await publish(repo.dir, first, spec);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(one.outputs).toMatchObject({ commit: first, ref: 'main', previous: '', 'objects-uploaded': '3' });
    const manifestOne = parseDigest(one.outputs['manifest']!)!;
    expect(await daemonView.getRef('main')).toBe(first);
    expect(await daemonView.getCommit(parseCommitSha(first)!)).toBe(manifestOne);
    expect(one.summary).toContain(`✓ Published \`${first.slice(0, 12)}\` (manifest \`${manifestOne}\`): 3 objects uploaded; refs/main moved to \`${first.slice(0, 12)}\`.`);
    expect(remote.git('log', '-1', '--format=%an <%ae>%n%s', 'actuate-store')).toBe(
      `github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\npublish ${first.slice(0, 12)} as refs/main`,
    );

    const again = await publish(repo.dir, first, spec);
    expect(again.status).toBe(0);
    expect(again.outputs).toMatchObject({ 'objects-uploaded': '0', 'store-commit': '', previous: first });
    expect(branchCommits()).toBe('1');

    const two = await publish(repo.dir, second, spec);
    expect(two.outputs).toMatchObject({ 'objects-uploaded': '5', previous: first });
    expect(await daemonView.getRef('main')).toBe(second);

    const back = await publish(repo.dir, reverted, spec);
    expect(back.outputs).toMatchObject({ 'objects-uploaded': '0', previous: second, manifest: manifestOne });
    expect(await daemonView.getRef('main')).toBe(reverted);
    expect(await daemonView.getCommit(parseCommitSha(reverted)!)).toBe(manifestOne);
    expect(branchCommits()).toBe('3');

    const loaded = await readManifest(daemonView, parseCommitSha(reverted)!);
    expect(Object.keys(loaded.manifest.flows)).toEqual(['post-login']);
    expect(await verifyStore(daemonView)).toMatchObject({ ok: true, checked: { commits: 3, refs: 1 } });
  });

  it('publishes to a directory that a static web server serves as a verified HTTP store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actuate-published-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const repo = gitRepo(project('auth/', 'hello'));
    const sha = parseCommitSha(repo.git('rev-parse', 'HEAD'))!;
    const run = await publish(repo.dir, sha, path.join(dir, 'store'));
    expect(run.status).toBe(0);
    expect(await verifyStore(openStore(path.join(dir, 'store')))).toMatchObject({ ok: true, checked: { objects: 3, commits: 1, refs: 1 } });

    const served = await staticServer(dir);
    onTestFinished(() => served.close());
    const remote = openStore(served.url, { cacheDir: path.join(dir, 'cache') });
    expect(await remote.getRef('main')).toBe(sha);
    const { manifest } = await readManifest(remote, sha);
    const bundle = manifest.flows['post-login']!.actions[0]!.bundle;
    expect(new TextDecoder().decode(await remote.get(bundle))).toContain('https://example.com/greeting');

    const map = manifest.flows['post-login']!.actions[0]!.sourceMap;
    const file = path.join(dir, 'store', objectKey(map));
    chmodSync(file, 0o644);
    writeFileSync(file, '{"version":3,"sources":["evil.js"],"mappings":""}');
    await expect(remote.get(map)).rejects.toThrow(/is corrupt: the bytes served at .* hash to sha256:/);
  });

  it('publishes nothing from a commit that does not build, and annotates why', async () => {
    const remote = bareRepo();
    const repo = gitRepo(project('auth/', 'hello'));
    const good = repo.git('rev-parse', 'HEAD');
    expect((await publish(repo.dir, good, `git+${remote.url}`)).status).toBe(0);
    const bad = repo.commit({ 'auth/flows/post-login.json': '{ "actions": ["greet", "missing"] }\n' }, 'typo');

    const run = await publish(repo.dir, bad, `git+${remote.url}`);
    expect(run.status).toBe(1);
    const located = run.annotations.filter((a) => a.props['file'] === 'auth/flows/post-login.json');
    expect(located).toHaveLength(1);
    expect(located[0]).toMatchObject({ level: 'error', props: { line: '1' } });
    expect(run.summary).toContain(`Commit \`${bad.slice(0, 12)}\` does not build; nothing was published and refs/main did not move.`);
    expect(remote.git('show', 'actuate-store:refs/main')).toBe(good);
  });

  it('refuses an HTTP store and a push that is not to a branch, saying what to do', async () => {
    const repo = gitRepo(project('auth/', 'hello'));
    const sha = repo.git('rev-parse', 'HEAD');
    const http = await publish(repo.dir, sha, 'https://cdn.example.com/store');
    expect(http.status).toBe(1);
    expect(http.annotations[0]!.message).toMatch(/cannot publish to https:\/\/cdn\.example\.com\/store: an HTTP store is read-only\nHow to fix: publish to the directory or git branch/);
    const tag = await runAction({
      with: { mode: 'publish', directory: 'auth', store: 'x' }, eventName: 'push', event: pushEvent(ZERO, sha), sha, ref: 'refs/tags/v1',
      workspace: repo.dir, apiUrl: 'http://127.0.0.1:9', token: 't',
    });
    expect(tag.annotations[0]!.message).toMatch(/cannot tell which store ref to move: GITHUB_REF is "refs\/tags\/v1", not a branch\nHow to fix: .*"ref-name"/);
  });
});
