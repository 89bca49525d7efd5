// `npm run bench daemon`: the runner daemon under HTTP load on loopback, side by side with an
// unsandboxed baseline (the same framework, the same three post-login handlers called directly).
// Servers: the baseline, the daemon with the pool (by default in a child `node --single-threaded-gc`)
// and in-thread, and the pool with V8's GC helper threads (`--gc parallel`, one process). Reports
// maximum throughput, p50/p99 latency at full and at half load, the ratio to the baseline, where the half-load answers
// over 5 ms spent their time (before the flow, in it, after it), the main thread's GC pauses at half
// load (read from each daemon's /metrics), CPU per request by thread, and the
// default daemon's RSS over a soak (BENCH_SOAK_S seconds, default 60; ACTUATE_SOAK=1 runs 300).
// The servers are measured in alternating rounds (BENCH_ROUNDS, default 3, of BENCH_DURATION_S
// seconds each, default 5) and the figures are medians: on a shared machine the speed drifts by
// tens of percent within a minute, and one run per server compared different moments, not servers.
// A/B runs: BENCH_VARIANTS adds daemons (other node flags, serve arguments or another checkout's
// build), BENCH_AB=1 leaves out the in-thread and --gc parallel rows, BENCH_SOAK_S=0 the soak.
// Run alone as `node bench/daemon.mjs`; `node bench/daemon.mjs --baseline <port>` is the baseline server.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { timingSafeEqual, createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, ROOT, makeRepo, median } from './lib.mjs';
import { pacedLoad } from './paced-load.mjs';
import { cpuPerRequest, threadTimes } from './thread-cpu.mjs';

const TOKEN = 'bench-token-0123456789abcdef0123';
/** Answers slower than this at half load are split into where their time went (paced-load.mjs). */
const SLOW_MS = 5;
const NS = 'https://example.com/';

/** The three actions of the benchmarked post-login flow, as their source files (also run directly by the baseline). */
const ACTIONS = {
  'deny-unverified': `exports.onExecutePostLogin = async (event, api) => {
  if (!event.user.email_verified) api.access.deny('Please verify your email address first.');
};
`,
  'role-claims': `exports.onExecutePostLogin = async (event, api) => {
  const roles = (event.authorization && event.authorization.roles) || [];
  api.idToken.setCustomClaim('${NS}roles', roles);
  api.accessToken.setCustomClaim('${NS}roles', roles);
  api.accessToken.setCustomClaim('${NS}tier', roles.includes('admin') ? 'staff' : 'member');
};
`,
  'locale-metadata': `exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('${NS}locale', (event.request.language || 'en').split(',')[0]);
  if (!event.user.app_metadata.first_login) api.user.setAppMetadata('first_login', event.user.created_at);
  console.log('login of ' + event.user.user_id + ' from ' + event.request.geoip.countryCode);
};
`,
};

const EVENT = (() => {
  const e = JSON.parse(readFileSync(path.join(ROOT, 'src/triggers/fixtures/post-login@v3.json'), 'utf8'));
  delete e.secrets;
  return JSON.stringify(e);
})();

if (process.argv[2] === '--baseline') await serveBaseline(Number(process.argv[3] ?? 0));
else if (process.argv[1] === fileURLToPath(import.meta.url)) await benchDaemon();

/**
 * GC pauses so far, from a daemon's /metrics: the main thread's minor collections, and its major
 * ones with incremental marking steps, then the pool workers' (count, seconds). Undefined for a
 * server without the series (the baseline).
 */
