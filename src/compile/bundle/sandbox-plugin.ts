/**
 * The esbuild plugin that decides where every import of an action comes from:
 * - relative imports in the repository: from the commit's files in memory (never the disk);
 * - bare imports in the repository: declared npm packages from the dependency install, else a
 *   Node.js built-in, else `E_UNDECLARED_PACKAGE` at the import;
 * - imports inside npm packages: esbuild's own resolution (browser fields included), kept inside
 *   the install so nothing on the host leaks in;
 * - AMD files in packages (a "browser" build may be one): run as CommonJS (amd.ts);
 * - a few packages whose browser build differs from Node's where Auth0 code notices: their Node
 *   file instead (node-builds.ts);
 * - a package's require() of a module that is not installed: a module that throws when required
 *   (reported through `onMissing`), as Node resolves require() only when it runs;
 * - a package's WebAssembly file: a module whose functions throw (reported through `onMissing`);
 * - built-ins: the compatibility layer; for one it cannot provide, a stand-in when an npm package
 *   imports it (stubs.ts; reported through `onStub`), else `E_UNSUPPORTED_BUILTIN`.
 *
 * Paths are arranged so the bundle names nothing machine-specific: repository files sit at
 * `<root>/<repo path>` with `root` the dependency install (whose packages are at
 * `<root>/node_modules`), and the layer lives in its own namespace.
 */
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OnLoadResult, OnResolveArgs, OnResolveResult, Plugin, PluginBuild } from 'esbuild';
import { InternalError } from '../../core/index.ts';
import { amdAsCommonJs, isAmdModule } from './amd.ts';
import { SANDBOX_BUILTINS, builtinName } from './builtins.ts';
import type { ImportGraph } from './import-graph.ts';
import { layerFileName, layerFilePath } from './layer-files.ts';
import { COMPAT_SOURCES, compatModule, nodeBuildFile } from './node-builds.ts';
import { BUILTIN_SOURCES, INJECTED_GLOBALS, POLYFILL_PREFIX, resolvePolyfill } from './polyfills.ts';
import { BUILTIN_STUBS } from './stubs.ts';
import { isRelativeSpecifier, loaderFor, packageName, resolveRepoImport } from './repo-files.ts';

/** Namespace of the compatibility layer's modules (shown as `actuate-builtin:...` in source maps). */
export const BUILTIN_NAMESPACE = 'actuate-builtin';
/** Namespace of packages' AMD files, loaded as CommonJS (amd.ts); paths are `node_modules/...`. */
export const AMD_NAMESPACE = 'actuate-amd';
/** Prefix of the `inject` entries that provide free globals such as `Buffer`. */
export const INJECT_PREFIX = 'actuate-inject:';

/** Extra facts attached to an error so it can be turned into a precise diagnostic afterwards. */
export interface ProblemDetail {
  readonly code: string;
  readonly hint?: string;
  /** For `E_UNSUPPORTED_BUILTIN`: the built-in, the specifier as written and its importer. */
  readonly builtin?: string;
  readonly specifier?: string;
  readonly importer?: string;
}

export interface SandboxPluginOptions {
  /** Absolute root: the dependency install dir, or a placeholder when there is none. */
  readonly root: string;
  readonly files: ReadonlyMap<string, string>;
  /** Package names declared in action.json. */
  readonly declared: ReadonlySet<string>;
  /** Repo path of action.json, for messages. */
  readonly metaFile: string;
  /** Records every import edge, for error chains. */
  readonly graph: ImportGraph;
  /** Told each time a package gets a stand-in for a built-in the sandbox lacks (for a warning). */
  readonly onStub?: (stub: { readonly builtin: string; readonly specifier: string; readonly importer: string }) => void;
  /**
   * Told each time a package's `require()` (or `import()`) names a module that is not installed
   * (an optional peer, say); it becomes a module that throws Node's "Cannot find module" when it
   * runs, so the package loads as it does in Node (for a warning).
   */
  readonly onMissing?: (missing: MissingModule) => void;
}

/** A module a package imports that cannot be bundled as code: not installed, or WebAssembly (`wasm`: its path). */
export interface MissingModule {
  readonly specifier: string;
  readonly importer: string;
  readonly wasm?: string;
}

const READABLE_FROM_BROWSER = '/readable-stream/lib/internal/streams/from-browser.js';
const READABLE_STREAM_BROWSER = '/readable-stream/lib/internal/streams/stream-browser.js';

/** A resolution: esbuild's, or one of the plugin's own. */
type Resolved = { readonly path: string; readonly namespace?: string };

/** Marks resolutions the plugin asks esbuild for itself, so it does not handle them again. */
const INNER = { actuateInner: true };

