import type { HandlerKind, TriggerDefinition } from '../../triggers/types.ts';
import type { ApiCache } from './cache.ts';

/**
 * The host side of the handler's `api`: the state one flow execution shares across its actions and
 * what `createApiHandler` needs. Everything here is plain data (JSON-safe apart from `trigger`) so a
 * suspended flow can carry its commands in the continuation state and any replica can resume it.
 */

/**
 * One accepted call that changes the flow's outcome, as the guest made it (arguments after the JSON
 * round trip and the schema check). Queries (`cache.*`, `redirect.encodeToken`, `validateToken`,
 * `canRedirect`, `rules.wasExecuted`, `groups.*`, `roles.*`) are not commands and are not recorded:
 * they change nothing the identity server applies, and `encodeToken` carries a secret.
 */
export interface RecordedCommand {
  /** Name of the action that made the call. */
  readonly action: string;
  /** Which of its handlers made it (a redirected action runs both). */
  readonly handler: HandlerKind;
  readonly namespace: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * Why the flow stops after the current action. The first stop wins; the action that set it still
 * runs to completion and its later calls are still recorded (as in Auth0, where `deny` only marks the
 * transaction). Details are the method's named arguments:
 * - `deny`: `access.deny` — post-login / password reset `{ reason }`, credentials-exchange
 *   `{ code, reason? }`, pre-user-registration `{ reason, userMessage }`;
 * - `validation`: `validation.error(errorCode, errorMessage)`;
 * - `interaction-required`: `redirect.sendUserTo` or `prompt.render` in a transaction that cannot
 *   redirect (resource-owner or refresh-token grant, `prompt=none`); Auth0 answers `interaction_required`;
 * - `session-revoked` / `refresh-token-revoked`: `session.revoke` / `refreshToken.revoke`.
 */
export type FlowStop =
  | { readonly action: string; readonly kind: 'deny'; readonly reason?: string; readonly code?: string; readonly userMessage?: string }
  | { readonly action: string; readonly kind: 'validation'; readonly errorCode: string; readonly errorMessage: string }
  | { readonly action: string; readonly kind: 'interaction-required'; readonly reason: string }
  | { readonly action: string; readonly kind: 'session-revoked'; readonly reason: string; readonly preserveRefreshTokens: boolean }
  | { readonly action: string; readonly kind: 'refresh-token-revoked'; readonly reason: string };

/** Set by `redirect.sendUserTo`: the flow suspends after the current action (the last call wins). */
export interface FlowRedirect {
  readonly action: string;
  /** Absolute http(s) URL as the action gave it. */
  readonly url: string;
  /** Query parameters to add; the orchestrator adds `state` itself (see `redirectUrl`). */
  readonly query: Readonly<Record<string, string>>;
}

/** Set by `prompt.render`: the flow suspends after the current action to show a form (last call wins). */
export interface FlowPrompt {
  readonly action: string;
  readonly promptId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly vars: Readonly<Record<string, unknown>>;
}

/**
 * Mutable state of one flow execution, shared by its actions in order. Only api handlers (and
 * `replayCommands`) should change it: they keep `commands` and the reflected `event` consistent.
 */
export interface FlowState {
  readonly trigger: TriggerDefinition;
  /**
   * The event later actions see: a private deep copy of the incoming event with api effects that
   * Auth0 shows at once reflected into it (`user.app_metadata` / `user_metadata`,
   * `transaction.metadata`, `session.metadata`, `refresh_token.metadata`, credentials-exchange
   * `transaction.target_scopes`). The running action's own `event` is a copy inside the guest and does
   * not change.
   */
  event: Record<string, unknown>;
  /** Every accepted command, in call order. */
  readonly commands: RecordedCommand[];
  stop?: FlowStop;
  redirect?: FlowRedirect;
  prompt?: FlowPrompt;
  /**
   * Bookkeeping: how many changes were reflected into `event` (flow-state.ts), and the running
   * limit totals (tally.ts). Fields rather than WeakMaps keyed on the state: V8's young-generation
   * collections keep a WeakMap's values alive while their key is young, which promoted every
   * flow's bookkeeping to the old generation and made each scavenge several times slower.
   */
  revision?: number;
  tally?: { folded: number; readonly totals: FlowTally };
  /**
   * The objects of `event` that flow-state.ts created, and may change (the rest is shared with the
   * caller's event). Per flow, for the same reason: a module-wide WeakSet gained entries with every
   * flow and made each scavenge walk them.
   */
  owned?: Set<object>;
}

/**
 * Flow-wide running totals that limits are checked against (metadata patch sizes, distinct SAML
 * attributes, whether `setPrimaryUser` was called); see tally.ts.
 */
export interface FlowTally {
  /** JSON bytes of each key's entry (`"key":value`) in the merged `app_metadata` / `user_metadata` patch. */
  readonly appMetadata: Map<string, number>;
  readonly userMetadata: Map<string, number>;
  /** Attribute names passed to `samlResponse.setAttribute`. */
  readonly samlAttributes: Set<string>;
  primaryUser: boolean;
}

/** One api call as it reaches the host (the same shape as the sandbox's `ApiCall`). */
export interface ApiCallInput {
  readonly namespace: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** What redirect tokens need from the orchestrator. */
export interface RedirectOptions {
  /**
   * The value the redirect target must echo in its token's `state` claim: on resume, the `state`
   * the caller passed to `/continue`. `encodeToken` adds it as `state` when defined; `validateToken`
   * refuses every token when it is undefined (there is nothing to bind the token to).
   */
  readonly transactionState: string | undefined;
  /** Clock in epoch milliseconds, for `iat`, `exp` and expiry checks. Default `Date.now`. */
  readonly now?: () => number;
  /** `iss` of `encodeToken` tokens, e.g. the tenant's domain. */
  readonly issuer: string;
  /** `sub` of `encodeToken` tokens; default `event.user.user_id`. */
  readonly subject?: string;
  /** `ip` of `encodeToken` tokens; default `event.request.ip`. */
  readonly ip?: string;
}

/** Options of `createApiHandler`: one handler per action invocation. */
export interface ApiHandlerOptions {
  readonly state: FlowState;
  readonly action: string;
  readonly handler: HandlerKind;
  /** The trigger's cache, shared by its executions (see `createApiCache`). */
  readonly cache: ApiCache;
  /** Needed by triggers with `api.redirect`; calls to its token methods fail clearly without it. */
  readonly redirect?: RedirectOptions;
  /** Overrides `API_LIMITS.maxCallsPerInvocation` (tests, operators). */
  readonly maxCalls?: number;
}
