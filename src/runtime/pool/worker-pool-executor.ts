import { randomUUID } from 'node:crypto';
import { UsageError } from '../../core/index.ts';
import type { Manifest } from '../../manifest/index.ts';
import type { DeploymentHandle, ExecutorLoadResult, FlowExecutor } from '../executor.ts';
import type { RunOptions } from '../run-flow.ts';
import { parseFlowResult } from '../result-json.ts';
import type { FlowResult } from '../types.ts';
import { ExecutorOverloadedError } from './errors.ts';
import { resolvePoolOptions, type WorkerPoolOptions } from './options.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { readDeploymentPayload } from './read-payload.ts';
import { crashResult, rejectedResult, watchdogResult, type ExecutionInfo } from './results.ts';
import type { WorkerHandle } from './worker-handle.ts';
import { GcTotals } from './worker-gc.ts';
import type { WorkerPoolExecutor } from './worker-pool-api.ts';
import { WorkerSet, type Registered } from './worker-set.ts';

export type { PoolMetrics, RecycleReasons, WorkerPoolExecutor } from './worker-pool-api.ts';

interface Entry extends Registered {
  readonly key: number;
  readonly handle: DeploymentHandle;
  readonly manifest: Manifest;
  inflight: number;
  unloading: boolean;
}

/** How often, and how many times, the watchdog looks again for a run its worker has not started. */
const RECHECK_MS = 50;
const RECHECKS = 10;

