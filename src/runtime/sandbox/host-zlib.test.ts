import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { zlibOp } from './host-zlib.ts';

describe('sys.zlib (the host side of the guest zlib)', () => {
  test('round trips, and refuses unknown methods and bad data', () => {
    const packed = zlibOp(['gzip', Buffer.from('hello').toString('base64'), null]) as string;
    expect(zlibOp(['gunzip', packed, null])).toBe(Buffer.from('hello').toString('base64'));
    expect(() => zlibOp(['eval', packed, null])).toThrow(new TypeError('zlib has no method eval'));
    expect(() => zlibOp(['gunzip', 'not base64!', null])).toThrow(TypeError);
    expect(() => zlibOp(['gunzip', Buffer.from('not gzip').toString('base64'), null])).toThrow(/incorrect header check/);
  });

  test('output is capped: a decompression bomb stops with a RangeError', () => {
    const bomb = gzipSync(Buffer.alloc(1 << 20)).toString('base64');
    expect(() => zlibOp(['gunzip', bomb, { maxOutputLength: 1000 }])).toThrow(RangeError);
    expect(() => zlibOp(['gunzip', bomb, { maxOutputLength: Number.MAX_SAFE_INTEGER }])).not.toThrow();
  });
});
