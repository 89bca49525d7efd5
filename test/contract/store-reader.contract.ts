import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrityError, UsageError, digestOf } from '../../src/core/index.ts';
import type { CommitSha, Digest } from '../../src/core/index.ts';
import type { Store, StoreReader } from '../../src/store/index.ts';
import { testCommit } from './store.contract.ts';

/**
 * A read-only view (`reader`) of a store that the test writes through `writer`: an HTTP store
 * served from an fs store directory, or a second clone of a git branch store.
 */
export interface StoreReaderFixture {
  readonly reader: StoreReader;
  /** Where the reader's content comes from. */
  readonly writer: Store;
  /** Makes the writer's writes visible to the reader (a git store pushes; a directory needs nothing). */
  publish(): Promise<void>;
  /** Replaces an object's bytes where the reader reads them, as an attacker or a broken host would. */
  tamper(digest: Digest, bytes: Uint8Array): Promise<void>;
  /** True when the backend can list (a static HTTP host cannot, and must refuse with a UsageError). */
  readonly lists: boolean;
  cleanup?(): Promise<void>;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * What every {@link StoreReader} must do, whatever is behind it: return exactly the bytes written,
 * verified against their digest; report absent things as absent; see commit and ref entries move
 * (no stale caching of anything mutable); refuse bad names and tampered bytes with the same error
 * classes as the writable backends. The full {@link describeStoreContract} still applies to every
 * writable backend; this is the part a read-only backend can honour.
 */
export function describeStoreReaderContract(name: string, factory: () => Promise<StoreReaderFixture>): void {
  describe(`StoreReader contract: ${name}`, () => {
    let fixture: StoreReaderFixture;
    let reader: StoreReader;
    let writer: Store;
    beforeEach(async () => {
      fixture = await factory();
      reader = fixture.reader;
      writer = fixture.writer;
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    async function build(commit: CommitSha, content = `manifest of ${commit}`): Promise<Digest> {
      const { digest } = await writer.put(text(content));
      await writer.setCommit(commit, digest);
      return digest;
    }

    it('reads back exactly the bytes written, empty and binary included', async () => {
      const objects = [text('exports.onExecutePostLogin = async () => {};\n'), new Uint8Array(0), Uint8Array.from({ length: 256 }, (_, i) => i)];
      const digests = await Promise.all(objects.map(async (o) => (await writer.put(o)).digest));
      await fixture.publish();
      for (const [i, digest] of digests.entries()) {
        expect(await reader.has(digest)).toBe(true);
        expect(await reader.get(digest)).toEqual(objects[i]);
        expect(await reader.get(digest)).toEqual(objects[i]); // a second read (from a cache, if any) is the same
      }
    });

    it('reports absent objects, commits and refs as absent', async () => {
      await build(testCommit(1));
      await fixture.publish();
      expect(await reader.has(digestOf('never stored'))).toBe(false);
      expect(await reader.get(digestOf('never stored'))).toBeUndefined();
      expect(await reader.getCommit(testCommit(2))).toBeUndefined();
      expect(await reader.getRef('main')).toBeUndefined();
      expect(await reader.getRef('release/eu')).toBeUndefined();
    });

    it('hands out copies: changing a returned buffer changes nothing later reads see', async () => {
      const { digest } = await writer.put(text('original'));
      await fixture.publish();
      const first = (await reader.get(digest))!;
      first[0] = 0x58;
      expect(new TextDecoder().decode(await reader.get(digest))).toBe('original');
    });

    it('refuses tampered and truncated objects, naming the digest', async () => {
      const a = (await writer.put(text('exports.x = 1;'))).digest;
      const b = (await writer.put(text('a longer bundle that gets cut short'))).digest;
      await fixture.publish();
      await fixture.tamper(a, text('exports.x = 2; // injected'));
      await fixture.tamper(b, new Uint8Array(0));
      await expect(reader.get(a)).rejects.toBeInstanceOf(IntegrityError);
      await expect(reader.get(a)).rejects.toThrow(a);
      await expect(reader.get(b)).rejects.toBeInstanceOf(IntegrityError);
    });

    it('follows commit entries and refs as they move', async () => {
      const [c1, c2] = [testCommit(1), testCommit(2)];
      const m1 = await build(c1);
      const m2 = await build(c2);
      await writer.setRef('main', c1);
      await writer.setRef('release/eu', c2);
      await fixture.publish();
      expect(await reader.getCommit(c1)).toBe(m1);
      expect(await reader.getRef('main')).toBe(c1);
      expect(await reader.getRef('release/eu')).toBe(c2);
      await writer.setRef('main', c2);
      const rebuilt = await build(c1, 'rebuilt by a newer toolchain');
      await fixture.publish();
      expect(await reader.getRef('main')).toBe(c2);
      expect(await reader.getCommit(c1)).toBe(rebuilt);
      expect(await reader.getCommit(c2)).toBe(m2);
    });

    it.each(['', '.hidden', 'a..b', 'a/', '/a', 'a b', 'x.lock', 'a~1', 'a:b', 'a?', '@', 'a@{1}', '../../etc/passwd'])(
      'refuses the invalid ref name %j',
      async (bad) => {
        await expect(reader.getRef(bad)).rejects.toBeInstanceOf(UsageError);
      },
    );

    it('refuses values that are not digests or commit shas', async () => {
      await expect(reader.get('sha256:../../x' as Digest)).rejects.toBeInstanceOf(UsageError);
      await expect(reader.has('nope' as Digest)).rejects.toBeInstanceOf(UsageError);
      await expect(reader.getCommit('HEAD' as CommitSha)).rejects.toBeInstanceOf(UsageError);
    });

    it('lists sorted, or refuses to list with a UsageError when the backend cannot', async () => {
      const commits = [testCommit(5), testCommit(3)];
      const digests = [await build(commits[0]!), await build(commits[1]!)];
      await writer.setRef('main', commits[0]!);
      await fixture.publish();
      if (fixture.lists) {
        expect(await reader.listCommits()).toEqual([...commits].sort());
        expect(await reader.listRefs()).toEqual(['main']);
        expect(await reader.listObjects()).toEqual([...digests].sort());
      } else {
        await expect(reader.listCommits()).rejects.toBeInstanceOf(UsageError);
        await expect(reader.listRefs()).rejects.toBeInstanceOf(UsageError);
        await expect(reader.listObjects()).rejects.toThrow(/cannot be listed/);
      }
    });

    it('describes itself for messages', () => {
      expect(reader.describe()).toMatch(/\S/);
    });
  });
}
