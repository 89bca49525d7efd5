import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { RiskSignals } from '../shared/authentication.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { baseEventProperties, Connection } from '../shared/entities.ts';
import { Request } from '../shared/request.ts';
import { CorrelatedTransaction } from '../shared/transaction.ts';
import { PasswordChangeUser } from '../shared/user.ts';

/**
 * post-change-password@v2: runs asynchronously after a database user changed or reset their password.
 * Typical uses: revoke sessions elsewhere, notify the user.
 */
export const postChangePasswordV2: TriggerDefinition = {
  id: 'post-change-password',
  version: 'v2',
  mode: 'async',
  description:
    'Runs asynchronously after a database user changed or reset their password. Cannot change the outcome; ' +
    'use it to notify the user or other systems. Failed runs are retried.',
  typeName: 'PostChangePassword',
  handlers: { execute: 'onExecutePostChangePassword' },
  event: Type.Object(
    {
      user: PasswordChangeUser,
      connection: Connection,
      request: Request,
      transaction: Type.Optional(CorrelatedTransaction),
      authentication: Type.Optional(RiskSignals),
      ...baseEventProperties,
    },
    { description: 'The password change that happened.' },
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20,
};
