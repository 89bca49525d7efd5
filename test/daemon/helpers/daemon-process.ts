import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { CLI } from '../../helpers/cli.ts';

export const USER_TOKEN = 'user-token-0123456789abcdef0123';
export const ADMIN_TOKEN = 'admin-token-0123456789abcdef0123';

/** The real `actuate serve` in a child process, on 127.0.0.1 with a free port. */
export interface DaemonProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /**
   * The PID of the daemon itself: a child of `proc` when `actuate serve` launched it under
   * `node --single-threaded-gc` (its "pid N, under …" line), else `proc`'s own.
   */
  readonly daemonPid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** JSON lines the daemon logged on stderr (pino). */
  logLines(): Record<string, unknown>[];
}

/**
 * Spawns `actuate serve --port 0 <args>` with token files in `workDir`, waits for its
 * "listening on <url>" line, and kills it (SIGKILL) when the test ends if it is still running.
 * Rejects with its output when it exits before listening.
 */
export async function spawnDaemon(workDir: string, args: string[], opts: { env?: Record<string, string>; tokens?: boolean; cleanup?: (fn: () => void | Promise<void>) => void } = {}): Promise<DaemonProcess> {
  const tokenArgs: string[] = [];
  if (opts.tokens !== false) {
    writeFileSync(path.join(workDir, 'token'), `# user tokens\n${USER_TOKEN}\n`);
    writeFileSync(path.join(workDir, 'admin-token'), `${ADMIN_TOKEN}\n`);
    tokenArgs.push('--token-file', path.join(workDir, 'token'), '--admin-token-file', path.join(workDir, 'admin-token'));
  }
  const proc = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', ...tokenArgs, ...args], {
    env: { ...process.env, NO_COLOR: '1', ACTUATE_TOKEN: '', ACTUATE_ADMIN_TOKEN: '', ...counterSecrets('http://127.0.0.1:9'), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  (opts.cleanup ?? onTestFinished)(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the daemon did not start in 30 s:\n${out}\n${err}`)), 30_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+?),/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the daemon exited (${code ?? signal}) before listening:\n${out}\n${err}`));
    });
  });
  const launched = /actuate serve: pid (\d+), under /.exec(out);
  return {
    url, proc, exited,
    daemonPid: launched ? Number(launched[1]) : proc.pid!,
    stdout: () => out,
    stderr: () => err,
    logLines: () => err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** The secrets the fixture's async actions declare (where to count executions), as environment variables. */
export function counterSecrets(url: string): Record<string, string> {
  return { ACTUATE_SECRET_COUNT_SIGNUP_COUNTER_URL: url, ACTUATE_SECRET_COUNT_PASSWORD_COUNTER_URL: url };
}

/** A small JSON client for the daemon's API. */
export function client(url: string, token: string | null = USER_TOKEN) {
  const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url + route, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    get: (route: string, headers?: Record<string, string>) => call('GET', route, undefined, headers),
    post: (route: string, body?: unknown, headers?: Record<string, string>) => call('POST', route, body, headers),
  };
}

/** Polls `check` every 50 ms until it returns a value other than undefined (or fails after `timeoutMs`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
