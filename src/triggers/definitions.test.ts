import { Kind, OptionalKind } from '@sinclair/typebox';
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { currentVersion, getTrigger, listTriggerIds, listVersions, TRIGGERS, triggerKey, typeNamespace } from './index.ts';
import type { TriggerDefinition } from './index.ts';

/** Paths (like `event.user.email`) of schemas below `schema` that lack a description. */
function undocumented(schema: TSchema, path: string): string[] {
  const missing: string[] = [];
  if (typeof schema.description !== 'string' || schema.description.trim() === '') missing.push(path);
  return [...missing, ...childrenWithoutDocs(schema, path)];
}

function childrenWithoutDocs(schema: TSchema, path: string): string[] {
  switch (schema[Kind]) {
    case 'Object':
      return Object.entries((schema['properties'] ?? {}) as Record<string, TSchema>).flatMap(([k, v]) =>
        undocumented(v, `${path}.${k}`),
      );
    case 'Array':
    case 'Record':
    case 'Union': {
      // Members of arrays, records and unions document themselves only when they are objects.
      const inner =
        schema[Kind] === 'Array'
          ? [schema['items'] as TSchema]
          : schema[Kind] === 'Record'
            ? Object.values(schema['patternProperties'] as Record<string, TSchema>)
            : (schema['anyOf'] as TSchema[]);
      return inner.flatMap((s, k) => (s[Kind] === 'Object' ? undocumented(s, `${path}[${k}]`) : childrenWithoutDocs(s, path)));
    }
    default:
      return [];
  }
}

/** The api namespaces DESIGN.md's trigger table requires (each trigger also has `cache`). */
const REQUIRED_NAMESPACES: Record<string, string[]> = {
  'post-login@v3': [
    'access', 'accessToken', 'idToken', 'authentication', 'multifactor', 'redirect', 'user', 'transaction',
    'validation', 'samlResponse', 'prompt', 'refreshToken', 'session', 'rules', 'groups', 'roles',
  ],
  'credentials-exchange@v2': ['access', 'accessToken', 'transaction'],
  'password-reset-post-challenge@v1': ['access', 'authentication', 'redirect', 'transaction', 'prompt'],
  'pre-user-registration@v2': ['access', 'validation', 'user'],
  'post-user-registration@v2': [],
  'post-change-password@v2': [],
  'send-phone-message@v2': [],
};

