import { isIP } from 'node:net';
import { UsageError } from '../core/index.ts';
import type { DeploymentOptions, SecretSources } from '../runtime/index.ts';
import type { StoreReader } from '../store/index.ts';
import { MIN_TOKEN_LENGTH, type AuthTokens } from './http/auth.ts';
import { createDefaultExecutor, type ExecutorFactory } from './default-executor.ts';

/** How to start a daemon. Only `store`, `target`, `auth` and `dataDir` have no default. */
export interface DaemonOptions {
  readonly store: StoreReader;
  /** What to serve: a pinned commit, or a ref (`refs/<name>` in the store) to follow. */
  readonly target: { readonly commit: string } | { readonly ref: string };
  /** Default 127.0.0.1: loopback, so nothing outside the host reaches the daemon unless asked. */
  readonly host?: string;
  /** Default 8787; 0 picks a free port (the returned `url` says which). */
  readonly port?: number;
  /** Bearer tokens, or `insecure-no-auth` (accepted on a loopback host only). */
  readonly auth: AuthTokens | 'insecure-no-auth';
  /** Where the queue, the execution records and the continuation key live. */
  readonly dataDir: string;
  /** Secret values, read again at every load (so a reload picks up a changed secrets file). */
  readonly secrets?: () => SecretSources | Promise<SecretSources>;
  /** Key sealing continuation states; default `<dataDir>/continuation.key` (created on first start). */
  readonly continuationSecret?: Uint8Array;
  /** How often a followed ref is read, ms. Default 1000. */
  readonly refPollMs?: number;
  /** Largest request body, bytes. Default 262144 (256 KiB; Auth0 events are a few kB). */
  readonly bodyLimitBytes?: number;
  /**
   * Sync executions in flight before new requests get 503. Default 256, the pool's own queue bound:
   * at 1,250 req/s on the 2-vCPU bench machine, a bound of 64 shed requests during the 50-70 ms
   * stalls a busy host causes now and then; 256 absorbs about 200 ms at that rate and still bounds
   * what waits (each execution in flight holds its event and its connection).
   */
  readonly maxConcurrency?: number;
  /** Pending async events before new ones get 429. Default 100000. */
  readonly maxQueueDepth?: number;
  readonly async?: {
    /** Async executions at once. Default 2: with the pool, an action awaiting `fetch` holds a worker, so keep this below the worker count and logins always find one. */
    readonly concurrency?: number;
    /** Attempts before dead-lettering. Default 5. */
    readonly maxAttempts?: number;
    /** Delay before the first retry, doubling after; ms. Default 1000. */
    readonly retryBaseMs?: number;
    /** Longest delay between attempts, ms. Default 300000. */
    readonly retryMaxMs?: number;
  };
  /** How long SIGTERM (or close) waits for executions in flight, ms. Default 30000 (the 20 s flow budget and a margin). */
  readonly drainTimeoutMs?: number;
  /** Console characters kept per action in execution records. Default 4096 (Auth0 keeps 256). */
  readonly consoleExcerptChars?: number;
  /** How long execution records are kept, ms. Default 10 days (as Auth0). */
  readonly recordRetentionMs?: number;
  /** Most execution records kept. Default 100000. */
  readonly maxRecords?: number;
  /** Structured log (pino via fastify): `false` for none; default level `info` to stderr. */
  readonly log?: false | { readonly level?: string; readonly stream?: NodeJS.WritableStream };
  /** Where flows run; default {@link createDefaultExecutor}. The daemon closes it when it stops. */
  readonly executor?: ExecutorFactory;
  /** Passed to every load (e.g. a stub `fetch` for a local demo, sandbox limits). */
  readonly deployment?: Pick<DeploymentOptions, 'fetch' | 'sandboxLimits' | 'maxInvocationsPerContext' | 'continuationTtlSeconds'>;
}

/** {@link DaemonOptions} with every default filled in and every value checked. */
export interface ResolvedDaemonOptions extends Required<Omit<DaemonOptions, 'continuationSecret' | 'async' | 'log' | 'deployment' | 'auth'>> {
  readonly auth: AuthTokens | 'open';
  readonly continuationSecret: Uint8Array | undefined;
  readonly async: Required<NonNullable<DaemonOptions['async']>>;
  readonly log: false | { readonly level: string; readonly stream: NodeJS.WritableStream };
  readonly deployment: NonNullable<DaemonOptions['deployment']>;
}

