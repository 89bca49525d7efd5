import ts from 'typescript';
import { LineIndex, closestMatch, createDiagnostic, type Diagnostic } from '../../core/index.ts';
import type { ProjectAction } from '../project.ts';
import { isRelative, packageName, resolveRelative } from './resolve-path.ts';

export interface ImportRules {
  /** Node built-ins the sandbox provides (without `node:`). */
  readonly supportedBuiltins: ReadonlySet<string>;
  /** The built-in a specifier names (without `node:`), or undefined for an npm package. */
  readonly builtinName: (specifier: string) => string | undefined;
  /** What to use instead of a built-in the sandbox lacks. */
  readonly unsupportedHint: (name: string) => string;
}

/** Specifiers that are types only and always available (Auth0's official type package). */
const TYPE_PACKAGES = new Set(['@auth0/actions']);

/**
 * Walks an action's module graph (entry, then relative imports) in the snapshot and checks every
 * bare import: a declared npm dependency, a built-in the sandbox provides, or an error at the
 * import's file:line:col. Returns the files of the action's graph too (they are type-checked).
 */
export function checkImports(
  action: ProjectAction,
  files: ReadonlyMap<string, string>,
  rules: ImportRules,
): { diagnostics: Diagnostic[]; graph: string[] } {
  const diagnostics: Diagnostic[] = [];
  const declared = Object.keys(action.meta.dependencies ?? {});
  const seen = new Set<string>([action.entry]);
  const queue = [action.entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = files.get(file);
    if (text === undefined || file.endsWith('.json')) continue;
    const lines = new LineIndex(text);
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      const pos = lines.positionAt(ref.pos);
      const d = (code: string, message: string, hint: string) =>
        diagnostics.push(createDiagnostic({ code, severity: 'error', message, hint, file, line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column + spec.length + 2 }));
      if (isRelative(spec)) {
        const target = resolveRelative(files, file, spec);
        if (target === undefined) d('E_IMPORT_NOT_FOUND', `cannot find "${spec}" imported by ${file}`, 'Check the path: imports resolve among the committed files of the repository.');
        else if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
        continue;
      }
      const builtin = declared.includes(spec) ? undefined : rules.builtinName(spec);
      if (builtin !== undefined) {
        if (!rules.supportedBuiltins.has(builtin)) {
          d('E_UNSUPPORTED_BUILTIN', `"${spec}" is a Node.js built-in that the Actuate sandbox does not provide`, rules.unsupportedHint(builtin));
        }
        continue;
      }
      const name = packageName(spec);
      if (TYPE_PACKAGES.has(name) || declared.includes(name)) continue;
      const guess = closestMatch(name, declared);
      d('E_UNDECLARED_PACKAGE', `"${name}" is imported by ${file} but not declared in ${action.metaFile}`, guess ? `Did you mean "${guess}"?` : `Add "dependencies": { "${name}": "<exact version>" } to ${action.metaFile}.`);
    }
  }
  return { diagnostics, graph: [...seen].sort() };
}
