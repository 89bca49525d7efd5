import { createDiagnostic, type Diagnostic, type Digest } from '../../core/index.ts';
import { compileQuickJSWasm } from '../sandbox/index.ts';
import type { ResolvedPoolOptions } from './options.ts';
import type { DeploymentPayload, LoadOutcome, WorkerHealth } from './protocol.ts';
import { WorkerDiedError, WorkerHandle, type RecycleReason, type WorkerDeath } from './worker-handle.ts';

/** Why workers were retired, for `/metrics`. */
export interface RecycleReasons {
  readonly memory: number;
  readonly poisoned: number;
  readonly polluted: number;
  readonly executions: number;
  /** A host exception in the worker while running a flow (a bug): the worker is not trusted further. */
  readonly failed: number;
}

/** A deployment every worker must hold: `loading` until every worker loaded it, then `ready`. */
export interface Registered {
  readonly digest: Digest;
  readonly payload: DeploymentPayload;
  state: 'loading' | 'ready';
}

/**
 * The workers of a pool and their life cycle: `workers` active ones that take executions, `spares`
 * kept warm (every deployment loaded) to replace one at once, and replacements started in the
 * background whenever one is retired, terminated or dies. A new worker joins only once it loaded
 * every registered deployment, so any active worker can run any handle. Scheduling is the
 * executor's; this class only keeps the set whole.
 */
export class WorkerSet {
  readonly active: WorkerHandle[] = [];
  readonly spares: WorkerHandle[] = [];
  readonly starting = new Set<WorkerHandle>();
  readonly counts = { recycled: 0, terminated: 0, crashed: 0 };
  readonly reasons = { memory: 0, poisoned: 0, polluted: 0, executions: 0, failed: 0 };
  readonly #o: ResolvedPoolOptions;
  readonly #registry: ReadonlyMap<number, Registered>;
  readonly #onJoin: () => void;
  readonly #wasm: Promise<object>;
  readonly #ready: Promise<void>;
  #markReady!: () => void;
  #failReady!: (e: Error) => void;
  #nextId = 1;
  #closed = false;
  #everReady = false;
  #startupError: Error | undefined;
  #backoffMs = 0;
  #backingOff = 0;

