import { InternalError } from '../../core/index.ts';
import type { ApiMethod, TriggerDefinition } from '../../triggers/types.ts';
import { triggerKey } from '../../triggers/types.ts';
import { compileArgsChecker } from './check-args.ts';
import type { ArgsChecker } from './check-args.ts';
import type { EffectContext, InvocationCounters, MethodEffect } from './effect.ts';
import { CORE_EFFECTS } from './effects-core.ts';
import { ENTERPRISE_EFFECTS } from './effects-enterprise.ts';
import { QUERY_EFFECTS } from './effects-query.ts';
import { REDIRECT_EFFECTS } from './effects-redirect.ts';
import { isReflected, reflectCommand } from './flow-state.ts';
import { API_LIMITS } from './limits.ts';
import type { ApiCallInput, ApiHandlerOptions, RecordedCommand } from './types.ts';

/**
 * Every method effect, keyed `namespace.method`. A trigger definition may only use methods listed
 * here: compiling a trigger's api fails loudly otherwise, and a test walks every seed trigger.
 */
export const METHOD_EFFECTS: Readonly<Record<string, MethodEffect>> = {
  ...CORE_EFFECTS,
  ...ENTERPRISE_EFFECTS,
  ...REDIRECT_EFFECTS,
  ...QUERY_EFFECTS,
};

/**
 * The host side of one action invocation's `api` (hand it to the sandbox's `createApiOp`). For each
 * call it: counts it against the per-invocation budget; rejects methods the trigger does not have
 * and methods not allowed in this handler (`onlyIn`, e.g. `recordMethod` outside onContinue);
 * checks the arguments against the definition's schemas; runs the method's effect (extra checks,
 * stop or suspension, the return value of queries); and records commands in `state.commands`,
 * reflecting into `state.event` what later actions see at once. Bad calls throw a `TypeError` naming
 * the method and the parameter, which the action receives as a `TypeError` with the same message;
 * a rejected call records nothing.
 */
export function createApiHandler(options: ApiHandlerOptions): (call: ApiCallInput) => unknown {
  const { state } = options;
  const methods = compiledApi(state.trigger);
  const max = options.maxCalls ?? API_LIMITS.maxCallsPerInvocation;
  const invocation: InvocationCounters = { cacheWrites: 0 };
  let calls = 0;
  return (call) => {
    const key = `${call.namespace}.${call.method}`;
    const entry = methods.get(key);
    if (++calls > max) throw new TypeError(`api.${key}: too many api calls in one run of action "${options.action}" (the limit is ${max})`);
    if (entry === undefined) throw new TypeError(`api.${key} is not part of the ${triggerKey(state.trigger)} api`);
    const { method, check, effect, label } = entry;
    if (method.onlyIn !== undefined && !method.onlyIn.includes(options.handler)) {
      const allowed = method.onlyIn.map((h) => state.trigger.handlers[h] ?? h).join(' or ');
      throw new TypeError(`${label} can only be called from ${allowed}`);
    }
    const args = check(call.args);
    const ctx: EffectContext = { state, options, label, namespace: call.namespace, method, invocation };
    const result = effect.run?.(ctx, args);
    if (effect.command) {
      const cmd: RecordedCommand = { action: options.action, handler: options.handler, namespace: call.namespace, method: call.method, args: trimTrailingUndefined(args) };
      state.commands.push(cmd);
      if (entry.reflected) reflectCommand(state, cmd);
    }
    return method.returns.kind === 'value' ? result : undefined;
  };
}

// --- internal ---

interface CompiledMethod {
  readonly method: ApiMethod;
  readonly check: ArgsChecker;
  readonly effect: MethodEffect;
  /** `api.<namespace>.<method>`, for messages. */
  readonly label: string;
  /** Whether its commands change the event later actions see (see reflectCommand). */
  readonly reflected: boolean;
}

const compiled = new WeakMap<TriggerDefinition, ReadonlyMap<string, CompiledMethod>>();

/** Checkers and effects of a trigger's methods, built once per definition. */
function compiledApi(def: TriggerDefinition): ReadonlyMap<string, CompiledMethod> {
  let methods = compiled.get(def);
  if (methods !== undefined) return methods;
  const map = new Map<string, CompiledMethod>();
  const missing: string[] = [];
  for (const ns of def.api) {
    for (const method of ns.methods) {
      const key = `${ns.name}.${method.name}`;
      const effect = Object.hasOwn(METHOD_EFFECTS, key) ? METHOD_EFFECTS[key] : undefined;
      if (effect === undefined) missing.push(key);
      else map.set(key, { method, check: compileArgsChecker(`api.${key}`, method), effect, label: `api.${key}`, reflected: isReflected(key) });
    }
  }
  if (missing.length > 0) {
    throw new InternalError(`${triggerKey(def)} defines api methods with no host implementation: ${missing.join(', ')} (add them to src/runtime/api)`);
  }
  methods = map;
  compiled.set(def, methods);
  return methods;
}

function trimTrailingUndefined(args: readonly unknown[]): unknown[] {
  // Arguments that crossed as JSON hold no undefined (it became null): the common case copies nothing.
  if (!args.includes(undefined)) return args as unknown[];
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end).map((a) => (a === undefined ? null : a));
}
