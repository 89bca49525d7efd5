import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  createInThreadExecutor, createWorkerPoolExecutor, ExecutorOverloadedError, flowResultJson, isOverloaded,
  type DeploymentHandle, type FlowResult, type WorkerPoolExecutor,
} from '../../src/runtime/index.ts';
import { capResultSize } from '../../src/runtime/pool/results.ts';
import { action, flow } from '../helpers/actions.ts';
import { sampleEvent } from '../helpers/deploy.ts';
import { buildFiles, testPoolOptions, type BuiltRepo } from '../helpers/pool.ts';

const CODE = `// @ts-nocheck
exports.onExecutePostLogin = async (event, api) => {
  const c = event.user.app_metadata.case;
  api.idToken.setCustomClaim('https://x/email', event.user.email);
  api.accessToken.setCustomClaim('https://x/key', event.secrets.KEY.length);
  console.log('login', event.user.user_id);
  if (c === 'deny') api.access.deny('no entry');
  if (c === 'slow') await new Promise((r) => setTimeout(r, 300));
  if (c === 'redirect') api.redirect.sendUserTo('https://consent.example.com/', { query: { a: '1' } });
  if (c === 'logs') for (let i = 0; i < 8; i++) console.log(String(i).repeat(1000));
  if (c === 'alloc') { const keep = []; for (let i = 0; i < 20000; i++) keep.push('z'.repeat(1024) + i); globalThis.kept = keep.length; }
  if (c === 'stuck') Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1); // a built-in the sandbox cannot interrupt
};
exports.onContinuePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x/continued', true);
};
`;
const SECRETS = { file: { main: { KEY: 'a-secret-key-value' } } };
const login = (c: string, extra: Record<string, unknown> = {}) => {
  const e = sampleEvent('post-login@v3');
  return { ...e, user: { ...(e['user'] as object), app_metadata: { case: c } }, ...extra };
};
/** This process's threads, and a thread's nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
const threadIds = () => readdirSync(`/proc/${process.pid}/task`).map(Number);
const niceOf = (tid: number) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[16]);
const claims = (r: FlowResult) => (r.commands as unknown as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;

let repo: BuiltRepo;
let shared: { pool: WorkerPoolExecutor; handle: DeploymentHandle } | undefined;

/** The file's default pool (2 workers + 1 spare), created on first use. */
async function defaultPool(): Promise<{ pool: WorkerPoolExecutor; handle: DeploymentHandle }> {
  shared ??= await loadInto(createWorkerPoolExecutor(testPoolOptions({ workers: 2, spares: 1 })));
  return shared;
}

/** A pool with its own options, closed when the test ends. */
async function poolWith(options: Parameters<typeof testPoolOptions>[0]): Promise<{ pool: WorkerPoolExecutor; handle: DeploymentHandle }> {
  const pool = createWorkerPoolExecutor(testPoolOptions({ workers: 2, spares: 1, ...options }));
  onTestFinished(() => pool.close());
  return loadInto(pool);
}

async function loadInto(pool: WorkerPoolExecutor): Promise<{ pool: WorkerPoolExecutor; handle: DeploymentHandle }> {
  const loaded = await pool.load(repo.store, { commit: repo.commit }, { secrets: SECRETS });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return { pool, handle: loaded.handle };
}

beforeAll(async () => {
  repo = await buildFiles({
    'actuate.json': JSON.stringify({ limits: { flowTimeoutMs: 2000, actionTimeoutMs: 2000 } }) + '\n',
    ...action('main', { trigger: 'post-login', secrets: ['KEY'] }, CODE),
    ...flow('post-login', ['main']),
  }, 'file');
});

afterAll(async () => {
  await shared?.pool.close();
});

