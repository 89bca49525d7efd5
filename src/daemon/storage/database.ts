import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/index.ts';
import { Checkpointer } from './checkpointer.ts';

/** The daemon's SQLite database (`<data>/actuate.db`): the async queue and the execution records. */
export type DaemonDatabase = Database.Database;

/** 2 added the indexes that keep pruning and filtered listing off full scans (created on open). */
const SCHEMA_VERSION = 2;

/** The open daemon database and what must be closed with it. */
export interface OpenedDatabase {
  readonly db: DaemonDatabase;
  /** Stops the checkpointer, closes the database (a last checkpoint) and releases the directory's lock. */
  close(): Promise<void>;
}

/**
 * Opens (creating when needed) the database in the data directory: WAL journal, `synchronous=FULL`
 * so a committed enqueue survives a power cut, checkpoints on a thread of their own
 * ({@link Checkpointer}), and the directory's lock (`daemon.lock`) held until close, so a second
 * daemon pointed at the same directory fails at start instead of running the same jobs twice.
 * @param onCheckpointError told when checkpoints fell back to the daemon's own thread.
 * @throws UsageError when the directory cannot be used or another process holds it.
 */
export function openDatabase(dataDir: string, onCheckpointError: (e: Error) => void = () => {}): OpenedDatabase {
  const file = path.join(dataDir, 'actuate.db');
  let lock: Database.Database | undefined;
  let db: DaemonDatabase | undefined;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    lock = lockDirectory(dataDir);
    // No busy wait: the lock above already keeps other daemons out.
    db = new Database(file, { timeout: 100 });
  } catch (e) {
    lock?.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw busy(file);
    throw new UsageError(`cannot open the daemon database ${file}: ${(e as Error).message}`, 'pass a writable directory with --data');
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 0');
    migrate(db);
  } catch (e) {
    db.close();
    lock.close();
    throw new UsageError(
      `cannot use the daemon database ${file}: ${(e as Error).message}`,
      'remove the file if it is not a database written by actuate, or pass another --data directory',
    );
  }
  const opened = db;
  const checkpointer = new Checkpointer(file, (e) => {
    // Checkpoints must go on somewhere, or the log grows without bound: on this thread, as SQLite's default.
    if (opened.open) opened.pragma('wal_autocheckpoint = 1000');
    onCheckpointError(e);
  });
  let closing: Promise<void> | undefined;
  return {
    db: opened,
    close: () => (closing ??= (async () => {
      await checkpointer.stop();
      opened.close();
      lock.close();
    })()),
  };
}

/**
 * Holds the data directory for this process: an exclusive SQLite lock on `daemon.lock` (written
 * once, so the lock is exclusive), released on close or when the process dies, even by kill -9.
 */
function lockDirectory(dataDir: string): Database.Database {
  const lock = new Database(path.join(dataDir, 'daemon.lock'), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
    lock.transaction(() => {
      lock.exec('DELETE FROM holder');
      lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    })();
    return lock;
  } catch (e) {
    lock.close();
    throw e;
  }
}

function busy(file: string): UsageError {
  return new UsageError(`another process is using the daemon database ${file}`, 'each daemon needs its own --data directory; stop the other daemon or pass another directory');
}

function migrate(db: DaemonDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`it was written by a newer actuate (schema ${version}, this one reads ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY,
      trigger TEXT NOT NULL,
      payload TEXT,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER NOT NULL,
      lease_until INTEGER,
      enqueued_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      last_error TEXT
    );
    CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, next_at);
    CREATE INDEX IF NOT EXISTS jobs_updated ON jobs (state, updated_at);
    CREATE TABLE IF NOT EXISTS executions (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      trigger TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      record TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS executions_seq ON executions (seq);
    CREATE INDEX IF NOT EXISTS executions_updated ON executions (updated_at);
    CREATE INDEX IF NOT EXISTS executions_trigger ON executions (trigger, seq);
    CREATE INDEX IF NOT EXISTS executions_unfinished ON executions (status, seq) WHERE status <> 'final';
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}
