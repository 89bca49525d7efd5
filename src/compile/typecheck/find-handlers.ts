import ts from 'typescript';

/** A handler function found in a module's syntax, with the node that names it (for positions). */
export interface FoundHandler {
  readonly name: string;
  /** The function that implements it, when it is written in this file. */
  readonly fn: ts.FunctionLikeDeclaration | undefined;
  /** Where the export is named: the identifier or property name. */
  readonly nameNode: ts.Node;
}

/**
 * Finds exported functions in the shapes Auth0 code is written in, so their parameters can be typed
 * from the trigger even when the user wrote no annotation:
 *   exports.X = fn · module.exports.X = fn · module.exports = { X, X: fn, X() {} }
 *   export const X = fn · export function X() {} · export { X } · exports.X = X (a local function)
 * Returns every exported name that looks like a handler (`onExecute…` / `onContinue…`).
 */
export function findHandlers(sf: ts.SourceFile): FoundHandler[] {
  const locals = new Map<string, ts.FunctionLikeDeclaration>();
  const found: FoundHandler[] = [];
  const add = (name: string, value: ts.Node | undefined, nameNode: ts.Node) => {
    if (!/^on(Execute|Continue)[A-Z]/.test(name)) return;
    found.push({ name, fn: value ? asFunction(value, locals) : undefined, nameNode });
  };
  // First pass: local function declarations and `const f = () => {}` (for exports by reference).
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) locals.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const fn = d.initializer && unwrapFunction(d.initializer);
        if (ts.isIdentifier(d.name) && fn) locals.set(d.name.text, fn);
      }
    }
  }
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isFunctionDeclaration(st) && st.name) add(st.name.text, st, st.name);
    if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, d.initializer, d.name);
    }
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) add(el.name.text, ts.factory.createIdentifier((el.propertyName ?? el.name).getText(sf)), el.name);
    }
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = st.expression;
      if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) add(left.name.text, right, left.name);
      if (isModuleExports(left) && ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) add(p.name.text, p.initializer, p.name);
          else if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name, p.name);
          else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) add(p.name.text, p, p.name);
        }
      }
    }
  }
  return found;
}

function asFunction(node: ts.Node, locals: ReadonlyMap<string, ts.FunctionLikeDeclaration>): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node;
  if (ts.isIdentifier(node)) return locals.get(node.text);
  return ts.isExpression(node) ? unwrapFunction(node) : undefined;
}

function unwrapFunction(e: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  let cur: ts.Expression = e;
  while (ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur)) cur = cur.expression;
  return ts.isArrowFunction(cur) || ts.isFunctionExpression(cur) ? cur : undefined;
}

function isExportsObject(e: ts.Expression): boolean {
  return (ts.isIdentifier(e) && e.text === 'exports') || isModuleExports(e);
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
}
