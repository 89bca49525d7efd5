import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import { InternalError, UsageError } from '../../core/errors.ts';
import { PRELUDE_SOURCE } from '../guest/index.ts';
import { Execution } from './execution.ts';
import { callFunctionFast, newStringFast } from './quickjs-internals.ts';
import type { InvokeOptions, SandboxContextOptions } from './context-options.ts';
import type { GuestApiSpec } from './guest-api.ts';
import { classifyGuestError, crashError, hostError, toGuestError } from './guest-error.ts';
import { createHostFunctions } from './host-channel.ts';
import { createHostFetcher } from './host-fetch.ts';
import type { HostFetcher } from './host-fetch.ts';
import { resolveLimits } from './limits.ts';
import type { SandboxLimits } from './limits.ts';
import type { SandboxModule } from './sandbox-module.ts';
import type { CapturedLogs, FailureKind, GuestError, InvokeResult, Outcome } from './types.ts';

/** A loaded context, or why the bundle could not load (a value: the user's bundle is at fault). */
export type LoadResult = CapturedLogs & { readonly cpuMs: number; readonly wallMs: number } & (
    | { readonly ok: true; readonly context: SandboxContext }
    | { readonly ok: false; readonly kind: FailureKind; readonly error: GuestError }
  );

/** The prelude is our code: when it fails, the limits are the likely cause. */
const PRELUDE_FAILED = 'the sandbox prelude failed (are the stack and memory limits sane?): ';
/** Budget for reading a thrown value in the guest; it does not count against the action. */
const DESCRIBE_BUDGET_MS = 50;

/**
 * One action loaded in its own QuickJS runtime and context, reused warm across invocations.
 *
 * Lifecycle: {@link loadSandboxContext} evaluates the prelude and the bundle; {@link invoke} runs
 * one handler call at a time; {@link dispose} frees everything. After any failed invocation
 * (error, timeout, limit) {@link reusable} turns false and the owner must dispose it and load a
 * fresh one. Host exceptions out of QuickJS poison the {@link SandboxModule}.
 *
 * Budgets: one interrupt handler per runtime compares the clock with a deadline that is armed
 * before every guest entry (evalCode, callFunction, each executePendingJobs) from the CPU time the
 * run has left, and disarmed afterwards, so time spent awaiting the host is free. Because bellard's
 * QuickJS reports an interrupt inside a job as success, the handler also sets a flag the host
 * checks after every entry.
 */
export class SandboxContext {
  readonly #module: SandboxModule;
  readonly #rt: QuickJSRuntime;
  readonly #ctx: QuickJSContext;
  readonly #limits: SandboxLimits;
  readonly #fetcher: HostFetcher | undefined;
  readonly #control: { run?: QuickJSHandle; bind?: QuickJSHandle; describe?: QuickJSHandle } = {};
  readonly #knownApis = new Set<string>();
  readonly #constants = new Map<string, QuickJSHandle>();
  #deadline = Infinity;
  #interrupted = false;
  #current: Execution | undefined;
  #reusable = true;
  #disposed = false;
  #disposeRequested = false;
  #invocations = 0;

