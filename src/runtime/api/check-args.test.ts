import { Type } from '@sinclair/typebox';
import { expect, test } from 'vitest';
import type { ApiMethod } from '../../triggers/index.ts';
import { compileArgsChecker } from './check-args.ts';

/** The generated argument checks and their messages, on a synthetic method using every schema kind. */

const method: ApiMethod = {
  name: 'm',
  description: 'test',
  returns: { kind: 'void' },
  params: [
    { name: 'id', schema: Type.String(), description: '' },
    {
      name: 'options',
      optional: true,
      description: '',
      schema: Type.Object({
        count: Type.Optional(Type.Integer()),
        mode: Type.Optional(Type.Union([Type.Literal('a'), Type.Literal('b')])),
        tags: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
        list: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Null()]))),
        anything: Type.Optional(Type.Unknown()),
      }),
    },
  ],
};

const check = compileArgsChecker('api.ns.m', method);

test('valid calls: absent or null optional parameters become undefined; extra arguments are ignored', () => {
  expect(check(['x'])).toEqual(['x', undefined]);
  expect(check(['x', null])).toEqual(['x', undefined]);
  expect(check(['x', { count: 2, mode: 'b', tags: { t: true }, list: ['s', null], anything: [{}] }, 'extra'])).toEqual([
    'x',
    { count: 2, mode: 'b', tags: { t: true }, list: ['s', null], anything: [{}] },
  ]);
});

test.each([
  [[], 'api.ns.m: id must be a string, got undefined'],
  [[null], 'api.ns.m: id must be a string, got null'],
  [[7], 'api.ns.m: id must be a string, got 7'],
  [['x', 'opts'], 'api.ns.m: options must be an object, got "opts"'],
  [['x', []], 'api.ns.m: options must be an object, got an array'],
  [['x', { count: 1.5 }], 'api.ns.m: options.count must be an integer, got 1.5'],
  [['x', { mode: 'c' }], 'api.ns.m: options.mode must be one of "a", "b", got "c"'],
  [['x', { tags: { 'with space': 'yes' } }], 'api.ns.m: options.tags["with space"] must be a boolean, got "yes"'],
  [['x', { list: ['ok', 3] }], 'api.ns.m: options.list[1] must be a string or null, got 3'],
])('%j is refused with a message naming the parameter', (args, message) => {
  expect(() => check(args)).toThrow(new TypeError(message));
});
