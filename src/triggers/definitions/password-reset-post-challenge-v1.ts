import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { AuthenticationMethod, SupplementalRiskAssessment } from '../shared/authentication.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { Authorization, baseEventProperties, Client, Connection, Organization, Stats } from '../shared/entities.ts';
import { challengeMethods } from '../shared/factors.ts';
import { PromptData, promptApi, RedirectQueryOptions, redirectApi } from '../shared/redirect.ts';
import { InteractiveRequest } from '../shared/request.ts';
import { localType } from '../shared/schema.ts';
import { PasswordResetTransaction } from '../shared/transaction.ts';
import { User } from '../shared/user.ts';

/**
 * password-reset-post-challenge@v1: runs during a password reset after the first challenge (the email
 * link or code) and before the new password is set. Can add an MFA challenge, redirect, or deny.
 */

const Authentication = localType(
  'Authentication',
  Type.Object(
    {
      methods: Type.Array(AuthenticationMethod, {
        description: 'Methods completed so far, e.g. `email` or `phone_number` for the reset challenge.',
      }),
      riskAssessment: Type.Optional(
        Type.Object(
          { supplemental: Type.Optional(SupplementalRiskAssessment) },
          { description: 'Risk signals for this password reset.' },
        ),
      ),
    },
    { description: 'Authentication facts of this password reset.' },
  ),
);

/** The password-reset-post-challenge@v1 trigger. */
export const passwordResetPostChallengeV1: TriggerDefinition = {
  id: 'password-reset-post-challenge',
  version: 'v1',
  mode: 'sync',
  description:
    'Runs during a password reset after the user passed the first challenge (email link or code) and before the ' +
    'new password is set. Universal Login only. Can require MFA, redirect and resume in `onContinuePostChallenge`, ' +
    'or deny the reset.',
  typeName: 'PasswordResetPostChallenge',
  handlers: { execute: 'onExecutePostChallenge', continue: 'onContinuePostChallenge' },
  event: Type.Object(
    {
      user: User,
      authentication: Authentication,
      authorization: Authorization,
      client: Client,
      connection: Connection,
      organization: Type.Optional(Organization),
      prompt: Type.Optional(PromptData),
      request: InteractiveRequest,
      stats: Stats,
      transaction: PasswordResetTransaction,
      ...baseEventProperties,
    },
    { description: 'The password reset in progress.' },
  ),
  api: [
    {
      name: 'access',
      description: 'Control whether the password reset may continue.',
      methods: [
        {
          name: 'deny',
          description:
            'Denies the password reset. Actions after this one do not run; side effects already requested stay.',
          params: [{ name: 'reason', schema: Type.String(), description: 'Why; may be shown to the user.' }],
          returns: { kind: 'void' },
        },
      ],
    },
    {
      name: 'authentication',
      description: 'Require an additional MFA challenge before the password can be reset.',
      methods: challengeMethods,
    },
    redirectApi({
      flow: 'password reset',
      continueHandler: 'onContinuePostChallenge',
      sendUserToReturns: { kind: 'void' },
      withCanRedirect: false,
    }),
    cacheApi,
    promptApi('onContinuePostChallenge'),
    {
      name: 'transaction',
      description: 'Configure the end of the password reset.',
      methods: [
        {
          name: 'setResultUrl',
          description: 'Sets where the user lands after the password has been reset.',
          params: [
            { name: 'url', schema: Type.String(), description: 'Absolute URL.' },
            { name: 'options', schema: RedirectQueryOptions, optional: true, description: 'Query parameters to add.' },
          ],
          returns: { kind: 'void' },
        },
      ],
    },
  ],
  maxActionsPerFlow: 4,
};
