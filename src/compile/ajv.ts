import { Ajv, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';

/**
 * One ajv instance for the compiler's own file schemas (strict, all errors reported so a user sees
 * every problem of a file at once). Compiled validators are cached per schema object.
 */
const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
const cache = new WeakMap<TSchema, ValidateFunction>();

/** Returns the compiled validator for a TypeBox schema. */
export function validatorFor<T>(schema: TSchema): ValidateFunction<T> {
  let v = cache.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    cache.set(schema, v);
  }
  return v as ValidateFunction<T>;
}
