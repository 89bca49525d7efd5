import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGuestProgram } from '../../../test/helpers/guest-program.ts';
import { createSandboxModule } from './index.ts';
import type { SandboxModule } from './index.ts';
import { startLocalHttpServer, type LocalHttpServer } from '../../../test/helpers/local-http-server.ts';

let module: SandboxModule;
let server: LocalHttpServer;
let base: string;

beforeAll(async () => {
  module = await createSandboxModule();
  server = await startLocalHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.end(`${req.method} ${Buffer.concat(chunks).toString()}`));
  });
  base = server.base;
});
afterAll(() => server.close());

const value = async (body: string): Promise<unknown> => (await runGuestProgram(module, body, { event: { base }, egress: { allowPrivate: true } })).value;

describe('WHATWG streams in the sandbox', () => {
  test('readers, async iteration, tee, pipeThrough and pipeTo, TransformStream, from()', async () => {
    expect(
      await value(`
        const types = [typeof ReadableStream, typeof WritableStream, typeof TransformStream, ({}) instanceof ReadableStream];
        const numbers = () => new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.enqueue(3); c.close(); } });
        const reader = numbers().getReader();
        const read = [await reader.read(), await reader.read(), await reader.read(), await reader.read()];
        const iterated = []; for await (const n of numbers()) iterated.push(n);
        const [a, b] = numbers().tee(); const teed = [];
        for await (const n of a) teed.push(n); for await (const n of b) teed.push(n * 10);
        const upper = new TransformStream({ transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); } });
        const written = [];
        await ReadableStream.from(['a', 'b']).pipeThrough(upper).pipeTo(new WritableStream({ write(chunk) { written.push(chunk); } }));
        class Counted extends ReadableStream { constructor() { super({ start(c) { c.close(); } }); this.tag = 'sub'; } }
        const sub = new Counted();
        out({ types, read, iterated, teed, written, sub: [sub.tag, sub instanceof ReadableStream, sub instanceof Counted, typeof sub.getReader] });`),
    ).toEqual({
      types: ['function', 'function', 'function', false],
      read: [{ value: 1, done: false }, { value: 2, done: false }, { value: 3, done: false }, { done: true }],
      iterated: [1, 2, 3],
      teed: [1, 2, 3, 10, 20, 30],
      written: ['A', 'B'],
      sub: ['sub', true, true, 'function'],
    });
  });

  test('text streams decode across chunk boundaries', async () => {
    expect(
      await value(`
        const bytes = new TextEncoder().encode('héllo €');
        const source = new ReadableStream({ start(c) { for (const b of bytes) c.enqueue(new Uint8Array([b])); c.close(); } });
        let text = ''; for await (const s of source.pipeThrough(new TextDecoderStream())) text += s;
        const encoded = []; for await (const u of ReadableStream.from(['a\\ud83d', '\\ude00']).pipeThrough(new TextEncoderStream())) encoded.push(...u);
        out([text, new TextDecoder().decode(new Uint8Array(encoded))]);`),
    ).toEqual(['héllo €', 'a😀']);
  });

  test('bodies as streams: response.body, new Response(stream), Blob.stream(), a streamed request body', async () => {
    expect(
      await value(`
        const res = await fetch(event.base + '/x', { method: 'POST', body: 'abc' });
        const chunks = []; for await (const c of res.body) chunks.push(new TextDecoder().decode(c));
        const made = await new Response(ReadableStream.from([new TextEncoder().encode('one '), new TextEncoder().encode('two')])).text();
        const blob = []; for await (const c of new Blob(['blob bytes']).stream()) blob.push(new TextDecoder().decode(c));
        let refused; try { new Request(event.base, { method: 'POST', body: ReadableStream.from([]) }); } catch (e) { refused = e.message; }
        const streamed = await (await fetch(event.base, { method: 'PUT', duplex: 'half', body: ReadableStream.from([new TextEncoder().encode('up'), new TextEncoder().encode('load')]) })).text();
        out([chunks.join(''), res.bodyUsed, made, blob.join(''), refused, streamed]);`),
    ).toEqual(['POST abc', true, 'one two', 'blob bytes', 'RequestInit: duplex option is required when sending a body.', 'PUT upload']);
  });
});
