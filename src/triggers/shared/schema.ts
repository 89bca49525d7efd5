import { Type } from '@sinclair/typebox';
import { InternalError } from '../../core/index.ts';
import type { TAny, TLiteral, TNull, TRecord, TSchema, TString, TUnion } from '@sinclair/typebox';

/**
 * Small vocabulary on top of TypeBox that every trigger definition uses. It exists so that one
 * TypeBox value can drive three outputs (TypeScript declarations, JSON Schema, runtime checks)
 * without those outputs guessing: a named sub-schema is printed once as an interface, free-form
 * objects are spelled the same way everywhere, and enums stay literal unions.
 */

/**
 * Marks a schema as a named type. A symbol key, so it survives `Type.Optional` (which spreads the
 * schema) yet stays invisible to JSON serialisation and to ajv.
 */
export const TypeNameKey: unique symbol = Symbol.for('actuate.typeName');

/** Where a named type is printed: `Actuate.Shared.<name>` or the trigger's own namespace. */
export interface TypeNameInfo {
  readonly scope: 'shared' | 'local';
  readonly name: string;
}

/**
 * Names a building block that several triggers share; declarations print it once as
 * `Actuate.Shared.<name>` so hover docs and error messages use a short, stable name.
 */
export function sharedType<T extends TSchema>(name: string, schema: T): T {
  return withTypeName(schema, { scope: 'shared', name });
}

/**
 * Names a sub-object that only one trigger has (e.g. post-login's `Session`); declarations print it
 * in that trigger's namespace, e.g. `Actuate.PostLoginV3.Session`.
 */
export function localType<T extends TSchema>(name: string, schema: T): T {
  return withTypeName(schema, { scope: 'local', name });
}

/** The name given with {@link sharedType} / {@link localType}, if any. */
export function typeNameOf(schema: TSchema): TypeNameInfo | undefined {
  return (schema as unknown as Record<symbol, TypeNameInfo | undefined>)[TypeNameKey];
}

/**
 * Copies a schema with a different description, keeping its name. A property often needs its own
 * sentence ("the request that resumed the login") while reusing a shared type.
 */
export function described<T extends TSchema>(schema: T, description: string): T {
  return { ...schema, description } as T;
}

/** `T | null`: values Auth0 documents as removable by passing `null`. */
export function nullable<T extends TSchema>(schema: T, description?: string): TUnion<[T, TNull]> {
  return Type.Union([schema, Type.Null()], description === undefined ? {} : { description });
}

/**
 * An object whose keys are chosen by the tenant or the caller (metadata, query, body, prompt
 * fields). Values are `any`, as in Auth0's own types, so existing code such as
 * `event.user.app_metadata.roles.includes(x)` keeps compiling.
 */
export function freeForm(description: string): TRecord<TString, TAny> {
  return Type.Record(Type.String(), Type.Any(), { description });
}

/** An object of string values with tenant-chosen keys (client, connection, organization metadata). */
export function stringMap(description: string): TRecord<TString, TString> {
  return Type.Record(Type.String(), Type.String(), { description });
}

/**
 * A closed set of string values, printed as a literal union in TypeScript and as `enum` in JSON
 * Schema. Auth0's enums are strings, so this is all the enum support the definitions need.
 */
export function stringEnum<const V extends readonly [string, ...string[]]>(
  values: V,
  options: { description?: string; default?: V[number] } = {},
): TUnion<TLiteral<V[number]>[]> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
}

function withTypeName<T extends TSchema>(schema: T, info: TypeNameInfo): T {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(info.name)) throw new InternalError(`Type name "${info.name}" must be PascalCase`);
  return { ...schema, [TypeNameKey]: info } as T;
}
