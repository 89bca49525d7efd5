import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';

/**
 * Moving a host string into QuickJS without emscripten's JavaScript UTF-8 encoder.
 *
 * `ctx.newString` measures its length with `lengthBytesUTF8` and copies it with `stringToUTF8`,
 * both character-by-character loops in JavaScript: about 30 µs for a 3 KB event on this machine,
 * against 0.5 µs for `TextEncoder.encodeInto` straight into the WASM heap. The event crosses once
 * per action, so this is a large share of a warm invocation.
 *
 * It reaches into quickjs-emscripten's context internals (`ffi`, `memory`, the context pointer),
 * which is why the dependency is pinned to an exact version; {@link fastStringSupported} checks the
 * shape once per context and everything falls back to `ctx.newString` when it does not match.
 * Strings that are not well-formed UTF-16 (lone surrogates) or contain NUL take the library path
 * too, so the result is always exactly what `ctx.newString` would give.
 */
export function newStringFast(ctx: QuickJSContext, value: string): QuickJSHandle {
  const internals = internalsOf(ctx);
  if (internals === undefined || value.length < FAST_MIN_CHARS || !value.isWellFormed() || value.includes('\0')) return ctx.newString(value);
  const { module, ffi, memory, ctx: pointer } = internals;
  const capacity = value.length * 3 + 1;
  const ptr = module._malloc(capacity);
  if (ptr === 0) return ctx.newString(value);
  try {
    // HEAPU8 is re-read after malloc: growing the heap replaces the view.
    const { written } = encoder.encodeInto(value, module.HEAPU8.subarray(ptr, ptr + capacity - 1));
    module.HEAPU8[ptr + written] = 0;
    return memory.heapValueHandle(ffi.QTS_NewString(pointer.value, ptr));
  } finally {
    module._free(ptr);
  }
}

/** Whether `ctx` has the internals the fast path needs (false means every call uses `ctx.newString`). */
export function fastStringSupported(ctx: QuickJSContext): boolean {
  return internalsOf(ctx) !== undefined;
}

// --- internal ---

/** Below this the library's loop is as fast as a malloc round trip. */
const FAST_MIN_CHARS = 64;
const encoder = new TextEncoder();

interface ContextInternals {
  readonly module: { _malloc(bytes: number): number; _free(ptr: number): void; readonly HEAPU8: Uint8Array };
  readonly ffi: { QTS_NewString(ctx: number, str: number): number };
  readonly memory: { heapValueHandle(ptr: number): QuickJSHandle };
  readonly ctx: { readonly value: number };
}

const checked = new WeakMap<QuickJSContext, ContextInternals | undefined>();

function internalsOf(ctx: QuickJSContext): ContextInternals | undefined {
  if (checked.has(ctx)) return checked.get(ctx);
  const c = ctx as unknown as Partial<ContextInternals>;
  const ok =
    typeof c.module?._malloc === 'function' && typeof c.module._free === 'function' && c.module.HEAPU8 instanceof Uint8Array &&
    typeof c.ffi?.QTS_NewString === 'function' && typeof c.memory?.heapValueHandle === 'function' && typeof c.ctx?.value === 'number';
  const internals = ok ? (c as ContextInternals) : undefined;
  checked.set(ctx, internals);
  return internals;
}
