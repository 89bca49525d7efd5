import type { ManifestAction } from '../manifest/index.ts';
import { loadSandboxContext, type EgressPolicy, type HostFetch, type LoadResult, type SandboxContext, type SandboxLimits, type SandboxModule } from './sandbox/index.ts';

/** After this many invocations a warm context is retired (bounds leaks and state growth in module scope). */
export const DEFAULT_MAX_INVOCATIONS = 1000;

export interface ActionPoolOptions {
  readonly module: SandboxModule;
  readonly action: ManifestAction;
  readonly bundle: string;
  /** The file name stack frames show; the source map is keyed on it. */
  readonly filename: string;
  readonly egress: EgressPolicy;
  /** Replaces outbound HTTP (stubs in local runs and tests); the egress policy applies otherwise. */
  readonly fetch: HostFetch | undefined;
  readonly limits: Partial<SandboxLimits>;
  readonly maxInvocations: number;
}

/**
 * The loaded sandboxes of one action version. Contexts are loaded ahead of requests and reused warm
 * (one at a time each; concurrent executions get their own), discarded after any failure or after
 * `maxInvocations`; with `"isolation": "execution"` every execution gets a fresh, never-used context.
 */
export class ActionPool {
  readonly #o: ActionPoolOptions;
  readonly #idle: SandboxContext[] = [];
  #spare: Promise<LoadResult> | undefined;
  #closed = false;

  constructor(options: ActionPoolOptions) {
    this.#o = options;
  }

  /** Loads one context now, so the first request does not pay the compile. Returns the load result (a failure is the bundle's). */
  async preload(): Promise<LoadResult> {
    const r = await this.#load();
    if (r.ok) this.#idle.push(r.context);
    return r;
  }

  /**
   * A ready context (warm or freshly loaded), or why the bundle failed to load. A warm context is
   * returned synchronously: the common case then costs no promise hop.
   */
  acquire(): LoadResult | Promise<LoadResult> {
    while (this.#idle.length > 0) {
      const ctx = this.#idle.pop()!;
      if (ctx.reusable) return { ok: true, context: ctx, logs: [], droppedEntries: 0, cpuMs: 0, wallMs: 0 };
      ctx.dispose();
    }
    return this.#acquireCold();
  }

  async #acquireCold(): Promise<LoadResult> {
    if (this.#spare) {
      const spare = this.#spare;
      this.#spare = undefined;
      const r = await spare;
      if (r.ok) return r;
    }
    return this.#load();
  }

  /** Returns a context after an invocation: kept warm when it may be reused, otherwise disposed. */
  release(ctx: SandboxContext): void {
    const keep = !this.#closed && this.#o.action.isolation === 'warm' && ctx.reusable && ctx.invocations < this.#o.maxInvocations;
    if (keep) this.#idle.push(ctx);
    else ctx.dispose();
    if (!this.#closed && this.#o.action.isolation === 'execution' && !this.#spare) this.#spare = this.#load();
  }

  /** Disposes every idle context; contexts in use are disposed when released. */
  close(): void {
    this.#closed = true;
    for (const ctx of this.#idle.splice(0)) ctx.dispose();
    void this.#spare?.then((r) => r.ok && r.context.dispose());
    this.#spare = undefined;
  }

  #load(): Promise<LoadResult> {
    const { module, bundle, filename, egress, limits, fetch } = this.#o;
    return loadSandboxContext(module, { bundle, filename, egress, limits, ...(fetch ? { fetch } : {}) });
  }
}
