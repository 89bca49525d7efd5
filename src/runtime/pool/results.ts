import type { Digest } from '../../core/index.ts';
import type { Manifest } from '../../manifest/index.ts';
import type { ActionExecution, FlowError, FlowResult } from '../types.ts';

/**
 * Flow results the pool makes itself, when the worker cannot answer (terminated by the watchdog,
 * crashed) or the request never reaches one (event too large), plus the size cap on results a
 * worker sends back. They have the same shape as `runFlow`'s, so callers handle one type.
 */

/** What the pool knows about an execution it has to answer for. */
export interface ExecutionInfo {
  readonly executionId: string;
  readonly trigger: string;
  readonly manifest: Manifest;
  readonly digest: Digest;
  readonly kind: 'execute' | 'continue';
  readonly startedAt: number;
}

/** Where the execution was when the worker died, from the shared progress buffer (0 = none). */
export interface Progress {
  readonly action: number;
  readonly first: number;
}

/**
 * The watchdog's answer: outcome `error`, `error.kind: 'timeout'`, naming the action that was running
 * (earlier actions of this execution completed, or the flow would not have reached it).
 */
export function watchdogResult(info: ExecutionInfo, progress: Progress, budgetMs: number, now: number): FlowResult {
  const message = (name: string) =>
    `the action${name ? ` "${name}"` : ''} overran the ${info.trigger} flow's ${budgetMs} ms budget inside a call the sandbox cannot interrupt; its worker was terminated`;
  return failure(info, progress, now, 'timeout', 'TimeoutError', message);
}

/** A worker that died without being asked (out of memory, a crash of the host code): `error.kind: 'crash'`. */
export function crashResult(info: ExecutionInfo, progress: Progress, detail: string, now: number): FlowResult {
  const message = (name: string) => `the worker running${name ? ` action "${name}"` : ' the flow'} died: ${detail}`;
  return failure(info, progress, now, 'crash', 'Error', message);
}

/** A request refused before it reached a worker (e.g. the event is too large). */
export function rejectedResult(info: Omit<ExecutionInfo, 'kind' | 'startedAt'>, pointer: string, message: string): FlowResult {
  return {
    executionId: info.executionId, trigger: info.trigger, version: info.manifest.flows[info.trigger]?.version ?? '', manifest: info.digest,
    outcome: 'rejected', problems: [{ pointer, message }], commands: undefined, actions: [], durationMs: 0,
  };
}

/**
 * Serialises a result for the trip back to the main thread, within `maxChars`. Console output is
 * already bounded per action by the sandbox; if a result is still too large, its logs are dropped
 * (counted in `droppedLogs`), and if even that is too large the result becomes an error.
 */
export function capResultSize(result: FlowResult, maxChars: number): string {
  const json = JSON.stringify(result);
  if (json.length <= maxChars) return json;
  const actions = result.actions.map((a) => ({ ...a, logs: [], droppedLogs: a.droppedLogs + a.logs.length }));
  const lean = JSON.stringify({ ...result, actions });
  if (lean.length <= maxChars) return lean;
  const message = `the flow result is too large: ${json.length} characters (the limit is ${maxChars}), ${lean.length} without console output`;
  const error: FlowError = { action: result.error?.action ?? '', kind: 'error', name: 'RangeError', message, stack: `RangeError: ${message}` };
  const bare: FlowResult = {
    executionId: result.executionId, trigger: result.trigger, version: result.version, manifest: result.manifest,
    outcome: 'error', commands: undefined, error, actions: [], durationMs: result.durationMs,
  };
  return JSON.stringify(bare);
}

function failure(
  info: ExecutionInfo, progress: Progress, now: number, kind: FlowError['kind'], name: string, message: (action: string) => string,
): FlowResult {
  const flow = info.manifest.flows[info.trigger];
  const actions = flow?.actions ?? [];
  const current = progress.action - 1;
  const first = progress.first > 0 ? progress.first - 1 : current;
  const culprit = actions[current];
  const error: FlowError = { action: culprit?.name ?? '', kind, name, message: message(culprit?.name ?? ''), stack: `${name}: ${message(culprit?.name ?? '')}` };
  const records: ActionExecution[] = [];
  if (culprit !== undefined) {
    actions.forEach((a, i) => {
      if (i < first) return;
      const handler = i === first && info.kind === 'continue' ? (a.handlers.continue ?? '') : a.handlers.execute;
      const base = { name: a.name, bundle: a.bundle, handler, cpuMs: 0, logs: [], droppedLogs: 0 };
      // Earlier actions of this execution finished (a failure, deny or redirect stops the flow before the next one).
      if (i < current) records.push({ ...base, status: 'success', startedAt: info.startedAt, endedAt: info.startedAt, durationMs: 0 });
      else if (i === current) records.push({ ...base, status: 'error', startedAt: info.startedAt, endedAt: now, durationMs: now - info.startedAt, error });
      else records.push({ ...base, status: 'skipped', startedAt: 0, endedAt: 0, durationMs: 0 });
    });
  }
  return {
    executionId: info.executionId, trigger: info.trigger, version: flow?.version ?? '', manifest: info.digest,
    outcome: 'error', commands: undefined, error, actions: records, durationMs: now - info.startedAt,
  };
}