/**
 * Fills in defaults and refuses unsafe or impossible settings with a clear message: no token at
 * all (unless `insecure-no-auth` on loopback), tokens too short to resist guessing, out-of-range numbers.
 * @throws UsageError naming the option and how to fix it.
 */
export function resolveDaemonOptions(o: DaemonOptions): ResolvedDaemonOptions {
  const host = o.host ?? '127.0.0.1';
  let auth: ResolvedDaemonOptions['auth'];
  if (o.auth === 'insecure-no-auth') {
    if (!isLoopback(host)) {
      throw new UsageError(`--insecure-no-auth is only allowed on a loopback host, not ${host}`, 'give the daemon a token (--token-file or ACTUATE_TOKEN), or listen on 127.0.0.1');
    }
    auth = 'open';
  } else {
    if (o.auth.tokens.length === 0) {
      throw new UsageError('the daemon needs a bearer token', 'pass --token-file <file> (one token per line) or set ACTUATE_TOKEN; for a local experiment on loopback, --insecure-no-auth');
    }
    for (const [kind, list] of [['token', o.auth.tokens], ['admin token', o.auth.adminTokens]] as const) {
      for (const t of list) {
        if (t.length < MIN_TOKEN_LENGTH || /\s/.test(t)) {
          throw new UsageError(`a${kind === 'token' ? '' : 'n'} ${kind} is shorter than ${MIN_TOKEN_LENGTH} characters or contains whitespace`, 'generate one with `openssl rand -hex 32`');
        }
      }
    }
    const user = o.auth.tokens;
    if (o.auth.adminTokens.some((t) => user.includes(t))) {
      throw new UsageError('the admin token is also a user token', 'use different tokens, so a user token can never deploy');
    }
    auth = o.auth;
  }
  const a = o.async ?? {};
  return {
    store: o.store,
    target: o.target,
    host,
    port: int('port', o.port ?? 8787, 0, 65535),
    auth,
    dataDir: o.dataDir,
    secrets: o.secrets ?? (() => ({})),
    continuationSecret: o.continuationSecret,
    refPollMs: int('refPollMs', o.refPollMs ?? 1000, 10, 3_600_000),
    bodyLimitBytes: int('bodyLimitBytes', o.bodyLimitBytes ?? 256 * 1024, 1024, 64 * 1024 * 1024),
    maxConcurrency: int('maxConcurrency', o.maxConcurrency ?? 256, 1, 100_000),
    maxQueueDepth: int('maxQueueDepth', o.maxQueueDepth ?? 100_000, 1, 100_000_000),
    async: {
      concurrency: int('async.concurrency', a.concurrency ?? 2, 1, 1024),
      maxAttempts: int('async.maxAttempts', a.maxAttempts ?? 5, 1, 100),
      retryBaseMs: int('async.retryBaseMs', a.retryBaseMs ?? 1000, 1, 3_600_000),
      retryMaxMs: int('async.retryMaxMs', a.retryMaxMs ?? 300_000, 1, 24 * 3_600_000),
    },
    drainTimeoutMs: int('drainTimeoutMs', o.drainTimeoutMs ?? 30_000, 0, 3_600_000),
    consoleExcerptChars: int('consoleExcerptChars', o.consoleExcerptChars ?? 4096, 0, 1_000_000),
    recordRetentionMs: int('recordRetentionMs', o.recordRetentionMs ?? 10 * 24 * 3_600_000, 1000, 365 * 24 * 3_600_000),
    maxRecords: int('maxRecords', o.maxRecords ?? 100_000, 1, 100_000_000),
    log: o.log === false ? false : { level: o.log?.level ?? 'info', stream: o.log?.stream ?? process.stderr },
    executor: o.executor ?? createDefaultExecutor,
    deployment: o.deployment ?? {},
  };
}

/** 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function int(name: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, not ${v}`);
  return v;
}
