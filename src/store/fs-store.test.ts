import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCommit } from '../../test/contract/store.contract.ts';
import { IntegrityError, UsageError, digestHex } from '../core/index.ts';
import { createFsStore } from './fs-store.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('fs store', () => {
  let dir: string;
  let root: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actuate-fs-store-'));
    root = join(dir, 'store');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('uses the DESIGN.md layout: objects/sha256/<aa>/<rest>, commits/<sha>, refs/<name>', async () => {
    const store = createFsStore(root);
    const { digest } = await store.put(text('bundle'));
    const hex = digestHex(digest);
    const commit = testCommit(1);
    await store.setCommit(commit, digest);
    await store.setRef('release/eu', commit);

    expect(await readFile(join(root, 'objects', 'sha256', hex.slice(0, 2), hex.slice(2)), 'utf8')).toBe('bundle');
    expect(await readFile(join(root, 'commits', commit), 'utf8')).toBe(`${digest}\n`);
    expect(await readFile(join(root, 'refs', 'release', 'eu'), 'utf8')).toBe(`${commit}\n`);
    expect((await readdir(root)).sort()).toEqual(['commits', 'objects', 'refs']);
  });

  it('leaves no temporary files behind and makes objects read-only', async () => {
    const store = createFsStore(root);
    const { digest } = await store.put(text('bundle'));
    await Promise.all([store.put(text('bundle')), store.put(text('bundle'))]);
    await store.setCommit(testCommit(1), digest);
    await store.setRef('main', testCommit(1));
    const hex = digestHex(digest);
    const fan = join(root, 'objects', 'sha256', hex.slice(0, 2));
    expect(await readdir(fan)).toEqual([hex.slice(2)]);
    expect(await readdir(join(root, 'commits'))).toEqual([testCommit(1)]);
    expect(await readdir(join(root, 'refs'))).toEqual(['main']);
    expect((await stat(join(fan, hex.slice(2)))).mode & 0o222).toBe(0);
  });

  it('ignores leftovers of an interrupted write when listing', async () => {
    const store = createFsStore(root);
    const { digest } = await store.put(text('bundle'));
    const hex = digestHex(digest);
    await writeFile(join(root, 'objects', 'sha256', hex.slice(0, 2), '.tmp-123-abc'), 'partial');
    await mkdir(join(root, 'refs'), { recursive: true });
    await writeFile(join(root, 'refs', '.tmp-9-x'), 'partial');
    await writeFile(join(root, 'objects', 'sha256', 'README'), 'not an object');
    expect(await store.listObjects()).toEqual([digest]);
    expect(await store.listRefs()).toEqual([]);
  });

  it('persists across instances on the same directory', async () => {
    const { digest } = await createFsStore(root).put(text('bundle'));
    await createFsStore(root).setCommit(testCommit(1), digest);
    const reopened = createFsStore(root);
    expect(await reopened.getCommit(testCommit(1))).toBe(digest);
    expect(new TextDecoder().decode(await reopened.get(digest))).toBe('bundle');
  });

  it('reads a store directory that does not exist yet as empty', async () => {
    const store = createFsStore(join(dir, 'nowhere'));
    expect(await store.listObjects()).toEqual([]);
    expect(await store.listCommits()).toEqual([]);
    expect(await store.listRefs()).toEqual([]);
    expect(await store.getRef('main')).toBeUndefined();
    expect(await store.getCommit(testCommit(1))).toBeUndefined();
  });

  it('names the file when a tampered object is read', async () => {
    const store = createFsStore(root);
    const { digest } = await store.put(text('bundle'));
    const hex = digestHex(digest);
    const file = join(root, 'objects', 'sha256', hex.slice(0, 2), hex.slice(2));
    await rm(file);
    await writeFile(file, 'garbage');
    await expect(store.get(digest)).rejects.toThrow(file);
  });

  it('refuses malformed commit and ref entries with an IntegrityError naming the file', async () => {
    const store = createFsStore(root);
    await mkdir(join(root, 'commits'), { recursive: true });
    await mkdir(join(root, 'refs'), { recursive: true });
    await writeFile(join(root, 'commits', testCommit(1)), 'sha256:not-hex\n');
    await writeFile(join(root, 'refs', 'main'), 'HEAD\n');
    await expect(store.getCommit(testCommit(1))).rejects.toBeInstanceOf(IntegrityError);
    await expect(store.getCommit(testCommit(1))).rejects.toThrow(join(root, 'commits', testCommit(1)));
    await expect(store.getRef('main')).rejects.toThrow(/refs.main.*should hold a 40-digit commit sha but holds "HEAD"/);
  });

  it('explains invalid ref names', async () => {
    const store = createFsStore(root);
    const error = await store.getRef('a..b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('invalid ref name "a..b": it contains ".."');
    expect((error as UsageError).hint).toMatch(/release\/eu/);
  });
});
