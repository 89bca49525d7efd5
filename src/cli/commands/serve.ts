import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineCommand } from 'citty';
import { ExitCode, UsageError } from '../../core/index.ts';
import { DEFAULT_EXECUTOR, DaemonStartError, executorFactory, startDaemon, type AuthTokens, type DeployOutcome } from '../../daemon/index.ts';
import { defaultWorkerCount } from '../../runtime/index.ts';
import { openStore } from '../../store/index.ts';

/**
 * `actuate serve`: the runner daemon. Serves the flows of one commit (or of the commit a ref points
 * at, followed as it moves) over HTTP on loopback, with bearer tokens from files or the environment.
 * SIGTERM/SIGINT drain executions in flight and exit 0; SIGHUP re-reads the token and secrets
 * files and reloads the version (the ref's current commit when following one).
 */
export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Run the daemon: serve a built commit\'s flows over HTTP' },
  args: {
    store: { type: 'string', required: true, description: 'Store: a directory, git+<url>#<branch>, or an https:// URL' },
    commit: { type: 'string', description: 'Serve this built commit (sha or unambiguous prefix)' },
    ref: { type: 'string', description: 'Follow refs/<name> in the store: deploy its commit whenever it moves (e.g. main)' },
    host: { type: 'string', description: 'Address to listen on', default: '127.0.0.1' },
    port: { type: 'string', description: 'Port (0: any free port)', default: '8787' },
    'token-file': { type: 'string', description: 'File of bearer tokens for the API, one per line (or env ACTUATE_TOKEN)' },
    'admin-token-file': { type: 'string', description: 'File of admin tokens for /v1/admin/* (or env ACTUATE_ADMIN_TOKEN); admin API off without one' },
    'insecure-no-auth': { type: 'boolean', description: 'Serve without tokens (loopback only; local experiments)' },
    secrets: { type: 'string', description: 'Secrets JSON file: { "<action>": { "NAME": "value" } } (ACTUATE_SECRET_<ACTION>_<NAME> also works); re-read on reload' },
    data: { type: 'string', description: 'Data directory: async queue, execution records, continuation key', default: '.actuate/daemon' },
    'log-level': { type: 'string', description: 'fatal, error, warn, info, debug, trace or silent', default: 'info' },
    'ref-poll-ms': { type: 'string', description: 'How often a followed ref is read', default: '1000' },
    'body-limit': { type: 'string', description: 'Largest request body in bytes', default: '262144' },
    'max-concurrency': { type: 'string', description: 'Sync executions in flight before 503', default: '256' },
    'max-queue-depth': { type: 'string', description: 'Pending async events before 429', default: '100000' },
    'async-concurrency': { type: 'string', description: 'Async executions at once (keep below --workers: an awaiting action holds a worker)', default: '2' },
    'max-attempts': { type: 'string', description: 'Attempts per async event before it is dead-lettered', default: '5' },
    'retry-base-ms': { type: 'string', description: 'First retry delay of async events (doubles each time)', default: '1000' },
    'retry-max-ms': { type: 'string', description: 'Longest retry delay of async events', default: '300000' },
    'drain-timeout-ms': { type: 'string', description: 'How long SIGTERM waits for executions in flight', default: '30000' },
    executor: { type: 'string', description: `Where flows run: pool (worker threads with a watchdog) or in-thread`, default: DEFAULT_EXECUTOR },
    workers: { type: 'string', description: 'Pool: worker threads (default: one per core, at least 2)' },
    'worker-nice': { type: 'string', description: 'Pool (Linux): nice steps the workers run below the main thread, 0 to 19', default: '10' },
  },
  async run({ args }) {
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
    const tip = gcTip(args.executor, workers, process.execArgv, availableParallelism());
    if (tip) process.stdout.write(`actuate serve: tip: ${tip}\n`);

    const running = daemon;
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        process.stdout.write(`actuate serve: ${signal}: draining executions in flight, then exiting\n`);
        process.off('SIGTERM', onTerm).off('SIGINT', onInt).off('SIGHUP', onHup);
        void running.close().then(resolve, (e: unknown) => {
          process.stderr.write(`error while stopping: ${(e as Error).stack ?? String(e)}\n`);
          resolve();
        });
      };
      const onTerm = () => stop('SIGTERM');
      const onInt = () => stop('SIGINT');
      const onHup = () => {
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

/**
 * The advice for a daemon whose JS threads (the main one, and a pool worker per core by default)
 * take every core while V8 still collects garbage on helper threads: those helpers can then only
 * run by preempting a JS thread, which holds requests up. On the 2-vCPU development VM,
 * `--single-threaded-gc` cut the pool's p99 at half load from 9-14 ms to 5-7 ms at the same
 * throughput (README, Running actions). V8 takes the flag at process start only, so the daemon can
 * only say so; undefined when it does not apply or was followed.
 */
export function gcTip(executor: string, workers: number | undefined, execArgv: readonly string[], cores: number): string | undefined {
  const jsThreads = executor === 'in-thread' ? 1 : 1 + (workers ?? defaultWorkerCount(cores));
  // `--single-threaded` (no background tasks at all) implies it too; V8 reads `-` and `_` alike.
  if (jsThreads < cores || execArgv.some((a) => /^--single[-_]threaded(?:[-_]gc)?$/.test(a))) return undefined;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(jsThreads, 'JS thread')} on ${plural(cores, 'core')}: start the daemon as \`node --single-threaded-gc <path to actuate> serve …\` for a lower tail latency (README: Running actions)`;
}

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
