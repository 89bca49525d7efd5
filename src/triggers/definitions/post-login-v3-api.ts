import { Type } from '@sinclair/typebox';
import type { ApiNamespace } from '../types.ts';
import { cacheApi } from '../shared/cache-api.ts';
import { challengeMethods, EnrollmentFactorSelector } from '../shared/factors.ts';
import { promptApi, redirectApi } from '../shared/redirect.ts';
import { localType, nullable, stringEnum } from '../shared/schema.ts';
import { TransactionMetadataValue } from '../shared/transaction.ts';
import { userMetadataApi } from '../shared/user-api.ts';
import { groupsApi, rolesApi } from './post-login-v3-directory-api.ts';
import { refreshTokenApi, samlResponseApi, sessionApi } from './post-login-v3-enterprise-api.ts';

/**
 * The `api` of post-login@v3. Calls are recorded as commands and merged across the flow's actions;
 * `access.deny` and `validation.error` stop the actions after the current one.
 */

const claimParams = (token: string) => [
  {
    name: 'key',
    schema: Type.String(),
    description: 'Claim name; use a namespaced URL (e.g. `https://example.com/roles`) to avoid reserved names.',
  },
  { name: 'value', schema: Type.Unknown(), description: `Any JSON value for the claim in the ${token}.` },
];

const EnrollWithOptions = localType(
  'EnrollWithOptions',
  Type.Object(
    {
      additionalFactors: Type.Optional(
        Type.Array(EnrollmentFactorSelector, { description: 'Other factors the user may enroll instead.' }),
      ),
    },
    { description: 'Options of `enrollWith`.' },
  ),
);

const EnableMultifactorOptions = localType(
  'EnableMultifactorOptions',
  Type.Object(
    {
      allowRememberBrowser: Type.Optional(
        Type.Boolean({
          description: 'Let the user skip MFA on this browser for a while (30 days for authenticator apps and Duo).',
          default: false,
        }),
      ),
      providerOptions: Type.Optional(
        Type.Object(
          {
            host: Type.String({ description: 'Duo API host name.' }),
            ikey: Type.String({ description: 'Duo integration key.' }),
            skey: Type.String({ description: 'Duo secret key; keep it in `event.secrets`.' }),
            username: Type.Optional(Type.String({ description: 'Duo username; defaults to the user id.' })),
          },
          { description: 'Duo settings; only for the `duo` provider.' },
        ),
      ),
    },
    { description: 'Options of `multifactor.enable`.' },
  ),
);

const enrollSemantics =
  'Later actions do not run until the enrollment is done. Factors not enabled on the tenant or already ' +
  'enrolled are ignored; if none is usable the login fails.';

