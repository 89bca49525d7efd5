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
 * their share of `maxInvocations`; with `"isolation": "execution"` every execution gets a fresh,
 * never-used context.
 *
 * Replacing a context never happens on an execution's path when it can be helped: the context a
 * release retires is replaced in the background, after the turn of the event loop that answered the
 * execution, and the next `acquire` takes the replacement warm (it waits for it only if it comes
 * first). Each context is retired after a number of invocations drawn from [½·max, max]: the
 * actions of a flow are loaded together, and with one fixed count they would all reload in the same
 * execution (on the bench's three-action flow, a 10 ms stall of the daemon about once a second).
 */
export class ActionPool {
  readonly #o: ActionPoolOptions;
  readonly #idle: SandboxContext[] = [];
  /** When each loaded context is retired (its invocation count). */
  readonly #retireAt = new WeakMap<SandboxContext, number>();
  /** A context loading for the next acquire; `undefined` when the pool closed before it started. */
  #spare: Promise<LoadResult | undefined> | undefined;
  #closed = false;

  constructor(options: ActionPoolOptions) {
    this.#o = options;
  }

  /** Contexts loaded and waiting for an execution (metrics, tests). */
  get warmContexts(): number {
    return this.#idle.length;
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
      if (r?.ok) return r;
    }
    return this.#load();
  }

  /** Returns a context after an invocation: kept warm when it may be reused, otherwise disposed and replaced. */
  release(ctx: SandboxContext): void {
    const warm = this.#o.action.isolation === 'warm';
    if (!this.#closed && warm && ctx.reusable && ctx.invocations < (this.#retireAt.get(ctx) ?? this.#o.maxInvocations)) {
      this.#idle.push(ctx);
      return;
    }
    ctx.dispose();
    if (this.#closed) return;
    // A fresh context for the next execution, unless a warm one is idle (concurrent executions).
    if (!this.#spare && (!warm || this.#idle.length === 0)) this.#replace(warm ? 'later' : 'now');
  }

  /** Disposes every idle context; contexts in use are disposed when released. */
  close(): void {
    this.#closed = true;
    for (const ctx of this.#idle.splice(0)) ctx.dispose();
    void this.#spare?.then((r) => r?.ok && r.context.dispose());
    this.#spare = undefined;
  }

  /**
   * Loads the spare: `later` after the current turn of the event loop (what the retiring execution
   * still has to do, answer its caller, goes first), `now` at once (a fresh context per execution).
   * A spare nobody took yet becomes an idle context, so the next `acquire` stays synchronous.
   */
  #replace(when: 'now' | 'later'): void {
    // Nothing loads in a poisoned module (its owner retires it); a load that throws (the module was
    // poisoned meanwhile) leaves no spare, and the next acquire loads, and throws, for its caller.
    if (this.#o.module.poisoned) return;
    const load = () => (this.#closed || this.#o.module.poisoned ? undefined : this.#load());
    const started = when === 'now' ? Promise.resolve().then(load) : new Promise<void>((resolve) => setImmediate(resolve)).then(load);
    const spare = started.catch(() => undefined);
    this.#spare = spare;
    void spare.then((r) => {
      if (this.#spare !== spare) return; // taken by an acquire, or dropped by close() (which disposes it)
      this.#spare = undefined;
      if (r?.ok) this.#idle.push(r.context); // a failed load is reported by the next cold acquire
    });
  }

  async #load(): Promise<LoadResult> {
    const { module, bundle, filename, egress, limits, fetch, maxInvocations } = this.#o;
    const r = await loadSandboxContext(module, { bundle, filename, egress, limits, ...(fetch ? { fetch } : {}) });
    if (r.ok) this.#retireAt.set(r.context, maxInvocations - Math.floor(Math.random() * Math.floor(maxInvocations / 2)));
    return r;
  }
}
