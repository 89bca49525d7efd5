import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';

describe("require('stream') and 'stream/web' in a built action", () => {
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
});
