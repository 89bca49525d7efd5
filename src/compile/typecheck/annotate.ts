import ts from 'typescript';
import { apiTypeRef, eventTypeRef, type TriggerDefinition } from '../../triggers/index.ts';
import { findHandlers } from './find-handlers.ts';
import type { Insertion } from './source-edits.ts';

/**
 * Computes the insertions that type an action's handler parameters from its trigger when the user
 * wrote none, the way Auth0's editor does: `(event, api)` becomes `(event: Event, api: API)` in
 * TypeScript and `(/** @type {Event} *\/ event, …)` in JavaScript. Only the handler's own line(s)
 * change, and positions are mapped back afterwards.
 */
export function annotateHandlers(sf: ts.SourceFile, trigger: TriggerDefinition, isJs: boolean): Insertion[] {
  const names = new Set([trigger.handlers.execute, trigger.handlers.continue].filter((n): n is string => n !== undefined));
  const types = [eventTypeRef(trigger), apiTypeRef(trigger)];
  const out: Insertion[] = [];
  for (const h of findHandlers(sf)) {
    if (!names.has(h.name) || !h.fn) continue;
    const fn = h.fn;
    const params = fn.parameters.slice(0, 2);
    if (params.length === 0) continue;
    const needsParens = ts.isArrowFunction(fn) && !fn.getChildren(sf).some((c) => c.kind === ts.SyntaxKind.OpenParenToken);
    if (isJs) out.push(...qualifyDashboardJsDoc(sf, params, trigger));
    params.forEach((p, i) => {
      if (p.type || p.dotDotDotToken || (isJs && ts.getJSDocParameterTags(p).length > 0) || (isJs && ts.getJSDocType(p))) return;
      const type = types[i]!;
      const start = p.getStart(sf);
      if (isJs) {
        out.push({ offset: start, text: `${needsParens ? '(' : ''}/** @type {${type}} */ ` });
        if (needsParens) out.push({ offset: p.end, text: ')' });
      } else {
        const after = p.questionToken ? p.questionToken.end : p.name.end;
        if (needsParens) out.push({ offset: start, text: '(' });
        out.push({ offset: after, text: `: ${type}${needsParens ? ')' : ''}` });
      }
    });
  }
  return out;
}

/**
 * Auth0's dashboard template documents handlers with `@param {Event} event` and
 * `@param {PostLoginAPI} api`, names that only exist in Auth0's editor. Qualify them with the
 * matching `@auth0/actions/<trigger>/<version>` module (an insertion before the name), so pasted
 * code type-checks unchanged and gets the real types.
 */
function qualifyDashboardJsDoc(sf: ts.SourceFile, params: readonly ts.ParameterDeclaration[], trigger: TriggerDefinition): Insertion[] {
  const names = new Set(['Event', `${trigger.typeName}API`]);
  const out: Insertion[] = [];
  for (const p of params) {
    for (const tag of ts.getJSDocParameterTags(p)) {
      const type = tag.typeExpression?.type;
      if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && names.has(type.typeName.text)) {
        out.push({ offset: type.typeName.getStart(sf), text: `import("@auth0/actions/${trigger.id}/${trigger.version}").` });
      }
    }
  }
  return out;
}
