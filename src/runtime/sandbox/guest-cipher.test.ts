import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, getCiphers, hkdfSync, scryptSync, sign, verify } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { runGuestProgram } from '../../../test/helpers/guest-program.ts';
import { createSandboxModule } from './index.ts';
import type { SandboxModule } from './index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/** Runs `body` in a fresh context with `crypto` bound to the sandbox's Node crypto; returns what it passed to `out`. */
const value = async (body: string): Promise<unknown> =>
  (await runGuestProgram(module, body, { prelude: "const crypto = __actuate_builtins.crypto; const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');" })).value;

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const IV16 = 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf';
const IV12 = 'b0b1b2b3b4b5b6b7b8b9babb';
const TEXT = 'Ünïcødé secrets: user 42 may reset their password ✓';
const EC_PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

describe("Node's ciphers in the sandbox (createCipheriv/createDecipheriv), compared with Node's own", () => {
  test('AES-256-CBC: chunked updates with string encodings give the same text as Node, and decrypt back', async () => {
    const c = createCipheriv('aes-256-cbc', Buffer.from(KEY, 'hex'), Buffer.from(IV16, 'hex'));
    const node = c.update(TEXT.slice(0, 7), 'utf8', 'base64') + c.update(TEXT.slice(7), 'utf8', 'base64') + c.final('base64');
    const got = await value(`
      const key = Buffer_from('${KEY}'), iv = Buffer_from('${IV16}');
      function Buffer_from(h) { return new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16))); }
      const c = crypto.createCipheriv('aes-256-cbc', key, iv);
      const parts = [c.update(${JSON.stringify(TEXT.slice(0, 7))}, 'utf8', 'base64'), c.update(${JSON.stringify(TEXT.slice(7))}, 'utf8', 'base64'), c.final('base64')];
      const enc = parts.join('');
      const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
      // Decrypt in odd-sized pieces: characters split across blocks still come out whole.
      const bytes = Uint8Array.from(atob(enc), (ch) => ch.charCodeAt(0));
      let text = '';
      for (let i = 0; i < bytes.length; i += 5) text += d.update(bytes.subarray(i, i + 5), undefined, 'utf8');
      text += d.final('utf8');
      out({ enc, firstUpdate: parts[0], text });
    `);
    expect(got).toEqual({ enc: node, firstUpdate: '', text: TEXT });
  });

  test('AES-256-GCM with AAD and a tag: the same ciphertext and tag; a wrong tag fails as in Node', async () => {
    const c = createCipheriv('aes-256-gcm', Buffer.from(KEY, 'hex'), Buffer.from(IV12, 'hex'));
    c.setAAD(Buffer.from('header'));
    const enc = Buffer.concat([c.update(TEXT, 'utf8'), c.final()]).toString('hex');
    const tag = c.getAuthTag().toString('hex');
    const d = createDecipheriv('aes-256-gcm', Buffer.from(KEY, 'hex'), Buffer.from(IV12, 'hex'));
    d.setAAD(Buffer.from('header'));
    d.setAuthTag(Buffer.from('00'.repeat(16), 'hex'));
    d.update(Buffer.from(enc, 'hex'));
    let nodeError: { name: string; message: string } | undefined;
    try {
      d.final();
    } catch (e) {
      nodeError = { name: (e as Error).name, message: (e as Error).message };
    }
    const got = await value(`
      const c = crypto.createCipheriv('aes-256-gcm', crypto.createSecretKey('${KEY}', 'hex'), '${IV12}' && Uint8Array.from('${IV12}'.match(/../g), (x) => parseInt(x, 16)));
      c.setAAD(new TextEncoder().encode('header'));
      const first = c.update(${JSON.stringify(TEXT)}, 'utf8');
      const enc = hex(first) + hex(c.final());
      const tag = hex(c.getAuthTag());
      const d = crypto.createDecipheriv('aes-256-gcm', crypto.createSecretKey('${KEY}', 'hex'), Uint8Array.from('${IV12}'.match(/../g), (x) => parseInt(x, 16)));
      d.setAAD(new TextEncoder().encode('header')).setAuthTag(tag, 'hex');
      const plain = d.update(enc, 'hex', 'utf8') + d.final('utf8');
      const bad = crypto.createDecipheriv('aes-256-gcm', crypto.createSecretKey('${KEY}', 'hex'), Uint8Array.from('${IV12}'.match(/../g), (x) => parseInt(x, 16)));
      bad.setAAD(new TextEncoder().encode('header')).setAuthTag('00'.repeat(16), 'hex');
      bad.update(enc, 'hex');
      let error;
      try { bad.final(); } catch (e) { error = { name: e.name, message: e.message }; }
      out({ enc, tag, streamed: first.length, plain, error });
    `);
    expect(got).toEqual({ enc, tag, streamed: Buffer.byteLength(TEXT), plain: TEXT, error: nodeError });
  });

  test("AES-128-CTR, no padding and ECB; Node's errors for a bad key length, an unknown cipher and a bad decrypt", async () => {
    const key16 = Buffer.from(KEY.slice(0, 32), 'hex');
    const ctr = createCipheriv('aes-128-ctr', key16, Buffer.from(IV16, 'hex'));
    const ctrHex = ctr.update('counter mode', 'utf8', 'hex') + ctr.final('hex');
    const ecb = createCipheriv('aes-128-ecb', key16, null).setAutoPadding(false);
    const ecbHex = ecb.update(Buffer.alloc(32, 7)).toString('hex') + ecb.final('hex');
    const errorOf = (fn: () => unknown) => {
      try {
        fn();
        return undefined;
      } catch (e) {
        return { name: (e as Error).name, message: (e as Error).message, code: (e as { code?: string }).code };
      }
    };
    const keyLength = errorOf(() => createCipheriv('aes-256-cbc', key16, Buffer.from(IV16, 'hex')));
    const unknown = errorOf(() => createCipheriv('aes-999-xyz', key16, Buffer.from(IV16, 'hex')));
    const wrongKey = createDecipheriv('aes-128-cbc', Buffer.alloc(16, 9), Buffer.from(IV16, 'hex'));
    const sealed = (() => { const c = createCipheriv('aes-128-cbc', key16, Buffer.from(IV16, 'hex')); return Buffer.concat([c.update('x'), c.final()]); })();
    wrongKey.update(sealed);
    const badDecrypt = errorOf(() => wrongKey.final());
    const got = await value(`
      const key16 = Uint8Array.from('${KEY.slice(0, 32)}'.match(/../g), (x) => parseInt(x, 16));
      const iv = Uint8Array.from('${IV16}'.match(/../g), (x) => parseInt(x, 16));
      const ctr = crypto.createCipheriv('aes-128-ctr', key16, iv);
      const ctrHex = ctr.update('counter mode', 'utf8', 'hex') + ctr.final('hex');
      const ecb = crypto.createCipheriv('aes-128-ecb', key16, null).setAutoPadding(false);
      const ecbHex = hex(ecb.update(new Uint8Array(32).fill(7))) + ecb.final('hex');
      const errorOf = (fn) => { try { fn(); } catch (e) { return { name: e.name, message: e.message, code: e.code }; } };
      const keyLength = errorOf(() => crypto.createCipheriv('aes-256-cbc', key16, iv));
      const unknown = errorOf(() => crypto.createCipheriv('aes-999-xyz', key16, iv));
      const c = crypto.createCipheriv('aes-128-cbc', key16, iv);
      const sealed = new Uint8Array([...c.update('x'), ...c.final()]);
      const wrongKey = crypto.createDecipheriv('aes-128-cbc', new Uint8Array(16).fill(9), iv);
      wrongKey.update(sealed);
      const badDecrypt = errorOf(() => wrongKey.final());
      const afterFinal = [errorOf(() => c.final()), errorOf(() => c.update('x')), errorOf(() => c.setAAD(new Uint8Array(1)))];
      out({ ctrHex, ecbHex, keyLength, unknown, badDecrypt, afterFinal, hasAes: crypto.getCiphers().includes('aes-256-gcm') });
    `);
    const finished = createCipheriv('aes-128-cbc', key16, Buffer.from(IV16, 'hex'));
    finished.final();
    const afterFinal = [errorOf(() => finished.final()), errorOf(() => finished.update('x')), errorOf(() => (finished as unknown as { setAAD(b: Buffer): void }).setAAD(Buffer.alloc(1)))];
    expect(got).toEqual({ ctrHex, ecbHex, keyLength, unknown, badDecrypt, afterFinal: JSON.parse(JSON.stringify(afterFinal)), hasAes: getCiphers().includes('aes-256-gcm') });
  });

  test('scrypt and HKDF derive the same keys as Node, sync and with callbacks', async () => {
    const scrypt = scryptSync('password', 'salt', 32, { N: 1024 }).toString('hex');
    const hkdf = Buffer.from(hkdfSync('sha256', 'input key', 'salt', 'info', 42)).toString('hex');
    const got = await value(`
      const sync = hex(crypto.scryptSync('password', 'salt', 32, { cost: 1024 }));
      const cb = await new Promise((resolve, reject) => crypto.scrypt('password', 'salt', 32, { N: 1024 }, (e, k) => (e ? reject(e) : resolve(hex(k)))));
      const h = hex(new Uint8Array(crypto.hkdfSync('sha256', 'input key', 'salt', 'info', 42)));
      const hcb = await new Promise((resolve, reject) => crypto.hkdf('sha256', 'input key', 'salt', 'info', 42, (e, k) => (e ? reject(e) : resolve(hex(new Uint8Array(k))))));
      let tooBig;
      try { crypto.scryptSync('p', 's', 16, { N: 2 ** 20, r: 8 }); } catch (e) { tooBig = [e.name, e.code, e.message]; }
      // Node 20 leaves OpenSSL's error from that check on the thread: the next key parse failed with it.
      const after = crypto.createPrivateKey(${JSON.stringify(EC_PEM)}).type;
      out({ sync, cb, h, hcb, tooBig, after });
    `);
    let nodeError: unknown[] = [];
    try {
      scryptSync('p', 's', 16, { N: 2 ** 20, r: 8 });
    } catch (e) {
      nodeError = [(e as Error).name, (e as { code?: string }).code, (e as Error).message];
    }
    // Node 20 left OpenSSL's error on this thread too: the next key parse fails with it, and clears it.
    expect(() => createPrivateKey(EC_PEM)).toThrow('memory limit exceeded');
    expect(got).toEqual({ sync: scrypt, cb: scrypt, h: hkdf, hcb: hkdf, tooBig: nodeError, after: 'private' });
  });

  test('generateKeyPair(Sync): PEM, DER and JWK encodings or KeyObjects, usable by Node; RSA capped at 4096 bits', async () => {
    const got = (await value(`
      const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
      const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const ecSig = crypto.sign('sha256', new TextEncoder().encode('data'), ec.privateKey);
      const ed = await new Promise((resolve, reject) => crypto.generateKeyPair('ed25519', { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } }, (e, pub, priv) => (e ? reject(e) : resolve({ pub, priv: hex(priv) }))));
      let big, dsa;
      try { crypto.generateKeyPairSync('rsa', { modulusLength: 8192 }); } catch (e) { big = [e.name, e.message]; }
      try { crypto.generateKeyPairSync('dsa', { modulusLength: 1024 }); } catch (e) { dsa = e.name; }
      out({ rsa, ec: { type: ec.privateKey.type, curve: ec.publicKey.asymmetricKeyDetails.namedCurve, pem: ec.publicKey.export({ type: 'spki', format: 'pem' }), sig: hex(ecSig) }, ed, big, dsa });
    `)) as { rsa: { publicKey: string; privateKey: string }; ec: { type: string; curve: string; pem: string; sig: string }; ed: { pub: { kty: string; crv: string; x: string }; priv: string }; big: [string, string]; dsa: string };
    const data = Buffer.from('data');
    expect(verify('sha256', data, got.rsa.publicKey, sign('sha256', data, got.rsa.privateKey))).toBe(true);
    expect(createPrivateKey(got.rsa.privateKey).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect([got.ec.type, got.ec.curve]).toEqual(['private', 'prime256v1']);
    expect(verify('sha256', data, got.ec.pem, Buffer.from(got.ec.sig, 'hex'))).toBe(true);
    const edPrivate = createPrivateKey({ key: Buffer.from(got.ed.priv, 'hex'), format: 'der', type: 'pkcs8' });
    expect(createPublicKey(edPrivate).export({ format: 'jwk' })).toEqual(got.ed.pub);
    expect(got.big).toEqual(['RangeError', "modulusLength above 4096 is not available in the sandbox: key generation runs on the host's thread"]);
    expect(got.dsa).toBe('TypeError');
  });
});
