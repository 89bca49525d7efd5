/**
 * Bundles one action into a single script for QuickJS with esbuild.
 *
 * Output contract with the runtime: the bundle is a script (not an ES module) that, evaluated in a
 * fresh global scope, defines the global `__actuate_action` holding the module's exports:
 * `module.exports` for a CommonJS entry (Auth0's `exports.onExecutePostLogin = ...`), the namespace
 * for an ES module entry.
 *
 * Minification: full (whitespace, syntax and identifiers). QuickJS compiles eagerly at about
 * 0.1-0.2 ms per kB on every cold load, and renaming identifiers takes another 35-40 % off (the
 * Buffer polyfill: 43 kB readable, 28 kB renamed; util: 58 kB against 36 kB). Stacks stay useful:
 * the runtime maps positions through the source map, whose `names` give back the original names,
 * and QuickJS error messages name properties and globals, which are never renamed.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildFailure, type BuildOptions, type Metafile } from 'esbuild';
import { InternalError, createDiagnostic, sortDiagnostics, type Diagnostic } from '../../core/index.ts';
import { ImportGraph } from './import-graph.ts';
import { errorDiagnostics, missingModuleWarnings, stubbedBuiltinWarnings, warningDiagnostics } from './messages.ts';
import { INJECTED_GLOBALS } from './polyfills.ts';
import { packageName } from './repo-files.ts';
import { BUILTIN_NAMESPACE, INJECT_PREFIX, sandboxPlugin, type MissingModule, type SandboxPluginOptions } from './sandbox-plugin.ts';
import type { BundleInput, BundleResult } from './types.ts';

/** The global the bundle defines; the runtime reads the handlers from it. */
export const BUNDLE_GLOBAL = '__actuate_action';
/** Default size budget: Auth0's 100 kB guideline for an action's code. */
export const DEFAULT_WARN_BYTES = 100_000;

/** Stands in for the install root when an action has no dependencies; never read from disk. */
const PLACEHOLDER_ROOT = '/__actuate__';
const PROBE_PREFIX = '__actuate_probe_';

/** Bundles an action from the files of a commit. Expected problems come back as diagnostics. */
export async function bundleAction(input: BundleInput): Promise<BundleResult> {
  const declared = Object.keys(input.dependencies);
  if (declared.length > 0 && !input.deps) throw new InternalError(`bundleAction(${input.name}): dependencies declared but not installed`);
  if (!input.files.has(input.entry)) {
    return fail([{ code: 'E_ENTRY_NOT_FOUND', message: `the entry module ${input.entry} of action "${input.name}" is not in the commit`, file: input.entry }]);
  }
  const root = input.deps ? realpathSync(input.deps.dir) : PLACEHOLDER_ROOT;
  const metaFile = `${path.posix.dirname(input.entry)}/action.json`;

  // Free globals (`Buffer`, `process`) get their module only when the code uses them: a first pass
  // renames free references to probes, and a pass with the needed modules injected follows.
  let injected: string[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const graph = new ImportGraph();
    const probes = Object.keys(INJECTED_GLOBALS).filter((g) => !injected.includes(g));
    const stubs: { builtin: string; specifier: string; importer: string }[] = [];
    const missing: MissingModule[] = [];
    const plugin = { declared: new Set(declared), metaFile, graph, onStub: (stub: (typeof stubs)[number]) => stubs.push(stub), onMissing: (m: (typeof missing)[number]) => missing.push(m) };
    const options = esbuildOptions(input, root, plugin, injected, probes);
    let result;
    try {
      result = await build(options);
    } catch (error) {
      const failure = error as Partial<BuildFailure>;
      if (!Array.isArray(failure.errors)) throw error;
      return fail(errorDiagnostics(failure.errors, { files: input.files, entry: input.entry, graph }));
    }
    const code = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
    const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'))?.text;
    if (code === undefined || map === undefined) throw new InternalError('esbuild returned no bundle or source map');
    const needed = probes.filter((g) => code.includes(PROBE_PREFIX + g));
    if (needed.length > 0) {
      injected = [...injected, ...needed].sort();
      continue;
    }
    assertPortable(code, map, root);
    const size = Buffer.byteLength(code, 'utf8');
    const ctx = { files: input.files, entry: input.entry, graph };
    const diagnostics = [...warningDiagnostics(result.warnings), ...stubbedBuiltinWarnings(stubs, ctx), ...missingModuleWarnings(missing, ctx)];
    const budget = input.warnBytes ?? DEFAULT_WARN_BYTES;
    if (size > budget) diagnostics.push(sizeWarning(input, size, budget, result.metafile));
    return { ok: true, code, map, size, diagnostics: sortDiagnostics(diagnostics) };
  }
  throw new InternalError('bundleAction: injected globals did not settle');
}

