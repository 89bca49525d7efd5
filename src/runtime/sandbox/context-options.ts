import type { EgressPolicy } from './egress-policy.ts';
import type { GuestApiSpec } from './guest-api.ts';
import type { HostFetch, HostFetchOptions } from './host-fetch.ts';
import type { SandboxLimits } from './limits.ts';
import type { HostOps } from './types.ts';

/** How to load one action into a `SandboxContext`. */
export interface SandboxContextOptions {
  /** The action bundle: a script that defines global `__actuate_action` (the module's exports). */
  readonly bundle: string;
  /** Name shown in stack frames; later work maps it through the bundle's source map. Default `action.js`. */
  readonly filename?: string;
  readonly limits?: Partial<SandboxLimits>;
  /** Egress policy for the default fetch (from the repo's `actuate.json`). Default: public hosts only. */
  readonly egress?: EgressPolicy;
  /** Timeout and size caps for the default fetch. */
  readonly fetchOptions?: Omit<HostFetchOptions, 'egress'>;
  /** Replaces the default fetch entirely (then `egress` and `fetchOptions` are not used). */
  readonly fetch?: HostFetch;
}

/** Per-invocation inputs of `SandboxContext.invoke` besides the handler name and the event. */
export interface InvokeOptions {
  /** This invocation's host operations, e.g. `{ api: createApiOp(...) }`; `sys.*` names are reserved. */
  readonly ops?: HostOps;
  /** How the guest builds the handler's `api` argument; without it the handler gets `undefined`. */
  readonly api?: GuestApiSpec;
  /** Overrides the context's CPU budget for this invocation (e.g. what is left of the flow's). */
  readonly cpuMs?: number;
  /** Overrides the context's wall-clock budget for this invocation. */
  readonly wallMs?: number;
}
