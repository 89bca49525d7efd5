import { Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import { InternalError } from '../core/index.ts';
import { typeNameOf } from './shared/schema.ts';
import type { TypeNameInfo } from './shared/schema.ts';

/**
 * Prints the TypeBox subset the trigger definitions use as TypeScript type text, with TSDoc taken
 * from `description`, `default` and `deprecated`. Named sub-schemas (see shared/schema.ts) are printed
 * as references; the caller decides where their declarations go.
 */

/** How the printer names a named schema; the generator supplies one per namespace. */
export interface PrintContext {
  /** Fully qualified TypeScript name of a named schema; also the hook to collect it for hoisting. */
  readonly reference: (info: TypeNameInfo, schema: TSchema) => string;
}

/** Prints `schema` as a type expression. Nested object literals are indented from `indent`. */
export function printType(schema: TSchema, ctx: PrintContext, indent = '', ignoreName = false): string {
  const named = ignoreName ? undefined : typeNameOf(schema);
  if (named !== undefined) return ctx.reference(named, schema);
  const kind = schema[Kind];
  switch (kind) {
    case 'Object':
      return printObject(schema, ctx, indent);
    case 'Record':
      return `Record<string, ${printType(recordValue(schema), ctx, indent)}>`;
    case 'Union':
      return (schema['anyOf'] as TSchema[]).map((s) => printType(s, ctx, indent)).join(' | ');
    case 'Array': {
      const item = schema['items'] as TSchema;
      const text = printType(item, ctx, indent);
      return item[Kind] === 'Union' && typeNameOf(item) === undefined ? `Array<${text}>` : `${text}[]`;
    }
    case 'Literal':
      return JSON.stringify(schema['const']);
    case 'String':
      return 'string';
    case 'Number':
    case 'Integer':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Null':
      return 'null';
    case 'Undefined':
      return 'undefined';
    case 'Any':
      return 'any';
    case 'Unknown':
      return 'unknown';
    default:
      throw new InternalError(`Cannot print TypeBox kind "${String(kind)}" as TypeScript; extend print-type.ts.`);
  }
}

/** Prints the members of an object schema (one per line, each with its TSDoc), without braces. */
export function printMembers(schema: TSchema, ctx: PrintContext, indent: string): string[] {
  const lines: string[] = [];
  const properties = (schema['properties'] ?? {}) as Record<string, TSchema>;
  for (const [key, prop] of Object.entries(properties)) {
    lines.push(...printDoc(schemaDocLines(prop), indent));
    const readonly = prop[ReadonlyKind] === 'Readonly' ? 'readonly ' : '';
    const optional = prop[OptionalKind] === 'Optional' ? '?' : '';
    lines.push(`${indent}${readonly}${propertyKey(key)}${optional}: ${printType(prop, ctx, indent)};`);
  }
  const extra = schema['additionalProperties'];
  if (typeof extra === 'object' && extra !== null) {
    lines.push(`${indent}[key: string]: ${printType(extra as TSchema, ctx, indent)};`);
  }
  return lines;
}

/** TSDoc lines for a schema: its description, then `@default` and `@deprecated` tags. */
export function schemaDocLines(schema: TSchema): string[] {
  const lines: string[] = [];
  if (typeof schema.description === 'string') lines.push(schema.description);
  if (schema.default !== undefined) lines.push(`@default ${JSON.stringify(schema.default)}`);
  const deprecated = schema['deprecated'];
  if (deprecated === true) lines.push('@deprecated');
  else if (typeof deprecated === 'string') lines.push(`@deprecated ${deprecated}`);
  return lines;
}

/**
 * Formats TSDoc: one line when short and tag-free, a block otherwise. `*\/` inside text is escaped so
 * a description can never end the comment early.
 */
export function printDoc(lines: readonly string[], indent: string): string[] {
  const safe = lines.flatMap((l) => l.split('\n')).map((l) => l.replaceAll('*/', '*\\/'));
  if (safe.length === 0) return [];
  const firstTag = safe.findIndex((l) => l.startsWith('@'));
  if (firstTag > 0 && safe[firstTag - 1] !== '') safe.splice(firstTag, 0, '');
  const only = safe[0];
  if (safe.length === 1 && only !== undefined && !only.startsWith('@') && only.length + indent.length < 110) {
    return [`${indent}/** ${only} */`];
  }
  return [`${indent}/**`, ...safe.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

/** A property name as TypeScript accepts it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** The value schema of a `Type.Record(Type.String(), value)`. */
export function recordValue(schema: TSchema): TSchema {
  const patterns = schema['patternProperties'] as Record<string, TSchema> | undefined;
  const value = patterns === undefined ? undefined : Object.values(patterns)[0];
  if (value === undefined) throw new InternalError('Record schema without patternProperties');
  return value;
}

function printObject(schema: TSchema, ctx: PrintContext, indent: string): string {
  const members = printMembers(schema, ctx, `${indent}  `);
  return members.length === 0 ? '{}' : `{\n${members.join('\n')}\n${indent}}`;
}
