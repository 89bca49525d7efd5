import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import { startLocalRegistry, type LocalRegistry } from '../helpers/local-registry.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/npm/', import.meta.url));

let registry: LocalRegistry;
let server: Server;
let base: string;

beforeAll(async () => {
  registry = await startLocalRegistry([path.join(FIXTURES, 'node-http-client')]);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/gzip') {
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync('{"compressed":true}'));
        return;
      }
      if (req.url === '/missing') {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ method: req.method, path: req.url, auth: req.headers.authorization ?? null, agent: req.headers['x-client'] ?? null, body: Buffer.concat(chunks).toString() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await registry?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

describe("a package written against Node's http module", () => {
  it('makes its requests through the sandbox fetch, under the egress policy', async () => {
    const code = `const client = require('node-http-client');
exports.onExecutePostLogin = async (event, api) => {
  const base = event.request.query.base;
  api.idToken.setCustomClaim('get', await client.getJson(base + '/keys?x=1', { 'x-client': 'fixture' }));
  api.idToken.setCustomClaim('post', await client.post(base.replace('http://', 'http://user:pa%20ss@') + '/post', '{"a":1}'));
  api.idToken.setCustomClaim('missing', await client.getJson(base + '/missing').catch((e) => e.message));
  api.idToken.setCustomClaim('refused', await client.fails('http://10.255.255.1/'));
  api.idToken.setCustomClaim('streamed', await client.streamed(base + '/gzip'));
};
`;
    const files = {
      'actuate.json': JSON.stringify({ egress: { allowPrivate: true, allow: ['127.0.0.1'] } }) + '\n',
      ...action('http', { trigger: 'post-login', dependencies: { 'node-http-client': '1.0.0' } }, code),
      ...flow('post-login', ['http']),
    };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    (event.request as { query: Record<string, string> }).query = { base };
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    const claims = (r.commands as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims;
    expect(claims['get']).toEqual({
      status: 200, type: 'application/json', cookies: ['a=1', 'b=2'],
      body: { method: 'GET', path: '/keys?x=1', auth: null, agent: 'fixture', body: '' },
    });
    expect(claims['post']).toEqual({ status: 200, isBuffer: true, body: { method: 'POST', path: '/post', auth: `Basic ${Buffer.from('user:pa ss').toString('base64')}`, agent: null, body: '{"a":1}' } });
    expect(claims['missing']).toBe('status 404 Not Found');
    expect(claims['refused']).toMatch(/refused: .*10\.255\.255\.1.*egress/);
    expect(claims['streamed']).toEqual({ readable: true, isStream: true, encoding: null, length: '19', text: '{"compressed":true}' });
  });
});
