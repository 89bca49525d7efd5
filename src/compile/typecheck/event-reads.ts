import ts from 'typescript';
import { findHandlers } from './find-handlers.ts';
import { exportsAreStatic } from './static-exports.ts';
import { isNonReferenceName, outermostWrapper, staticKeyName, stripWrappers } from './syntax-positions.ts';

/**
 * Code that can reach local variables or build code from strings. Matched in the raw text, comments
 * and strings included, so it errs towards refusing.
 */
const DYNAMIC_CODE = /\beval\b|\bFunction\s*\(|\bnew\s+Function\b/;

/**
 * The top-level `event` properties (sections) an action's handlers read, sorted, or `undefined` when
 * that cannot be known for certain.
 *
 * Why: the runner parses the event JSON inside QuickJS once per action (about 18 µs per kB, 55 µs for
 * a 3 kB Auth0 event). Knowing that an action only reads `event.user` and `event.request`, the runner
 * can send just those sections. A wrong answer would silently hand user code a partial event, so the
 * analysis is purely syntactic and refuses (`undefined` = send the whole event) on every doubt:
 *  - the file mentions `eval`, `Function(` or `new Function`;
 *  - no handler in `handlerNames` is found, a found one has no analysable function, or the module's
 *    exports are not static enough to be sure the found functions are the ones called
 *    (static-exports.ts);
 *  - a handler uses `arguments` or `with`, or takes a rest or array-pattern first parameter;
 *  - the event parameter is declared again anywhere inside the handler (any shadowing);
 *  - the event is used other than as `e.x`, `e?.x`, `e['x']` (through `( )`, `as`, `satisfies`, `!`)
 *    or `const { x, y: z } = e`: passed, spread, stored, returned, compared, `e[k]`, `'x' in e`, …;
 *  - a property read is not one of `sections` (`e.hasOwnProperty`, `e.constructor`, a typo);
 *  - a destructuring of the event has a rest element or a computed key.
 * A handler without parameters reads nothing. Writes (`e.user = …`) count as reads.
 *
 * @param sf the action's entry file, parsed with parent pointers (`setParentNodes: true`).
 * @param handlerNames the trigger's handler names; those the file does not export are skipped.
 * @param sections the trigger's top-level event property names.
 */
export function findEventReads(sf: ts.SourceFile, handlerNames: readonly string[], sections: ReadonlySet<string>): string[] | undefined {
  if (DYNAMIC_CODE.test(sf.text)) return undefined;
  const names = new Set(handlerNames);
  const found = findHandlers(sf).filter((h) => names.has(h.name));
  if (found.length === 0 || !exportsAreStatic(sf, names, found)) return undefined;
  const reads = new Set<string>();
  for (const h of found) {
    const own = h.fn && handlerReads(h.fn);
    if (!own) return undefined;
    for (const s of own) {
      if (!sections.has(s)) return undefined;
      reads.add(s);
    }
  }
  return [...reads].sort();
}

/** The sections one handler reads, or undefined when it cannot be analysed. */
function handlerReads(fn: ts.FunctionLikeDeclaration): Set<string> | undefined {
  if (!fn.body || usesUnsafeSyntax(fn)) return undefined;
  const params = fn.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
  const [first, ...rest] = params;
  const reads = new Set<string>();
  if (!first) return reads;
  if (first.dotDotDotToken) return undefined;
  if (ts.isArrayBindingPattern(first.name)) return undefined;
  if (ts.isObjectBindingPattern(first.name)) return patternKeys(first.name, reads) ? reads : undefined;
  const name = first.name.text;
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node.text === name && !isNonReferenceName(node)) ok = addEventUse(node, reads);
    if (isTypeOnly(node)) return;
    ts.forEachChild(node, visit);
  };
  if (first.initializer) visit(first.initializer);
  for (const p of rest) visit(p);
  visit(fn.body);
  return ok ? reads : undefined;
}

/**
 * Records what one reference to the event parameter reads; false when the use is anything other
 * than a static member access or a destructuring declaration.
 */
function addEventUse(id: ts.Identifier, reads: Set<string>): boolean {
  const outer = outermostWrapper(id);
  const p = outer.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === outer) {
    if (!ts.isIdentifier(p.name)) return false;
    reads.add(p.name.text);
    return true;
  }
  if (ts.isElementAccessExpression(p) && p.expression === outer) {
    const arg = stripWrappers(p.argumentExpression);
    if (!ts.isStringLiteral(arg) && !ts.isNoSubstitutionTemplateLiteral(arg)) return false;
    reads.add(arg.text);
    return true;
  }
  if (ts.isVariableDeclaration(p) && p.initializer === outer && ts.isObjectBindingPattern(p.name)) return patternKeys(p.name, reads);
  return false;
}

/** Adds the keys an object pattern reads at its top level; false on a rest element or computed key. */
function patternKeys(pattern: ts.ObjectBindingPattern, reads: Set<string>): boolean {
  for (const el of pattern.elements) {
    if (el.dotDotDotToken) return false;
    const key = el.propertyName ? staticKeyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    if (key === undefined) return false;
    reads.add(key);
  }
  return true;
}

/** `arguments` (which aliases the event) or a `with` statement anywhere in the handler, nested functions included. */
function usesUnsafeSyntax(fn: ts.FunctionLikeDeclaration): boolean {
  let unsafe = false;
  const visit = (node: ts.Node): void => {
    if (unsafe) return;
    if ((ts.isIdentifier(node) && node.text === 'arguments') || ts.isWithStatement(node)) unsafe = true;
    else ts.forEachChild(node, visit);
  };
  for (const p of fn.parameters) visit(p);
  if (fn.body) visit(fn.body);
  return unsafe;
}

/** Type annotations, interfaces and type aliases: erased before run time, so nothing in them reads a value. */
function isTypeOnly(node: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  // `class A extends Base<T>` is an ExpressionWithTypeArguments whose expression does run.
  return ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node);
}
