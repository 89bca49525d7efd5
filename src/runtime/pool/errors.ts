/**
 * Thrown by `run`/`continue` when every worker is busy and the queue is full. It is not a failure of
 * the flow (nothing ran), so it is not a FlowResult: the daemon answers 503 with `Retry-After` (or
 * 429 per caller). `code` is stable for matching across module copies.
 */
export class ExecutorOverloadedError extends Error {
  override readonly name = 'ExecutorOverloadedError';
  readonly code = 'E_OVERLOADED';
  /** Executions queued when this one was refused. */
  readonly queued: number;

  constructor(queued: number, workers: number) {
    super(`the executor is overloaded: ${queued} executions are already waiting for ${workers} busy workers; retry later`);
    this.queued = queued;
  }
}

/** True for {@link ExecutorOverloadedError}, also across duplicated module instances. */
export function isOverloaded(e: unknown): e is ExecutorOverloadedError {
  return e instanceof ExecutorOverloadedError || (e instanceof Error && (e as { code?: unknown }).code === 'E_OVERLOADED');
}
