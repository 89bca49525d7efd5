import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';

/**
 * The two hot paths across the QuickJS boundary, done without quickjs-emscripten's generic machinery.
 *
 * 1. Strings in: `ctx.newString` measures and copies with emscripten's `lengthBytesUTF8` and
 *    `stringToUTF8`, character-by-character loops in JavaScript: about 30 µs for a 3 KB event on
 *    this machine, against 0.5 µs for `TextEncoder.encodeInto` straight into the WASM heap.
 * 2. Host calls: every guest→host call goes through a generator-based scope that wraps `this` and
 *    each argument in a lifetime object and re-dispatches through `maybeAsync`; about 6 of the 10 µs
 *    an `api.*` call costs. {@link enableFastHostFunctions} lets a host function opt into a direct
 *    path that reads its string arguments from the heap and hands back an owned value pointer.
 *
 * Both reach into the context's internals (`ffi`, `memory`, `module`, the context pointer and its
 * C→host callback table), which is why the dependency is pinned to an exact version. The shape is
 * checked once per context; when it does not match, everything takes the library's own path, which
 * gives the same results. Strings that are not well-formed UTF-16 or contain NUL also take the
 * library path, so `newStringFast(ctx, s)` is always exactly what `ctx.newString(s)` gives.
 */
export function newStringFast(ctx: QuickJSContext, value: string): QuickJSHandle {
  const internals = internalsOf(ctx);
  if (internals === undefined || !fastEligible(value)) return ctx.newString(value);
  return internals.memory.heapValueHandle(newStringPointer(internals, value));
}

/**
 * `ctx.callFunction(fn, ctx.undefined, ...args)` without the library's per-call typed arrays and
 * lifetime wrappers (about a microsecond of a warm invocation). Same result shape: `{ value }` or
 * `{ error }`, each a handle the caller disposes.
 */
export function callFunctionFast(ctx: QuickJSContext, fn: QuickJSHandle, args: readonly QuickJSHandle[]): { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined } {
  const internals = internalsOf(ctx);
  if (internals === undefined) {
    const r = ctx.callFunction(fn, ctx.undefined, ...args);
    return r.error ? { error: r.error } : { value: r.value };
  }
  const { module, ffi, memory } = internals;
  const c = internals.ctx.value;
  const argv = module._malloc(Math.max(4, args.length * 4));
  if (argv === 0) throw new RangeError('out of WASM memory while calling into the sandbox');
  let result: number;
  try {
    const heap = module.HEAPU8;
    args.forEach((a, i) => {
      const p = a.value as unknown as number;
      const at = argv + i * 4;
      heap[at] = p & 0xff;
      heap[at + 1] = (p >>> 8) & 0xff;
      heap[at + 2] = (p >>> 16) & 0xff;
      heap[at + 3] = (p >>> 24) & 0xff;
    });
    result = ffi.QTS_Call(c, fn.value as unknown as number, ctx.undefined.value as unknown as number, args.length, argv);
  } finally {
    module._free(argv);
  }
  const error = ffi.QTS_ResolveException(c, result);
  if (error !== 0) {
    ffi.QTS_FreeValuePointer(c, result);
    return { error: memory.heapValueHandle(error) };
  }
  return { value: memory.heapValueHandle(result) };
}

/** Whether `ctx` has the internals the fast paths need (false: every call uses the library's path). */
export function fastPathsSupported(ctx: QuickJSContext): boolean {
  return internalsOf(ctx) !== undefined;
}

/** What a fast host function gets: its arguments, read on demand from the guest's stack. */
export interface FastHostArgs {
  readonly count: number;
  /** Argument `i` as a string (ToString in the guest), or undefined when absent. */
  string(i: number): string | undefined;
  /** Argument `i` as a number (ToNumber in the guest), or NaN when absent. */
  number(i: number): number;
}

/**
 * The direct implementation of a host function: returns a string result, `undefined`, or a handle
 * whose value is returned. As with `newFunction`, a returned handle is consumed (disposed after its
 * value is handed to the guest). A throw becomes a guest `Error` with the thrown error's name and
 * message, as on the library path.
 */
export type FastHostImpl = (args: FastHostArgs) => string | undefined | { readonly handle: QuickJSHandle };

/**
 * Creates a host function that runs `fast` directly when the context's internals allow it, and
 * `slow` (a normal `newFunction` implementation with the same behaviour) otherwise.
 */
export function newFastHostFunction(ctx: QuickJSContext, name: string, slow: Parameters<QuickJSContext['newFunction']>[1], fast: FastHostImpl): QuickJSHandle {
  const internals = internalsOf(ctx);
  if (internals !== undefined) {
    installDispatcher(ctx, internals);
    (slow as unknown as Record<symbol, FastHostImpl>)[FAST] = fast;
  }
  return ctx.newFunction(name, slow);
}

// --- internal ---

