import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { ExecutionLog } from '../../src/daemon/executions/execution-log.ts';
import { createSqliteQueue, openDatabase, WriteBatcher } from '../../src/daemon/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/**
 * Every statement the execution log and the queue prepare, with SQLite's plan for it. The daemon
 * runs them on its main thread, so one that reads a whole table stalls every request for as long
 * as the table is large (pruning did: 115-180 ms at 100,000 records).
 */
function preparedPlans(): { sql: string; plan: string }[] {
  const storage = openDatabase(tempDir('actuate-plans-'));
  const db = storage.db;
  const batcher = new WriteBatcher(db);
  onTestFinished(async () => {
    batcher.close();
    await storage.close();
  });
  const statements: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  new ExecutionLog(db, batcher, { maxRecords: 10, retentionMs: 1, onWriteError: () => {} });
  createSqliteQueue(db, batcher, () => 0);
  db.prepare = prepare;
  return statements.map((sql) => {
    const params = Array.from(sql.matchAll(/\?/g), () => null);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return { sql: sql.replace(/\s+/g, ' ').trim(), plan: plan.map((p) => p.detail).join('; ') };
  });
}

describe('the daemon database', () => {
  it('answers every statement of the execution log and the queue through an index, never by reading a whole table', () => {
    const plans = preparedPlans();
    expect(plans.length).toBeGreaterThan(15);
    // The one bounded exception: the count cutoff steps over the newest maxRecords entries of the
    // seq index, once a pass (1-5 ms at 100,000).
    const scans = plans.filter((p) => /\bSCAN\b/.test(p.plan) && !/OFFSET \?$/.test(p.sql));
    expect(scans).toEqual([]);
    // The statements pruning and filtered listing depend on use the indexes made for them.
    const planOf = (fragment: string) => plans.filter((p) => p.sql.includes(fragment)).map((p) => p.plan);
    expect(planOf('WHERE seq < ? ORDER BY seq LIMIT')).toEqual([expect.stringContaining('USING INDEX executions_seq')]);
    expect(planOf('WHERE updated_at < ? ORDER BY updated_at LIMIT')).toEqual([expect.stringContaining('USING INDEX executions_updated')]);
    expect(planOf(`status <> 'final'`)).toEqual([expect.stringContaining('executions_unfinished'), expect.stringContaining('executions_unfinished')]);
    expect(planOf(`state = 'done' AND updated_at < ?`)).toEqual([expect.stringContaining('jobs_updated (state=? AND updated_at<?)')]);
  });

  it('upgrades a database of the first schema in place (adding its indexes) and refuses one written by a newer actuate', async () => {
    const dir = tempDir('actuate-schema-');
    const first = openDatabase(dir);
    first.db.prepare(`INSERT INTO jobs (id, trigger, payload, state, next_at, enqueued_at, updated_at) VALUES ('j1', 'post-user-registration', '{}', 'pending', 0, 0, 0)`).run();
    first.db.exec('DROP INDEX executions_trigger; DROP INDEX executions_unfinished; DROP INDEX jobs_updated; PRAGMA user_version = 1');
    await first.close();

    const upgraded = openDatabase(dir);
    const indexes = (upgraded.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['executions_seq', 'executions_trigger', 'executions_unfinished', 'executions_updated', 'jobs_due', 'jobs_updated']);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(2);
    expect(upgraded.db.prepare(`SELECT id FROM jobs`).all()).toEqual([{ id: 'j1' }]);
    await upgraded.close();

    const newer = new Database(`${dir}/actuate.db`);
    newer.pragma('user_version = 3');
    newer.close();
    let error: unknown;
    try {
      openDatabase(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/actuate\.db: it was written by a newer actuate \(schema 3, this one reads 2\)/);
  });
});
