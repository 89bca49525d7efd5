import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wantsSingleThreadedGc } from '../../src/cli/commands/serve-gc.ts';
import { runCli } from '../helpers/cli.ts';
import { client, spawnDaemon, waitFor } from '../daemon/helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, loginEvent, type BuiltRepo } from '../daemon/helpers/fixture.ts';

/** Whether a process runs (a zombie, killed and not yet reaped, does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/** `actuate serve` keeps V8's garbage collection on its JS threads by running in a child node. */
describe('actuate serve --gc: the daemon in a child `node --single-threaded-gc`', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  const cleanup = (fn: () => void | Promise<void>) => void cleanups.push(fn);
  let fx: BuiltRepo & { first: string };
  let n = 0;
  const serve = (...extra: string[]) => spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--commit', fx.first, '--data', path.join(fx.workDir, `data-${++n}`), ...extra]);

  beforeAll(async () => {
    fx = await builtRepo(daemonRepoFiles('A'), cleanup);
  }, 120_000);
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('serves from the child, which gets the launcher\'s signals, and drains once when both get one', async () => {
    const daemon = await serve('--gc', 'single-threaded');
    expect(daemon.daemonPid).not.toBe(daemon.proc.pid);
    expect(parentOf(daemon.daemonPid)).toBe(daemon.proc.pid);
    expect(cmdline(daemon.daemonPid)).toContain('--single-threaded-gc');
    expect(cmdline(daemon.proc.pid!)).not.toContain('--single-threaded-gc');
    expect(daemon.stdout()).toContain(`actuate serve: pid ${daemon.daemonPid}, under \`node --single-threaded-gc\` (--gc single-threaded); launcher pid ${daemon.proc.pid} passes SIGTERM, SIGINT and SIGHUP on`);
    expect((await client(daemon.url).post('/v1/flows/post-login', loginEvent('auth0|launched'))).json.outcome).toBe('success');

    daemon.proc.kill('SIGHUP'); // passed on: the daemon reloads
    await waitFor('the reload', () => (daemon.stdout().includes('SIGHUP: reloaded') ? true : undefined));
    // Ctrl-C in a terminal signals the whole group: the daemon hears it directly and from the launcher.
    process.kill(daemon.daemonPid, 'SIGINT');
    daemon.proc.kill('SIGINT');
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    expect(daemon.stdout().match(/SIGINT: draining/g)).toHaveLength(1);
    expect(daemon.stdout()).toContain('SIGINT: already draining');
    expect(daemon.stdout()).toContain('actuate serve: stopped');
    expect(alive(daemon.daemonPid)).toBe(false);
  });

  it('dies with a launcher killed outright, and the launcher ends the way its daemon did', async () => {
    const orphaned = await serve('--gc', 'single-threaded');
    orphaned.proc.kill('SIGKILL');
    await waitFor('the daemon to end with its launcher', () => (alive(orphaned.daemonPid) ? undefined : true), 10_000);

    const killed = await serve('--gc', 'single-threaded');
    process.kill(killed.daemonPid, 'SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('runs in one process with --gc parallel, and refuses an unknown --gc', async () => {
    const daemon = await serve('--gc', 'parallel');
    expect(daemon.daemonPid).toBe(daemon.proc.pid);
    expect(daemon.stdout()).not.toContain('under `node');
    expect(readFileSync(`/proc/${daemon.proc.pid}/task/${daemon.proc.pid}/children`, 'utf8').trim()).toBe('');
    expect((await client(daemon.url).post('/v1/flows/post-login', loginEvent('auth0|one-process'))).json.outcome).toBe('success');

    const bad = runCli(['serve', '--store', fx.storeDir, '--commit', fx.first, '--gc', 'concurrent']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--gc must be one of auto, single-threaded, parallel, not "concurrent"');
  });

  it('auto: only when the JS threads take every core, not under the flag already, nor with an inspector', () => {
    const auto = (executor: string, workers: number | undefined, execArgv: string[], cores: number) => wantsSingleThreadedGc({ gc: 'auto', executor, workers }, execArgv, cores);
    expect(auto('pool', undefined, [], 2)).toBe(true); // 1 main + 2 workers on 2 cores
    expect(auto('pool', undefined, [], 16)).toBe(true); // a worker per core, always
    expect(auto('pool', 3, [], 8)).toBe(false);
    expect(auto('pool', 7, [], 8)).toBe(true);
    expect(auto('in-thread', undefined, [], 2)).toBe(false);
    expect(auto('in-thread', undefined, [], 1)).toBe(true);
    for (const flag of ['--single-threaded-gc', '--single_threaded_gc', '--single-threaded']) expect(auto('pool', undefined, [flag], 2)).toBe(false);
    expect(auto('pool', undefined, ['--inspect=9229'], 2)).toBe(false);
    expect(wantsSingleThreadedGc({ gc: 'single-threaded', executor: 'in-thread', workers: undefined }, ['--inspect'], 64)).toBe(true);
    expect(wantsSingleThreadedGc({ gc: 'parallel', executor: 'pool', workers: undefined }, [], 1)).toBe(false);
  });
});
