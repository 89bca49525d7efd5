import { IntegrityError, digestOf } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';
import {
  checkCommitArg,
  checkDigestArg,
  missingObjectForCommitError,
  refConflictError,
  unbuiltCommitError,
} from './checks.ts';
import { objectKey } from './layout.ts';
import { assertRefName, findRefConflict } from './ref-name.ts';
import type { PutResult, Store } from './types.ts';

/** Optional backing maps, so tests can seed a store or change its bytes behind its back. */
export interface MemoryStoreInit {
  /** Object bytes by digest. The store verifies them on read like any other backend. */
  readonly objects?: Map<Digest, Uint8Array>;
}

/**
 * A store held in memory: for tests, `actuate run` on a working tree, and builds that publish
 * elsewhere. Same semantics as the filesystem store (it passes the same contract tests): bytes are
 * copied in and out so callers cannot change an object after the fact, and reads are verified.
 */
export function createMemoryStore(init: MemoryStoreInit = {}): Store {
  const objects = init.objects ?? new Map<Digest, Uint8Array>();
  const commits = new Map<CommitSha, Digest>();
  const refs = new Map<string, CommitSha>();
  const where = 'memory store';

  async function has(digest: Digest): Promise<boolean> {
    checkDigestArg(digest);
    return objects.has(digest);
  }

  async function get(digest: Digest): Promise<Uint8Array | undefined> {
    checkDigestArg(digest);
    const bytes = objects.get(digest);
    if (bytes === undefined) return undefined;
    const actual = digestOf(bytes);
    if (actual !== digest) {
      throw new IntegrityError(
        `object ${digest} in ${where} is corrupt: the bytes at ${objectKey(digest)} hash to ${actual}`,
      );
    }
    return bytes.slice();
  }

  async function put(bytes: Uint8Array): Promise<PutResult> {
    const digest = digestOf(bytes);
    if (objects.has(digest)) {
      await get(digest); // never overwritten, so a corrupt copy must fail loudly rather than pass as stored
      return { digest, written: false };
    }
    objects.set(digest, bytes.slice());
    return { digest, written: true };
  }

  async function getCommit(commit: CommitSha): Promise<Digest | undefined> {
    checkCommitArg(commit);
    return commits.get(commit);
  }

  async function setCommit(commit: CommitSha, manifest: Digest): Promise<void> {
    checkCommitArg(commit);
    checkDigestArg(manifest);
    if (!objects.has(manifest)) throw missingObjectForCommitError(commit, manifest, where);
    commits.set(commit, manifest);
  }

  async function getRef(name: string): Promise<CommitSha | undefined> {
    assertRefName(name);
    return refs.get(name);
  }

  async function setRef(name: string, commit: CommitSha): Promise<void> {
    assertRefName(name);
    checkCommitArg(commit);
    const conflict = findRefConflict(refs.keys(), name);
    if (conflict !== undefined) throw refConflictError(name, conflict);
    if (!commits.has(commit)) throw unbuiltCommitError(name, commit, where);
    refs.set(name, commit);
  }

  return {
    describe: () => where,
    has,
    get,
    put,
    getCommit,
    setCommit,
    getRef,
    setRef,
    listRefs: async () => [...refs.keys()].sort(),
    listCommits: async () => [...commits.keys()].sort(),
    listObjects: async () => [...objects.keys()].sort(),
  };
}
