import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestHex } from '../../src/core/index.ts';
import { publishCommit } from '../../src/github/publish.ts';
import { createFsStore, openWritableStore } from '../../src/store/index.ts';
import { client, spawnDaemon, waitFor } from '../daemon/helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, loginEvent, type BuiltRepo } from '../daemon/helpers/fixture.ts';
import { staticServer } from '../github/static-server.ts';

const marker = (r: { json: any }) => r.json?.commands?.idToken?.customClaims?.['https://example.com/marker'] as string | undefined;

/** Publishes a commit the way the GitHub Action does, into the store runners read. */
async function publish(fx: BuiltRepo, commit: string, target: string) {
  const r = await publishCommit({
    dir: fx.repo.dir, commit, refName: 'main', buildStore: createFsStore(path.join(fx.workDir, 'build-store')),
    target: openWritableStore(target, { cacheDir: path.join(fx.workDir, 'publish-cache') }), cacheDir: path.join(fx.workDir, 'cache'),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('actuate serve from remote stores', () => {
  it('follows refs/main in a git branch store through a change and its revert', async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const bare = path.join(fx.workDir, 'store.git');
    execFileSync('git', ['init', '-q', '--bare', bare]);
    const spec = `git+file://${bare}#actuate-store`;
    const a = fx.first;
    await publish(fx, a, spec);
    const daemon = await spawnDaemon(fx.workDir, ['--store', spec, '--ref', 'main', '--ref-poll-ms', '100', '--data', path.join(fx.workDir, 'data'), '--executor', 'in-thread']);
    const api = client(daemon.url);
    expect(marker(await api.post('/v1/flows/post-login', loginEvent('auth0|1')))).toBe('A');

    const b = fx.repo.commit(daemonRepoFiles('B'), 'marker B');
    await publish(fx, b, spec);
    await waitFor('the daemon to serve B', async () => (marker(await api.post('/v1/flows/post-login', loginEvent('auth0|2'))) === 'B' ? true : undefined));

    fx.repo.git('revert', '--no-edit', 'HEAD');
    const revert = fx.repo.git('rev-parse', 'HEAD');
    const again = await publish(fx, revert, spec);
    expect(again.objectsUploaded).toBe(0);
    await waitFor('the daemon to serve the revert', async () => (marker(await api.post('/v1/flows/post-login', loginEvent('auth0|3'))) === 'A' ? true : undefined));
    const status = await api.get('/v1/status');
    expect(JSON.stringify(status.json)).toContain(revert);
  });

  it('serves a commit from a read-only HTTP store, and refuses a tampered object', async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const root = path.join(fx.workDir, 'www');
    mkdirSync(root);
    const published = await publish(fx, fx.first, path.join(root, 'store'));
    const server = await staticServer(root);
    try {
      const daemon = await spawnDaemon(fx.workDir, ['--store', server.url, '--commit', fx.first, '--data', path.join(fx.workDir, 'data'), '--executor', 'in-thread']);
      expect(marker(await client(daemon.url).post('/v1/flows/post-login', loginEvent('auth0|1')))).toBe('A');

      const manifest = JSON.parse(execFileSync('cat', [path.join(root, 'store', 'objects', 'sha256', digestHex(published.manifest).slice(0, 2), digestHex(published.manifest).slice(2))], { encoding: 'utf8' }));
      const bundle = digestHex(manifest.flows['post-login'].actions[0].bundle);
      const file = path.join(root, 'store', 'objects', 'sha256', bundle.slice(0, 2), bundle.slice(2));
      chmodSync(file, 0o644);
      writeFileSync(file, 'var __actuate_action = { onExecutePostLogin: async () => {} };');
      const fresh = spawnDaemon(path.join(fx.workDir), ['--store', server.url, '--commit', fx.first, '--data', path.join(fx.workDir, 'data2'), '--executor', 'in-thread']);
      await expect(fresh).rejects.toThrow(/digest|tamper|corrupt|does not match/i);
    } finally {
      await server.close();
    }
  });
});
