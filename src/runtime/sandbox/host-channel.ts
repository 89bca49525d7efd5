import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten';
import type { Execution, PendingCall } from './execution.ts';
import { newFastHostFunction, newStringFast } from './quickjs-internals.ts';
import type { HostFetch } from './host-fetch.ts';
import type { SandboxLimits } from './limits.ts';
import { SYSTEM_OPS } from './system-ops.ts';
import type { HostCallInfo } from './types.ts';

/** What the channel needs from its context. */
export interface ChannelDeps {
  readonly ctx: QuickJSContext;
  readonly limits: SandboxLimits;
  readonly fetch: HostFetch;
  /** The run the guest is in right now (a load or an invocation). */
  current(): Execution | undefined;
}

/** The two host functions; handed to the prelude as arguments, never put on `globalThis`. */
export interface HostFunctions {
  readonly sync: QuickJSHandle;
  readonly async: QuickJSHandle;
}

/**
 * Creates the guest→host channel: `hostSync(op, argsJson)` and `hostAsync(op, argsJson, callId)`.
 * Both reject unknown ops and oversized arguments before doing any work, parse the arguments once,
 * and send results back as one JSON string (capped). Async results settle a QuickJS promise
 * capability created per call; the owning {@link Execution} disposes the ones still pending when
 * the run ends, and the pump loop is woken on every settlement.
 */
export function createHostFunctions(deps: ChannelDeps): HostFunctions {
  const { ctx, limits } = deps;
  const neverAborted = new AbortController().signal;

  // Only the prelude calls these functions (they are closure-captured there), so the wire format is
  // fixed: two strings, `''` meaning "no arguments". getString coerces anything else to a string,
  // which then fails the op lookup or JSON parsing: no type probing on the hot path.
  const begin = (op: string | undefined, json: string | undefined) => {
    const exec = deps.current();
    if (exec === undefined || exec.closed) throw new Error('the sandbox is not running guest code');
    if (op === undefined || json === undefined) throw new TypeError('host calls take an operation name and a JSON string');
    const target = resolveOp(exec, op);
    let args: unknown;
    if (json !== '') {
      if (json.length > limits.maxHostArgChars) {
        throw new RangeError(`arguments to host operation "${op}" are too large (${json.length} characters; the limit is ${limits.maxHostArgChars})`);
      }
      try {
        args = JSON.parse(json);
      } catch {
        throw new TypeError(`arguments to host operation "${op}" are not valid JSON`);
      }
    }
    return { exec, op, target, args };
  };
  const str = (h: QuickJSHandle | undefined) => (h === undefined ? undefined : ctx.getString(h));

  const encode = (op: string, value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    const json = JSON.stringify(value);
    if (json === undefined) return undefined;
    // Guest chunk sources are the sandbox's own code, not data the action asked for.
    if (json.length > limits.maxHostResultChars && op !== 'sys.chunk') {
      throw new RangeError(`the result of host operation "${op}" is too large (${json.length} characters; the limit is ${limits.maxHostResultChars})`);
    }
    return json;
  };

  const callSync = (opName: string | undefined, json: string | undefined): string | undefined => {
    const { exec, op, target, args } = begin(opName, json);
    const result = target(args, { op, async: false, signal: neverAborted }, exec);
    if (isThenable(result)) {
      result.then(undefined, () => {});
      throw new TypeError(`host operation "${op}" is asynchronous and cannot be called synchronously`);
    }
    return encode(op, result);
  };
  const sync = newFastHostFunction(
    ctx, 'hostSync',
    (opH, argsH) => {
      const json = callSync(str(opH), str(argsH));
      return json === undefined ? undefined : newStringFast(ctx, json);
    },
    (a) => callSync(a.string(0), a.string(1)),
  );

  const settle = (exec: Execution, id: number, entry: PendingCall, outcome: { value: unknown } | { error: unknown }) => {
    if (exec.closed || exec.pending.get(id) !== entry) return; // cancelled, or the run is over
    exec.pending.delete(id);
    try {
      if ('value' in outcome) {
        let json: string | undefined;
        try {
          json = encode(entry.op, outcome.value);
        } catch (e) {
          reject(ctx, entry.deferred, e);
          return;
        }
        if (json === undefined) entry.deferred.resolve();
        else {
          const h = newStringFast(ctx, json);
          entry.deferred.resolve(h);
          h.dispose();
        }
      } else reject(ctx, entry.deferred, outcome.error);
    } catch (e) {
      exec.crash ??= e;
    } finally {
      exec.notify();
    }
  };

  const callAsync = (opName: string | undefined, json: string | undefined, id: number): QuickJSHandle => {
    const { exec, op, target, args } = begin(opName, json);
    if (!Number.isSafeInteger(id) || id <= 0 || exec.pending.has(id)) throw new TypeError(`host call id must be a fresh positive integer`);
    if (exec.pending.size >= limits.maxPendingHostCalls) {
      throw new RangeError(`too many host calls pending at once (the limit is ${limits.maxPendingHostCalls})`);
    }
    const abort = new AbortController();
    const entry: PendingCall = { op, deferred: ctx.newPromise(), abort };
    exec.pending.set(id, entry);
    let promise: Promise<unknown>;
    try {
      promise = Promise.resolve(target(args, { op, async: true, signal: abort.signal }, exec));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (value) => settle(exec, id, entry, { value }),
      (error: unknown) => settle(exec, id, entry, { error }),
    );
    return entry.deferred.handle;
  };
  const async = newFastHostFunction(
    ctx, 'hostAsync',
    (opH, argsH, idH) => callAsync(str(opH), str(argsH), idH === undefined ? NaN : ctx.getNumber(idH)),
    (a) => ({ handle: callAsync(a.string(0), a.string(1), a.number(2)) }),
  );

  return { sync, async };

  function resolveOp(exec: Execution, op: string): (args: unknown, info: HostCallInfo, exec: Execution) => unknown {
    if (op.startsWith('sys.')) {
      const sys = Object.hasOwn(SYSTEM_OPS, op) ? SYSTEM_OPS[op] : undefined;
      if (sys !== undefined) return (args, info, e) => sys(args, { exec: e, info, fetch: deps.fetch });
    } else {
      const user = Object.hasOwn(exec.ops, op) ? exec.ops[op] : undefined;
      if (user !== undefined) return user;
    }
    throw new TypeError(`unknown host operation "${op}"`);
  }
}

// --- internal ---

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** Rejects with a guest error carrying the host error's name and message (the guest rebuilds its class). */
function reject(ctx: QuickJSContext, deferred: QuickJSDeferredPromise, error: unknown): void {
  const name = error instanceof Error || (error !== null && typeof error === 'object' && 'name' in error) ? String((error as { name: unknown }).name) : 'Error';
  const message = error instanceof Error ? error.message : error !== null && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  const h = ctx.newError({ name, message });
  deferred.reject(h);
  h.dispose();
}
