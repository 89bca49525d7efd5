import type { ManifestAction } from '../manifest/index.ts';
import { loadSandboxContext, type EgressPolicy, type HostFetch, type LoadResult, type SandboxContext, type SandboxLimits, type SandboxModule } from './sandbox/index.ts';

/**
 * A warm context is retired after at most this many invocations, whatever its memory says (a
 * backstop: growth in module scope is caught by the memory checks long before). Loading a
 * replacement costs a few milliseconds of CPU, so retiring often is not free: at 1,000 it was about
 * a sixth of a warm three-action flow's CPU.
 */
export const DEFAULT_MAX_INVOCATIONS = 10_000;

/** Invocations between a context's load and its first memory check. */
const FIRST_MEMORY_CHECK = 16;
/** The longest gap between two memory checks of a context, in invocations (for a check this cheap). */
const MAX_MEMORY_CHECK_INTERVAL = 256;
/** What a memory check of a small action costs (ms); slower checks stretch the longest gap. */
const CHEAP_CHECK_MS = 0.25;

/** When a warm context is retired: its invocation count, and its memory past a ceiling (last sample kept). */
interface Retirement {
  readonly atInvocations: number;
  readonly memory: MemoryWatch | undefined;
}

interface MemoryWatch {
  /** Halfway between its size once loaded and its runtime's memory limit. */
  readonly ceiling: number;
  used: number;
  at: number;
  nextCheck: number;
}

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
 * (one at a time each; concurrent executions get their own), discarded after any failure, when they
 * grew too much, or after their share of `maxInvocations`; with `"isolation": "execution"` every
 * execution gets a fresh, never-used context.
 *
 * Memory, not a count, is what normally retires a warm context: every so often (adaptively, from
 * every invocation for a context that grows fast to every 256 or more for one that does not), after
 * the turn that released it, the pool reads its runtime's size and retires it once half the
 * headroom between its loaded size and its memory limit is used, so state that piles up in module
 * scope is dropped before it can exhaust the memory the worker's actions share.
 * A count (`maxInvocations`, 10,000 by default) is only a backstop.
 *
 * Replacing a context never happens on an execution's path when it can be helped: the context a
 * release retires is replaced in the background, after the turn of the event loop that answered the
 * execution, and the next `acquire` takes the replacement warm (it waits for it only if it comes
 * first). The count is drawn per context from [½·max, max]: the actions of a flow are loaded
 * together, and with one fixed count they would all reload in the same execution.
 */
export class ActionPool {
  readonly #o: ActionPoolOptions;
  readonly #idle: SandboxContext[] = [];
  /** When each warm context this pool loaded is retired. */
  readonly #retirement = new WeakMap<SandboxContext, Retirement>();
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

  /**
   * Returns a context after an invocation: kept warm when it may be reused, otherwise disposed and
   * replaced. A memory check that is due runs after this turn, while the context waits idle.
   */
  release(ctx: SandboxContext): void {
    const warm = this.#o.action.isolation === 'warm';
    const retirement = this.#retirement.get(ctx);
    if (!this.#closed && warm && ctx.reusable && ctx.invocations < (retirement?.atInvocations ?? this.#o.maxInvocations)) {
      this.#idle.push(ctx);
      const watch = retirement?.memory;
      if (watch !== undefined && ctx.invocations >= watch.nextCheck) setImmediate(() => this.#checkMemory(ctx, watch));
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

  /**
   * Reads the size of `ctx`, idle since the turn that released it (the walk takes 0.2 ms for a small
   * action, 5 ms for one holding 100,000 objects, so it never delays an answer). Past the ceiling
   * it is retired and replaced; otherwise the next check is scheduled from how fast it grew since
   * the last (before a quarter of what is left would be gone at that pace) and from what the check
   * cost (at most 256 invocations away, more for a context whose walk is slow, so checks stay
   * about a microsecond per invocation). A context in use again is checked at a later release.
   */
  #checkMemory(ctx: SandboxContext, watch: MemoryWatch): void {
    if (this.#closed || ctx.invocations < watch.nextCheck || !this.#idle.includes(ctx)) return;
    const started = performance.now();
    const used = ctx.memoryUsedBytes();
    const costMs = performance.now() - started;
    if (used === undefined) return;
    if (used > watch.ceiling) {
      this.#idle.splice(this.#idle.indexOf(ctx), 1);
      ctx.dispose();
      if (!this.#spare && this.#idle.length === 0) this.#replace('now');
      return;
    }
    const longest = MAX_MEMORY_CHECK_INTERVAL * Math.max(1, Math.round(costMs / CHEAP_CHECK_MS));
    const perInvocation = Math.max(0, used - watch.used) / Math.max(1, ctx.invocations - watch.at);
    const interval = perInvocation === 0 ? longest : Math.floor((watch.ceiling - used) / (4 * perInvocation));
    watch.used = used;
    watch.at = ctx.invocations;
    watch.nextCheck = ctx.invocations + Math.min(longest, Math.max(1, interval));
  }

  async #load(): Promise<LoadResult> {
    const { module, bundle, filename, egress, limits, fetch, maxInvocations } = this.#o;
    const r = await loadSandboxContext(module, { bundle, filename, egress, limits, ...(fetch ? { fetch } : {}) });
    if (!r.ok) return r;
    // A context used once ("isolation": "execution") is never retired: nothing to measure.
    if (this.#o.action.isolation !== 'warm') return r;
    const ctx = r.context;
    const used = ctx.memoryUsedBytes();
    this.#retirement.set(ctx, {
      atInvocations: maxInvocations - Math.floor(Math.random() * Math.floor(maxInvocations / 2)),
      memory: used === undefined ? undefined : { ceiling: used + (ctx.memoryLimitBytes - used) / 2, used, at: 0, nextCheck: FIRST_MEMORY_CHECK },
    });
    return r;
  }
}