async function gcTotals(url) {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }).catch(() => undefined);
  if (res === undefined || !res.ok) return undefined;
  const text = await res.text();
  if (!text.includes('# TYPE nodejs_gc_duration_seconds')) return undefined; // a build before the series
  const sample = (series, kind) => Number(new RegExp(`^${series}\\{kind="${kind}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const read = (suffix, kind) => sample(`nodejs_gc_duration_seconds_${suffix}`, kind);
  const worker = (name, kind) => sample(`actuate_worker_gc_${name}_total`, kind);
  return {
    minor: { count: read('count', 'minor'), sum: read('sum', 'minor') },
    major: { count: read('count', 'major') + read('count', 'incremental'), sum: read('sum', 'major') + read('sum', 'incremental') },
    workerMinor: { count: worker('pauses', 'minor'), sum: worker('seconds', 'minor') },
    workerMajor: { count: worker('pauses', 'major'), sum: worker('seconds', 'major') },
  };
}

/** The benchmark: build, start both servers, load them one after the other, soak the daemon. */
export async function benchDaemon() {
  const { default: autocannon } = await import('autocannon');
  const seconds = Number(process.env.BENCH_DURATION_S ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const soakSeconds = Number(process.env.BENCH_SOAK_S ?? (process.env.ACTUATE_SOAK === '1' ? 300 : 60));
  const work = mkdtempSync(path.join(tmpdir(), 'actuate-bench-daemon-'));
  const files = { 'actuate.json': '{}\n', 'flows/post-login.json': JSON.stringify({ actions: Object.keys(ACTIONS) }) + '\n' };
  for (const [name, code] of Object.entries(ACTIONS)) {
    files[`actions/${name}/action.json`] = JSON.stringify({ trigger: 'post-login' }) + '\n';
    files[`actions/${name}/index.js`] = code;
  }
  const repo = makeRepo(files);
  const store = path.join(work, 'store');
  const built = JSON.parse(execFileSync(process.execPath, [CLI, 'build', repo.dir, '--store', store, '--json'], { encoding: 'utf8' }));
  writeFileSync(path.join(work, 'token'), TOKEN + '\n');

  let dataDirs = 0;
  const serve = (executor, nodeFlags = [], args = [], cli = CLI) => start([...nodeFlags, cli, 'serve', '--store', store, '--commit', built.commit, '--port', '0', '--token-file', path.join(work, 'token'), '--data', path.join(work, `data-${++dataDirs}`), '--executor', executor, ...args], /listening on (http:\/\/\S+?),/);
  const servers = [];
  const load = (url, extra = {}) => autocannon({
    url: `${url}/v1/flows/post-login`, method: 'POST', connections: 10, duration: seconds,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: EVENT, ...extra,
  });
  const summary = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts });
  try {
    // Started inside the try: when one fails to start, those already running are stopped below.
    servers.push(['baseline (unsandboxed)', await start([fileURLToPath(import.meta.url), '--baseline', '0'], /baseline listening on (http:\/\/\S+)/)]);
    // On any host the default pool's JS threads take every core, so its daemon runs in a child
    // `node --single-threaded-gc` (serve-gc.ts); --gc parallel keeps V8's GC helper threads.
    servers.push(['actuate serve (pool, default)', await serve('pool')]);
    // BENCH_AB=1 leaves these two out, for A/B runs of variants against the default daemon.
    if (process.env.BENCH_AB !== '1') {
      servers.push(['actuate serve --executor in-thread', await serve('in-thread')]);
      servers.push(['actuate serve --gc parallel (pool)', await serve('pool', [], ['--gc', 'parallel'])]);
    }
    // A/B variants after the default four, each a daemon with other node flags, serve arguments or
    // build (`cli`: another checkout's dist/cli/main.js), e.g.
    // BENCH_VARIANTS='[{"name":"nice 0","executor":"pool","node":[],"args":["--worker-nice","0"],"cli":"/tmp/base/dist/cli/main.js"}]'.
    for (const v of JSON.parse(process.env.BENCH_VARIANTS ?? '[]')) servers.push([v.name, await serve(v.executor ?? 'pool', v.node ?? [], v.args ?? [], v.cli ?? CLI)]);

    // Warm every server (JIT, warm sandboxes), then measure each at full load, then at half its own
    // maximum, the servers taking turns within each round.
    for (const [, s] of servers) await load(s.url, { duration: 3 });
    const full = servers.map(() => []);
    const cpu = servers.map(() => ({ mainCpu: 0, mainWait: 0, otherCpu: 0, ok: true }));
    for (let round = 0; round < rounds; round++) {
      for (const [i, [, s]] of servers.entries()) {
        const before = threadTimes(s.pid);
        const r = summary(await load(s.url));
        full[i].push(r);
        const c = cpuPerRequest(s.pid, before, threadTimes(s.pid), r.ok + r.bad);
        if (c === undefined) cpu[i].ok = false;
        else for (const k of ['mainCpu', 'mainWait', 'otherCpu']) cpu[i][k] += c[k] / rounds;
      }
    }
    const rps = full.map((runs) => median(runs.map((r) => r.rps)));
    // Half load, open loop: requests evenly spaced at half the server's maximum (autocannon's own
    // rate limit sends each second's quota in a burst, which measures queueing, not latency; and
    // node:http's client cost more CPU than the baseline server, so paced-load.mjs writes raw HTTP).
    const half = servers.map(() => []);
    const GC_KEYS = ['minor', 'major', 'workerMinor', 'workerMajor'];
    const gc = servers.map(() => ({ seconds: 0, ...Object.fromEntries(GC_KEYS.map((k) => [k, { count: 0, sum: 0 }])), ok: true }));
    for (let round = 0; round < rounds; round++) {
      for (const [i, [, s]] of servers.entries()) {
        const before = await gcTotals(s.url);
        const t = performance.now();
        half[i].push(await paced(s.url, Math.max(1, Math.round(rps[i] / 2)), seconds));
        const after = await gcTotals(s.url);
        if (before === undefined || after === undefined) gc[i].ok = false;
        else {
          gc[i].seconds += (performance.now() - t) / 1000;
          for (const k of GC_KEYS) for (const f of ['count', 'sum']) gc[i][k][f] += after[k][f] - before[k][f];
        }
      }
    }

    const med = (runs, k) => median(runs.map((r) => r[k]));
    const span = (runs, k, digits = 0) => `${Math.min(...runs.map((r) => r[k])).toFixed(digits)}–${Math.max(...runs.map((r) => r[k])).toFixed(digits)}`;
    console.log(`\n## Daemon under load (loopback; three-action post-login flow; ${rounds} alternating rounds of ${seconds} s per server)`);
    console.log('max: autocannon, 10 connections. half: requests evenly spaced at half that server\'s median max, open loop, after 1 s at that rate unmeasured.');
    console.log('Medians of the rounds (range in brackets); the ratio is the median of the per-round ratios to the baseline measured in the same round.\n');
    console.log('| server | req/s at max | p50 ms | p99 ms | ratio to baseline | at half its max: req/s | p50 ms | p99 ms | non-2xx or errors |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const [i, [name]] of servers.entries()) {
      const f = full[i];
      const h = half[i];
      const ratio = median(f.map((r, k) => r.rps / full[0][k].rps)) * 100;
      const bad = [...f, ...h].reduce((n, r) => n + r.bad, 0);
      console.log(`| ${name} | ${rps[i].toFixed(0)} (${span(f, 'rps')}) | ${med(f, 'p50')} | ${med(f, 'p99')} | ${ratio.toFixed(1)}% (${span(f.map((r, k) => ({ x: (r.rps / full[0][k].rps) * 100 })), 'x', 1)}) | ${med(h, 'rps').toFixed(0)} | ${med(h, 'p50').toFixed(2)} | ${med(h, 'p99').toFixed(2)} (${span(h, 'p99', 2)}) | ${bad} |`);
    }
    console.log('\ntargets: ≥ 60% of the baseline\'s throughput; p99 < 5 ms at half load');
    // The tail, explained: a slow answer's flow result says when its first action started and its
    // last ended (whole ms), so the wait before the flow, the flow, and the way back can be told apart.
    console.log(`\nAt half load, answers over ${SLOW_MS} ms (all rounds) and the medians of where their time went (ms): before the first action started / in the flow / after it ended`);
    for (const [i, [name]] of servers.entries()) {
      const runs = half[i].map((r) => r.slow).filter((x) => x !== undefined);
      const count = runs.reduce((n, x) => n + x.count, 0);
      const total = half[i].reduce((n, r) => n + r.ok + r.bad, 0);
      const timed = runs.filter((x) => x.timed > 0);
      const phases = timed.length === 0 ? 'no flow timings in the answers' : ['beforeStart', 'inFlow', 'afterEnd'].map((k) => median(timed.map((x) => x[k])).toFixed(1)).join(' / ');
      console.log(`- ${name}: ${count} of ${total} (${((count / Math.max(1, total)) * 100).toFixed(2)}%); ${phases}`);
    }
    // The daemon's own /metrics: each pause of its main thread delays every request that arrives meanwhile.
    console.log("\nGarbage collection at half load (the daemon's /metrics; all rounds): pauses a second and their mean, scavenges / major and incremental steps, of the main thread, then of the pool's workers together");
    for (const [i, [name]] of servers.entries()) {
      const g = gc[i];
      if (!g.ok || g.seconds === 0) continue;
      const pauses = (x) => `${(x.count / g.seconds).toFixed(1)}, ${x.count === 0 ? '–' : ((x.sum / x.count) * 1000).toFixed(2) + ' ms'}`;
      const workers = g.workerMinor.count + g.workerMajor.count === 0 ? '' : `; workers: ${pauses(g.workerMinor)} / ${pauses(g.workerMajor)}`;
      console.log(`- ${name}: main: ${pauses(g.minor)} / ${pauses(g.major)}${workers}`);
    }
    if (cpu.every((c) => c.ok)) {
      // The main thread caps throughput; with more cores than this machine's, the rest runs beside it.
      console.log('\nCPU per request at max (µs; Linux schedstat; mean of the rounds): main thread / its wait for a CPU / all other threads');
      for (const [i, [name]] of servers.entries()) {
        const c = cpu[i];
        console.log(`- ${name}: ${c.mainCpu.toFixed(0)} / ${c.mainWait.toFixed(0)} / ${c.otherCpu.toFixed(0)}`);
      }
    }

    // Soak: the default daemon at half its load, RSS sampled every 5 s.
    if (soakSeconds <= 0) return;
    const daemon = servers[1][1];
    const rate = Math.max(1, Math.round(rps[1] / 2));
    const samples = [];
    const rss = (pid) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
    const sample = () => samples.push(rss(daemon.pid));
    sample();
    const timer = setInterval(sample, 5000);
    const soak = await paced(daemon.url, rate, soakSeconds);
    clearInterval(timer);
    sample();
    const third = Math.max(1, Math.floor(samples.length / 3));
    console.log(`\n## Daemon soak (pool): ${soakSeconds} s at ${rate} req/s, evenly spaced`);
    const kinds = Object.entries(soak.badKinds).map(([k, n]) => `${n} ${k === 'closed' ? 'closed before an answer' : `HTTP ${k}`}`).join(', ');
    console.log(`requests ${soak.ok} ok, ${soak.bad} non-2xx or errors${kinds ? ` (${kinds})` : ''}; p50 ${soak.p50.toFixed(2)} ms, p99 ${soak.p99.toFixed(2)} ms`);
    console.log(`RSS MiB (main thread and workers): start ${samples[0].toFixed(0)}, max of first third ${Math.max(...samples.slice(0, third)).toFixed(0)}, max of last third ${Math.max(...samples.slice(-third)).toFixed(0)}, end ${samples.at(-1).toFixed(0)}`);
    if (daemon.pid !== daemon.proc.pid) console.log(`RSS MiB of its launcher (the process started, which runs the daemon in a child): ${rss(daemon.proc.pid).toFixed(0)}`);
  } finally {
    // The daemons drain and exit, then their data directories and the repo go (nothing left in /tmp).
    await Promise.all(servers.map(([, s]) => new Promise((resolve) => {
      if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
      s.proc.once('exit', resolve);
      s.proc.kill('SIGTERM');
    })));
    rmSync(work, { recursive: true, force: true });
    rmSync(repo.dir, { recursive: true, force: true });
  }
}

