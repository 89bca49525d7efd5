/**
 * The merged result of a flow's commands: what the identity server applies, one typed shape per
 * trigger, discriminated by `trigger` (`id@version`). Objects have sorted keys and lists are sorted or
 * in call order as documented, so the same calls always give the same JSON. Stops and suspensions
 * are not here: they are `FlowState.stop` / `redirect` / `prompt`.
 */

/** Custom claims of a token; the last value set for a name wins. */
export interface TokenChanges {
  readonly customClaims: Readonly<Record<string, unknown>>;
}

/** post-login's access token: claims plus scope changes (sorted; a later add cancels a remove and vice versa). */
export interface AccessTokenChanges extends TokenChanges {
  readonly addedScopes: readonly string[];
  readonly removedScopes: readonly string[];
}

/**
 * One patch per kind of user metadata: the last value per key, `null` for a deleted key. Auth0
 * persists it once at the end of the flow. post-login drops `user_metadata` set by the action (and
 * handler) that called `setPrimaryUser`, as Auth0 does.
 */
export interface UserMetadataChanges {
  readonly appMetadata: Readonly<Record<string, unknown>>;
  readonly userMetadata: Readonly<Record<string, unknown>>;
}

/** One `challengeWith*` / `enrollWith*` call: the factors offered, first one preferred. */
export interface FactorRequest {
  readonly action: string;
  readonly factors: readonly unknown[];
  /** True for the `…WithAny` variants: show a factor picker. */
  readonly picker: boolean;
}

/** post-login's `authentication` changes, in call order. */
export interface AuthenticationChanges {
  readonly challenges: readonly FactorRequest[];
  readonly enrollments: readonly FactorRequest[];
  /** `recordMethod` URLs, each once, in call order. */
  readonly recordedMethods: readonly string[];
  readonly primaryUserId?: string;
}

/** `multifactor.enable`: the last call wins. */
export interface MultifactorChange {
  readonly provider: string;
  readonly allowRememberBrowser: boolean;
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

/** `samlResponse.*`: attributes (`null` removes one) and settings keyed by parameter name (e.g. `audience`). */
export interface SamlResponseChanges {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Session or refresh-token metadata: `evicted` means "start from empty", then `patch` applies. */
export interface EntityMetadataChanges {
  readonly evicted: boolean;
  readonly patch: Readonly<Record<string, string | null>>;
}

/** Expiry changes: the earliest of several calls wins. */
export interface ExpiryChanges {
  readonly expiresAt?: number;
  readonly idleExpiresAt?: number;
  readonly metadata?: EntityMetadataChanges;
}

export interface SessionChanges extends ExpiryChanges {
  readonly revoked?: { readonly reason: string; readonly preserveRefreshTokens: boolean };
  /** Last call wins. */
  readonly cookieMode?: 'persistent' | 'non-persistent';
}

export interface RefreshTokenChanges extends ExpiryChanges {
  readonly revoked?: { readonly reason: string };
}

/**
 * credentials-exchange target scopes: start from `replacedWith` when set (`setTargetScopes`,
 * `clearTargetScopes` → `[]`), otherwise from the client grant; then add `added` and drop `removed`
 * (each sorted). The identity server intersects the result with the grant.
 */
export interface TargetScopeChanges {
  readonly replacedWith?: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** `transaction.setResultUrl` (password reset): the last call wins. */
export interface ResultUrlChange {
  readonly url: string;
  readonly query: Readonly<Record<string, string>>;
}

export interface PostLoginCommands {
  readonly trigger: 'post-login@v3';
  readonly accessToken: AccessTokenChanges;
  readonly idToken: TokenChanges;
  readonly user: UserMetadataChanges;
  readonly authentication: AuthenticationChanges;
  /** `transaction.setMetadata` patch (`null` = removed); visible to later actions, never persisted. */
  readonly transactionMetadata: Readonly<Record<string, unknown>>;
  readonly multifactor?: MultifactorChange;
  readonly samlResponse?: SamlResponseChanges;
  readonly session?: SessionChanges;
  readonly refreshToken?: RefreshTokenChanges;
}

export interface CredentialsExchangeCommands {
  readonly trigger: 'credentials-exchange@v2';
  readonly accessToken: TokenChanges;
  readonly targetScopes?: TargetScopeChanges;
}

export interface PasswordResetPostChallengeCommands {
  readonly trigger: 'password-reset-post-challenge@v1';
  readonly authentication: { readonly challenges: readonly FactorRequest[] };
  readonly resultUrl?: ResultUrlChange;
}

export interface PreUserRegistrationCommands {
  readonly trigger: 'pre-user-registration@v2';
  readonly user: UserMetadataChanges;
}

/** Triggers whose api is only `cache`: nothing to apply. */
export interface CacheOnlyCommands {
  readonly trigger: 'post-user-registration@v2' | 'post-change-password@v2' | 'send-phone-message@v2';
}

/** The merged commands of a flow, per trigger. */
export type FlowCommands =
  | PostLoginCommands
  | CredentialsExchangeCommands
  | PasswordResetPostChallengeCommands
  | PreUserRegistrationCommands
  | CacheOnlyCommands;
