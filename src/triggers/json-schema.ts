import { Kind, OptionalKind } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import { InternalError } from '../core/index.ts';
import { recordValue } from './print-type.ts';
import { typeNameOf } from './shared/schema.ts';
import type { TriggerDefinition } from './types.ts';
import { triggerKey } from './types.ts';

/**
 * Plain JSON Schema (draft-07, which ajv's default class speaks) from the TypeBox definitions: no
 * TypeBox symbols, records as `additionalProperties`, string-literal unions as `enum`, named types
 * titled. Objects never forbid extra properties, because Auth0 keeps adding event fields and an
 * event that carries one must still run.
 */

/** A JSON Schema document as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The `$schema` of every schema this module emits. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** Converts one TypeBox schema (an event, or an api parameter the host checks) to plain JSON Schema. */
export function toJsonSchema(schema: TSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  const name = typeNameOf(schema);
  if (name !== undefined) out['title'] = name.name;
  if (typeof schema.description === 'string') out['description'] = schema.description;
  Object.assign(out, body(schema));
  if (schema.default !== undefined) out['default'] = schema.default;
  if (schema['deprecated'] !== undefined) out['deprecated'] = true;
  return out;
}

/**
 * The JSON Schema that incoming events of `def` are validated with (and that editors use for sample
 * events). `secrets` and `configuration` are optional because the runner injects them.
 */
export function eventJsonSchema(def: TriggerDefinition): JsonSchema {
  const schema = toJsonSchema(def.event) as Record<string, unknown>;
  const required = (schema['required'] as string[] | undefined)?.filter((k) => k !== 'secrets' && k !== 'configuration');
  const { required: _old, ...rest } = schema;
  return {
    $schema: JSON_SCHEMA_DRAFT,
    title: `${triggerKey(def)} event`,
    ...rest,
    ...(required === undefined || required.length === 0 ? {} : { required }),
  };
}

function body(schema: TSchema): Record<string, unknown> {
  const kind = schema[Kind];
  switch (kind) {
    case 'Object':
      return objectBody(schema);
    case 'Record': {
      const value = recordValue(schema);
      return isAnything(value) ? { type: 'object' } : { type: 'object', additionalProperties: toJsonSchema(value) };
    }
    case 'Union': {
      const members = schema['anyOf'] as TSchema[];
      const consts = members.map((m) => (m[Kind] === 'Literal' ? m['const'] : undefined));
      if (consts.every((c) => typeof c === 'string')) return { type: 'string', enum: consts };
      return { anyOf: members.map(toJsonSchema) };
    }
    case 'Array':
      return { type: 'array', items: toJsonSchema(schema['items'] as TSchema) };
    case 'Literal':
      return { type: typeof schema['const'], const: schema['const'] };
    case 'String':
    case 'Number':
    case 'Integer':
    case 'Boolean':
    case 'Null':
      return { type: String(kind).toLowerCase() };
    case 'Any':
    case 'Unknown':
      return {};
    default:
      throw new InternalError(`Cannot express TypeBox kind "${String(kind)}" as JSON Schema; extend json-schema.ts.`);
  }
}

function objectBody(schema: TSchema): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, TSchema>;
  const out: Record<string, unknown> = { type: 'object' };
  const props: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [key, prop] of Object.entries(properties)) {
    props[key] = toJsonSchema(prop);
    if (prop[OptionalKind] !== 'Optional') required.push(key);
  }
  out['properties'] = props;
  if (required.length > 0) out['required'] = required;
  const extra = schema['additionalProperties'];
  if (typeof extra === 'object' && extra !== null && !isAnything(extra as TSchema)) {
    out['additionalProperties'] = toJsonSchema(extra as TSchema);
  }
  return out;
}

function isAnything(schema: TSchema): boolean {
  return schema[Kind] === 'Any' || schema[Kind] === 'Unknown';
}
