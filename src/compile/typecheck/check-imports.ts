import { builtinModules } from 'node:module';
import ts from 'typescript';
import { LineIndex, closestMatch, createDiagnostic, type Diagnostic } from '../../core/index.ts';
import type { ProjectAction } from '../project.ts';
import { isRelative, packageName, resolveRelative } from './resolve-path.ts';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

export interface ImportRules {
  /** Node built-ins the sandbox provides (without `node:`). */
  readonly supportedBuiltins: ReadonlySet<string>;
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
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      const builtin = bare.split('/')[0]!;
      if (spec.startsWith('node:') || (NODE_BUILTINS.has(builtin) && !declared.includes(builtin))) {
        if (!rules.supportedBuiltins.has(builtin)) {
          d('E_UNSUPPORTED_BUILTIN', `"${spec}" is a Node.js built-in that the Actuate sandbox does not provide`, `Actions run in an isolated sandbox without ${builtin}. Available built-ins: ${[...rules.supportedBuiltins].sort().join(', ')}; use fetch for HTTP.`);
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
