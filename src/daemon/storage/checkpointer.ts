import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the WAL is copied back into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The checkpointer thread, as CommonJS run by `eval` (a module file of ours would be `.ts` under a
 * TypeScript runner, which Node 20 cannot load in a worker). It opens its own connection and runs a
 * PASSIVE checkpoint on every tick: it never waits for, or blocks, the daemon's own connection.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: e && e.message ? e.message : String(e) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the daemon database's write-ahead log back into the database file from a thread of its own.
 *
 * Why: SQLite checkpoints on the committing connection by default (every 1,000 WAL pages), and a
 * checkpoint fsyncs the log and the database file. better-sqlite3 is synchronous, so on the daemon's
 * main thread each checkpoint stalled every request for 8-15 ms, about once a second at 1,100
 * executions a second on the development machine: the largest source of its p99 latency. The daemon's
 * connection turns automatic checkpoints off while this runs; when the thread cannot start or fails,
 * `onFailure` turns them back on (the log must not grow without bound).
 */
export class Checkpointer {
  readonly #worker: Worker;
  /** Settles when the thread has exited, whenever that was (a failed start exits it before any stop()). */
  readonly #exited: Promise<void>;
  #stopped: Promise<void> | undefined;

  constructor(file: string, onFailure: (e: Error) => void, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sqlite, file, intervalMs } });
    this.#worker.unref();
    let failed = false;
    const fail = (e: Error) => {
      if (failed || this.#stopped) return;
      failed = true;
      onFailure(e);
    };
    this.#worker.on('message', (m: { error?: string }) => {
      if (m.error !== undefined) fail(new Error(`WAL checkpoint failed: ${m.error}`));
    });
    this.#worker.on('error', (e) => fail(e));
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        fail(new Error(`the checkpointer thread exited (code ${code})`));
        resolve();
      });
    });
  }

  /** Runs a last checkpoint and stops the thread. Idempotent. */
  stop(): Promise<void> {
    // Waiting for an 'exit' that already happened (the thread failed to open the database) never
    // ended: the daemon's close(), and so its SIGTERM drain, hung. The exit is remembered instead.
    this.#stopped ??= (() => {
      // Unref'd while it runs, so it never keeps a process alive; waiting for its exit must.
      this.#worker.ref();
      this.#worker.postMessage('stop');
      // A thread that does not answer (stuck in a checkpoint on a dead disk) is not waited for long.
      const timer = setTimeout(() => void this.#worker.terminate(), 5000);
      timer.unref();
      return this.#exited.finally(() => clearTimeout(timer));
    })();
    return this.#stopped;
  }
}
