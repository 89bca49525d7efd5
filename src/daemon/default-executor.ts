import { DEFAULT_EXECUTOR, type ExecutorKind } from './executor-kind.ts';
import { createInThreadExecutor, createWorkerPoolExecutor, type FlowExecutor, type WorkerPoolOptions } from '../runtime/index.ts';

/** Makes the executor a daemon runs flows on; the daemon owns it and closes it when it stops. */
export type ExecutorFactory = () => FlowExecutor;

export { DEFAULT_EXECUTOR, type ExecutorKind } from './executor-kind.ts';

/** The factory of an executor kind (pool options apply to `pool` only). */
export function executorFactory(kind: ExecutorKind = DEFAULT_EXECUTOR, pool: WorkerPoolOptions = {}): ExecutorFactory {
  return kind === 'pool' ? () => createWorkerPoolExecutor(pool) : () => createInThreadExecutor();
}

/** {@link DEFAULT_EXECUTOR} with default options. */
export const createDefaultExecutor: ExecutorFactory = executorFactory();
