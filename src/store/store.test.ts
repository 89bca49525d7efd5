import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../../test/contract/store.contract.ts';
import type { Digest } from '../core/index.ts';
import { createFsStore } from './fs-store.ts';
import { objectKey } from './layout.ts';
import { createMemoryStore } from './memory-store.ts';

describeStoreContract('fs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'actuate-store-'));
  return {
    store: createFsStore(join(dir, 'store')),
    async tamper(digest, bytes) {
      const file = join(dir, 'store', objectKey(digest));
      await chmod(file, 0o644);
      await writeFile(file, bytes);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describeStoreContract('memory', async () => {
  const objects = new Map<Digest, Uint8Array>();
  return {
    store: createMemoryStore({ objects }),
    async tamper(digest, bytes) {
      objects.set(digest, bytes);
    },
  };
});
