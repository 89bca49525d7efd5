import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UsageError } from '../../core/index.ts';

/** The daemon's SQLite database (`<data>/actuate.db`): the async queue and the execution records. */
export type DaemonDatabase = Database.Database;

const SCHEMA_VERSION = 1;

/**
 * Opens (creating when needed) the database in the data directory: WAL journal, `synchronous=FULL`
 * so a committed enqueue survives a power cut, and an exclusive lock held until close, so a second
 * daemon pointed at the same directory fails at start instead of running the same jobs twice.
 * @throws UsageError when the directory cannot be used or another process holds the database.
 */
export function openDatabase(dataDir: string): DaemonDatabase {
  const file = path.join(dataDir, 'actuate.db');
  let db: DaemonDatabase;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // No busy wait: the only contention is another daemon on the same directory, which must fail at once.
    db = new Database(file, { timeout: 100 });
  } catch (e) {
    throw new UsageError(`cannot open the daemon database ${file}: ${(e as Error).message}`, 'pass a writable directory with --data');
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Taking a write lock now holds it (exclusive mode) for the life of the connection.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    migrate(db);
  } catch (e) {
    db.close();
    const busy = (e as { code?: string }).code === 'SQLITE_BUSY';
    throw new UsageError(
      busy ? `another process is using the daemon database ${file}` : `cannot use the daemon database ${file}: ${(e as Error).message}`,
      busy ? 'each daemon needs its own --data directory; stop the other daemon or pass another directory' : 'remove the file if it is not a database written by actuate, or pass another --data directory',
    );
  }
  return db;
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
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}
