import { describe, expect, test } from 'vitest';
import { intlOp } from './host-intl.ts';

const spec = (kind: string, locales: unknown = null, options: unknown = null) => JSON.stringify([kind, locales, options]);

describe('sys.intl (the host side of the guest Intl)', () => {
  test('formats with the pinned defaults and tagged numbers', () => {
    expect(intlOp([spec('NumberFormat'), 'format', 1234.5])).toBe('1,234.5');
    expect(intlOp([spec('NumberFormat'), 'format', { b: '12345678901234567890' }])).toBe('12,345,678,901,234,567,890');
    expect(intlOp([spec('NumberFormat'), 'format', { s: '-0' }])).toBe('-0');
    expect(intlOp([spec('NumberFormat'), 'format', { t: '0.1000000000000000055511151231257827' }])).toBe('0.1');
    expect(intlOp([spec('DateTimeFormat', 'en-US', { hour: 'numeric' }), 'format', 0])).toBe('12 AM');
    expect((intlOp([spec('DateTimeFormat'), 'resolvedOptions']) as { locale: string; timeZone: string })).toMatchObject({ locale: 'en-US', timeZone: 'UTC' });
    expect(intlOp(['', 'toLocaleString', 0, null, null])).toBe('1/1/1970, 12:00:00 AM');
  });

  test('answers bad arguments with the errors Node gives, and unknown requests with TypeErrors', () => {
    expect(() => intlOp([spec('DateTimeFormat', 'en', { timeZone: 'Nowhere/Land' }), 'format', 0])).toThrow(RangeError);
    expect(() => intlOp([spec('DateTimeFormat'), 'format', null])).toThrow(new RangeError('Invalid time value'));
    expect(() => intlOp([spec('Temporal'), 'format', 0])).toThrow(new TypeError('unknown Intl kind Temporal'));
    expect(() => intlOp([spec('Collator'), 'format', 0])).toThrow(new TypeError('Intl.Collator has no method format'));
    expect(() => intlOp([spec('NumberFormat'), 'format', { x: 1 }])).toThrow(TypeError);
    expect(() => intlOp(['', 'eval', 'x'])).toThrow(new TypeError('Intl has no function eval'));
    expect(() => intlOp('not an array')).toThrow(TypeError);
  });

  test('a spec too long to keep is still answered', () => {
    const long = spec('NumberFormat', 'en', { style: 'percent', padding: 'x'.repeat(5000) });
    expect(intlOp([long, 'format', 0.5])).toBe('50%');
  });
});
