import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGuestProgram } from '../../../test/helpers/guest-program.ts';
import { createSandboxModule, loadSandboxContext } from './index.ts';
import type { SandboxLimits, SandboxModule } from './index.ts';

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

/** Runs `body` as the handler of a fresh context: what it passed to `out(value)`, and the raw result. */
const run = (body: string, event: unknown = {}, limits: Partial<SandboxLimits> = {}) => runGuestProgram(module, body, { event, limits });
const value = async (body: string, event?: unknown) => (await run(body, event)).value;

describe('what is not there', () => {
  test('no process, require, module, Buffer or host functions; our globals are exactly the documented ones, not enumerable', async () => {
    // What a bare QuickJS context has, to tell our additions apart.
    const rt = module.newRuntime();
    const bare = rt.newContext();
    const namesHandle = bare.evalCode('Object.getOwnPropertyNames(globalThis)').unwrap();
    const bareNames = bare.dump(namesHandle) as string[];
    namesHandle.dispose();
    bare.dispose();
    rt.dispose();
    const got = (await value(`out({
        types: [typeof process, typeof require, typeof module, typeof exports, typeof Buffer, typeof hostSync, typeof hostAsync, typeof global],
        keys: Object.keys(globalThis),
        names: Object.getOwnPropertyNames(globalThis),
      })`)) as { types: string[]; keys: string[]; names: string[] };
    expect(got.types).toEqual(Array(8).fill('undefined'));
    expect(got.keys).toEqual(['__actuate_action']);
    expect(got.names.filter((n) => !bareNames.includes(n)).sort()).toEqual(
      [
        '__actuate_action', '__actuate_builtins', 'AbortController', 'AbortSignal', 'atob', 'Blob', 'btoa', 'clearImmediate', 'clearInterval',
        'clearTimeout', 'console', 'crypto', 'Crypto', 'CryptoKey', 'CustomEvent', 'DOMException', 'Event', 'EventTarget', 'fetch', 'File', 'FormData',
        'Headers', 'Intl', 'performance', 'queueMicrotask', 'Request', 'Response', 'self', 'setImmediate', 'setInterval', 'setTimeout',
        'structuredClone', 'SubtleCrypto', 'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'XMLHttpRequest', 'XMLHttpRequestEventTarget',
        'XMLHttpRequestUpload', 'ProgressEvent',
        'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
        'ReadableStreamBYOBRequest', 'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
        'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream',
      ].sort(),
    );
  });

  test('__actuate_builtins is frozen and its crypto cannot be replaced', async () => {
    expect(
      await value(`
        const replaced = Reflect.set(__actuate_builtins, 'crypto', {}) || Reflect.defineProperty(__actuate_builtins, 'crypto', { value: {} });
        out({ frozen: Object.isFrozen(__actuate_builtins), threw: !replaced, same: __actuate_builtins.crypto === __actuate_builtins.crypto,
              cryptoFrozen: Object.isFrozen(__actuate_builtins.crypto) });`),
    ).toEqual({ frozen: true, threw: true, same: true, cryptoFrozen: true });
  });

  test('globals can be replaced by the action (polyfills do this)', async () => {
    expect(await value(`globalThis.fetch = () => 'mine'; URL = 1; out([fetch(), URL]);`)).toEqual(['mine', 1]);
  });
});

