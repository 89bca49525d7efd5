import { IntegrityError } from '../core/index.ts';
import type { Diagnostic } from '../core/index.ts';
import { checkManifest } from './check.ts';
import type { Manifest } from './schema.ts';

/** How many problems an {@link IntegrityError} message lists before summarising the rest. */
const MAX_LISTED = 5;

/**
 * Decodes and validates manifest bytes (strict UTF-8, JSON, schema and rules). Manifests are
 * machine-written, so a bad one means a corrupt store or a tool mismatch: an exception, not a
 * diagnostic for the user's repo.
 *
 * @param source where the bytes came from, for the message.
 * @throws IntegrityError naming the source and the JSON pointers of the first problems.
 */
export function parseManifest(bytes: Uint8Array, source: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new IntegrityError(`manifest ${source} is not valid UTF-8 JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = checkManifest(value, source);
  if (!result.ok) throw new IntegrityError(formatProblems(source, result.diagnostics));
  return result.manifest;
}

/** One message for several manifest problems: a headline, then one pointer per line. */
export function formatProblems(source: string, diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.slice(0, MAX_LISTED).map((d) => {
    const at = d.pointer === undefined || d.pointer === '' ? '(root)' : d.pointer;
    const prefix = `manifest ${source}: ${at} `;
    return `  ${at}: ${d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message}`;
  });
  const more = diagnostics.length - MAX_LISTED;
  if (more > 0) lines.push(`  ...and ${more} more`);
  return `manifest ${source} is invalid:\n${lines.join('\n')}`;
}
