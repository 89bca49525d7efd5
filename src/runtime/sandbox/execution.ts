import type { QuickJSDeferredPromise } from 'quickjs-emscripten';
import type { SandboxLimits } from './limits.ts';
import type { ConsoleEntry, ConsoleLevel, GuestError, HostOps } from './types.ts';

/** An async host call the guest is waiting on (a timer, a fetch, an async api call). */
export interface PendingCall {
  readonly op: string;
  readonly deferred: QuickJSDeferredPromise;
  readonly abort: AbortController;
}

/**
 * The state of one guest run: the bundle's load or one `invoke`. Host functions are installed once
 * per context and dispatch to the current execution, so each run records its own console output,
 * host calls and user ops, and everything it started is torn down when it ends (`close`): timers
 * cancelled, fetches aborted, unsettled promise capabilities disposed (an undisposed one makes
 * `JS_FreeRuntime` abort).
 */
export class Execution {
  readonly startedAt = performance.now();
  readonly pending = new Map<number, PendingCall>();
  readonly logs: ConsoleEntry[] = [];
  droppedEntries = 0;
  /** First error thrown by a timer, microtask or listener callback: it fails the run like a Node crash. */
  uncaught: GuestError | undefined;
  /** A host exception raised while settling a host call into QuickJS (the module is then suspect). */
  crash: unknown;
  /** Time spent inside QuickJS so far. */
  cpuMs = 0;
  closed = false;
  private logChars = 0;
  private activity = false;
  private waker: (() => void) | undefined;

  readonly mode: 'load' | 'invoke';
  readonly ops: HostOps;
  readonly limits: SandboxLimits;
  /** Guest CPU budget of the run, ms. */
  readonly cpuBudgetMs: number;
  /** Wall-clock budget of the run, ms. */
  readonly wallBudgetMs: number;
  /** performance.now() time at which the run's wall-clock budget ends. */
  readonly wallDeadline: number;

  constructor(mode: 'load' | 'invoke', ops: HostOps, limits: SandboxLimits, cpuBudgetMs: number, wallBudgetMs: number) {
    this.mode = mode;
    this.ops = ops;
    this.limits = limits;
    this.cpuBudgetMs = cpuBudgetMs;
    this.wallBudgetMs = wallBudgetMs;
    this.wallDeadline = this.startedAt + wallBudgetMs;
  }

  /** Records one console entry; returns 'full' once the caps are reached so the guest stops sending. */
  addLog(level: ConsoleLevel, message: string): 'ok' | 'full' {
    if (this.logs.length >= this.limits.consoleMaxEntries || this.logChars + message.length > this.limits.consoleMaxChars) {
      this.droppedEntries++;
      return 'full';
    }
    this.logChars += message.length;
    this.logs.push({ level, message, atMs: Math.round((performance.now() - this.startedAt) * 1000) / 1000 });
    return 'ok';
  }

  /**
   * Whether anything could still settle the guest's promise. A load does not wait for timers: a
   * module-scope `setInterval` would otherwise keep it open forever (they are cancelled instead).
   */
  hasAwaitable(): boolean {
    if (this.mode === 'invoke') return this.pending.size > 0;
    for (const p of this.pending.values()) if (p.op !== 'sys.sleep') return true;
    return false;
  }

  /** Called when a host call settled, so the pump loop runs the guest's jobs again. */
  notify(): void {
    this.activity = true;
    this.waker?.();
  }

  /** Forgets earlier activity; call right before running the guest's pending jobs. */
  resetActivity(): void {
    this.activity = false;
  }

  /** Waits for host activity until `deadline` (performance.now() time); false when the deadline came first. */
  wait(deadline: number): Promise<boolean> {
    if (this.activity) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waker = undefined;
        resolve(false);
      }, Math.max(0, deadline - performance.now()));
      this.waker = () => {
        clearTimeout(timer);
        this.waker = undefined;
        resolve(true);
      };
    });
  }

  /** Cancels one pending call (guest `clearTimeout`, fetch abort); its guest promise never settles. */
  cancel(id: number): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    this.pending.delete(id);
    p.abort.abort();
    p.deferred.dispose();
  }

  /** Ends the run: cancels everything still pending. Safe to call twice. */
  close(): void {
    this.closed = true;
    for (const id of [...this.pending.keys()]) this.cancel(id);
    this.waker?.();
  }
}
