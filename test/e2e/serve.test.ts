import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.ts';
import { startCounterServer, type CounterServer } from '../daemon/helpers/counter-server.ts';
import { ADMIN_TOKEN, USER_TOKEN, client, counterSecrets, spawnDaemon, waitFor, type DaemonProcess } from '../daemon/helpers/daemon-process.ts';
import { builtRepo, daemonRepoFiles, loginEvent, sampleEvent, type BuiltRepo } from '../daemon/helpers/fixture.ts';

describe('actuate serve: the HTTP API over a real daemon', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  const cleanup = (fn: () => void | Promise<void>) => void cleanups.push(fn);
  let fx: BuiltRepo & { first: string };
  let counter: CounterServer;
  let daemon: DaemonProcess;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    fx = await builtRepo(daemonRepoFiles('A'), cleanup);
    counter = await startCounterServer(cleanup);
    daemon = await spawnDaemon(fx.workDir, ['--store', fx.storeDir, '--commit', fx.first.slice(0, 10), '--data', path.join(fx.workDir, 'data'), '--retry-base-ms', '20', '--max-attempts', '2'], {
      env: counterSecrets(counter.url),
      cleanup,
    });
    api = client(daemon.url);
  }, 120_000);
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  it('runs every sync seed trigger and answers the flow result with the commit it ran on', async () => {
    const login = await api.post('/v1/flows/post-login', loginEvent('auth0|u1'));
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ outcome: 'success', commit: fx.first, trigger: 'post-login', version: 'v3' });
    expect(login.json.commands.idToken.customClaims['https://example.com/marker']).toBe('A');
    expect(login.json.actions.map((a: { name: string; status: string }) => `${a.name}:${a.status}`)).toEqual(['mark:success', 'terms:success', 'roles:success']);
    // Execution ids are time-ordered UUIDs (v7): the record index grows at its end.
    expect(login.json.executionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const later = await api.post('/v1/flows/post-login', loginEvent('auth0|u1'));
    expect(later.json.executionId > login.json.executionId).toBe(true);
    const record = await api.get(`/v1/executions/${login.json.executionId}`);
    expect(record.status).toBe(200);
    expect(record.json).toMatchObject({ id: login.json.executionId, trigger: 'post-login', mode: 'sync', status: 'final', outcome: 'success', commit: fx.first, manifest: login.json.manifest });
    expect(record.json.results[0]).toMatchObject({ action: 'mark', status: 'success', handler: 'onExecutePostLogin', console: '[log] marked auth0|u1' });
    expect(Date.parse(record.json.results[0].endedAt)).toBeGreaterThanOrEqual(Date.parse(record.json.results[0].startedAt));

    const m2m = await api.post('/v1/flows/credentials-exchange', sampleEvent('credentials-exchange'));
    expect(m2m.json).toMatchObject({ outcome: 'success' });
    expect(m2m.json.commands.accessToken.customClaims['https://example.com/marker']).toBe('A');
    const admin = sampleEvent('credentials-exchange');
    const denied = await api.post('/v1/flows/credentials-exchange', { ...admin, transaction: { ...(admin['transaction'] as object), requested_scopes: ['admin'] } });
    expect(denied.json).toMatchObject({ outcome: 'denied', denied: { action: 'm2m' } });

    expect((await api.post('/v1/flows/password-reset-post-challenge', sampleEvent('password-reset-post-challenge'))).json).toMatchObject({ outcome: 'success' });
    const signup = sampleEvent('pre-user-registration');
    expect((await api.post('/v1/flows/pre-user-registration', signup)).json).toMatchObject({ outcome: 'success' });
    const disposable = await api.post('/v1/flows/pre-user-registration', { ...signup, user: { ...(signup['user'] as object), email: 'x@mailinator.com' } });
    expect(disposable.json).toMatchObject({ outcome: 'denied', denied: { action: 'no-disposable' } });
    const sms = await api.post('/v1/flows/send-phone-message', sampleEvent('send-phone-message'));
    expect(sms.json).toMatchObject({ outcome: 'success' });
    expect(sms.json.actions[0].logs[0].message).toMatch(/^sms to /);
  });

  it('queues async triggers durably (202), runs them, and treats the execution id as an idempotency key', async () => {
    const signup = sampleEvent('post-user-registration');
    const user = { ...(signup['user'] as object), user_id: 'auth0|async-1' };
    const queued = await api.post('/v1/flows/post-user-registration', { ...signup, user });
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ status: 'queued', duplicate: false });
    expect(queued.headers.get('location')).toBe(`/v1/executions/${queued.json.executionId}`);
    const done = await waitFor('the async execution to end', async () => {
      const r = await api.get(`/v1/executions/${queued.json.executionId}`);
      return r.json?.status === 'final' ? r.json : undefined;
    });
    expect(done).toMatchObject({ mode: 'async', outcome: 'success', attempts: 1, commit: fx.first });
    expect(counter.counts.get('auth0|async-1')).toBe(1);

    const pw = sampleEvent('post-change-password');
    const changed = await api.post('/v1/flows/post-change-password', pw, { 'idempotency-key': 'pw-change-1' });
    expect(changed.json).toEqual({ executionId: 'pw-change-1', status: 'queued', duplicate: false });
    const again = await api.post('/v1/flows/post-change-password', pw, { 'idempotency-key': 'pw-change-1' });
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ executionId: 'pw-change-1', duplicate: true });
    await waitFor('the password change to run', async () => ((await api.get('/v1/executions/pw-change-1')).json?.status === 'final' ? true : undefined));
    const third = await api.post('/v1/flows/post-change-password', pw, { 'idempotency-key': 'pw-change-1' });
    expect(third.json).toMatchObject({ duplicate: true, status: 'done' });
    expect(counter.counts.get(`pw:${(pw['user'] as { user_id: string }).user_id}`)).toBe(1);
  });

  it('retries a failing async execution with backoff, dead-letters it after the last attempt, and replays it on request', async () => {
    counter.setStatus(500);
    try {
      const signup = sampleEvent('post-user-registration');
      const queued = await api.post('/v1/flows/post-user-registration', { ...signup, user: { ...(signup['user'] as object), user_id: 'auth0|doomed' } }, { 'idempotency-key': 'doomed-1' });
      expect(queued.status).toBe(202);
      const dead = await waitFor('the dead letter', async () => {
        const r = await api.get('/v1/executions/doomed-1');
        return r.json?.status === 'dead' ? r.json : undefined;
      });
      expect(dead).toMatchObject({ outcome: 'error', attempts: 2, error: { action: 'count-signup', message: 'counter answered 500' } });
      expect(counter.counts.get('auth0|doomed')).toBe(2);
      const listed = await api.get('/v1/executions?status=dead');
      expect(listed.json.executions.map((r: { id: string }) => r.id)).toContain('doomed-1');
      const metrics = (await api.get('/metrics')).text;
      expect(metrics).toContain('actuate_async_dead_letters_total{trigger="post-user-registration"} 1');
      expect(metrics).toContain('actuate_async_retries_total{trigger="post-user-registration"} 1');
      expect(metrics).toContain('actuate_queue_depth{state="dead"} 1');
    } finally {
      counter.setStatus(200);
    }
    expect((await api.post('/v1/admin/executions/doomed-1/retry')).status).toBe(403);
    const admin = client(daemon.url, ADMIN_TOKEN);
    expect((await admin.post('/v1/admin/executions/doomed-1/retry')).status).toBe(202);
    await waitFor('the replayed execution', async () => ((await api.get('/v1/executions/doomed-1')).json?.status === 'final' ? true : undefined));
    expect(counter.counts.get('auth0|doomed')).toBe(3);
    expect((await admin.post('/v1/admin/executions/doomed-1/retry')).status).toBe(404);
  });

  it('redirects, then resumes the same execution from its continuation state', async () => {
    const first = await api.post('/v1/flows/post-login', loginEvent('auth0|u2', { app: { terms: null } }));
    expect(first.json).toMatchObject({ outcome: 'redirect', redirect: { action: 'terms' } });
    expect(first.json.redirect.url).toMatch(/^https:\/\/consent\.example\.com\/terms\?/);
    const id = first.json.executionId;
    expect((await api.get(`/v1/executions/${id}`)).json).toMatchObject({ status: 'suspended', suspendedBy: { action: 'terms', kind: 'redirect' } });

    const back = loginEvent('auth0|u2', { app: { terms: null } });
    back['request'] = { ...(back['request'] as object), query: { accepted: 'yes' } };
    const resumed = await api.post('/v1/flows/post-login/continue', { state: first.json.redirect.state, event: back });
    expect(resumed.status).toBe(200);
    expect(resumed.json).toMatchObject({ executionId: id, outcome: 'success', commit: fx.first });
    expect(resumed.json.commands.user.appMetadata).toEqual({ terms: 'accepted' });
    const record = (await api.get(`/v1/executions/${id}`)).json;
    expect(record).toMatchObject({ status: 'final', outcome: 'success' });
    expect(record.results.map((r: { action: string; handler: string }) => `${r.action}:${r.handler}`)).toEqual(['mark:onExecutePostLogin', 'terms:onExecutePostLogin', 'terms:onContinuePostLogin', 'roles:onExecutePostLogin']);

    const declined = { ...back, request: { ...(back['request'] as object), query: { accepted: 'no' } } };
    expect((await api.post('/v1/flows/post-login/continue', { state: first.json.redirect.state, event: declined })).json).toMatchObject({ outcome: 'denied' });
    const tampered = await api.post('/v1/flows/post-login/continue', { state: first.json.redirect.state.slice(0, -4) + 'AAAA', event: back });
    expect(tampered.status).toBe(400);
    expect(tampered.json.error.code).toBe('E_CONTINUATION_INVALID');
    expect((await api.post('/v1/flows/post-login/continue', { event: back })).json.error.code).toBe('E_BAD_REQUEST');
    expect((await api.post('/v1/flows/post-user-registration/continue', { state: 'x', event: back })).json.error.code).toBe('E_NOT_RESUMABLE');
  });

  it('refuses callers without a valid token, and user tokens on admin routes; health needs none', async () => {
    const none = await client(daemon.url, null).post('/v1/flows/post-login', loginEvent('x'));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="actuate"');
    expect(none.json.error.code).toBe('E_UNAUTHORIZED');
    const wrong = await client(daemon.url, 'not-the-token-0123456789abcdef').get('/v1/status');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await client(daemon.url, null).get('/metrics')).status).toBe(401);
    expect((await client(daemon.url, null).get('/v1/executions')).status).toBe(401);
    const userOnAdmin = await api.post('/v1/admin/deploy', { commit: fx.first });
    expect(userOnAdmin.status).toBe(403);
    expect(userOnAdmin.json.error.code).toBe('E_FORBIDDEN');
    expect((await client(daemon.url, ADMIN_TOKEN).get('/v1/status')).status).toBe(200);
    expect((await client(daemon.url, null).get('/healthz')).json).toEqual({ ok: true });
    expect((await client(daemon.url, null).get('/readyz')).json).toEqual({ ready: true });
    expect((await client(daemon.url, null).get('/nope')).status).toBe(401);
    expect((await api.get('/nope')).status).toBe(404);
  });

  it('answers malformed, oversized and schema-invalid requests with a 4xx naming the problem', async () => {
    const malformed = await api.post('/v1/flows/post-login', '{"user": ', {});
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('E_BAD_JSON');
    expect(malformed.json.error.message).toMatch(/^the request body is not valid JSON: /);
    // The pool parses flow bodies off the main thread; what is not JSON, or could poison a
    // prototype, is still answered as the daemon's own parser answers it, and costs no worker.
    const recycledBefore = metric(await api.get('/metrics'), 'actuate_executor_recycled_total');
    for (const body of ['{"user": 1} trailing', '{"__proto__": {"admin": true}}', '{"\\u005f_proto__": {"admin": true}}', '{"a": {"constructor": {"prototype": {"admin": true}}}}']) {
      const r = await api.post('/v1/flows/post-login', body, {});
      expect([r.status, r.json.error.code], body).toEqual([400, 'E_BAD_JSON']);
    }
    expect(metric(await api.get('/metrics'), 'actuate_executor_recycled_total')).toBe(recycledBefore);
    const plain = await fetch(`${daemon.url}/v1/flows/post-login`, { method: 'POST', headers: { authorization: `Bearer ${USER_TOKEN}`, 'content-type': 'text/plain' }, body: 'hi' });
    expect(plain.status).toBe(415);
    expect((await api.post('/v1/flows/post-login', [1, 2])).json.error.code).toBe('E_EVENT_INVALID');
    const huge = await api.post('/v1/flows/post-login', { ...loginEvent('big'), padding: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('E_TOO_LARGE');

    const bad = loginEvent('bad');
    (bad['user'] as Record<string, unknown>)['email_verified'] = 'yes';
    delete bad['request'];
    const invalid = await api.post('/v1/flows/post-login', bad);
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('E_EVENT_INVALID');
    expect(invalid.json.error.problems).toEqual(expect.arrayContaining([{ pointer: '/user/email_verified', message: 'must be boolean' }, { pointer: '/request', message: 'is required' }]));
    const asyncBad = await api.post('/v1/flows/post-user-registration', { user: 'nobody' }, { 'idempotency-key': 'never-queued' });
    expect(asyncBad.status).toBe(400);
    expect(asyncBad.json.error.problems.length).toBeGreaterThan(0);
    expect((await api.get('/v1/executions/never-queued')).status).toBe(404);
    expect((await api.post('/v1/flows/post-signup', loginEvent('x'))).json.error).toMatchObject({ code: 'E_UNKNOWN_TRIGGER' });
    expect((await api.post('/v1/flows/post-user-registration', sampleEvent('post-user-registration'), { 'idempotency-key': 'has spaces' })).json.error.code).toBe('E_IDEMPOTENCY_KEY');
  });

  it('survives an action that throws: the flow ends in error, the next request is served', async () => {
    const boom = await api.post('/v1/flows/post-login', loginEvent('auth0|boom', { user: { explode: true } }));
    expect(boom.status).toBe(200);
    expect(boom.json).toMatchObject({ outcome: 'error', error: { action: 'mark', kind: 'error', message: 'exploded on purpose for auth0|boom' } });
    expect(boom.json.error.stack).toContain('actions/mark/index.js');
    expect((await api.post('/v1/flows/post-login', loginEvent('auth0|after'))).json.outcome).toBe('success');
    const line = daemon.logLines().find((l) => (l['execution'] as { id?: string } | undefined)?.id === boom.json.executionId) as { level: number; execution: Record<string, any> };
    expect(line.level).toBe(40);
    expect(line.execution).toMatchObject({ trigger: 'post-login', outcome: 'error', commit: fx.first });
    expect(line.execution['actions'][0]).toMatchObject({ name: 'mark', status: 'error', error: { message: 'exploded on purpose for auth0|boom' } });
  });

  it('reports status, Prometheus metrics and one log line per execution, without secrets', async () => {
    const status = (await api.get('/v1/status')).json;
    expect(status).toMatchObject({ state: 'serving', serving: { commit: fx.first, reason: 'start', source: 'loaded' }, target: { kind: 'commit', commit: fx.first }, drift: false });
    expect(status.serving.manifest).toMatch(/^sha256:/);
    expect(status.flows['post-login'].actions.map((a: { name: string }) => a.name)).toEqual(['mark', 'terms', 'roles']);
    expect(status.flows['post-login'].actions[0].bundle).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The default pool runs a JS thread per core beside the main one, on any machine: GC stays on them.
    expect(daemon.stdout()).toMatch(/^actuate serve: pid \d+, under `node --single-threaded-gc` \(--gc auto\); launcher pid \d+ passes SIGTERM, SIGINT and SIGHUP on$/m);
    const metrics = await api.get('/metrics');
    expect(metrics.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(metrics.text).toMatch(/^actuate_executions_total\{trigger="post-login",mode="sync",outcome="success"\} \d+$/m);
    expect(metrics.text).toMatch(/^actuate_action_duration_seconds_bucket\{trigger="post-login",action="mark",le="\+Inf"\} \d+$/m);
    expect(metrics.text).toContain('actuate_action_errors_total{trigger="post-login",action="mark",kind="error"} 1');
    expect(metrics.text).toMatch(/^actuate_requests_refused_total\{reason="unauthorized"\} \d+$/m);
    expect(metrics.text).toContain(`actuate_deployment_info{commit="${fx.first}",manifest="${status.serving.manifest}"} 1`);
    expect(metrics.text).toContain('actuate_executor_busy 0');
    expect(metrics.text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(metrics.text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
    expect(metrics.text).toMatch(/^actuate_worker_gc_pauses_total\{kind="minor"\} \d+$/m);
    const executions = daemon.logLines().filter((l) => l['execution']);
    expect(executions.length).toBeGreaterThan(5);
    expect(daemon.stderr()).not.toContain(counter.url); // the COUNTER_URL secret value
    expect(daemon.stderr()).not.toContain(USER_TOKEN);
  });

  it('refuses to start with a clear error: no token, both or neither target, open on a public address, an unknown ref or commit', () => {
    const data = ['--data', path.join(fx.workDir, 'data-refused')];
    const neither = runCli(['serve', '--store', fx.storeDir, ...data], { env: { ACTUATE_TOKEN: USER_TOKEN } });
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('pass exactly one of --commit <sha> and --ref <name>');
    expect(runCli(['serve', '--store', fx.storeDir, '--commit', fx.first, '--ref', 'main', ...data]).status).toBe(2);
    const noToken = runCli(['serve', '--store', fx.storeDir, '--commit', fx.first, '--port', '0', ...data], { env: { ACTUATE_TOKEN: '' } });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain('the daemon needs a bearer token');
    expect(noToken.stderr).toContain('--insecure-no-auth');
    const open = runCli(['serve', '--store', fx.storeDir, '--commit', fx.first, '--insecure-no-auth', '--host', '0.0.0.0', ...data], { env: { ACTUATE_TOKEN: '' } });
    expect(open.status).toBe(2);
    expect(open.stderr).toContain('only allowed on a loopback host');
    const noRef = runCli(['serve', '--store', fx.storeDir, '--ref', 'prod', ...data], { env: { ACTUATE_TOKEN: USER_TOKEN } });
    expect(noRef.status).toBe(2);
    expect(noRef.stderr).toContain('has no ref prod');
    const unbuilt = runCli(['serve', '--store', fx.storeDir, '--commit', '0'.repeat(40), '--port', '0', ...data], { env: { ACTUATE_TOKEN: USER_TOKEN } });
    expect(unbuilt.status).toBe(1);
    expect(unbuilt.stderr).toContain('E_DEPLOY_NOT_BUILT');
  });

  it('actuate logs lists recent records and --follow streams new ones', async () => {
    const tokenFile = path.join(fx.workDir, 'token');
    const listed = runCli(['logs', '--url', daemon.url, '--token-file', tokenFile, '--trigger', 'post-login', '--tail', '3']);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n').filter((l) => /post-login/.test(l))).toHaveLength(3);

    const follower = spawn(process.execPath, [CLI, 'logs', '--follow', '--json', '--tail', '0', '--url', daemon.url, '--token-file', tokenFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    follower.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    try {
      // The stream is open once the daemon counts it; give it a moment, then run a flow.
      await new Promise((r) => setTimeout(r, 500));
      const run = await api.post('/v1/flows/post-login', loginEvent('auth0|followed'));
      const line = await waitFor('the followed record', () => out.split('\n').find((l) => l.includes(run.json.executionId)));
      expect(JSON.parse(line)).toMatchObject({ id: run.json.executionId, status: 'final', outcome: 'success', seq: expect.any(Number) });
    } finally {
      follower.kill('SIGINT');
    }
    const one = runCli(['logs', '00000000-0000-0000-0000-000000000000', '--url', daemon.url, '--token-file', tokenFile]);
    expect(one.status).toBe(1);
    expect(one.stderr).toContain('no execution');
  });
});

/** The value of an unlabelled Prometheus sample in a /metrics answer. */
function metric(r: { text?: string; json?: unknown }, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(r.text ?? '');
  if (!m) throw new Error(`no ${name} in /metrics`);
  return Number(m[1]);
}
