import { Type } from '@sinclair/typebox';
import { freeForm, sharedType } from './schema.ts';

/**
 * `event.user` in the shapes Auth0 sends: the full profile (login, password reset), a profile with
 * optional identities (after registration, phone messages), the would-be user before registration
 * (no `user_id` yet) and the small subset sent after a password change. The types have no index
 * signature on purpose: a misspelled field (`event.user.emial`) is a type error, while the runtime
 * schema still lets Auth0's extra fields through.
 */

const appMetadata = freeForm(
  'Metadata that affects what the user may do (plan, roles, flags). Only the tenant can change it; ' +
    'actions change it with `api.user.setAppMetadata`.',
);
const userMetadata = freeForm(
  'Metadata the user may edit (preferences, address). Actions change it with `api.user.setUserMetadata`.',
);

/** One linked identity: the account at an identity provider that this user signs in with. */
export const Identity = sharedType(
  'Identity',
  Type.Object(
    {
      connection: Type.Optional(Type.String({ description: 'Name of the connection of this identity.' })),
      provider: Type.Optional(Type.String({ description: 'Identity provider, e.g. `auth0`, `google-oauth2`, `samlp`.' })),
      user_id: Type.Optional(Type.String({ description: 'User id at that provider (without the `provider|` prefix).' })),
      isSocial: Type.Optional(Type.Boolean({ description: 'Whether the connection is a social connection.' })),
      profileData: Type.Optional(
        Type.Record(Type.String(), Type.Any(), {
          description: 'Profile attributes from that provider; filled for linked (secondary) identities.',
        }),
      ),
    },
    { description: 'An identity-provider account linked to the user.' },
  ),
);

/** An MFA factor the user has enrolled. */
export const EnrolledFactor = sharedType(
  'EnrolledFactor',
  Type.Object(
    {
      type: Type.String({
        description: 'Kind of factor: `push-notification`, `phone`, `email`, `otp`, `webauthn-roaming`, `webauthn-platform`…',
      }),
      options: Type.Optional(freeForm('Details of this enrollment, depending on its type.')),
    },
    { description: 'An authentication factor the user has enrolled.' },
  ),
);

/** Profile fields shared by the full-profile user shapes. */
export const userProfileProperties = {
  user_id: Type.String({ description: 'Unique id of the user, e.g. `auth0|5f7c8ec7c33c6c004bbafe82`.' }),
  email: Type.Optional(Type.String({ description: 'Email address (unique per connection).' })),
  email_verified: Type.Boolean({ description: 'Whether the user has verified their email address.' }),
  username: Type.Optional(Type.String({ description: 'Username (unique per connection), when the connection uses one.' })),
  phone_number: Type.Optional(Type.String({ description: 'Phone number in E.164 format.' })),
  phone_verified: Type.Optional(Type.Boolean({ description: 'Whether the user has verified their phone number.' })),
  name: Type.Optional(Type.String({ description: 'Full name.' })),
  given_name: Type.Optional(Type.String({ description: 'Given (first) name.' })),
  family_name: Type.Optional(Type.String({ description: 'Family (last) name.' })),
  nickname: Type.Optional(Type.String({ description: 'Nickname.' })),
  picture: Type.Optional(Type.String({ description: 'URL of the profile picture.' })),
  created_at: Type.String({ description: 'When the user was created (ISO 8601).' }),
  updated_at: Type.String({ description: 'When the profile was last updated (ISO 8601).' }),
  last_password_reset: Type.Optional(
    Type.String({ description: 'When the password was last changed or reset (ISO 8601). Database users only; absent at creation.' }),
  ),
  app_metadata: appMetadata,
  user_metadata: userMetadata,
};

const identitiesDescription =
  'Identity-provider accounts of the user; the first is the one the user was created with. ' +
  'Linked accounts appear here too.';

/**
 * The full user profile of login-like triggers. Reflects `api.user.set*Metadata` calls made by
 * earlier actions of the same flow.
 */
export const User = sharedType(
  'User',
  Type.Object(
    {
      ...userProfileProperties,
      identities: Type.Array(Identity, { description: identitiesDescription }),
      multifactor: Type.Optional(
        Type.Array(Type.String(), { description: 'MFA providers the user is enrolled with, e.g. `["guardian"]`.' }),
      ),
      enrolledFactors: Type.Optional(
        Type.Array(EnrolledFactor, {
          description:
            'Authentication factors the user has enrolled. Empty means none; absent means Auth0 could not tell.',
        }),
      ),
    },
    {
      description:
        'The user this transaction is for. Read-only, but it reflects metadata set by earlier actions in the same flow.',
    },
  ),
);

/** The profile of a user that exists, with identities when Auth0 sends them. */
export const UserProfile = sharedType(
  'UserProfile',
  Type.Object(
    {
      ...userProfileProperties,
      identities: Type.Optional(Type.Array(Identity, { description: identitiesDescription })),
    },
    { description: 'The user this transaction is for.' },
  ),
);

/** The user about to be created: no `user_id` and no timestamps yet. */
export const PreRegistrationUser = sharedType(
  'PreRegistrationUser',
  Type.Object(
    {
      email: Type.Optional(Type.String({ description: 'Email address the user signs up with.' })),
      username: Type.Optional(Type.String({ description: 'Username, when the connection requires one.' })),
      phone_number: Type.Optional(Type.String({ description: 'Phone number (passwordless SMS and phone sign-ups).' })),
      name: Type.Optional(Type.String({ description: 'Full name.' })),
      given_name: Type.Optional(Type.String({ description: 'Given (first) name.' })),
      family_name: Type.Optional(Type.String({ description: 'Family (last) name.' })),
      nickname: Type.Optional(Type.String({ description: 'Nickname.' })),
      picture: Type.Optional(Type.String({ description: 'URL of the profile picture.' })),
      app_metadata: Type.Optional(appMetadata),
      user_metadata: Type.Optional(userMetadata),
    },
    { description: 'The user who is about to be created. There is no `user_id` yet.' },
  ),
);

/** The subset of the profile Auth0 sends after a password change. */
export const PasswordChangeUser = sharedType(
  'PasswordChangeUser',
  Type.Object(
    {
      user_id: Type.Optional(Type.String({ description: 'Unique id of the user.' })),
      email: Type.Optional(Type.String({ description: 'Email address.' })),
      email_verified: Type.Optional(Type.Boolean({ description: 'Whether the email address is verified.' })),
      phone_number: Type.Optional(Type.String({ description: 'Phone number in E.164 format.' })),
      phone_verified: Type.Optional(Type.Boolean({ description: 'Whether the phone number is verified.' })),
      username: Type.Optional(Type.String({ description: 'Username.' })),
      last_password_reset: Type.Optional(Type.String({ description: 'When the password was changed (ISO 8601).' })),
    },
    { description: 'The user whose password was changed (a subset of the profile).' },
  ),
);
