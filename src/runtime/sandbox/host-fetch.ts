import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { normalizeHost, refuseAddress, refuseHost, validateEgressPolicy } from './egress-policy.ts';
import type { EgressPolicy } from './egress-policy.ts';

/**
 * The host side of guest `fetch`: a small HTTP client on node:http/https rather than the global
 * fetch, because the egress policy must judge the exact address each connection uses (a `lookup`
 * hook at connect time, on every redirect hop), which undici's fetch does not expose without the
 * separate `undici` package. Bodies are buffered and capped; every request has a timeout.
 */
export interface HostFetchRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | null;
  readonly redirect: 'follow' | 'manual' | 'error';
}

export interface HostFetchResponse {
  /** Final URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** Lowercased names, in wire order; repeated headers (set-cookie) stay separate. */
  readonly headers: readonly (readonly [string, string])[];
  /** Decoded (gunzipped…) body; null for HEAD and null-body statuses. */
  readonly body: Uint8Array | null;
  readonly redirected: boolean;
}

/** Performs one guest fetch. Rejects with a `TypeError` whose message says what went wrong. */
export type HostFetch = (request: HostFetchRequest, signal: AbortSignal) => Promise<HostFetchResponse>;

export interface HostFetchOptions {
  readonly egress?: EgressPolicy;
  /** Whole-request timeout including redirects and reading the body. Default 10 s (Auth0's guidance). */
  readonly timeoutMs?: number;
  /** Cap on the decoded response body. Default 5 MiB. */
  readonly maxResponseBytes?: number;
  /** Default 20, like fetch. */
  readonly maxRedirects?: number;
  /** DNS resolution; defaults to `dns.lookup(host, { all: true })`. Injected by tests and embedders. */
  readonly resolve?: (hostname: string) => Promise<readonly { address: string; family: number }[]>;
}

/** A fetch bound to one policy, with its own keep-alive sockets (never shared across policies). */
export interface HostFetcher {
  readonly fetch: HostFetch;
  /** Closes pooled sockets. */
  dispose(): void;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Creates a policy-enforcing fetch. Throws a UsageError for an invalid allow-list. */
export function createHostFetcher(options: HostFetchOptions = {}): HostFetcher {
  const policy = options.egress ?? {};
  validateEgressPolicy(policy);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRedirects = options.maxRedirects ?? 20;
  const resolve = options.resolve ?? defaultResolve;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 16, timeout: 30_000 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 16, timeout: 30_000 }),
  };
  const lookup: LookupFunction = (hostname, opts, callback) => {
    resolve(hostname).then(
      (all) => {
        const family = typeof opts.family === 'number' ? opts.family : 0;
        const candidates = all.filter((a) => family === 0 || a.family === family);
        const allowed = candidates.filter((a) => refuseAddress(policy, hostname, a.address) === undefined);
        const first = allowed[0];
        if (first === undefined) {
          const reason = candidates[0] ? refuseAddress(policy, hostname, candidates[0].address) : `${hostname} has no address`;
          callback(new EgressRefusal(reason ?? 'refused'), '', 0);
        } else if (opts.all === true) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, allowed.map((a) => ({ ...a })));
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };

  const fetch: HostFetch = async (request, signal) => {
    let url = parseHttpUrl(request.url);
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    let method = request.method;
    let body = request.body;
    let headers = request.headers.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()));
    try {
      for (let hop = 0; ; hop++) {
        checkUrl(policy, url);
        const res = await send(url, method, headers, body, controller.signal, url.protocol === 'https:' ? agents.https : agents.http, lookup);
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECTS.has(status) && request.redirect !== 'manual' && location !== undefined) {
          res.resume();
          if (request.redirect === 'error') throw new TypeError(`fetch to ${url.href} failed: unexpected redirect (redirect mode is "error")`);
          if (hop >= maxRedirects) throw new TypeError(`fetch to ${url.href} failed: more than ${maxRedirects} redirects`);
          const next = parseHttpUrl(new URL(location, url).href);
          if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
            method = 'GET';
            body = null;
            headers = headers.filter(([k]) => !k.toLowerCase().startsWith('content-'));
          }
          if (next.origin !== url.origin) headers = headers.filter(([k]) => !CROSS_ORIGIN_DROP.has(k.toLowerCase()));
          url = next;
          continue;
        }
        const nullBody = method === 'HEAD' || NULL_BODY.has(status);
        const bytes = nullBody ? (res.resume(), null) : await readBody(res, maxBytes, url.href);
        return {
          url: url.href,
          status,
          statusText: res.statusMessage ?? '',
          headers: pairs(res.rawHeaders),
          body: bytes,
          redirected: hop > 0,
        };
      }
    } catch (e) {
      if (timedOut) throw new TypeError(`fetch to ${url.href} timed out after ${timeoutMs} ms`);
      if (signal.aborted) throw abortError();
      if (e instanceof EgressRefusal) throw new TypeError(`fetch to ${url.href} refused: ${e.message}`);
      if (e instanceof TypeError && e.message.startsWith('fetch ')) throw e;
      throw new TypeError(`fetch to ${url.href} failed: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  };

  return {
    fetch,
    dispose() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

// --- internal ---

class EgressRefusal extends Error {
  override readonly name = 'EgressRefusal';
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection']);
const CROSS_ORIGIN_DROP = new Set(['authorization', 'cookie', 'proxy-authorization']);

function defaultResolve(hostname: string): Promise<readonly { address: string; family: number }[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });
}

function parseHttpUrl(href: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new TypeError(`Failed to parse URL from ${href}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`fetch to ${url.href} refused: only http: and https: URLs can be fetched`);
  }
  return url;
}

/** The allow-list, and the address check for IP literals (DNS names are checked in `lookup`). */
function checkUrl(policy: EgressPolicy, url: URL): void {
  const host = normalizeHost(url.hostname);
  const reason = refuseHost(policy, host) ?? (isIP(host) !== 0 ? refuseAddress(policy, host, host) : undefined);
  if (reason !== undefined) throw new EgressRefusal(reason);
}

function send(
  url: URL,
  method: string,
  headers: readonly (readonly [string, string])[],
  body: Uint8Array | null,
  signal: AbortSignal,
  agent: http.Agent,
  lookup: LookupFunction,
): Promise<http.IncomingMessage> {
  const out: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'actuate' };
  const seen = new Set<string>();
  for (const [k, v] of headers) {
    const name = k.toLowerCase();
    out[name] = seen.has(name) ? `${out[name]}, ${v}` : v;
    seen.add(name);
  }
  if (body !== null) out['content-length'] = String(body.byteLength);
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method, headers: out, agent, lookup, signal }, resolve);
    req.on('error', reject);
    req.end(body === null ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}

function readBody(res: http.IncomingMessage, maxBytes: number, href: string): Promise<Uint8Array> {
  const coding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  let stream: Readable = res;
  if (coding === 'gzip' || coding === 'x-gzip') stream = res.pipe(zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  else if (coding === 'deflate') stream = res.pipe(zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  else if (coding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (e: Error) => {
      res.destroy();
      if (stream !== res) stream.destroy();
      reject(e);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(new TypeError(`fetch to ${href} failed: the response body exceeds the ${maxBytes}-byte limit`));
      else chunks.push(chunk);
    });
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    stream.on('error', fail);
    if (stream !== res) res.on('error', fail);
  });
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? '']);
  return out;
}

function abortError(): Error {
  const e = new Error('This operation was aborted');
  e.name = 'AbortError';
  return e;
}
