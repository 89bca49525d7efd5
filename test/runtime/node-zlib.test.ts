import { brotliDecompressSync, crc32, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';

const TEXT = 'Auth0 actions, self-hosted. '.repeat(40);

describe("require('zlib') in a built action", () => {
  it('compresses and decompresses as Node does: sync, callbacks, promisify, streams, crc32 and errors', async () => {
    const code = `const zlib = require('zlib');
const { promisify } = require('util');
const { pipeline, Readable, Writable } = require('stream');
exports.onExecutePostLogin = async (event, api) => {
  const text = event.request.query.text, fromHost = Buffer.from(event.request.query.gzipped, 'base64');
  const collect = (stream) => new Promise((resolve, reject) => {
    const chunks = [];
    const source = new Readable({ read() {} });
    source.push(text.slice(0, 100)); source.push(text.slice(100)); source.push(null);
    pipeline(source, stream,
      new Writable({ write(c, e, cb) { chunks.push(c); cb(); } }), (err) => (err ? reject(err) : resolve(Buffer.concat(chunks))));
  });
  let corrupt;
  try { zlib.gunzipSync(Buffer.from('not gzip')); } catch (e) { corrupt = [e.message, e.code]; }
  const callbackResult = await new Promise((resolve, reject) => zlib.deflate(text, (err, out) => (err ? reject(err) : resolve(out))));
  api.idToken.setCustomClaim('zlib', {
    gzip: zlib.gzipSync(text, { level: 9 }).toString('base64'),
    deflate: callbackResult.toString('base64'),
    brotli: (await promisify(zlib.brotliCompress)(text)).toString('base64'),
    fromHost: zlib.gunzipSync(fromHost).toString(),
    inflated: zlib.inflateSync(zlib.deflateSync(text)).toString() === text,
    unzip: zlib.unzipSync(fromHost).toString() === text,
    raw: zlib.inflateRawSync(zlib.deflateRawSync(text)).toString() === text,
    stream: (await collect(zlib.createGzip())).toString('base64'),
    crc32: zlib.crc32(text),
    corrupt,
    constants: [zlib.constants.Z_BEST_COMPRESSION, zlib.Z_DATA_ERROR, zlib.constants.BROTLI_PARAM_QUALITY],
  });
};
`;
    const d = await deployFiles({ ...action('zlib-user', { trigger: 'post-login' }, code), ...flow('post-login', ['zlib-user']) });
    const event = sampleEvent('post-login@v3');
    (event.request as { query: Record<string, string> }).query = { text: TEXT, gzipped: gzipSync(TEXT).toString('base64') };
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    const z = (r.commands as unknown as { idToken: { customClaims: { zlib: Record<string, unknown> } } }).idToken.customClaims.zlib;
    const b64 = (k: string) => Buffer.from(z[k] as string, 'base64');
    expect(b64('gzip').equals(gzipSync(TEXT, { level: 9 }))).toBe(true);
    expect(inflateSync(b64('deflate')).toString()).toBe(TEXT);
    expect(b64('deflate').equals(deflateSync(TEXT))).toBe(true);
    expect(brotliDecompressSync(b64('brotli')).toString()).toBe(TEXT);
    expect(gunzipSync(b64('stream')).toString()).toBe(TEXT);
    let hostCorrupt: unknown;
    try {
      gunzipSync(Buffer.from('not gzip'));
    } catch (e) {
      hostCorrupt = [(e as Error).message, (e as { code: string }).code];
    }
    expect(z).toMatchObject({ fromHost: TEXT, inflated: true, unzip: true, raw: true, crc32: crc32(TEXT), corrupt: hostCorrupt, constants: [9, -3, 1] });
  });
});
