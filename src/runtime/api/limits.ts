/**
 * Limits the host enforces on `api` calls. Auth0's documented limits are copied exactly (see
 * reference/auth0-actions.md §3); where Auth0 documents none, Actuate sets a generous cap so one
 * action cannot make a flow result (or a continuation state) arbitrarily large. A call over a limit
 * throws a `TypeError` in the action naming the method, the limit and the value.
 */
export const API_LIMITS = {
  /** Api calls per action invocation (Actuate): a loop calling `setCustomClaim` forever fails fast. */
  maxCallsPerInvocation: 1000,
  /** Custom claim name length in characters (Actuate; namespaced URLs fit easily). */
  claimKeyChars: 1024,
  /** Custom claim value, as JSON bytes (Actuate: tokens travel in headers). */
  claimValueBytes: 16 * 1024,
  /** Scope length in characters (Actuate). */
  scopeChars: 1024,
  /** `app_metadata` / `user_metadata` key length in characters (Actuate). */
  metadataKeyChars: 255,
  /** Merged `app_metadata` or `user_metadata` patch of one flow, as JSON bytes (Auth0: 32 kB each). */
  metadataPatchBytes: 32 * 1024,
  /** `transaction.setMetadata`: key length in characters (Auth0). */
  transactionMetadataKeyChars: 64,
  /** `transaction.setMetadata`: value, in UTF-8 bytes (Auth0: 8 kB). */
  transactionMetadataValueBytes: 8 * 1024,
  /** `event.transaction.metadata` as a whole, as JSON bytes (Auth0: 16 kB). */
  transactionMetadataTotalBytes: 16 * 1024,
  /** `session` / `refreshToken` metadata: key and value length in characters (Auth0: 255). */
  sessionMetadataChars: 255,
  /** `session` / `refreshToken` metadata: number of keys (Auth0: 25). */
  sessionMetadataKeys: 25,
  /** `authentication.setPrimaryUser`: id length (Auth0: 128). */
  primaryUserIdChars: 128,
  /** `samlResponse.setAttribute`: distinct attributes changed or added per flow (Auth0: 100). */
  samlAttributes: 100,
  /** `samlResponse.setAttribute`: name in UTF-8 bytes (Auth0: 1 kB). */
  samlAttributeNameBytes: 1024,
  /** `samlResponse.setAttribute`: value as JSON bytes (Auth0: 2 kB). */
  samlAttributeValueBytes: 2 * 1024,
  /** `samlResponse.set*` string settings, in UTF-8 bytes (Auth0: 0.5–4 kB; PEM keys need the 4 kB). */
  samlSettingBytes: 4 * 1024,
  /** `redirect.encodeToken` payload as JSON bytes (Actuate: the token travels in a URL). */
  tokenPayloadBytes: 8 * 1024,
  /** `redirect.encodeToken` lifetime in seconds (Actuate: a redirect round trip, not a session). */
  tokenMaxLifetimeSeconds: 24 * 60 * 60,
  /** Cache writes (`set` + `delete`) per action invocation before `MaxSideEffectsExceeded` (Actuate). */
  cacheWritesPerInvocation: 100,
  /** `groups` / `roles` page size and list lengths (Auth0). */
  directoryPageSize: 100,
  directoryIds: 100,
  directoryNames: 50,
} as const;