  /** `onJoin` runs whenever a worker may have become free for work (the executor pumps its queue). */
  constructor(o: ResolvedPoolOptions, registry: ReadonlyMap<number, Registered>, onJoin: () => void) {
    this.#o = o;
    this.#registry = registry;
    this.#onJoin = onJoin;
    this.#wasm = compileQuickJSWasm(o.debug);
    this.#ready = new Promise<void>((resolve, reject) => {
      this.#markReady = resolve;
      this.#failReady = reject;
    });
    this.#ready.catch(() => {});
    this.rebalance();
  }

  /** Resolves once a first worker is up; rejects with the reason when none can start. */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Set when no worker ever started (a broken entry or environment); the pool is unusable. */
  get startupError(): Error | undefined {
    return this.#startupError;
  }

  /** A fresh message id (also the execution id in the progress buffer; fits an Int32). */
  nextId(): number {
    this.#nextId = (this.#nextId % 0x7fff_ffff) + 1;
    return this.#nextId;
  }

  /** Every worker that is or will be part of the pool. */
  members(): WorkerHandle[] {
    return [...this.active, ...this.spares, ...this.starting];
  }

  /**
   * The worker to hand an execution to: an active one with nothing to do, else the least loaded
   * one with room in its pipeline (`pipelineDepth`); never one due for recycling or at its
   * execution limit.
   */
  idle(): WorkerHandle | undefined {
    let best: WorkerHandle | undefined;
    for (const w of this.active) {
      if (w.retiring !== undefined || w.executions + w.inflight >= this.#o.maxExecutionsPerWorker) continue;
      if (w.inflight === 0) return w;
      if (w.inflight < this.#o.pipelineDepth && (best === undefined || w.inflight < best.inflight)) best = w;
    }
    return best;
  }

  /** Promotes spares into free active slots and starts replacements for what is missing. */
  rebalance(): void {
    if (this.#closed || this.#startupError !== undefined) return;
    while (this.active.length < this.#o.workers && this.spares.length > 0) this.active.push(this.spares.shift()!);
    const missing = this.#o.workers + this.#o.spares - (this.active.length + this.spares.length + this.starting.size + this.#backingOff);
    for (let i = 0; i < missing; i++) void this.#spawn();
    this.#onJoin();
  }

  /** Takes a worker out of rotation for a reason and stops it; a replacement starts. */
  retire(h: WorkerHandle, reason: RecycleReason): void {
    this.#remove(h);
    this.counts.recycled++;
    this.reasons[reason]++;
    void h.terminate();
    this.rebalance();
  }

  /** The watchdog's stop: the worker is terminated mid-execution and replaced. */
  kill(h: WorkerHandle): void {
    this.#remove(h);
    this.counts.terminated++;
    void h.terminate();
    this.rebalance();
  }

  /** Loads a registered deployment into a worker once (memoised per worker), under the load watchdog. */
  ensureLoaded(h: WorkerHandle, key: number): Promise<LoadOutcome> {
    const known = h.loads.get(key);
    if (known !== undefined) return known;
    const entry = this.#registry.get(key);
    if (entry === undefined) return Promise.resolve({ ok: 'died' });
    const p = h.ready.then(
      () => new Promise<LoadOutcome>((resolve) => {
        const timer = setTimeout(() => {
          this.kill(h);
          resolve({ ok: false, diagnostics: [loadTimeout(entry.digest, this.#o.loadTimeoutMs)] });
        }, this.#o.loadTimeoutMs);
        h.request({ t: 'load', id: this.nextId(), key, payload: entry.payload }).then((m) => {
          clearTimeout(timer);
          if (m.t === 'loaded') resolve(m.ok ? { ok: true } : { ok: false, diagnostics: m.diagnostics });
          else if (m.t === 'failed') resolve({ ok: false, diagnostics: [loadCrash(entry.digest, m.message)] });
        }, (e: unknown) => {
          clearTimeout(timer);
          resolve(e instanceof WorkerDiedError && e.expected ? { ok: 'died' } : { ok: false, diagnostics: [loadCrash(entry.digest, (e as Error).message)] });
        });
      }),
      (): LoadOutcome => ({ ok: 'died' }),
    );
    h.loads.set(key, p);
    return p;
  }

  /**
   * Loads a registered deployment into every worker, spares and starting ones included, before its
   * handle exists; workers that start meanwhile load it too (they load every registered one). On a
   * failure every worker drops it again, and the first failure's diagnostics are the answer.
   */
  async loadEverywhere(key: number): Promise<{ ok: true } | Extract<LoadOutcome, { ok: false }>> {
    for (;;) {
      const outcomes = await Promise.all(this.members().filter((w) => !w.dead).map((w) => this.ensureLoaded(w, key)));
      const failed = outcomes.find((r): r is Extract<LoadOutcome, { ok: false }> => r.ok === false);
      if (failed !== undefined) {
        this.unloadEverywhere(key);
        return failed;
      }
      if (this.members().every((w) => w.dead || w.loads.has(key))) return { ok: true };
    }
  }

  /** Drops a deployment from every worker. */
  unloadEverywhere(key: number): void {
    for (const w of this.members()) {
      w.loads.delete(key);
      w.post({ t: 'unload', key });
    }
  }

  /** Why a worker must be recycled after an execution that left it in `health`, if it must. */
  recycleReason(w: WorkerHandle, health: WorkerHealth): RecycleReason | undefined {
    if (health.poisoned) return 'poisoned';
    if (health.polluted) return 'polluted';
    if (health.memoryBytes > this.#o.memoryHighWaterBytes) return 'memory';
    if (w.executions >= this.#o.maxExecutionsPerWorker) return 'executions';
    return undefined;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled(this.members().map((w) => w.terminate()));
  }

  async #spawn(): Promise<void> {
    let h: WorkerHandle;
    try {
      const wasmModule = await this.#wasm;
      h = new WorkerHandle({
        url: this.#o.workerUrl, execArgv: this.#o.workerExecArgv, heapMb: this.#o.workerHeapMb,
        init: { wasmModule, maxMemoryBytes: this.#o.maxMemoryBytes, debug: this.#o.debug, maxResultChars: this.#o.maxResultChars, memoryHighWaterBytes: this.#o.memoryHighWaterBytes, nice: this.#o.workerNice },
        onDeath: (w, death) => this.#onDeath(w, death),
      });
    } catch (e) {
      return this.#spawnFailed(e);
    }
    this.starting.add(h);
    try {
      await h.ready;
      // Every deployment, including ones registered while this worker was loading.
      for (;;) {
        const missing = [...this.#registry.keys()].filter((k) => !h.loads.has(k));
        if (missing.length === 0) break;
        const outcomes = await Promise.all(missing.map((k) => this.ensureLoaded(h, k)));
        const broken = outcomes.findIndex((r, i) => r.ok !== true && this.#registry.get(missing[i]!)?.state === 'ready');
        if (broken >= 0) {
          const r = outcomes[broken]!;
          const why = r.ok === false ? r.diagnostics.map((d) => d.message).join('; ') : 'the worker died';
          throw new Error(`a new worker could not load deployment ${this.#registry.get(missing[broken]!)?.digest}: ${why}`);
        }
      }
    } catch (e) {
      this.starting.delete(h);
      void h.terminate();
      return this.#spawnFailed(e);
    }
    this.starting.delete(h);
    if (h.dead) return;
    if (this.#closed) return void h.terminate();
    this.#everReady = true;
    this.#backoffMs = 0;
    (this.active.length < this.#o.workers ? this.active : this.spares).push(h);
    this.#markReady();
    this.rebalance();
  }

  #spawnFailed(e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
    if (!this.#everReady) {
      // Nothing ever started: the entry or the environment is broken; retrying would only spin.
      this.#startupError ??= error;
      this.#failReady(error);
      return;
    }
    this.#backoffMs = Math.min(30_000, Math.max(500, this.#backoffMs * 2));
    this.#backingOff++;
    setTimeout(() => {
      this.#backingOff--;
      this.rebalance();
    }, this.#backoffMs).unref();
  }

  #onDeath(h: WorkerHandle, death: WorkerDeath): void {
    this.#remove(h);
    this.starting.delete(h);
    if (!death.expected) this.counts.crashed++;
    this.rebalance();
  }

  #remove(h: WorkerHandle): void {
    for (const list of [this.active, this.spares]) {
      const i = list.indexOf(h);
      if (i >= 0) list.splice(i, 1);
    }
  }
}

function loadTimeout(digest: Digest, ms: number): Diagnostic {
  return createDiagnostic({
    code: 'E_ACTION_LOAD_TIMEOUT', severity: 'error',
    message: `loading deployment ${digest} took longer than ${ms} ms in a worker (an action's top level is stuck in a call the sandbox cannot interrupt?)`,
    hint: 'Check the top level of each action for unbounded work; the worker was terminated.',
  });
}

function loadCrash(digest: Digest, detail: string): Diagnostic {
  return createDiagnostic({
    code: 'E_ACTION_LOAD_CRASH', severity: 'error',
    message: `a worker died while loading deployment ${digest}: ${detail}`,
    hint: 'An action\'s top level may exhaust the worker\'s memory; the worker was replaced.',
  });
}
