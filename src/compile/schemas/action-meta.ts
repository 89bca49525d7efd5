import { Type, type Static } from '@sinclair/typebox';
import { TRIGGERS } from '../../triggers/index.ts';

const triggerIds = [...new Set(TRIGGERS.map((t) => t.id))];

/** Schema of `actions/<name>/action.json`: what an action binds to and what it needs. */
export const ActionMetaSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path or URL of this JSON Schema, for editor validation and completion.' })),
    trigger: Type.Unsafe<string>({
      type: 'string',
      enum: triggerIds,
      description: `The one trigger this action runs at (an action supports exactly one trigger, as in Auth0): ${triggerIds.join(', ')}.`,
    }),
    version: Type.Optional(
      Type.String({ pattern: '^v[0-9]+$', description: 'Trigger version, e.g. "v3" for post-login. Defaults to the current version of the trigger.' }),
    ),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What the action does; shown in plans and logs.' })),
    dependencies: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$' }),
        Type.String({ pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' }),
        { description: 'npm packages the action may require, with EXACT versions (no ranges), e.g. { "jose": "5.9.6" }. Exact versions make every commit build the same bytes.' },
      ),
    ),
    secrets: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$', maxLength: 128 }), {
        uniqueItems: true,
        description: 'Names of secrets the action reads as event.secrets.NAME. Values never live in git: the runner reads them from its secrets file or ACTUATE_SECRET_<ACTION>_<NAME> variables.',
      }),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000, description: 'Wall-clock budget of one execution of this action, in milliseconds (at most the flow budget).' })),
          memoryMb: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024, description: 'Memory budget of this action, in MiB.' })),
        },
        { additionalProperties: false, description: 'Per-action limits, tighter than the repo defaults.' },
      ),
    ),
    isolation: Type.Optional(
      Type.Unsafe<'warm' | 'execution'>({
        type: 'string',
        enum: ['warm', 'execution'],
        default: 'warm',
        description: '"warm" (default) reuses a loaded sandbox across executions, like Auth0 and Lambda: module scope may persist. "execution" gives every execution a fresh sandbox (slower cold start, no shared state).',
      }),
    ),
  },
  { additionalProperties: false, title: 'Actuate action (action.json)', description: 'Metadata of one action: its trigger, npm dependencies, secret names and limits.' },
);
export type ActionMeta = Static<typeof ActionMetaSchema>;
