/**
 * The host side of every trigger's `api`: argument checks generated from the trigger definitions,
 * recorded commands and their merge, immediate effects on the event later actions see, the redirect
 * tokens, and `api.cache`. The orchestrator (run-flow.ts) creates one {@link FlowState} per flow
 * execution, one handler per action invocation ({@link createApiHandler}, wrapped by the sandbox's
 * `createApiOp`), and calls {@link mergeCommands} at the end.
 */
export { createApiHandler, METHOD_EFFECTS } from './handler.ts';
export { createFlowState, eventRevision, replayCommands, reflectCommand } from './flow-state.ts';
export { mergeCommands, mergeableTriggers } from './merge.ts';
export { createApiCache, CACHE_LIMITS } from './cache.ts';
export type {
  ApiCache,
  ApiCacheOptions,
  CacheDeleteResult,
  CacheError,
  CacheErrorCode,
  CacheLimits,
  CacheRecord,
  CacheSetOptions,
  CacheWriteResult,
} from './cache.ts';
export { API_LIMITS } from './limits.ts';
export { redirectUrl } from './redirect-url.ts';
export { signHs256, verifyHs256 } from './hs256.ts';
export type { Hs256Result } from './hs256.ts';
export type {
  ApiCallInput,
  ApiHandlerOptions,
  FlowPrompt,
  FlowRedirect,
  FlowState,
  FlowStop,
  RecordedCommand,
  RedirectOptions,
} from './types.ts';
export type {
  AccessTokenChanges,
  AuthenticationChanges,
  CacheOnlyCommands,
  CredentialsExchangeCommands,
  EntityMetadataChanges,
  ExpiryChanges,
  FactorRequest,
  FlowCommands,
  MultifactorChange,
  PasswordResetPostChallengeCommands,
  PostLoginCommands,
  PreUserRegistrationCommands,
  RefreshTokenChanges,
  ResultUrlChange,
  SamlResponseChanges,
  SessionChanges,
  TargetScopeChanges,
  TokenChanges,
  UserMetadataChanges,
} from './merge-types.ts';
