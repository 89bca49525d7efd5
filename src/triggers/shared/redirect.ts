import { Type } from '@sinclair/typebox';
import type { ApiMethod, ApiNamespace, ApiReturn } from '../types.ts';
import { freeForm, sharedType, stringMap } from './schema.ts';

/**
 * `api.redirect` for the triggers that can suspend a flow (post-login, password-reset-post-challenge)
 * and `api.prompt`, with the event-side `prompt` object the resumed action reads.
 */

/** Options of `redirect.encodeToken`. */
export const TokenCreationOptions = sharedType(
  'TokenCreationOptions',
  Type.Object(
    {
      payload: freeForm('Data for the redirect target; it becomes claims of the token (signed, not encrypted: no secrets).'),
      secret: Type.String({
        description: 'Secret shared with the redirect target, used to sign the token (HS256). Keep it in `event.secrets`.',
      }),
      expiresInSeconds: Type.Optional(Type.Number({ description: 'Lifetime of the token in seconds.', default: 900 })),
    },
    { description: 'What to put in the token and how to sign it.' },
  ),
);

/** Options of `redirect.validateToken`. */
export const ValidateTokenOptions = sharedType(
  'ValidateTokenOptions',
  Type.Object(
    {
      secret: Type.String({ description: 'Secret shared with the redirect target, used to verify the signature (HS256).' }),
      tokenParameterName: Type.Optional(
        Type.String({
          description: 'Name of the query or body parameter that carries the token sent to `/continue`.',
          default: 'session_token',
        }),
      ),
    },
    { description: 'Where to find the returned token and how to verify it.' },
  ),
);

/** Options of `redirect.sendUserTo` and `transaction.setResultUrl`. */
export const RedirectQueryOptions = sharedType(
  'RedirectQueryOptions',
  Type.Object(
    { query: Type.Optional(stringMap('Query parameters to append to the URL.')) },
    { description: 'Extra query parameters for the URL.' },
  ),
);

/** How a trigger's redirect namespace differs: the flow's noun, chaining, and the continue handler. */
export interface RedirectApiOptions {
  readonly flow: string;
  readonly continueHandler: string;
  readonly sendUserToReturns: ApiReturn;
  readonly withCanRedirect: boolean;
}

/** Builds the `api.redirect` namespace of a trigger that supports suspend and resume. */
export function redirectApi(o: RedirectApiOptions): ApiNamespace {
  const methods: ApiMethod[] = [
    {
      name: 'sendUserTo',
      description:
        `Redirects the browser to \`url\` once this action finishes; the ${o.flow} suspends and later actions wait. ` +
        `Auth0 appends \`state\`; the target sends the user back to \`/continue?state=…\`, which resumes this ` +
        `action in \`${o.continueHandler}\`. Impossible for resource-owner, refresh-token and \`prompt=none\` requests.`,
      params: [
        { name: 'url', schema: Type.String(), description: 'Absolute URL to send the user to.' },
        { name: 'options', schema: RedirectQueryOptions, optional: true, description: 'Query parameters to add.' },
      ],
      returns: o.sendUserToReturns,
    },
    {
      name: 'encodeToken',
      description:
        'Creates a signed JWT (HS256) carrying `payload` plus `sub`, `iss`, `exp` and `ip`, to pass to the redirect ' +
        'target (e.g. as a `session_token` query parameter) so it can prove the data came from this flow.',
      params: [{ name: 'options', schema: TokenCreationOptions, description: 'Payload, secret and lifetime.' }],
      returns: { kind: 'value', schema: Type.String({ description: 'The JWT.' }) },
    },
    {
      name: 'validateToken',
      description:
        'Verifies the JWT sent back to `/continue` (signature, expiry, and that its `state` claim matches this ' +
        `transaction) and returns its payload. Throws when it is invalid. Use it in \`${o.continueHandler}\`.`,
      params: [{ name: 'options', schema: ValidateTokenOptions, description: 'Secret and parameter name.' }],
      returns: { kind: 'value', schema: Type.Any({ description: 'The payload of the token.' }) },
    },
  ];
  if (o.withCanRedirect) {
    methods.push({
      name: 'canRedirect',
      description:
        'Whether this transaction can redirect: false for resource-owner and refresh-token grants and for `prompt=none`.',
      params: [],
      returns: { kind: 'value', schema: Type.Boolean() },
      deprecated:
        'Do not rely on it; request the redirect and let the application handle `interaction_required` errors.',
    });
  }
  return {
    name: 'redirect',
    description: `Redirect the user to an external page in the middle of the ${o.flow}, and resume afterwards.`,
    methods,
  };
}

/** Data collected by a custom prompt, on the event of the resumed action. */
export const PromptData = sharedType(
  'PromptData',
  Type.Object(
    {
      id: Type.String({ description: 'Id of the prompt that was rendered.' }),
      fields: Type.Optional(freeForm('Values of the prompt’s fields and hidden fields.')),
      vars: Type.Optional(freeForm('Shared variables of the prompt.')),
    },
    { description: 'Data collected by a custom prompt rendered with `api.prompt.render`.' },
  ),
);

/** Options of `prompt.render`. */
export const PromptRenderOptions = sharedType(
  'PromptRenderOptions',
  Type.Object(
    {
      fields: Type.Optional(freeForm('Values to prefill the prompt’s fields with (client side).')),
      vars: Type.Optional(freeForm('Variables to inject into the prompt (server side).')),
    },
    { description: 'Values for the prompt.' },
  ),
);

/** Builds the `api.prompt` namespace. */
export function promptApi(continueHandler: string): ApiNamespace {
  return {
    name: 'prompt',
    description: 'Render a custom prompt (form) to the user.',
    methods: [
      {
        name: 'render',
        description:
          'Renders the custom prompt `promptId` once this action finishes; the flow suspends until the user submits it. ' +
          `The collected data arrives in \`event.prompt\` when this action resumes in \`${continueHandler}\`.`,
        params: [
          { name: 'promptId', schema: Type.String(), description: 'Id of the prompt to render.' },
          { name: 'promptOptions', schema: PromptRenderOptions, optional: true, description: 'Values for the prompt.' },
        ],
        returns: { kind: 'void' },
      },
    ],
  };
}
