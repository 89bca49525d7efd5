import path from 'node:path';
import { IntegrityError, UsageError, digestOf, parseCommitSha, parseDigest } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';
import { checkCommitArg, checkDigestArg, parseEntry } from './checks.ts';
import { createFsStore } from './fs-store.ts';
import { redactUrl } from './git-branch.ts';
import { commitKey, objectKey, refKey } from './layout.ts';
import { assertRefName } from './ref-name.ts';
import type { StoreReader } from './types.ts';

export interface HttpStoreOptions {
  /** Base URL of a published store: `<url>/objects/sha256/aa/…`, `<url>/commits/<sha>`, `<url>/refs/<name>`. */
  readonly url: string;
  /** A directory for verified objects, so each is downloaded once (an fs store; only a cache). */
  readonly cacheDir: string;
  /** Per request, including the body (default 30 s). */
  readonly timeoutMs?: number | undefined;
  /** Extra request headers, e.g. `authorization` for a private bucket. Never shown in messages. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The fetch implementation (default: the global one). */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * A read-only store served over HTTP(S) by anything that serves files: a web server over a
 * published fs store directory, object storage, a CDN, the raw view of a git store branch.
 * Content-addressed objects are immutable, so they are cached forever once verified; `commits/`
 * and `refs/` entries can move, so they are fetched every time with `cache-control: no-cache`.
 *
 * Every object is verified against its digest before it is returned or cached: the host is not
 * trusted, only the digest the manifest names. Static hosts cannot list directories, so the
 * listing methods refuse with a clear error; run `actuate store verify` where the store is written.
 */
export function createHttpStore(options: HttpStoreOptions): StoreReader {
  let base: URL;
  try {
    base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  } catch {
    throw new UsageError(`not a URL: ${JSON.stringify(options.url)}`, 'an HTTP store looks like https://example.com/actuate-store');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new UsageError(`an HTTP store needs an http:// or https:// URL, not ${base.protocol}`, 'use git+<url>#<branch> for a git store, or a directory path');
  }
  const display = redactUrl(base.href.replace(/\/$/, ''));
  const where = `HTTP store ${display}`;
  const cache = createFsStore(path.resolve(options.cacheDir));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? globalThis.fetch;

  /** GETs or HEADs a store key; undefined on 404/410 (absent), bytes otherwise. */
  async function request(key: string, method: 'GET' | 'HEAD', fresh: boolean): Promise<Uint8Array | undefined> {
    const url = new URL(key.split('/').map(encodeURIComponent).join('/'), base);
    const shown = `${display}/${key}`;
    let response: Response;
    let body: ArrayBuffer;
    try {
      response = await doFetch(url, {
        method,
        headers: { ...options.headers, ...(fresh ? { 'cache-control': 'no-cache' } : {}) },
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.arrayBuffer();
    } catch (error) {
      const e = error as Error;
      const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : describeCause(e);
      throw new UsageError(`cannot read ${shown} from the ${where}: ${why}`, 'check the URL and that the server is up and reachable from here', { cause: error });
    }
    if (response.status === 404 || response.status === 410) return undefined;
    if (method === 'HEAD' && (response.status === 405 || response.status === 501)) return request(key, 'GET', fresh);
    if (!response.ok) {
      const auth = response.status === 401 || response.status === 403;
      throw new UsageError(
        `cannot read ${shown} from the ${where}: HTTP ${response.status} ${response.statusText}`.trim(),
        auth ? 'the server refused the credentials: check the headers (e.g. authorization) given for this store' : 'check the URL; a store URL is the directory that holds objects/, commits/ and refs/',
      );
    }
    return new Uint8Array(body);
  }

  async function get(digest: Digest): Promise<Uint8Array | undefined> {
    checkDigestArg(digest);
    const cached = await cache.get(digest);
    if (cached !== undefined) return cached;
    const bytes = await request(objectKey(digest), 'GET', false);
    if (bytes === undefined) return undefined;
    const actual = digestOf(bytes);
    if (actual !== digest) {
      throw new IntegrityError(
        `object ${digest} from the ${where} is corrupt: the bytes served at ${display}/${objectKey(digest)} hash to ${actual}. ` +
          'Refusing it; objects never change once published, so the copy on the server was altered: publish again to restore it.',
      );
    }
    await cache.put(bytes);
    return bytes;
  }

  async function has(digest: Digest): Promise<boolean> {
    checkDigestArg(digest);
    if (await cache.has(digest)) return true;
    return (await request(objectKey(digest), 'HEAD', false)) !== undefined;
  }

  async function getCommit(commit: CommitSha): Promise<Digest | undefined> {
    checkCommitArg(commit);
    const bytes = await request(commitKey(commit), 'GET', true);
    if (bytes === undefined) return undefined;
    return parseEntry(decode(bytes), parseDigest, `commit entry ${display}/${commitKey(commit)}`, 'a manifest digest');
  }

  async function getRef(name: string): Promise<CommitSha | undefined> {
    assertRefName(name);
    const bytes = await request(refKey(name), 'GET', true);
    if (bytes === undefined) return undefined;
    return parseEntry(decode(bytes), parseCommitSha, `ref ${display}/${refKey(name)}`, 'a 40-digit commit sha');
  }

  const cannotList = async (): Promise<never> => {
    throw new UsageError(
      `the ${where} cannot be listed: static HTTP hosts have no directory listing`,
      'read refs, commits and objects by name, or run `actuate store verify` against the store the HTTP server serves',
    );
  };

  return {
    describe: () => where,
    has,
    get,
    getCommit,
    getRef,
    listRefs: cannotList,
    listCommits: cannotList,
    listObjects: cannotList,
  };
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function describeCause(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
