import { describe, expect, it } from 'vitest';
import { newExecutionId } from './execution-id.ts';

describe('newExecutionId', () => {
  it('gives distinct version-7 UUIDs whose time prefix never goes back, across refills of the random pool', () => {
    const ids = Array.from({ length: 1_000 }, () => newExecutionId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const times = ids.map((id) => parseInt(id.replace(/-/g, '').slice(0, 12), 16));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(Math.abs(times.at(-1)! - Date.now())).toBeLessThan(60_000);
  });
});
