// Benchmark: the runtime on a warm post-login flow of three actions, side by side in one run:
//   (a) in-thread runFlow, (b) the same through the worker pool, (c) plain Node calling the same
//   handlers unsandboxed (JSON.parse of the event string + handler calls with a recording api),
//   (d) the first execution after a manifest is loaded (in-thread and pool), and
//   (e) throughput with two concurrent callers, pool against in-thread.
// Runs the built dist/ (`npm run bench runtime`). Latencies are per flow execution, in µs.
// (a)–(c) alternate in blocks of BENCH_BLOCK executions (default 500: steady state, what "warm"
// means). Smaller blocks measure something else as well: with BENCH_BLOCK=50 the in-thread path is
// about 25 % slower, because each switch evicts QuickJS's working set from the CPU caches while plain
// Node's stays tiny; a daemon interleaving HTTP work with every flow sits between the two.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { CLI, ROOT, makeRepo, median, percentile } from './lib.mjs';

const ACTIONS = {
  'check-email': `exports.onExecutePostLogin = async (event, api) => {
  if (!event.user.email_verified) {
    api.access.deny('verify your email first');
    return;
  }
  api.idToken.setCustomClaim('https://example.com/email', event.user.email);
};
`,
  'role-claims': `exports.onExecutePostLogin = async (event, api) => {
  const roles = (event.authorization && event.authorization.roles) || [];
  api.idToken.setCustomClaim('https://example.com/roles', roles);
  api.accessToken.setCustomClaim('https://example.com/roles', roles);
  if (roles.includes('admin')) api.multifactor.enable('any');
};
`,
  'plan-metadata': `exports.onExecutePostLogin = async (event, api) => {
  const plan = (event.user.app_metadata && event.user.app_metadata.plan) || 'free';
  api.user.setAppMetadata('last_login_country', event.request.geoip.countryCode);
  api.accessToken.setCustomClaim('https://example.com/plan', plan);
};
`,
};

