import { Type } from '@sinclair/typebox';
import { freeForm, sharedType, stringEnum } from './schema.ts';

/**
 * `event.transaction`: the authorization request being served. Login has the richest shape (and a
 * metadata scratchpad shared between actions); sign-up has the request parameters; the async and
 * message triggers only get a correlation id.
 */

/** The protocol of the transaction, e.g. `oidc-basic-profile` or `oauth2-refresh-token`. */
export const Protocol = sharedType(
  'Protocol',
  stringEnum(
    [
      'oidc-basic-profile',
      'oidc-implicit-profile',
      'oidc-hybrid-profile',
      'oidc-ciba',
      'oidc-ciba-web-link',
      'oauth2-device-code',
      'oauth2-resource-owner',
      'oauth2-resource-owner-jwt-bearer',
      'oauth2-password',
      'oauth2-webauthn',
      'oauth2-access-token',
      'oauth2-refresh-token',
      'oauth2-token-exchange',
      'samlp',
      'wsfed',
      'wstrust-usernamemixed',
    ],
    {
      description:
        'Protocol of the transaction. Redirects are impossible for `oauth2-resource-owner`, ' +
        '`oauth2-refresh-token` and requests with `prompt=none`.',
    },
  ),
);

const correlationId = Type.Optional(
  Type.String({
    description: 'Correlation id the application passed to `/authorize`, to tie action logs to the flow.',
  }),
);

const common = {
  locale: Type.String({
    description: 'Locale chosen for this transaction from the browser languages and the tenant settings, e.g. `en`.',
  }),
  login_hint: Type.Optional(Type.String({ description: 'The `login_hint` of the authorization request.' })),
  state: Type.Optional(Type.String({ description: 'The application’s opaque `state` value from the authorization request.' })),
  ui_locales: Type.Array(Type.String(), { description: 'The `ui_locales` of the authorization request.' }),
  correlation_id: correlationId,
};

const oauthRequest = {
  acr_values: Type.Array(Type.String(), { description: 'The `acr_values` of the authorization request.' }),
  prompt: Type.Optional(Type.Array(Type.String(), { description: 'The `prompt` values, e.g. `["login"]` or `["none"]`.' })),
  protocol: Type.Optional(Protocol),
  redirect_uri: Type.Optional(Type.String({ description: 'Where Auth0 sends the browser when the transaction completes.' })),
  requested_scopes: Type.Array(Type.String(), { description: 'Scopes requested, e.g. `["openid", "profile"]`.' }),
  response_mode: Type.Optional(
    stringEnum(['query', 'fragment', 'form_post', 'web_message'], { description: 'How the response is returned.' }),
  ),
  response_type: Type.Optional(
    Type.Array(stringEnum(['code', 'token', 'id_token']), { description: 'What the application asked to receive.' }),
  ),
};

/** The transaction of sign-up triggers (pre- and post-user-registration). */
export const SignupTransaction = sharedType(
  'SignupTransaction',
  Type.Object({ ...common, ...oauthRequest }, { description: 'Details about the current transaction.' }),
);

/** Value types `api.transaction.setMetadata` accepts (safe integers, strings, booleans). */
export const TransactionMetadataValue = sharedType(
  'TransactionMetadataValue',
  Type.Union([Type.String(), Type.Number(), Type.Boolean()], {
    description: 'A transaction metadata value: string, number (safe integer) or boolean.',
  }),
);

/** post-login's transaction: the request parameters, RAR details, token-exchange facts and metadata. */
export const LoginTransaction = sharedType(
  'LoginTransaction',
  Type.Object(
    {
      id: Type.Optional(Type.String({ description: 'Unique id of the transaction; set for browser-based logins.' })),
      ...common,
      ...oauthRequest,
      locale: Type.Optional(common.locale),
      ui_locales: Type.Optional(common.ui_locales),
      acr_values: Type.Optional(oauthRequest.acr_values),
      requested_scopes: Type.Optional(oauthRequest.requested_scopes),
      requested_authorization_details: Type.Optional(
        Type.Array(
          Type.Object(
            { type: Type.String({ description: 'Type of the authorization details; decides the other fields.' }) },
            { description: 'One entry of a Rich Authorization Request.', additionalProperties: Type.Any() },
          ),
          { description: 'Rich Authorization Request (RFC 9396) details of the request.' },
        ),
      ),
      linking_id: Type.Optional(Type.String({ description: 'Dynamic linking id to reference this transaction.' })),
      actor: Type.Optional(freeForm('Token exchange: claims of the acting party.')),
      actor_token_type: Type.Optional(Type.String({ description: 'Token exchange: type of the actor token.' })),
      subject_token_type: Type.Optional(Type.String({ description: 'Token exchange: type of the subject token.' })),
      metadata: Type.Record(Type.String(), TransactionMetadataValue, {
        description:
          'Data shared between the actions of this transaction. Changes made with `api.transaction.setMetadata` ' +
          'are visible here at once; it is not persisted.',
      }),
    },
    { description: 'Details about the current transaction.' },
  ),
);

/** The transaction of password reset. */
export const PasswordResetTransaction = sharedType(
  'PasswordResetTransaction',
  Type.Object(common, { description: 'Details about the current transaction.' }),
);

/** The transaction of triggers that only get a correlation id. */
export const CorrelatedTransaction = sharedType(
  'CorrelatedTransaction',
  Type.Object({ correlation_id: correlationId }, { description: 'Details about the current transaction.' }),
);
