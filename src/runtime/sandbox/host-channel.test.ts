import { Type } from '@sinclair/typebox';
import { beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../core/errors.ts';
import type { ApiNamespace } from '../../triggers/types.ts';
import { createApiOp, createSandboxModule, loadSandboxContext, toGuestApiShape } from './index.ts';
import type { GuestApiSpec, HostOps, InvokeResult, SandboxLimits, SandboxModule } from './index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/**
 * The channel is unreachable from user code, so these tests talk to it through the one door the
 * host opens on purpose: an api built by `factorySource`, which receives `{ call, callAsync }`.
 * Here the factory simply exposes that facade as `api.raw`.
 */
const RAW_API: GuestApiSpec = {
  key: 'raw',
  shape: { namespaces: [] },
  factorySource: '(host) => ({ raw: host })',
};

async function invoke(body: string, ops: HostOps = {}, limits: Partial<SandboxLimits> = {}, api: GuestApiSpec = RAW_API): Promise<InvokeResult> {
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async (event, api) => { const out = (v) => console.info(JSON.stringify(v)); ${body} } };`,
    limits,
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    return await r.context.invoke('h', '{}', { ops, api });
  } finally {
    r.context.dispose();
  }
}
async function outputOf(body: string, ops: HostOps = {}, limits: Partial<SandboxLimits> = {}, api?: GuestApiSpec): Promise<unknown> {
  const r = await invoke(body, ops, limits, api);
  if (!r.ok) throw new Error(`${r.kind}: ${r.error.stack}`);
  return JSON.parse(r.logs[0]?.message ?? 'null');
}
/** Runs `expr` in the guest and reports how it threw: [class name, message]. */
const caught = (expr: string) => `try { ${expr}; out('no error'); } catch (e) { out([e.constructor.name, e.message]); }`;
const caughtAsync = (expr: string) => `try { await ${expr}; out('no error'); } catch (e) { out([e.constructor.name, e.message]); }`;

describe('the api object', () => {
  const namespaces: ApiNamespace[] = [
    {
      name: 'accessToken',
      description: '',
      methods: [
        { name: 'setCustomClaim', description: '', params: [{ name: 'k', schema: Type.String(), description: '' }], returns: { kind: 'api' } },
      ],
    },
    {
      name: 'redirect',
      description: '',
      methods: [
        { name: 'encodeToken', description: '', params: [], returns: { kind: 'value', schema: Type.String() } },
        { name: 'sendUserTo', description: '', params: [], returns: { kind: 'void' } },
      ],
    },
    { name: 'roles', description: '', methods: [{ name: 'list', description: '', params: [], returns: { kind: 'value', schema: Type.Array(Type.String()), async: true } }] },
  ];
  const api: GuestApiSpec = { key: 'test@v1', shape: toGuestApiShape(namespaces) };

  test('toGuestApiShape maps return kinds', () => {
    expect(api.shape).toEqual({
      namespaces: [
        { name: 'accessToken', methods: [{ name: 'setCustomClaim', returns: 'api' }] },
        { name: 'redirect', methods: [{ name: 'encodeToken', returns: 'value' }, { name: 'sendUserTo', returns: 'void' }] },
        { name: 'roles', methods: [{ name: 'list', returns: 'promise' }] },
      ],
    });
  });

  test('methods forward [namespace, method, args] to the api op and return what their kind says', async () => {
    const calls: unknown[] = [];
    const ops = {
      api: createApiOp(({ namespace, method, args }, info) => {
        calls.push([namespace, method, args, info.async]);
        if (method === 'encodeToken') return `token:${String(args[0])}`;
        if (method === 'list') return new Promise((r) => setTimeout(() => r(['admin']), 5));
        return 'ignored';
      }),
    };
    const out = await outputOf(
      `out([
        api.accessToken.setCustomClaim('k', { v: [1, undefined] }) === api,
        api.redirect.encodeToken('p'),
        api.redirect.sendUserTo('https://x'),
        await api.roles.list(),
        Object.isFrozen(api) && Object.isFrozen(api.redirect),
        api.redirect.encodeToken.name,
      ])`,
      ops,
      {},
      api,
    );
    expect(out).toEqual([true, 'token:p', null, ['admin'], true, 'encodeToken']);
    expect(calls).toEqual([
      ['accessToken', 'setCustomClaim', ['k', { v: [1, null] }], false],
      ['redirect', 'encodeToken', ['p'], false],
      ['redirect', 'sendUserTo', ['https://x'], false],
      ['roles', 'list', [], true],
    ]);
  });

  test('errors thrown by the api op reach the guest with their class and message', async () => {
    const ops = {
      api: createApiOp(({ method }) => {
        if (method === 'setCustomClaim') throw new TypeError('api.accessToken.setCustomClaim: key must be a string');
        throw new RangeError('too many');
      }),
    };
    expect(await outputOf(caught(`api.accessToken.setCustomClaim(1)`), ops, {}, api)).toEqual(['TypeError', 'api.accessToken.setCustomClaim: key must be a string']);
    expect(await outputOf(caughtAsync(`api.roles.list()`), ops, {}, api)).toEqual(['RangeError', 'too many']);
  });

  test('a malformed api envelope is rejected before the handler sees it', async () => {
    let called = false;
    const ops = { api: createApiOp(() => (called = true)) };
    expect(await outputOf(caught(`api.raw.call('api', ['ns', 'm', 'not an array'])`), ops)).toEqual(['TypeError', 'api arguments must be an array']);
    expect(await outputOf(caught(`api.raw.call('api', [1, 'm', []])`), ops)).toEqual(['TypeError', 'api namespace must be a string, got number']);
    expect(called).toBe(false);
  });

  test('the api is built once per context and key; each invocation records into its own ops', async () => {
    const r = await loadSandboxContext(module, {
      bundle: `var seen = []; var __actuate_action = { h: async (e, api) => { seen.push(api); api.accessToken.setCustomClaim(e.n); console.log(seen.length, seen[0] === api); } };`,
    });
    if (!r.ok) throw new Error('load');
    const lists: unknown[][] = [[], []];
    for (const i of [0, 1]) {
      const res = await r.context.invoke('h', JSON.stringify({ n: i }), { ops: { api: createApiOp((c) => void lists[i]!.push(c.args)) }, api });
      expect(res.logs[0]?.message).toBe(`${i + 1} true`);
    }
    expect(lists).toEqual([[[0]], [[1]]]);
    r.context.dispose();
  });
});

describe('channel checks', () => {
  test('unknown ops are rejected', async () => {
    expect(await outputOf(caught(`api.raw.call('nope', [])`))).toEqual(['TypeError', 'unknown host operation "nope"']);
    expect(await outputOf(caught(`api.raw.call('sys.nope', [])`))).toEqual(['TypeError', 'unknown host operation "sys.nope"']);
    expect(await outputOf(caughtAsync(`api.raw.callAsync('nope', [])`))).toEqual(['TypeError', 'unknown host operation "nope"']);
  });

  test('system ops validate their arguments', async () => {
    expect(await outputOf(caught(`api.raw.call('sys.crypto.hash', ['sha256'])`))).toEqual(['TypeError', 'hash arguments must have 2 or 3 items, got 1']);
    expect(await outputOf(caught(`api.raw.call('sys.crypto.hash', ['sha256', 'not base64!'])`))).toEqual(['TypeError', 'data must be base64-encoded']);
    expect(await outputOf(caught(`api.raw.call('sys.crypto.random', 1e9)`))).toEqual(['RangeError', 'size must be between 0 and 1048576, got 1000000000']);
    expect(await outputOf(caught(`api.raw.call('sys.console', ['shout', 'x'])`))).toEqual(['TypeError', 'unknown console level shout']);
    expect(await outputOf(caught(`api.raw.call('sys.chunk', '../etc/passwd')`))).toEqual(['TypeError', 'unknown guest chunk ../etc/passwd']);
    expect(await outputOf(caughtAsync(`api.raw.callAsync('sys.fetch', { url: 1 })`))).toEqual(['TypeError', 'fetch headers must be an array']);
  });

  test('an async op cannot be called synchronously', async () => {
    const ops = { later: () => Promise.resolve(1) };
    expect(await outputOf(caught(`api.raw.call('later')`), ops)).toEqual(['TypeError', 'host operation "later" is asynchronous and cannot be called synchronously']);
    expect(await outputOf(`out(await api.raw.callAsync('later'))`, ops)).toBe(1);
  });

  test('arguments and results are size-capped', async () => {
    const ops = { echo: (a: unknown) => a, big: () => 'x'.repeat(300) };
    const limits = { maxHostArgChars: 200, maxHostResultChars: 200 };
    expect(await outputOf(caught(`api.raw.call('echo', 'y'.repeat(300))`), ops, limits)).toEqual([
      'RangeError',
      'arguments to host operation "echo" are too large (302 characters; the limit is 200)',
    ]);
    expect(await outputOf(caught(`api.raw.call('big')`), ops, limits)).toEqual(['RangeError', 'the result of host operation "big" is too large (302 characters; the limit is 200)']);
    expect(await outputOf(caughtAsync(`api.raw.callAsync('big')`), ops, limits)).toEqual(['RangeError', 'the result of host operation "big" is too large (302 characters; the limit is 200)']);
  });

  test('pending async calls are capped', async () => {
    const ops = { wait: () => new Promise((r) => setTimeout(r, 10)) };
    expect(await outputOf(caughtAsync(`Promise.all(Array.from({ length: 5 }, () => api.raw.callAsync('wait')))`), ops, { maxPendingHostCalls: 3 })).toEqual([
      'RangeError',
      'too many host calls pending at once (the limit is 3)',
    ]);
  });

  test('host errors named like DOMExceptions arrive as DOMExceptions', async () => {
    const ops = {
      abort: () => {
        const e = new Error('stopped');
        e.name = 'AbortError';
        throw e;
      },
    };
    expect(await outputOf(`try { api.raw.call('abort'); } catch (e) { out([e instanceof DOMException, e.name, e.message, e.code]); }`, ops)).toEqual([true, 'AbortError', 'stopped', 20]);
  });

  test('an op receives an abort signal that fires when the invocation ends first', async () => {
    let aborted = false;
    const ops = {
      slow: (_: unknown, info: { signal: AbortSignal }) =>
        new Promise(() => {
          info.signal.addEventListener('abort', () => (aborted = true));
        }),
    };
    const r = await invoke(`api.raw.callAsync('slow'); await new Promise((r) => setTimeout(r, 5));`, ops);
    expect(r.ok).toBe(true);
    expect(aborted).toBe(true);
  });

  test('op names starting with sys. are reserved', async () => {
    const r = await loadSandboxContext(module, { bundle: `var __actuate_action = { h: async () => {} };` });
    if (!r.ok) throw new Error('load');
    await expect(r.context.invoke('h', '{}', { ops: { 'sys.console': () => undefined } })).rejects.toThrow(UsageError);
    r.context.dispose();
  });
});