/** Creates the plugin for one bundle. */
export function sandboxPlugin(options: SandboxPluginOptions): Plugin {
  return { name: 'actuate-sandbox', setup: (build) => setup(build, options) };
}

function setup(build: PluginBuild, o: SandboxPluginOptions): void {
  const { root, files, declared, metaFile, graph } = o;
  const repoPath = (abs: string) => (abs.startsWith(`${root}/`) ? abs.slice(root.length + 1) : undefined);
  const inInstall = (abs: string) => repoPath(abs)?.startsWith('node_modules/') === true;
  const display = (r: { path: string; namespace?: string }) =>
    r.namespace === BUILTIN_NAMESPACE ? `${BUILTIN_NAMESPACE}:${r.path}` : (repoPath(r.path) ?? r.path);
  const innerResolve = (args: OnResolveArgs, resolveDir: string) =>
    build.resolve(args.path, { kind: args.kind, resolveDir, importer: args.importer, pluginData: INNER });

  const layerFile = (abs: string): OnResolveResult => ({ namespace: BUILTIN_NAMESPACE, path: layerFileName(abs) });
  // An AMD file gets its own namespace: there, esbuild treats it as CommonJS even in a "type": "module" package.
  // Each file is read for this once per bundle, however many modules import it.
  const amdFiles = new Map<string, Promise<boolean>>();
  const isAmd = (file: string) => {
    let known = amdFiles.get(file);
    if (known === undefined) amdFiles.set(file, (known = isAmdFile(file)));
    return known;
  };
  const amdOr = async (r: OnResolveResult): Promise<OnResolveResult | undefined> =>
    r.namespace === 'file' && r.path !== undefined && inInstall(r.path) && (await isAmd(r.path)) ? { namespace: AMD_NAMESPACE, path: repoPath(r.path)! } : undefined;
  // A package file esbuild resolved, or the Node file to use instead (node-builds.ts).
  const packageFile = async (spec: string, r: Resolved): Promise<Resolved> => {
    if (r.namespace !== 'file') return r;
    const compat = compatModule(r.path);
    if (compat !== undefined) return { namespace: BUILTIN_NAMESPACE, path: `compat/${compat}` };
    const node = await nodeBuildFile(spec, r.path);
    return node !== undefined && inInstall(node) ? { path: node } : r;
  };
  // What the resolution becomes: the file or module replacing it, else an AMD file or esbuild's own answer.
  const settle = (r: Resolved, chosen: Resolved): Promise<OnResolveResult | undefined> | OnResolveResult => (chosen === r ? amdOr(r) : chosen);

  const builtin = (from: string, spec: string, name: string, stubbable = false): OnResolveResult => {
    if (!SANDBOX_BUILTINS.has(name) && stubbable && Object.hasOwn(BUILTIN_STUBS, name)) {
      graph.add(from, spec, spec);
      if (!from.startsWith(`${BUILTIN_NAMESPACE}:`)) o.onStub?.({ builtin: name, specifier: spec, importer: from });
      return { namespace: BUILTIN_NAMESPACE, path: `stub/${name}` };
    }
    if (!SANDBOX_BUILTINS.has(name)) {
      graph.add(from, spec, spec);
      return problem({ code: 'E_UNSUPPORTED_BUILTIN', builtin: name, specifier: spec, importer: from }, `"${spec}" is not available in the sandbox`);
    }
    const source = BUILTIN_SOURCES[name];
    if (!source) throw new InternalError(`no compatibility module for built-in ${name}`);
    const result = 'file' in source ? layerFile(resolvePolyfill(source.file)) : { namespace: BUILTIN_NAMESPACE, path: `node/${name}` };
    graph.add(from, display({ path: result.path!, namespace: BUILTIN_NAMESPACE }), spec);
    return result;
  };

  const fromRepo = async (args: OnResolveArgs, from: string): Promise<OnResolveResult | undefined> => {
    const spec = args.path;
    if (isRelativeSpecifier(spec) || spec.startsWith('/')) {
      const target = spec.startsWith('/') ? undefined : resolveRepoImport(files, from, spec);
      if (target === undefined || target.startsWith('node_modules/')) {
        return problem(
          { code: 'E_IMPORT_NOT_FOUND', hint: 'Imports resolve among the committed files of the repository, relative to the importing file (node_modules/ in the repository is ignored).' },
          `cannot find "${spec}" imported by ${from}`,
        );
      }
      graph.add(from, target, spec);
      return { path: `${root}/${target}` };
    }
    const pkg = spec.startsWith('node:') ? undefined : packageName(spec);
    if (pkg !== undefined && declared.has(pkg)) {
      const r = await innerResolve(args, root);
      if (r.errors.length > 0 || (r.namespace === 'file' && !inInstall(r.path))) {
        const why = r.errors[0]?.text ?? 'it resolved outside the dependency install';
        return problem({ code: 'E_IMPORT_NOT_FOUND', hint: `Check the import path against the files and "exports" of ${pkg}.` }, `cannot resolve "${spec}" from the installed package ${pkg}: ${why}`);
      }
      const chosen = await packageFile(spec, r);
      graph.add(from, display(chosen), spec);
      return settle(r, chosen);
    }
    const name = builtinName(spec);
    if (name !== undefined) return builtin(from, spec, name);
    return problem(
      { code: 'E_UNDECLARED_PACKAGE', hint: `Add "dependencies": { "${pkg}": "<exact version>" } to ${metaFile}.` },
      `"${pkg}" is imported by ${from} but not declared in ${metaFile}`,
    );
  };

  const fromPackage = async (args: OnResolveArgs, from: string): Promise<OnResolveResult | undefined> => {
    const spec = args.path;
    const name = isRelativeSpecifier(spec) || spec.startsWith('/') ? undefined : builtinName(spec);
    const r = await innerResolve(args, args.resolveDir);
    const found = r.errors.length === 0 && (r.namespace !== 'file' || inInstall(r.path));
    if (name !== undefined) {
      // A "browser" field mapping (to false or a file) or an installed package of that name wins, as in browser bundlers.
      if (!spec.startsWith('node:') && found) {
        if (r.namespace === 'file') graph.add(from, display(r), spec);
        return undefined;
      }
      return builtin(from, spec, name, true);
    }
    if (r.errors.length > 0) {
      // Node resolves require() and import() when they run: an optional peer a package requires on
      // a path the action may never take (rest-facade's superagent-proxy, for auth0@2 and 3) must
      // not fail the build. A static import stays an error, as it fails Node at load.
      if (args.kind !== 'require-call' && args.kind !== 'dynamic-import') return undefined;
      graph.add(from, spec, spec);
      o.onMissing?.({ specifier: spec, importer: from });
      return { namespace: BUILTIN_NAMESPACE, path: `missing/${spec}` };
    }
    if (!found) {
      return problem(
        { code: 'E_IMPORT_NOT_FOUND', hint: 'A package needs another package that is not installed; declare it in dependencies if it is an optional peer.' },
        `cannot resolve "${spec}" imported by ${from}: it is not in the dependency install`,
      );
    }
    // The sandbox has no WebAssembly: a package's .wasm module (a wasm-bindgen build's) becomes one
    // whose functions throw, so a package that only loads it works until that code runs.
    if (r.namespace === 'file' && r.path.endsWith('.wasm')) {
      graph.add(from, display(r), spec);
      o.onMissing?.({ specifier: spec, importer: from, wasm: display(r) });
      return { namespace: BUILTIN_NAMESPACE, path: `wasm/${display(r)}` };
    }
    const chosen = await packageFile(spec, r);
    if (r.namespace === 'file') graph.add(from, display(chosen), spec);
    return settle(r, chosen);
  };

  const fromLayer = async (args: OnResolveArgs, from: string): Promise<OnResolveResult> => {
    const spec = args.path;
    if (spec.startsWith(POLYFILL_PREFIX)) return layerFile(resolvePolyfill(spec.slice(POLYFILL_PREFIX.length)));
    const name = isRelativeSpecifier(spec) ? undefined : builtinName(spec);
    if (name !== undefined) return builtin(from, spec, name, from.startsWith(`${BUILTIN_NAMESPACE}:stub/`));
    const r = await innerResolve(args, args.resolveDir);
    if (r.errors.length > 0) throw new InternalError(`compatibility layer: cannot resolve ${spec} from ${from}: ${r.errors[0]!.text}`);
    // Disabled by a "browser" field (false): an empty module.
    if (r.namespace !== 'file' || !existsSync(r.path)) return { namespace: BUILTIN_NAMESPACE, path: 'empty' };
    // readable-stream's browser build of Readable.from only throws; its Node one needs nothing of
    // Node's (node-fetch 3 and modern stream code call it).
    if (r.path.endsWith(READABLE_FROM_BROWSER)) return layerFile(`${r.path.slice(0, -'from-browser.js'.length)}from.js`);
    // Its browser build also bases streams on EventEmitter rather than on \`require('stream')\`, so
    // \`readable instanceof Stream\` was false (node-fetch 3 then read every body as empty).
    // (stream-browserify's file itself: the \`stream\` built-in wraps it, and requires it first.)
    if (r.path.endsWith(READABLE_STREAM_BROWSER)) return layerFile(resolvePolyfill('stream-browserify/'));
    return layerFile(r.path);
  };

  build.onResolve({ filter: /.*/ }, async (args) => {
    if (args.pluginData === INNER) return undefined;
    if (args.kind === 'entry-point') {
      if (args.path.startsWith(INJECT_PREFIX)) return { namespace: BUILTIN_NAMESPACE, path: `inject/${args.path.slice(INJECT_PREFIX.length)}` };
      return { path: `${root}/${args.path}` };
    }
    if (args.namespace === BUILTIN_NAMESPACE) return fromLayer(args, `${BUILTIN_NAMESPACE}:${repoPath(args.importer) ?? args.importer}`);
    if (args.namespace === AMD_NAMESPACE) return fromPackage(args, args.importer);
    const from = repoPath(args.importer);
    if (args.namespace !== 'file' || from === undefined) throw new InternalError(`unexpected importer ${args.namespace}:${args.importer}`);
    return from.startsWith('node_modules/') ? fromPackage(args, from) : fromRepo(args, from);
  });

  build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
    const rel = repoPath(args.path);
    if (rel === undefined || rel.startsWith('node_modules/')) return undefined;
    const contents = files.get(rel);
    if (contents === undefined) throw new InternalError(`bundle: ${rel} was resolved but is not in the commit`);
    const loader = loaderFor(rel);
    if (!loader) return problem({ code: 'E_UNSUPPORTED_FILE', hint: 'Import .ts, .js, .mjs, .cjs, .json or .txt files.' }, `cannot bundle ${rel}: unsupported file type`);
    // resolveDir is the root so esbuild finds declared packages in <root>/node_modules; relative imports are ours.
    return { contents, loader, resolveDir: root };
  });

  build.onLoad({ filter: /.*/, namespace: AMD_NAMESPACE }, async (args) => {
    const file = `${root}/${args.path}`;
    const contents = amdAsCommonJs(await readFile(file, 'utf8'));
    if (contents === undefined) throw new InternalError(`bundle: ${args.path} is no longer an AMD module`);
    return { contents, loader: 'js', resolveDir: path.dirname(file) };
  });

  build.onLoad({ filter: /.*/, namespace: BUILTIN_NAMESPACE }, async (args) => {
    const p = args.path;
    if (p === 'empty') return { contents: '', loader: 'js' };
    if (p.startsWith('stub/')) return { contents: BUILTIN_STUBS[p.slice('stub/'.length)] ?? '', loader: 'js' };
    if (p.startsWith('missing/')) return { contents: missingModule(p.slice('missing/'.length)), loader: 'js' };
    if (p.startsWith('wasm/')) return { contents: wasmModule(p.slice('wasm/'.length)), loader: 'js' };
    if (p.startsWith('compat/')) {
      const source = COMPAT_SOURCES[p.slice('compat/'.length)];
      if (source === undefined) throw new InternalError(`no compatibility module ${p}`);
      return { contents: source, loader: 'js' };
    }
    if (p.startsWith('inject/')) return { contents: INJECTED_GLOBALS[p.slice('inject/'.length)] ?? '', loader: 'js' };
    if (p.startsWith('node/')) {
      const source = BUILTIN_SOURCES[p.slice('node/'.length)];
      if (!source || !('code' in source)) throw new InternalError(`no compatibility module ${p}`);
      return { contents: source.code, loader: 'js' };
    }
    const file = layerFilePath(p);
    return { contents: await readFile(file, 'utf8'), loader: loaderFor(file) ?? 'js', resolveDir: path.dirname(file) };
  });
}

