import { randomUUID } from 'node:crypto';
import { createApiHandler, createFlowState, eventRevision, mergeCommands, redirectUrl, replayCommands, type FlowPrompt, type FlowRedirect, type FlowState } from './api/index.ts';
import { createContinuationToken, readContinuationToken } from './continuation.ts';
import type { Deployment, LoadedAction, LoadedFlow } from './deployment.ts';
import { EventJson } from './event-json.ts';
import { eventProblems } from './event-validation.ts';
import { createApiOp } from './sandbox/index.ts';
import type { ActionExecution, FlowError, FlowResult } from './types.ts';

export interface RunOptions {
  /** Idempotency key of the execution (the daemon's queue passes its own); random otherwise. */
  readonly executionId?: string;
  /** Clock for budgets and token times (tests). */
  readonly now?: () => number;
  /**
   * The event's JSON text, when the caller has it anyway (the daemon has the HTTP body): the worker
   * pool sends it to a worker as it is instead of serialising the event again. It must be the JSON
   * of `event`; the in-thread executor, which needs the object, ignores it.
   */
  readonly eventJson?: string;
}

/**
 * Runs a trigger's flow on an event: each action in order in its own sandbox, `api` calls recorded
 * and merged, `access.deny` / `validation.error` stopping the rest, `redirect.sendUserTo` suspending
 * the flow with a signed continuation state. Never throws for anything an action does.
 */
export async function runFlow(deployment: Deployment, trigger: string, event: unknown, options: RunOptions = {}): Promise<FlowResult> {
  const started = performance.now();
  const executionId = options.executionId ?? randomUUID();
  const flow = deployment.flows.get(trigger);
  const base = { executionId, trigger, manifest: deployment.digest };
  if (!flow) return { ...base, version: '', outcome: 'success', commands: undefined, actions: [], durationMs: 0 };
  const problems = eventProblems(flow.validateEvent, event);
  if (problems.length > 0) return { ...base, version: flow.trigger.version, outcome: 'rejected', problems, commands: undefined, actions: [], durationMs: elapsed(started) };
  const state = createFlowState(flow.trigger, stripSecrets(event as Record<string, unknown>));
  return execute(deployment, flow, state, 0, 'execute', undefined, { ...options, executionId }, started);
}

/**
 * Resumes a redirected flow: verifies the continuation state, replays the api calls made before the
 * redirect onto the fresh event, runs the same action's `onContinue…` handler and then the rest.
 */
export async function continueFlow(deployment: Deployment, trigger: string, stateToken: string, event: unknown, options: RunOptions = {}): Promise<FlowResult> {
  const started = performance.now();
  const flow = deployment.flows.get(trigger);
  const now = options.now ?? Date.now;
  const read = await readContinuationToken(stateToken, deployment.continuationSecret, now());
  const base = { executionId: read.ok ? read.value.executionId : options.executionId ?? randomUUID(), trigger, manifest: deployment.digest, version: flow?.trigger.version ?? '' };
  const reject = (message: string): FlowResult => ({ ...base, outcome: 'rejected', problems: [{ pointer: '/state', message }], commands: undefined, actions: [], durationMs: elapsed(started) });
  if (!read.ok) return reject(read.reason);
  const c = read.value;
  if (!flow || c.trigger !== trigger) return reject(`the continuation state belongs to the ${c.trigger} flow, not ${trigger}`);
  const action = flow.actions[c.index];
  if (!action || action.meta.name !== c.action || action.meta.bundle !== c.bundle) {
    return reject(`the ${trigger} flow changed since the redirect (action "${c.action}" is no longer at position ${c.index + 1} with the same bundle); the user must start again`);
  }
  if (!flow.trigger.handlers.continue || !action.meta.handlers.continue) return reject(`action "${c.action}" exports no ${flow.trigger.handlers.continue ?? 'continue handler'}`);
  const problems = eventProblems(flow.validateEvent, event);
  if (problems.length > 0) return { ...base, outcome: 'rejected', problems, commands: undefined, actions: [], durationMs: elapsed(started) };
  const state = createFlowState(flow.trigger, stripSecrets(event as Record<string, unknown>));
  replayCommands(state, c.commands);
  return execute(deployment, flow, state, c.index, 'continue', stateToken, { ...options, executionId: c.executionId }, started);
}

