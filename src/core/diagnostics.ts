/**
 * One shape for every problem a user can fix: schema errors, type errors, bundling errors, limits.
 * Three renderers share it (terminal code frame, `--json`, GitHub annotations), so nothing about a
 * problem is lost between the check and the place a person reads it.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable machine code, e.g. `E_SCHEMA`, `E_TYPECHECK`. Tools and tests match on this, never on text. */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** Repo-relative POSIX path of the file the problem is in, when there is one. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units, as editors count). */
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** JSON pointer of the offending value, for problems inside JSON documents. */
  readonly pointer?: string;
  /** How to fix it. */
  readonly hint?: string;
}

/** Creates a diagnostic, dropping undefined fields so JSON output and snapshots stay tidy. */
export function createDiagnostic(d: Diagnostic): Diagnostic {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
  return out as unknown as Diagnostic;
}

/** True when any diagnostic is an error (warnings never fail a check or a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Drops repeats (same file, position, code and message), keeping the first: checks can overlap. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Orders diagnostics by file, line, column, then code, so output is stable whatever order the
 * checks ran in. Problems without a file come first.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
