import type { TSchema } from '@sinclair/typebox';
import { ActionMetaSchema } from './action-meta.ts';
import { ActuateConfigSchema } from './actuate-config.ts';
import { FlowSchema } from './flow.ts';

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The published schema files users reference with `$schema`, generated from the TypeBox schemas. */
export const REPO_SCHEMA_FILES: Readonly<Record<string, TSchema>> = {
  'actuate.json': ActuateConfigSchema,
  'action.json': ActionMetaSchema,
  'flow.json': FlowSchema,
};

/** The text of `schemas/<name>`: plain JSON Schema, two-space indented, trailing newline. */
export function repoSchemaText(name: keyof typeof REPO_SCHEMA_FILES): string {
  return `${JSON.stringify({ $schema: DRAFT, ...REPO_SCHEMA_FILES[name] }, null, 2)}\n`;
}
