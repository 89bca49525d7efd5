import type { ArgsDef } from 'citty';
import { DEFAULT_EXECUTOR } from '../../daemon/executor-kind.ts';

/**
 * The options of `actuate serve`, apart from the command, so the launcher (serve-gc.ts) can read
 * them without loading the daemon.
 */
export const serveArgs = {
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
  'worker-nice': { type: 'string', description: 'Pool (Linux): nice steps the workers run below the main thread, 0 to 19', default: '0' },
  gc: { type: 'string', description: 'V8 garbage collection: single-threaded (on each JS thread; the daemon then runs in a child `node --single-threaded-gc`), parallel (V8\'s helper threads), or auto: single-threaded when the JS threads take every core', default: 'auto' },
} satisfies ArgsDef;
