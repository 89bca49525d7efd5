import { Type } from '@sinclair/typebox';
import type { TriggerDefinition } from '../types.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { baseEventProperties, Client, SecurityContext } from '../shared/entities.ts';
import { Request } from '../shared/request.ts';
import { localType, stringEnum } from '../shared/schema.ts';
import { CorrelatedTransaction } from '../shared/transaction.ts';
import { UserProfile } from '../shared/user.ts';

/**
 * send-phone-message@v2: replaces Auth0's SMS/voice delivery for MFA. The action itself must deliver
 * `event.message_options.text` to the recipient (e.g. with `fetch` to an SMS provider).
 */

const MessageOptions = localType(
  'MessageOptions',
  Type.Object(
    {
      action: stringEnum(['enrollment', 'second-factor-authentication'], {
        description: 'Why the message is sent: MFA enrollment or an MFA challenge.',
      }),
      code: Type.String({ description: 'The one-time code the user must enter.' }),
      message_type: stringEnum(['sms', 'voice'], { description: 'How to deliver the message.' }),
      recipient: Type.String({ description: 'Phone number to send to (E.164).' }),
      text: Type.String({ description: 'Text of the message, with the code already in it.' }),
    },
    { description: 'The message to deliver.' },
  ),
);

/** The send-phone-message@v2 trigger. */
export const sendPhoneMessageV2: TriggerDefinition = {
  id: 'send-phone-message',
  version: 'v2',
  mode: 'sync',
  description:
    'Runs when Auth0 must send an MFA code by SMS or voice through a custom provider. The action delivers the ' +
    'message itself (e.g. with `fetch`); throwing fails the delivery.',
  typeName: 'SendPhoneMessage',
  handlers: { execute: 'onExecuteSendPhoneMessage' },
  event: Type.Object(
    {
      message_options: MessageOptions,
      user: UserProfile,
      client: Type.Optional(Client),
      request: Request,
      transaction: Type.Optional(CorrelatedTransaction),
      security_context: Type.Optional(SecurityContext),
      ...baseEventProperties,
    },
    { description: 'The MFA message to deliver.' },
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20,
};
