import { test } from 'vitest';
import { bundleAction } from '/work/main/src/compile/bundle/index.ts';
test('smoke', async () => {
  const files = new Map([
    ['actions/a/index.ts', `import { helper } from './helper';\nimport { EventEmitter } from 'events';\nimport util from 'node:util';\nimport qs from 'querystring';\nimport * as url from 'url';\nexport const onExecutePostLogin = async (event: any, api: any) => { const e = new EventEmitter(); let got = ''; e.on('x', (v: string) => { got = v; }); e.emit('x', helper()); return [got, util.format('%s=%d', 'n', 5), qs.stringify({ a: 1, b: 'x y' }), url.parse('https://a.b/c?d=1').pathname, Buffer.from('hi').toString('base64'), process.env.NODE_ENV].join('|'); };\n`],
    ['actions/a/helper.ts', 'export function helper(): string { return "helped"; }\n'],
  ]);
  const r = await bundleAction({ name: 'a', files, entry: 'actions/a/index.ts', dependencies: {}, deps: undefined });
  if (!r.ok) { console.log(r.diagnostics); return; }
  console.log(r.size, r.diagnostics, JSON.parse(r.map).sources);
  const { getQuickJS } = await import('quickjs-emscripten');
  const qjs = await getQuickJS();
  const vm = qjs.newContext();
  const res = vm.evalCode("globalThis.console = { log(){}, warn(...a){ globalThis.__w = a.join(\" \") } };" + r.code + '\n;globalThis.__p = __actuate_action.onExecutePostLogin({}, {}).then(v => { globalThis.__r = v; }, e => { globalThis.__r = "ERR " + e + e.stack; });');
  if (res.error) { console.log('eval error', vm.dump(res.error)); res.error.dispose(); } else res.value.dispose();
  vm.runtime.executePendingJobs();
  const out = vm.getProp(vm.global, '__r'); console.log('result', vm.dump(out)); out.dispose();
  vm.dispose();
});
