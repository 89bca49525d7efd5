// `npm run bench console`: what `console.log` costs inside the sandbox, where arguments are
// formatted as Node's util.format does (guest chunks `format`, `inspect`, `inspectlayout`), side
// by side with Node formatting the same value on the host. Warm figures are medians of
// alternating blocks; "first" is the first object a fresh context logs, which compiles the chunks.
import { format } from 'node:util';
import { median } from './lib.mjs';

const { createSandboxModule, loadSandboxContext } = await import('../dist/runtime/sandbox/index.js');

const USER = `{ user_id: 'auth0|5f7c8ec7c33c6c004bbafe82', email: 'j+smith@example.com', email_verified: true,
  app_metadata: { roles: ['admin', 'user'] }, user_metadata: { locale: 'en', tz: 'Europe/London' }, created_at: '2020-10-06T15:23:19.873Z', logins_count: 42 }`;
const CASES = { none: '', string: `console.log('login of user auth0|5f7c8ec7c33c6c004bbafe82');`, object: `console.log('login', ${USER});` };

/** The benchmark: per case, the first call in fresh contexts and warm calls, in µs. */
export async function benchConsole({ contexts = 15, calls = 300 } = {}) {
  const module = await createSandboxModule();
  const bundle = `var __actuate_action = { ${Object.entries(CASES).map(([k, body]) => `${k}: async () => { ${body} }`).join(', ')} };`;
  const first = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
  const warm = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
  for (let c = 0; c < contexts; c++) {
    for (const k of Object.keys(CASES)) {
      const r = await loadSandboxContext(module, { bundle });
      if (!r.ok) throw new Error(r.error.stack);
      let t = performance.now();
      await r.context.invoke(k, '{}');
      first[k].push((performance.now() - t) * 1000);
      for (let i = 0; i < calls; i++) {
        t = performance.now();
        await r.context.invoke(k, '{}');
        warm[k].push((performance.now() - t) * 1000);
      }
      r.context.dispose();
    }
  }
  const user = new Function(`return ${USER};`)();
  const host = [];
  for (let b = 0; b < 50; b++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) format('login', user);
    host.push(((performance.now() - t) * 1000) / 200);
  }
  const cost = (k) => median(warm[k]) - median(warm.none);
  console.log('\n## console.log in the sandbox (µs; an invocation doing nothing else, minus an empty one)\n');
  console.log('| logged | warm call | first call in a fresh context |');
  console.log('|---|---|---|');
  console.log(`| a string | ${cost('string').toFixed(1)} | ${(median(first.string) - median(first.none)).toFixed(0)} |`);
  console.log(`| a 7-key user object | ${cost('object').toFixed(1)} | ${(median(first.object) - median(first.none)).toFixed(0)} |`);
  console.log(`\nNode's util.format of the same object on the host: ${median(host).toFixed(1)} µs (sandbox ${(cost('object') / median(host)).toFixed(1)}x)`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) await benchConsole();