/** Below this the library's loop is as fast as a malloc round trip. */
const FAST_MIN_CHARS = 64;
const FAST = Symbol('actuate.fastHostImpl');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface ContextInternals {
  readonly module: { _malloc(bytes: number): number; _free(ptr: number): void; readonly HEAPU8: Uint8Array };
  readonly ffi: {
    QTS_NewString(ctx: number, str: number): number;
    QTS_GetString(ctx: number, value: number): number;
    QTS_FreeCString(ctx: number, str: number): void;
    QTS_GetFloat64(ctx: number, value: number): number;
    QTS_ArgvGetJSValueConstPointer(argv: number, index: number): number;
    QTS_DupValuePointer(ctx: number, value: number): number;
    QTS_Throw(ctx: number, error: number): number;
    QTS_Call(ctx: number, fn: number, thisVal: number, argc: number, argv: number): number;
    QTS_ResolveException(ctx: number, value: number): number;
    QTS_FreeValuePointer(ctx: number, value: number): void;
  };
  readonly memory: { heapValueHandle(ptr: number): QuickJSHandle };
  readonly ctx: { readonly value: number };
  readonly cToHostCallbacks: { callFunction: CallFunction };
  getFunction(id: number): unknown;
}
type CallFunction = (ctx: number, thisPtr: number, argc: number, argv: number, fnId: number) => number;

const checked = new WeakMap<QuickJSContext, ContextInternals | undefined>();
const dispatching = new WeakSet<QuickJSContext>();

function internalsOf(ctx: QuickJSContext): ContextInternals | undefined {
  if (checked.has(ctx)) return checked.get(ctx);
  const c = ctx as unknown as Partial<ContextInternals>;
  const ffi = c.ffi as Partial<ContextInternals['ffi']> | undefined;
  const ok =
    typeof c.module?._malloc === 'function' && typeof c.module._free === 'function' && c.module.HEAPU8 instanceof Uint8Array &&
    typeof c.memory?.heapValueHandle === 'function' && typeof c.ctx?.value === 'number' &&
    typeof c.cToHostCallbacks?.callFunction === 'function' && typeof c.getFunction === 'function' &&
    ffi !== undefined &&
    ['QTS_NewString', 'QTS_GetString', 'QTS_FreeCString', 'QTS_GetFloat64', 'QTS_ArgvGetJSValueConstPointer', 'QTS_DupValuePointer', 'QTS_Throw', 'QTS_Call', 'QTS_ResolveException', 'QTS_FreeValuePointer']
      .every((f) => typeof (ffi as Record<string, unknown>)[f] === 'function');
  const internals = ok ? (c as ContextInternals) : undefined;
  checked.set(ctx, internals);
  return internals;
}

function fastEligible(value: string): boolean {
  return value.length >= FAST_MIN_CHARS && value.isWellFormed() && !value.includes('\0');
}

/** An owned `JSValue*` holding `value` (the caller frees it or hands it to C, which takes ownership). */
function newStringPointer(internals: ContextInternals, value: string): number {
  const { module, ffi, ctx } = internals;
  const capacity = value.length * 3 + 1;
  const ptr = module._malloc(capacity);
  if (ptr === 0) throw new RangeError('out of WASM memory while passing a string into the sandbox');
  try {
    // HEAPU8 is re-read after malloc: growing the heap replaces the view.
    const { written } = encoder.encodeInto(value, module.HEAPU8.subarray(ptr, ptr + capacity - 1));
    module.HEAPU8[ptr + written] = 0;
    return ffi.QTS_NewString(ctx.value, ptr);
  } finally {
    module._free(ptr);
  }
}

/** Routes calls of functions that carry a fast implementation around the library's scope machinery. */
function installDispatcher(ctx: QuickJSContext, internals: ContextInternals): void {
  if (dispatching.has(ctx)) return;
  dispatching.add(ctx);
  const table = internals.cToHostCallbacks;
  const library = table.callFunction;
  table.callFunction = (ctxPtr, thisPtr, argc, argv, fnId) => {
    const fn = internals.getFunction(fnId) as Record<symbol, FastHostImpl | undefined>;
    const fast = ctxPtr === internals.ctx.value ? fn[FAST] : undefined;
    if (fast === undefined) return library(ctxPtr, thisPtr, argc, argv, fnId);
    return callFast(ctx, internals, fast, argc, argv);
  };
}

function callFast(ctx: QuickJSContext, internals: ContextInternals, fast: FastHostImpl, argc: number, argv: number): number {
  const { ffi, module } = internals;
  const c = internals.ctx.value;
  const arg = (i: number) => ffi.QTS_ArgvGetJSValueConstPointer(argv, i);
  const args: FastHostArgs = {
    count: argc,
    string(i) {
      if (i >= argc) return undefined;
      const str = ffi.QTS_GetString(c, arg(i));
      if (str === 0) return undefined;
      try {
        const heap = module.HEAPU8;
        return decoder.decode(heap.subarray(str, heap.indexOf(0, str)));
      } finally {
        ffi.QTS_FreeCString(c, str);
      }
    },
    number(i) {
      return i >= argc ? NaN : ffi.QTS_GetFloat64(c, arg(i));
    },
  };
  try {
    const result = fast(args);
    if (result === undefined) return 0;
    if (typeof result === 'string') return fastEligible(result) ? newStringPointer(internals, result) : dupAndDispose(ffi, c, ctx.newString(result));
    return dupAndDispose(ffi, c, result.handle);
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown };
    const handle = ctx.newError({ name: String(e?.name ?? 'Error'), message: String(e?.message ?? error) });
    try {
      return ffi.QTS_Throw(c, handle.value);
    } finally {
      handle.dispose();
    }
  }
}

function dupAndDispose(ffi: ContextInternals['ffi'], c: number, handle: QuickJSHandle): number {
  try {
    return ffi.QTS_DupValuePointer(c, handle.value);
  } finally {
    handle.dispose();
  }
}
