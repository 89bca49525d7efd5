import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { eventJsonSchema, JSON_SCHEMA_DRAFT, toJsonSchema, TRIGGERS, triggerKey } from './index.ts';
import type { TriggerDefinition } from './index.ts';

function sample(def: TriggerDefinition): Record<string, unknown> {
  const url = new URL(`./fixtures/${triggerKey(def)}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

function compile(def: TriggerDefinition) {
  return new Ajv({ strict: true, allErrors: true }).compile(eventJsonSchema(def));
}

describe.each(TRIGGERS.map((def) => [triggerKey(def), def] as const))('event schema of %s', (key, def) => {
  it('is pinned by the committed schemas/triggers file', async () => {
    await expect(`${JSON.stringify(eventJsonSchema(def), null, 2)}\n`).toMatchFileSnapshot(
      `../../schemas/triggers/${key}.event.json`,
    );
  });

  it('compiles in ajv strict mode and accepts a realistic sample event', () => {
    const validate = compile(def);
    const event = sample(def);
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts fields Auth0 may add, and events without secrets', () => {
    const validate = compile(def);
    const { secrets: _secrets, ...event } = sample(def);
    expect(validate({ ...event, some_future_field: { nested: true } }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a wrong type with a pointer to the offending value', () => {
    const validate = compile(def);
    const event = sample(def);
    const tenant = event['tenant'] as Record<string, unknown>;
    expect(validate({ ...event, tenant: { ...tenant, id: 42 } })).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toContain('/tenant/id must be string');
  });

  it('rejects an event without a required top-level field', () => {
    const validate = compile(def);
    const event = sample(def);
    const required = (eventJsonSchema(def)['required'] as string[]).filter((k) => k !== 'secrets');
    const missing = required[0];
    if (missing === undefined) throw new Error(`${key} has no required field`);
    const { [missing]: _dropped, ...rest } = event;
    expect(validate(rest)).toBe(false);
    expect(validate.errors?.some((e) => e.params['missingProperty'] === missing)).toBe(true);
  });
});

describe('eventJsonSchema', () => {
  it('declares draft-07, makes secrets optional and titles named types', () => {
    const def = TRIGGERS[0];
    if (def === undefined) throw new Error('no triggers');
    const schema = eventJsonSchema(def);
    expect(schema['$schema']).toBe(JSON_SCHEMA_DRAFT);
    expect(schema['title']).toBe('post-login@v3 event');
    expect(schema['required']).not.toContain('secrets');
    const user = (schema['properties'] as Record<string, Record<string, unknown>>)['user'];
    expect(user?.['title']).toBe('User');
    expect(user?.['additionalProperties']).toBeUndefined();
  });

  it('reports a nested wrong type with its full instancePath', () => {
    const def = TRIGGERS.find((t) => t.id === 'post-login');
    if (def === undefined) throw new Error('post-login missing');
    const validate = compile(def);
    const event = sample(def);
    const user = { ...(event['user'] as Record<string, unknown>), email_verified: 'yes' };
    const transaction = { ...(event['transaction'] as Record<string, unknown>), protocol: 'carrier-pigeon' };
    expect(validate({ ...event, user, transaction })).toBe(false);
    const messages = validate.errors?.map((e) => `${e.instancePath} ${e.message}`);
    expect(messages).toContain('/user/email_verified must be boolean');
    expect(messages).toContain('/transaction/protocol must be equal to one of the allowed values');
  });

  it('converts the TypeBox subset faithfully', () => {
    const schema = Type.Object({
      a: Type.Optional(Type.Union([Type.Literal('x'), Type.Literal('y')], { description: 'A.' })),
      b: Type.Union([Type.Integer(), Type.Null()]),
      c: Type.Record(Type.String(), Type.String()),
      d: Type.Array(Type.Boolean(), { default: [] }),
      e: Type.Unknown({ deprecated: 'use f' }),
    });
    expect(toJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        a: { description: 'A.', type: 'string', enum: ['x', 'y'] },
        b: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        c: { type: 'object', additionalProperties: { type: 'string' } },
        d: { type: 'array', items: { type: 'boolean' }, default: [] },
        e: { deprecated: true },
      },
      required: ['b', 'c', 'd', 'e'],
    });
    expect(() => toJsonSchema(Type.Undefined())).toThrow(/Cannot express TypeBox kind "Undefined"/);
  });
});
