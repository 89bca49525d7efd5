import type { DaemonDatabase } from './database.ts';

/**
 * Group commit for the daemon database: every write asked for during one turn of the event loop
 * runs in a single transaction, and each caller's promise settles when that transaction is
 * committed. Under load this turns thousands of enqueues a second into a few dozen commits, without
 * giving up "durable before 202". Each write runs in its own savepoint, so one failing write
 * rejects only its own caller.
 *
 * Writes are durable (the commit is fsynced: `synchronous=FULL`) unless marked `durable: false`;
 * a batch of only such writes (execution records) commits with `synchronous=NORMAL`, which in WAL
 * mode survives a crash of the process but not of the machine, and costs no fsync.
 */
export class WriteBatcher {
  readonly #db: DaemonDatabase;
  #pending: { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void; savepoint: boolean }[] = [];
  #durable = false;
  #synchronous: 'FULL' | 'NORMAL' = 'FULL';
  #scheduled = false;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(db: DaemonDatabase) {
    this.#db = db;
  }

  /**
   * Runs `fn` (synchronous SQLite work) in the next group transaction; resolves with its result once
   * committed. `fn` runs in its own savepoint unless `singleStatement` says it runs exactly one
   * statement (SQLite already undoes a failing statement on its own; a savepoint per write is a
   * measurable share of a busy daemon's CPU). `deferMs` lets a non-durable write wait that long for
   * company: a commit costs about as much as tens of small writes, and at a moderate request rate
   * every turn of the event loop would otherwise commit one record. Any other write, or
   * {@link flushSoon}, brings the commit forward to the end of the current turn.
   */
  write<T>(fn: () => T, options: { durable?: boolean; singleStatement?: boolean; deferMs?: number } = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the daemon database is closed'));
    if (options.durable !== false) this.#durable = true;
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, resolve: resolve as (v: unknown) => void, reject, savepoint: options.singleStatement !== true });
      if (options.deferMs === undefined || options.durable !== false) this.flushSoon();
      else if (!this.#scheduled && this.#timer === undefined) this.#timer = setTimeout(() => this.flush(), options.deferMs);
    });
  }

  /** Commits what is pending at the end of the current turn of the event loop (deferred writes included). */
  flushSoon(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Commits what is pending now (also called on close). */
  flush(): void {
    this.#scheduled = false;
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const batch = this.#pending;
    const synchronous = this.#durable ? 'FULL' : 'NORMAL';
    this.#pending = [];
    this.#durable = false;
    if (batch.length === 0) return;
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      if (synchronous !== this.#synchronous) {
        this.#db.pragma(`synchronous = ${synchronous}`);
        this.#synchronous = synchronous;
      }
      this.#db.transaction(() => {
        for (const item of batch) {
          try {
            results.push({ ok: true, value: item.savepoint ? this.#db.transaction(item.fn)() : item.fn() });
          } catch (e) {
            results.push({ ok: false, value: e });
          }
        }
      })();
    } catch (e) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is durable.
      for (const item of batch) item.reject(e);
      return;
    }
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (r.ok) item.resolve(r.value);
      else item.reject(r.value);
    });
  }

  /** Commits what is pending and refuses later writes. */
  close(): void {
    this.flush();
    this.#closed = true;
  }
}
