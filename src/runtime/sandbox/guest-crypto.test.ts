import { constants, createHash, createHmac, generateKeyPairSync, pbkdf2Sync, createVerify, createSign, privateDecrypt, publicDecrypt, publicEncrypt, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGuestProgram } from '../../../test/helpers/guest-program.ts';
import { createSandboxModule } from './index.ts';
import type { SandboxModule } from './index.ts';

/** Web crypto and `require('crypto')` in the sandbox, compared with node:crypto (ciphers: guest-cipher.test.ts). */
let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

const value = async (body: string, event?: unknown): Promise<unknown> => (await runGuestProgram(module, body, { event })).value;

describe('web crypto', () => {
  test('getRandomValues and randomUUID', async () => {
    const [filled, uuid, errs] = (await value(`
      const a = crypto.getRandomValues(new Uint32Array(8));
      const errs = [];
      for (const f of [() => crypto.getRandomValues(new Float64Array(1)), () => crypto.getRandomValues(new Uint8Array(65537))]) { try { f(); } catch (e) { errs.push(e.name); } }
      out([a.some((x) => x !== 0), crypto.randomUUID(), errs]);`)) as [boolean, string, string[]];
    expect(filled).toBe(true);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(errs).toEqual(['TypeMismatchError', 'QuotaExceededError']);
  });

  test('digest, HMAC sign/verify and PBKDF2 match node:crypto', async () => {
    const got = await value(`
      const enc = new TextEncoder();
      const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
      const key = await crypto.subtle.importKey('raw', enc.encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
      const sig = await crypto.subtle.sign('HMAC', key, enc.encode('message'));
      const pw = await crypto.subtle.importKey('raw', enc.encode('pw'), 'PBKDF2', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode('salt'), iterations: 1000 }, pw, 256);
      let exportErr = '';
      try { await crypto.subtle.exportKey('raw', key); } catch (e) { exportErr = e.name; }
      out({
        sha256: hex(await crypto.subtle.digest('SHA-256', enc.encode('abc'))),
        sha1: hex(await crypto.subtle.digest({ name: 'SHA-1' }, enc.encode('abc'))),
        hmac: hex(sig),
        ok: await crypto.subtle.verify('HMAC', key, sig, enc.encode('message')),
        tampered: await crypto.subtle.verify('HMAC', key, sig, enc.encode('messagf')),
        pbkdf2: hex(bits),
        key: [key.type, key.extractable, key.algorithm.name, key.algorithm.hash.name, key.usages],
        exportErr,
      });`);
    expect(got).toEqual({
      sha256: createHash('sha256').update('abc').digest('hex'),
      sha1: createHash('sha1').update('abc').digest('hex'),
      hmac: createHmac('sha256', 'secret').update('message').digest('hex'),
      ok: true,
      tampered: false,
      pbkdf2: pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256').toString('hex'),
      key: ['secret', false, 'HMAC', 'SHA-256', ['sign', 'verify']],
      exportErr: 'InvalidAccessError',
    });
  });

  test('generated ECDSA and AES-GCM keys work, and JWK export round-trips', async () => {
    expect(
      await value(`
        const enc = new TextEncoder();
        const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
        const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, enc.encode('m'));
        const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
        const pub = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
        const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, enc.encode('plain text'));
        const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, aes, ct);
        let usageErr = '';
        try { await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, enc.encode('m')); } catch (e) { usageErr = e.name; }
        out([pair.privateKey.type, jwk.kty, jwk.crv, await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, enc.encode('m')),
             new TextDecoder().decode(pt), ct.byteLength, usageErr]);`),
    ).toEqual(['private', 'EC', 'P-256', true, 'plain text', 26, 'InvalidAccessError']);
  });
});

