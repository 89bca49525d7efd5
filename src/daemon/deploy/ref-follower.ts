import type { CommitSha } from '../../core/index.ts';
import type { StoreReader } from '../../store/index.ts';
import type { DeployOutcome } from './deployments.ts';

export interface RefFollowerOptions {
  readonly store: StoreReader;
  readonly ref: string;
  /** How often the ref is read. */
  readonly intervalMs: number;
  /** After a failed load of the ref's commit, how long before trying that same commit again. */
  readonly retryFailedMs: number;
  readonly deploy: (commit: CommitSha) => Promise<DeployOutcome>;
  readonly now?: () => number;
}

/** What the follower last saw: the desired commit and whether reading or loading it failed. */
export interface RefState {
  readonly ref: string;
  /** The commit the ref points at (the desired version). */
  readonly commit: CommitSha | undefined;
  readonly checkedAt: number | undefined;
  readonly error: string | undefined;
}

/**
 * Follows `refs/<name>` in the store by polling it: when the ref moves (a publish, or a revert
 * published as a new commit), the daemon deploys its commit. Only a move triggers a deploy, so an
 * admin deploy of another commit stays until the next publish (shown as drift in the status); a
 * commit that failed to load is tried again after `retryFailedMs`, on a reload, or when the ref moves.
 */
export class RefFollower {
  readonly #o: RefFollowerOptions;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #stopped = true;
  #applied: CommitSha | undefined;
  #failedAt: number | undefined;
  #state: RefState;

  constructor(options: RefFollowerOptions, applied: CommitSha | undefined) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#applied = applied;
    this.#state = { ref: options.ref, commit: applied, checkedAt: applied ? this.#now() : undefined, error: undefined };
  }

  get state(): RefState {
    return this.#state;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#polling;
  }

  /** Reads the ref now and deploys its commit when it moved (or, with `force`, in any case). */
  poll(force = false): Promise<void> {
    const run = (this.#polling ?? Promise.resolve()).then(() => this.#poll(force));
    this.#polling = run;
    return run;
  }

  async #poll(force: boolean): Promise<void> {
    let commit: CommitSha | undefined;
    try {
      commit = await this.#o.store.getRef(this.#o.ref);
    } catch (e) {
      this.#state = { ...this.#state, checkedAt: this.#now(), error: `cannot read ref ${this.#o.ref}: ${(e as Error).message}` };
      return;
    }
    if (!commit) {
      this.#state = { ...this.#state, commit: undefined, checkedAt: this.#now(), error: `ref ${this.#o.ref} does not exist in ${this.#o.store.describe()}` };
      return;
    }
    const retryDue = this.#failedAt !== undefined && this.#now() - this.#failedAt >= this.#o.retryFailedMs;
    const moved = commit !== this.#applied;
    // A read error is over once the ref reads again; a load error stays until a load succeeds.
    this.#state = { ...this.#state, commit, checkedAt: this.#now(), error: this.#failedAt === undefined ? undefined : this.#state.error };
    if (!moved && !force && !retryDue) return;
    this.#applied = commit;
    const r = await this.#o.deploy(commit);
    if (r.ok) {
      this.#failedAt = undefined;
      this.#state = { ...this.#state, error: undefined };
    } else {
      this.#failedAt = this.#now();
      this.#state = { ...this.#state, error: `loading ${commit} failed: ${r.diagnostics.map((d) => d.message).join('; ')}` };
    }
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.poll().finally(() => this.#schedule());
    }, this.#o.intervalMs);
    this.#timer.unref();
  }
}
