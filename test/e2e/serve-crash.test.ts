import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCounterServer } from '../daemon/helpers/counter-server.ts';
import { client, counterSecrets, spawnDaemon, waitFor } from '../daemon/helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, sampleEvent } from '../daemon/helpers/fixture.ts';

const EVENTS = 2000;
const CONCURRENCY = 8;

describe('actuate serve: a crash loses no accepted async event', () => {
  it(`queues ${EVENTS} events, survives kill -9 mid-way, and executes every one at least once after a restart`, async () => {
    const fx = await builtRepo(daemonRepoFiles('A'));
    const counter = await startCounterServer();
    const data = path.join(fx.workDir, 'data');
    const args = ['--store', fx.storeDir, '--commit', fx.first, '--data', data, '--async-concurrency', String(CONCURRENCY), '--log-level', 'warn'];
    const first = await spawnDaemon(fx.workDir, args, { env: counterSecrets(counter.url) });
    const api = client(first.url);

    // Hold the counter's answers while queueing, so the backlog is still large when the daemon dies.
    const release = counter.hold();
    const signup = sampleEvent('post-user-registration');
    const ids = Array.from({ length: EVENTS }, (_, i) => `crash-${i}`);
    let next = 0;
    const accepted = new Set<string>();
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const r = await api.post('/v1/flows/post-user-registration', { ...signup, user: { ...(signup['user'] as object), user_id: id } }, { 'idempotency-key': id });
        if (r.status === 202) accepted.add(id);
      }
    }));
    expect(accepted.size).toBe(EVENTS);
    release();
    await waitFor('a third of the events to run', () => (counter.total() >= EVENTS / 3 ? true : undefined), 60_000);
    // The daemon itself dies (under its launcher when it has one, which then ends the same way).
    process.kill(first.daemonPid, 'SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const beforeCrash = counter.counts.size;

    const second = await spawnDaemon(fx.workDir, args, { env: counterSecrets(counter.url) });
    const api2 = client(second.url);
    await waitFor('every event to run', () => (ids.every((id) => counter.counts.has(id)) ? true : undefined), 120_000);
    await waitFor('the queue to empty', async () => (/actuate_queue_depth\{state="pending"\} 0\nactuate_queue_depth\{state="running"\} 0\n/.test((await api2.get('/metrics')).text) ? true : undefined), 30_000);

    const missing = ids.filter((id) => !counter.counts.has(id));
    const duplicated = ids.filter((id) => counter.counts.get(id)! > 1);
    const extra = duplicated.reduce((n, id) => n + counter.counts.get(id)! - 1, 0);
    console.log(`crash test: ${EVENTS} accepted; ${beforeCrash} executed before kill -9; ${EVENTS - beforeCrash} after the restart; ${missing.length} lost; ${duplicated.length} executed twice or more (${extra} extra executions: ${duplicated.join(', ') || 'none'})`);
    expect(missing).toEqual([]);
    // A duplicate is an execution whose completion was not yet on disk at the kill: one running then,
    // or finished in the last group commit. Each is bounded by the async concurrency.
    expect(extra).toBeLessThanOrEqual(2 * CONCURRENCY);
    expect(second.logLines().some((l) => /running when the previous daemon stopped/.test(String(l['msg'])))).toBe(true);
    const records = await Promise.all(ids.map(async (id) => (await api2.get(`/v1/executions/${id}`)).json?.status as string));
    expect(records.filter((s) => s !== 'final')).toEqual([]);
    expect((await api2.get('/metrics')).text).toContain('actuate_queue_depth{state="dead"} 0');
  }, 240_000);
});