async function execute(
  deployment: Deployment, flow: LoadedFlow, state: FlowState, from: number, firstKind: 'execute' | 'continue',
  stateToken: string | undefined, options: RunOptions & { executionId: string }, started: number,
): Promise<FlowResult> {
  const now = options.now ?? Date.now;
  const budgetMs = deployment.manifest.settings.limits.flowTimeoutMs;
  const records: ActionExecution[] = [];
  let error: FlowError | undefined;
  let redirect: FlowResult['redirect'];
  let prompt: FlowResult['prompt'];
  // The event as JSON without secrets, re-serialised only after a command changed what later actions
  // see (metadata reflected into it); each action gets the sections it reads and its own secrets.
  let eventPieces = new EventJson(state.event);
  let serializedAt = eventRevision(state);
  for (let i = from; i < flow.actions.length; i++) {
    const action = flow.actions[i]!;
    if (state.stop || state.redirect || state.prompt || error) {
      records.push(skipped(action, flow, 'execute'));
      continue;
    }
    const kind = i === from ? firstKind : 'execute';
    const handler = kind === 'continue' ? flow.trigger.handlers.continue! : flow.trigger.handlers.execute;
    const left = budgetMs - elapsed(started);
    const t0 = now();
    if (left <= 0) {
      error = flowError(action, 'timeout', 'TimeoutError', `the ${flow.trigger.id} flow ran out of its ${budgetMs} ms budget before "${action.meta.name}"`);
      records.push({ ...skipped(action, flow, kind), status: 'error', error, startedAt: t0, endedAt: t0 });
      continue;
    }
    const acquired = action.pool.acquire();
    const lease = acquired instanceof Promise ? await acquired : acquired;
    if (!lease.ok) {
      error = { action: action.meta.name, kind: 'load', name: lease.error.name, message: action.redact(lease.error.message), stack: action.mapStack(lease.error.stack) };
      records.push({ ...skipped(action, flow, kind), status: 'error', error, startedAt: t0, endedAt: now() });
      continue;
    }
    const ctx = lease.context;
    const apiHandler = createApiHandler({
      state, action: action.meta.name, handler: kind, cache: flow.cache,
      redirect: { transactionState: stateToken, now, issuer: issuerOf(state.event), subject: stringAt(state.event, 'user', 'user_id'), ip: stringAt(state.event, 'request', 'ip') },
    });
    const budget = Math.min(action.meta.limits.timeoutMs, left);
    if (serializedAt !== eventRevision(state)) {
      eventPieces = new EventJson(state.event);
      serializedAt = eventRevision(state);
    }
    const invoked = ctx.invoke(handler, eventPieces.forAction(action.meta.eventReads, action.secretsJson), { ops: { api: createApiOp(apiHandler) }, api: kind === 'continue' ? flow.api.continue : flow.api.execute, cpuMs: budget, wallMs: budget });
    const r = invoked instanceof Promise ? await invoked : invoked;
    action.pool.release(ctx);
    const logs = r.logs.map((l) => ({ ...l, message: action.mapStack(l.message) }));
    let status: ActionExecution['status'] = 'success';
    // Read after the await: the action's api calls may have set these (TypeScript narrowed them before it).
    const suspended = (state.redirect ?? state.prompt) as FlowRedirect | FlowPrompt | undefined;
    if (!r.ok) {
      status = 'error';
      error = { action: action.meta.name, kind: r.kind, name: r.error.name, message: action.redact(r.error.message), stack: action.mapStack(r.error.stack) };
    } else if (state.stop) status = 'denied';
    else if (suspended) {
      status = 'redirect';
      const token = await createContinuationToken(
        { executionId: options.executionId, trigger: flow.trigger.id, version: flow.trigger.version, manifest: deployment.digest, action: action.meta.name, index: i, bundle: action.meta.bundle, commands: state.commands },
        deployment.continuationSecret, deployment.continuationTtlSeconds, now(),
      );
      if ('url' in suspended) redirect = { action: action.meta.name, url: redirectUrl(suspended, token), state: token };
      else prompt = { action: action.meta.name, id: suspended.promptId, fields: suspended.fields, vars: suspended.vars, state: token };
    }
    const t1 = now();
    records.push({ name: action.meta.name, bundle: action.meta.bundle, handler, status, startedAt: t0, endedAt: t1, durationMs: r.wallMs, cpuMs: r.cpuMs, logs, droppedLogs: r.droppedEntries, ...(status === 'error' ? { error } : {}) });
  }
  const outcome = error ? 'error' : state.stop ? 'denied' : redirect ? 'redirect' : prompt ? 'prompt' : 'success';
  const { action: stopAction, ...stopDetails } = state.stop ?? { action: '' };
  return {
    executionId: options.executionId, trigger: flow.trigger.id, version: flow.trigger.version, manifest: deployment.digest, outcome,
    commands: mergeCommands(state),
    ...(state.stop ? { denied: { action: stopAction, ...stopDetails } } : {}),
    ...(redirect ? { redirect } : {}),
    ...(prompt ? { prompt } : {}),
    ...(error ? { error } : {}),
    actions: records, durationMs: elapsed(started),
  };
}

function skipped(action: LoadedAction, flow: LoadedFlow, kind: 'execute' | 'continue'): ActionExecution {
  const handler = kind === 'continue' ? flow.trigger.handlers.continue! : flow.trigger.handlers.execute;
  return { name: action.meta.name, bundle: action.meta.bundle, handler, status: 'skipped', startedAt: 0, endedAt: 0, durationMs: 0, cpuMs: 0, logs: [], droppedLogs: 0 };
}

function flowError(action: LoadedAction, kind: FlowError['kind'], name: string, message: string): FlowError {
  return { action: action.meta.name, kind, name, message, stack: `${name}: ${message}` };
}

/** Drops caller-supplied secrets (each action gets only its own). Shallow: the flow state copies before changing anything. */
function stripSecrets(event: Record<string, unknown>): Record<string, unknown> {
  const { secrets: _ignored, ...rest } = event;
  return rest;
}

function issuerOf(event: Record<string, unknown>): string {
  return stringAt(event, 'tenant', 'id') ?? 'actuate';
}

function stringAt(event: Record<string, unknown>, a: string, b: string): string | undefined {
  const v = (event[a] as Record<string, unknown> | undefined)?.[b];
  return typeof v === 'string' ? v : undefined;
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 1000) / 1000;
}
