import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { gcPauseKind, type ExecutorMetrics, type FlowResult } from '../../runtime/index.ts';
import type { ServedVersion } from '../deploy/deployments.ts';
import type { QueueDepth } from '../queue/types.ts';
import { MetricsRegistry, type Counter, type Histogram } from './registry.ts';

/** Where the scrape-time gauges come from. */
export interface MetricSources {
  readonly queueDepth: () => Promise<QueueDepth>;
  readonly executor: () => ExecutorMetrics;
  readonly served: () => ServedVersion | undefined;
  readonly syncInflight: () => number;
  readonly asyncRunning: () => number;
  readonly draining: () => number;
}

/** Seconds: from half a millisecond (a warm no-op action) to the 20 s flow budget. */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/** Seconds: a quick scavenge takes a few hundred µs; a pause of several ms shows in the p99 of requests. */
const GC_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The daemon's Prometheus series (`GET /metrics`): executions by trigger and outcome, flow and
 * action durations as histograms, action errors, requests refused and why, the async queue
 * (depth, retries, dead letters), deploys, executor pool usage and process memory. Labels are
 * trigger ids, action names and fixed enums, so cardinality is bounded by the manifest.
 */
export class DaemonMetrics {
  readonly registry = new MetricsRegistry();
  readonly executions: Counter;
  readonly flowSeconds: Histogram;
  readonly actionSeconds: Histogram;
  readonly actionErrors: Counter;
  readonly refused: Counter;
  readonly retries: Counter;
  readonly deadLetters: Counter;
  readonly deploys: Counter;
  readonly gcSeconds: Histogram;
  readonly #gc: PerformanceObserver;
  /**
   * Started by the first scrape: its 10 ms timer woke an idle daemon 100 times a second, for a
   * figure nobody read until something scrapes /metrics.
   */
  #loop: ReturnType<typeof monitorEventLoopDelay> | undefined;

