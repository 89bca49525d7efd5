import { Type } from '@sinclair/typebox';
import type { ApiMethod } from '../types.ts';
import { freeForm, sharedType, stringEnum } from './schema.ts';

/**
 * MFA factor selectors and the `challengeWith` / `challengeWithAny` methods that post-login and
 * password-reset-post-challenge share.
 */

const phoneFactor = Type.Object(
  {
    type: Type.Literal('phone', { description: 'Phone (SMS or voice).' }),
    options: Type.Optional(
      Type.Object(
        {
          preferredMethod: Type.Optional(
            stringEnum(['sms', 'voice', 'both'], { description: 'Delivery method to prefer when available.' }),
          ),
        },
        { description: 'Options of the phone factor.' },
      ),
    ),
  },
  { description: 'The phone factor.' },
);

/** A factor to challenge the user with. */
export const FactorSelector = sharedType(
  'FactorSelector',
  Type.Union(
    [
      Type.Object(
        {
          type: stringEnum(['otp', 'email', 'webauthn-platform', 'webauthn-roaming', 'recovery-code'], {
            description: 'Kind of factor.',
          }),
          options: Type.Optional(freeForm('Options for this kind of factor.')),
        },
        { description: 'A factor without special options.' },
      ),
      phoneFactor,
      Type.Object(
        {
          type: stringEnum(['push', 'push-notification'], { description: 'Push notification (Guardian).' }),
          options: Type.Optional(
            Type.Object(
              {
                otpFallback: Type.Optional(
                  Type.Boolean({ description: 'Set to `false` to hide the one-time-code fallback of push.', default: true }),
                ),
              },
              { description: 'Options of the push factor.' },
            ),
          ),
        },
        { description: 'The push factor.' },
      ),
    ],
    { description: 'A factor to challenge the user with: `{ type }` plus type-specific `options`.' },
  ),
);

/** A factor to enroll the user in. */
export const EnrollmentFactorSelector = sharedType(
  'EnrollmentFactorSelector',
  Type.Union(
    [
      Type.Object(
        {
          type: stringEnum(['otp', 'webauthn-platform', 'webauthn-roaming', 'push', 'push-notification', 'recovery-code'], {
            description: 'Kind of factor.',
          }),
          options: Type.Optional(freeForm('Options for this kind of factor.')),
        },
        { description: 'A factor without special options.' },
      ),
      phoneFactor,
    ],
    { description: 'A factor to enroll the user in: `{ type }` plus type-specific `options`.' },
  ),
);

/** Options of `challengeWith`. */
export const ChallengeWithOptions = sharedType(
  'ChallengeWithOptions',
  Type.Object(
    {
      additionalFactors: Type.Optional(
        Type.Array(FactorSelector, { description: 'Other factors the user may pick instead of the first one.' }),
      ),
    },
    { description: 'Options of `challengeWith`.' },
  ),
);

const challengeSemantics =
  'Later actions do not run until the challenge is satisfied. Factors already satisfied in this transaction, ' +
  'not enabled on the tenant or not enrolled by the user are ignored; if none is usable the flow fails.';

/** `authentication.challengeWith` and `authentication.challengeWithAny`. */
export const challengeMethods: readonly ApiMethod[] = [
  {
    name: 'challengeWith',
    description: `Asks the user to complete an MFA challenge with \`factor\` (or one of \`additionalFactors\`) now. ${challengeSemantics}`,
    params: [
      { name: 'factor', schema: FactorSelector, description: 'The factor to challenge with first.' },
      {
        name: 'options',
        schema: ChallengeWithOptions,
        optional: true,
        description: 'Other factors the user may choose instead.',
      },
    ],
    returns: { kind: 'void' },
  },
  {
    name: 'challengeWithAny',
    description: `Shows a factor picker and asks the user to complete a challenge with any of \`factors\`. ${challengeSemantics}`,
    params: [
      {
        name: 'factors',
        schema: Type.Array(FactorSelector),
        description: 'Factors to offer; the picker is skipped when only one is usable.',
      },
    ],
    returns: { kind: 'void' },
  },
];