describe("require('crypto') builtins", () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;

  test('hashes and HMACs match node:crypto in every output encoding', async () => {
    const got = await value(`
      const c = __actuate_builtins.crypto;
      out({
        hex: c.createHash('sha256').update('a').update('bc').digest('hex'),
        b64: c.createHash('SHA512').update('abc', 'utf8').digest('base64'),
        b64url: c.createHash('md5').update('616263', 'hex').digest('base64url'),
        bytes: c.createHash('sha1').update(new Uint8Array([97, 98, 99])).digest().toString('hex'),
        hmac: c.createHmac('sha256', 'key').update('data').digest('hex'),
        hmacBytesKey: c.createHmac('sha384', new Uint8Array([1, 2, 3])).update('data').digest('base64'),
        copy: (() => { const h = c.createHash('sha256').update('x'); const k = h.copy(); k.update('y'); return [h.digest('hex'), k.digest('hex')]; })(),
        twice: (() => { const h = c.createHash('sha256'); h.digest(); try { h.digest(); } catch (e) { return e.message; } })(),
        unknown: (() => { try { c.createHash('nope'); } catch (e) { return e.message; } })(),
        hashes: c.getHashes().includes('sha256'),
      });`);
    expect(got).toEqual({
      hex: createHash('sha256').update('abc').digest('hex'),
      b64: createHash('sha512').update('abc').digest('base64'),
      b64url: createHash('md5').update('abc').digest('base64url'),
      bytes: createHash('sha1').update('abc').digest('hex'),
      hmac: createHmac('sha256', 'key').update('data').digest('hex'),
      hmacBytesKey: createHmac('sha384', Buffer.from([1, 2, 3])).update('data').digest('base64'),
      copy: [createHash('sha256').update('x').digest('hex'), createHash('sha256').update('xy').digest('hex')],
      twice: 'Digest already called',
      unknown: 'Digest method not supported',
      hashes: true,
    });
  });

  test('random values, timingSafeEqual, pbkdf2Sync and webcrypto', async () => {
    const got = (await value(`
      const c = __actuate_builtins.crypto;
      let lengthErr = '';
      try { c.timingSafeEqual(new Uint8Array(1), new Uint8Array(2)); } catch (e) { lengthErr = e.name; }
      out([c.randomBytes(16).length, c.randomBytes(4).toString('hex').length, c.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])),
           c.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])), lengthErr, c.pbkdf2Sync('pw', 'salt', 10, 16, 'sha1').toString('hex'),
           c.webcrypto === crypto, c.subtle === crypto.subtle, c.randomUUID().length]);`)) as unknown[];
    expect(got).toEqual([16, 8, true, false, 'RangeError', pbkdf2Sync('pw', 'salt', 10, 16, 'sha1').toString('hex'), true, true, 36]);
  });

  test('RS256 signatures interoperate with node:crypto in both directions', async () => {
    const nodeSig = createSign('RSA-SHA256').update('payload').sign(privatePem, 'base64');
    const got = (await value(
      `const c = __actuate_builtins.crypto;
       const sig = c.createSign('RSA-SHA256').update('pay').update('load').sign(event.priv, 'base64');
       out([sig, c.createVerify('RSA-SHA256').update('payload').verify(event.pub, event.nodeSig, 'base64'),
            c.createVerify('RSA-SHA256').update('tampered').verify(event.pub, event.nodeSig, 'base64')]);`,
      { priv: privatePem, pub: publicPem, nodeSig },
    )) as [string, boolean, boolean];
    expect(createVerify('RSA-SHA256').update('payload').verify(publicPem, got[0], 'base64')).toBe(true);
    expect(got.slice(1)).toEqual([true, false]);
  });

  test('RSA encryption (OAEP and PKCS#1) and PS256 with crypto.constants interoperate with node:crypto', async () => {
    const fromNode = publicEncrypt({ key: publicPem, oaepHash: 'sha256' }, Buffer.from('to the sandbox')).toString('base64');
    const got = (await value(
      `const c = __actuate_builtins.crypto;
       const b64 = (u) => btoa(String.fromCharCode(...new Uint8Array(u))), bytes = (t) => new TextEncoder().encode(t);
       const enc = b64(c.publicEncrypt(event.pub, bytes('to the host')));
       const dec = new TextDecoder().decode(c.privateDecrypt({ key: event.priv, oaepHash: 'sha256' }, Uint8Array.from(atob(event.fromNode), (ch) => ch.charCodeAt(0))));
       const signed = b64(c.privateEncrypt(event.priv, bytes('signed')));
       const pss = b64(c.sign('sha256', bytes('pss'), { key: event.priv, padding: c.constants.RSA_PKCS1_PSS_PADDING, saltLength: c.constants.RSA_PSS_SALTLEN_DIGEST }));
       out([enc, dec, signed, pss, c.constants.RSA_PKCS1_OAEP_PADDING]);`,
      { priv: privatePem, pub: publicPem, fromNode },
    )) as [string, string, string, string, number];
    expect(privateDecrypt(privatePem, Buffer.from(got[0], 'base64')).toString()).toBe('to the host');
    expect(got[1]).toBe('to the sandbox');
    expect(publicDecrypt(publicPem, Buffer.from(got[2], 'base64')).toString()).toBe('signed');
    expect(verify('sha256', Buffer.from('pss'), { key: publicPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, Buffer.from(got[3], 'base64'))).toBe(true);
    expect(got[4]).toBe(constants.RSA_PKCS1_OAEP_PADDING);
  });
});

afterAll(() => {
  expect(module.poisoned).toBe(false);
});
