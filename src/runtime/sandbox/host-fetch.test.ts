import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandboxModule, loadSandboxContext } from './index.ts';
import type { EgressPolicy, HostFetchOptions, InvokeResult, SandboxModule } from './index.ts';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';

let module: SandboxModule;
let server: LocalHttpServer;
let base: string;
let port: number;
const closedEarly: string[] = [];
/** Queries of the /slow requests the server has started answering (a guest waits on this before aborting). */
const arrived = new Set<string>();

/** A real HTTP server on 127.0.0.1 with one route per behaviour under test. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    switch (url.pathname) {
      case '/json':
        res.setHeader('content-type', 'application/json');
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end(JSON.stringify({ hello: 'world', host: req.headers.host }));
        return;
      case '/echo':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
        return;
      case '/redirect':
        res.statusCode = 302;
        res.setHeader('location', url.searchParams.get('to') ?? '/json');
        res.end();
        return;
      case '/gzip':
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync(Buffer.from('compressed hello')));
        return;
      case '/big':
        res.end(Buffer.alloc(4096, 'x'));
        return;
      case '/seen':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(arrived.has(`?${url.searchParams.get('q')}`)));
        return;
      case '/slow': {
        arrived.add(url.search);
        const timer = setTimeout(() => res.end('late'), 2_000);
        res.on('close', () => {
          clearTimeout(timer);
          if (!res.writableEnded) closedEarly.push(url.search);
        });
        return;
      }
      case '/status':
        res.statusCode = Number(url.searchParams.get('code'));
        res.end();
        return;
      default:
        res.statusCode = 404;
        res.end('not found');
    }
  });
}

beforeAll(async () => {
  module = await createSandboxModule();
  server = await startLocalHttpServer(handle);
  ({ port, base } = server);
});
afterAll(() => server.close());

const ALLOW_LOCAL: EgressPolicy = { allowPrivate: true };

async function run(body: string, egress?: EgressPolicy, fetchOptions: Omit<HostFetchOptions, 'egress'> = {}): Promise<InvokeResult> {
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async (event) => { const out = (v) => console.info(JSON.stringify(v)); ${body} } };`,
    ...(egress !== undefined ? { egress } : {}),
    fetchOptions,
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    return await r.context.invoke('h', JSON.stringify({ base }));
  } finally {
    r.context.dispose();
  }
}
async function output(body: string, egress?: EgressPolicy, fetchOptions?: Omit<HostFetchOptions, 'egress'>): Promise<unknown> {
  const r = await run(body, egress, fetchOptions);
  if (!r.ok) throw new Error(`${r.kind}: ${r.error.stack}`);
  return JSON.parse(r.logs[0]?.message ?? 'null');
}
const rejection = (call: string) => `try { await ${call}; out('no error'); } catch (e) { out([e.constructor.name, e.name, e.message]); }`;

describe('fetch to a local server when allowed', () => {
  test('GET: status, headers, body', async () => {
    expect(
      await output(
        `const res = await fetch(event.base + '/json');
         out([res.status, res.ok, res.statusText, res.headers.get('content-type'), res.headers.getSetCookie(), res.url, res.redirected, await res.json(), res.bodyUsed]);`,
        ALLOW_LOCAL,
      ),
    ).toEqual([200, true, 'OK', 'application/json', ['a=1', 'b=2'], `${base}/json`, false, { hello: 'world', host: `127.0.0.1:${port}` }, true]);
  });

  test('POST with headers and a JSON body; Request objects; URLSearchParams bodies', async () => {
    const [a, b] = (await output(
      `const a = await (await fetch(event.base + '/echo', { method: 'post', headers: { 'X-Custom': 'v', 'content-type': 'application/json' }, body: JSON.stringify({ n: 1 }) })).json();
       const b = await (await fetch(new Request(new URL('/echo', event.base), { method: 'PUT', body: new URLSearchParams({ q: 'a b' }) }))).json();
       out([a, b]);`,
      ALLOW_LOCAL,
    )) as { method: string; headers: Record<string, string>; body: string }[];
    expect(a).toMatchObject({ method: 'POST', body: '{"n":1}', headers: { 'x-custom': 'v', 'content-type': 'application/json', 'content-length': '7' } });
    expect(b).toMatchObject({ method: 'PUT', body: 'q=a+b', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } });
  });

  test('redirects are followed (or not), gzip is decoded, bodies can be read as bytes or a stream', async () => {
    expect(
      await output(
        `const r1 = await fetch(event.base + '/redirect');
         const r2 = await fetch(event.base + '/redirect', { redirect: 'manual' });
         const gz = await (await fetch(event.base + '/gzip')).text();
         const bytes = await (await fetch(event.base + '/big')).arrayBuffer();
         const reader = (await fetch(event.base + '/json')).body.getReader();
         const first = await reader.read(), second = await reader.read();
         const err = await fetch(event.base + '/redirect', { redirect: 'error' }).then(() => 'no', (e) => e.message);
         out([r1.status, r1.redirected, r1.url, r2.status, r2.headers.get('location'), gz, bytes.byteLength, first.value.length > 0, second.done, err]);`,
        ALLOW_LOCAL,
      ),
    ).toEqual([200, true, `${base}/json`, 302, '/json', 'compressed hello', 4096, true, true, `fetch to ${base}/redirect failed: unexpected redirect (redirect mode is "error")`]);
  });

  test('an allow-list entry for the IP literal allows it without allowPrivate', async () => {
    expect(await output(`out((await fetch(event.base + '/json')).status)`, { allow: ['127.0.0.1'] })).toBe(200);
  });

  test('a hostname is checked against the allow-list and its resolved addresses, at connect time', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `'http://api.internal.test:${port}/json'`;
    expect(await output(`out((await (await fetch(${url})).json()).host)`, { allow: ['*.internal.test'], allowPrivate: true }, { resolve })).toBe(`api.internal.test:${port}`);
    expect(await output(rejection(`fetch(${url})`), { allow: ['*.internal.test'] }, { resolve })).toEqual([
      'TypeError',
      'TypeError',
      `fetch to http://api.internal.test:${port}/json refused: api.internal.test resolves to loopback address 127.0.0.1 (egress policy)`,
    ]);
    expect(await output(rejection(`fetch(${url})`), { allow: ['other.test'], allowPrivate: true }, { resolve })).toEqual([
      'TypeError',
      'TypeError',
      `fetch to http://api.internal.test:${port}/json refused: host api.internal.test is not in the egress allow-list`,
    ]);
  });
});

describe('fetch refused by the egress policy', () => {
  test('loopback and private addresses are refused by default, with a clear TypeError', async () => {
    expect(await output(rejection(`fetch(event.base + '/json')`))).toEqual([
      'TypeError',
      'TypeError',
      `fetch to ${base}/json refused: loopback address (egress policy)`,
    ]);
    expect(await output(rejection(`fetch('http://10.0.0.1/')`))).toEqual(['TypeError', 'TypeError', 'fetch to http://10.0.0.1/ refused: private address (egress policy)']);
    expect(await output(rejection(`fetch('http://169.254.169.254/latest/meta-data/')`))).toEqual([
      'TypeError',
      'TypeError',
      'fetch to http://169.254.169.254/latest/meta-data/ refused: link-local address (egress policy)',
    ]);
  });

  test('every redirect hop is checked: allow-list and addresses', async () => {
    const toLiteral = encodeURIComponent('http://10.0.0.1/secret');
    expect(await output(rejection(`fetch(event.base + '/redirect?to=${toLiteral}')`), { allow: ['127.0.0.1'] })).toEqual([
      'TypeError',
      'TypeError',
      'fetch to http://10.0.0.1/secret refused: host 10.0.0.1 is not in the egress allow-list',
    ]);
    const resolve = async (host: string) => [{ address: host === 'evil.test' ? '10.0.0.1' : '127.0.0.1', family: 4 }];
    const toName = encodeURIComponent('http://evil.test/secret');
    expect(await output(rejection(`fetch(event.base + '/redirect?to=${toName}')`), { allow: ['127.0.0.1', '*.test', 'evil.test'] }, { resolve })).toEqual([
      'TypeError',
      'TypeError',
      'fetch to http://evil.test/secret refused: evil.test resolves to private address 10.0.0.1 (egress policy)',
    ]);
  });

  test('only http and https', async () => {
    expect(await output(rejection(`fetch('file:///etc/passwd')`), ALLOW_LOCAL)).toEqual([
      'TypeError',
      'TypeError',
      'fetch to file:///etc/passwd refused: only http: and https: URLs can be fetched',
    ]);
    expect(await output(rejection(`fetch('/relative')`), ALLOW_LOCAL)).toEqual(['TypeError', 'TypeError', 'Failed to parse URL from /relative']);
  });
});

describe('fetch limits and cancellation', () => {
  test('a response slower than the timeout fails with a TypeError, and the host request is closed', async () => {
    // 500 ms, not less: the request must reach the server before the timeout for the close to show there.
    expect(await output(rejection(`fetch(event.base + '/slow?timeout')`), ALLOW_LOCAL, { timeoutMs: 500 })).toEqual([
      'TypeError',
      'TypeError',
      `fetch to ${base}/slow?timeout timed out after 500 ms`,
    ]);
    await expect.poll(() => closedEarly, { timeout: 5000 }).toContain('?timeout');
  });

  test('a response body over the cap fails', async () => {
    expect(await output(rejection(`fetch(event.base + '/big')`), ALLOW_LOCAL, { maxResponseBytes: 1000 })).toEqual([
      'TypeError',
      'TypeError',
      `fetch to ${base}/big failed: the response body exceeds the 1000-byte limit`,
    ]);
  });

  test('aborting from the guest rejects with AbortError and cancels the host request', async () => {
    expect(
      await output(
        `const c = new AbortController();
         const pending = fetch(event.base + '/slow?abort', { signal: c.signal });
         // Abort once the server has the request (on a busy host it can take longer than any fixed delay to arrive).
         while (!(await (await fetch(event.base + '/seen?q=abort')).json())) await new Promise((r) => setTimeout(r, 5));
         c.abort();
         try { await pending; out('no'); } catch (e) { out([e instanceof DOMException, e.name]); }`,
        ALLOW_LOCAL,
      ),
    ).toEqual([true, 'AbortError']);
    await expect.poll(() => closedEarly, { timeout: 5000 }).toContain('?abort');
  });

  test('a fetch left running when the handler returns is cancelled', async () => {
    const r = await run(
      `fetch(event.base + '/slow?abandoned').catch(() => {});
       while (!(await (await fetch(event.base + '/seen?q=abandoned')).json())) await new Promise((r) => setTimeout(r, 5));`,
      ALLOW_LOCAL,
    );
    expect(r.ok).toBe(true);
    await expect.poll(() => closedEarly, { timeout: 5000 }).toContain('?abandoned');
  });

  test('a connection error is a TypeError naming the URL', async () => {
    const closed = await startLocalHttpServer(() => {});
    const deadPort = closed.port;
    await closed.close();
    const got = (await output(rejection(`fetch('http://127.0.0.1:${deadPort}/')`), ALLOW_LOCAL)) as string[];
    expect(got[2]).toMatch(new RegExp(`^fetch to http://127\\.0\\.0\\.1:${deadPort}/ failed: connect ECONNREFUSED`));
  });
});

describe('Headers, Request and Response in the guest', () => {
  test('behave like the Fetch standard', async () => {
    expect(
      await output(`
        const h = new Headers([['B', '2'], ['a', '1']]);
        h.append('a', '3');
        h.set('C', ' trimmed ');
        let badName = '';
        try { h.set('bad name', 'x'); } catch (e) { badName = e.name; }
        const res = Response.json({ x: 1 }, { status: 201, headers: { 'x-y': 'z' } });
        const clone = res.clone();
        const req = new Request('https://example.com/p', { method: 'delete' });
        let getBody = '';
        try { new Request('https://example.com', { body: 'x' }); } catch (e) { getBody = e.message; }
        out([[...h], h.get('A'), badName, res.status, res.headers.get('content-type'), await clone.text(), await res.json(),
             req.method, req.url, getBody, new Response(null, { status: 204 }).body, Response.error().type, Response.redirect('https://a.example/', 301).headers.get('location')]);`),
    ).toEqual([
      [['a', '1, 3'], ['b', '2'], ['c', 'trimmed']],
      '1, 3',
      'TypeError',
      201,
      'application/json',
      '{"x":1}',
      { x: 1 },
      'DELETE',
      'https://example.com/p',
      'Request with GET/HEAD method cannot have body.',
      null,
      'error',
      'https://a.example/',
    ]);
  });
});
