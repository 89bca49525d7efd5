import { UsageError } from '../../core/errors.ts';

/**
 * Every bound a sandbox enforces, in one place so the owner (runner, daemon, `actuate run`) can
 * derive them from `action.json` / `actuate.json` and pass them down. Budgets are per invocation
 * unless stated; sizes of strings are counted in UTF-16 code units ("characters"), which is what
 * crossing the boundary costs.
 */
export interface SandboxLimits {
  /**
   * QuickJS `setMemoryLimit` for the context's runtime. In the WASM builds this catches single large
   * allocations and huge object counts but not total bytes (runtime.md §2); the real cap is the
   * module's capped `WebAssembly.Memory` ({@link SandboxModuleOptions}). The action pool also
   * samples each warm context's size and retires it once half the headroom to this limit is used.
   */
  readonly memoryBytes: number;
  /**
   * QuickJS `setMaxStackSize`. Must stay well below the host thread's native stack: 256 KiB is safe
   * on Node's main thread (448 KiB worked, 512 KiB overflowed V8 first); ≤1 MiB in a worker with
   * the default 4 MiB stack.
   */
  readonly stackBytes: number;
  /** Guest CPU time per invocation (wall-clock time spent inside QuickJS; awaiting the host is free). */
  readonly cpuMs: number;
  /** Overall wall-clock budget per invocation, awaits included (Auth0: 20 s per flow). */
  readonly wallMs: number;
  /** Guest CPU time to evaluate the prelude and the bundle's top level; large bundles need more. */
  readonly loadCpuMs: number;
  /** Largest event JSON accepted by `invoke`. */
  readonly maxEventChars: number;
  /** Largest JSON argument string a guest may pass to one host call. */
  readonly maxHostArgChars: number;
  /** Largest JSON result string one host call may return to the guest. */
  readonly maxHostResultChars: number;
  /** Host calls (timers, fetches, async api calls) pending at once in one invocation. */
  readonly maxPendingHostCalls: number;
  /** Console entries kept per invocation; later ones are dropped and counted. */
  readonly consoleMaxEntries: number;
  /** Total console characters kept per invocation. */
  readonly consoleMaxChars: number;
  /** One console entry is cut to this many characters (in the guest, before it crosses). */
  readonly consoleEntryChars: number;
}

/** Defaults sized for Auth0-style actions on Node's main thread. */
export const DEFAULT_LIMITS: SandboxLimits = Object.freeze({
  memoryBytes: 64 * 1024 * 1024,
  stackBytes: 256 * 1024,
  cpuMs: 5_000,
  wallMs: 20_000,
  loadCpuMs: 5_000,
  maxEventChars: 1024 * 1024,
  maxHostArgChars: 8 * 1024 * 1024,
  maxHostResultChars: 16 * 1024 * 1024,
  maxPendingHostCalls: 1_000,
  consoleMaxEntries: 200,
  consoleMaxChars: 64 * 1024,
  consoleEntryChars: 4 * 1024,
});

/**
 * Fills defaults and checks each value is a positive integer, so a bad `limits` block from a
 * config file fails here with the field's name instead of as a strange sandbox behaviour later.
 */
export function resolveLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) {
      throw new UsageError(`unknown sandbox limit "${key}"`, `known limits: ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new UsageError(`sandbox limit "${key}" must be a positive integer, got ${String(value)}`);
    }
    out[key] = value;
  }
  return Object.freeze(out) as unknown as SandboxLimits;
}
