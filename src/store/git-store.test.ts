import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStoreReaderContract } from '../../test/contract/store-reader.contract.ts';
import { describeStoreContract, testCommit } from '../../test/contract/store.contract.ts';
import { UsageError } from '../core/index.ts';
import { createGitStore, type GitBranchStore } from './git-store.ts';
import { objectKey } from './layout.ts';
import { openStore, openWritableStore, parseStoreSpec } from './open-store.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

async function bareRepo(): Promise<{ dir: string; url: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'actuate-git-store-'));
  git(dir, 'init', '-q', '--bare', 'remote.git');
  return { dir, url: `file://${join(dir, 'remote.git')}`, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

describeStoreContract('git branch', async () => {
  const remote = await bareRepo();
  const store = createGitStore({ url: remote.url, branch: 'actuate-store', cacheDir: join(remote.dir, 'clone') });
  return {
    store,
    async tamper(digest, bytes) {
      const file = join(remote.dir, 'clone', objectKey(digest));
      await chmod(file, 0o644);
      await writeFile(file, bytes);
    },
    cleanup: remote.cleanup,
  };
});

describeStoreReaderContract('git branch (a second clone)', async () => {
  const remote = await bareRepo();
  const writer = createGitStore({ url: remote.url, cacheDir: join(remote.dir, 'writer') });
  const reader = createGitStore({ url: remote.url, cacheDir: join(remote.dir, 'reader'), fetchIntervalMs: 0 });
  return {
    reader,
    writer,
    async publish() {
      await writer.flush();
    },
    async tamper(digest, bytes) {
      await reader.refresh();
      const file = join(remote.dir, 'reader', objectKey(digest));
      await chmod(file, 0o644);
      await writeFile(file, bytes);
    },
    lists: true,
    cleanup: remote.cleanup,
  };
});

describe('git branch store', () => {
  let remote: Awaited<ReturnType<typeof bareRepo>>;
  const open = (name: string, fetchIntervalMs = 0): GitBranchStore =>
    createGitStore({ url: remote.url, branch: 'actuate-store', cacheDir: join(remote.dir, name), fetchIntervalMs });
  const branchLog = (): string[] => git(join(remote.dir, 'remote.git'), 'log', '--format=%s', 'actuate-store').split('\n');

  beforeEach(async () => {
    remote = await bareRepo();
  });
  afterEach(() => remote.cleanup());

  it('pushes one commit per flush, with the DESIGN.md layout at the branch root', async () => {
    const store = open('a');
    const objects = await Promise.all(['bundle', 'map', 'manifest'].map((s) => store.put(text(s))));
    await store.setCommit(testCommit(1), objects[2]!.digest);
    await store.setRef('main', testCommit(1));
    expect(store.pendingEntries()).toBe(5);
    const result = await store.flush('publish 1');
    expect(result).toMatchObject({ pushed: true, entries: 5 });
    expect(branchLog()).toEqual(['publish 1']);
    const tree = git(join(remote.dir, 'remote.git'), 'ls-tree', '-r', '--name-only', 'actuate-store').split('\n');
    expect(tree).toEqual([`commits/${testCommit(1)}`, ...objects.map((o) => objectKey(o.digest)).sort(), 'refs/main']);
    expect(git(join(remote.dir, 'remote.git'), 'show', 'actuate-store:refs/main')).toBe(testCommit(1));
  });

  it('publishes nothing when a flush has nothing new, even after rewriting the same entries', async () => {
    const store = open('a');
    const { digest } = await store.put(text('manifest'));
    await store.setCommit(testCommit(1), digest);
    await store.setRef('main', testCommit(1));
    await store.flush();
    expect(await store.flush()).toEqual({ pushed: false, commit: undefined, entries: 0 });
    const again = open('b');
    expect((await again.put(text('manifest'))).written).toBe(false);
    await again.setCommit(testCommit(1), digest);
    await again.setRef('main', testCommit(1));
    expect((await again.flush()).pushed).toBe(false);
    expect(branchLog()).toHaveLength(1);
  });

  it('replays its writes on top when another writer pushed first, and both land', async () => {
    const a = open('a');
    const b = open('b');
    const ma = (await a.put(text('manifest a'))).digest;
    const mb = (await b.put(text('manifest b'))).digest;
    await a.setCommit(testCommit(1), ma);
    await b.setCommit(testCommit(2), mb);
    await a.setRef('main', testCommit(1));
    await b.setRef('main', testCommit(2));
    await a.flush('from a');
    expect((await b.flush('from b')).pushed).toBe(true);
    expect(branchLog()).toEqual(['from b', 'from a']);
    const reader = open('reader');
    expect(await reader.getCommit(testCommit(1))).toBe(ma);
    expect(await reader.getCommit(testCommit(2))).toBe(mb);
    expect(await reader.getRef('main')).toBe(testCommit(2));
  });

  it('fetches a moved ref on read, and objects missing locally on demand', async () => {
    const writer = open('writer');
    const reader = open('reader');
    expect(await reader.getRef('main')).toBeUndefined();
    const { digest } = await writer.put(text('manifest'));
    await writer.setCommit(testCommit(1), digest);
    await writer.setRef('main', testCommit(1));
    expect(await reader.getRef('main')).toBeUndefined(); // not pushed yet
    await writer.flush();
    expect(await reader.getRef('main')).toBe(testCommit(1));
    const late = (await writer.put(text('late object'))).digest;
    await writer.flush();
    expect(new TextDecoder().decode(await reader.get(late))).toBe('late object');
  });

  it('keeps a reader within fetchIntervalMs of the remote, and refresh() looks at once', async () => {
    const writer = open('writer');
    const reader = open('reader', 3_600_000);
    const { digest } = await writer.put(text('manifest'));
    await writer.setCommit(testCommit(1), digest);
    await writer.setRef('main', testCommit(1));
    expect(await reader.getRef('main')).toBeUndefined();
    await writer.flush();
    expect(await reader.getRef('main')).toBeUndefined(); // throttled: no network on this read
    await reader.refresh();
    expect(await reader.getRef('main')).toBe(testCommit(1));
  });

  it('drops writes a crashed process left unpushed in its clone', async () => {
    const first = open('a');
    await first.put(text('never flushed'));
    const second = open('a');
    expect(await second.listObjects()).toEqual([]);
  });

  it('explains an unreachable remote and a cache dir of another store', async () => {
    const store = createGitStore({ url: `file://${join(remote.dir, 'missing.git')}`, cacheDir: join(remote.dir, 'x') });
    const error = (await store.getRef('main').catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/git ls-remote failed for the git store file:\/\/.*missing\.git#actuate-store/);
    expect(error.hint).toMatch(/check the URL/);
    await open('shared').listRefs();
    const other = createGitStore({ url: 'file:///elsewhere.git', cacheDir: join(remote.dir, 'shared') });
    await expect(other.listRefs()).rejects.toThrow(/is a clone of another remote/);
    expect(() => createGitStore({ url: remote.url, branch: 'a..b', cacheDir: remote.dir })).toThrow(/invalid git store branch "a..b"/);
  });

  it('never shows credentials from the URL in messages', async () => {
    const store = createGitStore({ url: 'https://x-access-token:ghs_secret@127.0.0.1:9/org/repo.git', cacheDir: join(remote.dir, 'c') });
    expect(store.describe()).not.toContain('ghs_secret');
    const error = (await store.getRef('main').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('https://***@127.0.0.1:9/org/repo.git#actuate-store');
    expect(error.message).not.toContain('ghs_secret');
  });
});

describe('openStore', () => {
  it('parses the three kinds of store spec', () => {
    expect(parseStoreSpec('git+file:///tmp/x.git#actuate-store')).toEqual({ kind: 'git', url: 'file:///tmp/x.git', branch: 'actuate-store' });
    expect(parseStoreSpec('git+https://github.com/o/r.git')).toEqual({ kind: 'git', url: 'https://github.com/o/r.git', branch: 'actuate-store' });
    expect(parseStoreSpec('git+https://github.com/o/r.git#stores/prod')).toMatchObject({ branch: 'stores/prod' });
    expect(parseStoreSpec('https://cdn.example.com/store')).toEqual({ kind: 'http', url: 'https://cdn.example.com/store' });
    expect(parseStoreSpec('.actuate/store', '/repo')).toEqual({ kind: 'fs', dir: '/repo/.actuate/store' });
    expect(() => parseStoreSpec('git+#main')).toThrow(/has no URL/);
    expect(() => parseStoreSpec('git+file:///x.git#bad..name')).toThrow(/branch .* is invalid: it contains "\.\."/);
    expect(() => parseStoreSpec('s3://bucket/store')).toThrow(/unsupported store URL/);
    expect(() => parseStoreSpec('')).toThrow(UsageError);
  });

  it('opens HTTP stores read-only and refuses to publish to them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actuate-open-store-'));
    try {
      expect(openStore('https://cdn.example.com/store', { cacheDir: dir }).describe()).toBe('HTTP store https://cdn.example.com/store');
      expect(() => openWritableStore('https://cdn.example.com/store', { cacheDir: dir })).toThrow(/read-only/);
      const fs = openWritableStore(join(dir, 'fs'));
      await fs.store.put(text('x'));
      expect(await fs.flush()).toEqual({ pushed: false, detail: undefined });
      expect(openStore(join(dir, 'fs')).describe()).toContain('fs store');
      expect(await readFile(join(dir, 'fs', objectKey((await fs.store.put(text('x'))).digest)), 'utf8')).toBe('x');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