/** All namespaces of the post-login@v3 `api`. */
export const postLoginApi: readonly ApiNamespace[] = [
  {
    name: 'access',
    description: 'Control whether the user may log in.',
    methods: [
      {
        name: 'deny',
        description:
          'Denies the login: the application receives `access_denied` with `reason` as `error_description`. ' +
          'Actions after this one do not run; metadata changes already requested are still saved.',
        params: [{ name: 'reason', schema: Type.String(), description: 'Why; may be shown to the user.' }],
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
        description: 'Adds a custom claim to the access token. Standard claims cannot be removed or overridden.',
        params: claimParams('access token'),
        returns: { kind: 'api' },
      },
      {
        name: 'addScope',
        description: 'Adds a scope to the access token. Throws when the scope is invalid.',
        params: [{ name: 'scope', schema: Type.String(), description: 'The scope to add.' }],
        returns: { kind: 'void' },
      },
      {
        name: 'removeScope',
        description: 'Removes a scope from the access token. Throws when the scope is invalid.',
        params: [{ name: 'scope', schema: Type.String(), description: 'The scope to remove.' }],
        returns: { kind: 'void' },
      },
    ],
  },
  {
    name: 'authentication',
    description: 'Change the authentication state of the session: MFA, custom methods, account linking.',
    methods: [
      ...challengeMethods,
      {
        name: 'enrollWith',
        description: `Asks the user to enroll \`factor\` (or one of \`additionalFactors\`) now. ${enrollSemantics}`,
        params: [
          { name: 'factor', schema: EnrollmentFactorSelector, description: 'The factor to enroll first.' },
          { name: 'options', schema: EnrollWithOptions, optional: true, description: 'Other factors to offer.' },
        ],
        returns: { kind: 'void' },
      },
      {
        name: 'enrollWithAny',
        description: `Shows a factor picker and asks the user to enroll any of \`factors\`. ${enrollSemantics}`,
        params: [
          { name: 'factors', schema: Type.Array(EnrollmentFactorSelector), description: 'Factors to offer.' },
        ],
        returns: { kind: 'void' },
      },
      {
        name: 'recordMethod',
        description:
          'Records that a custom authentication method was completed in this session; it then appears in ' +
          '`event.authentication.methods`. Only allowed in `onContinuePostLogin` (after a redirect).',
        params: [
          {
            name: 'provider_url',
            schema: Type.String(),
            description: 'An http(s) URL that identifies the method.',
          },
        ],
        returns: { kind: 'api' },
        onlyIn: ['continue'],
      },
      {
        name: 'setPrimaryUser',
        description:
          'Switches the user tokens are issued for (the `sub`) after account linking. The identity used to log in ' +
          'must be a secondary identity of that user. At most once per transaction; `user_metadata` set in the same ' +
          'action is discarded. Linking insecurely lets attackers take over accounts.',
        params: [{ name: 'primary_user_id', schema: Type.String(), description: 'Id of the primary user (≤ 128 chars).' }],
        returns: { kind: 'void' },
      },
    ],
  },
  {
    name: 'idToken',
    description: 'Change the ID token that will be issued.',
    methods: [
      {
        name: 'setCustomClaim',
        description: 'Adds a custom claim to the ID token. Standard claims cannot be removed or overridden.',
        params: claimParams('ID token'),
        returns: { kind: 'api' },
      },
    ],
  },
  {
    name: 'multifactor',
    description: 'Require multifactor authentication the legacy way (deferred to the end of the flow).',
    methods: [
      {
        name: 'enable',
        description:
          'Requires MFA with `provider` for this login; the challenge happens at the end of the flow. ' +
          'Prefer `api.authentication.challengeWith`.',
        params: [
          {
            name: 'provider',
            schema: stringEnum(['any', 'none', 'guardian', 'google-authenticator', 'duo']),
            description: 'The MFA provider, or `any` for any configured one.',
          },
          { name: 'options', schema: EnableMultifactorOptions, optional: true, description: 'Provider options.' },
        ],
        returns: { kind: 'api' },
      },
    ],
  },
  redirectApi({
    flow: 'login',
    continueHandler: 'onContinuePostLogin',
    sendUserToReturns: { kind: 'api' },
    withCanRedirect: true,
  }),
  userMetadataApi('at the end of the flow (or before a redirect)'),
  cacheApi,
  samlResponseApi,
  {
    name: 'validation',
    description: 'Fail the login with a custom error code.',
    methods: [
      {
        name: 'error',
        description: 'Fails the login with a custom error code and message. Actions after this one do not run.',
        params: [
          { name: 'errorCode', schema: Type.String(), description: 'Your error code (logged and returned).' },
          { name: 'errorMessage', schema: Type.String(), description: 'Your message; may be shown to the user.' },
        ],
        returns: { kind: 'api' },
      },
    ],
  },
  {
    name: 'rules',
    description: 'Helpers for migrating from Auth0 Rules.',
    methods: [
      {
        name: 'wasExecuted',
        description: 'Whether the Rule with this id already ran in this transaction. Actuate has no Rules: always false.',
        params: [{ name: 'ruleId', schema: Type.String(), description: 'Id of the Rule.' }],
        returns: { kind: 'value', schema: Type.Boolean() },
      },
    ],
  },
  promptApi('onContinuePostLogin'),
  refreshTokenApi,
  sessionApi,
  groupsApi,
  rolesApi,
  {
    name: 'transaction',
    description: 'Share data between the actions of this transaction.',
    methods: [
      {
        name: 'setMetadata',
        description:
          'Sets `event.transaction.metadata[key]`, visible at once to this and later actions; not persisted. ' +
          'Keys ≤ 64 chars, values ≤ 8 KB, total ≤ 16 KB.',
        params: [
          { name: 'key', schema: Type.String(), description: 'Metadata key.' },
          {
            name: 'value',
            schema: nullable(TransactionMetadataValue),
            description: 'String, number or boolean; `null` removes the key.',
          },
        ],
        returns: { kind: 'void' },
      },
    ],
  },
];
