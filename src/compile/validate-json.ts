import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, closestMatch, createDiagnostic, uniqueDiagnostics, type Diagnostic } from '../core/index.ts';

export interface JsonValidation<T> {
  /** The parsed value when the file is valid JSON *and* matches its schema. */
  readonly value: T | undefined;
  readonly diagnostics: Diagnostic[];
  /** The parse tree, for later checks that need positions (e.g. a flow's action names). */
  readonly tree: Node | undefined;
  readonly lines: LineIndex;
}

/**
 * Parses a JSON file and validates it against a compiled schema, turning every problem into a
 * diagnostic at file:line:col. ajv reports JSON pointers; the jsonc-parser tree maps each pointer back
 * to the exact key or value in the source, so an editor can jump to it.
 */
export function validateJson<T>(file: string, text: string, validate: ValidateFunction<T>): JsonValidation<T> {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === undefined) {
    // Only the first syntax error: later ones are usually consequences of it.
    const diagnostics = errors.slice(0, 1).map((e) =>
      at(lines, file, e.offset, {
        code: 'E_JSON_SYNTAX',
        message: `invalid JSON: ${humanParseError(printParseErrorCode(e.error))}`,
        hint: 'Fix the JSON syntax (JSON allows no comments and no trailing commas).',
      }),
    );
    if (diagnostics.length === 0) diagnostics.push(at(lines, file, 0, { code: 'E_JSON_SYNTAX', message: 'invalid JSON: the file is empty', hint: 'Write a JSON object, e.g. {}.' }));
    return { value: undefined, diagnostics, tree: undefined, lines };
  }
  const value: unknown = JSON.parse(text);
  if (validate(value)) return { value, diagnostics: [], tree, lines };
  const diagnostics = (validate.errors ?? []).map((e) => schemaDiagnostic(file, lines, tree, e));
  return { value: undefined, diagnostics: uniqueDiagnostics(diagnostics), tree, lines };
}

/** The node at a JSON pointer (`/actions/2`), or undefined. */
export function nodeAtPointer(tree: Node, pointer: string): Node | undefined {
  if (pointer === '') return tree;
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  return findNodeAtLocation(tree, segments);
}

/** A diagnostic positioned at a character offset of a file. */
export function at(
  lines: LineIndex,
  file: string,
  offset: number,
  d: Omit<Diagnostic, 'file' | 'line' | 'column' | 'severity'> & { severity?: Diagnostic['severity'] },
): Diagnostic {
  const pos = lines.positionAt(offset);
  return createDiagnostic({ severity: 'error', ...d, file, line: pos.line, column: pos.column });
}

function schemaDiagnostic(file: string, lines: LineIndex, tree: Node, e: ErrorObject): Diagnostic {
  const pointer = e.instancePath;
  const node = nodeAtPointer(tree, pointer) ?? tree;
  const where = pointer === '' ? 'the document' : pointer;
  const base = { code: 'E_SCHEMA', pointer } as const;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params['additionalProperty']);
      const known = Object.keys((e.parentSchema?.['properties'] as object | undefined) ?? {});
      const prop = node.children?.find((c) => c.children?.[0]?.value === name);
      const guess = closestMatch(name, known);
      return at(lines, file, prop?.offset ?? node.offset, {
        ...base,
        pointer: `${pointer}/${name}`,
        message: `unknown property "${name}" in ${where}`,
        hint: guess ? `Did you mean "${guess}"?` : known.length ? `Allowed properties: ${known.join(', ')}.` : 'Remove it.',
      });
    }
    case 'required': {
      const name = String(e.params['missingProperty']);
      const description = (e.schema as unknown) && propertyDescription(e.parentSchema, name);
      return at(lines, file, node.offset, {
        ...base,
        message: `missing required property "${name}" in ${where}`,
        hint: description ? `Add "${name}": ${description}` : `Add "${name}".`,
      });
    }
    case 'enum': {
      const allowed = (e.params['allowedValues'] as unknown[]).map(String);
      const got = String(node.value);
      const guess = closestMatch(got, allowed);
      return at(lines, file, node.offset, {
        ...base,
        message: `${JSON.stringify(node.value)} is not allowed at ${where}`,
        hint: `${guess ? `Did you mean "${guess}"? ` : ''}Expected one of: ${allowed.join(', ')}.`,
      });
    }
    case 'type':
      return at(lines, file, node.offset, {
        ...base,
        message: `${where} must be ${article(String(e.params['type']))}, got ${jsonType(node)}`,
        hint: describe(e.parentSchema),
      });
    case 'pattern':
      return at(lines, file, node.offset, {
        ...base,
        message: `${JSON.stringify(node.value)} is not a valid value at ${where}`,
        hint: describe(e.parentSchema) ?? `It must match ${String(e.params['pattern'])}.`,
      });
    case 'propertyNames':
      return at(lines, file, node.offset, { ...base, message: `invalid property name at ${where}`, hint: describe(e.parentSchema) });
    case 'uniqueItems':
      return at(lines, file, node.offset, { ...base, message: `${where} lists the same value twice (items ${String(e.params['j'])} and ${String(e.params['i'])})`, hint: 'Remove the duplicate.' });
    default:
      return at(lines, file, node.offset, { ...base, message: `${where} ${e.message ?? 'is invalid'}`, hint: describe(e.parentSchema) });
  }
}

function propertyDescription(parent: unknown, name: string): string | undefined {
  const props = (parent as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  return props?.[name]?.description;
}

function describe(schema: unknown): string | undefined {
  return (schema as { description?: string } | undefined)?.description;
}

function jsonType(node: Node): string {
  return node.type === 'null' ? 'null' : article(node.type);
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function humanParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

