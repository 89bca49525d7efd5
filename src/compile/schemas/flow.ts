import { Type, type Static } from '@sinclair/typebox';

/** Schema of `flows/<trigger>.json`: the ordered actions bound to one trigger. */
export const FlowSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path or URL of this JSON Schema, for editor validation and completion.' })),
    actions: Type.Array(Type.String({ minLength: 1, description: 'An action name: a directory under actions/.' }), {
      description: 'Action names in execution order. Each must be an action of this trigger; an empty list runs nothing.',
    }),
  },
  { additionalProperties: false, title: 'Actuate flow (flows/<trigger>.json)', description: 'The actions bound to one trigger, in the order they run.' },
);
export type Flow = Static<typeof FlowSchema>;
