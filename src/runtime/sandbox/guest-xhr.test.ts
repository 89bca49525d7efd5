import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGuestProgram } from '../../../test/helpers/guest-program.ts';
import { createSandboxModule } from './index.ts';
import type { EgressPolicy, SandboxModule } from './index.ts';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';

let module: SandboxModule;
let server: LocalHttpServer;
let base: string;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (url.pathname === '/echo') {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-b', 'two');
      res.setHeader('x-a', 'one');
      res.setHeader('set-cookie', 'secret=1');
      res.end(JSON.stringify({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
    } else if (url.pathname === '/latin1') {
      res.setHeader('content-type', 'text/plain; charset=iso-8859-1');
      res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    } else if (url.pathname === '/slow') {
      const timer = setTimeout(() => res.end('late'), 3_000);
      res.on('close', () => clearTimeout(timer));
    } else {
      res.statusCode = 404;
      res.end('not here');
    }
  });
}

beforeAll(async () => {
  module = await createSandboxModule();
  server = await startLocalHttpServer(handle);
  base = server.base;
});
afterAll(() => server.close());

const LOCAL: EgressPolicy = { allowPrivate: true };

/** Runs `body` (which may await `loadend(xhr)`, a promise of the request's loadend) and returns what it passed to `out`, and the logs. */
const run = (body: string, egress: EgressPolicy | undefined = LOCAL) =>
  runGuestProgram(module, body, {
    event: { base },
    prelude: "const loadend = (x) => new Promise((resolve) => x.addEventListener('loadend', resolve));",
    ...(egress !== undefined ? { egress } : {}),
  });

describe('XMLHttpRequest over the sandbox fetch', () => {
  test('a POST: events in the standard order, status, headers, JSON response', async () => {
    const { value } = await run(`
      const x = new XMLHttpRequest(), seen = [];
      x.onreadystatechange = () => seen.push('state' + x.readyState);
      for (const t of ['loadstart', 'progress', 'load', 'loadend']) x.addEventListener(t, (e) => seen.push(t + (t === 'load' ? ':' + e.loaded + '/' + e.total : '')));
      for (const t of ['loadstart', 'load', 'loadend']) x.upload.addEventListener(t, () => seen.push('upload.' + t));
      x.open('post', event.base + '/echo');
      x.setRequestHeader('X-Custom', 'a');
      x.setRequestHeader('x-custom', 'b');
      x.setRequestHeader('Content-Type', 'application/json');
      x.responseType = 'json';
      x.send(JSON.stringify({ n: 1 }));
      const sentState = x.readyState;
      await loadend(x);
      out({ seen, sentState, status: x.status, statusText: x.statusText, url: x.responseURL, type: x.getResponseHeader('Content-Type'),
        cookie: x.getResponseHeader('set-cookie'), all: x.getAllResponseHeaders().split('\\r\\n').filter((l) => l.startsWith('x-')), response: x.response });`);
    const v = value as Record<string, unknown>;
    const length = JSON.stringify((v.response as object)).length;
    expect(v.seen).toEqual(['state1', 'loadstart', 'upload.loadstart', 'upload.load', 'upload.loadend', 'state2', 'state3', 'progress', 'state4', `load:${length}/${length}`, 'loadend']);
    expect(v).toMatchObject({ sentState: 1, status: 200, statusText: 'OK', url: `${base}/echo`, type: 'application/json; charset=utf-8', cookie: null, all: ['x-a: one', 'x-b: two'] });
    expect(v.response).toMatchObject({ method: 'POST', body: '{"n":1}', headers: { 'x-custom': 'a, b', 'content-type': 'application/json' } });
  });

  test('response types: text with the declared charset, arraybuffer, blob; a 404 is a load, not an error', async () => {
    const { value } = await run(`
      const get = async (path, type) => { const x = new XMLHttpRequest(); x.open('GET', event.base + path); if (type) x.responseType = type; x.send(); await loadend(x); return x; };
      const text = await get('/latin1');
      const buf = await get('/latin1', 'arraybuffer');
      const blob = await get('/latin1', 'blob');
      const missing = await get('/nope');
      out([text.responseText, text.response, Array.from(new Uint8Array(buf.response)), blob.response.size, blob.response.type, missing.status, missing.responseText]);`);
    expect(value).toEqual(['café', 'café', [0x63, 0x61, 0x66, 0xe9], 4, 'text/plain; charset=iso-8859-1', 404, 'not here']);
  });

  test('abort and timeout fire their events; the state returns to UNSENT after abort', async () => {
    const { value } = await run(`
      const a = new XMLHttpRequest(), seenA = [];
      a.onabort = () => seenA.push('abort:' + a.readyState);
      a.onloadend = () => seenA.push('loadend');
      a.open('GET', event.base + '/slow');
      a.send();
      a.abort();
      const t = new XMLHttpRequest(), seenT = [];
      t.timeout = 50;
      t.ontimeout = () => seenT.push('timeout:' + t.readyState + ':' + t.status);
      t.onerror = () => seenT.push('error');
      t.open('GET', event.base + '/slow');
      t.send();
      await loadend(t);
      out([seenA, a.readyState, a.status, seenT]);`);
    expect(value).toEqual([['abort:4', 'loadend'], 0, 0, ['timeout:4:0']]);
  });

  test('a refused request is an error event, and the log says why', async () => {
    const { value, result } = await run(`
      const x = new XMLHttpRequest(), seen = [];
      x.onerror = () => seen.push('error:' + x.readyState + ':' + x.status);
      x.open('GET', 'http://10.255.255.1/');
      x.send();
      await loadend(x);
      out(seen);`, {});
    expect(value).toEqual(['error:4:0']);
    expect(result.logs.find((l) => l.level === 'warn')?.message).toMatch(/^XMLHttpRequest GET http:\/\/10\.255\.255\.1\/ failed: .*refused.*egress/);
  });

  test('what cannot work says so: synchronous requests, relative URLs, calls out of order', async () => {
    const { value } = await run(`
      const err = (f) => { try { f(); return 'no error'; } catch (e) { return e.name; } };
      const x = new XMLHttpRequest();
      out([err(() => x.open('GET', event.base, false)), err(() => x.open('GET', '/relative')), err(() => x.setRequestHeader('a', 'b')), err(() => x.send()),
        err(() => x.open('TRACE', event.base)), XMLHttpRequest.DONE, x.UNSENT, x.readyState]);`);
    expect(value).toEqual(['InvalidAccessError', 'SyntaxError', 'InvalidStateError', 'InvalidStateError', 'SecurityError', 4, 0, 0]);
  });
});
