// `npm run bench records`: the daemon's execution log at production size (BENCH_RECORDS, default
// 100,000 records), on the daemon's own database code. Its statements run on the daemon's main
// thread, so what matters is the longest one: every request waits behind it. Measured: the
// minutely maintenance pass with nothing to prune and with 5% to prune, and the filtered listings
// `GET /v1/executions` serves (a rare status, a rare trigger). For comparison, the single
// `seq < ? OR updated_at < ?` statement pruning used before, on the same database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './lib.mjs';

const { openDatabase, WriteBatcher } = await import('../dist/daemon/index.js');
const { ExecutionLog } = await import('../dist/daemon/executions/execution-log.js');

/** The benchmark: fill a log, then time each statement kind over a few runs (medians and maxima). */
export async function benchRecords() {
  const n = Number(process.env.BENCH_RECORDS ?? 100_000);
  const runs = Number(process.env.BENCH_ROUNDS ?? 5);
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-bench-records-'));
  const storage = openDatabase(dir);
  const batcher = new WriteBatcher(storage.db);
  const now = Date.UTC(2026, 0, 1);
  const log = new ExecutionLog(storage.db, batcher, { retentionMs: 10 * 86_400_000, maxRecords: n, onWriteError: (e) => { throw e; }, now: () => now });
  const fill = (count, status = (i) => (i % 1000 === 0 ? 'dead' : 'final')) => {
    for (let i = 0; i < count; i++) {
      const at = new Date(now).toISOString();
      log.put({ id: `e${log.lastSeq + 1}`, trigger: i % 5000 === 0 ? 'post-change-password' : 'post-login', version: 'v3', mode: 'sync', status: status(i), outcome: 'success', createdAt: at, updatedAt: at, results: [{ action: 'role-claims', bundle: 'sha256:' + '0'.repeat(64), handler: 'onExecutePostLogin', status: 'success', startedAt: at, endedAt: at, durationMs: 0.2, cpuMs: 0.1, console: 'login of auth0|5f7c8ec7c33c6c004bbafe82 from GB', consoleTruncated: false }] });
      if (i % 1000 === 999) log.list({ limit: 1 }); // commits what was put
    }
    log.list({ limit: 1 });
  };
  /** The longest synchronous stretch of `fn` (its statements run in separate turns). */
  const longestBlock = async (fn) => {
    let longest = 0;
    const write = batcher.write.bind(batcher);
    batcher.write = (work, o) => write(() => {
      const t = performance.now();
      try {
        return work();
      } finally {
        longest = Math.max(longest, performance.now() - t);
      }
    }, o);
    try {
      await fn();
    } finally {
      batcher.write = write;
    }
    return longest;
  };
  const time = (fn) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  const summary = (xs) => `${median(xs).toFixed(2)} (max ${Math.max(...xs).toFixed(2)})`;

  fill(n);
  const rows = [];
  const idle = [];
  for (let r = 0; r < runs; r++) idle.push(await longestBlock(() => log.maintain()));
  rows.push(['maintenance pass, nothing to prune: longest statement', summary(idle)]);
  const due = [];
  for (let r = 0; r < runs; r++) {
    fill(Math.round(n / 20));
    due.push(await longestBlock(() => log.maintain()));
  }
  rows.push([`maintenance pass pruning ${Math.round(n / 20)} (in small batches): longest statement`, summary(due)]);
  const cutoff = storage.db.prepare('SELECT seq FROM executions ORDER BY seq DESC LIMIT 1 OFFSET ?').pluck().get(n - 1) ?? 0;
  const single = storage.db.prepare(`SELECT id FROM executions WHERE seq < ? OR updated_at < ? ORDER BY seq LIMIT 500`);
  const before = [];
  for (let r = 0; r < runs; r++) before.push(time(() => single.all(cutoff, now - 10 * 86_400_000)));
  rows.push(['for comparison: the former single prune statement, nothing to prune', summary(before)]);
  const formerList = storage.db.prepare(`SELECT record FROM executions WHERE (? IS NULL OR trigger = ?) AND (? IS NULL OR status = ?) AND seq > ? ORDER BY seq DESC LIMIT ?`);
  const beforeList = [];
  for (let r = 0; r < runs; r++) beforeList.push(time(() => formerList.all(null, null, 'suspended', 'suspended', 0, 50)));
  rows.push(['for comparison: the former listing statement, status=suspended (none)', summary(beforeList)]);
  for (const [label, q] of [
    ['GET /v1/executions?status=dead&limit=50 (1 in 1,000)', { status: 'dead', limit: 50 }],
    ['GET /v1/executions?trigger=post-change-password&limit=50 (1 in 5,000)', { trigger: 'post-change-password', limit: 50 }],
    ['GET /v1/executions?status=suspended&limit=50 (none)', { status: 'suspended', limit: 50 }],
    ['GET /v1/executions?limit=50', { limit: 50 }],
  ]) {
    const xs = [];
    for (let r = 0; r < runs; r++) xs.push(time(() => log.list(q)));
    rows.push([label, summary(xs)]);
  }
  batcher.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
  rows.push(...(await insertCost(runs)));

  console.log(`\n## Execution log at ${n.toLocaleString('en')} records (the daemon's main thread; ${runs} runs)\n`);
  console.log('| operation | ms (µs where marked), median (max) |');
  console.log('|---|---|');
  for (const [label, v] of rows) console.log(`| ${label} | ${v} |`);
}

/**
 * What writing a record costs the main thread (put and its share of the group commit), with the
 * listing indexes (executions_trigger, executions_unfinished) and without them, in alternating
 * rounds on fresh databases: the price of filtered listings without full scans.
 */
async function insertCost(runs) {
  const per = { with: [], without: [] };
  const count = 20_000;
  for (let r = 0; r < runs; r++) {
    for (const variant of ['with', 'without']) {
      const dir = mkdtempSync(path.join(tmpdir(), 'actuate-bench-records-'));
      const storage = openDatabase(dir);
      if (variant === 'without') storage.db.exec('DROP INDEX executions_trigger; DROP INDEX executions_unfinished');
      const batcher = new WriteBatcher(storage.db);
      const log = new ExecutionLog(storage.db, batcher, { retentionMs: 1e12, maxRecords: 1e9, onWriteError: (e) => { throw e; } });
      const at = new Date().toISOString();
      const t = performance.now();
      for (let i = 0; i < count; i++) {
        log.put({ id: `e${i}`, trigger: 'post-login', version: 'v3', mode: 'sync', status: 'final', outcome: 'success', createdAt: at, updatedAt: at, results: [] });
        if (i % 20 === 19) log.list({ limit: 1 }); // a commit every 20 records, as at about 1,000 requests a second
      }
      log.list({ limit: 1 });
      per[variant].push(((performance.now() - t) * 1000) / count);
      batcher.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    ['writing a record, with the listing indexes: µs', `${median(per.with).toFixed(1)} (max ${Math.max(...per.with).toFixed(1)})`],
    ['writing a record, without them: µs', `${median(per.without).toFixed(1)} (max ${Math.max(...per.without).toFixed(1)})`],
  ];
}

if (process.argv[1] === new URL(import.meta.url).pathname) await benchRecords();