describe('worker pool executor', () => {
  it('gives the same results as the in-thread executor', async () => {
    const { pool, handle } = await defaultPool();
    const inThread = createInThreadExecutor();
    const loaded = await inThread.load(repo.store, { commit: repo.commit }, { secrets: SECRETS });
    if (!loaded.ok) throw new Error('in-thread load failed');
    for (const c of ['ok', 'deny', 'redirect']) {
      const a = await pool.run(handle, 'post-login', login(c), { executionId: `id-${c}` });
      const b = await inThread.run(loaded.handle, 'post-login', login(c), { executionId: `id-${c}` });
      expect(a.executionId).toBe(`id-${c}`);
      expect([a.outcome, a.commands, a.denied, a.actions.map((x) => [x.status, x.logs.map((l) => l.message)])])
        .toEqual([b.outcome, b.commands, b.denied, b.actions.map((x) => [x.status, x.logs.map((l) => l.message)])]);
    }
    await inThread.close();
    expect(pool.metrics()).toMatchObject({ workers: 3, spares: 1, busy: 0, queued: 0 });
  });

  it('hands over the JSON text of each result it parsed, out of sight of copies and serialisations', async () => {
    const { pool, handle } = await defaultPool();
    const r = await pool.run(handle, 'post-login', login('ok'));
    const text = flowResultJson(r);
    expect(text).toBeDefined();
    expect(JSON.parse(text!)).toEqual(r);
    expect(JSON.stringify(r)).toBe(text);
    expect(flowResultJson({ ...r })).toBeUndefined();
  });

  it('sends the caller\'s JSON text of the event as it is, and applies the size limit to it', async () => {
    const { pool, handle } = await poolWith({ maxEventChars: 20_000 });
    const event = login('ok');
    // Whitespace and key order as a client might send them: the worker parses this text.
    const text = JSON.stringify(event, null, 2);
    const a = await pool.run(handle, 'post-login', event, { executionId: 'text', eventJson: text });
    const b = await pool.run(handle, 'post-login', event, { executionId: 'text' });
    expect(a.outcome).toBe('success');
    const logs = (r: FlowResult) => r.actions.map((x) => x.logs.map((l) => l.message));
    expect([a.commands, logs(a)]).toEqual([b.commands, logs(b)]);
    const padded = await pool.run(handle, 'post-login', event, { eventJson: text + ' '.repeat(20_000) });
    expect(padded.problems![0]!.message).toMatch(/the event is too large/);
  });

  it('parses the text itself when given only the text: what is not a JSON object is rejected, and costs no worker', async () => {
    const { pool, handle } = await poolWith({});
    expect(pool.parsesEventJson).toBe(true);
    const ok = await pool.run(handle, 'post-login', undefined, { eventJson: JSON.stringify(login('ok')) });
    expect(ok.outcome).toBe('success');
    for (const text of ['{"user": ', '{"a": 1} trailing', '[1, 2]']) {
      const r = await pool.run(handle, 'post-login', undefined, { eventJson: text });
      expect([r.outcome, r.problems], text).toEqual(['rejected', [{ pointer: '', message: 'the event must be a JSON object' }]]);
    }
    expect((await pool.run(handle, 'post-login', undefined, { eventJson: JSON.stringify(login('ok')) })).outcome).toBe('success');
    expect(pool.metrics()).toMatchObject({ recycled: 0, crashed: 0 });
  });

  it('resumes a redirected flow in any worker (one continuation secret for all) and passes the caller clock', async () => {
    const { pool, handle } = await defaultPool();
    const first = await pool.run(handle, 'post-login', login('redirect'));
    expect(first.outcome).toBe('redirect');
    // Four at once on two workers: both workers resume the same state.
    const resumed = await Promise.all([1, 2, 3, 4].map(() => pool.continue(handle, 'post-login', first.redirect!.state, login('ok'))));
    for (const r of resumed) {
      expect(r.outcome).toBe('success');
      expect(r.executionId).toBe(first.executionId);
      expect(claims(r)['https://x/continued']).toBe(true);
    }
    const late = await pool.continue(handle, 'post-login', first.redirect!.state, login('ok'), { now: () => Date.now() + 3_600_000 });
    expect(late.outcome).toBe('rejected');
    expect(late.problems![0]!.message).toContain('expired');
  });

  it('loads atomically: a failing top level or a missing secret fails the load and leaves nothing behind', async () => {
    const { pool } = await defaultPool();
    const broken = await buildFiles({
      ...action('boom', { trigger: 'post-login' }, `throw new Error('top level failed');\nexports.onExecutePostLogin = async () => {};\n`),
      ...flow('post-login', ['boom']),
    });
    const r = await pool.load(broken.store, { commit: broken.commit });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toEqual(['E_ACTION_LOAD']);
    expect(!r.ok && r.diagnostics[0]!.message).toContain('top level failed');
    const noSecret = await pool.load(repo.store, { commit: repo.commit });
    expect(!noSecret.ok && noSecret.diagnostics.map((d) => d.code)).toEqual(['E_SECRET_MISSING']);
    await expect(pool.load(repo.store, { commit: 'f'.repeat(40) })).rejects.toThrow(/has no manifest for commit/);
    expect((await pool.workerStats()).map((s) => s.deployments)).toEqual([1, 1, 1]);
  });

  it('terminates workers stuck loading a top level the sandbox cannot interrupt, and fails that load only', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 1, loadTimeoutMs: 1000 });
    const stuck = await buildFiles({
      ...action('stuck', { trigger: 'post-login' }, `Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1);\nexports.onExecutePostLogin = async () => {};\n`),
      ...flow('post-login', ['stuck']),
    });
    const r = await pool.load(stuck.store, { commit: stuck.commit });
    expect(!r.ok && r.diagnostics.map((d) => d.code)).toEqual(['E_ACTION_LOAD_TIMEOUT']);
    expect(pool.metrics().terminated).toBe(2);
    expect((await pool.run(handle, 'post-login', login('ok'))).outcome).toBe('success');
  });

  it('refuses events that are too large or not JSON before they reach a worker', async () => {
    const { pool, handle } = await poolWith({ maxEventChars: 20_000 });
    const executions = pool.metrics().executions;
    const big = await pool.run(handle, 'post-login', login('ok', { padding: 'p'.repeat(20_000) }));
    expect(big).toMatchObject({ outcome: 'rejected', version: 'v3', actions: [] });
    expect(big.problems![0]!.message).toMatch(/the event is too large: \d+ characters of JSON \(the limit is 20000\)/);
    const cyclic: Record<string, unknown> = login('ok');
    cyclic['self'] = cyclic;
    const bad = await pool.run(handle, 'post-login', cyclic);
    expect(bad.outcome).toBe('rejected');
    expect(bad.problems![0]!.message).toContain('cannot be serialised as JSON');
    expect(pool.metrics().executions).toBe(executions);
  });

  it('caps the result a worker sends back: console output goes first', async () => {
    const { pool, handle } = await poolWith({ maxResultChars: 6000 });
    const r = await pool.run(handle, 'post-login', login('logs'));
    expect(r.outcome).toBe('success');
    expect(r.actions[0]!.logs).toEqual([]);
    expect(r.actions[0]!.droppedLogs).toBe(9);
    expect(claims(r)['https://x/email']).toBe('ada@acme.example');
  });

  it('hands a worker the next execution early, queues when every worker is full, and refuses beyond the bound', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 0, maxQueued: 1 });
    const running = pool.run(handle, 'post-login', login('slow'));
    const waiting = pool.run(handle, 'post-login', login('slow')); // in the worker, after the first (pipelineDepth 2)
    const queued = pool.run(handle, 'post-login', login('slow'));
    expect(pool.metrics()).toMatchObject({ busy: 1, queued: 1 });
    const refused = await pool.run(handle, 'post-login', login('ok')).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ExecutorOverloadedError);
    expect(isOverloaded(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/overloaded: 1 executions are already waiting/);
    const done = await Promise.all([running, waiting, queued]);
    expect(done.map((r) => r.outcome)).toEqual(['success', 'success', 'success']);
    // In order, one after the other: each started after the one before it ended.
    for (let i = 1; i < 3; i++) expect(done[i]!.actions[0]!.startedAt).toBeGreaterThanOrEqual(done[i - 1]!.actions[0]!.endedAt);
    expect(pool.metrics()).toMatchObject({ busy: 0, queued: 0, overloaded: 1, executions: 3 });
  });

  it('a worker that becomes free takes back a run waiting behind a slow one in another worker', async () => {
    const { pool, handle } = await poolWith({ workers: 2, spares: 0 });
    const order: string[] = [];
    const slow = pool.run(handle, 'post-login', login('slow')).then((r) => (order.push('slow'), r)); // 300 ms timer
    const quick = pool.run(handle, 'post-login', login('ok')).then((r) => (order.push('quick'), r));
    const waiting = pool.run(handle, 'post-login', login('ok')).then((r) => (order.push('waiting'), r)); // behind the slow one
    const rs = await Promise.all([slow, quick, waiting]);
    expect(rs.map((r) => r.outcome)).toEqual(['success', 'success', 'success']);
    expect(order).toEqual(['quick', 'waiting', 'slow']);
  });

  it('with pipelineDepth 1 sends a worker its next execution only once it answered', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 0, maxQueued: 1, pipelineDepth: 1 });
    const running = pool.run(handle, 'post-login', login('slow'));
    const queued = pool.run(handle, 'post-login', login('slow'));
    expect(pool.metrics()).toMatchObject({ busy: 1, queued: 1 });
    expect(await pool.run(handle, 'post-login', login('ok')).then(() => undefined, (e: unknown) => e)).toBeInstanceOf(ExecutorOverloadedError);
    expect([(await running).outcome, (await queued).outcome]).toEqual(['success', 'success']);
  });

  it('unloads a version once its executions in flight finish; other versions stay', async () => {
    const { pool } = await defaultPool();
    const { handle } = await loadInto(pool);
    expect((await pool.workerStats()).map((s) => s.deployments)).toEqual([2, 2, 2]);
    const inFlight = pool.run(handle, 'post-login', login('slow'));
    pool.unload(handle);
    await expect(pool.run(handle, 'post-login', login('ok'))).rejects.toThrow(/unloaded/);
    expect((await inFlight).outcome).toBe('success');
    await new Promise((r) => setTimeout(r, 20));
    expect((await pool.workerStats()).map((s) => s.deployments)).toEqual([1, 1, 1]);
    expect((await pool.run(shared!.handle, 'post-login', login('ok'))).outcome).toBe('success');
  });

  it('recycles a worker whose WASM memory passed the high-water mark, and after a number of executions', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 1, maxMemoryBytes: 64 << 20, memoryHighWaterBytes: 24 << 20, maxExecutionsPerWorker: 3 });
    expect((await pool.run(handle, 'post-login', login('alloc'))).outcome).toBe('success');
    expect(pool.metrics().recycledFor.memory).toBe(1);
    for (let i = 0; i < 3; i++) expect((await pool.run(handle, 'post-login', login('ok'))).outcome).toBe('success');
    expect(pool.metrics().recycledFor).toMatchObject({ memory: 1, executions: 1 });
    expect(pool.metrics().recycled).toBe(2);
  });

  it('gives a run waiting in a worker due for recycling to another worker', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 1, maxMemoryBytes: 64 << 20, memoryHighWaterBytes: 24 << 20 });
    const heavy = pool.run(handle, 'post-login', login('alloc'));
    const next = pool.run(handle, 'post-login', login('ok')); // handed to the same worker, behind the heavy one
    expect((await heavy).outcome).toBe('success');
    const r = await next;
    expect(r.outcome).toBe('success');
    expect(claims(r)['https://x/email']).toBe('ada@acme.example');
    expect(pool.metrics()).toMatchObject({ recycledFor: { memory: 1 }, executions: 2, crashed: 0 });
  });

  it('when the watchdog stops a worker, the run waiting in it never started there and runs on another', async () => {
    const { pool, handle } = await poolWith({ workers: 1, spares: 1, watchdogGraceMs: 200 });
    const stuck = pool.run(handle, 'post-login', login('stuck'));
    const next = pool.run(handle, 'post-login', login('ok')); // waits in the stuck worker
    const r = await stuck;
    expect(r.error).toMatchObject({ kind: 'timeout' });
    expect(r.error!.message).toContain('worker was terminated');
    const n = await next;
    expect(n.outcome).toBe('success');
    expect(n.actions[0]!.logs.map((l) => l.message)).toEqual(['login auth0|6543a1b2c3d4e5f6a7b8c9d0']);
    expect(pool.metrics()).toMatchObject({ terminated: 1, executions: 2 });
  });

  it("counts its workers' GC pauses, which each worker reports with its results", async () => {
    const { pool, handle } = await defaultPool();
    const before = pool.metrics().workerGc!;
    // Each execution leaves tens of KB of host-side garbage in its worker: scavenges for certain.
    for (let i = 0; i < 600; i++) expect((await pool.run(handle, 'post-login', login('ok'))).outcome).toBe('success');
    const after = pool.metrics().workerGc!;
    expect(after.minor.count).toBeGreaterThan(before.minor.count);
    expect(after.minor.seconds).toBeGreaterThan(before.minor.seconds);
    expect(after.major.count).toBeGreaterThanOrEqual(before.major.count);
  });

  it('drains executions in flight on close and refuses new work', async () => {
    const { pool, handle } = await poolWith({});
    const inFlight = pool.run(handle, 'post-login', login('slow'));
    await pool.close();
    expect((await inFlight).outcome).toBe('success');
    await expect(pool.run(handle, 'post-login', login('ok'))).rejects.toThrow(/closed/);
    expect(pool.metrics().workers).toBe(0);
  });

  it('reports a worker entry Node cannot load as a usage error with the fix', async () => {
    const pool = createWorkerPoolExecutor({ workers: 1, spares: 0, workerUrl: new URL('../../src/runtime/pool/worker-entry.ts', import.meta.url) });
    onTestFinished(() => pool.close());
    await expect(pool.ready()).rejects.toThrow(/TypeScript and this Node cannot load it/);
    await expect(pool.load(repo.store, { commit: repo.commit }, { secrets: SECRETS })).rejects.toThrow(/TypeScript/);
  });

  it('validates its options', () => {
    expect(() => createWorkerPoolExecutor({ workers: 0 })).toThrow(/"workers" must be an integer of at least 1, got 0/);
    expect(() => createWorkerPoolExecutor({ maxMemoryBytes: 1 << 20 })).toThrow(/"maxMemoryBytes" must be an integer of at least 16777216/);
    expect(() => createWorkerPoolExecutor({ maxMemoryBytes: 32 << 20, memoryHighWaterBytes: 48 << 20 })).toThrow(/must not exceed maxMemoryBytes/);
    expect(() => createWorkerPoolExecutor({ workerNice: 20 })).toThrow(/"workerNice" must be an integer from 0 to 19, got 20/);
  });

  it.skipIf(process.platform !== 'linux')('runs its workers below the main thread (Linux nice, per thread), and leaves the main thread alone', async () => {
    const before = new Set(threadIds());
    const mainNice = niceOf(process.pid);
    const pool = createWorkerPoolExecutor(testPoolOptions({ workers: 2, spares: 1, workerNice: 7 }));
    onTestFinished(() => pool.close());
    await pool.ready();
    await vi.waitFor(() => expect(threadIds().filter((t) => !before.has(t) && niceOf(t) === Math.min(19, mainNice + 7)).length).toBeGreaterThanOrEqual(3));
    expect(niceOf(process.pid)).toBe(mainNice);
  });
});

