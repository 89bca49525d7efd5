import ts from 'typescript';
import type { FoundHandler } from './find-handlers.ts';
import { isNonReferenceName, isTypeOnly, isWriteTarget, outermostWrapper, staticKeyName } from './syntax-positions.ts';

/**
 * True when the functions `findHandlers` located are certainly the ones the runtime will call under
 * `names`, and no other handler of those names can appear at run time.
 *
 * Why: event-reads.ts treats a handler it cannot find as absent (it reads nothing). That is only safe
 * when the module's exports are written in shapes `findHandlers` sees. Refused (false):
 *  - ESM: `export * from`, a handler re-exported from another module, `export =`, an exported
 *    destructuring (`export const { onExecute… } = impl`);
 *  - CommonJS: any use of `exports` / `module` other than reading `exports.X`, a top-level statement
 *    `exports.X = …` / `module.exports.X = …`, or a top-level `module.exports = { … }` whose keys are
 *    all plain (no spread, computed, string or accessor key naming a handler); writes to a handler
 *    name anywhere else (`exports[name] = …`, inside a function) too; a top-level `this` (exports in
 *    CommonJS);
 *  - a handler exported by reference (`export { h as onExecute… }`, `exports.X = h`, `export let X`)
 *    whose binding is declared more than once (in any scope) or assigned anywhere in the file.
 */
export function exportsAreStatic(sf: ts.SourceFile, names: ReadonlySet<string>, found: readonly FoundHandler[]): boolean {
  for (const st of sf.statements) if (!esmStatementIsStatic(st, names)) return false;
  const bindings = new Set<string>();
  for (const h of found) {
    const b = h.fn && bindingName(h.fn);
    if (b !== undefined) bindings.add(b);
  }
  let ok = true;
  const declarations = new Map<string, number>();
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (!ok) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword && !inFunction) ok = false;
    else if (ts.isIdentifier(node) && !isNonReferenceName(node)) {
      if (node.text === 'exports' || node.text === 'module') ok = exportsUseIsStatic(node, names);
      else if (bindings.has(node.text)) {
        if (isWriteTarget(node)) ok = false;
        if (isDeclarationName(node)) declarations.set(node.text, (declarations.get(node.text) ?? 0) + 1);
      }
    }
    const rebindsThis = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isConstructorDeclaration(node);
    if (isTypeOnly(node)) return;
    ts.forEachChild(node, (c) => visit(c, inFunction || rebindsThis));
  };
  visit(sf, false);
  // Declared once in the whole file: a second `var h`, `function h` or a nested `var h` in a block
  // could replace the function findHandlers took (shadowing in a nested scope is refused too).
  return ok && [...bindings].every((b) => declarations.get(b) === 1);
}

function esmStatementIsStatic(st: ts.Statement, names: ReadonlySet<string>): boolean {
  if (ts.isExportDeclaration(st)) {
    if (!st.exportClause) return false; // export * from '…'
    if (ts.isNamespaceExport(st.exportClause)) return !names.has(st.exportClause.name.text);
    // Re-exports from another module are invisible to findHandlers.
    return !st.moduleSpecifier || st.exportClause.elements.every((el) => !names.has(el.name.text));
  }
  if (ts.isExportAssignment(st)) return !st.isExportEquals;
  const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
  if (!exported) return true;
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.every((d) => ts.isIdentifier(d.name));
  if (ts.isFunctionDeclaration(st)) return true;
  const name = (st as { name?: ts.Node }).name;
  return !(name && ts.isIdentifier(name) && names.has(name.text)); // export class/enum/namespace/import= named like a handler
}

/**
 * Checks one reference to `exports` or `module`. Wrappers (`(exports).x`) are refused: findHandlers
 * matches the bare forms only.
 */
function exportsUseIsStatic(id: ts.Identifier, names: ReadonlySet<string>): boolean {
  let target: ts.Expression = id;
  if (id.text === 'module') {
    const p = id.parent;
    if (!ts.isPropertyAccessExpression(p) || p.expression !== id || p.name.text !== 'exports') return false;
    target = p;
  }
  if (isWriteTarget(target)) {
    // Only `module.exports = { … }`, as a top-level statement; never `exports = …`.
    const assign = target.parent;
    return target !== id && ts.isBinaryExpression(assign) && assign.left === target && isStaticModuleExportsAssignment(assign, names);
  }
  const m = target.parent;
  let key: string | undefined;
  if (ts.isPropertyAccessExpression(m) && m.expression === target) key = m.name.text;
  else if (ts.isElementAccessExpression(m) && m.expression === target) {
    const arg = m.argumentExpression;
    key = ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : undefined;
  } else {
    return false; // passed, spread, returned, declared, …
  }
  if (!isWriteTarget(m)) return true; // reading exports.x or exports[k] is harmless
  if (key === undefined) return false; // exports[k] = …
  if (!names.has(key)) return true; // exports.counter++
  // A write to a handler name: only the top-level statement `exports.X = …` that findHandlers reads.
  const assign = m.parent;
  return ts.isPropertyAccessExpression(m) && ts.isBinaryExpression(assign) && assign.left === m && assign.operatorToken.kind === ts.SyntaxKind.EqualsToken && isTopLevelStatement(assign);
}

function isStaticModuleExportsAssignment(assign: ts.BinaryExpression, names: ReadonlySet<string>): boolean {
  if (assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isTopLevelStatement(assign) || !ts.isObjectLiteralExpression(assign.right)) return false;
  return assign.right.properties.every((p) => {
    if (ts.isSpreadAssignment(p) || !p.name) return false;
    const key = staticKeyName(p.name);
    if (key === undefined) return false;
    if (!names.has(key)) return true;
    const plain = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p);
    return plain && ts.isIdentifier(p.name);
  });
}

function isTopLevelStatement(e: ts.Expression): boolean {
  return ts.isExpressionStatement(e.parent) && ts.isSourceFile(e.parent.parent);
}

/** The local name a handler function is bound to (`function h`, `const h = …`), when it has one. */
function bindingName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const p = outermostWrapper(fn).parent;
  return ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

/** True when `id` is the name a declaration introduces (variable, parameter, function, class, import, …). */
function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    (ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isFunctionExpression(p) ||
      ts.isClassDeclaration(p) ||
      ts.isClassExpression(p) ||
      ts.isBindingElement(p) ||
      ts.isImportClause(p) ||
      ts.isImportSpecifier(p) ||
      ts.isNamespaceImport(p) ||
      ts.isImportEqualsDeclaration(p) ||
      ts.isEnumDeclaration(p) ||
      ts.isModuleDeclaration(p)) &&
    p.name === id
  );
}
