/**
 * The QuickJS sandbox: modules (WASM instances), contexts (one loaded action each), the host-call
 * channel and the guest globals' host side. See sandbox-context.ts for the lifecycle and
 * guest-api.ts for how the per-trigger `api` is installed.
 */
export { SandboxModule, createSandboxModule, compileQuickJSWasm } from './sandbox-module.ts';
export type { SandboxModuleOptions, QuickJSModuleLike } from './sandbox-module.ts';
export { SandboxContext, loadSandboxContext } from './sandbox-context.ts';
export type { LoadResult } from './sandbox-context.ts';
export type { SandboxContextOptions, InvokeOptions } from './context-options.ts';
export { DEFAULT_LIMITS, resolveLimits } from './limits.ts';
export type { SandboxLimits } from './limits.ts';
export { createApiOp, toGuestApiShape } from './guest-api.ts';
export type { ApiCall, GuestApiShape, GuestApiSpec, GuestMethodReturn } from './guest-api.ts';
export { createHostFetcher, DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES } from './host-fetch.ts';
export type { HostFetch, HostFetcher, HostFetchOptions, HostFetchRequest, HostFetchResponse } from './host-fetch.ts';
export { classifyAddress, refuseAddress, refuseHost, validateEgressPolicy } from './egress-policy.ts';
export type { AddressClass, EgressPolicy } from './egress-policy.ts';
export type {
  CapturedLogs,
  ConsoleEntry,
  ConsoleLevel,
  FailureKind,
  GuestError,
  HostCallInfo,
  HostOp,
  HostOps,
  InvokeResult,
  Outcome,
} from './types.ts';
