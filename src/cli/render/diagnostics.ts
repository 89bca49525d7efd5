import path from 'node:path';
import { LineIndex, type Diagnostic } from '../../core/index.ts';
import type { Colors } from './color.ts';

export interface RenderContext {
  /** Project-relative path → content, for code frames. */
  readonly files: ReadonlyMap<string, string>;
  /** How to show a project-relative path (e.g. relative to the cwd). */
  readonly displayPath: (file: string) => string;
  readonly colors: Colors;
}

/**
 * Renders diagnostics the way compilers do: `file:line:col`, the code, the message, a code frame
 * with a caret under the problem, and the hint. Paths are clickable in terminals and editors.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], ctx: RenderContext): string {
  return diagnostics.map((d) => renderOne(d, ctx)).join('\n');
}

function renderOne(d: Diagnostic, ctx: RenderContext): string {
  const c = ctx.colors;
  const sev = d.severity === 'error' ? c.red(c.bold('error')) : d.severity === 'warning' ? c.yellow(c.bold('warning')) : c.cyan(c.bold('info'));
  const where = d.file ? `${ctx.displayPath(d.file)}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  const out = [`${where ? `${c.bold(where)} - ` : ''}${sev} ${c.dim(d.code)}: ${d.message}`];
  const text = d.file ? ctx.files.get(d.file) : undefined;
  if (text !== undefined && d.line) {
    const lines = new LineIndex(text);
    const width = String(d.line + 1).length;
    for (let l = Math.max(1, d.line - 1); l <= d.line; l++) {
      out.push(`  ${c.dim(String(l).padStart(width))} | ${lines.lineText(l)}`);
    }
    const col = d.column ?? 1;
    const len = d.endLine === d.line && d.endColumn && d.endColumn > col ? d.endColumn - col : 1;
    const lead = lines.lineText(d.line).slice(0, col - 1).replace(/[^\t]/g, ' ');
    out.push(`  ${' '.repeat(width)} | ${lead}${c.red('^'.repeat(Math.min(len, 200)))}`);
  }
  if (d.hint) out.push(`  ${c.cyan('hint')}: ${d.hint}`);
  return out.join('\n') + '\n';
}

/** `2 errors, 1 warning` (omits zero counts; says "no problems" when clean). */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const n = (sev: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === sev).length;
  const parts = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, word]) => `${count} ${word}${count === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** A display-path function relative to the cwd, for a project at `root/projectPath`. */
export function cwdRelative(root: string, projectPath: string): (file: string) => string {
  return (file) => path.relative(process.cwd(), path.join(root, projectPath, file)) || file;
}
