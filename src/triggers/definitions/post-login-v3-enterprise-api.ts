import { Type } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import type { ApiMethod, ApiNamespace } from '../types.ts';
import { localType, nullable, stringEnum } from '../shared/schema.ts';

/**
 * The parts of post-login@v3's `api` that configure protocol artefacts rather than the login itself:
 * SAML response overrides, and the Enterprise session and refresh-token controls.
 */

const setter = (name: string, param: string, schema: TSchema, description: string, paramDoc: string): ApiMethod => ({
  name,
  description,
  params: [{ name: param, schema, description: paramDoc }],
  returns: { kind: 'void' },
});

const str = Type.String();
const bool = Type.Boolean();

const SamlAttributeValue = localType(
  'SamlAttributeValue',
  Type.Union(
    [
      Type.String(),
      Type.Number(),
      Type.Boolean(),
      Type.Null(),
      Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    ],
    { description: 'Value of a SAML attribute; `null` removes it.' },
  ),
);

const pem = (what: string) => `PEM-encoded ${what} (\`-----BEGIN …\`).`;

/** `api.samlResponse`: per-login overrides of the SAML response Auth0 (as IdP) sends. */
export const samlResponseApi: ApiNamespace = {
  name: 'samlResponse',
  description: 'Override the SAML response for this login (SAML applications only). At most 100 attributes.',
  methods: [
    {
      name: 'setAttribute',
      description: 'Sets an attribute of the SAML assertion; `null` removes it. Name ≤ 1 KB, value ≤ 2 KB.',
      params: [
        { name: 'attribute', schema: str, description: 'Attribute name, usually a claim URI.' },
        { name: 'value', schema: SamlAttributeValue, description: 'Value; `null` removes the attribute.' },
      ],
      returns: { kind: 'void' },
    },
    setter('setAudience', 'audience', str, 'Sets the audience of the assertion (default: issuer of the SAMLRequest).', 'Audience.'),
    setter(
      'setRecipient',
      'recipient',
      str,
      'Sets the recipient (SubjectConfirmationData); default: the AssertionConsumerService URL.',
      'Recipient URL.',
    ),
    setter('setCreateUpnClaim', 'createUpnClaim', bool, 'Whether to create a UPN claim (default true).', 'Create it?'),
    setter(
      'setPassthroughClaimsWithNoMapping',
      'passthroughClaimsWithNoMapping',
      bool,
      'Whether claims not mapped to the profile are passed through (default true).',
      'Pass them through?',
    ),
    setter(
      'setMapUnknownClaimsAsIs',
      'mapUnknownClaimsAsIs',
      bool,
      'Whether passed-through claims keep their names instead of gaining the `http://schema.auth0.com` prefix (default false).',
      'Keep names as-is?',
    ),
    setter(
      'setMapIdentities',
      'mapIdentities',
      bool,
      'Whether to add identity details (provider, access token) to the assertion (default true).',
      'Map identities?',
    ),
    setter(
      'setSignatureAlgorithm',
      'signatureAlgorithm',
      stringEnum(['rsa-sha256', 'rsa-sha1']),
      'Sets the signature algorithm (default `rsa-sha256`; `rsa-sha1` is deprecated).',
      'The algorithm.',
    ),
    setter(
      'setDigestAlgorithm',
      'digestAlgorithm',
      stringEnum(['sha256', 'sha1']),
      'Sets the digest algorithm (default `sha256`; `sha1` is deprecated).',
      'The algorithm.',
    ),
    setter('setDestination', 'destination', str, 'Sets the Destination of the response.', 'Destination URL.'),
    setter(
      'setLifetimeInSeconds',
      'lifetimeInSeconds',
      Type.Number(),
      'Sets how long the assertion is valid (default 3600 seconds).',
      'Lifetime in seconds.',
    ),
    setter(
      'setSignResponse',
      'signResponse',
      bool,
      'Whether to sign the whole response instead of the assertion (default false).',
      'Sign the response?',
    ),
    setter(
      'setNameIdentifierFormat',
      'nameIdentifierFormat',
      str,
      'Sets the NameID format (default `urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified`).',
      'Format URN.',
    ),
    setter(
      'setNameIdentifierProbes',
      'nameIdentifierProbes',
      Type.Array(str),
      'Sets the attributes tried in order for the NameID (default: nameidentifier, emailaddress, name).',
      'Attribute URIs.',
    ),
    setter(
      'setAuthnContextClassRef',
      'authnContextClassRef',
      str,
      'Sets the AuthnContextClassRef (default `urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified`).',
      'Class URN.',
    ),
    setter(
      'setSigningCert',
      'signingCert',
      str,
      'Sets the certificate that validates signed SAML requests; requests must then be signed.',
      pem('certificate'),
    ),
    setter(
      'setIncludeAttributeNameFormat',
      'includeAttributeNameFormat',
      bool,
      'Whether to infer and include the NameFormat of attributes (default true).',
      'Include it?',
    ),
    setter(
      'setTypedAttributes',
      'typedAttributes',
      bool,
      'Whether to infer `xs:type` of attribute values (default true; otherwise `xs:anyType`).',
      'Type attributes?',
    ),
    setter(
      'setEncryptionCert',
      'encryptionCert',
      str,
      'Sets the certificate used to encrypt the assertion (with `setEncryptionPublicKey`).',
      pem('certificate'),
    ),
    setter(
      'setEncryptionPublicKey',
      'encryptionPublicKey',
      str,
      'Sets the public key used to encrypt the assertion (with `setEncryptionCert`).',
      pem('public key'),
    ),
    setter('setCert', 'cert', str, 'Sets your own signing certificate (with `setKey`).', pem('certificate')),
    setter('setKey', 'key', str, 'Sets your own signing private key (with `setCert`); keep it in `event.secrets`.', pem('private key')),
    setter('setRelayState', 'relayState', str, 'Sets the RelayState returned to the service provider.', 'RelayState.'),
    setter('setIssuer', 'issuer', str, 'Sets the issuer of the assertion (default `urn:auth0:<tenant>`).', 'Issuer.'),
    setter(
      'setEncryptionAlgorithm',
      'encryptionAlgorithm',
      stringEnum(['aes256-gcm', 'aes256-cbc']),
      'Sets the algorithm used to encrypt the assertion.',
      'The algorithm.',
    ),
  ],
};

