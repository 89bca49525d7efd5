import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_SCHEMA_FILES, repoSchemaText } from './json-schema.ts';

describe.each(Object.keys(REPO_SCHEMA_FILES))('schemas/%s', (name) => {
  it('is generated from the TypeBox schema (run `npx vitest run src/compile/schemas -u` after changing it)', async () => {
    await expect(repoSchemaText(name)).toMatchFileSnapshot(`../../../schemas/${name}`);
  });

  it('compiles under ajv strict mode', () => {
    expect(() => new Ajv({ strict: true, allowUnionTypes: true }).compile(JSON.parse(repoSchemaText(name)))).not.toThrow();
  });

  it('describes every property, so editors show hover docs', () => {
    const undocumented: string[] = [];
    const walk = (schema: Record<string, unknown>, path: string): void => {
      const props = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(props)) {
        if (typeof child['description'] !== 'string' || child['description'] === '') undocumented.push(`${path}/${key}`);
        walk(child, `${path}/${key}`);
      }
    };
    walk(JSON.parse(repoSchemaText(name)), '');
    expect(undocumented).toEqual([]);
  });
});

describe('the example repository uses the published schemas', () => {
  it('validates actions-example files against them', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const root = new URL('../../../actions-example/', import.meta.url);
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    const check = (schema: string, file: URL) => {
      const validate = ajv.compile(JSON.parse(repoSchemaText(schema)));
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(ok ? [] : validate.errors).toEqual([]);
    };
    check('actuate.json', new URL('actuate.json', root));
    for (const a of readdirSync(new URL('actions/', root))) check('action.json', new URL(`actions/${a}/action.json`, root));
    for (const f of readdirSync(new URL('flows/', root))) check('flow.json', new URL(`flows/${f}`, root));
  });
});
