import path from 'node:path';
import ts from 'typescript';
import { LineIndex, closestMatch, createDiagnostic, uniqueDiagnostics, type Diagnostic } from '../../core/index.ts';
import { generateDeclarations, generateSandboxGlobals, handlerTypeRef, triggerKey, type TriggerDefinition } from '../../triggers/index.ts';
import type { Project, ProjectAction } from '../project.ts';
import { annotateHandlers } from './annotate.ts';
import { checkImports, type ImportRules } from './check-imports.ts';
import { DECLARATIONS_ROOT, PROJECT_ROOT, createMemoryHost } from './compiler-host.ts';
import { findHandlers } from './find-handlers.ts';
import { EditedSource, type Insertion } from './source-edits.ts';

/** TypeScript errors about unresolved modules: checkImports reports those better (declared packages, paths). */
const MODULE_NOT_FOUND = new Set([2307, 2792, 7016]);

const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.Preserve,
  // Every action file is a module, even one with only require(): its top-level names never clash with globals.
  moduleDetection: ts.ModuleDetectionKind.Force,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  types: [],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  noLib: false,
};

export interface TypecheckOptions {
  readonly imports: ImportRules;
  /** Check only these actions (the rest are unchanged since a cached build); all when absent. */
  readonly only?: ReadonlySet<string>;
}

