import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { openDatabase } from '../../src/daemon/index.ts';
import { Checkpointer } from '../../src/daemon/storage/checkpointer.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dataDir = () => tempDir('actuate-ckpt-');

describe('WAL checkpoints on their own thread', () => {
  it('the daemon connection never checkpoints, yet what it commits reaches the database file', async () => {
    const dir = dataDir();
    const storage = openDatabase(dir);
    onTestFinished(() => storage.close());
    const { db } = storage;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const file = path.join(dir, 'actuate.db');
    const before = statSync(file).size;
    db.exec('CREATE TABLE blobs (b TEXT)');
    const insert = db.prepare('INSERT INTO blobs (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(4000));
    })();
    // Pages reach the database file only through a checkpoint; this connection runs none.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 1_000_000), { timeout: 10_000, interval: 50 });
  });

  it('a checkpointer that cannot run says so (the database then checkpoints on its own thread), and stops at once', async () => {
    let c: Checkpointer | undefined;
    const failure = await new Promise<Error>((resolve) => {
      c = new Checkpointer(path.join(dataDir(), 'missing', 'nested', 'actuate.db'), resolve, 10);
    });
    expect(failure.message).toMatch(/directory does not exist|unable to open|cannot open/i);
    // Its thread has exited by now: stop() must not wait for an exit that already happened (the
    // daemon's close() hung on it).
    await new Promise((r) => setTimeout(r, 200));
    await c!.stop();
  }, 10_000);

  it('close() stops the thread and releases the directory for the next daemon', async () => {
    const dir = dataDir();
    const first = openDatabase(dir);
    first.db.exec('CREATE TABLE t (v INTEGER)');
    await first.close();
    const second = openDatabase(dir);
    onTestFinished(() => second.close());
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('a process awaiting close() at its top level waits for the thread (it exits 0, not 13 for an unsettled await)', () => {
    const dist = fileURLToPath(new URL('../../dist/daemon/index.js', import.meta.url));
    const script = `const { openDatabase } = await import(${JSON.stringify(dist)}); const s = openDatabase(${JSON.stringify(dataDir())}); s.db.exec('CREATE TABLE t (v)'); await s.close(); console.log('closed');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, 'closed', '']);
  });
});
