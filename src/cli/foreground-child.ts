import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Set in the child's environment to the launcher's PID: tells the child that the IPC channel it
 * was given is the launcher's lifeline (see {@link followLauncher}).
 */
export const LAUNCHER_ENV = 'ACTUATE_LAUNCHER_PID';

/** The signals a launcher passes on: the ones the daemon acts on (drain, drain, reload). */
export const FORWARDED_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * Runs this CLI again, with the same arguments, in a child `node` started with extra flags (V8 takes
 * some, such as `--single-threaded-gc`, at process start only), as the foreground process: it
 * shares stdio, receives the signals sent to the launcher, and its end is the launcher's end (the
 * same exit code, or the same signal re-raised). The launcher itself runs no JavaScript meanwhile.
 * A signal sent to the whole process group reaches the child twice; the daemon ignores a repeated
 * stop signal while it drains. Resolves with the exit code to use; a spawn failure is a value too.
 */
export async function runInForegroundChild(nodeFlags: readonly string[]): Promise<{ code: number } | { error: string }> {
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [LAUNCHER_ENV]: String(process.pid) },
  });
  const forward = (signal: NodeJS.Signals) => void child.kill(signal);
  for (const s of FORWARDED_SIGNALS) process.on(s, forward);
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: Error }>((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  for (const s of FORWARDED_SIGNALS) process.off(s, forward);
  if ('error' in ended) return { error: `cannot start the daemon's process (${process.execPath}): ${ended.error.message}` };
  if (ended.signal) {
    // End the way the child ended, so a supervisor sees the daemon's signal (e.g. the OOM killer's SIGKILL).
    process.kill(process.pid, ended.signal);
    return { code: 128 + (constants.signals[ended.signal] ?? 0) };
  }
  return { code: ended.code ?? 1 };
}

/**
 * In a child started by {@link runInForegroundChild}: ties its life to the launcher's. The launcher
 * passes every signal it can catch on, so it only ends before its child when it is killed outright
 * (SIGKILL, the OOM killer); the child then ends the same way at once, rather than living on as an
 * orphan that holds the port and the data directory a restarted daemon needs. The durable queue
 * keeps accepted async events through that. Returns the launcher's PID, or undefined when this
 * process was not started by one.
 */
export function followLauncher(): number | undefined {
  const launcher = Number(process.env[LAUNCHER_ENV]);
  if (!Number.isInteger(launcher) || launcher <= 0 || !process.channel) return undefined;
  delete process.env[LAUNCHER_ENV]; // not for the processes this one starts (git)
  const die = () => process.kill(process.pid, 'SIGKILL');
  process.once('disconnect', die);
  process.channel.unref(); // the lifeline must not keep the process alive
  if (process.ppid !== launcher || !process.connected) die(); // the launcher already ended
  return launcher;
}
