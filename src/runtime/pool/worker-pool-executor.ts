import { randomUUID } from 'node:crypto';
import { UsageError } from '../../core/index.ts';
import type { Manifest } from '../../manifest/index.ts';
import type { DeploymentHandle, ExecutorLoadResult, ExecutorMetrics, FlowExecutor } from '../executor.ts';
import type { RunOptions } from '../run-flow.ts';
import { parseFlowResult } from '../result-json.ts';
import type { FlowResult } from '../types.ts';
import { ExecutorOverloadedError } from './errors.ts';
import { resolvePoolOptions, type WorkerPoolOptions } from './options.ts';
import type { FromWorker, LoadOutcome, ToWorker, WorkerHealth, WorkerStats } from './protocol.ts';
import { readDeploymentPayload } from './read-payload.ts';
import { crashResult, rejectedResult, watchdogResult, type ExecutionInfo } from './results.ts';
import type { WorkerHandle } from './worker-handle.ts';
import { WorkerSet, type RecycleReasons, type Registered } from './worker-set.ts';

export type { RecycleReasons } from './worker-set.ts';

/** {@link ExecutorMetrics} plus what only a pool has. */
export interface PoolMetrics extends ExecutorMetrics {
  /** Warm workers waiting to replace one (counted in `workers`). */
  readonly spares: number;
  /** Workers being started (not counted in `workers`). */
  readonly starting: number;
  /** Workers that died unexpectedly (out of heap, host crash). */
  readonly crashed: number;
  /** Executions refused with {@link ExecutorOverloadedError}. */
  readonly overloaded: number;
  /** Executions finished (by a worker or by the watchdog). */
  readonly executions: number;
  readonly recycledFor: RecycleReasons;
}

/** The pool's executor: the {@link FlowExecutor} contract plus introspection for metrics and tests. */
export interface WorkerPoolExecutor extends FlowExecutor {
  metrics(): PoolMetrics;
  /** Resolves once the first workers are up; rejects with the reason when they cannot start. */
  ready(): Promise<void>;
  /** Heap and WASM memory of every worker (leak tests, diagnostics). */
  workerStats(): Promise<WorkerStats[]>;
  /** With `debug: true` and nothing loaded: each worker's DEBUG_SYNC leak check; empty when clean. */
  leakCheck(): Promise<string[]>;
}

interface Entry extends Registered {
  readonly key: number;
  readonly handle: DeploymentHandle;
  readonly manifest: Manifest;
  inflight: number;
  unloading: boolean;
}

interface Job {
  readonly entry: Entry;
  readonly message: Omit<Extract<ToWorker, { t: 'run' }>, 'id'>;
  readonly info: Omit<ExecutionInfo, 'startedAt'>;
  readonly resolve: (r: FlowResult) => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
}

/**
 * Runs flows in a pool of worker threads, each with its own QuickJS module and capped memory, with
 * a main-thread watchdog that terminates a worker stuck past its flow's budget (the only stop for
 * built-ins QuickJS cannot interrupt, runtime.md §2) and warm spares that replace it at once.
 *
 * **One executor per repository.** Every worker loads every deployment of the executor into one
 * QuickJS module, so the versions of one repository share modules; actions of different
 * repositories must never share one (DESIGN.md), so give each repository its own executor.
 *
 * Scheduling: one execution per worker at a time, so the watchdog fails only the execution it
 * stops; when every worker is busy, executions queue (FIFO, `maxQueued`), beyond that `run` throws
 * {@link ExecutorOverloadedError}. A worker is recycled after an execution when its module is
 * poisoned, its WASM memory passed the high-water mark, its host prototypes changed, or after
 * `maxExecutionsPerWorker`. `api.cache` lives in each worker (best effort, as Auth0 documents).
 */
