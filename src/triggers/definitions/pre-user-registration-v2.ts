import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { RiskSignals } from '../shared/authentication.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { baseEventProperties, Client, Connection, SecurityContext } from '../shared/entities.ts';
import { RequestWithBody } from '../shared/request.ts';
import { SignupTransaction } from '../shared/transaction.ts';
import { PreRegistrationUser } from '../shared/user.ts';
import { userMetadataApi } from '../shared/user-api.ts';

/**
 * pre-user-registration@v2: runs before a database or passwordless user is created (never for social
 * or enterprise connections). Can block the sign-up or set metadata the user is created with.
 */
export const preUserRegistrationV2: TriggerDefinition = {
  id: 'pre-user-registration',
  version: 'v2',
  mode: 'sync',
  description:
    'Runs before a database or passwordless user is created (not for social or enterprise connections). ' +
    'Can block the sign-up with a message for the user, or set metadata the user is created with.',
  typeName: 'PreUserRegistration',
  handlers: { execute: 'onExecutePreUserRegistration' },
  event: Type.Object(
    {
      user: PreRegistrationUser,
      connection: Connection,
      client: Type.Optional(Client),
      request: RequestWithBody,
      transaction: Type.Optional(SignupTransaction),
      authentication: Type.Optional(RiskSignals),
      security_context: Type.Optional(SecurityContext),
      ...baseEventProperties,
    },
    { description: 'The sign-up about to create a user.' },
  ),
  api: [
    {
      name: 'access',
      description: 'Control whether the user may sign up.',
      methods: [
        {
          name: 'deny',
          description: 'Blocks the sign-up. Actions after this one do not run.',
          params: [
            { name: 'reason', schema: Type.String(), description: 'Internal reason, written to the tenant logs.' },
            { name: 'userMessage', schema: Type.String(), description: 'Message shown to the user.' },
          ],
          returns: { kind: 'api' },
        },
      ],
    },
    {
      name: 'validation',
      description: 'Reject the sign-up with a custom error code.',
      methods: [
        {
          name: 'error',
          description:
            'Blocks the sign-up with your error code (logged) and message (shown to the user, e.g. in Universal ' +
            'Login). Actions after this one do not run.',
          params: [
            { name: 'errorCode', schema: Type.String(), description: 'Your error code, written to the tenant logs.' },
            { name: 'errorMessage', schema: Type.String(), description: 'Message shown to the user.' },
          ],
          returns: { kind: 'api' },
        },
      ],
    },
    userMetadataApi('when the user is created (not supported for passwordless users)'),
    cacheApi,
  ],
  maxActionsPerFlow: 20,
};
