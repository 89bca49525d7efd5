import { action, flow } from '../helpers/actions.ts';
import { sampleEvent } from '../helpers/deploy.ts';

/**
 * The containment fixture: one repo whose post-login flow is [`bad`, `peer`]. `bad` misbehaves in
 * the way `event.user.app_metadata.case` names (`healthy` does ordinary work); `peer` runs after it
 * and reports what it can see of `bad`. Short budgets (500 ms per flow) keep timeouts quick.
 */
export const FLOW_TIMEOUT_MS = 500;

const BAD = `// @ts-nocheck
const cases = {
  healthy: async (event, api) => {
    api.idToken.setCustomClaim('https://x/email', event.user.email);
    console.log('healthy', event.user.user_id);
  },
  'loop': () => { for (;;) {} },
  'loop-try': () => { for (;;) { try { while (true) {} } catch (e) {} } },
  'loop-after-await': async () => { await null; await new Promise((r) => setTimeout(r, 1)); for (;;) {} },
  'regex': () => /(a+)+$/.test('a'.repeat(64) + '!'),
  'indexOf': () => Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1),
  'includes': () => Array.prototype.includes.call({ length: 2 ** 32 - 1 }, 1),
  'join': () => Array.prototype.join.call({ length: 2 ** 32 - 1 }, ''),
  'strings': () => { const keep = []; for (let i = 0; ; i++) keep.push('x'.repeat(16384) + i); },
  'huge': () => { const b = new ArrayBuffer(1024 * 1024 * 1024); return b.byteLength; },
  'huge-string': () => 'x'.repeat(2 ** 29).length,
  'recursion': () => { const f = (n) => f(n + 1) + 1; return f(0); },
  'console': () => { const line = 'y'.repeat(10_000); for (let i = 0; i < 20_000; i++) console.log(line, i); },
  'never-settles': async () => { await new Promise(() => {}); },
  'never-settles-interval': async () => { setInterval(() => {}, 5); await new Promise(() => {}); },
  'alloc-after-await': async () => {
    await null;
    const keep = [];
    for (let i = 0; i < 150_000; i++) keep.push({ i, s: 'v' + i });
    throw new Error('allocated ' + keep.length + ' objects after an await');
  },
  'fetch': async (event, api) => {
    const url = event.user.app_metadata.url;
    try {
      const res = await fetch(url);
      api.idToken.setCustomClaim('fetched', res.status);
    } catch (e) {
      api.idToken.setCustomClaim('refused', String(e && e.message));
    }
  },
  'escape': async (event, api) => {
    const report = {};
    const probe = (name, fn) => { try { report[name] = fn(); } catch (e) { report[name] = 'threw ' + (e && e.name); } };
    probe('process', () => typeof process);
    probe('require', () => typeof require);
    probe('module', () => typeof module);
    probe('global', () => typeof global);
    probe('globalThis.process', () => typeof globalThis.process);
    probe('fnCtorViaApi', () => api.constructor.constructor('return typeof process')());
    probe('processIsShim', () => [typeof process.dlopen, typeof process.binding === 'function' ? (() => { try { process.binding('fs'); return 'bound'; } catch (e) { return 'threw'; } })() : 'none', typeof process.kill, typeof process.pid].join(','));
    probe('dynamicRequire', () => { try { return typeof require(['f', 's'].join('')).readFileSync; } catch (e) { return 'threw'; } });
    probe('fnCtorViaApiMethod', () => api.idToken.setCustomClaim.constructor('return typeof process + typeof require')());
    probe('fnCtorViaConsole', () => { const g = console.log.constructor('return this')(); return typeof g.process + typeof g.require; });
    probe('fnCtor', () => Function('return typeof this.process')());
    probe('asyncFnCtor', () => typeof (async () => {}).constructor);
    probe('apiProto', () => { let p = api; let depth = 0; while ((p = Object.getPrototypeOf(p)) !== null) depth++; return depth; });
    probe('apiFrozen', () => Object.isFrozen(api) && Object.isFrozen(api.idToken));
    probe('apiWrite', () => { try { api.idToken.setCustomClaim = () => 'hijacked'; } catch (e) {} return api.idToken.setCustomClaim === undefined ? 'gone' : String(api.idToken.setCustomClaim('x', 1) === api); });
    probe('consoleKeys', () => Object.getOwnPropertyNames(console).sort().join(','));
    probe('hostGlobals', () => Object.getOwnPropertyNames(globalThis).filter((k) => /host|native|binding|wasm|quickjs|emscripten|process|require/i.test(k)).join(','));
    probe('builtinsFrozen', () => Object.isFrozen(globalThis.__actuate_builtins));
    probe('otherSecrets', () => JSON.stringify(event.secrets));
    probe('otherSecretGlobal', () => typeof globalThis.PEER_SECRET);
    // Prototype pollution on the way in (guest realm) and out (recorded commands the host merges).
    event.__proto__.pollutedIn = 'yes';
    Object.prototype.pollutedGuest = 'yes';
    globalThis.stolen = event.secrets;
    api.user.setAppMetadata('__proto__', { pollutedHost: 'yes' });
    api.user.setAppMetadata('constructor', { prototype: { pollutedHost: 'yes' } });
    try { api.idToken.setCustomClaim('__proto__', { pollutedHost: 'yes' }); } catch (e) { report.protoClaim = 'threw ' + e.name; }
    try { api.transaction.setMetadata('__proto__', 'yes'); } catch (e) { report.protoTx = 'threw ' + e.name; }
    api.idToken.setCustomClaim('report', report);
  },
  'api-flood': async (event, api) => {
    for (let i = 0; i < 5000; i++) api.accessToken.setCustomClaim('https://x/k' + i, i);
  },
  'cache-flood': async (event, api) => {
    const codes = [];
    for (let i = 0; i < 30; i++) {
      const r = api.cache.set('key-' + i, 'v'.repeat(100));
      if (r.type === 'error') codes.push(i + ':' + r.code);
    }
    api.idToken.setCustomClaim('cache', codes.slice(0, 2));
  },
  'stash': async (event, api) => {
    globalThis.stashedEvent = event;
    event.user.email = 'mutated@evil.example';
  },
  'peek': async (event, api) => {
    api.idToken.setCustomClaim('own-email', event.user.email);
  },
};

exports.onExecutePostLogin = async (event, api) => {
  const name = (event.user.app_metadata && event.user.app_metadata.case) || 'healthy';
  const fn = cases[name];
  if (!fn) throw new Error('unknown case ' + name);
  return fn(event, api);
};
`;

