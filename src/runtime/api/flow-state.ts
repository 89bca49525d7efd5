import type { TriggerDefinition } from '../../triggers/types.ts';
import type { FlowState, RecordedCommand } from './types.ts';
import { defineOwn, isRecord } from './values.ts';

/**
 * Creating a flow's state, reflecting api effects into the event later actions see, and replaying
 * the commands of a suspended flow onto the fresh event of its resumption.
 */

/**
 * Starts the state of one flow execution. The caller's event is never changed: a command that
 * reflects into it copies, shallowly, only the objects on the path it changes (most flows reflect
 * nothing, and a deep copy of a 3 KB event was a noticeable share of a warm flow).
 */
export function createFlowState(trigger: TriggerDefinition, event: Record<string, unknown>): FlowState {
  return { trigger, event, commands: [] };
}

/**
 * Restores the commands recorded before a redirect into a resumed flow's state (same action, same
 * handler, same arguments, in order) and re-applies what they showed in the event: metadata set
 * before the redirect is visible again on the new `event.request`'s event, and `mergeCommands`
 * reports it. Nothing is re-checked (the commands were accepted once) and no stop or suspension is
 * set again: a flow that stopped never suspends, and the suspension is what is being resumed.
 */
export function replayCommands(state: FlowState, commands: readonly RecordedCommand[]): void {
  for (const cmd of commands) {
    state.commands.push(cmd);
    reflectCommand(state, cmd);
  }
}

/**
 * Applies the part of a command that Auth0 shows to later actions at once (reference §2.0, §2.1,
 * §2.2): user metadata, transaction metadata, session and refresh-token metadata, target scopes.
 * Idempotent for a given command, so replaying onto an event that already shows it is harmless.
 */
export function reflectCommand(state: FlowState, cmd: RecordedCommand): void {
  const [a, b] = cmd.args;
  const key = `${cmd.namespace}.${cmd.method}`;
  if (!REFLECTED.has(key)) return;
  const owned = (state.owned ??= new Set<object>());
  const event = ownedEvent(state, owned);
  const ensure = (parent: Record<string, unknown>, k: string) => ensureObject(owned, parent, k);
  state.revision = eventRevision(state) + 1;
  switch (key) {
    case 'user.setAppMetadata':
      setOrDelete(ensure(ensure(event, 'user'), 'app_metadata'), a as string, b);
      return;
    case 'user.setUserMetadata':
      setOrDelete(ensure(ensure(event, 'user'), 'user_metadata'), a as string, b);
      return;
    case 'transaction.setMetadata':
      setOrDelete(ensure(ensure(event, 'transaction'), 'metadata'), a as string, b);
      return;
    case 'session.setMetadata':
    case 'refreshToken.setMetadata':
    case 'session.deleteMetadata':
    case 'refreshToken.deleteMetadata':
    case 'session.evictMetadata':
    case 'refreshToken.evictMetadata':
      reflectEntityMetadata(owned, event, cmd);
      return;
    case 'transaction.addTargetScope':
    case 'transaction.removeTargetScope':
    case 'transaction.setTargetScopes':
    case 'transaction.clearTargetScopes':
      reflectTargetScopes(owned, event, cmd.method, a);
      return;
    default:
      return;
  }
}

/** Whether commands of `namespace.method` change what later actions see in the event. */
export function isReflected(key: string): boolean {
  return REFLECTED.has(key);
}

/** Counts the changes reflected into `state.event`, so a serialised copy can be reused until the next one. */
export function eventRevision(state: FlowState): number {
  return state.revision ?? 0;
}

// --- internal ---

const REFLECTED = new Set([
  'user.setAppMetadata', 'user.setUserMetadata', 'transaction.setMetadata',
  'session.setMetadata', 'refreshToken.setMetadata', 'session.deleteMetadata', 'refreshToken.deleteMetadata',
  'session.evictMetadata', 'refreshToken.evictMetadata',
  'transaction.addTargetScope', 'transaction.removeTargetScope', 'transaction.setTargetScopes', 'transaction.clearTargetScopes',
]);

/**
 * `state.event` as an object of this flow's own (`owned`: the objects of the event this module
 * created, and may therefore change). Everything else is shared with the caller's event and is
 * copied, shallowly, along the path of a change: reflecting `user.app_metadata.plan` copies the
 * root, `user` and `app_metadata`, and nothing else.
 */
function ownedEvent(state: FlowState, owned: Set<object>): Record<string, unknown> {
  if (!owned.has(state.event)) {
    state.event = { ...state.event };
    owned.add(state.event);
  }
  return state.event;
}

/** `event.session.metadata` / `event.refresh_token.metadata`, when the event has that entity. */
function reflectEntityMetadata(owned: Set<object>, event: Record<string, unknown>, cmd: RecordedCommand): void {
  const entity = cmd.namespace === 'session' ? 'session' : 'refresh_token';
  if (!isRecord(event[entity])) return;
  const owner = ensureObject(owned, event, entity);
  if (cmd.method === 'evictMetadata') {
    owner['metadata'] = {};
    return;
  }
  const metadata = ensureObject(owned, owner, 'metadata');
  const [key, value] = cmd.args as [string, unknown];
  setOrDelete(metadata, key, cmd.method === 'deleteMetadata' ? null : value);
}

/**
 * credentials-exchange `event.transaction.target_scopes`: the live set, starting from the event's
 * value (Auth0 fills it from the client grant) or, when absent, from the token's scopes.
 */
function reflectTargetScopes(owned: Set<object>, event: Record<string, unknown>, method: string, arg: unknown): void {
  const transaction = ensureObject(owned, event, 'transaction');
  const current = Array.isArray(transaction['target_scopes'])
    ? (transaction['target_scopes'] as string[])
    : isRecord(event['accessToken']) && Array.isArray(event['accessToken']['scope'])
      ? [...(event['accessToken']['scope'] as string[])]
      : [];
  let next: string[];
  if (method === 'addTargetScope') next = current.includes(arg as string) ? current : [...current, arg as string];
  else if (method === 'removeTargetScope') next = current.filter((s) => s !== arg);
  else if (method === 'setTargetScopes') next = [...new Set(arg as string[])];
  else next = [];
  transaction['target_scopes'] = next;
}

/** `parent[key]` as an object this flow owns: a shallow copy of the caller's, or a new one. `parent` must be owned. */
function ensureObject(owned: Set<object>, parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = parent[key];
  if (isRecord(v) && owned.has(v)) return v;
  const copy: Record<string, unknown> = isRecord(v) ? { ...v } : {};
  owned.add(copy);
  defineOwn(parent, key, copy);
  return copy;
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === null || value === undefined) delete target[key];
  // Objects are copied so the event never shares structure with the recorded command.
  else defineOwn(target, key, typeof value === 'object' ? structuredClone(value) : value);
}