function esbuildOptions(
  input: BundleInput,
  root: string,
  plugin: Omit<SandboxPluginOptions, 'root' | 'files'>,
  injected: readonly string[],
  probes: readonly string[],
): BuildOptions & { write: false; metafile: true } {
  return {
    entryPoints: [input.entry],
    absWorkingDir: root,
    // Never written (write: false); a hidden name no repository file will collide with.
    outfile: `${root}/.actuate-bundle.js`,
    write: false,
    metafile: true,
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'browser',
    target: 'es2023',
    // Sandbox builds first: browser and worker builds use web APIs (fetch, crypto) the runtime bridges.
    // `workerd` first, as wrangler resolves for Cloudflare Workers: a package's build for a fetch
    // runtime with Node's built-ins (the Vonage SDK's browser build only throws; PostHog's is its edge build).
    mainFields: ['browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser', 'module'],
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    charset: 'utf8',
    sourcemap: 'external',
    sourcesContent: true,
    // Never pick up a tsconfig.json from around the cache directory: the same inputs give the same bytes.
    tsconfigRaw: {},
    define: {
      global: 'globalThis',
      'process.env.NODE_ENV': '"production"',
      ...Object.fromEntries(probes.map((g) => [g, PROBE_PREFIX + g])),
    },
    inject: injected.map((g) => INJECT_PREFIX + g),
    logLevel: 'silent',
    plugins: [sandboxPlugin({ root, files: input.files, ...plugin })],
  };
}

/** Guards the determinism contract: nothing in the output may name the machine's directories. */
function assertPortable(code: string, map: string, root: string): void {
  const { sources } = JSON.parse(map) as { sources: string[] };
  const bad = sources.find((s) => s.startsWith('/') || s.startsWith('../'));
  if (bad !== undefined) throw new InternalError(`bundle source map names a path outside the bundle root: ${bad}`);
  if (root !== PLACEHOLDER_ROOT && code.includes(root)) throw new InternalError('bundle code names the dependency cache directory');
}

function sizeWarning(input: BundleInput, size: number, budget: number, metafile: Metafile): Diagnostic {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = contributor(file);
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
    }
  }
  const top = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  return createDiagnostic({
    code: 'W_BUNDLE_SIZE',
    severity: 'warning',
    message: `the bundle of action "${input.name}" is ${kB(size)}, above the ${kB(budget)} budget`,
    file: input.entry,
    hint:
      `Largest parts: ${top.map(([k, v]) => `${k} ${kB(v)}`).join(', ')}. ` +
      'Each kB costs about 0.1-0.2 ms whenever a sandbox loads the action; prefer smaller packages or deep imports.',
  });
}

/** Groups bundle inputs by npm package (or compatibility-layer package); repo files stay themselves. */
function contributor(file: string): string {
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0 && !file.startsWith(`${BUILTIN_NAMESPACE}:`)) return `${packageName(file.slice(nm + 'node_modules/'.length))} (npm package)`;
  const layer = /^actuate-builtin:npm\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (layer) return `${layer[1]} (Node.js compatibility layer)`;
  return file.startsWith(`${BUILTIN_NAMESPACE}:`) ? 'Node.js compatibility layer' : file;
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function fail(diagnostics: readonly (Diagnostic | Omit<Diagnostic, 'severity'>)[]): BundleResult {
  return { ok: false, diagnostics: sortDiagnostics(diagnostics.map((d) => createDiagnostic({ severity: 'error', ...d }))) };
}
