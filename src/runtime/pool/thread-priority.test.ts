import { getPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { lowerThreadPriority } from './thread-priority.ts';

describe('lowerThreadPriority', () => {
  test.skipIf(!isMainThread)('changes nothing when not asked to, and never the main thread (that would lower the whole dispatcher)', () => {
    const before = getPriority(process.pid);
    expect(lowerThreadPriority(0)).toEqual({ unchanged: 'not asked to' });
    const r = lowerThreadPriority(5);
    expect('unchanged' in r).toBe(true);
    expect(getPriority(process.pid)).toBe(before);
  });
  // A worker lowered by the pool: test/runtime/pool.test.ts (a worker cannot load this .ts file).
});