export function createWorkerPoolExecutor(options: WorkerPoolOptions = {}): WorkerPoolExecutor {
  const o = resolvePoolOptions(options);
  const entries = new Map<DeploymentHandle, Entry>();
  const registry = new Map<number, Entry>();
  const queue: Job[] = [];
  const inflight = new Set<Promise<FlowResult>>();
  const counts = { overloaded: 0, executions: 0 };
  let nextKey = 1;
  let closed = false;
  const set = new WorkerSet(o, registry, () => pump());

  function pump(): void {
    while (queue.length > 0) {
      const w = set.idle();
      if (w === undefined) return;
      start(w, queue.shift()!);
    }
  }

  function start(w: WorkerHandle, job: Job): void {
    w.busy = true;
    const execId = set.nextId();
    const startedAt = Date.now();
    const info: ExecutionInfo = { ...job.info, startedAt };
    const budget = job.entry.manifest.settings.limits.flowTimeoutMs;
    const finish = (r: FlowResult) => {
      if (job.settled) return false;
      job.settled = true;
      counts.executions++;
      job.resolve(r);
      return true;
    };
    const watchdog = setTimeout(() => {
      if (finish(watchdogResult(info, w.progress(execId), budget, Date.now()))) set.kill(w);
    }, budget + o.watchdogGraceMs);
    w.request({ ...job.message, id: execId }).then((m: FromWorker) => {
      clearTimeout(watchdog);
      if (m.t === 'result') {
        if (!finish(parseFlowResult(m.json))) return;
        w.busy = false;
        w.executions++;
        afterExecution(w, m.health);
      } else if (m.t === 'failed') {
        if (!finish(crashResult(info, w.progress(execId), `host error: ${m.message}`, Date.now()))) return;
        w.busy = false;
        set.retire(w, 'failed');
      }
    }, (e: unknown) => {
      clearTimeout(watchdog);
      finish(crashResult(info, w.progress(execId), (e as Error).message, Date.now()));
    });
  }

  function afterExecution(w: WorkerHandle, health: WorkerHealth): void {
    if (health.poisoned) return set.retire(w, 'poisoned');
    if (health.polluted) return set.retire(w, 'polluted');
    if (health.memoryBytes > o.memoryHighWaterBytes) return set.retire(w, 'memory');
    if (w.executions >= o.maxExecutionsPerWorker) return set.retire(w, 'executions');
    pump();
  }

  async function submit(handle: DeploymentHandle, trigger: string, state: string | undefined, event: unknown, options: RunOptions): Promise<FlowResult> {
    if (closed) throw new UsageError('this executor is closed');
    if (set.startupError !== undefined) throw set.startupError;
    if (state !== undefined && typeof state !== 'string') throw new UsageError('the continuation state must be a string');
    const entry = entries.get(handle);
    if (entry === undefined || entry.unloading) throw new Error('this deployment handle was unloaded');
    const kind = state === undefined ? 'execute' : 'continue';
    const executionId = options.executionId ?? randomUUID();
    const info = { executionId, trigger, manifest: entry.manifest, digest: handle.digest, kind } as const;
    let eventJson: string | undefined = options.eventJson;
    try {
      eventJson ??= JSON.stringify(event);
    } catch (e) {
      return rejectedResult(info, '', `the event cannot be serialised as JSON: ${(e as Error).message}`);
    }
    if (eventJson === undefined) return rejectedResult(info, '', 'the event must be a JSON object');
    const size = eventJson.length + (state?.length ?? 0);
    if (size > o.maxEventChars) {
      return rejectedResult(info, '', `the event is too large: ${size} characters of JSON${state === undefined ? '' : ' with the state'} (the limit is ${o.maxEventChars})`);
    }
    const message = {
      t: 'run' as const, key: entry.key, trigger, eventJson,
      ...(state !== undefined ? { state } : {}),
      ...(kind === 'execute' ? { executionId } : options.executionId !== undefined ? { executionId } : {}),
      ...(options.now !== undefined ? { nowOffsetMs: options.now() - Date.now() } : {}),
    };
    if (set.idle() === undefined && queue.length >= o.maxQueued) {
      counts.overloaded++;
      throw new ExecutorOverloadedError(queue.length, set.active.length);
    }
    entry.inflight++;
    const promise = new Promise<FlowResult>((resolve, reject) => {
      queue.push({ entry, message, info, resolve, reject, settled: false });
      pump();
    });
    inflight.add(promise);
    try {
      return await promise;
    } finally {
      inflight.delete(promise);
      entry.inflight--;
      if (entry.unloading && entry.inflight === 0) dropEntry(entry);
    }
  }

  function dropEntry(entry: Entry): void {
    entries.delete(entry.handle);
    registry.delete(entry.key);
    for (const w of set.members()) {
      w.loads.delete(entry.key);
      w.post({ t: 'unload', key: entry.key });
    }
  }

  async function load(store: Parameters<FlowExecutor['load']>[0], target: Parameters<FlowExecutor['load']>[1], options: Parameters<FlowExecutor['load']>[2] = {}): Promise<ExecutorLoadResult> {
    if (closed) throw new UsageError('this executor is closed');
    const read = await readDeploymentPayload(store, target, options);
    if (!read.ok) return read;
    await set.ready();
    const key = nextKey++;
    const handle: DeploymentHandle = { digest: read.payload.digest, commit: read.payload.commit as DeploymentHandle['commit'], manifest: read.manifest };
    const entry: Entry = { key, handle, digest: handle.digest, manifest: read.manifest, payload: read.payload, state: 'loading', inflight: 0, unloading: false };
    registry.set(key, entry);
    // Every worker, spares and starting ones included, must load it before the handle exists.
    for (;;) {
      const targets = set.members().filter((w) => !w.dead);
      const outcomes = await Promise.all(targets.map((w) => set.ensureLoaded(w, key)));
      const failed = outcomes.find((r): r is Extract<LoadOutcome, { ok: false }> => r.ok === false);
      if (failed !== undefined || closed) {
        registry.delete(key);
        for (const w of set.members()) {
          w.loads.delete(key);
          w.post({ t: 'unload', key });
        }
        if (closed) throw new UsageError('this executor was closed while loading');
        return { ok: false, diagnostics: failed!.diagnostics };
      }
      if (set.members().every((w) => w.dead || w.loads.has(key))) break;
    }
    entry.state = 'ready';
    entries.set(handle, entry);
    return { ok: true, handle };
  }

  return {
    load,
    run: (handle, trigger, event, options = {}) => submit(handle, trigger, undefined, event, options),
    continue: (handle, trigger, state, event, options = {}) => submit(handle, trigger, state, event, options),
    unload(handle) {
      const entry = entries.get(handle);
      if (entry === undefined || entry.unloading) return;
      entry.unloading = true;
      if (entry.inflight === 0) dropEntry(entry);
    },
    metrics: () => ({
      busy: set.active.filter((w) => w.busy).length, queued: queue.length, recycled: set.counts.recycled, terminated: set.counts.terminated,
      workers: set.active.length + set.spares.length, spares: set.spares.length, starting: set.starting.size, crashed: set.counts.crashed,
      overloaded: counts.overloaded, executions: counts.executions, recycledFor: { ...set.reasons },
    }),
    ready: () => set.ready(),
    async workerStats() {
      const answers = await Promise.all([...set.active, ...set.spares].map((w) => w.request({ t: 'stats', id: set.nextId() })));
      return answers.flatMap((m) => (m.t === 'stats' ? [m.stats] : []));
    },
    async leakCheck() {
      const answers = await Promise.all([...set.active, ...set.spares].map((w) => w.request({ t: 'leak-check', id: set.nextId() })));
      return answers.flatMap((m) => (m.t === 'leak-check' && m.error !== undefined ? [m.error] : []));
    },
    async close() {
      if (closed) return;
      closed = true;
      // Executions already running finish (the watchdog bounds them); queued ones never start.
      for (const job of queue.splice(0)) job.reject(new UsageError('the executor was closed before this execution started'));
      await Promise.allSettled([...inflight]);
      registry.clear();
      entries.clear();
      await set.close();
    },
  };
}