export async function benchRuntime({ n = 3000, firstRuns = 15, throughputN = 4000 } = {}) {
  const { createInThreadExecutor, createWorkerPoolExecutor } = await import(path.join(ROOT, 'dist/runtime/index.js'));
  const { createFsStore } = await import(path.join(ROOT, 'dist/store/index.js'));
  const files = { 'actuate.json': '{}\n', 'flows/post-login.json': JSON.stringify({ actions: Object.keys(ACTIONS) }) + '\n' };
  for (const [name, code] of Object.entries(ACTIONS)) {
    files[`actions/${name}/action.json`] = JSON.stringify({ trigger: 'post-login' }) + '\n';
    files[`actions/${name}/index.js`] = code;
  }
  const { dir } = makeRepo(files);
  const state = mkdtempSync(path.join(tmpdir(), 'actuate-bench-rt-'));
  const storeDir = path.join(state, 'store');
  const out = execFileSync(process.execPath, [CLI, 'build', dir, '--store', storeDir, '--json'], { encoding: 'utf8', env: { ...process.env, ACTUATE_CACHE_DIR: path.join(state, 'cache') } });
  const { commit } = JSON.parse(out);
  const store = createFsStore(storeDir);
  const base = JSON.parse(readFileSync(path.join(ROOT, 'src/triggers/fixtures/post-login@v3.json'), 'utf8'));
  delete base.secrets;
  let seq = 0;
  const event = () => ({ ...base, user: { ...base.user, email: `user${++seq}@acme.example` } });

  const inThread = createInThreadExecutor();
  const pool = createWorkerPoolExecutor();
  const a = await inThread.load(store, { commit });
  const b = await pool.load(store, { commit });
  if (!a.ok || !b.ok) throw new Error(`load failed: ${JSON.stringify(a.diagnostics ?? b.diagnostics)}`);
  const check = (r) => {
    if (r.outcome !== 'success') throw new Error(`unexpected outcome ${r.outcome}: ${JSON.stringify(r.error ?? r.problems)}`);
  };

  // (c) plain Node: the same handlers, unsandboxed, with a recording api and the event as JSON text.
  const handlers = Object.values(ACTIONS).map((code) => {
    const exports = {};
    new Function('exports', code)(exports);
    return exports.onExecutePostLogin;
  });
  const plainApi = (commands) => {
    const rec = (ns, m) => (...args) => { commands.push([ns, m, args]); };
    return {
      access: { deny: rec('access', 'deny') },
      idToken: { setCustomClaim: rec('idToken', 'setCustomClaim') },
      accessToken: { setCustomClaim: rec('accessToken', 'setCustomClaim') },
      multifactor: { enable: rec('multifactor', 'enable') },
      user: { setAppMetadata: rec('user', 'setAppMetadata') },
    };
  };
  const plain = async () => {
    const json = JSON.stringify(event());
    const commands = [];
    for (const h of handlers) await h(JSON.parse(json), plainApi(commands));
    if (commands.length !== 5) throw new Error(`plain run recorded ${commands.length} commands`);
  };

  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return (performance.now() - t) * 1000;
  };
  const series = { inThread: [], pool: [], plain: [] };
  for (let i = 0; i < 300; i++) {
    check(await inThread.run(a.handle, 'post-login', event()));
    check(await pool.run(b.handle, 'post-login', event()));
    await plain();
  }
  // Interleaved in blocks so machine noise hits the three paths alike, while no path runs next to
  // the tail of another (a pool worker finishing its reply would otherwise share the cores with the
  // next in-thread execution). See the header for the block size.
  const BLOCK = Number(process.env.BENCH_BLOCK ?? 500);
  for (let i = 0; i < n; i += BLOCK) {
    for (let j = 0; j < BLOCK; j++) series.inThread.push(await time(async () => check(await inThread.run(a.handle, 'post-login', event()))));
    for (let j = 0; j < BLOCK; j++) series.pool.push(await time(async () => check(await pool.run(b.handle, 'post-login', event()))));
    for (let j = 0; j < BLOCK; j++) series.plain.push(await time(plain));
  }

  // (d) first execution after load: a fresh load of the same commit, then one run.
  const first = { inThread: [], pool: [], loadInThread: [], loadPool: [] };
  for (let i = 0; i < firstRuns; i++) {
    for (const [name, ex] of [['inThread', inThread], ['pool', pool]]) {
      let h;
      first[name === 'inThread' ? 'loadInThread' : 'loadPool'].push(await time(async () => {
        const r = await ex.load(store, { commit });
        if (!r.ok) throw new Error('reload failed');
        h = r.handle;
      }));
      first[name].push(await time(async () => check(await ex.run(h, 'post-login', event()))));
      ex.unload(h);
    }
  }

  // (e) throughput: two concurrent callers, executions per second.
  // Also the CPU the whole process (main thread and workers) spent per execution, which does not
  // depend on what else the machine runs.
  const throughput = async (ex, handle, cpu) => {
    let left = throughputN;
    const t = performance.now();
    const c = process.cpuUsage();
    await Promise.all([0, 1].map(async () => {
      while (left-- > 0) check(await ex.run(handle, 'post-login', event()));
    }));
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / throughputN);
    return throughputN / ((performance.now() - t) / 1000);
  };
  const tpIn = [];
  const tpPool = [];
  const cpuIn = [];
  const cpuPool = [];
  for (let i = 0; i < 3; i++) {
    tpIn.push(await throughput(inThread, a.handle, cpuIn));
    tpPool.push(await throughput(pool, b.handle, cpuPool));
  }
  const metrics = pool.metrics();
  await pool.close();
  await inThread.close();
  rmSync(state, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });

  const row = (name, xs, ref) => `| ${name} | ${xs.length} | ${median(xs).toFixed(0)} | ${percentile(xs, 99).toFixed(0)} | ${ref ? (median(xs) / median(ref)).toFixed(2) + 'x' : ''} |`;
  console.log('\n## runtime: warm post-login flow of 3 actions (µs per execution)');
  console.log('| case | runs | p50 µs | p99 µs | p50 ratio to plain Node |');
  console.log('|---|---|---|---|---|');
  console.log(row('(c) plain Node, unsandboxed (JSON.parse + 3 handler calls)', series.plain, series.plain));
  console.log(row('(a) in-thread runFlow (QuickJS, warm contexts)', series.inThread, series.plain));
  console.log(row('(b) worker pool (QuickJS in a worker, postMessage both ways)', series.pool, series.plain));
  console.log(`\npool cost per execution: p50 +${(median(series.pool) - median(series.inThread)).toFixed(0)} µs (${(median(series.pool) / median(series.inThread)).toFixed(2)}x in-thread)`);
  console.log('\n## runtime: first execution after a manifest is loaded (µs)');
  console.log('| case | runs | p50 µs | p99 µs | p50 ratio to warm in-thread |');
  console.log('|---|---|---|---|---|');
  console.log(row('(d) load, in-thread', first.loadInThread, series.inThread));
  console.log(row('(d) load, pool (3 workers, all must load)', first.loadPool, series.inThread));
  console.log(row('(d) first run after load, in-thread', first.inThread, series.inThread));
  console.log(row('(d) first run after load, pool', first.pool, series.inThread));
  console.log('\n## runtime: throughput, two concurrent callers (median of 3 runs)');
  console.log('| case | executions/s | ratio to in-thread | process CPU µs per execution |');
  console.log('|---|---|---|---|');
  console.log(`| (e) in-thread | ${median(tpIn).toFixed(0)} | 1.00x | ${median(cpuIn).toFixed(0)} |`);
  console.log(`| (e) worker pool (${metrics.workers - metrics.spares} workers + ${metrics.spares} spare) | ${median(tpPool).toFixed(0)} | ${(median(tpPool) / median(tpIn)).toFixed(2)}x | ${median(cpuPool).toFixed(0)} |`);
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores (other processes compete for the cores)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRuntime();