/** Open-loop load at `rate` req/s on the daemon's flow route (see paced-load.mjs). */
function paced(url, rate, seconds, warmupSeconds = 1) {
  return pacedLoad({
    url: `${url}/v1/flows/post-login`, rate, seconds, body: EVENT, warmupSeconds, slowMs: SLOW_MS,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
  });
}

/**
 * Spawns a server and waits for the line that gives its URL. `pid` is the server's own process:
 * the child a launched daemon names in its "pid N, under …" line (printed before it listens), or
 * the one spawned.
 */
async function start(args, pattern) {
  // stderr (a daemon's log, a line per execution) goes nowhere: reading it would load this process,
  // the load generator. Run a server that fails to start by hand to see why.
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const onData = (d) => {
    out += d;
    const m = pattern.exec(out);
    if (m) resolveUrl(m[1]);
  };
  let resolveUrl;
  const url = await new Promise((resolve, reject) => {
    resolveUrl = resolve;
    proc.stdout.setEncoding('utf8').on('data', onData);
    proc.on('exit', (code, signal) => reject(new Error(`node ${args.join(' ')} exited (${code ?? signal}) before it listened:\n${out}`)));
  });
  // From here on the daemon's log (a line per execution) is drained unread: keeping it, and searching
  // it again on every chunk, cost this process (the load generator) a copy of everything logged so
  // far per chunk, a load the baseline server, which logs nothing, never put on it.
  proc.stdout.off('data', onData).resume();
  const pid = Number(/actuate serve: pid (\d+), under /.exec(out)?.[1] ?? proc.pid);
  out = '';
  return { proc, url, pid };
}