describe('console', () => {
  test('levels and Node-like formatting', async () => {
    const { result } = await run(`
      console.log('a %s b %d c %i %j %%', 'S', 4.5, 4.5, { j: 1 });
      console.warn({ x: 1, nested: { deep: { deeper: { deepest: { gone: 1 } } } }, list: [1, 'two', null, undefined] });
      const cyclic = { name: 'c' }; cyclic.self = cyclic;
      console.error(cyclic, new Map([[1, 'a']]), new Set([2]), [() => 1, function named() {}], 10n, Symbol('s'));
      console.debug(new Date(0), /re/g, new Uint8Array(3));
      console.info(new TypeError('bad'));
      console.assert(false, 'asserted');`);
    const lines = result.logs.map((l) => `${l.level} ${l.message}`);
    expect(lines[0]).toBe('log a S b 4.5 c 4 {"j":1} %');
    // As Node prints them (guest-inspect.test.ts compares many more with the host's util.format).
    expect(lines[1]).toBe(`warn {\n  x: 1,\n  nested: { deep: { deeper: [Object] } },\n  list: [ 1, 'two', null, undefined ]\n}`);
    expect(lines[2]).toBe(`error <ref *1> { name: 'c', self: [Circular *1] } Map(1) { 1 => 'a' } Set(1) { 2 } [ [Function (anonymous)], [Function: named] ] 10n Symbol(s)`);
    expect(lines[3]).toBe('debug 1970-01-01T00:00:00.000Z /re/g Uint8Array(3) [ 0, 0, 0 ]');
    expect(lines[4]).toMatch(/^info TypeError: bad\n {4}at /);
    expect(lines[5]).toBe('warn Assertion failed: asserted');
  });

  test('output is bounded: entries, characters per entry and in total', async () => {
    const many = await run(`for (let i = 0; i < 50; i++) console.log('line ' + i);`, {}, { consoleMaxEntries: 10 });
    expect(many.result.logs).toHaveLength(10);
    expect(many.result.logs[9]?.message).toBe('line 9');
    expect(many.result.droppedEntries).toBe(1); // the guest stops sending once told the log is full

    const long = await run(`console.log('x'.repeat(5000));`, {}, { consoleEntryChars: 100 });
    expect(long.result.logs[0]?.message).toBe(`${'x'.repeat(100)}… [4900 more characters truncated]`);

    const total = await run(`for (let i = 0; i < 10; i++) console.log(String(i).repeat(40));`, {}, { consoleMaxChars: 100 });
    expect(total.result.logs.map((l) => l.message.length)).toEqual([40, 40]);
  });

  test('each invocation gets its own log, and a full log resets', async () => {
    const r = await loadSandboxContext(module, {
      bundle: `var __actuate_action = { h: async (e) => { for (let i = 0; i < e.n; i++) console.log(e.tag + i); } };`,
      limits: { consoleMaxEntries: 3 },
    });
    if (!r.ok) throw new Error('load');
    const a = await r.context.invoke('h', '{"n":5,"tag":"a"}');
    const b = await r.context.invoke('h', '{"n":2,"tag":"b"}');
    expect(a.logs.map((l) => l.message)).toEqual(['a0', 'a1', 'a2']);
    expect(b.logs.map((l) => l.message)).toEqual(['b0', 'b1']);
    r.context.dispose();
  });
});

describe('timers', () => {
  test('setTimeout, setInterval, setImmediate, queueMicrotask and clearing', async () => {
    // Host timers fire by due time, so how the interval's ticks interleave with the 20 ms
    // timeout depends on how busy the machine is: each stream is checked on its own.
    const seen = (await value(`
        const sync = [], ticks = [], later = [];
        setTimeout((a, b) => later.push('timeout ' + a + b), 20, 'x', 'y');
        const cancelled = setTimeout(() => later.push('never'), 5);
        clearTimeout(cancelled);
        let n = 0;
        const iv = setInterval(() => { ticks.push('tick ' + ++n); if (n === 3) clearInterval(iv); }, 1);
        setImmediate(() => later.push('immediate'));
        queueMicrotask(() => sync.push('microtask'));
        const t = setTimeout(() => {}, 1);
        sync.push(typeof t.unref().ref, typeof Number(t), t.hasRef());
        await new Promise((r) => setTimeout(r, 60));
        out({ sync, ticks, later });`)) as { sync: unknown[]; ticks: string[]; later: string[] };
    expect(seen.sync).toEqual(['function', 'number', true, 'microtask']);
    expect(seen.ticks).toEqual(['tick 1', 'tick 2', 'tick 3']);
    expect([...seen.later].sort()).toEqual(['immediate', 'timeout xy']);
  });

  test('timers do not outlive their invocation', async () => {
    const r = await loadSandboxContext(module, {
      bundle: `var __actuate_action = {
        start: async () => { setInterval(() => console.log('leaked tick'), 1); setTimeout(() => console.log('leaked timeout'), 5); },
        later: async () => { await new Promise((r) => setTimeout(r, 30)); console.log('later done'); } };`,
    });
    if (!r.ok) throw new Error('load');
    const first = await r.context.invoke('start', '{}');
    expect(first.logs).toEqual([]);
    const second = await r.context.invoke('later', '{}');
    expect(second.logs.map((l) => l.message)).toEqual(['later done']);
    r.context.dispose();
  });

  test('a non-function callback is a TypeError', async () => {
    expect(await value(`try { setTimeout('code()', 1); } catch (e) { out([e.name, e.message]); }`)).toEqual([
      'TypeError',
      'The "callback" argument must be of type function',
    ]);
  });
});

