import type { ExecutorMetrics, FlowExecutor } from '../executor.ts';
import type { WorkerStats } from './protocol.ts';
import type { RecycleReasons } from './worker-set.ts';

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
