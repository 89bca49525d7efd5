import ts from 'typescript';
import { findHandlers } from './find-handlers.ts';
import { exportsAreStatic } from './static-exports.ts';
import { isNonReferenceName, isTypeOnly, outermostWrapper, staticKeyName, stripWrappers } from './syntax-positions.ts';

/**
 * Code that can reach local variables or build code from strings. Matched in the raw text, comments
 * and strings included, so it errs towards refusing.
 */
const DYNAMIC_CODE = /\beval\b|\bFunction\s*\(|\bnew\s+Function\b/;

/** Each section read: the set of its fields read, or `undefined` for the whole section. */
type Reads = Map<string, Set<string> | undefined>;

/** The trigger's sections with their known fields (see {@link findEventReads}). */
type Sections = ReadonlyMap<string, ReadonlySet<string> | undefined>;

/**
 * What an action's handlers read of `event`, sorted: whole top-level properties (sections, `"user"`)
 * or single fields of one (`"user.email"`, never deeper); `undefined` when that cannot be known for
 * certain.
 *
 * Why: the runner parses the event JSON inside QuickJS once per action (about 18 µs per kB, 55 µs for
 * a 3 kB Auth0 event). Knowing that an action only reads `event.user.email` and `event.request`, the
 * runner can send just those. A wrong answer would silently hand user code a partial event, so the
 * analysis is purely syntactic and refuses (`undefined` = send the whole event) on every doubt:
 *  - the file mentions `eval`, `Function(` or `new Function`;
 *  - no handler in `handlerNames` is found, a found one has no analysable function, or the module's
 *    exports are not static enough to be sure the found functions are the ones called
 *    (static-exports.ts);
 *  - a handler uses `arguments` or `with`, or takes a rest or array-pattern first parameter;
 *  - the event parameter is declared again anywhere inside the handler (any shadowing);
 *  - the event is used other than as `e.S`, `e?.S`, `e['S']` (through `( )`, `as`, `satisfies`, `!`)
 *    or `const { S, T: t } = e`: passed, spread, stored, returned, compared, `e[k]`, `'S' in e`, …;
 *  - a property read is not one of `sections` (`e.hasOwnProperty`, `e.constructor`, a typo);
 *  - a destructuring of the event has a rest element or a computed key.
 * A handler without parameters reads nothing. Writes (`e.user = …`) count as reads.
 *
 * A section `S` is narrowed to fields only where every use is a field `F` of `sections.get(S)`:
 *  - `e.S.F`, `e.S?.F`, `e?.S.F`, `e.S['F']` (wrappers allowed around `e.S`), whatever is then done
 *    with that field (`e.S.F.x`, `e.S.F.trim()`, `e.S.F = v`, `delete e.S.F`), except calling it as
 *    a method (`e.S.F()`, whose `this` is the whole section);
 *  - `const { S: { F, G: g = 1 } } = e` and a first parameter `({ S: { F } })`, when the inner
 *    pattern is not empty and has no rest element or computed key.
 * Any other use of `e.S` (`const { S } = e`, `if (e.S)`, `e.S[k]`, `e.S.toString()`, `e.S = x`, …)
 * reads the whole section, and a whole-section read anywhere, in any handler, wins over its fields.
 *
 * @param sf the action's entry file, parsed with parent pointers (`setParentNodes: true`).
 * @param handlerNames the trigger's handler names; those the file does not export are skipped.
 * @param sections the trigger's top-level event property names, each with the names of its fields, or
 *   `undefined` when the section has no fixed fields (it is then only ever read whole).
 */
export function findEventReads(sf: ts.SourceFile, handlerNames: readonly string[], sections: Sections): string[] | undefined {
  if (DYNAMIC_CODE.test(sf.text)) return undefined;
  const names = new Set(handlerNames);
  const found = findHandlers(sf).filter((h) => names.has(h.name));
  if (found.length === 0 || !exportsAreStatic(sf, names, found)) return undefined;
  const reads: Reads = new Map();
  for (const h of found) {
    if (!h.fn || !handlerReads(h.fn, sections, reads)) return undefined;
  }
  const out: string[] = [];
  for (const [section, fields] of reads) {
    // A dot would make the entry ambiguous for the runner ("a.b" is field b of section a).
    if (!isPathPart(section)) return undefined;
    if (fields === undefined) out.push(section);
    else for (const f of fields) out.push(`${section}.${f}`);
  }
  return out.sort();
}

/** Adds what one handler reads to `reads`; false when it cannot be analysed. */
function handlerReads(fn: ts.FunctionLikeDeclaration, sections: Sections, reads: Reads): boolean {
  if (!fn.body || usesUnsafeSyntax(fn)) return false;
  const params = fn.parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this'));
  const [first, ...rest] = params;
  if (!first) return true;
  if (first.dotDotDotToken) return false;
  if (ts.isArrayBindingPattern(first.name)) return false;
  if (ts.isObjectBindingPattern(first.name)) return patternReads(first.name, sections, reads);
  const name = first.name.text;
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node.text === name && !isNonReferenceName(node)) ok = addEventUse(node, sections, reads);
    if (isTypeOnly(node)) return;
    ts.forEachChild(node, visit);
  };
  if (first.initializer) visit(first.initializer);
  for (const p of rest) visit(p);
  visit(fn.body);
  return ok;
}

