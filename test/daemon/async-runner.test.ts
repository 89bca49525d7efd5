import { describe, expect, it } from 'vitest';
import { AsyncRunner, type AsyncRunnerOptions } from '../../src/daemon/queue/async-runner.ts';

describe('async retry backoff', () => {
  const runner = (random: number) => new AsyncRunner({ retry: { maxAttempts: 10, baseMs: 1000, maxMs: 30_000 }, random: () => random } as unknown as AsyncRunnerOptions);

  it('doubles from the base, caps at the maximum, and jitters within the upper half', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => runner(1).backoff(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect([1, 2, 3].map((n) => runner(0).backoff(n))).toEqual([500, 1000, 2000]);
  });
});
