import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sampleManifest } from '../../test/manifest/sample-manifest.ts';
import { manifestJsonSchemaText } from './json-schema.ts';

describe('schemas/manifest.json', () => {
  it('is generated from the TypeBox schema (run `npx vitest run src/manifest -u` after changing it)', async () => {
    await expect(manifestJsonSchemaText()).toMatchFileSnapshot('../../schemas/manifest.json');
  });

  it('is a valid schema under ajv strict mode and accepts a real manifest', () => {
    const validate = new Ajv({ strict: true }).compile(JSON.parse(manifestJsonSchemaText()));
    expect(validate(JSON.parse(JSON.stringify(sampleManifest())))).toBe(true);
    expect(validate({ ...sampleManifest(), manifestVersion: 2 })).toBe(false);
  });

  it('describes every property, so editors can explain each field', () => {
    const undocumented: string[] = [];
    const walk = (schema: Record<string, unknown>, path: string): void => {
      if (typeof schema['description'] !== 'string' || schema['description'] === '') undocumented.push(path || '(root)');
      const props = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(props)) walk(child, `${path}/${key}`);
      const patterns = (schema['patternProperties'] ?? {}) as Record<string, Record<string, unknown>>;
      for (const child of Object.values(patterns)) walk(child, `${path}/*`);
      const items = schema['items'] as Record<string, unknown> | undefined;
      if (items !== undefined) walk(items, `${path}/[]`);
    };
    walk(JSON.parse(manifestJsonSchemaText()), '');
    expect(undocumented).toEqual([]);
  });
});
