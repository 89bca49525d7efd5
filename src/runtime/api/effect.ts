import type { ApiMethod } from '../../triggers/types.ts';
import type { ApiHandlerOptions, FlowState, FlowStop } from './types.ts';
import { isRecord } from './values.ts';

/**
 * The contract between the api handler and the per-method effects (effects-*.ts): what a method
 * does beyond its schema check. The handler checks the envelope, the call budget, `onlyIn` and the
 * arguments; then runs the effect (extra checks, stop/suspension, a return value); then, for
 * commands, records the call and reflects it into the event (flow-state.ts).
 */

/** Per-invocation counters an effect may need. */
export interface InvocationCounters {
  cacheWrites: number;
}

export interface EffectContext {
  readonly state: FlowState;
  readonly options: ApiHandlerOptions;
  /** `api.<namespace>.<method>`, the prefix of every message. */
  readonly label: string;
  readonly namespace: string;
  readonly method: ApiMethod;
  readonly invocation: InvocationCounters;
}

export interface MethodEffect {
  /**
   * Whether an accepted call is recorded in `state.commands` (and merged). False for queries, which
   * change nothing the identity server applies.
   */
  readonly command: boolean;
  /**
   * Checks beyond the schema and immediate effects. Must throw (see {@link fail}) before changing
   * anything. The return value is the guest's result for `value` methods (ignored otherwise).
   */
  readonly run?: (ctx: EffectContext, args: readonly unknown[]) => unknown;
}

/** A recorded command with no extra checks. */
export const RECORD: MethodEffect = { command: true };

/** Rejects the call: the action gets a `TypeError` with this message, prefixed with the method. */
export function fail(ctx: EffectContext, message: string): never {
  throw new TypeError(`${ctx.label}: ${message}`);
}

/** Sets the flow's stop unless an earlier call already did (the first stop wins). */
export function stopFlow(ctx: EffectContext, stop: FlowStop): void {
  ctx.state.stop ??= stop;
}

/** The method's arguments by parameter name, leaving out absent optional ones. */
export function namedArgs(ctx: EffectContext, args: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ctx.method.params.forEach((p, i) => {
    if (args[i] !== undefined) out[p.name] = args[i];
  });
  return out;
}

/** Protocols through which Auth0 cannot redirect the browser (no browser is involved). */
const NON_INTERACTIVE_PROTOCOLS = new Set([
  'oauth2-resource-owner',
  'oauth2-resource-owner-jwt-bearer',
  'oauth2-password',
  'oauth2-refresh-token',
]);

/**
 * Whether this transaction can suspend for a redirect or a prompt: not for resource-owner and
 * refresh-token grants, nor with `prompt=none` (reference §2.1, `canRedirect`). Triggers whose
 * transaction has no protocol (password reset) always can.
 */
export function canRedirect(state: FlowState): boolean {
  const transaction = state.event['transaction'];
  if (!isRecord(transaction)) return true;
  const protocol = transaction['protocol'];
  if (typeof protocol === 'string' && NON_INTERACTIVE_PROTOCOLS.has(protocol)) return false;
  const prompt = transaction['prompt'];
  return !(Array.isArray(prompt) && prompt.includes('none'));
}

/** Why {@link canRedirect} said no, for the stop's reason. */
export function whyNoRedirect(state: FlowState): string {
  const transaction = state.event['transaction'] as Record<string, unknown>;
  const protocol = transaction['protocol'];
  return typeof protocol === 'string' && NON_INTERACTIVE_PROTOCOLS.has(protocol)
    ? `the ${protocol} protocol cannot redirect the user`
    : 'the request used prompt=none, so the user cannot be redirected';
}