describe('capResultSize', () => {
  const result: FlowResult = {
    executionId: 'e', trigger: 'post-login', version: 'v3', manifest: 'sha256:0' as FlowResult['manifest'], outcome: 'success', commands: undefined,
    actions: [{ name: 'a', bundle: 'sha256:1' as FlowResult['manifest'], handler: 'h', status: 'success', startedAt: 0, endedAt: 0, durationMs: 0, cpuMs: 0, logs: [{ level: 'log', message: 'm'.repeat(5000), atMs: 0 }], droppedLogs: 2 }],
    durationMs: 1,
  };
  it('keeps a result under the cap as is, drops logs first, then turns it into an error', () => {
    expect(JSON.parse(capResultSize(result, 100_000))).toEqual(result);
    const lean = JSON.parse(capResultSize(result, 2000)) as FlowResult;
    expect(lean.outcome).toBe('success');
    expect(lean.actions[0]).toMatchObject({ logs: [], droppedLogs: 3 });
    const bare = JSON.parse(capResultSize(result, 100)) as FlowResult;
    expect(bare).toMatchObject({ outcome: 'error', actions: [], error: { kind: 'error', name: 'RangeError' } });
    expect(bare.error!.message).toMatch(/the flow result is too large: \d+ characters \(the limit is 100\)/);
  });
});