describe('URL and URLSearchParams', () => {
  const inputs: [string, string?][] = [
    ['https://user:pw@example.com:8443/a/../b/./c?x=1&y=%20z#frag'],
    ['../d?q', 'https://example.com/a/b/c'],
    ['HTTP://EXAMPLE.com'],
    ['https://münchen.example/ä?ö=ü'],
    ['http://[::1]:80/'],
    ['file:///etc/hosts'],
  ];
  test('parsing matches Node for a set of inputs', async () => {
    const expected = inputs.map(([u, b]) => {
      const x = new URL(u, b);
      return [x.href, x.origin, x.protocol, x.username, x.password, x.host, x.hostname, x.port, x.pathname, x.search, x.hash];
    });
    expect(
      await value(
        `out(event.inputs.map(([u, b]) => { const x = new URL(u, b); return [x.href, x.origin, x.protocol, x.username, x.password, x.host, x.hostname, x.port, x.pathname, x.search, x.hash]; }))`,
        { inputs },
      ),
    ).toEqual(expected);
  });

  test('invalid URLs throw TypeError; canParse and parse', async () => {
    expect(await value(`let e; try { new URL('not a url'); } catch (x) { e = x; } out([e instanceof TypeError, e.message, URL.canParse('/x'), URL.canParse('/x', 'https://a.b'), URL.parse('::')])`)).toEqual([
      true,
      'Invalid URL: not a url',
      false,
      true,
      null,
    ]);
  });

  test('setters and searchParams stay in sync both ways', async () => {
    const u = new URL('https://example.com/path?a=1');
    u.searchParams.append('b', 'two words');
    u.pathname = '/other';
    u.hash = 'h';
    u.searchParams.set('a', '&=');
    const node = [u.href, u.search];
    u.search = '?c=3';
    node.push(u.href, String(u.searchParams.get('c')));
    expect(
      await value(`
        const u = new URL('https://example.com/path?a=1');
        u.searchParams.append('b', 'two words');
        u.pathname = '/other'; u.hash = 'h'; u.searchParams.set('a', '&=');
        const r = [u.href, u.search];
        u.search = '?c=3';
        r.push(u.href, String(u.searchParams.get('c')));
        out(r);`),
    ).toEqual(node);
  });

  test('URLSearchParams behaves like Node', async () => {
    const program = (P: typeof URLSearchParams) => {
      const p = new P('?a=1&b=2&a=3&c=%E2%82%AC+x&bad=%zz&empty');
      const r: unknown[] = [p.get('a'), p.getAll('a'), p.get('c'), p.get('bad'), p.get('empty'), p.has('b'), p.size];
      p.delete('b');
      p.set('a', 'only');
      p.append('sp ace', "!'()~*");
      p.sort();
      r.push(p.toString(), [...p.keys()], [...new P({ x: '1', y: '2' })], new P([['k', 'v']]).toString());
      return r;
    };
    expect(await value(`out((${program.toString()})(URLSearchParams))`)).toEqual(program(URLSearchParams));
  });
});

describe('TextEncoder and TextDecoder', () => {
  const strings = ['plain', 'héllo wörld', '€ and 😀', 'lone \ud800 surrogate', ''];
  test('encode matches Node, and decode round-trips', async () => {
    const expected = strings.map((s) => Array.from(new TextEncoder().encode(s)));
    const got = (await value(`out(event.s.map((s) => Array.from(new TextEncoder().encode(s))))`, { s: strings })) as number[][];
    expect(got).toEqual(expected);
    const decoded = await value(`out(event.b.map((b) => new TextDecoder().decode(new Uint8Array(b))))`, { b: expected });
    expect(decoded).toEqual(expected.map((b) => new TextDecoder().decode(new Uint8Array(b))));
  });

  test('invalid bytes, fatal mode, streaming, BOM and encodeInto match Node', async () => {
    const program = (E: typeof TextEncoder, D: typeof TextDecoder) => {
      const bad = new Uint8Array([0x61, 0xff, 0xe2, 0x82, 0x62, 0xf0, 0x9f, 0x98]);
      let fatal = '';
      try {
        new D('utf-8', { fatal: true }).decode(bad);
      } catch (e) {
        fatal = (e as Error).name;
      }
      const euro = new E().encode('€😀');
      const d = new D();
      const streamed = d.decode(euro.subarray(0, 2), { stream: true }) + d.decode(euro.subarray(2, 5), { stream: true }) + d.decode(euro.subarray(5));
      const into = new Uint8Array(5);
      const res = new E().encodeInto('a€😀', into);
      return [new D().decode(bad), fatal, streamed, new D().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), res.read, res.written, Array.from(into), new D('latin1').decode(new Uint8Array([0x80, 0xe9])), new D('utf-16le').decode(new Uint8Array([0x41, 0, 0x3d, 0xd8, 0, 0xde]))];
    };
    expect(await value(`out((${program.toString()})(TextEncoder, TextDecoder))`)).toEqual(program(TextEncoder, TextDecoder));
  });
});