/** An action's module graph (entry first, then sorted) and the problems found in its imports. */
export interface ActionGraph {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Walks the module graph of every action: cheap (no type-checking), and the input of build cache keys. */
export function actionGraphs(project: Project, imports: ImportRules): Map<string, ActionGraph> {
  const out = new Map<string, ActionGraph>();
  for (const action of project.actions.values()) {
    const r = checkImports(action, project.snapshot.files, imports);
    out.set(action.name, { files: r.graph, diagnostics: r.diagnostics });
  }
  return out;
}

/**
 * Type-checks the actions of a project against their triggers, with one TypeScript program per
 * language (strict for TypeScript actions, `checkJs` without strict null checks for JavaScript pasted
 * from Auth0), so the trigger declarations are loaded once however many actions there are.
 * Also checks imports and that each action exports its trigger's handler with the right signature.
 */
export function typecheckProject(project: Project, options: TypecheckOptions, graphs = actionGraphs(project, options.imports)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const groups = { ts: [] as ProjectAction[], js: [] as ProjectAction[] };
  for (const action of project.actions.values()) {
    if (options.only && !options.only.has(action.name)) continue;
    diagnostics.push(...graphs.get(action.name)!.diagnostics);
    (isJsFile(action.entry) ? groups.js : groups.ts).push(action);
  }
  const packages = [...new Set([...project.actions.values()].flatMap((a) => Object.keys(a.meta.dependencies ?? {})))].sort();
  const files = new Map([...graphs].map(([name, g]) => [name, [...g.files]]));
  for (const [lang, actions] of Object.entries(groups)) {
    if (actions.length === 0) continue;
    diagnostics.push(...checkGroup(project, actions, files, packages, lang === 'ts'));
  }
  return uniqueDiagnostics(diagnostics);
}

function checkGroup(project: Project, actions: ProjectAction[], graphs: Map<string, string[]>, packages: string[], strict: boolean): Diagnostic[] {
  const files = project.snapshot.files;
  const vfs = new Map<string, string>();
  const edited = new Map<string, EditedSource>();
  const roots: string[] = [];
  const triggers = new Map<string, TriggerDefinition>();
  for (const action of actions) {
    triggers.set(triggerKey(action.trigger), action.trigger);
    for (const file of graphs.get(action.name) ?? []) {
      const text = files.get(file)!;
      let insertions: Insertion[] = [];
      if (file === action.entry) {
        const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, scriptKind(file));
        insertions = annotateHandlers(sf, action.trigger, isJsFile(file));
      }
      const e = new EditedSource(text, insertions);
      edited.set(`${PROJECT_ROOT}/${file}`, e);
      vfs.set(`${PROJECT_ROOT}/${file}`, e.text);
      if (!file.endsWith('.json')) roots.push(`${PROJECT_ROOT}/${file}`);
    }
  }
  const decl = `${DECLARATIONS_ROOT}/triggers.d.ts`;
  vfs.set(decl, generateDeclarations());
  vfs.set(`${DECLARATIONS_ROOT}/globals.d.ts`, generateSandboxGlobals());
  vfs.set(`${DECLARATIONS_ROOT}/packages.d.ts`, packages.map((p) => `declare module ${JSON.stringify(p)};\ndeclare module ${JSON.stringify(`${p}/*`)};`).join('\n') + '\nexport {};\n');
  const handlerDecls = [...triggers.values()].flatMap((t) =>
    (['execute', 'continue'] as const).filter((k) => t.handlers[k]).map((k) => `declare const ${handlerVar(t, k)}: ${handlerTypeRef(t, k)};`),
  );
  const handlersFile = `${DECLARATIONS_ROOT}/handlers.d.ts`;
  vfs.set(handlersFile, handlerDecls.join('\n') + '\n');
  roots.push(decl, `${DECLARATIONS_ROOT}/globals.d.ts`, `${DECLARATIONS_ROOT}/packages.d.ts`, handlersFile);

  const compilerOptions = { ...BASE_OPTIONS, strict, noImplicitAny: strict, strictNullChecks: strict };
  const program = ts.createProgram({ rootNames: [...new Set(roots)].sort(), options: compilerOptions, host: createMemoryHost(vfs) });
  const checker = program.getTypeChecker();
  const out: Diagnostic[] = [];
  for (const d of [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const converted = toDiagnostic(d, edited);
    if (converted) out.push(converted);
  }
  const handlerTypes = readHandlerTypes(program, checker, handlersFile);
  for (const action of actions) out.push(...checkHandlers(action, program, checker, edited, handlerTypes, files));
  return out;
}

function checkHandlers(
  action: ProjectAction, program: ts.Program, checker: ts.TypeChecker, edited: Map<string, EditedSource>,
  handlerTypes: Map<string, ts.Type>, files: ReadonlyMap<string, string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const vpath = `${PROJECT_ROOT}/${action.entry}`;
  const sf = program.getSourceFile(vpath);
  const e = edited.get(vpath);
  if (!sf || !e) return out;
  const lines = new LineIndex(e.original);
  const pos = (node: ts.Node) => lines.positionAt(e.toOriginal(node.getStart(sf)));
  const found = findHandlers(sf);
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  const exported = new Set(moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map((s) => s.getName()) : []);
  const t = action.trigger;
  const expected = (['execute', 'continue'] as const).flatMap((k) => (t.handlers[k] ? [[k, t.handlers[k]] as const] : []));
  for (const [kind, name] of expected) {
    const h = found.find((f) => f.name === name);
    if (!h && !exported.has(name)) {
      if (kind === 'continue') {
        const redirects = [...files.entries()].some(([f, text]) => f.startsWith(`${action.dir}/`) && /\.\s*sendUserTo\s*\(/.test(text));
        if (redirects) out.push(createDiagnostic({ code: 'E_MISSING_HANDLER', severity: 'error', file: action.entry, line: 1, column: 1, message: `action "${action.name}" redirects with api.redirect.sendUserTo but does not export ${name}`, hint: `Export ${name}(event, api): it runs when the user comes back from the redirect.` }));
        continue;
      }
      const similar = closestMatch(name, [...exported, ...found.map((f) => f.name)]);
      out.push(createDiagnostic({ code: 'E_MISSING_HANDLER', severity: 'error', file: action.entry, line: 1, column: 1, message: `action "${action.name}" does not export ${name}, the handler of ${triggerKey(t)}`, hint: similar ? `Did you mean to name "${similar}" ${name}?` : `Add: exports.${name} = async (event, api) => { … };` }));
      continue;
    }
    const target = handlerTypes.get(handlerVar(t, kind));
    const type = h?.fn ? checker.getTypeAtLocation(h.fn) : exportedType(checker, moduleSymbol, name);
    if (target && type && !checker.isTypeAssignableTo(type, target)) {
      const at = h ? pos(h.nameNode) : { line: 1, column: 1 };
      out.push(createDiagnostic({
        code: 'E_HANDLER_SIGNATURE', severity: 'error', file: action.entry, line: at.line, column: at.column,
        message: `${name} does not have the ${triggerKey(t)} handler signature: its type is ${checker.typeToString(type)}`,
        hint: `Write it as async (event, api) => { … }; ${triggerKey(t)} expects ${checker.typeToString(target)}.`,
      }));
    }
  }
  const names = new Set(expected.map(([, n]) => n));
  for (const h of found) {
    if (names.has(h.name)) continue;
    const p = pos(h.nameNode);
    out.push(createDiagnostic({ code: 'E_HANDLER_TRIGGER_MISMATCH', severity: 'error', file: action.entry, line: p.line, column: p.column, message: `${h.name} is not a handler of ${triggerKey(t)}, so it would never run`, hint: `${triggerKey(t)} calls ${[...names].join(' and ')}. Check "trigger" in ${action.metaFile}.` }));
  }
  return out;
}

function exportedType(checker: ts.TypeChecker, moduleSymbol: ts.Symbol | undefined, name: string): ts.Type | undefined {
  const sym = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === name);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  return sym && decl ? checker.getTypeOfSymbolAtLocation(sym, decl) : undefined;
}

function readHandlerTypes(program: ts.Program, checker: ts.TypeChecker, file: string): Map<string, ts.Type> {
  const out = new Map<string, ts.Type>();
  const sf = program.getSourceFile(file);
  for (const st of sf?.statements ?? []) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, checker.getTypeAtLocation(d.name));
  }
  return out;
}

function handlerVar(t: TriggerDefinition, kind: 'execute' | 'continue'): string {
  return `__actuate_${t.typeName}_${t.version}_${kind}`;
}

function toDiagnostic(d: ts.Diagnostic, edited: Map<string, EditedSource>): Diagnostic | undefined {
  if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning) return undefined;
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (MODULE_NOT_FOUND.has(d.code)) return undefined;
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
  if (!d.file || d.start === undefined) return createDiagnostic({ code: 'E_TYPECHECK', severity, message, hint: `TypeScript TS${d.code}.` });
  const e = edited.get(d.file.fileName);
  if (!e) {
    // A problem inside our generated declarations is our bug, not the user's.
    return createDiagnostic({ code: 'E_INTERNAL_DECLARATIONS', severity: 'error', message: `${path.posix.basename(d.file.fileName)}: ${message}`, hint: 'This is a bug in Actuate; please report it.' });
  }
  const lines = new LineIndex(e.original);
  const start = lines.positionAt(e.toOriginal(d.start));
  const end = lines.positionAt(e.toOriginal(d.start + (d.length ?? 0)));
  return createDiagnostic({
    code: 'E_TYPECHECK', severity, message, file: d.file.fileName.slice(PROJECT_ROOT.length + 1),
    line: start.line, column: start.column, endLine: end.line, endColumn: end.column, hint: `TypeScript TS${d.code}.`,
  });
}

function isJsFile(f: string): boolean {
  return /\.(c|m)?jsx?$/.test(f);
}

/** How TypeScript parses an action file, by its extension (JS files are checked as JavaScript). */
export function scriptKind(f: string): ts.ScriptKind {
  return f.endsWith('.tsx') ? ts.ScriptKind.TSX : f.endsWith('.jsx') ? ts.ScriptKind.JSX : isJsFile(f) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

