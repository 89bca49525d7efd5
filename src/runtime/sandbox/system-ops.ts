import { GUEST_CHUNKS } from '../guest/index.ts';
import type { Execution } from './execution.ts';
import { CRYPTO_OPS, subtleOp } from './host-crypto.ts';
import type { HostFetch, HostFetchRequest } from './host-fetch.ts';
import { intlOp } from './host-intl.ts';
import { zlibOp } from './host-zlib.ts';
import { expectArray, expectInteger, expectObject, expectString, fromB64, toB64 } from './op-args.ts';
import type { ConsoleLevel, HostCallInfo } from './types.ts';

/** What a system op may use besides its arguments. */
export interface SystemOpEnv {
  readonly exec: Execution;
  readonly info: HostCallInfo;
  readonly fetch: HostFetch;
}

/** A sandbox-owned host operation (name prefix `sys.`), called by the guest prelude and chunks. */
export type SystemOp = (args: unknown, env: SystemOpEnv) => unknown;

/**
 * The sandbox's own host operations: the guest globals' back end. User code never calls these
 * directly (the host functions are closure-captured in the prelude), but they validate their
 * arguments anyway, since guest internals run in the same realm as user code.
 */
export const SYSTEM_OPS: Readonly<Record<string, SystemOp>> = {
  'sys.console': (args, { exec }) => {
    const [level, message] = expectArray(args, 2, 'console arguments');
    if (typeof level !== 'string' || !LEVELS.has(level)) throw new TypeError(`unknown console level ${String(level)}`);
    return exec.addLog(level as ConsoleLevel, expectString(message, 'console message')) === 'full' ? 'full' : undefined;
  },
  'sys.cancel': (args, { exec }) => {
    exec.cancel(expectInteger(args, 'call id', 1, Number.MAX_SAFE_INTEGER));
  },
  'sys.uncaught': (args, { exec }) => {
    const e = expectObject(args, 'uncaught error');
    exec.uncaught ??= {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : '',
      stack: typeof e.stack === 'string' ? e.stack : '',
    };
  },
  'sys.chunk': (args) => {
    const name = expectString(args, 'chunk name');
    const source = Object.hasOwn(GUEST_CHUNKS, name) ? GUEST_CHUNKS[name] : undefined;
    if (source === undefined) throw new TypeError(`unknown guest chunk ${name}`);
    return source;
  },
  'sys.sleep': (args, { info }) => {
    // -1 is setImmediate; anything else a timer delay (the guest clamps like Node).
    const ms = expectInteger(args, 'delay', -1, 2_147_483_647);
    return new Promise<void>((resolve) => {
      if (ms === -1) {
        const immediate = setImmediate(resolve);
        info.signal.addEventListener('abort', () => clearImmediate(immediate), { once: true });
      } else {
        const timer = setTimeout(resolve, ms);
        info.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
    });
  },
  'sys.url': (args) => {
    const a = expectArray(args, -1, 'URL arguments');
    if (a.length === 4) {
      const url = parseUrl(expectString(a[0], 'url'));
      const part = expectString(a[2], 'URL part');
      if (!URL_SETTERS.has(part)) throw new TypeError(`URL has no settable part ${part}`);
      (url as unknown as Record<string, string>)[part] = expectString(a[3], 'value');
      return urlRecord(url);
    }
    if (a.length !== 1 && a.length !== 2) throw new TypeError('URL arguments must be [url] or [url, base]');
    return urlRecord(parseUrl(expectString(a[0], 'url'), a.length === 2 ? expectString(a[1], 'base') : undefined));
  },
  'sys.subtle': (args) => subtleOp(args),
  'sys.intl': (args) => intlOp(args),
  'sys.zlib': (args) => zlibOp(args),
  'sys.fetch': async (args, { info, fetch }) => {
    const res = await fetch(toFetchRequest(args), info.signal);
    return {
      url: res.url,
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
      body: res.body === null ? null : toB64(res.body),
      redirected: res.redirected,
    };
  },
  ...Object.fromEntries(Object.entries(CRYPTO_OPS).map(([name, op]) => [name, (args: unknown) => op(args)])),
};

// --- internal ---

const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);
const URL_SETTERS = new Set(['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']);

function parseUrl(input: string, base?: string): URL {
  try {
    return new URL(input, base);
  } catch {
    throw new TypeError(`Invalid URL: ${input}${base === undefined ? '' : ` (base ${base})`}`);
  }
}

function urlRecord(u: URL): Record<string, string> {
  return {
    href: u.href,
    origin: u.origin,
    protocol: u.protocol,
    username: u.username,
    password: u.password,
    host: u.host,
    hostname: u.hostname,
    port: u.port,
    pathname: u.pathname,
    search: u.search,
    hash: u.hash,
  };
}

function toFetchRequest(args: unknown): HostFetchRequest {
  const o = expectObject(args, 'fetch request');
  const headers = expectArray(o.headers, -1, 'fetch headers').map((h) => {
    const [k, v] = expectArray(h, 2, 'fetch header');
    return [expectString(k, 'header name'), expectString(v, 'header value')] as const;
  });
  const redirect = o.redirect ?? 'follow';
  if (redirect !== 'follow' && redirect !== 'manual' && redirect !== 'error') throw new TypeError('redirect must be "follow", "manual" or "error"');
  return {
    url: expectString(o.url, 'fetch url'),
    method: expectString(o.method, 'fetch method'),
    headers,
    body: o.body === null || o.body === undefined ? null : new Uint8Array(fromB64(o.body, 'fetch body')),
    redirect,
  };
}
