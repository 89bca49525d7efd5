import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DEBUG_SYNC, RELEASE_SYNC, newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten';
import type { QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import { InternalError, UsageError } from '../../core/errors.ts';
import { pinLocalTimeToUtc } from './utc-local-time.ts';

/**
 * One QuickJS WebAssembly instance: the unit of isolation and of failure. Everything inside one
 * module shares a linear memory, so actions of different repos never share a module (DESIGN.md),
 * the memory cap is per module, and a module that has seen an emscripten abort or a throwing
 * `dispose()` is *poisoned* (emscripten latches ABORT; later disposals may lie, runtime.md §2):
 * its owner must stop creating contexts in it and drop it.
 */
export interface SandboxModuleOptions {
  /**
   * A capped memory for the instance: the only byte-accurate memory limit in the WASM builds
   * (runtime.md §2). Wins over {@link maxMemoryBytes}.
   */
  readonly memory?: WasmMemory;
  /** Creates a capped memory of this many bytes (rounded up to 64 KiB pages, at least 16 MiB). */
  readonly maxMemoryBytes?: number;
  /** A compiled QuickJS WASM module to instantiate (e.g. sent to a worker); compiled once per thread otherwise. */
  readonly wasmModule?: WasmModule;
  /** The DEBUG_SYNC build: assertions and leak tracking, for tests. Much slower. */
  readonly debug?: boolean;
}

/** The part of a QuickJS module a sandbox uses; `TestQuickJSWASMModule` fits too (leak checks). */
export type QuickJSModuleLike = Pick<QuickJSWASMModule, 'newRuntime' | 'getWasmMemory'>;

/**
 * The slice of the WebAssembly JS API used here. TypeScript declares `WebAssembly` only in
 * lib.dom, which this Node project does not load, so it is typed locally.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
/** A compiled `WebAssembly.Module` (opaque here; transferable to workers). */
export type WasmModule = object;
const wasm = (globalThis as unknown as {
  WebAssembly: {
    Memory: new (d: { initial: number; maximum: number }) => WasmMemory;
    compile(bytes: Uint8Array): Promise<WasmModule>;
    instantiate(module: WasmModule, imports: object): Promise<{ exports: object }>;
  };
}).WebAssembly;

export class SandboxModule {
  readonly quickjs: QuickJSModuleLike;
  #poisonedBy: unknown = undefined;
  #poisoned = false;

  /** Prefer {@link createSandboxModule}; this wraps an existing module (tests pass a TestQuickJSWASMModule). */
  constructor(quickjs: QuickJSModuleLike) {
    this.quickjs = quickjs;
  }

  /** True once something happened that makes the instance untrustworthy; retire it. */
  get poisoned(): boolean {
    return this.#poisoned;
  }

  /** What poisoned the module (for the log record), if it is. */
  get poisonCause(): unknown {
    return this.#poisonedBy;
  }

  /** Marks the module poisoned; the first cause is kept. */
  poison(cause: unknown): void {
    if (!this.#poisoned) this.#poisonedBy = cause;
    this.#poisoned = true;
  }

  /** Current size of the instance's linear memory; it never shrinks, so recycle past a high-water mark. */
  get memoryBytes(): number {
    return (this.quickjs.getWasmMemory() as WasmMemory).buffer.byteLength;
  }

  /** A fresh runtime, for a {@link SandboxContext}. Refused once poisoned. */
  newRuntime(): QuickJSRuntime {
    if (this.#poisoned) throw new InternalError('this QuickJS module is poisoned; create a new SandboxModule');
    return this.quickjs.newRuntime();
  }
}

/**
 * Instantiates QuickJS (the sync release build, never asyncify: runtime.md §5.1), optionally with
 * a capped memory. Costs ≈0.7 ms with a precompiled WASM module, ≈4 ms without.
 */
export async function createSandboxModule(options: SandboxModuleOptions = {}): Promise<SandboxModule> {
  const base = options.debug === true ? DEBUG_SYNC : RELEASE_SYNC;
  const memory = options.memory ?? (options.maxMemoryBytes !== undefined ? cappedMemory(options.maxMemoryBytes) : undefined);
  const wasmModule = options.wasmModule ?? (await compileQuickJSWasm(options.debug === true));
  // Instantiated here rather than through the variant's `wasmModule` option, to pin the guest's
  // local time to UTC on the way (utc-local-time.ts).
  const instantiateWasm = async (imports: Record<string, Record<string, unknown>>, onSuccess: (instance: unknown) => void) => {
    pinLocalTimeToUtc(imports);
    const instance = await wasm.instantiate(wasmModule, imports);
    onSuccess(instance);
    return instance.exports;
  };
  const variant = newVariant(base, { emscriptenModule: { instantiateWasm }, ...(memory !== undefined ? { wasmMemory: memory } : {}) });
  const quickjs = await newQuickJSWASMModuleFromVariant(variant);
  if (memory !== undefined && (quickjs.getWasmMemory() as unknown) !== memory) {
    throw new InternalError('QuickJS ignored the capped WebAssembly.Memory (the variant must be the unwrapped default export)');
  }
  return new SandboxModule(quickjs);
}

/**
 * Compiles the QuickJS WASM binary once per thread (memoised). A worker pool can compile it once
 * and post the `WebAssembly.Module` to each worker as {@link SandboxModuleOptions.wasmModule}.
 */
export function compileQuickJSWasm(debug = false): Promise<WasmModule> {
  const key = debug ? 'debug' : 'release';
  let p = compiled.get(key);
  if (p === undefined) {
    const pkg = debug ? '@jitl/quickjs-wasmfile-debug-sync/wasm' : '@jitl/quickjs-wasmfile-release-sync/wasm';
    p = readFile(createRequire(import.meta.url).resolve(pkg)).then((bytes) => wasm.compile(bytes));
    compiled.set(key, p);
    p.catch(() => compiled.delete(key));
  }
  return p;
}

// --- internal ---

const compiled = new Map<string, Promise<WasmModule>>();
const PAGE = 64 * 1024;
/** The builds start with 16 MiB of linear memory. */
const INITIAL_PAGES = 256;

function cappedMemory(maxBytes: number): WasmMemory {
  if (!Number.isInteger(maxBytes) || maxBytes < INITIAL_PAGES * PAGE) {
    throw new UsageError(`maxMemoryBytes must be an integer of at least ${INITIAL_PAGES * PAGE} (16 MiB), got ${String(maxBytes)}`);
  }
  return new wasm.Memory({ initial: INITIAL_PAGES, maximum: Math.ceil(maxBytes / PAGE) });
}