describe('atob, btoa, structuredClone, events', () => {
  test('atob/btoa match Node and reject bad input with InvalidCharacterError', async () => {
    const cases = ['', 'f', 'fo', 'foo', 'hello world', '\u00ff\u00fe'];
    expect(await value(`out(event.c.map((s) => [btoa(s), atob(btoa(s))]))`, { c: cases })).toEqual(cases.map((s) => [btoa(s), atob(btoa(s))]));
    expect(await value(`out([atob(' aGVs bG8= '), atob('aGVsbG8')])`)).toEqual([atob(' aGVs bG8= '), atob('aGVsbG8')]);
    expect(
      await value(`const r = []; for (const f of [() => atob('a'), () => atob('**'), () => btoa('€')]) { try { f(); r.push('no'); } catch (e) { r.push(e instanceof DOMException, e.name); } } out(r);`),
    ).toEqual([true, 'InvalidCharacterError', true, 'InvalidCharacterError', true, 'InvalidCharacterError']);
  });

  test('structuredClone copies deeply, keeps cycles and types, refuses functions', async () => {
    expect(
      await value(`
        const src = { d: new Date(5), r: /x/gi, m: new Map([['k', { v: 1 }]]), s: new Set([1, 2]), u: new Uint16Array([1, 2]), e: new RangeError('r'), n: [1, , 3] };
        src.self = src;
        const c = structuredClone(src);
        let refused = '';
        try { structuredClone({ f() {} }); } catch (e) { refused = e.name; }
        out([c !== src, c.self === c, c.d instanceof Date && c.d.getTime(), c.r.flags, c.m.get('k').v, c.m.get('k') !== src.m.get('k'),
             [...c.s], c.u instanceof Uint16Array && Array.from(c.u), c.u.buffer !== src.u.buffer, c.e instanceof RangeError && c.e.message, 1 in c.n, refused]);`),
    ).toEqual([true, true, 5, 'gi', 1, true, [1, 2], [1, 2], true, 'r', false, 'DataCloneError']);
  });

  test('AbortController, AbortSignal.timeout, EventTarget and DOMException', async () => {
    expect(
      await value(`
        const r = [];
        const c = new AbortController();
        c.signal.addEventListener('abort', (e) => r.push('abort ' + e.type + ' ' + (e.target === c.signal)));
        c.signal.onabort = () => r.push('onabort');
        c.abort();
        r.push(c.signal.aborted, c.signal.reason.name, c.signal.reason instanceof DOMException, c.signal.reason instanceof Error, DOMException.ABORT_ERR);
        const t = AbortSignal.timeout(5);
        await new Promise((res) => t.addEventListener('abort', res, { once: true }));
        r.push(t.reason.name);
        const et = new EventTarget();
        et.addEventListener('x', (e) => r.push('x once ' + e.detail), { once: true });
        et.dispatchEvent(new CustomEvent('x', { detail: 1 }));
        et.dispatchEvent(new CustomEvent('x', { detail: 2 }));
        try { AbortSignal.abort('why').throwIfAborted(); } catch (e) { r.push(e); }
        out(r);`),
    ).toEqual(['abort abort true', 'onabort', true, 'AbortError', true, true, 20, 'TimeoutError', 'x once 1', 'why']);
  });

  test('Error.captureStackTrace and performance exist', async () => {
    expect(await value(`const o = {}; Error.captureStackTrace(o); out([typeof o.stack, typeof performance.now(), performance.now() >= 0])`)).toEqual(['string', 'number', true]);
  });
});

afterAll(() => {
  expect(module.poisoned).toBe(false);
});
