import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { Agent, baseEventProperties, Client, Organization, ResourceServer } from '../shared/entities.ts';
import { RequestWithBody } from '../shared/request.ts';
import { freeForm, localType, stringEnum } from '../shared/schema.ts';

/**
 * credentials-exchange@v2: runs in the client-credentials grant (machine to machine) before the access
 * token is returned. There is no user; `access.deny` takes an OAuth error code.
 */

const AccessToken = localType(
  'AccessToken',
  Type.Object(
    {
      customClaims: freeForm('Custom claims already set on the token, including by earlier actions.'),
      scope: Type.Array(Type.String(), { description: 'Scopes the token will carry.' }),
    },
    { description: 'The access token about to be issued.' },
  ),
);

const Transaction = localType(
  'Transaction',
  Type.Object(
    {
      requested_scopes: Type.Array(Type.String(), { description: 'Scopes the client asked for (if any).' }),
      correlation_id: Type.Optional(Type.String({ description: 'Correlation id passed by the client.' })),
      target_scopes: Type.Optional(
        Type.Array(Type.String(), {
          description:
            '[Early Access] The live target scope set, starting from the client grant and updated at once by ' +
            '`api.transaction` calls. It is intersected with the grant after all actions; other scopes are dropped.',
        }),
      ),
    },
    { description: 'Details about the token request.' },
  ),
);

const scopeParam = (what: string) => ({ name: 'scope', schema: Type.String(), description: `The scope to ${what}.` });

/** The credentials-exchange@v2 trigger. */
export const credentialsExchangeV2: TriggerDefinition = {
  id: 'credentials-exchange',
  version: 'v2',
  mode: 'sync',
  description:
    'Runs when an application exchanges its client credentials for an access token (machine-to-machine), before ' +
    'the token is returned. Can deny the request or add claims.',
  typeName: 'CredentialsExchange',
  handlers: { execute: 'onExecuteCredentialsExchange' },
  event: Type.Object(
    {
      accessToken: AccessToken,
      client: Client,
      request: RequestWithBody,
      resource_server: ResourceServer,
      transaction: Transaction,
      organization: Type.Optional(Organization),
      agent: Type.Optional(Agent),
      ...baseEventProperties,
    },
    { description: 'The client-credentials token request.' },
  ),
  api: [
    {
      name: 'access',
      description: 'Control whether the token is issued.',
      methods: [
        {
          name: 'deny',
          description: 'Denies the token request with an OAuth error code. Actions after this one do not run.',
          params: [
            {
              name: 'code',
              schema: stringEnum(['invalid_scope', 'invalid_request', 'server_error']),
              description: 'OAuth error code returned to the client.',
            },
            {
              name: 'reason',
              schema: Type.String(),
              optional: true,
              description: 'Human-readable explanation, returned as `error_description`.',
            },
          ],
          returns: { kind: 'api' },
        },
      ],
    },
    {
      name: 'accessToken',
      description: 'Change the access token that will be issued.',
      methods: [
        {
          name: 'setCustomClaim',
          description: 'Adds a custom claim to the access token. Use a namespaced URL as the name.',
          params: [
            { name: 'key', schema: Type.String(), description: 'Claim name.' },
            { name: 'value', schema: Type.Unknown(), description: 'Any JSON value.' },
          ],
          returns: { kind: 'api' },
        },
      ],
    },
    cacheApi,
    {
      name: 'transaction',
      description:
        '[Early Access] Edit the target scope set. It is intersected with the client grant after all actions; ' +
        'scopes not granted are dropped silently.',
      methods: [
        {
          name: 'addTargetScope',
          description: 'Adds a scope to the target scope set. Throws when the scope is invalid.',
          params: [scopeParam('add')],
          returns: { kind: 'void' },
        },
        {
          name: 'removeTargetScope',
          description: 'Removes a scope from the target scope set. Throws when the scope is invalid.',
          params: [scopeParam('remove')],
          returns: { kind: 'void' },
        },
        {
          name: 'setTargetScopes',
          description: 'Replaces the target scope set. Throws when a scope is invalid.',
          params: [{ name: 'scopes', schema: Type.Array(Type.String()), description: 'The new scope set.' }],
          returns: { kind: 'void' },
        },
        {
          name: 'clearTargetScopes',
          description: 'Empties the target scope set.',
          params: [],
          returns: { kind: 'void' },
        },
      ],
    },
  ],
  maxActionsPerFlow: 20,
};