  private constructor(module: SandboxModule, options: SandboxContextOptions) {
    this.#module = module;
    this.#limits = resolveLimits(options.limits);
    this.#rt = module.newRuntime();
    try {
      this.#rt.setMemoryLimit(this.#limits.memoryBytes);
      this.#rt.setMaxStackSize(this.#limits.stackBytes);
      this.#rt.setInterruptHandler(() => {
        if (performance.now() <= this.#deadline) return false;
        this.#interrupted = true;
        return true;
      });
      this.#ctx = this.#rt.newContext();
    } catch (e) {
      module.poison(e);
      throw e;
    }
    this.#fetcher = options.fetch === undefined ? createHostFetcher({ ...options.fetchOptions, egress: options.egress ?? {} }) : undefined;
  }

  /** @internal Used by {@link loadSandboxContext}. */
  static async load(module: SandboxModule, options: SandboxContextOptions): Promise<LoadResult> {
    const sc = new SandboxContext(module, options);
    const limits = sc.#limits;
    const exec = new Execution('load', {}, limits, limits.loadCpuMs, limits.wallMs);
    const outcome = await sc.#run(exec, () => sc.#loadIn(exec, options));
    const stats = { logs: exec.logs, droppedEntries: exec.droppedEntries, cpuMs: round(exec.cpuMs), wallMs: round(performance.now() - exec.startedAt) };
    if (outcome.ok) return { ok: true, context: sc, ...stats };
    sc.dispose();
    return { ok: false, kind: outcome.kind, error: outcome.error, ...stats };
  }

  /** False after any failed invocation or load; dispose the context and load a fresh one. */
  get reusable(): boolean {
    return this.#reusable && !this.#disposed && !this.#module.poisoned;
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Invocations started so far (owners retire contexts after a bounded number). */
  get invocations(): number {
    return this.#invocations;
  }

  get module(): SandboxModule {
    return this.#module;
  }

  /** The memory limit of this context's runtime (`limits.memoryBytes`). */
  get memoryLimitBytes(): number {
    return this.#limits.memoryBytes;
  }

  /**
   * Bytes this context's runtime holds now (QuickJS's own "memory used" figure, which module-scope
   * state and leaks grow), so owners can retire a context before it runs into its memory limit.
   * QuickJS walks the heap for it (about 0.2 ms for a small action, 5 ms at 100,000 objects):
   * sample it, do not call it on every invocation. Undefined once disposed, while an invocation
   * runs, or when the figure cannot be read.
   */
  memoryUsedBytes(): number | undefined {
    if (this.#disposed || this.#current !== undefined) return undefined;
    try {
      const m = /^memory used\s+\d+\s+(\d+)/m.exec(this.#rt.dumpMemoryUsage());
      return m ? Number(m[1]) : undefined;
    } catch (e) {
      this.#module.poison(e);
      this.#reusable = false;
      return undefined;
    }
  }

  /**
   * Runs `await __actuate_action[handler](JSON.parse(eventJson), api)`. The event crosses as one
   * JSON string and is parsed in the guest (the cheapest way in, runtime.md §1.2). Never throws
   * for anything the guest does; rejects with InternalError when called on a context that is busy,
   * disposed or not reusable (an owner bug). The result is returned synchronously when the guest
   * never had to wait for the host (most warm invocations): `await` it either way.
   */
  invoke(handler: string, eventJson: string, options: InvokeOptions = {}): InvokeResult | Promise<InvokeResult> {
    if (this.#disposed || this.#disposeRequested) return Promise.reject(new InternalError('invoke() on a disposed SandboxContext'));
    if (this.#current !== undefined) return Promise.reject(new InternalError('a SandboxContext runs one invocation at a time'));
    if (!this.reusable) return Promise.reject(new InternalError('this SandboxContext is not reusable after a failure; dispose it and load a new one'));
    const ops = options.ops ?? {};
    for (const name of Object.keys(ops)) {
      if (name.startsWith('sys.')) return Promise.reject(new UsageError(`host operation names starting with "sys." are reserved (got "${name}")`));
    }
    const exec = new Execution('invoke', ops, this.#limits, options.cpuMs ?? this.#limits.cpuMs, options.wallMs ?? this.#limits.wallMs);
    if (eventJson.length > this.#limits.maxEventChars) {
      // Refused before it crossed: the context is untouched and stays reusable.
      return invocationResult(exec, fail('error', hostError('RangeError', `the event is too large: ${eventJson.length} characters (the limit is ${this.#limits.maxEventChars})`)));
    }
    this.#invocations++;
    const r = this.#run(exec, () => this.#invokeIn(exec, handler, eventJson, options.api));
    const done = (o: Outcome): InvokeResult => {
      if (!o.ok) this.#reusable = false;
      return invocationResult(exec, o);
    };
    return r instanceof Promise ? r.then(done) : done(r);
  }

  /**
   * Frees the context and its runtime. Idempotent. While an invocation is running the disposal
   * happens when it ends (its pending host calls are cancelled now). A throw from QuickJS's
   * dispose poisons the module.
   */
  dispose(): void {
    if (this.#disposed) return;
    if (this.#current !== undefined) {
      this.#disposeRequested = true;
      this.#current.close();
      return;
    }
    this.#disposed = true;
    this.#reusable = false;
    this.#fetcher?.dispose();
    try {
      for (const h of Object.values(this.#control)) if (h?.alive === true) h.dispose();
      for (const h of this.#constants.values()) if (h.alive) h.dispose();
      this.#ctx.dispose();
      this.#rt.dispose();
    } catch (e) {
      this.#module.poison(e);
    }
  }

  // --- internal ---

  /**
   * Runs one load or invocation with `exec` current; host exceptions become `crash` and poison the
   * module. Synchronous when `body` is (a warm invocation that never waits for the host is, and
   * skipping the promise hops is a measurable share of it).
   */
  #run(exec: Execution, body: () => Outcome | Promise<Outcome>): Outcome | Promise<Outcome> {
    this.#current = exec;
    this.#interrupted = false;
    let r: Outcome | Promise<Outcome>;
    try {
      r = body();
    } catch (e) {
      return this.#finish(exec, this.#crash(e));
    }
    if (r instanceof Promise) return r.then((o) => this.#finish(exec, o), (e: unknown) => this.#finish(exec, this.#crash(e)));
    return this.#finish(exec, r);
  }

  /** Ends the current run: cancels what it left pending, and disposes the context when that was asked meanwhile. */
  #finish(exec: Execution, outcome: Outcome): Outcome {
    try {
      exec.close();
    } catch (e) {
      outcome = this.#crash(e);
    }
    this.#current = undefined;
    if (this.#disposeRequested) this.dispose();
    return outcome;
  }

  async #loadIn(exec: Execution, options: SandboxContextOptions): Promise<Outcome> {
    const ctx = this.#ctx;
    const fns = createHostFunctions({ ctx, limits: this.#limits, fetch: this.#fetcher?.fetch ?? options.fetch!, current: () => this.#current });
    const config = ctx.newObject();
    try {
      const entries = this.#enter(exec, () => ctx.evalCode(PRELUDE_SOURCE, 'actuate:prelude.js'));
      if (entries.error) return this.#failWith(exec, entries.error, PRELUDE_FAILED);
      const entryFn = entries.value;
      const entryChars = ctx.newNumber(this.#limits.consoleEntryChars);
      ctx.setProp(config, 'consoleEntryChars', entryChars);
      entryChars.dispose();
      const control = this.#enter(exec, () => ctx.callFunction(entryFn, ctx.undefined, fns.sync, fns.async, config));
      entryFn.dispose();
      if (control.error) return this.#failWith(exec, control.error, PRELUDE_FAILED);
      for (const k of ['run', 'bind', 'describe'] as const) this.#control[k] = ctx.getProp(control.value, k);
      control.value.dispose();
    } finally {
      config.dispose();
      fns.sync.dispose();
      fns.async.dispose();
    }
    const evaluated = this.#enter(exec, () => ctx.evalCode(options.bundle, options.filename ?? 'action.js'));
    if (evaluated.error) return this.#failWith(exec, evaluated.error);
    evaluated.value.dispose();
    const bound = this.#enter(exec, () => ctx.callFunction(this.#control.bind!, ctx.undefined));
    if (bound.error) return this.#failWith(exec, bound.error);
    bound.value.dispose();
    return this.#pump(exec, undefined);
  }

  #invokeIn(exec: Execution, handler: string, eventJson: string, api: GuestApiSpec | undefined): Outcome | Promise<Outcome> {
    const ctx = this.#ctx;
    const event = newStringFast(ctx, eventJson);
    const args = [this.#constant(handler), event];
    let spec: QuickJSHandle | undefined;
    if (api !== undefined) {
      args.push(this.#constant(api.key));
      if (!this.#knownApis.has(api.key)) {
        spec = ctx.newString(JSON.stringify({ shape: api.shape, factory: api.factorySource }));
        args.push(spec);
        this.#knownApis.add(api.key);
      }
    }
    const started = this.#enter(exec, () => callFunctionFast(ctx, this.#control.run!, args));
    event.dispose();
    spec?.dispose();
    if (started.error) return this.#failWith(exec, started.error);
    const promise = started.value;
    let r: Outcome | Promise<Outcome>;
    try {
      r = this.#pump(exec, promise);
    } catch (e) {
      promise.dispose();
      throw e;
    }
    if (!(r instanceof Promise)) {
      promise.dispose();
      return r;
    }
    return r.finally(() => promise.dispose());
  }

  /** A guest string kept for the context's life: handler names and api keys repeat on every invocation. */
  #constant(value: string): QuickJSHandle {
    let h = this.#constants.get(value);
    if (h === undefined) {
      h = this.#ctx.newString(value);
      this.#constants.set(value, h);
    }
    return h;
  }

  /**
   * Runs the guest's jobs until `promise` settles (an invocation) or nothing is left to wait for
   * (a load), waiting for host calls in between. Returns synchronously when no wait was needed.
   */
  #pump(exec: Execution, promise: QuickJSHandle | undefined): Outcome | Promise<Outcome> {
    return this.#pumpOnce(exec, promise) ?? this.#pumpWaiting(exec, promise);
  }

  async #pumpWaiting(exec: Execution, promise: QuickJSHandle | undefined): Promise<Outcome> {
    for (;;) {
      const woke = await exec.wait(exec.wallDeadline);
      if (this.#disposeRequested) return fail('error', hostError('Error', 'the sandbox was disposed while the action was running'));
      if (!woke) return fail('timeout', hostError('TimeoutError', `the action exceeded its time budget of ${exec.wallBudgetMs} ms`));
      const done = this.#pumpOnce(exec, promise);
      if (done !== undefined) return done;
    }
  }

  /** Runs the pending jobs once; the outcome when the run is over, undefined when it must wait for the host. */
  #pumpOnce(exec: Execution, promise: QuickJSHandle | undefined): Outcome | undefined {
    exec.resetActivity();
    // Most warm handlers finish without leaving a job; asking is far cheaper than running none.
    if (this.#rt.hasPendingJob()) {
      const jobs = this.#enter(exec, () => this.#rt.executePendingJobs());
      if (jobs.error) return this.#failWith(exec, jobs.error);
    }
    const stop = this.#checkRun(exec, promise);
    if (stop !== undefined) return stop;
    if (promise !== undefined) {
      const state = this.#ctx.getPromiseState(promise);
      if (state.type === 'fulfilled') {
        if (state.notAPromise !== true) state.value.dispose();
        return { ok: true };
      }
      if (state.type === 'rejected') return this.#failWith(exec, state.error);
      if (!exec.hasAwaitable()) {
        return fail('error', hostError('Error', `the handler's promise can never settle: it awaits something that is never resolved (no timer, fetch or host call is pending)`));
      }
    } else if (!exec.hasAwaitable()) {
      return { ok: true };
    }
    return undefined;
  }

  /** After every guest entry: interrupts, host-side crashes while settling, uncaught callback errors. */
  #checkRun(exec: Execution, promise: QuickJSHandle | undefined): Outcome | undefined {
    if (this.#interrupted) {
      // Keep the frames of where the guest was stopped, when the interrupt rejected the handler.
      const state = promise === undefined ? undefined : this.#ctx.getPromiseState(promise);
      if (state?.type === 'fulfilled' && state.notAPromise !== true) state.value.dispose();
      if (state?.type !== 'rejected') return this.#timeout(exec, undefined);
      try {
        return this.#timeout(exec, this.#describe(state.error));
      } finally {
        state.error.dispose();
      }
    }
    if (exec.crash !== undefined) throw exec.crash;
    if (exec.uncaught !== undefined) return fail(classifyGuestError(exec.uncaught), toGuestError(exec.uncaught));
    return undefined;
  }

  /** Arms the deadline for one guest entry and accounts the time it took. */
  #enter<T>(exec: Execution, fn: () => T): T {
    const start = performance.now();
    this.#deadline = Math.min(start + Math.max(0, exec.cpuBudgetMs - exec.cpuMs), exec.wallDeadline);
    try {
      return fn();
    } finally {
      this.#deadline = Infinity;
      exec.cpuMs += performance.now() - start;
    }
  }

  /** Reads and disposes a thrown guest value, then classifies it. */
  #failWith(exec: Execution, handle: QuickJSHandle, prefix = ''): Outcome {
    let error: GuestError;
    try {
      error = this.#describe(handle);
    } finally {
      if (handle.alive) handle.dispose();
    }
    if (this.#interrupted) return this.#timeout(exec, error);
    if (exec.uncaught !== undefined) error = toGuestError(exec.uncaught);
    return fail(classifyGuestError(error), prefix === '' ? error : toGuestError({ ...error, message: prefix + error.message }));
  }

  #timeout(exec: Execution, frames: GuestError | undefined): Outcome {
    const wall = performance.now() >= exec.wallDeadline;
    const message = wall
      ? `the action exceeded its time budget of ${exec.wallBudgetMs} ms`
      : `the action exceeded its CPU budget of ${exec.cpuBudgetMs} ms`;
    return fail('timeout', hostError('TimeoutError', message, frames));
  }

  /** The guest's own view of a thrown value (under a small budget), or QuickJS's dump of it. */
  #describe(handle: QuickJSHandle): GuestError {
    const ctx = this.#ctx;
    const describeFn = this.#control.describe;
    if (describeFn !== undefined) {
      const interrupted = this.#interrupted;
      this.#deadline = performance.now() + DESCRIBE_BUDGET_MS;
      try {
        const r = ctx.callFunction(describeFn, ctx.undefined, handle);
        if (!r.error) {
          const json = ctx.getString(r.value);
          r.value.dispose();
          return toGuestError(JSON.parse(json) as Record<string, unknown>);
        }
        r.error.dispose();
      } finally {
        this.#deadline = Infinity;
        this.#interrupted = interrupted;
      }
    }
    const dumped: unknown = ctx.dump(handle);
    if (dumped !== null && typeof dumped === 'object') return toGuestError(dumped as Record<string, unknown>);
    return toGuestError({ name: 'Error', message: `Uncaught ${String(dumped)}` });
  }

  #crash(e: unknown): Outcome {
    this.#module.poison(e);
    this.#reusable = false;
    const { kind, error } = crashError(e);
    return fail(kind, error);
  }
}

/** Loads an action bundle into a fresh context of `module`. */
export function loadSandboxContext(module: SandboxModule, options: SandboxContextOptions): Promise<LoadResult> {
  return SandboxContext.load(module, options);
}

function fail(kind: FailureKind, error: GuestError): Outcome {
  return { ok: false, kind, error };
}

/** Built field by field, not by spreading `outcome`: its two shapes made the spread a slow generic copy on every invocation. */
function invocationResult(exec: Execution, outcome: Outcome): InvokeResult {
  const cpuMs = round(exec.cpuMs);
  const wallMs = round(performance.now() - exec.startedAt);
  if (outcome.ok) return { ok: true, logs: exec.logs, droppedEntries: exec.droppedEntries, cpuMs, wallMs };
  return { ok: false, kind: outcome.kind, error: outcome.error, logs: exec.logs, droppedEntries: exec.droppedEntries, cpuMs, wallMs };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
