import { brotliCompressSync, brotliDecompressSync, crc32, deflateRawSync, deflateSync, gunzipSync, gzipSync, inflateRawSync, inflateSync, unzipSync } from 'node:zlib';
import type { BrotliOptions, ZlibOptions } from 'node:zlib';
import { expectArray, expectInteger, expectObject, expectString, fromB64, toB64 } from './op-args.ts';

/**
 * The host side of the guest's `zlib` (op `sys.zlib`): one whole buffer in, one out, through
 * Node's own zlib, so output and errors are Node's. The guest's streams (the compatibility
 * layer's `zlib` module) collect their input and call this once at the end.
 */

/** Output cap per call, as `maxOutputLength` (a decompression bomb stops here with Node's RangeError). */
export const MAX_ZLIB_OUTPUT_BYTES = 64 * 1024 * 1024;

const METHODS: Readonly<Record<string, (data: Buffer, options: ZlibOptions & BrotliOptions) => Buffer>> = {
  gzip: gzipSync,
  gunzip: gunzipSync,
  deflate: deflateSync,
  inflate: inflateSync,
  deflateRaw: deflateRawSync,
  inflateRaw: inflateRawSync,
  unzip: unzipSync,
  brotliCompress: brotliCompressSync,
  brotliDecompress: brotliDecompressSync,
};
/** Numeric options Node's zlib takes (others are ignored: dictionaries, flush modes, info). */
const NUMERIC = ['level', 'windowBits', 'memLevel', 'strategy', 'chunkSize'] as const;

/** `sys.zlib`: `[method, dataB64, options]` → base64 output; `['crc32', dataB64, initial]` → number. */
export function zlibOp(args: unknown): unknown {
  const [method, data, options] = expectArray(args, 3, 'zlib arguments');
  const name = expectString(method, 'zlib method');
  const bytes = fromB64(data, 'zlib data');
  if (name === 'crc32') return crc32(bytes, options === null ? 0 : expectInteger(options, 'crc32 initial value', 0, 0xffffffff));
  const f = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
  if (f === undefined) throw new TypeError(`zlib has no method ${name}`);
  return toB64(f(bytes, zlibOptions(options)));
}

function zlibOptions(v: unknown): ZlibOptions & BrotliOptions {
  const out: ZlibOptions & BrotliOptions & Record<string, unknown> = { maxOutputLength: MAX_ZLIB_OUTPUT_BYTES };
  if (v === null || v === undefined) return out;
  const o = expectObject(v, 'zlib options');
  for (const k of NUMERIC) if (typeof o[k] === 'number') out[k] = o[k];
  if (typeof o.maxOutputLength === 'number') out.maxOutputLength = Math.min(o.maxOutputLength, MAX_ZLIB_OUTPUT_BYTES);
  if (o.params !== undefined && o.params !== null) {
    const params: Record<number, number> = {};
    for (const [k, value] of Object.entries(expectObject(o.params, 'brotli params'))) {
      if (/^\d+$/.test(k) && typeof value === 'number') params[Number(k)] = value;
    }
    out.params = params;
  }
  return out;
}