/** A job handed to a worker. */
interface Run {
  readonly job: Job;
  /** Its message id, which is also its id in the worker's progress buffer. */
  readonly execId: number;
  info: ExecutionInfo;
  watchdog: NodeJS.Timeout | undefined;
  /** Decided when its worker died: it ran (`crash`) or never started (`again`). */
  fate: 'crash' | 'again' | undefined;
  /** Asked back from its worker for a free one (see reclaim()). */
  withdrawing?: boolean;
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
 * Scheduling: a worker runs one execution at a time and holds up to `pipelineDepth - 1` more,
 * waiting, so it never idles through a round trip to the main thread. The watchdog fails only the
 * execution it stops; those waiting in that worker never started and go to another one. When every
 * worker is full, executions queue (FIFO, `maxQueued`), beyond that `run` throws
 * {@link ExecutorOverloadedError}. A worker is recycled (once what it holds is answered; it declines
 * what waits when its health is bad) when its module is poisoned, its WASM memory passed the
 * high-water mark, its host prototypes changed, or after
 * `maxExecutionsPerWorker`. `api.cache` lives in each worker (best effort, as Auth0 documents).
 */
export function createWorkerPoolExecutor(options: WorkerPoolOptions = {}): WorkerPoolExecutor {
  const o = resolvePoolOptions(options);
  const entries = new Map<DeploymentHandle, Entry>();
  const registry = new Map<number, Entry>();
  const queue: Job[] = [];
  // Hot-path bookkeeping avoids a Map or Set whose entries come and go with every execution: V8
  // keeps each replaced hash table linked to the next, so once one of them reaches the old
  // generation, every later table and the entries in it are promoted by each scavenge of the main
  // thread (about 1.8 KB an execution here: 2-3 ms scavenges, and a full collection every few
  // seconds). Each worker keeps one list of its runs; the runs in flight are only counted.
  const runs = new WeakMap<WorkerHandle, Run[]>();
  let inflight = 0;
  let drained: (() => void) | undefined;
  const counts = { overloaded: 0, executions: 0 };
  const gc = new GcTotals();
  let nextKey = 1;
  let closed = false;
  const set = new WorkerSet(o, registry, () => pump());

  function pump(): void {
    while (queue.length > 0) {
      const w = set.idle();
      if (w === undefined) return;
      start(w, queue.shift()!);
    }
    reclaim();
  }

  /**
   * A worker with nothing to do takes back a run waiting behind another worker's current one
   * (which may be awaiting a slow `fetch`): the holder is asked to give it back if it has not
   * started it, and a `declined` answer sends it through the queue to the free worker.
   */
  function reclaim(): void {
    if (inflight === 0) return; // nothing waits anywhere (and the worker set may still be starting)
    let free = 0;
    for (const w of set.active) if (w.inflight === 0 && w.retiring === undefined) free++;
    if (free === 0) return;
    // Every worker that holds runs is active: a worker leaves the set once it holds none (retire),
    // or when it is stopped, and then its runs go through died().
    for (const w of set.active) {
      const list = runsOf(w);
      for (let i = list.length - 1; i >= 1 && free > 0; i--) {
        const run = list[i]!;
        if (run.withdrawing) continue;
        run.withdrawing = true;
        w.post({ t: 'withdraw', id: run.execId });
        free--;
      }
    }
  }

  /** Hands `job` to worker `w`; it starts there at once, or after the runs handed to `w` before it. */
  function start(w: WorkerHandle, job: Job): void {
    w.inflight++;
    const run: Run = { job, execId: set.nextId(), info: { ...job.info, startedAt: Date.now() }, watchdog: undefined, fate: undefined };
    const list = runsOf(w);
    list.push(run);
    if (list.length === 1) arm(w, run);
    w.request({ ...job.message, id: run.execId }).then((m) => answered(w, run, m), (e: unknown) => died(w, run, e as Error));
  }

  function runsOf(w: WorkerHandle): Run[] {
    let list = runs.get(w);
    if (list === undefined) runs.set(w, (list = []));
    return list;
  }

  /** `run` is the first of its worker's now, so it is running there: the watchdog counts from here. */
  function arm(w: WorkerHandle, run: Run, rechecks = 0): void {
    if (rechecks === 0) run.info = { ...run.job.info, startedAt: Date.now() };
    const budget = run.job.entry.manifest.settings.limits.flowTimeoutMs;
    run.watchdog = setTimeout(() => {
      // Not the one running: its answer is on its way (a worker starts the next run right after
      // posting an answer), or the worker is stuck before it (a load). Look again shortly; in the
      // end the worker is stopped, and a run that never started goes to another worker (died()).
      if (!w.isRunning(run.execId) && rechecks < RECHECKS) return arm(w, run, rechecks + 1);
      if (!w.isRunning(run.execId)) return set.kill(w);
      if (settle(run.job, watchdogResult(run.info, w.progress(run.execId), budget, Date.now()))) set.kill(w);
    }, rechecks === 0 ? budget + o.watchdogGraceMs : RECHECK_MS);
  }

  function answered(w: WorkerHandle, run: Run, m: FromWorker): void {
    clearTimeout(run.watchdog);
    const list = runsOf(w);
    list.splice(list.indexOf(run), 1);
    w.inflight--;
    if (list.length > 0 && list[0]!.watchdog === undefined) arm(w, list[0]!);
    if (m.t === 'result') {
      if (settle(run.job, parseFlowResult(m.json))) w.executions++;
      w.retiring ??= set.recycleReason(w, m.health);
      gc.add(m.health.gc);
    } else if (m.t === 'failed') {
      settle(run.job, crashResult(run.info, w.progress(run.execId), `host error: ${m.message}`, Date.now()));
      w.retiring ??= 'failed';
      gc.add(m.health.gc);
    } else if (m.t === 'declined') {
      again(run.job);
    }
    if (w.retiring !== undefined && w.inflight === 0 && !w.dead) set.retire(w, w.retiring);
    else pump();
  }

  /**
   * The worker of `run` stopped (terminated by the watchdog, or crashed). The shared progress buffer
   * names the run it started last: that one and those before it ran (their answers are lost: a
   * crash, never a second run), the ones after it never started and go to another worker.
   */
  function died(w: WorkerHandle, run: Run, e: Error): void {
    clearTimeout(run.watchdog);
    const list = runsOf(w);
    if (run.fate === undefined) {
      const last = list.findIndex((r) => w.isRunning(r.execId));
      list.forEach((r, i) => (r.fate = last >= 0 && i <= last ? 'crash' : 'again'));
    }
    list.splice(list.indexOf(run), 1);
    if (run.fate === 'again') again(run.job);
    else settle(run.job, crashResult(run.info, w.progress(run.execId), e.message, Date.now()));
  }

  /** A job that never started in its worker: first in line for the next one. */
  function again(job: Job): void {
    if (job.settled) return;
    if (closed) return job.reject(new UsageError('the executor was closed before this execution started'));
    queue.unshift(job);
    pump();
  }

  function settle(job: Job, r: FlowResult): boolean {
    if (job.settled) return false;
    job.settled = true;
    counts.executions++;
    job.resolve(r);
    return true;
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
    inflight++;
    try {
      return await promise;
    } finally {
      if (--inflight === 0) drained?.();
      entry.inflight--;
      if (entry.unloading && entry.inflight === 0) dropEntry(entry);
    }
  }

  function dropEntry(entry: Entry): void {
    entries.delete(entry.handle);
    registry.delete(entry.key);
    set.unloadEverywhere(entry.key);
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
    const loaded = await set.loadEverywhere(key);
    if (!loaded.ok || closed) registry.delete(key); // a failure was dropped from the workers already
    if (closed) {
      if (loaded.ok) set.unloadEverywhere(key);
      throw new UsageError('this executor was closed while loading');
    }
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    entry.state = 'ready';
    entries.set(handle, entry);
    return { ok: true, handle };
  }

  return {
    parsesEventJson: true,
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
      overloaded: counts.overloaded, executions: counts.executions, recycledFor: { ...set.reasons }, workerGc: gc.totals,
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
      if (inflight > 0) await new Promise<void>((resolve) => (drained = resolve));
      registry.clear();
      entries.clear();
      await set.close();
    },
  };
}
