import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getTrigger } from '../../triggers/index.ts';
import { API_LIMITS, CACHE_LIMITS, createApiCache, createApiHandler, createFlowState } from './index.ts';

/** `api.cache` with Auth0's shapes, codes and limits, on a fake clock. */

const MIN = 60_000;
const HOUR = 60 * MIN;

function clocked(start = 1_700_000_000_000) {
  const clock = { t: start };
  return { clock, cache: createApiCache({ now: () => clock.t }) };
}

describe('shapes and expiry', () => {
  test('set returns the record; get returns { value, expires_at }; the default lifetime is 15 minutes', () => {
    const { clock, cache } = clocked();
    expect(cache.get('k')).toBeUndefined();
    expect(cache.set('k', 'v')).toEqual({ type: 'success', record: { value: 'v', expires_at: clock.t + 15 * MIN } });
    expect(cache.get('k')).toEqual({ value: 'v', expires_at: clock.t + 15 * MIN });
    clock.t += 15 * MIN - 1;
    expect(cache.get('k')?.value).toBe('v');
    clock.t += 1;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('the earlier of ttl and expires_at wins; lifetimes are capped at 24 hours', () => {
    const { clock, cache } = clocked();
    const t = clock.t;
    expect(cache.set('a', '1', { ttl: 5 * MIN, expires_at: t + 10 * MIN })).toMatchObject({ record: { expires_at: t + 5 * MIN } });
    expect(cache.set('b', '1', { ttl: 10 * MIN, expires_at: t + 2 * MIN })).toMatchObject({ record: { expires_at: t + 2 * MIN } });
    expect(cache.set('c', '1', { expires_at: t + 1 * HOUR })).toMatchObject({ record: { expires_at: t + HOUR } });
    expect(cache.set('d', '1', { ttl: 48 * HOUR })).toMatchObject({ record: { expires_at: t + 24 * HOUR } });
  });

  test('ItemAlreadyExpired and InvalidExpiry', () => {
    const { clock, cache } = clocked();
    expect(cache.set('k', 'v', { expires_at: clock.t })).toEqual({ type: 'error', code: 'ItemAlreadyExpired' });
    expect(cache.set('k', 'v', { ttl: 0 })).toEqual({ type: 'error', code: 'ItemAlreadyExpired' });
    expect(cache.set('k', 'v', { ttl: -1 })).toEqual({ type: 'error', code: 'InvalidExpiry' });
    expect(cache.set('k', 'v', { expires_at: Number.NaN })).toEqual({ type: 'error', code: 'InvalidExpiry' });
    expect(cache.get('k')).toBeUndefined();
  });

  test('set replaces; delete removes, and a missing or expired key is CacheKeyDoesNotExist', () => {
    const { clock, cache } = clocked();
    cache.set('k', 'one');
    cache.set('k', 'two', { ttl: MIN });
    expect(cache.get('k')?.value).toBe('two');
    expect(cache.delete('k')).toEqual({ type: 'success' });
    expect(cache.delete('k')).toEqual({ type: 'error', code: 'CacheKeyDoesNotExist' });
    cache.set('e', 'v', { ttl: MIN });
    clock.t += MIN;
    expect(cache.delete('e')).toEqual({ type: 'error', code: 'CacheKeyDoesNotExist' });
  });
});

describe('limits', () => {
  test('key at most 64 bytes and value at most 4 kB, counted in UTF-8', () => {
    const { cache } = clocked();
    expect(cache.set('k'.repeat(64), 'v').type).toBe('success');
    expect(cache.set('é'.repeat(33), 'v')).toEqual({ type: 'error', code: 'CacheKeySizeExceeded' });
    expect(cache.set('v', 'x'.repeat(4096)).type).toBe('success');
    expect(cache.set('w', 'é'.repeat(2049))).toEqual({ type: 'error', code: 'CacheValueSizeExceeded' });
  });

  test('at most 20 entries; expired ones make room; replacing a key does not count twice', () => {
    const { clock, cache } = clocked();
    for (let i = 0; i < 19; i++) expect(cache.set(`k${i}`, 'v').type).toBe('success');
    cache.set('short', 'v', { ttl: MIN });
    expect(cache.size).toBe(CACHE_LIMITS.maxEntries);
    expect(cache.set('k0', 'again').type).toBe('success');
    expect(cache.set('new', 'v')).toEqual({ type: 'error', code: 'CacheSizeExceeded' });
    clock.t += MIN;
    expect(cache.set('new', 'v').type).toBe('success');
  });

  test('at most 8 kB of keys and values in total', () => {
    const { cache } = clocked();
    expect(cache.set('a', 'x'.repeat(4095)).type).toBe('success'); // 4096 bytes
    expect(cache.set('b', 'x'.repeat(4095)).type).toBe('success'); // 8192 bytes
    expect(cache.set('c', '')).toEqual({ type: 'error', code: 'CacheSizeExceeded' });
    expect(cache.set('b', 'x'.repeat(4000)).type).toBe('success'); // replacing frees the old bytes
    expect(cache.set('c', 'x'.repeat(94)).type).toBe('success');
  });

  test('a cache is shared by handlers of the same trigger; writes per invocation are bounded (MaxSideEffectsExceeded)', () => {
    const def = getTrigger('post-change-password')!;
    const event = JSON.parse(readFileSync(new URL('../../triggers/fixtures/post-change-password@v2.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const { cache } = clocked();
    const handler = () => createApiHandler({ state: createFlowState(def, event), action: 'a', handler: 'execute', cache });
    const first = handler();
    expect(first({ namespace: 'cache', method: 'set', args: ['token', 'abc'] })).toMatchObject({ type: 'success' });
    expect(handler()({ namespace: 'cache', method: 'get', args: ['token'] })).toMatchObject({ value: 'abc' });
    for (let i = 1; i < API_LIMITS.cacheWritesPerInvocation; i++) first({ namespace: 'cache', method: 'delete', args: ['none'] });
    expect(first({ namespace: 'cache', method: 'set', args: ['x', 'y'] })).toEqual({ type: 'error', code: 'MaxSideEffectsExceeded' });
    expect(handler()({ namespace: 'cache', method: 'set', args: ['x', 'y'] })).toMatchObject({ type: 'success' });
    expect(() => first({ namespace: 'cache', method: 'set', args: ['x', 42] })).toThrow(new TypeError('api.cache.set: value must be a string, got 42'));
    expect(() => first({ namespace: 'cache', method: 'set', args: ['x', 'y', { ttl: '5' }] })).toThrow('api.cache.set: options.ttl must be a number, got "5"');
  });
});
