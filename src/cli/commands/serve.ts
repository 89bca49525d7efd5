import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { ExitCode, UsageError } from '../../core/index.ts';
import { DaemonStartError, executorFactory, startDaemon, type AuthTokens, type DeployOutcome } from '../../daemon/index.ts';
import { openStore } from '../../store/index.ts';
import { FORWARDED_SIGNALS, followLauncher } from '../foreground-child.ts';
import { serveArgs } from './serve-args.ts';
import { SINGLE_THREADED_GC } from './serve-gc.ts';

/**
 * `actuate serve`: the runner daemon. Serves the flows of one commit (or of the commit a ref points
 * at, followed as it moves) over HTTP on loopback, with bearer tokens from files or the environment.
 * SIGTERM/SIGINT drain executions in flight and exit 0; SIGHUP re-reads the token and secrets
 * files and reloads the version (the ref's current commit when following one). This may run in a
 * child `node --single-threaded-gc` started by serve-gc.ts, which then passes those signals on.
 */
export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Run the daemon: serve a built commit\'s flows over HTTP' },
  args: serveArgs,
  async run({ args }) {
    const launcher = followLauncher(); // first: a daemon must not outlive a killed launcher, even while starting
    if (!args.commit === !args.ref) throw new UsageError('pass exactly one of --commit <sha> and --ref <name>', 'e.g. `actuate serve --store .actuate/store --ref main`');
    const readTokens = async (): Promise<AuthTokens> => ({
      tokens: [...(await tokenFile(args['token-file'], 'token-file')), ...envTokens('ACTUATE_TOKEN')],
      adminTokens: [...(await tokenFile(args['admin-token-file'], 'admin-token-file')), ...envTokens('ACTUATE_ADMIN_TOKEN')],
    });
    const tokens = await readTokens();
    if (args['insecure-no-auth'] && (tokens.tokens.length > 0 || tokens.adminTokens.length > 0)) {
      throw new UsageError('--insecure-no-auth was given together with tokens', 'drop --insecure-no-auth to require the tokens, or drop the tokens');
    }
    const secretsFile = args.secrets ? path.resolve(args.secrets) : undefined;
    if (secretsFile) await readJsonFile(secretsFile, 'secrets'); // fail now, not at the first load
    if (!LOG_LEVELS.includes(args['log-level'])) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(args['log-level'])}`);
    if (args.executor !== 'pool' && args.executor !== 'in-thread') throw new UsageError(`--executor must be pool or in-thread, not ${JSON.stringify(args.executor)}`);
    const workerNice = int(args['worker-nice'], 'worker-nice');
    if (workerNice > 19) throw new UsageError(`--worker-nice must be from 0 to 19, not ${workerNice}`);
    const workers = args.workers ? int(args.workers, 'workers') : undefined;
    const executor = executorFactory(args.executor, { ...(workers !== undefined ? { workers } : {}), workerNice });
    const continuation = process.env['ACTUATE_CONTINUATION_SECRET'];
    if (launcher !== undefined) process.stdout.write(`actuate serve: pid ${process.pid}, under \`node ${SINGLE_THREADED_GC}\` (--gc ${args.gc}); launcher pid ${launcher} passes ${FORWARDED_SIGNALS.slice(0, -1).join(', ')} and ${FORWARDED_SIGNALS.at(-1)} on\n`);
    let daemon;
    try {
      daemon = await startDaemon({
        // Remote stores (git+…, https://…) cache verified objects under the daemon's own data dir.
        store: openStore(args.store, { cacheDir: path.join(path.resolve(args.data), 'store-cache') }),
        target: args.commit ? { commit: args.commit } : { ref: args.ref! },
        host: args.host,
        port: int(args.port, 'port'),
        auth: args['insecure-no-auth'] ? 'insecure-no-auth' : tokens,
        dataDir: path.resolve(args.data),
        secrets: async () => ({ file: secretsFile ? await readJsonFile(secretsFile, 'secrets') : undefined, env: process.env }),
        ...(continuation ? { continuationSecret: new TextEncoder().encode(continuation) } : {}),
        refPollMs: int(args['ref-poll-ms'], 'ref-poll-ms'),
        bodyLimitBytes: int(args['body-limit'], 'body-limit'),
        maxConcurrency: int(args['max-concurrency'], 'max-concurrency'),
        maxQueueDepth: int(args['max-queue-depth'], 'max-queue-depth'),
        async: {
          concurrency: int(args['async-concurrency'], 'async-concurrency'),
          maxAttempts: int(args['max-attempts'], 'max-attempts'),
          retryBaseMs: int(args['retry-base-ms'], 'retry-base-ms'),
          retryMaxMs: int(args['retry-max-ms'], 'retry-max-ms'),
        },
        drainTimeoutMs: int(args['drain-timeout-ms'], 'drain-timeout-ms'),
        log: { level: args['log-level'] },
        executor,
      });
    } catch (e) {
      if (!(e instanceof DaemonStartError)) throw e;
      process.stderr.write(`error: ${e.message}\n`);
      for (const d of e.diagnostics) process.stderr.write(`  ${d.code}: ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}\n`);
      return ExitCode.Problems;
    }
    const status = await daemon.status();
    process.stdout.write(`actuate serve: listening on ${daemon.url}, serving ${status.serving?.commit} (manifest ${status.serving?.manifest})${'ref' in args && args.ref ? `, following ref ${args.ref}` : ''}\n`);

    const running = daemon;
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        // A signal sent to the process group reaches a launched daemon twice (directly and passed
        // on): a repeat must not end the drain, which --drain-timeout-ms bounds anyway.
        if (stopping) return void process.stdout.write(`actuate serve: ${signal}: already draining\n`);
        stopping = true;
        process.stdout.write(`actuate serve: ${signal}: draining executions in flight, then exiting\n`);
        const done = () => {
          process.off('SIGTERM', onTerm).off('SIGINT', onInt).off('SIGHUP', onHup);
          resolve();
        };
        void running.close().then(done, (e: unknown) => {
          process.stderr.write(`error while stopping: ${(e as Error).stack ?? String(e)}\n`);
          done();
        });
      };
      const onTerm = () => stop('SIGTERM');
      const onInt = () => stop('SIGINT');
      const onHup = () => {
        if (stopping) return;
        void readTokens()
          .then((t) => running.reload(args['insecure-no-auth'] ? undefined : t))
          .then((r: DeployOutcome) => process.stdout.write(r.ok ? `actuate serve: SIGHUP: reloaded ${r.version.commit} in ${r.version.loadMs} ms\n` : `actuate serve: SIGHUP: reload of ${r.commit} failed (${r.diagnostics.map((d) => d.message).join('; ')}); still serving the previous version\n`))
          .catch((e: unknown) => process.stderr.write(`actuate serve: SIGHUP: reload failed: ${(e as Error).message}\n`));
      };
      process.on('SIGTERM', onTerm).on('SIGINT', onInt).on('SIGHUP', onHup);
    });
    process.stdout.write('actuate serve: stopped\n');
    return ExitCode.Ok;
  },
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Tokens from a file: one per line; blank lines and `#` comments ignored. */
async function tokenFile(file: string | undefined, flag: string): Promise<string[]> {
  if (!file) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --${flag} ${file}: ${(e as Error).message}`, 'pass a file holding one token per line');
  }
  const tokens = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (tokens.length === 0) throw new UsageError(`--${flag} ${file} holds no token`, 'write one token per line, e.g. the output of `openssl rand -hex 32`');
  return tokens;
}

function envTokens(name: string): string[] {
  const v = process.env[name]?.trim();
  return v ? v.split(',').map((t) => t.trim()).filter(Boolean) : [];
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${(e as Error).message}`, `pass an existing JSON file with --${what}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`the ${what} file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function int(v: string, flag: string): number {
  if (!/^\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a whole number, not ${JSON.stringify(v)}`);
  return Number(v);
}