describe.each(TRIGGERS.map((def) => [triggerKey(def), def] as const))('definition %s', (key, def: TriggerDefinition) => {
  it('has well-formed identity, handlers and limits', () => {
    expect(def.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(def.version).toMatch(/^v[1-9][0-9]*$/);
    expect(def.typeName).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(def.handlers.execute).toMatch(/^onExecute[A-Z][A-Za-z]+$/);
    if (def.handlers.continue !== undefined) {
      expect(def.handlers.continue).toBe(def.handlers.execute.replace(/^onExecute/, 'onContinue'));
      expect(def.mode).toBe('sync');
    }
    expect(Number.isInteger(def.maxActionsPerFlow) && def.maxActionsPerFlow >= 1 && def.maxActionsPerFlow <= 20).toBe(true);
    expect(def.description.length).toBeGreaterThan(20);
  });

  it('documents every event property', () => {
    expect(undocumented(def.event, 'event')).toEqual([]);
    const props = def.event.properties as Record<string, TSchema>;
    for (const k of ['tenant', 'secrets']) expect(props[k], `event.${k}`).toBeDefined();
    expect(props['secrets']?.[OptionalKind]).toBeUndefined();
  });

  it('has unique, documented api namespaces, methods and parameters', () => {
    const names = def.api.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('cache');
    for (const required of REQUIRED_NAMESPACES[key] ?? ['?']) expect(names).toContain(required);
    for (const ns of def.api) {
      expect(ns.description.trim(), `api.${ns.name}`).not.toBe('');
      const methods = ns.methods.map((m) => m.name);
      expect(new Set(methods).size, `api.${ns.name} methods`).toBe(methods.length);
      expect(methods.length, `api.${ns.name} has methods`).toBeGreaterThan(0);
      for (const m of ns.methods) {
        const where = `api.${ns.name}.${m.name}`;
        expect(m.description.trim(), where).not.toBe('');
        const params = m.params.map((p) => p.name);
        expect(new Set(params).size, `${where} params`).toBe(params.length);
        m.params.forEach((p, k) => {
          expect(p.description.trim(), `${where}(${p.name})`).not.toBe('');
          expect(p.name, `${where} param name`).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
          const later = m.params.slice(k + 1);
          if (p.optional) expect(later.every((q) => q.optional), `${where}: optional params come last`).toBe(true);
        });
        if (m.onlyIn?.includes('continue')) expect(def.handlers.continue, `${where} needs a continue handler`).toBeDefined();
      }
    }
  });
});

describe('Auth0 semantics the definitions encode', () => {
  const method = (key: string, ns: string, name: string) => {
    const [id, version] = key.split('@');
    const found = getTrigger(id ?? '', version)
      ?.api.find((n) => n.name === ns)
      ?.methods.find((m) => m.name === name);
    if (found === undefined) throw new Error(`${key} api.${ns}.${name} missing`);
    return found;
  };

  it('only lets recordMethod run in onContinuePostLogin', () => {
    expect(method('post-login@v3', 'authentication', 'recordMethod').onlyIn).toEqual(['continue']);
  });

  it('chains the methods Auth0 documents as returning api', () => {
    for (const [ns, name] of [
      ['access', 'deny'], ['accessToken', 'setCustomClaim'], ['idToken', 'setCustomClaim'], ['multifactor', 'enable'],
      ['redirect', 'sendUserTo'], ['user', 'setAppMetadata'], ['user', 'setUserMetadata'], ['validation', 'error'],
    ] as const) {
      expect(method('post-login@v3', ns, name).returns, `${ns}.${name}`).toEqual({ kind: 'api' });
    }
    expect(method('post-login@v3', 'accessToken', 'addScope').returns).toEqual({ kind: 'void' });
    expect(method('password-reset-post-challenge@v1', 'redirect', 'sendUserTo').returns).toEqual({ kind: 'void' });
  });

  it('takes an OAuth error code in credentials-exchange access.deny and two messages in pre-user-registration', () => {
    const m2m = method('credentials-exchange@v2', 'access', 'deny').params;
    expect(m2m.map((p) => [p.name, p.optional === true])).toEqual([['code', false], ['reason', true]]);
    const signup = method('pre-user-registration@v2', 'access', 'deny').params;
    expect(signup.map((p) => [p.name, p.optional === true])).toEqual([['reason', false], ['userMessage', false]]);
  });

  it('makes the directory look-ups asynchronous', () => {
    for (const [ns, name] of [['groups', 'getUserGroups'], ['groups', 'hasGroupMembership'], ['roles', 'getUserEffectiveRoles']]) {
      expect(method('post-login@v3', ns ?? '', name ?? '').returns, `${ns}.${name}`).toMatchObject({ kind: 'value', async: true });
    }
  });

  it('marks canRedirect deprecated and async triggers as async', () => {
    expect(method('post-login@v3', 'redirect', 'canRedirect').deprecated).toMatch(/interaction_required/);
    expect(TRIGGERS.filter((t) => t.mode === 'async').map(triggerKey)).toEqual([
      'post-user-registration@v2',
      'post-change-password@v2',
    ]);
  });

  it('limits password-reset-post-challenge to 4 actions and others to 20', () => {
    expect(getTrigger('password-reset-post-challenge')?.maxActionsPerFlow).toBe(4);
    expect(getTrigger('post-login')?.maxActionsPerFlow).toBe(20);
  });
});

describe('registry', () => {
  it('lists the seven seed triggers in a stable order, each key and namespace once', () => {
    expect(TRIGGERS.map(triggerKey)).toEqual([
      'post-login@v3',
      'credentials-exchange@v2',
      'password-reset-post-challenge@v1',
      'pre-user-registration@v2',
      'post-user-registration@v2',
      'post-change-password@v2',
      'send-phone-message@v2',
    ]);
    expect(new Set(TRIGGERS.map(typeNamespace)).size).toBe(TRIGGERS.length);
    expect(new Set(TRIGGERS.map((t) => t.typeName)).size).toBe(TRIGGERS.length);
    expect(Object.isFrozen(TRIGGERS)).toBe(true);
  });

  it('resolves the latest version when none is given, and undefined for unknown ones', () => {
    expect(getTrigger('post-login')?.version).toBe('v3');
    expect(getTrigger('post-login', 'v3')?.id).toBe('post-login');
    expect(getTrigger('post-login', 'v2')).toBeUndefined();
    expect(getTrigger('post-logon')).toBeUndefined();
    expect(currentVersion('send-phone-message')).toBe('v2');
    expect(currentVersion('nope')).toBeUndefined();
    expect(listVersions('credentials-exchange')).toEqual(['v2']);
    expect(listTriggerIds()).toEqual(TRIGGERS.map((t) => t.id));
  });
});