/**
 * Records what one reference to the event parameter reads; false when the use is anything other
 * than a static member access or a destructuring declaration.
 */
function addEventUse(id: ts.Identifier, sections: Sections, reads: Reads): boolean {
  const outer = outermostWrapper(id);
  const p = outer.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === outer) {
    const section = memberName(p);
    if (section === undefined || !sections.has(section)) return false;
    const field = fieldRead(p, sections.get(section));
    if (field === undefined) addWhole(reads, section);
    else addField(reads, section, field);
    return true;
  }
  if (ts.isVariableDeclaration(p) && p.initializer === outer && ts.isObjectBindingPattern(p.name)) return patternReads(p.name, sections, reads);
  return false;
}

/**
 * The known field that the section access `access` (`e.S`) is immediately narrowed to (`e.S.F`,
 * `e.S?.F`, `(e.S as T)['F']`), or undefined when the section is used in any other way.
 */
function fieldRead(access: ts.Expression, fields: ReadonlySet<string> | undefined): string | undefined {
  if (fields === undefined) return undefined;
  const outer = outermostWrapper(access);
  const p = outer.parent;
  if (!(ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) || p.expression !== outer) return undefined;
  const field = memberName(p);
  if (field === undefined || !fields.has(field) || !isPathPart(field)) return undefined;
  // `e.S.F()` runs F with `this` = the whole section (only after the action stored a function there).
  const use = outermostWrapper(p);
  const q = use.parent;
  const called = (ts.isCallExpression(q) && q.expression === use) || (ts.isTaggedTemplateExpression(q) && q.tag === use);
  return called ? undefined : field;
}

/** The name a member access spells statically (`x.a`, `x?.a`, `x['a']`, ``x[`a`]``), or undefined. */
function memberName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(access)) return ts.isIdentifier(access.name) ? access.name.text : undefined;
  const arg = stripWrappers(access.argumentExpression);
  return ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : undefined;
}

/**
 * Adds what an object pattern over the event reads: each key is a section, narrowed to fields when
 * its value is itself a plain object pattern of known fields. False on a rest element, a computed key
 * or a key that is not a section.
 */
function patternReads(pattern: ts.ObjectBindingPattern, sections: Sections, reads: Reads): boolean {
  for (const el of pattern.elements) {
    const section = bindingKey(el);
    if (el.dotDotDotToken || section === undefined || !sections.has(section)) return false;
    const fields = ts.isObjectBindingPattern(el.name) ? patternFields(el.name, sections.get(section)) : undefined;
    if (fields === undefined) addWhole(reads, section);
    else for (const f of fields) addField(reads, section, f);
  }
  return true;
}

/** The keys of a pattern over one section when all are known fields, or undefined (read it whole). */
function patternFields(pattern: ts.ObjectBindingPattern, known: ReadonlySet<string> | undefined): string[] | undefined {
  // An empty pattern `{ S: {} }` reads no field yet throws when S is missing: keep the section.
  if (known === undefined || pattern.elements.length === 0) return undefined;
  const fields: string[] = [];
  for (const el of pattern.elements) {
    const key = bindingKey(el);
    if (el.dotDotDotToken || key === undefined || !known.has(key) || !isPathPart(key)) return undefined;
    fields.push(key);
  }
  return fields;
}

/** The property a binding element reads (`{ a }`, `{ a: x }`, `{ 'a': x }`), or undefined for a computed key. */
function bindingKey(el: ts.BindingElement): string | undefined {
  if (el.propertyName) return staticKeyName(el.propertyName);
  return ts.isIdentifier(el.name) ? el.name.text : undefined;
}

function addWhole(reads: Reads, section: string): void {
  reads.set(section, undefined);
}

function addField(reads: Reads, section: string, field: string): void {
  if (!reads.has(section)) reads.set(section, new Set([field]));
  else reads.get(section)?.add(field); // undefined: the whole section is already read
}

/** A name that can be one part of a `section.field` entry. */
function isPathPart(name: string): boolean {
  return name !== '' && !name.includes('.');
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
