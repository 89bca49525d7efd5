import { Type } from '@sinclair/typebox';
import { describe, expect, test } from 'vitest';
import { getTrigger } from '../../triggers/index.ts';
import { nullable } from '../../triggers/shared/schema.ts';
import { eventSectionFields } from './action-event-reads.ts';

describe('eventSectionFields', () => {
  test('post-login@v3: every section, with the declared fields of object sections', () => {
    const trigger = getTrigger('post-login', 'v3')!;
    const sections = eventSectionFields(trigger.event);
    expect([...sections.keys()]).toEqual(Object.keys(trigger.event.properties).sort());
    const user = sections.get('user');
    for (const f of ['email', 'email_verified', 'app_metadata', 'user_metadata', 'identities']) expect(user?.has(f), f).toBe(true);
    expect(user?.has('hasOwnProperty')).toBe(false);
    expect(sections.get('request')?.has('geoip')).toBe(true);
    expect(sections.get('tenant')).toEqual(new Set(['id']));
  });

  test('free-form sections (records) have no fixed fields', () => {
    const sections = eventSectionFields(getTrigger('post-login', 'v3')!.event);
    expect(sections.has('secrets')).toBe(true);
    expect(sections.get('secrets')).toBeUndefined();
    expect(sections.get('configuration')).toBeUndefined();
  });

  test('unions: the fields of every object member, null and non-object members ignored', () => {
    const event = Type.Object({
      either: Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.Number(), a: Type.String() })]),
      maybe: nullable(Type.Object({ c: Type.String() })),
      scalarOrObject: Type.Union([Type.String(), Type.Object({ d: Type.String() })]),
      scalar: Type.String(),
      empty: Type.Object({}),
      nullOnly: nullable(Type.String()),
      optional: Type.Optional(Type.Object({ e: Type.String() })),
    });
    const sections = eventSectionFields(event);
    expect(sections.get('either')).toEqual(new Set(['a', 'b']));
    expect(sections.get('maybe')).toEqual(new Set(['c']));
    expect(sections.get('scalarOrObject')).toEqual(new Set(['d']));
    expect(sections.get('optional')).toEqual(new Set(['e']));
    for (const k of ['scalar', 'empty', 'nullOnly']) {
      expect(sections.has(k), k).toBe(true);
      expect(sections.get(k), k).toBeUndefined();
    }
  });
});
