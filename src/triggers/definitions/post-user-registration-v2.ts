import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { RiskSignals } from '../shared/authentication.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { baseEventProperties, Connection, SecurityContext } from '../shared/entities.ts';
import { Request } from '../shared/request.ts';
import { SignupTransaction } from '../shared/transaction.ts';
import { UserProfile } from '../shared/user.ts';

/**
 * post-user-registration@v2: runs asynchronously after a database or passwordless user was created.
 * Its outcome never affects the sign-up; typical uses are webhooks and CRM sync.
 */
export const postUserRegistrationV2: TriggerDefinition = {
  id: 'post-user-registration',
  version: 'v2',
  mode: 'async',
  description:
    'Runs asynchronously after a database or passwordless user was created (not for social connections). ' +
    'Cannot change the sign-up; use it to notify other systems. Failed runs are retried.',
  typeName: 'PostUserRegistration',
  handlers: { execute: 'onExecutePostUserRegistration' },
  event: Type.Object(
    {
      user: UserProfile,
      connection: Connection,
      request: Type.Optional(Request),
      transaction: Type.Optional(SignupTransaction),
      authentication: Type.Optional(RiskSignals),
      security_context: Type.Optional(SecurityContext),
      ...baseEventProperties,
    },
    { description: 'The user that was just created.' },
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20,
};
