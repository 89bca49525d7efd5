import { describe, expect, it } from 'vitest';
import { formatProblems, typecheckFiles } from './fixtures/in-memory-program.ts';
import type { TypeProblem } from './fixtures/in-memory-program.ts';
import { CORRECT_HANDLERS } from './fixtures/handlers.ts';
import {
  apiTypeRef,
  eventTypeRef,
  generateDeclarations,
  generateSandboxGlobals,
  generateTypesFile,
  handlerTypeRef,
  getTrigger,
  TRIGGERS,
  triggerKey,
} from './index.ts';

const TYPES = '/virtual/actuate.d.ts';
const typesFile = generateTypesFile();

function check(files: Record<string, string>): TypeProblem[] {
  return typecheckFiles({ [TYPES]: typesFile, ...files });
}

function problemsIn(problems: readonly TypeProblem[], file: string): TypeProblem[] {
  return problems.filter((p) => p.file === file);
}

describe('generated declarations', () => {
  it('are pinned by the committed schemas/triggers/actuate.d.ts', async () => {
    await expect(typesFile).toMatchFileSnapshot('../../schemas/triggers/actuate.d.ts');
  });

  it('are deterministic', () => {
    expect(generateTypesFile()).toBe(typesFile);
  });

  it('type-check on their own, and a correct action for every trigger type-checks clean', () => {
    const files: Record<string, string> = {};
    for (const def of TRIGGERS) files[`/virtual/actions/${def.id}.ts`] = CORRECT_HANDLERS[triggerKey(def)] ?? '';
    expect(Object.values(files).every((text) => text.length > 0)).toBe(true);
    expect(formatProblems(check(files))).toBe('');
  });

  it('name the types the type-checker annotates handlers with', () => {
    const def = getTrigger('post-login');
    if (def === undefined) throw new Error('post-login missing');
    expect(handlerTypeRef(def, 'execute')).toBe('Actuate.PostLoginV3.ExecuteHandler');
    expect(handlerTypeRef(def, 'continue')).toBe('Actuate.PostLoginV3.ContinueHandler');
    expect(eventTypeRef(def)).toBe('Actuate.PostLoginV3.Event');
    expect(apiTypeRef(def)).toBe('Actuate.PostLoginV3.API');
    const noContinue = getTrigger('credentials-exchange');
    if (noContinue === undefined) throw new Error('credentials-exchange missing');
    expect(() => handlerTypeRef(noContinue, 'continue')).toThrow(/no continue handler/);
  });

  it('every handler, event and api reference resolves', () => {
    const lines = TRIGGERS.flatMap((def, k) => {
      const refs = [handlerTypeRef(def, 'execute'), eventTypeRef(def), apiTypeRef(def)];
      if (def.handlers.continue !== undefined) refs.push(handlerTypeRef(def, 'continue'));
      refs.push(`Actuate.${def.typeName}.Event`, `Actuate.${def.typeName}.API`);
      return refs.map((ref, j) => `export type T${k}_${j} = ${ref};`);
    });
    expect(formatProblems(check({ '/virtual/refs.ts': lines.join('\n') }))).toBe('');
  });

  it('reject misspellings, missing arguments, wrong signatures and unsupported modules', () => {
    const cases: Record<string, { source: string; expect: RegExp }> = {
      '/virtual/bad/misspelled-api.ts': {
        source: `export const onExecutePostLogin: Actuate.PostLoginV3.ExecuteHandler = async (event, api) => {
  api.acessToken.setCustomClaim('x', 1);
};`,
        expect: /Property 'acessToken' does not exist[\s\S]*Did you mean 'accessToken'/,
      },
      '/virtual/bad/deny-without-code.ts': {
        source: `export const onExecuteCredentialsExchange: Actuate.CredentialsExchangeV2.ExecuteHandler = async (event, api) => {
  api.access.deny();
};`,
        expect: /Expected 1-2 arguments, but got 0/,
      },
      '/virtual/bad/deny-wrong-code.ts': {
        source: `export const onExecuteCredentialsExchange: Actuate.CredentialsExchangeV2.ExecuteHandler = async (event, api) => {
  api.access.deny('access_denied', 'no');
};`,
        expect: /not assignable to parameter of type '"invalid_scope" \| "invalid_request" \| "server_error"'/,
      },
      '/virtual/bad/misspelled-user-field.ts': {
        source: `export const onExecutePostLogin: Actuate.PostLoginV3.ExecuteHandler = async (event) => {
  console.log(event.user.emial);
};`,
        expect: /Property 'emial' does not exist[\s\S]*Did you mean 'email'/,
      },
      '/virtual/bad/wrong-event-type.ts': {
        source: `export const onExecutePostLogin: Actuate.PostLoginV3.ExecuteHandler = async (event: string) => {};`,
        expect: /is not assignable to type 'ExecuteHandler'/,
      },
      '/virtual/bad/extra-required-param.ts': {
        source: `export const onExecutePostLogin: Actuate.PostLogin.ExecuteHandler = async (event, api, callback: () => void) => {};`,
        expect: /is not assignable to type 'ExecuteHandler'/,
      },
      '/virtual/bad/redirect-on-m2m.ts': {
        source: `export const onExecuteCredentialsExchange: Actuate.CredentialsExchangeV2.ExecuteHandler = async (event, api) => {
  api.redirect.sendUserTo('https://example.com');
};`,
        expect: /Property 'redirect' does not exist/,
      },
      '/virtual/bad/no-fs.ts': {
        source: `import { readFileSync } from 'fs';\nexport const x = readFileSync;`,
        expect: /Cannot find module 'fs'/,
      },
      '/virtual/bad/no-dom.ts': {
        source: `export const x = document.title;`,
        expect: /Cannot find name 'document'/,
      },
    };
    const problems = check(Object.fromEntries(Object.entries(cases).map(([file, c]) => [file, c.source])));
    for (const [file, c] of Object.entries(cases)) {
      const found = problemsIn(problems, file);
      expect(found.length, `${file} should have a type error`).toBeGreaterThan(0);
      expect(formatProblems(found)).toMatch(c.expect);
    }
    expect(problemsIn(problems, TYPES)).toEqual([]);
  });

  it("accept code written against Auth0's official @auth0/actions types", () => {
    const source = `import type { Event, PostLoginAPI } from '@auth0/actions/post-login/v3';
import type { Event as M2MEvent, CredentialsExchangeAPI } from '@auth0/actions/credentials-exchange/v2';
import type { Event as SignupEvent, PreUserRegistrationAPI } from '@auth0/actions/pre-user-registration/v2';
import type { PostLoginAction, Secrets, SessionAPI } from '@auth0/actions/post-login/v3';

export const onExecutePostLogin = async (event: Event, api: PostLoginAPI): Promise<void> => {
  const secrets: Secrets = event.secrets;
  const session: SessionAPI = api.session;
  api.idToken.setCustomClaim('https://example.com/name', event.user.name ?? secrets.FALLBACK);
  if (event.user.app_metadata.blocked) session.revoke('blocked', { preserveRefreshTokens: false });
};
export const onExecuteCredentialsExchange = async (event: M2MEvent, api: CredentialsExchangeAPI) => {
  api.access.deny('invalid_scope', event.client.name);
};
export const onExecutePreUserRegistration = async (event: SignupEvent, api: PreUserRegistrationAPI) => {
  api.access.deny('blocked', 'Not allowed').user.setUserMetadata('x', event.request.ip);
};
const typed: PostLoginAction = onExecutePostLogin;
const ours: Actuate.PostLoginV3.ExecuteHandler = onExecutePostLogin;
export { typed, ours };
`;
    expect(formatProblems(check({ '/virtual/auth0-compat.ts': source }))).toBe('');
  });

  it('type plain JavaScript through JSDoc and checkJs', () => {
    const good = `const crypto = require('crypto');
/**
 * @param {Actuate.PostLogin.Event} event
 * @param {Actuate.PostLogin.API} api
 */
exports.onExecutePostLogin = async (event, api) => {
  const digest = crypto.createHash('sha256').update(event.user.user_id).digest('hex');
  if (event.user.email_verified) api.accessToken.setCustomClaim('https://example.com/h', digest);
};
`;
    const bad = `/** @param {Actuate.PostLogin.Event} event */
exports.onExecutePostLogin = async (event) => {
  console.log(event.user.emial);
};
`;
    const problems = check({ '/virtual/js/good.js': good, '/virtual/js/bad.js': bad });
    expect(formatProblems(problemsIn(problems, '/virtual/js/good.js'))).toBe('');
    expect(formatProblems(problemsIn(problems, '/virtual/js/bad.js'))).toMatch(/Property 'emial' does not exist/);
  });

  it('declare the sandbox globals and built-in modules actions use', () => {
    const source = `import EventEmitter from 'events';
import { EventEmitter as Named } from 'node:events';
import * as qs from 'querystring';
import { format as formatUrl } from 'node:url';
import { promisify, TextEncoder as UtilEncoder } from 'util';
import { Buffer as B } from 'buffer';
import crypto from 'node:crypto';
const emitter: Named = new EventEmitter();
emitter.on('x', (v: number) => console.info(v)).emit('x', 1);
export async function run(secret: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, new UtilEncoder().encode('data'));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(mac));
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const url = new URL('/path?x=1', 'https://example.com');
  url.searchParams.set('id', globalThis.crypto.randomUUID());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), 1000);
  clearTimeout(timer);
  const copy = structuredClone({ a: [1, 2] });
  const text = new TextDecoder().decode(bytes) + atob(btoa('x')) + copy.a.length;
  const slept = promisify(setTimeout);
  await slept(1);
  const req = new Request(url, { method: 'POST', signal: controller.signal });
  const res = new Response(JSON.stringify({ ok: true }), { status: 201 });
  const hex = B.from(digest).toString('hex') + crypto.createHmac('sha256', 'k').update(text).digest('base64url');
  const streamed = await new Response(ReadableStream.from([new TextEncoder().encode('s')]).pipeThrough(new TransformStream<Uint8Array, Uint8Array>())).text();
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url);
  xhr.onloadend = (e: ProgressEvent) => console.info(e.loaded, xhr.status);
  const when = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York' }).format(new Date()) + new Date().toLocaleString('de-DE');
  process.nextTick(() => undefined);
  const mode = process.env.NODE_ENV ?? 'unset';
  process.stdout.write('line\\n');
  const cipher = crypto.createCipheriv('aes-256-gcm', crypto.scryptSync('pw', 'salt', 32), crypto.randomBytes(12));
  const sealed = cipher.update(text, 'utf8', 'base64') + cipher.final('base64') + cipher.getAuthTag().toString('hex');
  const decipher = crypto.createDecipheriv('aes-256-gcm', crypto.createSecretKey(new Uint8Array(32)), new Uint8Array(12)).setAuthTag(new Uint8Array(16));
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pems: { publicKey: string } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const opened: string = pair.privateKey.type + pems.publicKey + decipher.update(sealed, 'base64', 'utf8') + decipher.final('utf8') + new Uint8Array(crypto.hkdfSync('sha256', 'k', 's', 'i', 16)).length;
  return hex + sealed + opened + qs.stringify({ a: 1 }) + formatUrl(url) + req.method + res.status + Buffer.byteLength('x') + streamed + when + mode;
}
`;
    expect(formatProblems(check({ '/virtual/globals.ts': source }))).toBe('');
  });

  it('keep declarations and sandbox globals usable separately', () => {
    expect(generateTypesFile()).toBe(`${generateDeclarations()}\n${generateSandboxGlobals()}`);
    const onlyDeclarations = typecheckFiles({
      '/virtual/decl.d.ts': generateDeclarations(),
      '/virtual/use.ts': 'export type E = Actuate.PostLogin.Event["user"]["user_id"];',
    });
    expect(formatProblems(onlyDeclarations)).toBe('');
  });
});
