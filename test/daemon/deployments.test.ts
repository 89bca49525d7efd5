import { describe, expect, it } from 'vitest';
import { Deployments } from '../../src/daemon/deploy/deployments.ts';
import { executorFactory, startDaemon } from '../../src/daemon/index.ts';
import { createInThreadExecutor, type FlowExecutor } from '../../src/runtime/index.ts';
import { counterSecrets } from './helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, loginEvent } from './helpers/fixture.ts';
import path from 'node:path';

/** The real in-thread executor, recording what it was asked to load and unload. */
function recordingExecutor(): { executor: FlowExecutor; loads: string[]; unloads: string[] } {
  const inner = createInThreadExecutor();
  const loads: string[] = [];
  const unloads: string[] = [];
  return {
    loads, unloads,
    executor: {
      ...inner,
      load: (store, target, options) => {
        loads.push('commit' in target ? target.commit : target.digest);
        return inner.load(store, target, options);
      },
      unload: (handle) => {
        unloads.push(handle.digest);
        inner.unload(handle);
      },
    },
  };
}

const marker = (r: { commands?: unknown }) => (r.commands as { idToken?: { customClaims?: Record<string, unknown> } } | undefined)?.idToken?.customClaims?.['https://example.com/marker'];

describe('Deployments: the atomic switch', () => {
  it('lets executions finish on the version they leased, unloads it after, and keeps serving when a load fails', async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const b = fx.repo.commit(daemonRepoFiles('B'));
    await fx.build(b);
    const { executor, loads, unloads } = recordingExecutor();
    const secrets = { env: counterSecrets('http://127.0.0.1:9') };
    const d = new Deployments({ executor, store: fx.store, loadOptions: async () => ({ secrets }), standby: 0 });
    expect((await d.deploy(fx.first.slice(0, 8), 'start')).ok).toBe(true);
    const held = d.acquire()!;
    const toB = await d.deploy(b, 'admin');
    expect(toB).toMatchObject({ ok: true, unchanged: false, version: { commit: b, source: 'loaded' } });
    expect(d.current!.commit).toBe(b);
    expect(unloads).toEqual([]); // A is still leased
    expect(marker(await executor.run(held.version.handle, 'post-login', loginEvent('held')))).toBe('A');
    held.release();
    expect(unloads).toEqual([held.version.handle.digest]);
    const fresh = d.acquire()!;
    expect(marker(await executor.run(fresh.version.handle, 'post-login', loginEvent('fresh')))).toBe('B');
    fresh.release();

    const failed = await d.deploy('f'.repeat(40), 'admin');
    expect(failed).toMatchObject({ ok: false, diagnostics: [{ code: 'E_DEPLOY_NOT_BUILT' }] });
    expect(d.current!.commit).toBe(b);
    expect(d.lastDeploy).toMatchObject({ ok: false, reason: 'admin' });
    expect((await d.deploy(b, 'admin'))).toMatchObject({ ok: true, unchanged: true });
    expect(loads).toHaveLength(2);
    await d.close(1000);
    await executor.close();
  });

  it('keeps the replaced version as a standby, so rolling back is a switch without a load', async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const b = fx.repo.commit(daemonRepoFiles('B'));
    fx.repo.git('revert', '--no-edit', 'HEAD');
    const revert = fx.repo.git('rev-parse', 'HEAD');
    await fx.build(b);
    await fx.build(revert);
    const { executor, loads } = recordingExecutor();
    const d = new Deployments({ executor, store: fx.store, loadOptions: async () => ({ secrets: { env: counterSecrets('http://127.0.0.1:9') } }) });
    await d.deploy(fx.first, 'start');
    await d.deploy(b, 'ref');
    const back = await d.deploy(revert, 'ref');
    expect(back).toMatchObject({ ok: true, version: { commit: revert, source: 'standby' } });
    expect(loads).toEqual([fx.first, b]);
    const forced = await d.deploy(revert, 'reload', { force: true });
    expect(forced).toMatchObject({ ok: true, version: { source: 'loaded', reason: 'reload' } });
    expect(loads).toHaveLength(3);
    await d.close(1000);
    await executor.close();
  });
});

describe('startDaemon (embedded, as npm start uses it)', () => {
  it('serves on loopback, deploys, and stops', async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const b = fx.repo.commit(daemonRepoFiles('B'));
    await fx.build(b);
    const daemon = await startDaemon({
      store: fx.store, target: { commit: fx.first }, auth: 'insecure-no-auth', port: 0, dataDir: path.join(fx.workDir, 'data'), log: false,
      secrets: () => ({ env: counterSecrets('http://127.0.0.1:9') }),
      // The pool's workers load compiled JavaScript; from the TypeScript sources, the in-thread executor.
      executor: executorFactory('in-thread'),
    });
    try {
      expect(daemon.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const run = async () => (await (await fetch(`${daemon.url}/v1/flows/post-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(loginEvent('embedded')) })).json()) as Parameters<typeof marker>[0];
      expect(marker(await run())).toBe('A');
      // The in-thread executor needs the event as a value: a body kept as text is parsed before it runs.
      const post = async (trigger: string, body: string) => {
        const r = await fetch(`${daemon.url}/v1/flows/${trigger}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
      };
      expect(await post('post-login', '{"user": ')).toEqual({ status: 400, code: 'E_BAD_JSON' });
      expect(await post('post-login', '{}')).toEqual({ status: 400, code: 'E_EVENT_INVALID' });
      expect(await post('post-user-registration', '{"user": ')).toEqual({ status: 400, code: 'E_BAD_JSON' });
      expect(await post('post-user-registration', '{"user": "nobody"}')).toEqual({ status: 400, code: 'E_EVENT_INVALID' });
      expect(await daemon.deploy(b)).toMatchObject({ ok: true });
      expect(marker(await run())).toBe('B');
      expect((await daemon.status()).serving).toMatchObject({ commit: b, reason: 'admin' });
    } finally {
      await daemon.close();
    }
    await expect(fetch(`${daemon.url}/healthz`)).rejects.toThrow();
  });
});
