/**
 * Turns esbuild's messages into diagnostics: 1-based UTF-16 columns (esbuild counts UTF-8 bytes),
 * stable codes, and for a built-in the sandbox lacks, the chain of imports that pulled it in,
 * reported at the user's own import that starts the chain.
 */
import type { Location, Message } from 'esbuild';
import { LineIndex, createDiagnostic, type Diagnostic } from '../../core/index.ts';
import { unsupportedBuiltinHint } from './builtins.ts';
import type { ImportGraph } from './import-graph.ts';
import { packageName } from './repo-files.ts';
import { BUILTIN_NAMESPACE, type ProblemDetail } from './sandbox-plugin.ts';

export interface MessageContext {
  readonly files: ReadonlyMap<string, string>;
  readonly entry: string;
  readonly graph: ImportGraph;
}

/** Diagnostics for a failed build's errors, one per problem (duplicates merged). */
export function errorDiagnostics(errors: readonly Message[], ctx: MessageContext): Diagnostic[] {
  const byKey = new Map<string, { d: Diagnostic; rank: number }>();
  for (const message of errors) {
    const detail = message.detail as ProblemDetail | undefined;
    const { d, rank } =
      detail?.code === 'E_UNSUPPORTED_BUILTIN' ? unsupportedBuiltin(message, detail, ctx) : { d: plain(message, 'error', detail), rank: 0 };
    const key = [d.code, d.file, d.line, d.column, detail?.builtin ?? d.message].join('\0');
    const seen = byKey.get(key);
    if (!seen || rank < seen.rank || (rank === seen.rank && d.message < seen.d.message)) byKey.set(key, { d, rank });
  }
  return [...byKey.values()].map((v) => v.d);
}

/** Diagnostics for esbuild's warnings about the user's own files (warnings inside packages are noise). */
export function warningDiagnostics(warnings: readonly Message[]): Diagnostic[] {
  return warnings.filter((w) => w.location && isRepoFile(w.location)).map((w) => plain(w, 'warning', undefined));
}

function plain(message: Message, severity: 'error' | 'warning', detail: ProblemDetail | undefined): Diagnostic {
  const code = detail?.code ?? (severity === 'warning' ? 'W_BUNDLE' : message.text.startsWith('Could not resolve') ? 'E_IMPORT_NOT_FOUND' : 'E_BUNDLE');
  const notes = message.notes.map((n) => n.text).filter((t) => !/external|platform/.test(t));
  return createDiagnostic({
    code,
    severity,
    message: message.text,
    ...locationOf(message.location),
    hint: detail?.hint ?? (notes.length > 0 ? notes.join(' ') : undefined),
  });
}

function unsupportedBuiltin(message: Message, detail: ProblemDetail, ctx: MessageContext): { d: Diagnostic; rank: number } {
  const spec = detail.specifier!;
  const importer = detail.importer!;
  const chain = [...(ctx.graph.chain(ctx.entry, importer) ?? [importer]), spec];
  // The last of the user's own files in the chain, and the import in it that leads on.
  let at = 0;
  while (at + 1 < chain.length - 1 && isRepoFilePath(ctx, chain[at + 1]!)) at++;
  const fromRepo = chain[at]!;
  const direct = at === chain.length - 2;
  const position = direct ? locationOf(message.location) : specifierPosition(ctx, fromRepo, ctx.graph.specifier(fromRepo, chain[at + 1]!));
  const via = direct ? undefined : chain[at + 1]!;
  const pkg = via?.startsWith('node_modules/') ? packageName(via.slice('node_modules/'.length)) : undefined;
  const d = createDiagnostic({
    code: 'E_UNSUPPORTED_BUILTIN',
    severity: 'error',
    message: `"${spec}" is a Node.js built-in the sandbox does not provide, imported through ${chain.join(' -> ')}`,
    file: fromRepo,
    ...position,
    hint:
      unsupportedBuiltinHint(detail.builtin!) +
      (pkg ? ` It is needed by the package "${pkg}": choose a package (or version) that runs in browsers or edge runtimes.` : ''),
  });
  return { d, rank: chain.length };
}

function isRepoFile(location: Location): boolean {
  return location.namespace === 'file' && !location.file.startsWith('node_modules/') && !location.file.startsWith('../');
}

function locationOf(location: Location | null): Partial<Diagnostic> {
  if (!location) return {};
  const file = location.namespace === BUILTIN_NAMESPACE ? `${BUILTIN_NAMESPACE}:${location.file}` : location.file;
  // esbuild columns count UTF-8 bytes; editors count UTF-16 code units.
  const bytes = Buffer.from(location.lineText, 'utf8');
  const column = bytes.subarray(0, location.column).toString('utf8').length + 1;
  const endColumn = bytes.subarray(0, location.column + location.length).toString('utf8').length + 1;
  return { file, line: location.line, column, endLine: location.line, endColumn };
}

/** Where `specifier` is written (as a string literal) in a repository file. */
function specifierPosition(ctx: MessageContext, file: string, specifier: string | undefined): Partial<Diagnostic> {
  const text = ctx.files.get(file);
  if (text === undefined || specifier === undefined) return {};
  const hits = ['"', "'", '`'].map((q) => text.indexOf(`${q}${specifier}${q}`)).filter((i) => i >= 0);
  if (hits.length === 0) return {};
  const start = new LineIndex(text).positionAt(Math.min(...hits) + 1);
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + specifier.length };
}

function isRepoFilePath(ctx: MessageContext, p: string): boolean {
  return ctx.files.has(p) && !p.startsWith('node_modules/');
}
