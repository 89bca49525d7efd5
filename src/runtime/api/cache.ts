import { utf8Bytes } from './values.ts';

/**
 * `api.cache`: a small in-memory key-value store shared by the executions of one trigger in one
 * runner process, with Auth0's shapes, error codes and limits (reference §2.0 and §3). Best effort,
 * exactly as Auth0 documents it: another replica, a restart or a redeploy starts empty, and a record
 * may vanish before its expiry. The clock is injected so tests control time.
 *
 * Decisions where Auth0 is silent:
 * - a write that would exceed 20 entries or 8 kB (after expired records are dropped) fails with
 *   `CacheSizeExceeded` rather than evicting another record silently;
 * - a lifetime beyond 24 hours is shortened to 24 hours ("lifetimes may not exceed the maximum");
 * - a negative `ttl` or an `expires_at` that is not a finite number is `InvalidExpiry`; an expiry at or
 *   before now (including `ttl: 0`) is `ItemAlreadyExpired`;
 * - deleting a missing key is `CacheKeyDoesNotExist`;
 * - `FailedToSetCacheRecord` / `FailedToDeleteCacheRecord` never occur (memory does not fail), and
 *   `MaxSideEffectsExceeded` is decided per invocation by the api handler.
 */

/** Auth0's cache error codes. */
export type CacheErrorCode =
  | 'MaxSideEffectsExceeded'
  | 'CacheKeySizeExceeded'
  | 'CacheValueSizeExceeded'
  | 'CacheSizeExceeded'
  | 'ItemAlreadyExpired'
  | 'InvalidExpiry'
  | 'FailedToSetCacheRecord'
  | 'FailedToDeleteCacheRecord'
  | 'CacheKeyDoesNotExist';

/** A cached value and when it expires (epoch milliseconds). */
export interface CacheRecord {
  readonly value: string;
  readonly expires_at: number;
}

export type CacheWriteResult = { readonly type: 'success'; readonly record: CacheRecord } | CacheError;
export type CacheDeleteResult = { readonly type: 'success' } | CacheError;
export interface CacheError {
  readonly type: 'error';
  readonly code: CacheErrorCode;
}

/** Options of `set`, as the action passes them. */
export interface CacheSetOptions {
  readonly ttl?: number;
  readonly expires_at?: number;
}

export interface CacheLimits {
  readonly maxEntries: number;
  readonly maxKeyBytes: number;
  readonly maxValueBytes: number;
  /** Sum of key and value bytes over all live records. */
  readonly maxTotalBytes: number;
  readonly defaultTtlMs: number;
  readonly maxTtlMs: number;
}

/** Auth0's limits. */
export const CACHE_LIMITS: CacheLimits = {
  maxEntries: 20,
  maxKeyBytes: 64,
  maxValueBytes: 4 * 1024,
  maxTotalBytes: 8 * 1024,
  defaultTtlMs: 15 * 60 * 1000,
  maxTtlMs: 24 * 60 * 60 * 1000,
};

/** The cache of one trigger. Methods take already type-checked arguments (see check-args.ts). */
export interface ApiCache {
  get(key: string): CacheRecord | undefined;
  set(key: string, value: string, options?: CacheSetOptions): CacheWriteResult;
  delete(key: string): CacheDeleteResult;
  /** Live records right now (for metrics and tests). */
  readonly size: number;
}

export interface ApiCacheOptions {
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  readonly limits?: Partial<CacheLimits>;
}

/** Creates an empty cache (one per trigger per deployment). */
export function createApiCache(options: ApiCacheOptions = {}): ApiCache {
  const now = options.now ?? Date.now;
  const limits: CacheLimits = { ...CACHE_LIMITS, ...options.limits };
  const records = new Map<string, { value: string; expiresAt: number; bytes: number }>();
  let totalBytes = 0;

  const drop = (key: string) => {
    const r = records.get(key);
    if (r === undefined) return;
    totalBytes -= r.bytes;
    records.delete(key);
  };
  const purge = (t: number) => {
    for (const [key, r] of records) if (r.expiresAt <= t) drop(key);
  };
  const error = (code: CacheErrorCode): CacheError => ({ type: 'error', code });

  return {
    get(key) {
      const t = now();
      const r = records.get(key);
      if (r === undefined) return undefined;
      if (r.expiresAt <= t) {
        drop(key);
        return undefined;
      }
      return { value: r.value, expires_at: r.expiresAt };
    },

    set(key, value, opts = {}) {
      const t = now();
      const keyBytes = utf8Bytes(key);
      if (keyBytes > limits.maxKeyBytes) return error('CacheKeySizeExceeded');
      const valueBytes = utf8Bytes(value);
      if (valueBytes > limits.maxValueBytes) return error('CacheValueSizeExceeded');
      const expiresAt = expiryOf(opts, t, limits);
      if (typeof expiresAt === 'string') return error(expiresAt);
      purge(t);
      const previous = records.get(key);
      const entries = records.size + (previous === undefined ? 1 : 0);
      const total = totalBytes - (previous?.bytes ?? 0) + keyBytes + valueBytes;
      if (entries > limits.maxEntries || total > limits.maxTotalBytes) return error('CacheSizeExceeded');
      drop(key);
      records.set(key, { value, expiresAt, bytes: keyBytes + valueBytes });
      totalBytes += keyBytes + valueBytes;
      return { type: 'success', record: { value, expires_at: expiresAt } };
    },

    delete(key) {
      const r = records.get(key);
      if (r === undefined || r.expiresAt <= now()) {
        drop(key);
        return error('CacheKeyDoesNotExist');
      }
      drop(key);
      return { type: 'success' };
    },

    get size() {
      purge(now());
      return records.size;
    },
  };
}

/** The expiry `set` stores: the earlier of `ttl` and `expires_at`, 15 minutes by default, at most 24 hours. */
function expiryOf(opts: CacheSetOptions, t: number, limits: CacheLimits): number | 'InvalidExpiry' | 'ItemAlreadyExpired' {
  const { ttl, expires_at: at } = opts;
  if (ttl !== undefined && (!Number.isFinite(ttl) || ttl < 0)) return 'InvalidExpiry';
  if (at !== undefined && !Number.isFinite(at)) return 'InvalidExpiry';
  const candidates: number[] = [];
  if (ttl !== undefined) candidates.push(t + ttl);
  if (at !== undefined) candidates.push(at);
  const expiry = candidates.length === 0 ? t + limits.defaultTtlMs : Math.min(...candidates);
  if (expiry <= t) return 'ItemAlreadyExpired';
  return Math.min(expiry, t + limits.maxTtlMs);
}
