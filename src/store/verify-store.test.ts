import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCommit } from '../../test/contract/store.contract.ts';
import { putSampleObjects, sampleManifest } from '../../test/manifest/sample-manifest.ts';
import type { Digest } from '../core/index.ts';
import { writeManifest } from '../manifest/index.ts';
import { createFsStore } from './fs-store.ts';
import { commitKey, objectKey, refKey } from './layout.ts';
import { createMemoryStore } from './memory-store.ts';
import type { Store } from './types.ts';
import { verifyStore } from './verify-store.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('verifyStore', () => {
  let dir: string;
  let store: Store;
  let digests: Awaited<ReturnType<typeof putSampleObjects>>;
  let manifestDigest: Digest;
  const commit = testCommit(1);
  const file = (key: string): string => join(dir, ...key.split('/'));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actuate-verify-'));
    store = createFsStore(dir);
    digests = await putSampleObjects(store);
    manifestDigest = await writeManifest(store, commit, sampleManifest());
    await store.setRef('main', commit);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function overwrite(key: string, content: string): Promise<void> {
    await mkdir(join(file(key), '..'), { recursive: true });
    await chmod(file(key), 0o644).catch(() => undefined);
    await writeFile(file(key), content);
  }

  it('finds nothing wrong in a healthy store and says what it checked', async () => {
    expect(await verifyStore(store)).toEqual({ ok: true, diagnostics: [], checked: { objects: 7, commits: 1, refs: 1 } });
  });

  it('finds a tampered bundle, at the object and at the action that uses it', async () => {
    await overwrite(objectKey(digests.enrichBundle), 'exports.onExecutePostLogin = async () => { /* evil */ };');
    const result = await verifyStore(store);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_STORE_TAMPERED', file: objectKey(digests.enrichBundle), message: expect.stringContaining(digests.enrichBundle) }),
      expect.objectContaining({
        code: 'E_STORE_TAMPERED',
        pointer: '/flows/post-login/actions/0/bundle',
        message: expect.stringContaining(`the bundle of action "enrich" (post-login) in the manifest of commit ${commit}`),
      }),
    ]);
  });

  it('finds a missing source map and names the action and pointer', async () => {
    await rm(file(objectKey(digests.mfaMap)));
    const result = await verifyStore(store);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E_STORE_MISSING',
        severity: 'error',
        file: objectKey(digests.mfaMap),
        pointer: '/flows/post-login/actions/1/sourceMap',
        message: `the source map of action "mfa" (post-login) in the manifest of commit ${commit}, ${digests.mfaMap}, is missing`,
      }),
    ]);
  });

  it('finds a commit whose manifest is missing', async () => {
    await rm(file(objectKey(manifestDigest)));
    const result = await verifyStore(store);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'E_STORE_MISSING', file: commitKey(commit) })]);
  });

  it('finds a tampered manifest', async () => {
    await overwrite(objectKey(manifestDigest), '{}');
    const codes = (await verifyStore(store)).diagnostics.map((d) => `${d.code} ${d.file}`);
    expect(codes).toEqual([`E_STORE_TAMPERED ${objectKey(manifestDigest)}`, `E_STORE_TAMPERED ${commitKey(commit)}`]);
  });

  it('finds a commit whose manifest is invalid, with the pointer of each problem', async () => {
    const other = testCommit(2);
    const { digest } = await store.put(encode(JSON.stringify({ ...sampleManifest(), tree: 'nope' })));
    await store.setCommit(other, digest);
    const result = await verifyStore(store);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_STORE_INVALID', file: objectKey(digest), pointer: '/tree', message: expect.stringContaining(`the manifest of commit ${other} is invalid`) }),
    ]);
  });

  it('finds malformed commit and ref entries and dangling refs', async () => {
    await overwrite(commitKey(testCommit(3)), 'garbage');
    await overwrite(refKey('broken'), 'garbage');
    await overwrite(refKey('release/eu'), `${testCommit(4)}\n`);
    const result = await verifyStore(store);
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([
      `E_STORE_INVALID ${commitKey(testCommit(3))}`,
      `E_STORE_INVALID ${refKey('broken')}`,
      `E_STORE_DANGLING_REF ${refKey('release/eu')}`,
    ]);
    expect(result.checked).toEqual({ objects: 7, commits: 2, refs: 3 });
  });

  it('works on any backend: a tampered object in a memory store', async () => {
    const objects = new Map<Digest, Uint8Array>();
    const memory = createMemoryStore({ objects });
    await putSampleObjects(memory);
    await writeManifest(memory, commit, sampleManifest());
    objects.set(digests.welcomeBundle, encode('tampered'));
    const result = await verifyStore(memory);
    expect(result.diagnostics.map((d) => `${d.code} ${d.pointer ?? ''}`)).toEqual([
      'E_STORE_TAMPERED ',
      'E_STORE_TAMPERED /flows/post-user-registration/actions/0/bundle',
    ]);
  });
});
