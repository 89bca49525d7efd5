/**
 * Turns esbuild's messages into diagnostics: 1-based UTF-16 columns (esbuild counts UTF-8 bytes),
 * stable codes, and for a problem inside an npm package or a built-in the sandbox lacks, the chain
 * of imports that pulled it in, reported at the user's own import that starts the chain: that is
 * the line a person can change.
 */
import type { Location, Message } from 'esbuild';
import { LineIndex, createDiagnostic, type Diagnostic } from '../../core/index.ts';
import { unsupportedBuiltinHint } from './builtins.ts';
import { stubBehaviour } from './stubs.ts';
import type { ImportGraph } from './import-graph.ts';
import { packageName } from './repo-files.ts';
import { BUILTIN_NAMESPACE, type MissingModule, type ProblemDetail } from './sandbox-plugin.ts';

export interface MessageContext {
  readonly files: ReadonlyMap<string, string>;
  readonly entry: string;
  readonly graph: ImportGraph;
}

type Position = Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** Diagnostics for a failed build's errors, one per problem (duplicates merged, shortest chain kept). */
export function errorDiagnostics(errors: readonly Message[], ctx: MessageContext): Diagnostic[] {
  const byKey = new Map<string, { d: Diagnostic; rank: number }>();
  for (const message of errors) {
    const detail = message.detail as ProblemDetail | undefined;
    const { d, rank } = detail?.code === 'E_UNSUPPORTED_BUILTIN' ? unsupportedBuiltin(message, detail, ctx) : packageOrRepoError(message, detail, ctx);
    const key = [d.code, d.file, d.line, d.column, detail?.builtin ?? d.message].join('\0');
    const seen = byKey.get(key);
    if (!seen || rank < seen.rank || (rank === seen.rank && d.message < seen.d.message)) byKey.set(key, { d, rank });
  }
  return [...byKey.values()].map((v) => v.d);
}

/** Diagnostics for esbuild's warnings about the user's own files (warnings inside packages are noise). */
export function warningDiagnostics(warnings: readonly Message[]): Diagnostic[] {
  return warnings.filter((w) => w.location && isRepoLocation(w.location)).map((w) => plain(w, 'warning', detailHint(w, undefined), locationOf(w.location)));
}

function packageOrRepoError(message: Message, detail: ProblemDetail | undefined, ctx: MessageContext): { d: Diagnostic; rank: number } {
  const location = message.location;
  const where = location ? displayFile(location) : undefined;
  if (!location || where === undefined || isRepoLocation(location)) {
    return { d: plain(message, 'error', detailHint(message, detail), locationOf(location)), rank: 0 };
  }
  // The problem is inside a package: point at the action's import that brought the package in.
  const anchor = anchorInRepo([...(ctx.graph.chain(ctx.entry, where) ?? [where])], ctx);
  const inside = `${where}:${location.line}:${locationOf(location).column}`;
  const d = plain(
    { ...message, text: `${message.text} (in ${inside}, imported through ${anchor.chain.join(' -> ')})` },
    'error',
    detailHint(message, detail) ??
      (message.text.startsWith('Could not resolve') ? 'A package imports a module that is not installed; if it is a peer dependency, declare it in the action\'s dependencies.' : undefined),
    { file: anchor.file, ...anchor.position },
  );
  return { d, rank: anchor.chain.length };
}

function unsupportedBuiltin(message: Message, detail: ProblemDetail, ctx: MessageContext): { d: Diagnostic; rank: number } {
  const spec = detail.specifier!;
  const { chain, anchor, pkg } = builtinImport(ctx, detail.importer!, spec);
  const d = createDiagnostic({
    code: 'E_UNSUPPORTED_BUILTIN',
    severity: 'error',
    message: `"${spec}" is a Node.js built-in the sandbox does not provide, imported through ${chain.join(' -> ')}`,
    file: anchor.file,
    ...(anchor.via === spec ? locationOf(message.location) : anchor.position),
    hint:
      unsupportedBuiltinHint(detail.builtin!) +
      (pkg ? ` It is needed by the package "${pkg}": choose a package (or version) that runs in browsers or edge runtimes.` : ''),
  });
  return { d, rank: chain.length };
}

/**
 * One warning per package and built-in that got a stand-in (`W_BUILTIN_STUBBED`), at the user's
 * import that pulls the package in, with the shortest chain: the build works, but reaching that
 * built-in does not do what it does in Node, which a person should know before deploying.
 */
export function stubbedBuiltinWarnings(stubs: readonly { builtin: string; specifier: string; importer: string }[], ctx: MessageContext): Diagnostic[] {
  const best = shortestPerKey();
  for (const stub of stubs) {
    const behaviour = stubBehaviour(stub.builtin);
    if (behaviour === undefined) continue;
    const { chain, anchor, pkg: found } = builtinImport(ctx, stub.importer, stub.specifier);
    const pkg = found ?? anchor.via;
    const d = createDiagnostic({
      code: 'W_BUILTIN_STUBBED',
      severity: 'warning',
      message: `the package "${pkg}" imports "${stub.specifier}", which the sandbox does not provide: it gets ${behaviour.gets} (imported through ${chain.join(' -> ')})`,
      file: anchor.file,
      ...anchor.position,
      hint: `${unsupportedBuiltinHint(stub.builtin)} If the action reaches a path of "${pkg}" that needs it, ${behaviour.consequence}; otherwise nothing changes.`,
    });
    best.offer(`${pkg}\0${stub.builtin}`, d, chain.length);
  }
  return best.diagnostics();
}

