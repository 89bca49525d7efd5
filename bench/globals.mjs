// `npm run bench globals`: what the sandbox's lazily compiled globals cost on first use in a
// fresh context (the chunk compiles then), and warm, side by side in one run with an invocation
// that touches nothing. Also the whole context: loading an empty bundle (the prelude's share).
// Figures are medians over fresh contexts, the cases alternating, in µs.
import { median } from './lib.mjs';

const { createSandboxModule, loadSandboxContext } = await import('../dist/runtime/sandbox/index.js');

const CASES = {
  none: '',
  typeofStream: `if (typeof ReadableStream !== 'function' || ({}) instanceof ReadableStream) throw new Error('x');`,
  intlDate: `new Date(0).toLocaleString('en-US', { timeZone: 'America/New_York' });`,
  intlNumber: `new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5);`,
  stream: `new ReadableStream();`,
  xhr: `new XMLHttpRequest().open('GET', 'https://example.com/');`,
  cipher: `const c = __actuate_builtins.crypto; const k = new Uint8Array(32), iv = new Uint8Array(12);
    const e = c.createCipheriv('aes-256-gcm', k, iv); const sealed = e.update('{"sub":"auth0|42","nonce":"n-123"}', 'utf8', 'base64') + e.final('base64');
    const d = c.createDecipheriv('aes-256-gcm', k, iv).setAuthTag(e.getAuthTag()); d.update(sealed, 'base64', 'utf8'); d.final('utf8');`,
};
const LABELS = {
  typeofStream: '`typeof ReadableStream` and `instanceof` (the stand-ins)',
  intlDate: 'Date#toLocaleString with a time zone',
  intlNumber: 'Intl.NumberFormat currency',
  stream: 'new ReadableStream() (web-streams-polyfill)',
  xhr: 'new XMLHttpRequest().open()',
  cipher: 'AES-256-GCM seal and open of a 34-byte token (createCipheriv/createDecipheriv)',
};

/** The benchmark: per case, the first invocation in fresh contexts and warm ones, in µs. */
export async function benchGlobals({ contexts = 12, calls = 200 } = {}) {
  const module = await createSandboxModule();
  const bundle = `var __actuate_action = { ${Object.entries(CASES).map(([k, body]) => `${k}: async () => { ${body} }`).join(', ')} };`;
  const load = [];
  const first = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
  const warm = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
  for (let c = 0; c < contexts; c++) {
    for (const k of Object.keys(CASES)) {
      let t = performance.now();
      const r = await loadSandboxContext(module, { bundle });
      load.push((performance.now() - t) * 1000);
      if (!r.ok) throw new Error(r.error.stack);
      t = performance.now();
      const res = await r.context.invoke(k, '{}');
      first[k].push((performance.now() - t) * 1000);
      if (!res.ok) throw new Error(`${k}: ${res.error.stack}`);
      for (let i = 0; i < calls; i++) {
        t = performance.now();
        await r.context.invoke(k, '{}');
        warm[k].push((performance.now() - t) * 1000);
      }
      r.context.dispose();
    }
  }
  const over = (m, k) => median(m[k]) - median(m.none);
  console.log('\n## Sandbox globals on first use (µs; an invocation doing only that, minus an empty one)\n');
  console.log(`Loading a context with a tiny bundle (prelude included): median ${median(load).toFixed(0)} µs.\n`);
  console.log('| used | first call in a fresh context | warm call |');
  console.log('|---|---|---|');
  for (const k of Object.keys(LABELS)) console.log(`| ${LABELS[k]} | ${over(first, k).toFixed(0)} | ${over(warm, k).toFixed(1)} |`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await benchGlobals();
