import ts from 'typescript';

/**
 * Small questions about where an identifier sits in the syntax tree, shared by the conservative
 * analyses in event-reads.ts and static-exports.ts. Both only need syntax (no type checker), so a
 * file can be analysed from its parse alone.
 */

/**
 * True when `id` is a name that does not look up a binding: the property of `x.id`, an object-literal
 * or class member key, the key of `{ id: y } = …`, a label, a JSX attribute or the right side of a
 * qualified name. Everything else, declarations included, is treated as a reference, so a caller that
 * only accepts known reference shapes refuses declarations (shadowing) for free.
 */
export function isNonReferenceName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isQualifiedName(p)) return p.right === id;
  if (
    ts.isPropertyAssignment(p) ||
    ts.isPropertyDeclaration(p) ||
    ts.isMethodDeclaration(p) ||
    ts.isGetAccessorDeclaration(p) ||
    ts.isSetAccessorDeclaration(p) ||
    ts.isPropertySignature(p) ||
    ts.isMethodSignature(p) ||
    ts.isEnumMember(p) ||
    ts.isJsxAttribute(p)
  ) {
    return p.name === id;
  }
  if (ts.isBindingElement(p)) return p.propertyName === id;
  if (ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) return p.label === id;
  return false;
}

/** True for the wrappers that leave a value unchanged at run time: `( )`, `as`, `satisfies`, `!`, `<T>x`. */
export function isTransparentWrapper(node: ts.Node): node is ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node)
  );
}

/** The outermost transparent wrapper around `node` (`((e as any))` for `e`), or `node` itself. */
export function outermostWrapper(node: ts.Expression): ts.Expression {
  let cur = node;
  while (isTransparentWrapper(cur.parent) && cur.parent.expression === cur) cur = cur.parent;
  return cur;
}

/** `node` with its transparent wrappers removed (`e` for `((e as any))`). */
export function stripWrappers(node: ts.Expression): ts.Expression {
  let cur = node;
  while (isTransparentWrapper(cur)) cur = cur.expression;
  return cur;
}

/**
 * True when the expression is written to rather than only read: the target of `=` or a compound
 * assignment, of `++`/`--`, of `delete`, the variable of a `for…in`/`for…of`, or anything inside a
 * destructuring assignment's target (`[x] = …`, `({ a: x } = …)`).
 */
export function isWriteTarget(node: ts.Expression): boolean {
  let cur: ts.Node = outermostWrapper(node);
  for (;;) {
    const p = cur.parent;
    if (ts.isBinaryExpression(p)) return p.left === cur && isAssignmentOperator(p.operatorToken.kind);
    if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) {
      return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
    }
    if (ts.isDeleteExpression(p)) return true;
    if (ts.isForInStatement(p) || ts.isForOfStatement(p)) return p.initializer === cur;
    // Inside an object or array literal: a write only when that literal is itself a target.
    if (ts.isShorthandPropertyAssignment(p) && p.name === cur) cur = p.parent;
    else if (ts.isPropertyAssignment(p) && p.initializer === cur) cur = p.parent;
    else if (ts.isSpreadAssignment(p) || ts.isSpreadElement(p)) cur = p.parent;
    else if (ts.isArrayLiteralExpression(p)) cur = p;
    else return false;
    if (ts.isObjectLiteralExpression(cur) || ts.isArrayLiteralExpression(cur)) cur = outermostWrapper(cur);
  }
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** The property name a member key spells statically (`a`, `'a'`, `1`), or undefined for a computed or private key. */
export function staticKeyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** Type annotations, interfaces and type aliases: erased before run time, so nothing in them reads or writes a value. */
export function isTypeOnly(node: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  // `class A extends Base<T>` is an ExpressionWithTypeArguments whose expression does run.
  return ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node);
}
