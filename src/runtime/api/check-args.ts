import { toJsonSchema } from '../../triggers/index.ts';
import type { ApiMethod, JsonSchema } from '../../triggers/index.ts';
import { InternalError } from '../../core/index.ts';
import { describeValue, isRecord } from './values.ts';

/**
 * Argument checks generated from a method's parameter schemas (the trigger definition is the only
 * source). A generated checker rather than ajv, because the message is the product here: the action
 * gets a `TypeError` such as `api.multifactor.enable: provider must be one of "any", "none", … got
 * "sms"` or `api.authentication.challengeWith: factor.type must be one of …`, the way Auth0 reports a
 * bad argument, and a union of objects is explained through its `type` discriminator instead of a
 * list of every branch that failed. The schemas use a small subset of JSON Schema (what
 * `toJsonSchema` emits), and each kind is handled below; an unknown keyword is a bug (InternalError).
 */

/** Checks one call's arguments; returns them with absent optional parameters as `undefined`. */
export type ArgsChecker = (args: readonly unknown[]) => unknown[];

/** Builds the checker of `method`; `label` (e.g. `api.access.deny`) prefixes every message. */
export function compileArgsChecker(label: string, method: ApiMethod): ArgsChecker {
  const params = method.params.map((p) => {
    const node = compileNode(toJsonSchema(p.schema));
    return { name: p.name, optional: p.optional === true, node, acceptsNull: node.check(null, '') === undefined };
  });
  return (args) => {
    const out: unknown[] = [];
    params.forEach((p, i) => {
      const v = args[i];
      if (p.optional && (v === undefined || (v === null && !p.acceptsNull))) {
        out.push(undefined);
        return;
      }
      const problem = p.node.check(v, p.name);
      if (problem !== undefined) throw new TypeError(`${label}: ${problem}`);
      out.push(v);
    });
    return out;
  };
}

// --- internal ---

interface Node {
  /** Undefined when `v` fits; otherwise the message, starting with `path`. */
  check(v: unknown, path: string): string | undefined;
  /** What fits, for messages: `a string`, `one of "a", "b"`. */
  readonly expect: string;
  /** The JavaScript kind this node accepts, to pick the union member a bad value was meant for. */
  readonly kind: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'any';
  /** For literal and enum nodes: the accepted values. */
  readonly literals?: readonly unknown[];
  /** For object nodes: the schema of the `type` property, if it is a literal or an enum. */
  readonly discriminator?: Node;
  /** For union nodes: the members, nested unions flattened (`(A | B) | null` reads as `A, B or null`). */
  readonly members?: readonly Node[];
}

const mismatch = (path: string, expect: string, v: unknown) => `${path} must be ${expect}, got ${describeValue(v)}`;

function compileNode(s: JsonSchema): Node {
  if (Array.isArray(s['enum'])) return literalNode(s['enum'] as unknown[]);
  if ('const' in s) return literalNode([s['const']]);
  if (Array.isArray(s['anyOf'])) return unionNode((s['anyOf'] as JsonSchema[]).map(compileNode));
  switch (s['type']) {
    case undefined:
      return { kind: 'any', expect: 'any value', check: () => undefined };
    case 'string':
      return primitive('string', 'a string', (v) => typeof v === 'string');
    case 'number':
      return primitive('number', 'a number', (v) => typeof v === 'number' && Number.isFinite(v));
    case 'integer':
      return primitive('number', 'an integer', (v) => typeof v === 'number' && Number.isSafeInteger(v));
    case 'boolean':
      return primitive('boolean', 'a boolean', (v) => typeof v === 'boolean');
    case 'null':
      return primitive('null', 'null', (v) => v === null);
    case 'array':
      return arrayNode(compileNode(s['items'] as JsonSchema));
    case 'object':
      return objectNode(s);
    default:
      throw new InternalError(`check-args: unsupported JSON Schema type ${JSON.stringify(s['type'])}`);
  }
}

function primitive(kind: Node['kind'], expect: string, ok: (v: unknown) => boolean): Node {
  return { kind, expect, check: (v, path) => (ok(v) ? undefined : mismatch(path, expect, v)) };
}

function literalNode(values: readonly unknown[]): Node {
  const shown = values.map((v) => JSON.stringify(v));
  const expect = values.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
  const first = values[0];
  const kind = first === null ? 'null' : (typeof first as Node['kind']);
  return { kind, expect, literals: values, check: (v, path) => (values.includes(v) ? undefined : mismatch(path, expect, v)) };
}

function arrayNode(items: Node): Node {
  return {
    kind: 'array',
    expect: 'an array',
    check(v, path) {
      if (!Array.isArray(v)) return mismatch(path, 'an array', v);
      for (let i = 0; i < v.length; i++) {
        const problem = items.check(v[i], `${path}[${i}]`);
        if (problem !== undefined) return problem;
      }
      return undefined;
    },
  };
}

function objectNode(s: JsonSchema): Node {
  const props = Object.entries((s['properties'] ?? {}) as Record<string, JsonSchema>).map(
    ([key, schema]) => [key, compileNode(schema)] as const,
  );
  const required = new Set((s['required'] ?? []) as string[]);
  const extra = isRecord(s['additionalProperties']) ? compileNode(s['additionalProperties'] as JsonSchema) : undefined;
  const known = new Set(props.map(([k]) => k));
  const discriminator = props.find(([k]) => k === 'type' && required.has(k))?.[1];
  return {
    kind: 'object',
    expect: 'an object',
    ...(discriminator?.literals !== undefined ? { discriminator } : {}),
    check(v, path) {
      if (!isRecord(v)) return mismatch(path, 'an object', v);
      for (const [key, node] of props) {
        const value = v[key];
        if (value === undefined && !required.has(key)) continue;
        const problem = node.check(value, member(path, key));
        if (problem !== undefined) return problem;
      }
      if (extra !== undefined) {
        for (const [key, value] of Object.entries(v)) {
          if (known.has(key)) continue;
          const problem = extra.check(value, member(path, key));
          if (problem !== undefined) return problem;
        }
      }
      return undefined;
    },
  };
}

function unionNode(nested: readonly Node[]): Node {
  const members = nested.flatMap((m) => m.members ?? [m]);
  const expects = [...new Set(members.map((m) => m.expect))];
  const expect = expects.length === 1 ? expects[0]! : `${expects.slice(0, -1).join(', ')} or ${expects.at(-1)!}`;
  const kind = members.every((m) => m.kind === members[0]!.kind) ? members[0]!.kind : 'any';
  const discriminated = members.every((m) => m.kind === 'object' && m.discriminator !== undefined);
  return {
    kind,
    expect,
    members,
    check(v, path) {
      if (members.some((m) => m.check(v, path) === undefined)) return undefined;
      if (discriminated && isRecord(v)) {
        // A factor selector and the like: explain the `type` first, then the branch it chose.
        const branch = members.find((m) => m.discriminator!.check(v['type'], '') === undefined);
        if (branch !== undefined) return branch.check(v, path);
        const types = [...new Set(members.flatMap((m) => m.discriminator!.literals!))].map((t) => JSON.stringify(t));
        return mismatch(member(path, 'type'), `one of ${types.join(', ')}`, v['type']);
      }
      // One branch of the value's own kind (e.g. the array branch for an array): report its problem.
      const sameKind = members.filter((m) => m.kind === kindOf(v));
      if (sameKind.length === 1) return sameKind[0]!.check(v, path);
      return mismatch(path, expect, v);
    },
  };
}

function kindOf(v: unknown): Node['kind'] {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'any';
}

function member(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
