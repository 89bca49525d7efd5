import type { CommitSha, Digest } from '../../core/index.ts';
import type { StoreReader } from '../../store/index.ts';
import type { DeploymentPayload } from './protocol.ts';

/**
 * The read-only store a worker hands to `loadDeployment`: just the objects of one payload, which
 * the main thread already verified against their digests (so they are not hashed again in every
 * worker). Kept here rather than using the memory store so a worker never imports the store module
 * and its backends.
 */
export function payloadStore(payload: DeploymentPayload): StoreReader {
  const objects = new Map<string, Uint8Array>(payload.objects);
  const where = `deployment ${payload.digest} (in a worker)`;
  return {
    describe: () => where,
    has: async (digest) => objects.has(digest),
    get: async (digest) => objects.get(digest),
    getCommit: async (commit) => (commit === payload.commit ? payload.digest : undefined),
    getRef: async () => undefined,
    listRefs: async () => [],
    listCommits: async () => (payload.commit === undefined ? [] : [payload.commit as CommitSha]),
    listObjects: async () => [...objects.keys()].sort() as Digest[],
  };
}