const epochMs = (what: string) => ({
  name: 'absolute',
  schema: Type.Number(),
  description: `${what}, in milliseconds since the Unix epoch.`,
});

const metadataMethods = (owner: string): ApiMethod[] => [
  {
    name: 'setMetadata',
    description: `Sets a key of the ${owner}’s metadata. Throws when the resulting metadata is invalid.`,
    params: [
      { name: 'key', schema: Type.String(), description: 'Metadata key.' },
      { name: 'value', schema: nullable(Type.String()), description: 'String value; `null` removes the key.' },
    ],
    returns: { kind: 'void' },
  },
  {
    name: 'deleteMetadata',
    description: `Removes a key from the ${owner}’s metadata.`,
    params: [{ name: 'key', schema: Type.String(), description: 'Metadata key.' }],
    returns: { kind: 'void' },
  },
  {
    name: 'evictMetadata',
    description: `Removes all keys from the ${owner}’s metadata.`,
    params: [],
    returns: { kind: 'void' },
  },
];

const expiryMethods = (owner: string): ApiMethod[] => [
  {
    name: 'setExpiresAt',
    description: `Sets when the ${owner} expires. Capped by tenant settings; the earliest of several calls wins.`,
    params: [epochMs('New absolute expiry')],
    returns: { kind: 'void' },
  },
  {
    name: 'setIdleExpiresAt',
    description: `Sets when the ${owner} expires if unused. Capped by tenant settings; the earliest of several calls wins.`,
    params: [{ ...epochMs('New idle expiry'), name: 'inactivity' }],
    returns: { kind: 'void' },
  },
];

/** `api.refreshToken` (Enterprise in Auth0). */
export const refreshTokenApi: ApiNamespace = {
  name: 'refreshToken',
  description: '[Enterprise] Change the refresh token being exchanged.',
  methods: [
    {
      name: 'revoke',
      description:
        'Revokes the refresh token and denies this exchange; actions after this one do not run. ' +
        'Only when `event.transaction.protocol === "oauth2-refresh-token"`.',
      params: [{ name: 'reason', schema: Type.String(), description: 'Why; may be shown to the user.' }],
      returns: { kind: 'void' },
    },
    ...expiryMethods('refresh token'),
    ...metadataMethods('refresh token'),
  ],
};

/** `api.session` (Enterprise in Auth0). */
export const sessionApi: ApiNamespace = {
  name: 'session',
  description: '[Enterprise] Change the current session.',
  methods: [
    {
      name: 'revoke',
      description: 'Revokes the session and denies this login; actions after this one do not run.',
      params: [
        { name: 'reason', schema: Type.String(), description: 'Why; may be shown to the user.' },
        {
          name: 'options',
          schema: Type.Object(
            {
              preserveRefreshTokens: Type.Optional(
                Type.Boolean({ description: 'Keep the session’s refresh tokens valid.', default: false }),
              ),
            },
            { description: 'Revocation options.' },
          ),
          optional: true,
          description: 'Revocation options.',
        },
      ],
      returns: { kind: 'void' },
    },
    ...expiryMethods('session'),
    {
      name: 'setCookieMode',
      description:
        '[Early Access] Makes the session cookie `persistent` or `non-persistent` (deleted when the browser closes). ' +
        'The last call wins.',
      params: [
        { name: 'mode', schema: stringEnum(['persistent', 'non-persistent']), description: 'The cookie mode.' },
      ],
      returns: { kind: 'void' },
    },
    ...metadataMethods('session'),
  ],
};