/** The module a package's require() of something not installed gets: it throws as Node's require() does. */
export function missingModule(specifier: string): string {
  return `var e = new Error(${JSON.stringify(`Cannot find module '${specifier}' (it is not in the action's dependencies)`)});\ne.code = "MODULE_NOT_FOUND";\nthrow e;\n`;
}

/** The module a package's import of a WebAssembly file gets: any function read from it throws, naming the file. */
export function wasmModule(file: string): string {
  return `var message = ${JSON.stringify(`WebAssembly is not available in the sandbox: ${file} cannot run`)};
function unavailable() { var e = new Error(message); e.code = "ERR_ACTUATE_UNAVAILABLE"; throw e; }
function get(target, key) { return typeof key === "symbol" || key === "__esModule" || key === "then" ? undefined : unavailable; }
// Also the prototype: an ES module's \`import * as wasm\` is a copy whose missing names are looked up there.
var functions = new Proxy({}, { get: get });
module.exports = new Proxy({}, { get: get, getPrototypeOf: function () { return functions; } });
`;
}

/** Whether a package file is an AMD module (amd.ts), read from its first 4 KB. */
async function isAmdFile(file: string): Promise<boolean> {
  if (!/\.c?js$/.test(file)) return false;
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return isAmdModule(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

function problem(detail: ProblemDetail, text: string): OnResolveResult {
  return { errors: [{ text, detail }] };
}
