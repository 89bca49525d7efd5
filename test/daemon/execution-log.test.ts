import { describe, expect, it, onTestFinished } from 'vitest';
import { ExecutionLog } from '../../src/daemon/executions/execution-log.ts';
import { openDatabase, WriteBatcher, type ExecutionRecord } from '../../src/daemon/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function record(id: string, at: number, status: ExecutionRecord['status'] = 'final'): ExecutionRecord {
  const iso = new Date(at).toISOString();
  return { id, trigger: id.startsWith('a') ? 'post-user-registration' : 'post-login', version: 'v3', mode: 'sync', status, createdAt: iso, updatedAt: iso, results: [] };
}

function openLog(options: { maxRecords: number; retentionMs: number; now: () => number }) {
  const storage = openDatabase(tempDir('actuate-log-'));
  const db = storage.db;
  const batcher = new WriteBatcher(db);
  const errors: unknown[] = [];
  const log = new ExecutionLog(db, batcher, { ...options, onWriteError: (e) => errors.push(e) });
  onTestFinished(async () => {
    batcher.close();
    await storage.close();
  });
  return { log, errors };
}

describe('the execution log', () => {
  it('stores records by id, lists newest first with filters, and streams changes with their position', async () => {
    const { log, errors } = openLog({ maxRecords: 100, retentionMs: 1e9, now: Date.now });
    const seen: string[] = [];
    const stop = log.follow((r) => seen.push(`${r.id}:${r.status}:${r.seq}`));
    log.put(record('a1', 1000, 'queued'));
    expect(log.get('a1')).toMatchObject({ status: 'queued', seq: 1 }); // visible before the commit
    log.put(record('b1', 2000));
    log.put({ ...record('a1', 3000), status: 'final' });
    expect(log.get('a1')).toMatchObject({ status: 'final', seq: 3 }); // the newer of two unwritten puts
    stop();
    log.put(record('b2', 4000));
    expect(seen).toEqual(['a1:queued:1', 'b1:final:2', 'a1:final:3']);
    expect(log.list({ limit: 10 }).map((r) => r.id)).toEqual(['b2', 'a1', 'b1']);
    expect(log.list({ limit: 10, trigger: 'post-login' }).map((r) => r.id)).toEqual(['b2', 'b1']);
    expect(log.list({ limit: 10, afterSeq: 2 }).map((r) => r.id)).toEqual(['b2', 'a1']);
    expect(log.list({ limit: 10, status: 'final' })).toHaveLength(3);
    expect(log.get('a1')).toMatchObject({ status: 'final', seq: 3 }); // from the database now
    expect(log.get('nope')).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('lists by trigger, status and both, for final and unfinished statuses alike, newest first', () => {
    const { log } = openLog({ maxRecords: 100, retentionMs: 1e9, now: Date.now });
    log.put(record('a1', 1, 'dead'));
    log.put(record('b1', 2, 'suspended'));
    log.put(record('a2', 3));
    log.put(record('b2', 4));
    log.put(record('a3', 5, 'dead'));
    log.put(record('b3', 6, 'dead'));
    log.put({ ...record('b1', 7), status: 'final' }); // no longer suspended
    const ids = (q: Parameters<typeof log.list>[0]) => log.list(q).map((r) => r.id);
    expect(ids({ limit: 10, status: 'dead' })).toEqual(['b3', 'a3', 'a1']);
    expect(ids({ limit: 10, status: 'dead', trigger: 'post-user-registration' })).toEqual(['a3', 'a1']);
    expect(ids({ limit: 1, status: 'dead', trigger: 'post-user-registration' })).toEqual(['a3']);
    expect(ids({ limit: 10, status: 'dead', afterSeq: 5 })).toEqual(['b3']);
    expect(ids({ limit: 10, status: 'suspended' })).toEqual([]);
    expect(ids({ limit: 10, status: 'final' })).toEqual(['b1', 'b2', 'a2']);
    expect(ids({ limit: 10, status: 'final', trigger: 'post-login' })).toEqual(['b1', 'b2']);
    expect(ids({ limit: 10, trigger: 'post-user-registration' })).toEqual(['a3', 'a2', 'a1']);
    expect(ids({ limit: 2 })).toEqual(['b1', 'b3']);
  });

  it('writes records in batches: a sync one may wait 25 ms, an async one commits in its turn; a failed write is reported once', async () => {
    const { log, errors } = openLog({ maxRecords: 100, retentionMs: 1e9, now: Date.now });
    const turn = () => new Promise((r) => setImmediate(r));
    for (let i = 0; i < 5; i++) log.put(record(`b${i}`, 1000 + i));
    expect(log.list({ limit: 10 }).map((r) => r.id)).toEqual(['b4', 'b3', 'b2', 'b1', 'b0']); // a list commits first
    // A record SQLite refuses (NOT NULL created_at): its whole batch fails, and says so once.
    log.put({ ...record('b5', 2000), createdAt: 'not a date' });
    log.put(record('b6', 2001));
    await turn();
    await turn();
    expect(errors).toHaveLength(0); // sync records wait for company
    await new Promise((r) => setTimeout(r, 60));
    expect(errors).toHaveLength(1);
    expect(log.get('b6')).toBeUndefined();
    // An async execution's record commits at the end of its turn (with its job's state).
    log.put({ ...record('a1', 2002, 'queued'), mode: 'async', createdAt: 'not a date either' });
    await turn();
    await turn();
    expect(errors).toHaveLength(2);
    log.put(record('b7', 2003)); // later records are written again
    expect(log.list({ limit: 10 }).map((r) => r.id)).toEqual(['b7', 'b4', 'b3', 'b2', 'b1', 'b0']);
    expect(errors).toHaveLength(2);
  });

  it('prunes past the maximum count and the retention period, in small transactions', async () => {
    const now = 10_000_000;
    const { log } = openLog({ maxRecords: 1200, retentionMs: 5_000_000, now: () => now });
    for (let i = 0; i < 1500; i++) log.put(record(`b${i}`, i < 100 ? 1 : now));
    await log.maintain();
    expect(log.list({ limit: 1000 })[0]!.id).toBe('b1499');
    expect(log.list({ limit: 1000, afterSeq: 1000 })).toHaveLength(500);
    expect(log.get('b299')).toBeUndefined(); // beyond the 1200 newest
    expect(log.get('b300')).toBeDefined();
    expect(log.get('b50')).toBeUndefined(); // too old anyway
  });
});
