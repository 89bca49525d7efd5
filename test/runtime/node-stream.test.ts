import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';

describe("require('stream'), 'stream/web', 'stream/promises' and 'stream/consumers' in a built action", () => {
  it('streams are Streams, Readable.from and pipeline work, and stream/web gives the WHATWG classes', async () => {
    const code = `const stream = require('stream');
const { Readable, PassThrough, Transform, Writable, pipeline } = stream;
const web = require('stream/web');
exports.onExecutePostLogin = async (event, api) => {
  const upper = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
  const out = [];
  const sink = new Writable({ write(chunk, enc, cb) { out.push(String(chunk)); cb(); } });
  await new Promise((resolve, reject) => pipeline(Readable.from(['a', 'b', 'c']), new PassThrough({ objectMode: true }), upper, sink, (e) => (e ? reject(e) : resolve())));
  const collected = [];
  for await (const chunk of Readable.from(['x', 'y'])) collected.push(chunk);
  const webStream = new web.ReadableStream({ start(c) { c.enqueue('w'); c.close(); } });
  api.idToken.setCustomClaim('stream', {
    instances: [new PassThrough() instanceof stream, Readable.from([]) instanceof stream.Stream, upper instanceof Readable],
    out,
    collected,
    web: [typeof web.ReadableStream, typeof web.TextDecoderStream, webStream instanceof ReadableStream, (await webStream.getReader().read()).value],
  });
};
`;
    const d = await deployFiles({ ...action('stream-user', { trigger: 'post-login' }, code), ...flow('post-login', ['stream-user']) });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as unknown as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims['stream']).toEqual({
      instances: [true, true, true],
      out: ['A', 'B', 'C'],
      collected: ['x', 'y'],
      web: ['function', 'function', true, 'w'],
    });
  });

  it("stream/promises awaits pipeline and finished (as @vonage's client does), and stream/consumers reads a stream whole", async () => {
    const code = `const { pipeline, finished } = require('node:stream/promises');
const consumers = require('stream/consumers');
const { Readable, Transform, Writable, PassThrough } = require('stream');
const Duplex = require('_stream_duplex');
exports.onExecutePostLogin = async (event, api) => {
  const out = [];
  const upper = new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
  await pipeline(Readable.from(['a', 'b']), upper, new Writable({ write(chunk, enc, cb) { out.push(String(chunk)); cb(); } }));
  let failed;
  const broken = new Transform({ transform(chunk, enc, cb) { cb(new Error('bad chunk ' + chunk)); } });
  try { await pipeline(Readable.from(['x']), broken, new PassThrough()); } catch (e) { failed = e.message; }
  const aborted = new AbortController();
  aborted.abort();
  let abort;
  try { await pipeline(Readable.from(['x']), new PassThrough(), { signal: aborted.signal }); } catch (e) { abort = [e.name, e.code]; }
  const ended = Readable.from(['z']);
  ended.resume();
  const done = await finished(ended).then(() => 'resolved');
  const web = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"web":')); c.enqueue(new TextEncoder().encode('true}')); c.close(); } });
  api.idToken.setCustomClaim('promises', {
    out, failed, abort, finished: done,
    text: await consumers.text(Readable.from(['he', 'llo'])),
    json: await consumers.json(web),
    buffer: (await consumers.buffer(Readable.from([new Uint8Array([1, 2]), 'c']))).toString('hex'),
    duplex: typeof Duplex === 'function' && new Duplex() instanceof require('stream'),
  });
};
`;
    const d = await deployFiles({ ...action('promises-user', { trigger: 'post-login' }, code), ...flow('post-login', ['promises-user']) });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect((r.commands as unknown as { idToken: { customClaims: Record<string, unknown> } }).idToken.customClaims['promises']).toEqual({
      out: ['A', 'B'],
      failed: 'bad chunk x',
      abort: ['AbortError', 'ABORT_ERR'],
      finished: 'resolved',
      text: 'hello',
      json: { web: true },
      buffer: '010263',
      duplex: true,
    });
  });
});
