import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStoreReaderContract } from '../../test/contract/store-reader.contract.ts';
import { staticServer } from '../../test/github/static-server.ts';
import { testCommit } from '../../test/contract/store.contract.ts';
import { IntegrityError, UsageError, digestOf } from '../core/index.ts';
import { createFsStore } from './fs-store.ts';
import { createHttpStore } from './http-store.ts';
import { objectKey } from './layout.ts';

describeStoreReaderContract('http', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'actuate-http-store-'));
  const served = await staticServer(dir);
  return {
    reader: createHttpStore({ url: served.url, cacheDir: join(dir, 'cache') }),
    writer: createFsStore(join(dir, 'store')),
    publish: async () => undefined,
    async tamper(digest, bytes) {
      const file = join(dir, 'store', objectKey(digest));
      await chmod(file, 0o644);
      await writeFile(file, bytes);
    },
    lists: false,
    async cleanup() {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('http store', () => {
  let dir: string;
  let served: Awaited<ReturnType<typeof staticServer>>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actuate-http-store-'));
    served = await staticServer(dir);
  });
  afterEach(async () => {
    await served.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('downloads a verified object once and serves it from the local cache afterwards', async () => {
    const { digest } = await createFsStore(join(dir, 'store')).put(new TextEncoder().encode('bundle'));
    const store = createHttpStore({ url: `${served.url}/`, cacheDir: join(dir, 'cache') });
    expect(new TextDecoder().decode(await store.get(digest))).toBe('bundle');
    expect(new TextDecoder().decode(await store.get(digest))).toBe('bundle');
    expect(await store.has(digest)).toBe(true);
    expect(served.requests.filter((r) => r.includes('/objects/'))).toHaveLength(1);
    expect((await stat(join(dir, 'cache', objectKey(digest)))).isFile()).toBe(true);
  });

  it('never caches a refused object', async () => {
    const fs = createFsStore(join(dir, 'store'));
    const { digest } = await fs.put(new TextEncoder().encode('bundle'));
    await chmod(join(dir, 'store', objectKey(digest)), 0o644);
    await writeFile(join(dir, 'store', objectKey(digest)), 'evil');
    const store = createHttpStore({ url: served.url, cacheDir: join(dir, 'cache') });
    const error = await store.get(digest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain(`${served.url}/${objectKey(digest)} hash to ${digestOf('evil')}`);
    expect(await createFsStore(join(dir, 'cache')).has(digest)).toBe(false);
  });

  it('explains an unreachable server, an HTTP error and a timeout', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = createHttpStore({ url: `http://127.0.0.1:${freePort}/store`, cacheDir: join(dir, 'cache') });
    await expect(down.getRef('main')).rejects.toThrow(new RegExp(`cannot read http://127\\.0\\.0\\.1:${freePort}/store/refs/main .*ECONNREFUSED`));

    const failing = createServer((_req, res) => res.writeHead(401, 'Unauthorized').end());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const { port } = failing.address() as AddressInfo;
    const denied = createHttpStore({ url: `http://127.0.0.1:${port}`, cacheDir: join(dir, 'cache'), headers: { authorization: 'Bearer secret-token' } });
    const error = (await denied.getCommit(testCommit(1)).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(/HTTP 401 Unauthorized/);
    expect(error.hint).toMatch(/credentials/);
    expect(error.message + error.hint).not.toContain('secret-token');
    await new Promise<void>((resolve) => failing.close(() => resolve()));

    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const slow = createHttpStore({ url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, cacheDir: join(dir, 'cache'), timeoutMs: 200 });
    await expect(slow.getRef('main')).rejects.toThrow(/no answer within 200 ms/);
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  it('refuses URLs that are not http(s), and malformed entries', async () => {
    expect(() => createHttpStore({ url: 'ftp://x/store', cacheDir: dir })).toThrow(UsageError);
    expect(() => createHttpStore({ url: 'not a url', cacheDir: dir })).toThrow(/not a URL/);
    const fs = createFsStore(join(dir, 'store'));
    const { digest } = await fs.put(new TextEncoder().encode('m'));
    await fs.setCommit(testCommit(1), digest);
    await fs.setRef('main', testCommit(1));
    await writeFile(join(dir, 'store', 'refs', 'main'), 'HEAD\n');
    const store = createHttpStore({ url: served.url, cacheDir: join(dir, 'cache') });
    await expect(store.getRef('main')).rejects.toThrow(/refs\/main should hold a 40-digit commit sha but holds "HEAD"/);
  });
});
