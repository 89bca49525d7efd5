import { ManifestSchema } from './schema.ts';

/** The JSON Schema dialect TypeBox emits and ajv validates by default. */
const DRAFT = 'http://json-schema.org/draft-07/schema#';

/**
 * The text of `schemas/manifest.json`: the TypeBox schema as plain JSON (TypeBox's symbol keys
 * drop out in `JSON.stringify`), two-space indented with a trailing newline. Tests pin the file
 * to this text, so the published schema never drifts from the one the code validates with.
 */
export function manifestJsonSchemaText(): string {
  return `${JSON.stringify({ $schema: DRAFT, ...ManifestSchema }, null, 2)}\n`;
}