/**
 * One warning per module a package imports that is not bundled as code, at the user's import that
 * pulls the package in: a module that is not installed (`W_MISSING_MODULE`; the build works because
 * Node, too, resolves require() only when it runs, but the path that needs it throws "Cannot find
 * module"), or a WebAssembly file (`W_WASM_UNAVAILABLE`; its functions throw if called).
 */
export function missingModuleWarnings(missing: readonly MissingModule[], ctx: MessageContext): Diagnostic[] {
  const best = shortestPerKey();
  for (const m of missing) {
    const { chain, anchor, pkg: found } = builtinImport(ctx, m.importer, m.wasm ?? m.specifier);
    const top = found ?? anchor.via;
    const pkg = m.importer.startsWith('node_modules/') ? (packageName(m.importer.slice('node_modules/'.length)) ?? top) : top;
    const who = `the package "${pkg}"${pkg === top ? '' : ` (through "${top}")`}`;
    const what = m.wasm !== undefined
      ? {
        code: 'W_WASM_UNAVAILABLE', key: m.wasm,
        message: `${who} imports the WebAssembly module ${m.wasm}, which the sandbox cannot run: its functions throw if the action reaches them`,
        hint: 'The sandbox runs JavaScript only. If the action needs this code, choose a package (or version) written in JavaScript.',
      }
      : {
        code: 'W_MISSING_MODULE', key: m.specifier,
        message: `${who} requires "${m.specifier}", which is not installed: that require() throws "Cannot find module" if the action reaches it`,
        hint: `Usually an optional peer dependency for a feature the action does not use. If the action needs it, add "dependencies": { "${packageName(m.specifier) ?? m.specifier}": "<exact version>" } to its action.json.`,
      };
    const d = createDiagnostic({
      code: what.code, severity: 'warning', message: `${what.message} (imported through ${chain.join(' -> ')})`,
      file: anchor.file, ...anchor.position, hint: what.hint,
    });
    best.offer(`${pkg}\0${what.key}`, d, chain.length);
  }
  return best.diagnostics();
}

/** Keeps, per key, the diagnostic with the shortest import chain (the one a person can follow). */
function shortestPerKey() {
  const best = new Map<string, { d: Diagnostic; rank: number }>();
  return {
    offer(key: string, d: Diagnostic, rank: number): void {
      const seen = best.get(key);
      if (!seen || rank < seen.rank) best.set(key, { d, rank });
    },
    diagnostics: (): Diagnostic[] => [...best.values()].map((v) => v.d),
  };
}

/** The import chain from the entry to a built-in, where it starts in the user's files, and the package it goes through. */
function builtinImport(ctx: MessageContext, importer: string, specifier: string) {
  const chain = [...(ctx.graph.chain(ctx.entry, importer) ?? [importer]), specifier];
  const anchor = anchorInRepo(chain, ctx);
  const pkg = anchor.via.startsWith('node_modules/') ? packageName(anchor.via.slice('node_modules/'.length)) : undefined;
  return { chain, anchor, pkg };
}

/**
 * The last of the user's own files at the start of an import chain, the module it imports next
 * (`via`), and where that import is written.
 */
function anchorInRepo(chain: readonly string[], ctx: MessageContext): { chain: readonly string[]; file: string; via: string; position: Position } {
  let at = 0;
  while (at + 1 < chain.length - 1 && isRepoFile(ctx, chain[at + 1]!)) at++;
  const file = chain[at]!;
  const via = chain[Math.min(at + 1, chain.length - 1)]!;
  return { chain, file, via, position: specifierPosition(ctx, file, ctx.graph.specifier(file, via)) };
}

function plain(message: Message, severity: 'error' | 'warning', hint: string | undefined, where: Partial<Diagnostic>): Diagnostic {
  const detail = message.detail as ProblemDetail | undefined;
  const code = detail?.code ?? (severity === 'warning' ? 'W_BUNDLE' : message.text.startsWith('Could not resolve') ? 'E_IMPORT_NOT_FOUND' : 'E_BUNDLE');
  return createDiagnostic({ code, severity, message: message.text, ...where, hint });
}

function detailHint(message: Message, detail: ProblemDetail | undefined): string | undefined {
  const notes = message.notes.map((n) => n.text).filter((t) => !/external|platform/.test(t));
  return detail?.hint ?? (notes.length > 0 ? notes.join(' ') : undefined);
}

function isRepoFile(ctx: MessageContext, p: string): boolean {
  return ctx.files.has(p) && !p.startsWith('node_modules/');
}

function isRepoLocation(location: Location): boolean {
  return (location.namespace === 'file' || location.namespace === '') && !location.file.startsWith('node_modules/') && !location.file.startsWith('../');
}

function displayFile(location: Location): string {
  return location.namespace === BUILTIN_NAMESPACE ? `${BUILTIN_NAMESPACE}:${location.file}` : location.file;
}

function locationOf(location: Location | null): Position & { file?: string } {
  if (!location) return {};
  // esbuild columns count UTF-8 bytes; editors count UTF-16 code units.
  const bytes = Buffer.from(location.lineText, 'utf8');
  const column = bytes.subarray(0, location.column).toString('utf8').length + 1;
  const endColumn = bytes.subarray(0, location.column + location.length).toString('utf8').length + 1;
  return { file: displayFile(location), line: location.line, column, endLine: location.line, endColumn };
}

/** Where `specifier` is written (as a string literal) in a repository file. */
function specifierPosition(ctx: MessageContext, file: string, specifier: string | undefined): Position {
  const text = ctx.files.get(file);
  if (text === undefined || specifier === undefined) return {};
  const hits = ['"', "'", '`'].map((q) => text.indexOf(`${q}${specifier}${q}`)).filter((i) => i >= 0);
  if (hits.length === 0) return {};
  const start = new LineIndex(text).positionAt(Math.min(...hits) + 1);
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + specifier.length };
}
