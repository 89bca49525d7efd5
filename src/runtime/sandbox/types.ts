/**
 * The values a sandbox hands back. Failures of the guest (a throw, a budget, a limit) are values,
 * never exceptions: the owner turns them into a flow result and a log record. Exceptions out of this
 * module mean a bug in the host code.
 */

/**
 * Why an execution failed:
 * - `error`: the action threw or rejected (or never settled, or did not export the handler);
 * - `timeout`: the CPU or wall-clock budget ran out (QuickJS interrupt or host timer);
 * - `memory`: QuickJS ran out of memory (memory limit or the module's capped WASM memory);
 * - `stack`: guest recursion hit the stack limit;
 * - `crash`: the host saw an exception escape QuickJS itself (e.g. an emscripten abort). The module
 *   is then poisoned and must be retired; the action may well be innocent.
 */
export type FailureKind = 'error' | 'timeout' | 'memory' | 'stack' | 'crash';

/** A guest error as plain data. `stack` is `name: message` followed by QuickJS's frames. */
export interface GuestError {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
}

/** Success or a classified failure. */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly kind: FailureKind; readonly error: GuestError };

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';

/** One captured `console.*` call, already formatted the way Node's console would print it. */
export interface ConsoleEntry {
  readonly level: ConsoleLevel;
  readonly message: string;
  /** Milliseconds since the invocation (or load) started; for ordering and humans, never hashed. */
  readonly atMs: number;
}

/** What the console captured during one invocation or load, bounded by the console limits. */
export interface CapturedLogs {
  readonly logs: readonly ConsoleEntry[];
  /** Entries dropped after the entry or character cap was reached. */
  readonly droppedEntries: number;
}

/** Result of `SandboxContext.invoke`: the outcome, the console output and what the run cost. */
export type InvokeResult = Outcome &
  CapturedLogs & {
    /** Time spent inside QuickJS (the CPU budget counts this). */
    readonly cpuMs: number;
    /** Wall-clock time of the whole invocation, awaits included. */
    readonly wallMs: number;
  };

/** Details a host operation receives besides its arguments. */
export interface HostCallInfo {
  readonly op: string;
  /** True when the guest called through the async channel (the op may return a promise). */
  readonly async: boolean;
  /** Aborted when the guest cancels the call or the invocation ends first. */
  readonly signal: AbortSignal;
}

/**
 * One host operation. `args` is the parsed JSON the guest sent (treat it as untrusted input and
 * validate it); the return value is sent back as JSON (`undefined` stays `undefined`). Throw a
 * `TypeError`/`RangeError` for bad arguments: the guest receives an error of the same class and
 * message. A promise is only allowed for calls made through the async channel.
 */
export type HostOp = (args: unknown, call: HostCallInfo) => unknown;

/**
 * A per-invocation dispatch table, e.g. `{ api: (args) => recordCommand(args) }`. Names starting
 * with `sys.` are reserved for the sandbox's own operations.
 */
export type HostOps = Readonly<Record<string, HostOp>>;
