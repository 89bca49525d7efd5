import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrityError, UsageError, digestOf, parseCommitSha } from '../../src/core/index.ts';
import type { CommitSha, Digest } from '../../src/core/index.ts';
import type { Store } from '../../src/store/index.ts';

/** A fresh, empty store plus the backdoors the contract needs to test it. */
export interface StoreFixture {
  readonly store: Store;
  /** Replaces an object's stored bytes behind the store's back, as disk corruption or an attacker would. */
  tamper(digest: Digest, bytes: Uint8Array): Promise<void>;
  /** Releases what the fixture made (temporary directories). */
  cleanup?(): Promise<void>;
}

/** A deterministic, valid commit sha for test number `n`. */
export function testCommit(n: number): CommitSha {
  return parseCommitSha(createHash('sha1').update(`commit ${n}`).digest('hex'))!;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The behaviour every {@link Store} backend must have. Run it once per backend:
 * `describeStoreContract('fs', async () => ({ store, tamper, cleanup }))`.
 */
export function describeStoreContract(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: Store;
    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    /** Puts a manifest-like object and records it for `commit`, so refs can point at the commit. */
    async function build(commit: CommitSha, content = `manifest of ${commit}`): Promise<Digest> {
      const { digest } = await store.put(text(content));
      await store.setCommit(commit, digest);
      return digest;
    }

    describe('objects', () => {
      it('round-trips bytes under their sha256 digest', async () => {
        const bytes = text('exports.onExecutePostLogin = async () => {};\n');
        const { digest, written } = await store.put(bytes);
        expect(digest).toBe(digestOf(bytes));
        expect(written).toBe(true);
        expect(await store.has(digest)).toBe(true);
        expect(await store.get(digest)).toEqual(bytes);
      });

      it('round-trips empty and binary objects', async () => {
        const empty = new Uint8Array(0);
        const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
        const a = await store.put(empty);
        const b = await store.put(binary);
        expect(await store.get(a.digest)).toEqual(empty);
        expect(await store.get(b.digest)).toEqual(binary);
      });

      it('reports absent objects as absent, not as errors', async () => {
        const digest = digestOf('never stored');
        expect(await store.has(digest)).toBe(false);
        expect(await store.get(digest)).toBeUndefined();
      });

      it('puts idempotently: the second put of the same bytes writes nothing', async () => {
        const first = await store.put(text('same'));
        const second = await store.put(text('same'));
        expect(second).toEqual({ digest: first.digest, written: false });
        expect(await store.listObjects()).toEqual([first.digest]);
      });

      it('keeps its own copy: changing the caller\'s buffers later changes nothing stored', async () => {
        const bytes = text('original');
        const { digest } = await store.put(bytes);
        bytes[0] = 0x58;
        const read = (await store.get(digest))!;
        read[1] = 0x58;
        expect(new TextDecoder().decode(await store.get(digest))).toBe('original');
      });

      it('refuses tampered bytes on read, naming the digest', async () => {
        const { digest } = await store.put(text('exports.x = 1;'));
        await fixture.tamper(digest, text('exports.x = 2; // injected'));
        const read = store.get(digest);
        await expect(read).rejects.toBeInstanceOf(IntegrityError);
        await expect(store.get(digest)).rejects.toThrow(digest);
      });

      it('refuses to report a tampered object as stored when the same bytes are put again', async () => {
        const bytes = text('exports.x = 1;');
        const { digest } = await store.put(bytes);
        await fixture.tamper(digest, text('exports.x = 2;'));
        await expect(store.put(bytes)).rejects.toBeInstanceOf(IntegrityError);
      });

      it('refuses a truncated object on read', async () => {
        const { digest } = await store.put(text('a longer bundle that gets cut short'));
        await fixture.tamper(digest, new Uint8Array(0));
        await expect(store.get(digest)).rejects.toBeInstanceOf(IntegrityError);
      });

      it('lists objects sorted by digest, whatever the insertion order', async () => {
        const digests: Digest[] = [];
        for (const s of ['c', 'a', 'b', 'd', 'e', 'f']) digests.push((await store.put(text(s))).digest);
        expect(await store.listObjects()).toEqual([...digests].sort());
      });

      it('survives concurrent puts of the same bytes: one write, one object, readable', async () => {
        const bytes = text('x'.repeat(200_000));
        const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
        expect(new Set(results.map((r) => r.digest))).toEqual(new Set([digestOf(bytes)]));
        expect(results.filter((r) => r.written)).toHaveLength(1);
        expect(await store.listObjects()).toEqual([digestOf(bytes)]);
        expect(await store.get(digestOf(bytes))).toEqual(bytes);
      });

      it('survives concurrent puts of different bytes', async () => {
        const contents = Array.from({ length: 20 }, (_, i) => text(`object ${i}`));
        const results = await Promise.all(contents.map((c) => store.put(c)));
        expect(results.every((r) => r.written)).toBe(true);
        expect(await store.listObjects()).toEqual(contents.map((c) => digestOf(c)).sort());
      });
    });

    describe('commits', () => {
      it('maps a commit to its manifest digest, and only after the manifest is stored', async () => {
        const commit = testCommit(1);
        expect(await store.getCommit(commit)).toBeUndefined();
        await expect(store.setCommit(commit, digestOf('not stored'))).rejects.toBeInstanceOf(UsageError);
        expect(await store.getCommit(commit)).toBeUndefined();
        const digest = await build(commit);
        expect(await store.getCommit(commit)).toBe(digest);
      });

      it('replaces the manifest of a rebuilt commit', async () => {
        const commit = testCommit(1);
        await build(commit, 'built by toolchain 1');
        const second = await build(commit, 'built by toolchain 2');
        expect(await store.getCommit(commit)).toBe(second);
      });

      it('lists commits sorted', async () => {
        const commits = [5, 3, 9, 1].map(testCommit);
        for (const c of commits) await build(c);
        expect(await store.listCommits()).toEqual([...commits].sort());
      });
    });

    describe('refs', () => {
      it('points a ref at a built commit and moves it', async () => {
        const [a, b] = [testCommit(1), testCommit(2)];
        await build(a);
        await build(b);
        expect(await store.getRef('main')).toBeUndefined();
        await store.setRef('main', a);
        expect(await store.getRef('main')).toBe(a);
        await store.setRef('main', b);
        expect(await store.getRef('main')).toBe(b);
      });

      it('refuses to point a ref at a commit with no manifest', async () => {
        await expect(store.setRef('main', testCommit(7))).rejects.toBeInstanceOf(UsageError);
        await expect(store.setRef('main', testCommit(7))).rejects.toThrow(/no manifest/);
        expect(await store.getRef('main')).toBeUndefined();
      });

      it('accepts names with "/" and lists refs sorted', async () => {
        const c = testCommit(1);
        await build(c);
        for (const name of ['release/eu', 'main', 'release/us', 'feature/x-1.2_b', 'v1.0']) await store.setRef(name, c);
        expect(await store.listRefs()).toEqual(['feature/x-1.2_b', 'main', 'release/eu', 'release/us', 'v1.0']);
        expect(await store.getRef('release/eu')).toBe(c);
        expect(await store.getRef('release')).toBeUndefined();
      });

      it.each([
        '', '.hidden', 'a/.hidden', 'a..b', '..', 'a/', '/a', 'a//b', 'a b', 'x.lock', 'a/x.lock/b', 'a~1', 'a^', 'a:b',
        'a?', 'a*', 'a[b', 'a\\b', '@', 'a@{1}', 'end.', 'tab\there', 'nl\n', 'del\u007f', '../../etc/passwd',
      ])('refuses the invalid ref name %j for reading and writing', async (name) => {
        const c = testCommit(1);
        await build(c);
        await expect(store.setRef(name, c)).rejects.toBeInstanceOf(UsageError);
        await expect(store.getRef(name)).rejects.toBeInstanceOf(UsageError);
        expect(await store.listRefs()).toEqual([]);
      });

      it('refuses a ref that clashes with another as file and folder ("a" vs "a/b")', async () => {
        const c = testCommit(1);
        await build(c);
        await store.setRef('release', c);
        await expect(store.setRef('release/eu', c)).rejects.toThrow(/clashes with ref "release"/);
        await store.setRef('team/one', c);
        await expect(store.setRef('team', c)).rejects.toBeInstanceOf(UsageError);
        expect(await store.listRefs()).toEqual(['release', 'team/one']);
      });

      it('replaces refs atomically: concurrent readers see the old or the new commit, never anything else', async () => {
        const [a, b] = [testCommit(1), testCommit(2)];
        await build(a);
        await build(b);
        await store.setRef('main', a);
        const seen: (CommitSha | undefined)[] = [];
        let writing = true;
        const writer = (async () => {
          for (let i = 0; i < 150; i++) await store.setRef('main', i % 2 === 0 ? b : a);
          writing = false;
        })();
        const readers = Array.from({ length: 3 }, async () => {
          while (writing) seen.push(await store.getRef('main'));
        });
        await Promise.all([writer, ...readers]);
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.filter((c) => c !== a && c !== b)).toEqual([]);
        expect(await store.getRef('main')).toBe(a);
      });
    });

    it('describes itself for messages', () => {
      expect(store.describe()).toMatch(/\S/);
    });
  });
}
