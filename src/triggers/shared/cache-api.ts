import { Type } from '@sinclair/typebox';
import type { ApiNamespace } from '../types.ts';
import { sharedType, stringEnum } from './schema.ts';

/**
 * `api.cache`, present on every trigger with Auth0's exact return shapes, so code that inspects
 * `result.type === 'error'` and `result.code` behaves the same here.
 */

/** Why a cache write or delete failed. */
export const CacheErrorCode = sharedType(
  'CacheErrorCode',
  stringEnum(
    [
      'MaxSideEffectsExceeded',
      'CacheKeySizeExceeded',
      'CacheValueSizeExceeded',
      'CacheSizeExceeded',
      'ItemAlreadyExpired',
      'InvalidExpiry',
      'FailedToSetCacheRecord',
      'FailedToDeleteCacheRecord',
      'CacheKeyDoesNotExist',
    ],
    { description: 'Why a cache write or delete failed.' },
  ),
);

/** A cached value with its expiry. */
export const CacheRecord = sharedType(
  'CacheRecord',
  Type.Object(
    {
      value: Type.String({ description: 'The cached value.' }),
      expires_at: Type.Number({ description: 'When the record expires, in milliseconds since the Unix epoch.' }),
    },
    { description: 'A cached value and its expiry.' },
  ),
);

const CacheError = sharedType(
  'CacheError',
  Type.Object(
    { type: Type.Literal('error', { description: 'The operation failed.' }), code: CacheErrorCode },
    { description: 'A failed cache operation.' },
  ),
);

/** Result of `api.cache.set`. */
export const CacheWriteResult = sharedType(
  'CacheWriteResult',
  Type.Union(
    [
      Type.Object(
        { type: Type.Literal('success', { description: 'The value was stored.' }), record: CacheRecord },
        { description: 'The value was stored.' },
      ),
      CacheError,
    ],
    { description: 'Result of `api.cache.set`: the stored record, or an error code.' },
  ),
);

/** Result of `api.cache.delete`. */
export const CacheDeleteResult = sharedType(
  'CacheDeleteResult',
  Type.Union(
    [
      Type.Object({ type: Type.Literal('success', { description: 'The record was deleted.' }) }, { description: 'Deleted.' }),
      CacheError,
    ],
    { description: 'Result of `api.cache.delete`: success, or an error code.' },
  ),
);

/** Lifetime options of `api.cache.set`. */
export const CacheSetOptions = sharedType(
  'CacheSetOptions',
  Type.Object(
    {
      ttl: Type.Optional(
        Type.Number({
          description: 'Time to live in milliseconds. If `expires_at` is also given, the earlier expiry wins.',
          default: 900_000,
        }),
      ),
      expires_at: Type.Optional(
        Type.Number({
          description:
            'Absolute expiry in milliseconds since the Unix epoch. If `ttl` is also given, the earlier expiry wins.',
        }),
      ),
    },
    { description: 'Lifetime of a cache record. Default 15 minutes; at most 24 hours.' },
  ),
);

const keyParam = { name: 'key', schema: Type.String(), description: 'Key of the record (at most 64 bytes).' };

/** The `api.cache` namespace. */
export const cacheApi: ApiNamespace = {
  name: 'cache',
  description:
    'A small key-value cache scoped to this trigger: at most 20 entries, keys up to 64 bytes, values up to 4 KB. ' +
    'Best effort: only reliable within one execution.',
  methods: [
    {
      name: 'get',
      description: 'Reads the record at `key`. The value is at `record.value`; `undefined` when absent or expired.',
      params: [keyParam],
      returns: { kind: 'value', schema: Type.Union([CacheRecord, Type.Undefined()]) },
    },
    {
      name: 'set',
      description:
        'Stores a string at `key`, replacing any existing record. Returns the stored record, or an error when a ' +
        'limit is exceeded. Lifetime defaults to 15 minutes and never exceeds 24 hours.',
      params: [
        keyParam,
        { name: 'value', schema: Type.String(), description: 'Value to store (at most 4 KB).' },
        { name: 'options', schema: CacheSetOptions, optional: true, description: 'Lifetime of the record.' },
      ],
      returns: { kind: 'value', schema: CacheWriteResult },
    },
    {
      name: 'delete',
      description: 'Deletes the record at `key`, if it exists.',
      params: [keyParam],
      returns: { kind: 'value', schema: CacheDeleteResult },
    },
  ],
};
