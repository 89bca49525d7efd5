/**
 * Evaluates a bundle the way the runtime does (a script in a fresh QuickJS context that defines
 * `__actuate_action`) and calls its exports, for tests of the bundler's output contract.
 */
import { getQuickJS, type QuickJSContext } from 'quickjs-emscripten';

export interface LoadedBundle {
  /** Names of the properties of `__actuate_action`, sorted. */
  readonly exports: string[];
  /** Calls `__actuate_action[name](...args)` (JSON in, JSON out), awaiting a returned promise. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates an expression in the context and returns its JSON value. */
  evaluate(expression: string): unknown;
  /** What the guest wrote with console.*. */
  readonly logs: string[];
  dispose(): void;
}

/**
 * A stand-in for the host-backed builtins the runtime defines before loading a bundle. The real
 * `crypto` is bridged to the host; this one is enough to see which object a bundle gets.
 */
const PRELUDE = `
globalThis.__logs = [];
globalThis.console = ['log', 'info', 'warn', 'error', 'debug'].reduce((c, k) => {
  c[k] = (...a) => { globalThis.__logs.push(k + ': ' + a.map(String).join(' ')); };
  return c;
}, {});
globalThis.__actuate_builtins = { crypto: { stub: 'host-crypto', randomUUID: () => '00000000-0000-4000-8000-000000000000' } };
`;

/** Loads `code` into a new QuickJS context (with the stub builtins unless `builtins: false`). */
export async function loadBundle(code: string, opts: { builtins?: boolean } = {}): Promise<LoadedBundle> {
  const vm = (await getQuickJS()).newContext();
  const evaluate = (source: string, file: string): unknown => {
    const result = vm.evalCode(source, file);
    if (result.error) {
      const error = vm.dump(result.error) as { name?: string; message?: string; stack?: string };
      result.error.dispose();
      throw new Error(`${error.name}: ${error.message}\n${error.stack ?? ''}`);
    }
    const value = vm.dump(result.value);
    result.value.dispose();
    return value;
  };
  if (opts.builtins !== false) evaluate(PRELUDE, 'prelude.js');
  else evaluate(PRELUDE.replace(/globalThis.__actuate_builtins = .*\n/, ''), 'prelude.js');
  evaluate(code, 'bundle.js');
  return {
    exports: (evaluate('Object.keys(__actuate_action).sort()', 'keys.js') as string[]),
    call: (name, ...args) => callExport(vm, evaluate, name, args),
    evaluate: (expression) => evaluate(`JSON.parse(JSON.stringify(${expression}))`, 'expr.js'),
    get logs() {
      return evaluate('__logs', 'logs.js') as string[];
    },
    dispose: () => vm.dispose(),
  };
}

function callExport(vm: QuickJSContext, evaluate: (s: string, f: string) => unknown, name: string, args: unknown[]): unknown {
  evaluate(
    `globalThis.__done = false;
Promise.resolve().then(() => __actuate_action[${JSON.stringify(name)}](...${JSON.stringify(args)}))
  .then((v) => { globalThis.__out = { ok: true, value: v === undefined ? null : v }; },
        (e) => { globalThis.__out = { ok: false, error: String(e && e.stack ? e + '\\n' + e.stack : e) }; })
  .finally(() => { globalThis.__done = true; });
undefined;`,
    'call.js',
  );
  for (let i = 0; i < 100 && !evaluate('__done', 'done.js'); i++) {
    const jobs = vm.runtime.executePendingJobs();
    if (jobs.error) {
      const e = vm.dump(jobs.error);
      jobs.error.dispose();
      throw new Error(`pending job failed: ${JSON.stringify(e)}`);
    }
  }
  const out = evaluate('JSON.parse(JSON.stringify(__out))', 'out.js') as { ok: boolean; value?: unknown; error?: string };
  if (!out.ok) throw new Error(`guest threw: ${out.error}`);
  return out.value;
}
