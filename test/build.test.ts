import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCommit, type CompileResult } from '../src/compile/index.ts';
import { IntegrityError, digestHex, type CommitSha } from '../src/core/index.ts';
import { readManifest, serializeManifest } from '../src/manifest/index.ts';
import { readRepo } from '../src/repo/index.ts';
import { createFsStore, verifyStore, type Store } from '../src/store/index.ts';
import { action, flow } from './helpers/actions.ts';
import { gitRepo } from './helpers/git-repo.ts';
import { startLocalRegistry, type LocalRegistry } from './helpers/local-registry.ts';
import { tempDir } from './helpers/temp-dir.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/npm', import.meta.url));

async function build(dir: string, commit: string, store: Store, cacheDir: string, registry?: string): Promise<CompileResult> {
  const snapshot = await readRepo({ dir, commit });
  return compileCommit({ snapshot: snapshot as Parameters<typeof compileCommit>[0]['snapshot'], store, cacheDir, registry });
}

function ok(r: CompileResult): Extract<CompileResult, { ok: true }> {
  if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics, null, 2)}`);
  return r;
}

const REPO = {
  'actuate.json': '{ "egress": { "allow": ["api.example.com"] } }\n',
  ...action('claims', { trigger: 'post-login', secrets: ['B', 'A'] }, `const { ns } = require('./ns');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim(ns('email'), event.user.email);\n};\n`),
  'actions/claims/ns.js': "exports.ns = (k) => 'https://example.com/' + k;\n",
  ...action('gate', { trigger: 'post-login' }, `export const onExecutePostLogin = async (event, api) => {\n  if (!event.user.email_verified) api.access.deny('verify');\n};\n`, 'index.ts'),
  ...action('m2m', { trigger: 'credentials-exchange' }, `exports.onExecuteCredentialsExchange = async (event, api) => {\n  api.accessToken.setCustomClaim('plan', event.client.metadata.plan ?? 'free');\n};\n`),
  ...flow('post-login', ['gate', 'claims']),
  ...flow('credentials-exchange', ['m2m']),
};

describe('actuate build', () => {
  it('gives byte-identical manifests when built twice and from a second clone at another path', async () => {
    const repo = gitRepo(REPO);
    const storeA = createFsStore(tempDir('actuate-store-'));
    const first = ok(await build(repo.dir, 'HEAD', storeA, tempDir('actuate-cache-')));
    const again = ok(await build(repo.dir, 'HEAD', storeA, tempDir('actuate-cache-')));
    expect(again.digest).toBe(first.digest);
    expect(again.objectsWritten).toBe(0);

    const clone = tempDir('actuate-clone-');
    execFileSync('git', ['clone', '-q', repo.dir, clone]);
    const storeB = createFsStore(tempDir('actuate-store-'));
    const cloned = ok(await build(clone, 'HEAD', storeB, tempDir('actuate-cache-')));
    expect(cloned.digest).toBe(first.digest);
    expect(serializeManifest(cloned.manifest)).toEqual(serializeManifest(first.manifest));
    expect(await storeB.listObjects()).toEqual(await storeA.listObjects());

    const m = first.manifest;
    expect(Object.keys(m.flows)).toEqual(['credentials-exchange', 'post-login']);
    expect(m.flows['post-login']!.actions.map((a) => a.name)).toEqual(['gate', 'claims']);
    expect(m.flows['post-login']!.actions[1]!.secrets).toEqual(['A', 'B']);
    expect(m.settings.egress).toEqual({ allow: ['api.example.com'], allowPrivate: false });
    expect(m.tree).toBe(repo.git('rev-parse', 'HEAD^{tree}'));
    expect(JSON.stringify(m)).not.toContain(repo.dir);
  });

  it('changes only the changed action\'s digest, reuses the rest, and a revert restores the earlier manifest', async () => {
    const repo = gitRepo(REPO);
    const store = createFsStore(tempDir('actuate-store-'));
    const cache = tempDir('actuate-cache-');
    const v1 = ok(await build(repo.dir, 'HEAD', store, cache));
    repo.commit({ 'actions/claims/ns.js': "exports.ns = (k) => 'https://example.org/' + k;\n" }, 'change ns');
    const v2 = ok(await build(repo.dir, 'HEAD', store, cache));
    const digests = (r: typeof v1) => Object.fromEntries(r.actions.map((a) => [a.name, a.bundle]));
    expect(digests(v2).claims).not.toBe(digests(v1).claims);
    expect(digests(v2).gate).toBe(digests(v1).gate);
    expect(digests(v2).m2m).toBe(digests(v1).m2m);
    expect(v2.actions.filter((a) => !a.reused).map((a) => a.name)).toEqual(['claims']);
    expect(v2.digest).not.toBe(v1.digest);

    repo.git('revert', '--no-edit', 'HEAD');
    const v3 = ok(await build(repo.dir, 'HEAD', store, cache));
    expect(v3.commit).not.toBe(v1.commit);
    expect(v3.digest).toBe(v1.digest);
    expect(v3.actions.every((a) => a.reused)).toBe(true);
    expect((await readManifest(store, v3.commit as CommitSha)).digest).toBe(v1.digest);
  });

  it('writes no manifest when the build has errors, with the same diagnostics as check', async () => {
    const repo = gitRepo({ ...REPO, 'actions/gate/index.ts': 'export const onExecutePostLogin = async (event, api) => { api.access.denyy("x"); };\n' });
    const store = createFsStore(tempDir('actuate-store-'));
    const r = await build(repo.dir, 'HEAD', store, tempDir('actuate-cache-'));
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['E_TYPECHECK actions/gate/index.ts:1:70']);
    expect(await store.listCommits()).toEqual([]);
  });

  it('refuses a tampered object on read, and store verify reports it', async () => {
    const repo = gitRepo(REPO);
    const dir = tempDir('actuate-store-');
    const store = createFsStore(dir);
    const r = ok(await build(repo.dir, 'HEAD', store, tempDir('actuate-cache-')));
    const bundle = r.manifest.flows['post-login']!.actions[0]!.bundle;
    const hex = digestHex(bundle);
    const file = path.join(dir, 'objects', 'sha256', hex.slice(0, 2), hex.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'var __actuate_action = { onExecutePostLogin: async () => { /* evil */ } };');
    await expect(store.get(bundle)).rejects.toThrow(IntegrityError);
    const verified = await verifyStore(store);
    expect(verified.ok).toBe(false);
    expect(verified.diagnostics.map((d) => d.code)).toContain('E_STORE_TAMPERED');
  });

  describe('with npm dependencies from a local registry', () => {
    let registry: LocalRegistry;
    beforeAll(async () => {
      registry = await startLocalRegistry(readdirSync(FIXTURES).map((d) => path.join(FIXTURES, d)));
    });
    afterAll(() => registry?.close());

    it('bundles a CommonJS Auth0-style action using a declared package, and records it in the manifest', async () => {
      const repo = gitRepo({
        ...action('hello', { trigger: 'post-login', dependencies: { 'greet-cjs': '1.0.0' } }, `const { greet } = require('greet-cjs');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('greeting', greet(event.user.name));\n};\n`),
        ...flow('post-login', ['hello']),
      });
      const store = createFsStore(tempDir('actuate-store-'));
      const r = ok(await build(repo.dir, 'HEAD', store, tempDir('actuate-cache-'), registry.url));
      const a = r.manifest.flows['post-login']!.actions[0]!;
      expect(a.dependencies).toEqual([{ name: 'greet-cjs', version: '1.0.0', integrity: expect.stringMatching(/^sha512-/) }]);
      const code = new TextDecoder().decode(await store.get(a.bundle));
      expect(code).toContain('hello ');
      expect(code).toMatch(/^var __actuate_action=/);
    });

    it('builds with a warning naming the chain when a dependency imports fs, and fails when the action itself does', async () => {
      const repo = gitRepo({
        ...action('disk', { trigger: 'post-login', dependencies: { 'uses-fs': '1.0.0' } }, `const u = require('uses-fs');\nexports.onExecutePostLogin = async (event, api) => { u; };\n`),
        ...flow('post-login', ['disk']),
      });
      const r = ok(await build(repo.dir, 'HEAD', createFsStore(tempDir('actuate-store-')), tempDir('actuate-cache-'), registry.url));
      const d = r.diagnostics.find((x) => x.code === 'W_BUILTIN_STUBBED' && x.message.includes('"fs"'))!;
      expect(d.message).toMatch(/actions\/disk\/index\.js -> node_modules\/uses-fs\/.* -> fs/);
      const own = gitRepo({ ...action('disk', { trigger: 'post-login' }, `const fs = require('fs');\nexports.onExecutePostLogin = async () => { fs; };\n`), ...flow('post-login', ['disk']) });
      const failed = await build(own.dir, 'HEAD', createFsStore(tempDir('actuate-store-')), tempDir('actuate-cache-'), registry.url);
      expect(failed.ok).toBe(false);
      expect(failed.diagnostics.map((x) => x.code)).toContain('E_UNSUPPORTED_BUILTIN');
    });
  });
});
