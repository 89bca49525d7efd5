import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/runtime/index.ts';
import type { HostFetch } from '../../src/runtime/sandbox/index.ts';
import { action, flow } from '../helpers/actions.ts';
import { deployFiles, sampleEvent } from '../helpers/deploy.ts';
import { useFixtureRegistry } from '../helpers/fixture-registry.ts';
import type { LocalRegistry } from '../helpers/local-registry.ts';
import { registryFromNodeModules } from '../helpers/node-modules-registry.ts';

const require = createRequire(import.meta.url);
type Claims = Record<string, unknown>;
const claimsOf = (r: { commands: unknown }) => (r.commands as { idToken: { customClaims: Claims } }).idToken.customClaims;

/**
 * Packages whose browser build differs from their Node build where Auth0 code notices
 * (src/compile/bundle/node-builds.ts): each action makes the call that differed, and the answer
 * must be Node's.
 */
describe('packages bundled with their Node build where the browser build differs', () => {
  let registry: LocalRegistry;
  let versions: Record<string, string>;
  beforeAll(async () => {
    ({ registry, versions } = await registryFromNodeModules(['aws-sdk', 'joi', 'speakeasy', 'qrcode', 'form-data', 'axios']));
  }, 120_000);
  afterAll(() => registry?.close());

  it("publishes an SMS with the AWS SDK v2 (Auth0's SNS example): the XML answer is parsed without a DOM", async () => {
    const code = `const AWS = require('aws-sdk');
exports.onExecutePostLogin = async (event, api) => {
  const sns = new AWS.SNS({ apiVersion: '2010-03-31', region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: event.secrets.AWS_SECRET } });
  const r = await sns.publish({ Message: 'Your code is 123456', PhoneNumber: '+15555550100' }).promise();
  let failure;
  try { await sns.publish({ Message: 'x', PhoneNumber: 'bad' }).promise(); } catch (e) { failure = [e.code, e.message, e.statusCode]; }
  api.idToken.setCustomClaim('sns', { id: r.MessageId, request: r.ResponseMetadata.RequestId, failure });
};
`;
    const sent: string[] = [];
    const fetch: HostFetch = async (req) => {
      const body = new TextDecoder().decode(req.body!);
      sent.push(`${req.url} ${body}`);
      const xml = body.includes('PhoneNumber=bad')
        ? '<ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: PhoneNumber</Message></Error><RequestId>req-2</RequestId></ErrorResponse>'
        : '<PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-123</MessageId></PublishResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PublishResponse>';
      return { url: req.url, status: body.includes('PhoneNumber=bad') ? 400 : 200, statusText: 'OK', headers: [['content-type', 'text/xml']], body: new TextEncoder().encode(xml), redirected: false };
    };
    const files = {
      ...action('sns', { trigger: 'post-login', dependencies: { 'aws-sdk': versions['aws-sdk']! }, secrets: ['AWS_SECRET'] }, code),
      ...flow('post-login', ['sns']),
    };
    const d = await deployFiles(files, { fetch, secrets: { file: { sns: { AWS_SECRET: 'secret' } } } }, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect(claimsOf(r)['sns']).toEqual({ id: 'msg-123', request: 'req-1', failure: ['InvalidParameter', 'Invalid parameter: PhoneNumber', 400] });
    expect(sent[0]).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\/ Action=Publish&Message=Your%20code%20is%20123456&PhoneNumber=%2B15555550100&Version=2010-03-31$/);
  }, 60_000);

  it("validates emails with joi 17's list of top-level domains, and computes speakeasy's TOTP codes, as Node does", async () => {
    const joi = `const Joi = require('joi');
exports.onExecutePostLogin = async (event, api) => {
  const schema = Joi.object({ email: Joi.string().email().required(), age: Joi.number().min(18) });
  const emails = ['a@example.com', 'a@example.notatld', 'nope'].map((email) => schema.validate({ email, age: 20 }).error?.message ?? 'ok');
  api.idToken.setCustomClaim('joi', emails);
};
`;
    const totp = `const speakeasy = require('speakeasy');
exports.onExecutePostLogin = async (event, api) => {
  const secret = 'JBSWY3DPEHPK3PXP';
  const token = speakeasy.totp({ secret, encoding: 'base32', time: 1700000000 });
  api.idToken.setCustomClaim('totp', { token, ok: speakeasy.totp.verify({ secret, encoding: 'base32', token, time: 1700000000 }), wrong: speakeasy.totp.verify({ secret, encoding: 'base32', token: '000000', time: 1700000000 }) });
};
`;
    const files = {
      ...action('joi', { trigger: 'post-login', dependencies: { joi: versions['joi']! } }, joi),
      ...action('totp', { trigger: 'post-login', dependencies: { speakeasy: versions['speakeasy']! } }, totp),
      ...flow('post-login', ['joi', 'totp']),
    };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success', 'success']);

    const Joi = require('joi');
    const schema = Joi.object({ email: Joi.string().email().required(), age: Joi.number().min(18) });
    const expected = ['a@example.com', 'a@example.notatld', 'nope'].map((email) => schema.validate({ email, age: 20 }).error?.message ?? 'ok');
    expect(expected).toEqual(['ok', '"email" must be a valid email', '"email" must be a valid email']);
    expect(claimsOf(r)['joi']).toEqual(expected);
    const speakeasy = require('speakeasy');
    expect(claimsOf(r)['totp']).toEqual({ token: speakeasy.totp({ secret: 'JBSWY3DPEHPK3PXP', encoding: 'base32', time: 1700000000 }), ok: true, wrong: false });
  }, 60_000);

  it('draws QR codes (an MFA enrolment link) as the same PNG image and SVG as Node', async () => {
    const code = `const QRCode = require('qrcode');
exports.onExecutePostLogin = async (event, api) => {
  const link = 'otpauth://totp/Acme:' + event.user.email + '?secret=JBSWY3DPEHPK3PXP&issuer=Acme';
  api.idToken.setCustomClaim('qr', { png: await QRCode.toDataURL(link), svg: await QRCode.toString(link, { type: 'svg' }) });
};
`;
    const files = { ...action('qr', { trigger: 'post-login', dependencies: { qrcode: versions['qrcode']! } }, code), ...flow('post-login', ['qr']) };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    const QRCode = require('qrcode');
    const link = `otpauth://totp/Acme:${(event.user as { email: string }).email}?secret=JBSWY3DPEHPK3PXP&issuer=Acme`;
    const qr = claimsOf(r)['qr'] as { png: string; svg: string };
    expect(qr.svg).toBe(await QRCode.toString(link, { type: 'svg' }));
    // The same pixels. The bytes may differ: the sandbox's zlib stream compresses at its end, so
    // pngjs writes one IDAT chunk where Node's stream flushed two; both are valid PNGs.
    const { PNG } = require('pngjs');
    const pixels = (url: string) => {
      const image = PNG.sync.read(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'));
      return { width: image.width, height: image.height, data: Buffer.from(image.data).toString('base64') };
    };
    expect(qr.png.startsWith('data:image/png;base64,')).toBe(true);
    expect(pixels(qr.png)).toEqual(pixels(await QRCode.toDataURL(link)));
  }, 60_000);

  it("posts multipart with form-data's Node API (getHeaders, getBuffer) through axios, the headers matching the body", async () => {
    const code = `const FormData = require('form-data');
const axios = require('axios');
exports.onExecutePostLogin = async (event, api) => {
  const form = new FormData();
  form.append('email', event.user.email);
  form.append('attachment', Buffer.from('hello'), { filename: 'a.txt', contentType: 'text/plain' });
  form.append('count', 42);
  await axios.post('https://api.example.com/upload', form, { headers: form.getHeaders({ 'X-Api-Key': 'k' }) });
  await axios.post('https://api.example.com/buffer', form.getBuffer(), { headers: { ...form.getHeaders(), 'content-length': form.getLengthSync() } });
  const spec = new globalThis.FormData();
  spec.append('to', 'x@example.com');
  await axios.post('https://api.example.com/spec', spec);
  await fetch('https://api.example.com/bare', { method: 'POST', body: spec, headers: { 'content-type': 'multipart/form-data' } });
  let stream;
  try { form.append('file', { pipe() {}, on() {} }); } catch (e) { stream = e.message; }
  api.idToken.setCustomClaim('form', { boundary: form.getBoundary(), stream });
};
`;
    const seen: { url: string; headers: Record<string, string>; body: Buffer }[] = [];
    const fetch: HostFetch = async (req) => {
      seen.push({ url: req.url, headers: Object.fromEntries(req.headers.map(([k, v]) => [k.toLowerCase(), v])), body: Buffer.from(req.body!) });
      return { url: req.url, status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body: new TextEncoder().encode('{}'), redirected: false };
    };
    const files = { ...action('form', { trigger: 'post-login', dependencies: { 'form-data': versions['form-data']!, axios: versions['axios']! } }, code), ...flow('post-login', ['form']) };
    const d = await deployFiles(files, { fetch }, { registry: registry.url });
    const event = sampleEvent('post-login@v3');
    const r = await runFlow(d, 'post-login', event);
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    const claim = claimsOf(r)['form'] as { boundary: string; stream: string };
    expect(claim.boundary).toMatch(/^-{26}[0-9a-f]{24}$/);
    expect(claim.stream).toContain('is not available in the sandbox: append a Buffer or a string');
    const [upload, buffer, spec, bare] = seen;
    // A FormData without getHeaders(): axios's browser build labels the POST url-encoded; the
    // sandbox's fetch names the multipart boundary instead, as axios's Node build does.
    for (const r of [spec!, bare!]) {
      const type = r.headers['content-type']!;
      expect(type).toMatch(/^multipart\/form-data; boundary=/);
      expect((await new Response(r.body, { headers: { 'content-type': type } }).formData()).get('to')).toBe('x@example.com');
    }
    expect(upload!.headers['content-type']).toBe(`multipart/form-data; boundary=${claim.boundary}`);
    expect(upload!.headers['x-api-key']).toBe('k');
    // The body fetch sent is the one getBuffer() gives, and Node's own parser reads it back.
    expect(buffer!.body.equals(upload!.body)).toBe(true);
    expect(buffer!.headers['content-length']).toBe(String(upload!.body.length));
    const parsed = await new Response(upload!.body, { headers: { 'content-type': upload!.headers['content-type']! } }).formData();
    const file = parsed.get('attachment') as File;
    expect([parsed.get('email'), parsed.get('count'), file.name, file.type, await file.text()]).toEqual([(event.user as { email: string }).email, '42', 'a.txt', 'text/plain', 'hello']);
  }, 60_000);
});

describe("a package's build for edge runtimes (the workerd condition)", () => {
  const registry = useFixtureRegistry('edge-build');

  it('is chosen over its browser build, as wrangler chooses for Cloudflare Workers (the Vonage SDK refuses browsers)', async () => {
    const code = `const { build } = require('edge-build');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('build', build);\n};\n`;
    const files = { ...action('edge', { trigger: 'post-login', dependencies: { 'edge-build': '1.0.0' } }, code), ...flow('post-login', ['edge']) };
    const d = await deployFiles(files, {}, { registry: registry.url });
    const r = await runFlow(d, 'post-login', sampleEvent('post-login@v3'));
    expect(r.actions.map((a) => a.error?.stack ?? a.status)).toEqual(['success']);
    expect(claimsOf(r)['build']).toBe('workerd');
  });
});
