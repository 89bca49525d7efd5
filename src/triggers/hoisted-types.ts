import type { TSchema } from '@sinclair/typebox';
import { Kind } from '@sinclair/typebox';
import { InternalError } from '../core/index.ts';
import { toJsonSchema } from './json-schema.ts';
import { printDoc, printMembers, printType, schemaDocLines } from './print-type.ts';
import type { PrintContext } from './print-type.ts';

/**
 * The named types of one namespace (`Actuate.Shared` or one trigger's), collected while printing
 * and then declared once each: objects as interfaces (so hovers show a name, not a wall of fields),
 * everything else as type aliases. Two different schemas under one name are a bug in the definitions.
 */
export class HoistedTypes {
  readonly #qualifier: string;
  readonly #schemas = new Map<string, TSchema>();
  readonly #printed = new Map<string, string[]>();

  constructor(qualifier: string) {
    this.#qualifier = qualifier;
  }

  /** Registers `schema` under `name` and returns its qualified name for use in type text. */
  add(name: string, schema: TSchema): string {
    const known = this.#schemas.get(name);
    if (known === undefined) this.#schemas.set(name, schema);
    else if (known !== schema && shapeOf(known) !== shapeOf(schema)) {
      throw new InternalError(`Two different schemas are named ${this.#qualifier}.${name}; give one another name.`);
    }
    return `${this.#qualifier}.${name}`;
  }

  /** Names registered so far, sorted. */
  names(): string[] {
    return [...this.#schemas.keys()].sort();
  }

  /** True while some registered type has not been printed yet. */
  pending(): boolean {
    return this.#printed.size < this.#schemas.size;
  }

  /** Prints every registered type not printed yet; printing may register more (here or elsewhere). */
  printPending(ctx: PrintContext, indent: string): void {
    for (const [name, schema] of this.#schemas) {
      if (this.#printed.has(name)) continue;
      this.#printed.set(name, declare(name, schema, ctx, indent));
    }
  }

  /** All declarations, sorted by name so the output does not depend on discovery order. */
  declarations(): string[] {
    return [...this.#printed.keys()].sort().flatMap((name) => this.#printed.get(name) ?? []);
  }
}

function declare(name: string, schema: TSchema, ctx: PrintContext, indent: string): string[] {
  const doc = printDoc(schemaDocLines(schema), indent);
  if (schema[Kind] === 'Object') {
    return [...doc, `${indent}interface ${name} {`, ...printMembers(schema, ctx, `${indent}  `), `${indent}}`];
  }
  return [...doc, `${indent}type ${name} = ${printType(schema, ctx, indent, true)};`];
}

function shapeOf(schema: TSchema): string {
  const { description: _ignored, ...rest } = toJsonSchema(schema) as Record<string, unknown>;
  return JSON.stringify(rest);
}
