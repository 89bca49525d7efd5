import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitSha } from '../../src/core/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { startCounterServer } from '../daemon/helpers/counter-server.ts';
import { ADMIN_TOKEN, client, counterSecrets, spawnDaemon, waitFor } from '../daemon/helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, loginEvent, sampleEvent, type BuiltRepo } from '../daemon/helpers/fixture.ts';

/** Deploys, following a ref, draining and overload, each against its own real daemon over one store. */
describe('actuate serve: deploys, ref following, draining and overload', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  const cleanup = (fn: () => void | Promise<void>) => void cleanups.push(fn);
  let fx: BuiltRepo;
  const commits = { a: '', b: '', revert: '', needsSecret: '' };
  let n = 0;
  const dataDir = () => path.join(fx.workDir, `data-${++n}`);
  const marker = (r: { json: any }) => r.json?.commands?.idToken?.customClaims?.['https://example.com/marker'] as string | undefined;

  beforeAll(async () => {
    const built = await builtRepo(daemonRepoFiles('A'), cleanup);
    fx = built;
    commits.a = built.first;
    commits.b = fx.repo.commit(daemonRepoFiles('B'), 'marker B');
    fx.repo.git('revert', '--no-edit', 'HEAD');
    commits.revert = fx.repo.git('rev-parse', 'HEAD');
    commits.needsSecret = fx.repo.commit({
      ...action('needs-secret', { trigger: 'post-login', secrets: ['NOT_PROVIDED'] }, 'exports.onExecutePostLogin = async () => {};\n'),
      ...flow('post-login', ['mark', 'terms', 'roles', 'needs-secret']),
    }, 'needs a secret');
    for (const c of [commits.b, commits.revert, commits.needsSecret]) await fx.build(c);
  }, 120_000);
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('switches versions under concurrent load without failing a request, and a failed load keeps the old version', async () => {
    const daemon = await spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--commit', commits.a, '--data', dataDir()]);
    const api = client(daemon.url);
    const admin = client(daemon.url, ADMIN_TOKEN);
    const results: { started: number; ended: number; status: number; outcome: string; marker: string | undefined; error: string | undefined }[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const started = performance.now();
        try {
          const r = await api.post('/v1/flows/post-login', loginEvent(`auth0|load-${w}-${i}`));
          results.push({ started, ended: performance.now(), status: r.status, outcome: r.json?.outcome, marker: marker(r), error: r.json?.error?.message });
        } catch (e) {
          results.push({ started, ended: performance.now(), status: 0, outcome: 'no answer', marker: undefined, error: String(e) });
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    const pause = () => new Promise((r) => setTimeout(r, 400));
    await pause();
    const toB = await admin.post('/v1/admin/deploy', { commit: commits.b });
    const bAt = performance.now();
    await pause();
    const aAsked = performance.now();
    const back = await admin.post('/v1/admin/deploy', { commit: commits.a.slice(0, 12) });
    const aAt = performance.now();
    await pause();
    const failed = await admin.post('/v1/admin/deploy', { commit: commits.needsSecret });
    await pause();
    stop = true;
    await load;

    expect(toB.json).toMatchObject({ commit: commits.b, source: 'loaded', unchanged: false, previous: { commit: commits.a } });
    expect(back.json).toMatchObject({ commit: commits.a, source: 'standby' });
    console.log(`deploy under load: load of a new commit ${toB.json.loadMs} ms; rollback to the previous commit ${back.json.loadMs} ms (standby); ${results.length} requests`);
    expect(failed.status).toBe(422);
    expect(failed.json.error.code).toBe('E_DEPLOY_FAILED');
    expect(failed.json.error.diagnostics[0]).toMatchObject({ code: 'E_SECRET_MISSING' });
    expect(results.filter((r) => r.status !== 200 || r.outcome !== 'success').map((r) => `${r.status} ${r.outcome}: ${r.error}`)).toEqual([]);
    // Every request sent after a switch answered ran on the new version (until the next switch was asked for).
    expect(results.filter((r) => r.started > bAt && r.ended < aAsked && r.marker !== 'B')).toEqual([]);
    expect(results.filter((r) => r.started > aAt && r.marker !== 'A')).toEqual([]);
    expect(new Set(results.map((r) => r.marker))).toEqual(new Set(['A', 'B']));
    const status = (await api.get('/v1/status')).json;
    expect(status.serving).toMatchObject({ commit: commits.a, reason: 'admin' });
    expect(status.lastDeploy).toMatchObject({ commit: commits.needsSecret, ok: false });
    expect((await admin.post('/v1/admin/deploy', { commit: '0123456789abcdef0123456789abcdef01234567' })).status).toBe(404);
    expect((await admin.post('/v1/admin/deploy', { commit: 'main' })).status).toBe(400);
  });

  it('follows a ref: a publish deploys the new commit, a published revert rolls back, SIGHUP reloads', async () => {
    await fx.store.setRef('main', commits.a as CommitSha);
    const daemon = await spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--ref', 'main', '--ref-poll-ms', '50', '--data', dataDir()]);
    const api = client(daemon.url);
    expect((await api.get('/v1/status')).json).toMatchObject({ serving: { commit: commits.a }, target: { kind: 'ref', ref: 'main', commit: commits.a }, drift: false });

    await fx.store.setRef('main', commits.b as CommitSha);
    await waitFor('the daemon to follow main to B', async () => ((await api.get('/v1/status')).json.serving.commit === commits.b ? true : undefined));
    expect(marker(await api.post('/v1/flows/post-login', loginEvent('auth0|ref-b')))).toBe('B');

    const published = performance.now();
    await fx.store.setRef('main', commits.revert as CommitSha);
    const status = await waitFor('the daemon to follow the revert', async () => {
      const s = (await api.get('/v1/status')).json;
      return s.serving.commit === commits.revert ? s : undefined;
    });
    const seen = performance.now() - published;
    expect(marker(await api.post('/v1/flows/post-login', loginEvent('auth0|ref-revert')))).toBe('A');
    expect(status.serving).toMatchObject({ reason: 'ref', source: 'standby' });
    expect(status.serving.manifest).toBe((await fx.store.getCommit(commits.a as CommitSha)) as string);
    console.log(`rollback by publishing a revert: switch took ${status.serving.loadMs} ms; served ${Math.round(seen)} ms after the ref moved (poll every 50 ms)`);

    const admin = client(daemon.url, ADMIN_TOKEN);
    expect((await admin.post('/v1/admin/deploy', { commit: commits.b })).status).toBe(200);
    expect((await api.get('/v1/status')).json).toMatchObject({ serving: { commit: commits.b }, target: { commit: commits.revert }, drift: true });
    daemon.proc.kill('SIGHUP');
    const reloaded = await waitFor('SIGHUP to reload the ref\'s commit', async () => {
      const s = (await api.get('/v1/status')).json;
      return s.serving.reason === 'reload' ? s : undefined;
    });
    expect(reloaded).toMatchObject({ serving: { commit: commits.revert, source: 'loaded' }, drift: false });
    expect(daemon.stdout()).toContain(`SIGHUP: reloaded ${commits.revert}`);
  });

  it('drains executions in flight on SIGTERM, refuses new ones, and exits 0', async () => {
    const daemon = await spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--commit', commits.a, '--data', dataDir()]);
    const api = client(daemon.url);
    const slow = [1, 2, 3].map((i) => api.post('/v1/flows/post-login', loginEvent(`auth0|slow-${i}`, { user: { sleepMs: 1200 } })));
    await waitFor('three executions in flight', async () => (/actuate_inflight_executions\{mode="sync"\} 3/.test((await api.get('/metrics')).text) ? true : undefined));
    daemon.proc.kill('SIGTERM');
    await waitFor('the daemon to start draining', () => (daemon.stdout().includes('SIGTERM: draining') ? true : undefined));
    const late = await api.post('/v1/flows/post-login', loginEvent('auth0|late')).catch((e: Error) => ({ status: 0, error: e }));
    expect([0, 503]).toContain(late.status);
    const answers = await Promise.all(slow);
    expect(answers.map((r) => `${r.status} ${r.json.outcome}`)).toEqual(['200 success', '200 success', '200 success']);
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    expect(daemon.stdout()).toContain('actuate serve: stopped');
  });

  it('refuses work past its limits with 503 or 429 and Retry-After instead of queueing without bound', async () => {
    const counter = await startCounterServer();
    const daemon = await spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--commit', commits.a, '--data', dataDir(), '--max-concurrency', '1', '--async-concurrency', '1', '--max-queue-depth', '1'], {
      env: counterSecrets(counter.url),
    });
    const api = client(daemon.url);
    const slow = api.post('/v1/flows/post-login', loginEvent('auth0|busy', { user: { sleepMs: 800 } }));
    await waitFor('one execution in flight', async () => (/actuate_inflight_executions\{mode="sync"\} 1/.test((await api.get('/metrics')).text) ? true : undefined));
    const refused = await api.post('/v1/flows/post-login', loginEvent('auth0|refused'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.json.error.code).toBe('E_OVERLOADED');
    expect((await slow).json.outcome).toBe('success');

    const release = counter.hold();
    const signup = sampleEvent('post-user-registration');
    const event = (id: string) => ({ ...signup, user: { ...(signup['user'] as object), user_id: id } });
    expect((await api.post('/v1/flows/post-user-registration', event('q1'))).status).toBe(202);
    await waitFor('q1 to be running', () => (counter.counts.get('q1') ? true : undefined));
    expect((await api.post('/v1/flows/post-user-registration', event('q2'))).status).toBe(202);
    await new Promise((r) => setTimeout(r, 400)); // admission reads the depth at most every 250 ms
    const full = await api.post('/v1/flows/post-user-registration', event('q3'));
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('5');
    expect(full.json.error.code).toBe('E_QUEUE_FULL');
    release();
    await waitFor('q2 to run', () => (counter.counts.get('q2') ? true : undefined));
  });
});
