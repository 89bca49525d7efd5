import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandboxModule, loadSandboxContext } from './index.ts';
import type { SandboxModule } from './index.ts';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';

let module: SandboxModule;
let server: LocalHttpServer;
let base: string;

/** Entries of a FormData as JSON-able values (files as name, type and text). */
async function describeForm(form: FormData): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [k, v] of form) out.push(typeof v === 'string' ? [k, v] : [k, { name: v.name, type: v.type, text: await v.text() }]);
  return out;
}

/** A real server: `/parse` reads a request body as Node's fetch would (`formData()`), `/multipart` answers one Node encoded. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/parse') {
        const body = Buffer.concat(chunks);
        const form = await new Response(body, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
        res.end(JSON.stringify({ contentType: req.headers['content-type'], entries: await describeForm(form) }));
        return;
      }
      const form = new FormData();
      form.append('plan', 'gold');
      form.append('doc', new Blob(['ünïcode\r\nbody'], { type: 'text/plain' }), 'notes.txt');
      const encoded = new Response(form);
      res.setHeader('content-type', encoded.headers.get('content-type')!);
      res.end(Buffer.from(await encoded.arrayBuffer()));
    })();
  });
}

beforeAll(async () => {
  module = await createSandboxModule();
  server = await startLocalHttpServer(handle);
  base = server.base;
});
afterAll(() => server.close());

/** Runs `body` (which ends by returning a value) in the sandbox and in Node, for the same answer. */
async function inGuest(body: string): Promise<unknown> {
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async (event) => { const result = await (async () => { ${body} })(); console.log(JSON.stringify(result)); } };`,
    egress: { allowPrivate: true },
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    const result = await r.context.invoke('h', JSON.stringify({ base }));
    if (!result.ok) throw new Error(`${result.kind}: ${result.error.stack}`);
    return JSON.parse(result.logs[0]!.message);
  } finally {
    r.context.dispose();
  }
}
const inNode = async (body: string): Promise<unknown> => JSON.parse(JSON.stringify(await (new Function('event', `return (async () => { ${body} })();`) as (e: unknown) => Promise<unknown>)({ base })));

const SAME_AS_NODE = {
  'Blob parts, size, type, text, bytes and slices': `
    const b = new Blob(['héllo ', new Uint8Array([119, 111]), new Blob(['rld']), new Uint16Array([33]).buffer], { type: 'Text/Plain' });
    return [b.size, b.type, await b.text(), Array.from(new Uint8Array(await b.arrayBuffer())).length,
      await b.slice(1, 4).text(), await b.slice(-3).text(), b.slice(2, 1).size, b.slice(0, 2, 'x/y').type,
      new Blob([], { type: 'tëxt' }).type, Object.prototype.toString.call(b), b instanceof Blob];`,
  'File is a Blob with a name and lastModified': `
    const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
    return [f instanceof Blob, f instanceof File, f.name, f.lastModified, f.size, f.type, await f.text(), Object.prototype.toString.call(f), typeof new File([], 'x').lastModified];`,
  'FormData keeps entries in order; set replaces the first and drops the rest; Blobs become Files': `
    const fd = new FormData();
    fd.append('a', 1); fd.append('b', 'two'); fd.append('a', 'three'); fd.append('blob', new Blob(['x'], { type: 'text/plain' }));
    fd.append('named', new Blob(['y']), 'y.bin'); fd.append('file', new File(['z'], 'z.txt'));
    const before = [...fd.keys()];
    fd.set('a', 'only'); fd.delete('b');
    const blob = fd.get('blob'), named = fd.get('named'), file = fd.get('file');
    return [before, [...fd.keys()], fd.getAll('a'), fd.get('missing'), fd.has('b'), blob instanceof File, blob.name, blob.type, named.name, file.name,
      Object.prototype.toString.call(fd)];`,
};

describe('Blob, File and FormData', () => {
  for (const [name, body] of Object.entries(SAME_AS_NODE)) {
    test(`${name}, as in Node`, async () => {
      const g = await inGuest(body);
      expect(g).toEqual(await inNode(body));
    });
  }

  test('fetch sends a FormData as multipart/form-data that Node reads back, and a Blob as its bytes and type', async () => {
    const sent = (await inGuest(`
      const fd = new FormData();
      fd.append('user_id', 'auth0|123');
      fd.append('note', 'line one\\nline "two"');
      fd.append('avatar', new Blob([new Uint8Array([0, 255, 1])], { type: 'image/png' }), 'me.png');
      const multipart = await (await fetch(event.base + '/parse', { method: 'POST', body: fd })).json();
      const blob = await (await fetch(event.base + '/parse', { method: 'POST', body: new Blob(['a=1&b=2'], { type: 'application/x-www-form-urlencoded' }) })).json();
      return { multipart, blob };`)) as { multipart: { contentType: string; entries: unknown[] }; blob: { contentType: string; entries: unknown[] } };
    expect(sent.multipart.contentType).toMatch(/^multipart\/form-data; boundary=----formdata-undici-0\d{11}$/);
    expect(sent.multipart.entries).toEqual([
      ['user_id', 'auth0|123'],
      ['note', 'line one\r\nline "two"'],
      ['avatar', { name: 'me.png', type: 'image/png', text: '\u0000\ufffd\u0001' }],
    ]);
    expect(sent.blob).toEqual({ contentType: 'application/x-www-form-urlencoded', entries: [['a', '1'], ['b', '2']] });
  });

  test('Response.formData() reads multipart bodies Node encoded and url-encoded ones, and refuses others', async () => {
    expect(
      await inGuest(`
        const form = await (await fetch(event.base + '/multipart')).formData();
        const doc = form.get('doc');
        const encoded = await new Response(new URLSearchParams({ q: 'a b', r: 'ü' })).formData();
        const refused = await new Response('{}', { headers: { 'content-type': 'application/json' } }).formData().then(() => 'parsed', (e) => e.constructor.name);
        const again = await new Response(form).formData();
        return [form.get('plan'), doc.name, doc.type, await doc.text(), [...encoded], refused, [...again.keys()], await again.get('doc').text()];`),
    ).toEqual(['gold', 'notes.txt', 'text/plain', 'ünïcode\r\nbody', [['q', 'a b'], ['r', 'ü']], 'TypeError', ['plan', 'doc'], 'ünïcode\r\nbody']);
  });
});