const PEER = `// @ts-nocheck
exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://x/peer', {
    sawStolen: typeof globalThis.stolen,
    sawStash: typeof globalThis.stashedEvent,
    pollutedGuest: ({}).pollutedGuest === undefined ? 'clean' : 'polluted',
    ownSecretLength: event.secrets.PEER_SECRET.length,
    secretNames: Object.keys(event.secrets),
    email: event.user.email,
  });
};
`;

export const SECRETS = { bad: { BAD_SECRET: 'bad-secret-value-0001' }, peer: { PEER_SECRET: 'peer-secret-value-0002' } };

export function containmentRepo(): Record<string, string> {
  return {
    'actuate.json': JSON.stringify({ limits: { flowTimeoutMs: FLOW_TIMEOUT_MS, actionTimeoutMs: FLOW_TIMEOUT_MS } }) + '\n',
    ...action('bad', { trigger: 'post-login', secrets: ['BAD_SECRET'] }, BAD),
    ...action('peer', { trigger: 'post-login', secrets: ['PEER_SECRET'] }, PEER),
    ...flow('post-login', ['bad', 'peer']),
  };
}

let counter = 0;

/** A post-login event for `case`, with a fresh user id and email each time. */
export function caseEvent(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base = sampleEvent('post-login@v3');
  const user = base['user'] as Record<string, unknown>;
  const n = ++counter;
  return { ...base, user: { ...user, user_id: `auth0|c${n}`, email: `user${n}@acme.example`, app_metadata: { case: name, ...extra } } };
}