  constructor(sources: MetricSources) {
    const r = this.registry;
    this.executions = r.counter('actuate_executions_total', 'Flow executions that ended, by trigger, mode and outcome (success, denied, redirect, prompt, error, rejected).');
    this.flowSeconds = r.histogram('actuate_execution_duration_seconds', 'Wall time of a flow execution, by trigger.', DURATION_BUCKETS);
    this.actionSeconds = r.histogram('actuate_action_duration_seconds', 'Wall time of one action in a flow, by trigger and action.', DURATION_BUCKETS);
    this.actionErrors = r.counter('actuate_action_errors_total', 'Actions that failed, by trigger, action and kind (error, timeout, memory, stack, crash, load, secrets).');
    this.refused = r.counter('actuate_requests_refused_total', 'Requests answered without running a flow, by reason (unauthorized, forbidden, invalid_event, bad_request, too_large, overloaded, queue_full, unavailable).');
    this.retries = r.counter('actuate_async_retries_total', 'Async executions scheduled for another attempt, by trigger.');
    this.deadLetters = r.counter('actuate_async_dead_letters_total', 'Async executions dead-lettered after their last attempt, by trigger.');
    this.deploys = r.counter('actuate_deploys_total', 'Deploy attempts, by reason (start, ref, admin, reload) and result (ok, failed).');
    r.sampled('actuate_queue_depth', 'Async jobs in the queue, by state (pending, running, dead).', async () => {
      const d = await sources.queueDepth();
      return [[{ state: 'pending' }, d.pending], [{ state: 'running' }, d.running], [{ state: 'dead' }, d.dead]];
    });
    r.sampled('actuate_inflight_executions', 'Executions running now, by mode.', () => [[{ mode: 'sync' }, sources.syncInflight()], [{ mode: 'async' }, sources.asyncRunning()]]);
    r.sampled('actuate_executor_busy', 'Executions the executor is running now.', () => [[{}, sources.executor().busy]]);
    r.sampled('actuate_executor_queued', 'Executions waiting for a free sandbox or worker.', () => [[{}, sources.executor().queued]]);
    r.sampled('actuate_executor_workers', 'Workers in the executor pool (0 for the in-thread executor).', () => [[{}, sources.executor().workers]]);
    r.sampled('actuate_executor_recycled_total', 'Workers or modules retired after a memory high-water mark or an execution count.', () => [[{}, sources.executor().recycled]], 'counter');
    r.sampled('actuate_executor_terminated_total', 'Workers terminated by the watchdog.', () => [[{}, sources.executor().terminated]], 'counter');
    // A paused worker delays the executions waiting in it; the main thread's pauses are nodejs_gc_duration_seconds.
    const workerGc = (pick: 'count' | 'seconds') => (): [Record<string, string>, number][] => {
      const gc = sources.executor().workerGc;
      return gc === undefined ? [] : [[{ kind: 'minor' }, gc.minor[pick]], [{ kind: 'major' }, gc.major[pick]]];
    };
    r.sampled('actuate_worker_gc_pauses_total', "Garbage-collection pauses of the pool's workers, by kind (minor; major with incremental steps).", workerGc('count'), 'counter');
    r.sampled('actuate_worker_gc_seconds_total', "Time the pool's workers spent paused for garbage collection, by kind.", workerGc('seconds'), 'counter');
    r.sampled('actuate_deployment_info', 'The version served: 1, labelled with its commit and manifest digest.', () => {
      const v = sources.served();
      return v ? [[{ commit: v.commit, manifest: v.handle.digest }, 1]] : [];
    });
    r.sampled('actuate_deployment_load_seconds', 'How long loading the served version took (verify and preload).', () => {
      const v = sources.served();
      return v ? [[{}, v.loadMs / 1000]] : [];
    });
    // Each pause of the main thread delays every request that arrives meanwhile: the series to read
    // beside a high p99 (Node's own GC entries; a few a second under load, nothing when idle).
    this.gcSeconds = r.histogram('nodejs_gc_duration_seconds', "Garbage-collection pauses of the daemon's main thread, by kind (minor, major, incremental, weakcb); pool workers collect on their own.", GC_BUCKETS);
    this.#gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.gcSeconds.observe({ kind: gcPauseKind(e) }, e.duration / 1000);
    });
    this.#gc.observe({ type: 'gc' });
    r.sampled('actuate_versions_draining', 'Replaced versions still finishing executions.', () => [[{}, sources.draining()]]);
    r.sampled('process_resident_memory_bytes', 'Resident set size of the daemon process.', () => [[{}, process.memoryUsage.rss()]]);
    r.sampled('nodejs_heap_used_bytes', 'V8 heap in use.', () => [[{}, process.memoryUsage().heapUsed]]);
    r.sampled('nodejs_eventloop_delay_p99_seconds', 'Event-loop delay, 99th percentile since the previous scrape (0 at the first one).', () => {
      if (this.#loop === undefined) {
        this.#loop = monitorEventLoopDelay({ resolution: 10 });
        this.#loop.enable();
        return [[{}, 0]];
      }
      const p99 = this.#loop.percentile(99) / 1e9;
      this.#loop.reset();
      return [[{}, Number.isFinite(p99) ? p99 : 0]];
    });
  }

  /** Counts an ended execution and observes its durations. */
  flow(result: FlowResult, mode: 'sync' | 'async'): void {
    this.executions.inc({ trigger: result.trigger, mode, outcome: result.outcome });
    if (result.outcome === 'rejected') return;
    this.flowSeconds.observe({ trigger: result.trigger }, result.durationMs / 1000);
    for (const a of result.actions) {
      if (a.status === 'skipped') continue;
      this.actionSeconds.observe({ trigger: result.trigger, action: a.name }, a.durationMs / 1000);
      if (a.error) this.actionErrors.inc({ trigger: result.trigger, action: a.name, kind: a.error.kind });
    }
  }

  render(): Promise<string> {
    return this.registry.render();
  }

  close(): void {
    this.#loop?.disable();
    this.#gc.disconnect();
  }
}