/**
 * The baseline: fastify, the same route, bearer check and JSON body, the three handlers called
 * in-process on a minimal recording `api` (no sandbox, no validation, no records or logs).
 */
async function serveBaseline(port) {
  const { default: Fastify } = await import('fastify');
  const handlers = Object.values(ACTIONS).map((code) => {
    const exports = {};
    new Function('exports', 'console', code)(exports, { log() {} });
    return exports.onExecutePostLogin;
  });
  const expected = createHash('sha256').update(TOKEN).digest();
  const app = Fastify({ logger: false });
  app.post('/v1/flows/post-login', async (request, reply) => {
    const presented = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(createHash('sha256').update(presented).digest(), expected)) return reply.code(401).send({ error: 'unauthorized' });
    const event = request.body;
    const commands = { idToken: { customClaims: {} }, accessToken: { customClaims: {} }, user: { appMetadata: {} } };
    let denied;
    const api = {
      access: { deny: (reason) => (denied = reason) },
      idToken: { setCustomClaim: (k, v) => (commands.idToken.customClaims[k] = v) },
      accessToken: { setCustomClaim: (k, v) => (commands.accessToken.customClaims[k] = v) },
      user: { setAppMetadata: (k, v) => (commands.user.appMetadata[k] = v) },
    };
    for (const handler of handlers) {
      await handler(structuredClone(event), api);
      if (denied) break;
    }
    return { outcome: denied ? 'denied' : 'success', commands, ...(denied ? { denied } : {}) };
  });
  const url = await app.listen({ host: '127.0.0.1', port });
  process.stdout.write(`baseline listening on ${url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
