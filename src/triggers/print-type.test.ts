import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { generateDeclarations } from './generate-declarations.ts';
import { printDoc, printType } from './print-type.ts';
import type { PrintContext } from './print-type.ts';
import { localType, nullable, sharedType, stringEnum } from './shared/schema.ts';
import type { TriggerDefinition } from './types.ts';

const ctx: PrintContext = { reference: (info) => `X.${info.name}` };

describe('printType', () => {
  it('prints the TypeBox subset as TypeScript', () => {
    const schema = Type.Object({
      'odd-key': Type.String({ description: 'Quoted.' }),
      list: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Integer()]))),
      map: Type.Record(Type.String(), Type.Any()),
      mode: stringEnum(['a', 'b']),
      gone: nullable(Type.Boolean()),
      ro: Type.Readonly(Type.Unknown()),
      named: sharedType('Thing', Type.Object({})),
    });
    expect(printType(schema, ctx)).toBe(
      [
        '{',
        '  /** Quoted. */',
        '  "odd-key": string;',
        '  list?: Array<string | number>;',
        '  map: Record<string, any>;',
        '  mode: "a" | "b";',
        '  gone: boolean | null;',
        '  readonly ro: unknown;',
        '  named: X.Thing;',
        '}',
      ].join('\n'),
    );
  });

  it('refuses kinds it cannot print instead of guessing', () => {
    expect(() => printType(Type.Date(), ctx)).toThrow(/Cannot print TypeBox kind "Date"/);
  });
});

describe('printDoc', () => {
  it('keeps short docs on one line and never lets text close the comment', () => {
    expect(printDoc(['Short.'], '  ')).toEqual(['  /** Short. */']);
    expect(printDoc(['Ends */ early', '@default 1'], '')).toEqual(['/**', ' * Ends *\\/ early', ' *', ' * @default 1', ' */']);
    expect(printDoc([], '')).toEqual([]);
  });
});

describe('generateDeclarations', () => {
  const base: TriggerDefinition = {
    id: 'custom-thing',
    version: 'v1',
    mode: 'sync',
    description: 'A test trigger.',
    typeName: 'CustomThing',
    handlers: { execute: 'onExecuteCustomThing' },
    event: Type.Object({ a: sharedType('Shape', Type.Object({ x: Type.String({ description: 'X.' }) })) }),
    api: [],
    maxActionsPerFlow: 1,
  };

  it('fits a new trigger without touching the generator', () => {
    const text = generateDeclarations([base]);
    expect(text).toContain('namespace CustomThingV1 {');
    expect(text).toContain('declare module "@auth0/actions/custom-thing/v1" {');
    expect(text).toContain('export type CustomThingAPI = Actuate.CustomThingV1.API;');
    expect(text).toContain('type Event = Actuate.CustomThingV1.Event;');
  });

  it('rejects two different schemas under one shared name', () => {
    const other: TriggerDefinition = {
      ...base,
      id: 'other-thing',
      typeName: 'OtherThing',
      event: Type.Object({ a: sharedType('Shape', Type.Object({ y: Type.Number() })) }),
    };
    expect(() => generateDeclarations([base, other])).toThrow(/Two different schemas are named Actuate\.Shared\.Shape/);
  });

  it('rejects a local type that collides with a generated name', () => {
    const clash: TriggerDefinition = { ...base, event: Type.Object({ a: localType('API', Type.Object({})) }) };
    expect(() => generateDeclarations([clash])).toThrow(/Actuate\.CustomThingV1\.API is declared twice/);
  });
});
