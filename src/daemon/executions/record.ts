import type { ActionExecution, FlowOutcome, FlowResult } from '../../runtime/index.ts';

/**
 * Where an execution stands. `queued`/`running`/`retrying`/`dead` are the async queue's states;
 * `suspended` is a flow waiting for the user after a redirect or prompt (Auth0's status of the
 * same name); `final` is any execution that ended (its `outcome` says how).
 */
export type ExecutionStatus = 'queued' | 'running' | 'retrying' | 'suspended' | 'final' | 'dead';

/** One action's part of an execution: Auth0's `results[]` of `GET /actions/executions/{id}`, with the console excerpt. */
export interface ActionRecord {
  readonly action: string;
  readonly bundle: string;
  readonly handler: string;
  readonly status: ActionExecution['status'];
  /** ISO times; null for an action that was skipped. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationMs: number;
  readonly cpuMs: number;
  readonly error?: { readonly kind: string; readonly name: string; readonly message: string; readonly stack: string };
  /** `console.*` output (secrets already redacted), one `[level] message` line each, cut at the excerpt limit. */
  readonly console: string;
  /** Entries or characters left out of `console` (the sandbox cap, then the excerpt limit). */
  readonly consoleTruncated: boolean;
}

/** What `GET /v1/executions/{id}` returns and what `GET /v1/executions?follow=1` streams. */
export interface ExecutionRecord {
  readonly id: string;
  readonly trigger: string;
  readonly version: string;
  readonly mode: 'sync' | 'async';
  readonly status: ExecutionStatus;
  readonly outcome?: FlowOutcome;
  /** The commit and manifest the last run of it used. */
  readonly commit?: string;
  readonly manifest?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Wall time of the flow (of every run of it, summed over a redirect). */
  readonly durationMs?: number;
  /** Async executions: attempts made, and when the next one is due while retrying. */
  readonly attempts?: number;
  readonly nextAttemptAt?: string;
  readonly error?: { readonly action: string; readonly kind: string; readonly name: string; readonly message: string };
  readonly denied?: Readonly<Record<string, unknown>>;
  readonly suspendedBy?: { readonly action: string; readonly kind: 'redirect' | 'prompt' };
  readonly problems?: FlowResult['problems'];
  readonly results: readonly ActionRecord[];
  /** Position in the log; grows with every change of any record, so a follower can resume after it. */
  readonly seq?: number;
}

/** Limits that shape records; Auth0 keeps 256 characters of console output per action, which users find too little. */
export interface RecordLimits {
  readonly consoleExcerptChars: number;
}

/**
 * The record of a flow run (or of its resumption: `previous` is the suspended record, whose results
 * the resumed actions are appended to).
 */
export function recordFromResult(
  result: FlowResult,
  ctx: { readonly mode: 'sync' | 'async'; readonly commit: string | undefined; readonly now: number; readonly previous?: ExecutionRecord | undefined; readonly status?: ExecutionStatus; readonly attempts?: number; readonly nextAttemptAt?: number },
  limits: RecordLimits,
): ExecutionRecord {
  const prev = ctx.previous;
  const results = result.actions.map((a) => actionRecord(a, limits));
  // A resumption re-runs the redirecting action's onContinue… first: keep the first part as it was.
  const merged = prev ? [...prev.results.filter((r) => r.status !== 'skipped'), ...results] : results;
  const suspended = result.redirect ?? result.prompt;
  const status = ctx.status ?? (suspended ? 'suspended' : 'final');
  const iso = new Date(ctx.now).toISOString();
  return {
    id: result.executionId,
    trigger: result.trigger,
    version: result.version,
    mode: ctx.mode,
    status,
    outcome: result.outcome,
    ...(ctx.commit ? { commit: ctx.commit } : {}),
    manifest: result.manifest,
    createdAt: prev?.createdAt ?? iso,
    updatedAt: iso,
    durationMs: round((prev?.durationMs ?? 0) + result.durationMs),
    ...(ctx.attempts !== undefined ? { attempts: ctx.attempts } : {}),
    ...(ctx.nextAttemptAt !== undefined ? { nextAttemptAt: new Date(ctx.nextAttemptAt).toISOString() } : {}),
    ...(result.error ? { error: { action: result.error.action, kind: result.error.kind, name: result.error.name, message: result.error.message } } : {}),
    ...(result.denied ? { denied: result.denied } : {}),
    ...(suspended ? { suspendedBy: { action: suspended.action, kind: result.redirect ? 'redirect' : 'prompt' } } : {}),
    ...(result.problems ? { problems: result.problems } : {}),
    results: merged,
  } as ExecutionRecord;
}

/** The record of an async event accepted into the queue, before any attempt. */
export function queuedRecord(id: string, trigger: string, version: string, now: number): ExecutionRecord {
  const iso = new Date(now).toISOString();
  return { id, trigger, version, mode: 'async', status: 'queued', createdAt: iso, updatedAt: iso, attempts: 0, results: [] };
}

/** A copy of a record in a new state (queue transitions that have no flow result, e.g. claimed, or failed with an exception). */
export function withStatus(record: ExecutionRecord, status: ExecutionStatus, now: number, extra: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return { ...record, ...extra, status, updatedAt: new Date(now).toISOString() };
}

function actionRecord(a: ActionExecution, limits: RecordLimits): ActionRecord {
  const lines = a.logs.map((l) => `[${l.level}] ${l.message}`).join('\n');
  const cut = lines.length > limits.consoleExcerptChars;
  return {
    action: a.name,
    bundle: a.bundle,
    handler: a.handler,
    status: a.status,
    startedAt: a.startedAt ? new Date(a.startedAt).toISOString() : null,
    endedAt: a.endedAt ? new Date(a.endedAt).toISOString() : null,
    durationMs: round(a.durationMs),
    cpuMs: round(a.cpuMs),
    ...(a.error ? { error: { kind: a.error.kind, name: a.error.name, message: a.error.message, stack: a.error.stack } } : {}),
    console: cut ? lines.slice(0, limits.consoleExcerptChars) : lines,
    consoleTruncated: cut || a.droppedLogs > 0,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
