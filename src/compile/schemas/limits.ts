/**
 * Auth0's platform limits (reference/auth0-actions.md §3), used as Actuate's defaults. A repo can
 * tighten or loosen them in actuate.json; the check reports against the resolved values.
 */
export const DEFAULT_LIMITS = {
  /** Auth0 binds at most 20 actions to one trigger. */
  maxActionsPerFlow: 20,
  /** Auth0: 30 secrets per action. */
  maxSecretsPerAction: 30,
  /** Auth0: 10 npm dependencies per action. */
  maxDependenciesPerAction: 10,
  /** Auth0's guideline is ~100 kB of code per action; larger bundles cost cold-start time in QuickJS. */
  bundleWarnBytes: 100_000,
  /** Hard cap on a bundle: above it the build fails (large vendor SDKs take seconds to load in QuickJS). */
  bundleMaxBytes: 5_000_000,
  /** Auth0: 20 s for a whole trigger execution. */
  flowTimeoutMs: 20_000,
  /** Per-action wall-clock default; an action may declare less. */
  actionTimeoutMs: 20_000,
  /** Per-action memory budget in MiB. */
  memoryMb: 64,
} as const;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };
