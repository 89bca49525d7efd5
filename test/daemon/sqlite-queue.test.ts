import { describe, expect, it, onTestFinished } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { createSqliteQueue, openDatabase, WriteBatcher, type Queue } from '../../src/daemon/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dataDir = () => tempDir('actuate-queue-');

function open(dir: string, clock: { now: number }): { queue: Queue; close: () => Promise<void>; db: ReturnType<typeof openDatabase>['db']; batcher: WriteBatcher } {
  const storage = openDatabase(dir);
  const db = storage.db;
  const batcher = new WriteBatcher(db);
  const queue = createSqliteQueue(db, batcher, () => clock.now);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    batcher.close();
    await storage.close();
  };
  onTestFinished(close);
  return { queue, close, db, batcher };
}

describe('the SQLite queue', () => {
  it('a claim that finds nothing due writes nothing, so the records committed with it are not fsynced', async () => {
    const clock = { now: 1_000 };
    const { queue, db, batcher } = open(dataDir(), clock);
    const synchronous = () => db.pragma('synchronous', { simple: true });
    const record = () => batcher.write(() => db.prepare(`INSERT INTO executions (id, seq, trigger, status, created_at, updated_at, record) VALUES (?, 1, 't', 'final', 0, 0, '{}')`).run(String(Math.random())), { durable: false, deferMs: 1000 });
    // Nothing queued, and a job not due yet: the poll claims nothing, and the records' commit stays NORMAL (no fsync).
    await queue.enqueue({ id: 'later', trigger: 't', event: {} });
    await queue.retry((await queue.claim(1, 5_000))[0]!.id, 60_000, 'not yet');
    const pending = record();
    expect(await queue.claim(10, 5_000)).toEqual([]);
    batcher.flush();
    await pending;
    expect(synchronous()).toBe(1); // NORMAL
    // Once it is due, the claim is a durable write again, and its batch commits with FULL.
    clock.now = 60_000;
    const [job] = await queue.claim(10, 5_000);
    expect(job?.id).toBe('later');
    expect(synchronous()).toBe(2); // FULL
  });

  it('stores a job once per id, leases it, and forgets its payload once complete', async () => {
    const clock = { now: 1_000 };
    const { queue } = open(dataDir(), clock);
    expect(await queue.enqueue({ id: 'a', trigger: 'post-user-registration', event: { user: { user_id: 'u1' } } })).toEqual({ accepted: true });
    expect(await queue.enqueue({ id: 'a', trigger: 'post-user-registration', event: { other: true } })).toEqual({ accepted: false, state: 'pending' });
    const [job, ...rest] = await queue.claim(10, 5_000);
    expect(rest).toEqual([]);
    expect(job).toEqual({ id: 'a', trigger: 'post-user-registration', event: { user: { user_id: 'u1' } }, attempt: 1, enqueuedAt: 1_000 });
    expect(await queue.claim(10, 5_000)).toEqual([]); // leased
    expect(await queue.depth()).toEqual({ pending: 0, running: 1, dead: 0 });
    await queue.complete('a');
    expect(await queue.enqueue({ id: 'a', trigger: 'post-user-registration', event: {} })).toEqual({ accepted: false, state: 'done' });
    expect(await queue.depth()).toEqual({ pending: 0, running: 0, dead: 0 });
  });

  it('retries at the time given, dead-letters, and requeues a dead letter with a fresh budget', async () => {
    const clock = { now: 1_000 };
    const { queue } = open(dataDir(), clock);
    await queue.enqueue({ id: 'b', trigger: 't', event: { n: 1 } });
    const [first] = await queue.claim(1, 5_000);
    await queue.retry(first!.id, 3_000, 'boom');
    expect(await queue.nextDueAt()).toBe(3_000);
    expect(await queue.claim(1, 5_000)).toEqual([]);
    clock.now = 3_000;
    const [second] = await queue.claim(1, 5_000);
    expect(second!.attempt).toBe(2);
    await queue.deadLetter('b', 'boom again');
    expect(await queue.depth()).toEqual({ pending: 0, running: 0, dead: 1 });
    expect(await queue.requeue('b')).toBe(true);
    expect(await queue.requeue('b')).toBe(false);
    const [third] = await queue.claim(1, 5_000);
    expect(third).toMatchObject({ id: 'b', attempt: 1, event: { n: 1 } });
  });

  it('gives an expired lease to the next claim, and recovers jobs a dead process held', async () => {
    const clock = { now: 1_000 };
    const dir = dataDir();
    const first = open(dir, clock);
    for (const id of ['x', 'y']) await first.queue.enqueue({ id, trigger: 't', event: { id } });
    const claimed = await first.queue.claim(1, 500);
    expect(claimed.map((j) => j.id)).toEqual(['x']);
    clock.now = 2_000;
    expect((await first.queue.claim(5, 500)).map((j) => `${j.id}#${j.attempt}`).sort()).toEqual(['x#2', 'y#1']);
    await first.close(); // as if the process died holding both

    const second = open(dir, clock);
    expect(await second.queue.recover()).toBe(2);
    expect((await second.queue.claim(5, 500)).map((j) => `${j.id}#${j.attempt}`).sort()).toEqual(['x#3', 'y#2']);
  });

  it('commits a burst of enqueues in one transaction and resolves each only when it is on disk', async () => {
    const clock = { now: 1_000 };
    const dir = dataDir();
    const { queue, close } = open(dir, clock);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => queue.enqueue({ id: `j${i}`, trigger: 't', event: { i } })));
    expect(results.every((r) => r.accepted)).toBe(true);
    await close();
    const reopened = open(dir, clock);
    expect(await reopened.queue.depth()).toEqual({ pending: 500, running: 0, dead: 0 });
  });

  it('refuses a second process on the same data directory', () => {
    const dir = dataDir();
    open(dir, { now: 0 });
    expect(() => openDatabase(dir)).toThrow(UsageError);
    expect(() => openDatabase(dir)).toThrow(/another process is using the daemon database/);
  });

  it('a failing write of one turn rejects only its caller, with or without its own savepoint', async () => {
    const storage = openDatabase(dataDir());
    const db = storage.db;
    const batcher = new WriteBatcher(db);
    onTestFinished(async () => {
      batcher.close();
      await storage.close();
    });
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const results = await Promise.allSettled([
      batcher.write(() => insert.run('a', 1), { singleStatement: true }),
      batcher.write(() => insert.run('a', 2), { singleStatement: true }), // duplicate key: this statement fails alone
      batcher.write(() => {
        insert.run('b', 1);
        insert.run('b', 2); // fails after a first statement: its savepoint undoes both
      }),
      batcher.write(() => insert.run('c', 3), { durable: false, singleStatement: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT k, v FROM t ORDER BY k').all()).toEqual([{ k: 'a', v: 1 }, { k: 'c', v: 3 }]);
  });
});
